// The embed's JavaScript API and event options: mount() called twice without
// await settles both promises, and an organization can leave the pathway
// statuses out of the icp-complete event (statuses="off" / statuses: false).
import assert from 'node:assert/strict';
import { language, small, smallAnswers } from './support.mjs';
import { test, widgetReady, button, expectHeading, answer } from './fixtures.mjs';

const EN = language('en');
const SMALL = language('en', small);

/** The api.html example with its own widget unmounted, `mount` left in the page as `window.__icpMount` for the test's own calls. */
async function openApiPage(openExample, embed) {
  const page = await openExample('api.html');
  await widgetReady(page.locator('#widget'));
  await page.waitForFunction(() => window.icpHandle !== undefined);
  await page.evaluate(async (moduleUrl) => {
    window.__icpMount = (await import(moduleUrl)).mount;
    window.icpHandle.unmount();
  }, `${embed.origin}/ic-pathfinder.js`);
  return page;
}

test('mount() twice without await settles the first promise with a handle that is not mounted, and the second mount shows the widget', async ({ openExample, embed }) => {
  const page = await openApiPage(openExample, embed);
  await page.evaluate(async () => {
    const [mount, element] = [window.__icpMount, document.getElementById('widget')];
    const first = mount(element, { storageKey: 'first' });
    const second = mount(element, { storageKey: 'second', definition: 'small.json' });
    first.then((h) => { window.__first = { mounted: h.mounted }; }, (e) => { window.__first = { rejected: String(e) }; });
    const handle = await second;
    window.__second = { mounted: handle.mounted };
    window.__secondHandle = handle;
  });
  await page.waitForFunction(() => window.__second !== undefined);
  try {
    await page.waitForFunction(() => window.__first !== undefined);
  } catch {
    assert.fail('the first mount() never settled');
  }
  assert.deepEqual(await page.evaluate(() => window.__first), { mounted: false }, 'the superseded mount resolves to a handle that is not mounted');
  assert.deepEqual(await page.evaluate(() => window.__second), { mounted: true });
  const widget = page.locator('#widget');
  await expectHeading(widget, small.title);
  assert.equal(await widget.locator('.icp-root').count(), 1, 'one widget in the element');
  await page.evaluate(() => window.__secondHandle.unmount());
  await page.waitForFunction(() => document.getElementById('widget').shadowRoot.childNodes.length === 0);
});

/** Completes the small definition in `scope` and reaches the checklist. */
async function complete(scope) {
  await expectHeading(scope, small.title);
  await button(scope, EN.T.start).click();
  for (const [id, value] of Object.entries(smallAnswers)) {
    await answer(scope, SMALL, id, value);
  }
  await expectHeading(scope, EN.T.checkTitle);
  await button(scope, EN.T.seeResults).click();
  await expectHeading(scope, EN.T.resultsTitle);
}

test('With statuses="off" the icp-complete event still fires on completion, with no statuses in its detail', async ({ openExample, embed }) => {
  const address = embed.url('examples/statuses-off.html');
  const page = await openExample('statuses-off.html', {
    beforeLoad: async (p) => {
      await p.route(address, (route) => route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Statuses off</title><link rel="icon" href="data:,">
<script type="module" src="../ic-pathfinder.js"></script></head>
<body><main><ic-pathfinder id="org" storage-key="org" definition="small.json" statuses="off"></ic-pathfinder></main></body></html>`,
}));
      await p.addInitScript(() => {
        window.__icpEvents = [];
        document.addEventListener('icp-complete', (e) => window.__icpEvents.push({ target: e.target.id, json: JSON.stringify(e.detail) }));
      });
    },
  });
  const widget = page.locator('#org');
  await widgetReady(widget);
  await complete(widget);
  await page.waitForFunction(() => window.__icpEvents.length > 0);
  const events = await page.evaluate(() => window.__icpEvents);
  assert.equal(events[0].target, 'org', 'fired on the element');
  for (const event of events) assert.deepEqual(JSON.parse(event.json), {}, 'no statuses in the detail');
});

test('With mount() option statuses: false the icp-complete event has no statuses, and onComplete still gets them', async ({ openExample, embed }) => {
  const page = await openApiPage(openExample, embed);
  await page.evaluate(async () => {
    const [mount, element] = [window.__icpMount, document.getElementById('widget')];
    window.__icpEvents = [];
    window.__icpCallbacks = [];
    element.addEventListener('icp-complete', (e) => window.__icpEvents.push(JSON.stringify(e.detail)));
    await mount(element, {
      storageKey: 'no-statuses', definition: 'small.json', statuses: false,
      onComplete: (statuses) => window.__icpCallbacks.push(JSON.stringify(statuses)),
    });
  });
  await complete(page.locator('#widget'));
  await page.waitForFunction(() => window.__icpEvents.length > 0 && window.__icpCallbacks.length > 0);
  const { events, callbacks } = await page.evaluate(() => ({ events: window.__icpEvents, callbacks: window.__icpCallbacks }));
  for (const detail of events) assert.deepEqual(JSON.parse(detail), {}, 'no statuses in the event');
  assert.deepEqual(JSON.parse(callbacks[0]), { course: 'in_progress' }, 'the organization\'s own callback gets the statuses');
});
