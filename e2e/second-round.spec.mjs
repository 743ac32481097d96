// Nothing lost, second round (issue 33): the points fixed so far, each as a
// candidate meets it, in both languages where words are shown.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { language, linkValue, CANDIDATES, STORAGE_KEY } from './support.mjs';
import { test, expect, expectHeading, heading, completeScenario, savedProgress, expectRequirement, answer, reload, embedPage, widgetReady, button } from './fixtures.mjs';

for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  test(`What-if reads a typed number as the question page does: "+120", "150.0", "1e3" and out-of-range input are refused with its message, digits grouped as the language writes them are read (${lang})`, async ({ openWidget }) => {
    const page = await openWidget(lang === 'en' ? {} : { locale: 'fr-CA', hostLang: 'fr-CA' });
    await completeScenario(page, L, CANDIDATES.certifiedCanadian);
    const before = await savedProgress(page);
    await page.getByText(L.T.whatIf, { exact: true }).click();
    const q = L.question('directing_hours');
    const field = page.locator('.icp-what-if').getByRole('textbox', { name: q.text, exact: true });
    const row = page.locator('.icp-what-if__row').filter({ has: page.getByRole('textbox', { name: q.text, exact: true }) });
    for (const [typed, message] of [['+120', L.T.wholeNumber], ['150.0', L.T.wholeNumber], ['1e3', L.T.wholeNumber],
      [String(q.max + 1), L.T.numberRange.replace('{min}', q.min).replace('{max}', q.max)]]) {
      await field.fill(typed);
      await field.press('Tab');
      await expect(row.locator('.icp-error-message'), `${typed} is refused`).toContainText(message);
      await expect(field, 'what was typed stays, marked as wrong').toHaveValue(typed);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      assert.deepEqual(await savedProgress(page), before, `${typed} changed no answer`);
    }
    // Digits grouped as the language writes them: 2,000 in English, 2 000 in French.
    await field.fill(lang === 'en' ? '2,000' : '2 000');
    await field.press('Tab');
    await expect(row.locator('.icp-error-message')).toHaveCount(0);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect.poll(async () => (await savedProgress(page)).answers.directing_hours).toBe(2000);
    await expectRequirement(page, L, 'icc', 'icc_experience', 'met');
  });
}

test('A translation that never answers is given up at the time limit with the usual message, and pressing the language again retries', async ({ openWidget }) => {
  const EN = language('en');
  const FR = language('fr-CA');
  const page = await openWidget();
  // The page's clock, moved on instead of waiting: the limit is the widget's own timer.
  await page.clock.install();
  let held = true;
  await page.route('**/default.fr-CA.json', (route) => (held ? undefined : route.continue()));
  const switcher = page.locator('.icp-root .icp-lang__button');
  await switcher.click();
  await expect(page.locator('.icp-lang__status')).toHaveText(EN.T.loading);
  await page.clock.fastForward(15_000);
  await expect(page.locator('.icp-lang__status')).toHaveText(EN.T.languageUnavailable);
  // Pressing the language again tries again, and this time the file comes.
  held = false;
  await switcher.click();
  await expect(page.getByRole('heading', { level: 2, name: FR.content.title, exact: true })).toBeVisible();
});

test('Another tab that only opens "Check or change your answers" changes nothing, so this tab does not ask which answers to keep', async ({ openWidget, demo }) => {
  const EN = language('en');
  const first = await openWidget();
  await completeScenario(first, EN, CANDIDATES.newcomer);
  const second = await first.context().newPage();
  await second.goto(`${demo.origin}/`);
  // A candidate who had reached the results comes back to them.
  await expectHeading(second, EN.T.resultsTitle);
  await second.getByRole('button', { name: EN.T.reviewAnswers, exact: true }).click();
  await expectHeading(second, EN.T.checkTitle);
  // The first tab has heard the write (its own storage shows it) and had a turn to answer it.
  await first.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).at_results === false, STORAGE_KEY);
  await first.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => resolve()); }));
  await expect(first.getByRole('status').filter({ hasText: EN.T.noticeElsewhere })).toHaveCount(0);
  // A real change still asks.
  await second.getByRole('button', { name: EN.T.seeResults, exact: true }).click();
  await second.locator('.icp-plan__item').first().getByRole('checkbox').check();
  await first.getByRole('status').filter({ hasText: EN.T.noticeElsewhere }).waitFor();
});

/** Another tab of the same browser saves different answers (its widget settled first: its opening save would put back what it read). */
async function otherTabAnswersDifferently(page, demo) {
  const other = await page.context().newPage();
  await other.goto(`${demo.origin}/`);
  await widgetReady(other);
  await other.evaluate((key) => {
    const record = JSON.parse(localStorage.getItem(key));
    record.answers = { industry_experience: 'few_plus' };
    localStorage.setItem(key, JSON.stringify(record));
  }, STORAGE_KEY);
}

/** The records kept aside under the demo page's key, oldest first. */
const keptRecords = async (page) => JSON.parse((await page.evaluate((k) => localStorage.getItem(`${k}:kept`), STORAGE_KEY)) || '[]');

test('Restoring earlier answers while "changed in another tab" asks keeps everything: the restored answers are saved, and this tab\'s and the other tab\'s answers are kept', async ({ openWidget, demo }) => {
  const EN = language('en');
  const page = await openWidget();
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  await answer(page, EN, 'industry_experience', 'none');
  const own = (await savedProgress(page)).answers;
  await page.evaluate((h) => { location.hash = h; }, `icp=${linkValue(EN.content.id, CANDIDATES.idiCanada)}`);
  await page.getByRole('button', { name: EN.T.keepShared, exact: true }).click();
  await expectHeading(page, EN.T.resultsTitle);
  // Back on the start page, where earlier answers are offered back (as after a visit that ended before the results).
  await page.evaluate((key) => {
    const record = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify({ ...record, at_results: false }));
  }, STORAGE_KEY);
  await reload(page);
  await page.getByRole('button', { name: EN.T.restoreKept, exact: true }).waitFor();

  // Another tab of the same browser answers differently.
  await otherTabAnswersDifferently(page, demo);
  await page.getByRole('status').filter({ hasText: EN.T.noticeElsewhere }).waitFor();

  await page.getByRole('button', { name: EN.T.restoreKept, exact: true }).click();
  await expect.poll(async () => (await savedProgress(page)).answers, 'the restored answers are written as the record').toEqual(own);
  const kept = (await keptRecords(page)).map((r) => r.answers);
  assert.ok(kept.some((a) => isDeepStrictEqual(a, CANDIDATES.idiCanada)), `this tab's answers are kept: ${JSON.stringify(kept)}`);
  assert.ok(kept.some((a) => a.industry_experience === 'few_plus'), `the other tab's answers are kept: ${JSON.stringify(kept)}`);
  await expect(page.getByRole('status').filter({ hasText: EN.T.noticeElsewhere }), 'settled: nothing left to choose').toHaveCount(0);
  // And it lasts: a reload finds the restored answers.
  await reload(page);
  assert.deepEqual((await savedProgress(page)).answers, own);
});

test('"Keep these as my answers" on a shared view while "changed in another tab" asks saves them, as the banner says, and keeps the other tab\'s', async ({ openWidget, demo }) => {
  const EN = language('en');
  const page = await openWidget();
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  await answer(page, EN, 'industry_experience', 'none');
  await page.evaluate((h) => { location.hash = h; }, `icp=${linkValue(EN.content.id, CANDIDATES.idiCanada)}`);
  await expectHeading(page, EN.T.sharedTitle);
  await otherTabAnswersDifferently(page, demo);
  await page.getByRole('status').filter({ hasText: EN.T.noticeElsewhere }).waitFor();
  await page.getByRole('button', { name: EN.T.keepShared, exact: true }).click();
  await page.getByRole('status').filter({ hasText: EN.T.noticeKept }).waitFor();
  await expect.poll(async () => (await savedProgress(page)).answers).toEqual(CANDIDATES.idiCanada);
  assert.ok((await keptRecords(page)).some((r) => r.answers.industry_experience === 'few_plus'), 'the other tab\'s answers are kept');
  await reload(page);
  assert.deepEqual((await savedProgress(page)).answers, CANDIDATES.idiCanada, 'a reload shows the kept answers, not the other tab\'s');
});

// Point 9: a host's own history.state that is not a plain object.
const HOST_STATES = {
  'a string': '"host-route"',
  'a number': '42',
  'a Date': 'new Date(86400000)',
  'an array': '["host", 1]',
};
for (const [kind, value] of Object.entries(HOST_STATES)) {
  test(`A host page whose history.state is ${kind} gets it back unchanged on its own entry, and its value travels beside the widget's pages`, async ({ openPage, embed }) => {
    const EN = language('en');
    const page = await openPage(embedPage(embed, `host-state-${kind.replace(/\W+/g, '-')}.html`,
      `<script>history.replaceState(${value}, '');</script><ic-pathfinder storage-key="host-state"></ic-pathfinder>`));
    const widget = page.locator('ic-pathfinder');
    await widgetReady(widget);
    // The host's state, as the host reads it (type and value).
    const read = () => page.evaluate(() => {
      const s = history.state;
      const show = (v) => (v instanceof Date ? `Date(${v.getTime()})` : JSON.stringify(v));
      return s && typeof s === 'object' && !Array.isArray(s) && !(s instanceof Date) ? { ours: Object.keys(s.icpPathfinder || {}).length > 0, host: s.icpHost === undefined ? undefined : show(s.icpHost) } : { own: show(s) };
    });
    const own = await read();
    assert.ok(own.own !== undefined, `the host's entry is left as it was at mount: ${JSON.stringify(own)}`);
    await button(widget, EN.T.start).click();
    const [id, answerValue] = Object.entries(CANDIDATES.newcomer)[0];
    await answer(widget, EN, id, answerValue);
    const pushed = await read();
    assert.deepEqual(pushed, { ours: true, host: own.own }, "the widget's entry keeps the host's value beside its own");
    await page.goBack();
    await page.goBack();
    await expectHeading(widget, EN.content.title);
    assert.deepEqual(await read(), own, "back on the host's entry, its state is the host's, unchanged");
    await page.goForward();
    await expectHeading(widget, EN.question(id).text);
  });
}

// Point 16: a share link for a checklist that is not on the page.
for (const lang of ['en', 'fr-CA']) {
  test(`A share link made for another checklist, opened or pasted where only this widget is, is left as it is and the candidate is told, their own answers unchanged (${lang})`, async ({ openWidget }) => {
    const L = language(lang);
    const other = `icp=${linkValue('another-checklist', { level1: true })}`;
    const options = lang === 'en' ? {} : { locale: 'fr-CA', hostLang: 'fr-CA' };
    // Opened with the page.
    const page = await openWidget({ ...options, hash: `#${other}` });
    await page.getByRole('status').filter({ hasText: L.T.noticeLinkForOther }).waitFor();
    await expectHeading(page, L.content.title);
    assert.equal(await savedProgress(page), null, 'nothing saved');
    assert.ok(page.url().endsWith(other), 'the link is left for the widget it is for');
    // Pasted into the address bar of the open page, after answering.
    await page.evaluate(() => { location.hash = ''; });
    await page.getByRole('button', { name: L.T.dismiss, exact: true }).click();
    await page.getByRole('button', { name: L.T.start, exact: true }).click();
    const [id, value] = Object.entries(CANDIDATES.newcomer)[0];
    await answer(page, L, id, value);
    const own = await savedProgress(page);
    await page.evaluate((h) => { location.hash = h; }, other);
    await page.getByRole('status').filter({ hasText: L.T.noticeLinkForOther }).waitFor();
    assert.deepEqual(await savedProgress(page), own, 'the own answers are unchanged');
  });
}

test('On a page with two widgets, a share link made for the second is opened by it, and the first says nothing about it', async ({ openExample }) => {
  const L = language('en');
  const small = { level1: true, set_hours: 120, first_aid: 'mental_health' };
  const page = await openExample(`two-instances.html#icp=${linkValue('stage-combat-school', small)}`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expectHeading(second, L.T.sharedTitle);
  await expectHeading(first, L.content.title);
  await expect(first.getByText(L.T.noticeLinkForOther)).toHaveCount(0);
});

// Point 8, second half: each widget runs in its own instance of the wasm.
test('A bug that stops one widget leaves the other widget on the page working, and the stopped one comes back in a fresh instance when remounted', async ({ openExample, axe }) => {
  const L = language('en');
  const page = await openExample('two-instances.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expectHeading(first, L.content.title);
  const own = 'Can you join our intimacy coordination course?';
  await expectHeading(second, own);
  // The first widget's instance is the glue module at its own address; the second's is another.
  const crashed = await page.evaluate(async () => {
    const core = await import('../ic-pathfinder-core.js');
    try { core.simulateCrash(); return 'no panic'; } catch (e) { return e.constructor.name; }
  });
  assert.equal(crashed, 'RuntimeError', 'the panic aborts that instance');
  await first.getByRole('alert').filter({ hasText: 'The pathway checker stopped' }).waitFor();
  await expect(second.getByRole('alert')).toHaveCount(0);
  // The panel's "Reload the page" is readable (a link drawn as a button, not in the link colour).
  await expect(first.getByRole('link', { name: 'Reload the page' })).toHaveCSS('color', 'rgb(255, 255, 255)');
  await axe(page, 'a stopped widget beside a working one', '#first');
  // The other widget still answers.
  await second.getByRole('button', { name: L.T.start, exact: true }).click();
  await expectHeading(second, 'Have you completed a Level 1 intimacy workshop?');
  await second.getByRole('radio', { name: L.T.yes, exact: true }).check();
  await second.getByRole('button', { name: L.T.continue, exact: true }).click();
  await expect(heading(second, 'Have you completed a Level 1 intimacy workshop?')).toHaveCount(0);
  await expect(second.getByRole('alert')).toHaveCount(0);
  // Remounted (its language changed), the stopped widget runs again, in a new instance.
  await page.evaluate(() => document.querySelector('#first').setAttribute('lang', 'fr-CA'));
  await expectHeading(first, language('fr-CA').content.title);
  await first.getByRole('button', { name: language('fr-CA').T.start, exact: true }).click();
  await expect(first.getByRole('alert')).toHaveCount(0);
  // The uncaught RuntimeError of the simulated crash is expected; nothing else.
  page.pageErrors = [];
});

// Point 14: a long checklist is drawn in steps, the first routes at once.
test('A checklist of 60 routes is drawn in two passes: the first routes come with the page, then the rest, until every route and plan step is there', async ({ openPage, embed }) => {
  const L = language('en');
  const definition = {
    id: 'long-checklist', version: 1, lang: 'en', title: 'Sixty routes', intro: 'A long checklist.', publisher: 'Test',
    sources: [{ id: 'handbook', title: 'A handbook', url: 'https://example.org/handbook' }],
    questions: [{ id: 'q', text: 'Have you done it?', type: 'yes_no' }],
    pathways: Array.from({ length: 60 }, (_, p) => ({
      id: `p${p}`, title: `Route ${p + 1}`, summary: 'A route.',
      requirements: Array.from({ length: 10 }, (_, r) => ({
        id: `r${r}`, title: `Step ${r + 1} of route ${p + 1}`, met_when: { equals: { question: 'q', value: false } },
        met: 'Done.', unmet: 'To do.', action: `Do step ${r + 1} of route ${p + 1}.`,
        source: { source: 'handbook', quote: 'Applicants must complete every step.' },
      })),
    })),
  };
  embed.set('/examples/long-checklist.json', { body: JSON.stringify(definition), type: 'application/json' });
  const page = await openPage(embedPage(embed, 'long-checklist.html', '<ic-pathfinder storage-key="long" definition="long-checklist.json"></ic-pathfinder>'));
  await page.getByRole('button', { name: L.T.start, exact: true }).click();
  await page.getByRole('radio', { name: L.T.yes, exact: true }).check();
  await page.getByRole('button', { name: L.T.continue, exact: true }).click();
  // Each time the number of route cards changes, it is noted.
  await page.evaluate(() => {
    const root = document.querySelector('ic-pathfinder').shadowRoot;
    window.counts = [];
    new MutationObserver(() => {
      const n = root.querySelectorAll('.icp-pathway').length;
      if (n && window.counts.at(-1) !== n) window.counts.push(n);
    }).observe(root, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: L.T.seeResults, exact: true }).click();
  await expectHeading(page, L.T.resultsTitle);
  await expect(page.locator('.icp-pathway')).toHaveCount(60);
  const counts = await page.evaluate(() => window.counts);
  assert.ok(counts.length > 1 && counts[0] < 60, `drawn in two passes: ${counts}`);
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'routes are only added');
  // Every plan step is there in the end: three shown, the other 597 behind "more steps".
  await expect(page.locator('.icp-plan__more li')).toHaveCount(597);
});

// Point 5: after two Keeps, the candidate's own answers are still in reach.
for (const lang of ['en', 'fr-CA']) {
  test(`After two share links kept one after the other, the candidate's own answers are in the kept list on the results page, each set said when and whose, and any one restores (${lang})`, async ({ openWidget }) => {
    const L = language(lang);
    const page = await openWidget(lang === 'en' ? {} : { locale: 'fr-CA', hostLang: 'fr-CA' });
    await completeScenario(page, L, CANDIDATES.newcomer);
    const own = (await savedProgress(page)).answers;
    for (const answers of [CANDIDATES.idiCanada, CANDIDATES.certifiedCanadian]) {
      await page.evaluate((h) => { location.hash = h; }, `icp=${linkValue(L.content.id, answers)}`);
      await expectHeading(page, L.T.sharedTitle);
      await page.getByRole('button', { name: L.T.keepShared, exact: true }).click();
      await expectHeading(page, L.T.resultsTitle);
    }
    // On the results page, newest first: the first link's answers, then the candidate's own.
    const list = page.locator('.icp-kept');
    await list.getByText(L.T.keptListTitle.replace('{n}', '2'), { exact: true }).click();
    const items = list.locator('.icp-summary-list__row');
    await expect(items).toHaveCount(2);
    for (const item of [items.nth(0), items.nth(1)]) {
      await expect(item.locator('dt')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await expect(item.locator('dd').first()).toContainText(L.T.keptHere);
    }
    // The button is named by its set's time, as "Change" is by its question.
    const when = await items.nth(1).locator('dt').textContent();
    await items.nth(1).getByRole('button', { name: `${L.T.restoreThese} ${when}`, exact: true }).click();
    await expect.poll(async () => (await savedProgress(page))?.answers).toEqual(own);
    // Nothing is lost on the way: both links' answers are kept now.
    await expect.poll(async () => (await keptRecords(page)).length).toBe(2);
    const kept = (await keptRecords(page)).map((r) => r.answers);
    assert.ok(kept.some((a) => isDeepStrictEqual(a, CANDIDATES.idiCanada)), JSON.stringify(kept));
    assert.ok(kept.some((a) => isDeepStrictEqual(a, CANDIDATES.certifiedCanadian)), JSON.stringify(kept));
  });
}
