// Events for the host page's own analytics (issue "For organizations"):
// icp-start, icp-step, icp-complete and icp-restart, each once per
// occurrence, with their documented fields and never an answer; and the
// same as mount() callbacks.
import assert from 'node:assert/strict';
import { language, CANDIDATES } from './support.mjs';
import { test, expect, widgetReady, button, answer, completeScenario } from './fixtures.mjs';

const EN = language('en');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Events</title>
<script type="module" src="../ic-pathfinder.js"></script>
<script>
  window.heard = [];
  for (const name of ['icp-start', 'icp-step', 'icp-complete', 'icp-restart']) document.addEventListener(name, (e) => window.heard.push({ type: e.type, detail: e.detail }));
</script>
<script type="module">
  import { mount } from '../ic-pathfinder.js';
  window.calls = [];
  const note = (name) => (detail) => window.calls.push([name, detail]);
  mount(document.querySelector('#api'), { storageKey: 'events-api', onStart: note('start'), onStep: note('step'), onRestart: note('restart') });
</script>
</head><body><main><h1>Events</h1><ic-pathfinder id="tag" storage-key="events"></ic-pathfinder><div id="api"></div></main></body></html>`;

/** Every leaf value of a JSON-like value. */
const leaves = (v) => (v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);

test('The host page hears icp-start, icp-step for each question, icp-complete and icp-restart, once each, with their fields and no answer in any', async ({ openExample }) => {
  const page = await openExample('events.html', {
    beforeLoad: (p) => p.route('**/examples/events.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE })),
  });
  const widget = page.locator('#tag');
  await widgetReady(widget);
  const answers = CANDIDATES.idiCanada;
  await completeScenario(widget, EN, answers);
  await button(widget, EN.T.startAgain).click();
  await widget.getByRole('alertdialog').getByRole('button', { name: EN.T.confirmRestartYes, exact: true }).click();
  await button(widget, EN.T.start).waitFor();

  const heard = await page.evaluate(() => window.heard);
  const ids = Object.keys(answers);
  assert.deepEqual(heard.map((e) => e.type), ['icp-start', ...ids.map(() => 'icp-step'), 'icp-complete', 'icp-restart'], 'each event once per occurrence, in order');
  assert.deepEqual(heard[0].detail, { language: 'en' });
  assert.deepEqual(heard.filter((e) => e.type === 'icp-step').map((e) => e.detail), ids.map((question, i) => ({ question, position: i + 1, language: 'en' })));
  assert.deepEqual(heard.at(-1).detail, {});
  // No answer anywhere: no event carries an option chosen, a number entered or a yes/no.
  const given = new Set(Object.values(answers).flat().filter((v) => typeof v === 'string'));
  for (const event of heard) {
    const found = leaves(event.detail).filter((v) => given.has(v) || typeof v === 'boolean');
    assert.deepEqual(found, [], `${event.type} carries no answer: ${JSON.stringify(event.detail)}`);
    if (event.type === 'icp-step') assert.ok(event.detail.question in answers && Object.keys(event.detail).length === 3);
  }

  // The same, as mount() callbacks.
  const api = page.locator('#api');
  await widgetReady(api);
  await button(api, EN.T.start).click();
  await answer(api, EN, 'industry_experience', 'none');
  await expect.poll(() => page.evaluate(() => window.calls.length)).toBe(3);
  assert.deepEqual(await page.evaluate(() => window.calls), [
    ['start', { language: 'en' }],
    ['step', { question: 'industry_experience', position: 1, language: 'en' }],
    ['step', { question: 'recent_graduate', position: 2, language: 'en' }],
  ]);
});

for (const attribute of ['events="minimal"', 'statuses="off"']) {
  test(`With ${attribute}, icp-step carries the question's position and the language, not its id, and no history entry names a question`, async ({ openExample }) => {
    const page = await openExample('events-minimal.html', {
      beforeLoad: (p) => p.route('**/examples/events-minimal.html', (r) => r.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: PAGE.replace('<ic-pathfinder id="tag" storage-key="events">', `<ic-pathfinder id="tag" storage-key="events" ${attribute}>`),
      })),
    });
    const widget = page.locator('#tag');
    await widgetReady(widget);
    const answers = CANDIDATES.idiCanada;
    await completeScenario(widget, EN, answers);
    const steps = (await page.evaluate(() => window.heard)).filter((e) => e.type === 'icp-step').map((e) => e.detail);
    assert.deepEqual(steps, Object.keys(answers).map((_, i) => ({ position: i + 1, language: 'en' })));
    // The browser's history entries, which any script on the page reads: pages by position.
    await page.goBack();
    await page.goBack();
    const state = JSON.stringify(await page.evaluate(() => history.state));
    for (const id of Object.keys(answers)) assert.ok(!state.includes(`"${id}"`) && !state.includes(`:${id}`), `${id} is not in ${state}`);
    // Back still reaches the last question.
    await expect(widget.getByRole('heading', { level: 2, name: EN.question(Object.keys(answers).at(-1)).text, exact: true })).toBeVisible();
  });
}
