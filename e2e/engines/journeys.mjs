// The core journeys, written once and run in each engine (see drivers.mjs):
// one test file per engine calls `journeys('Chromium' | 'Firefox' | 'WebKit')`.
//
// The demo page (dist/, $ICP_DIST) and the embed bundle (dist-embed/,
// $ICP_EMBED_DIST) are served by e2e/serve.mjs on 127.0.0.1, port 0. The
// questions, option labels, pathway titles and the interface's words come
// from the content files and, through support.mjs, the texts exported from
// src/ui/texts.rs and texts_fr.rs (target/e2e/texts.json); the answers and the expected statuses come from the domain
// core's scenario fixtures (crates/pathway/tests/fixtures/scenarios/).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';

import { serve } from '../serve.mjs';
import { ROOT, DIST, EMBED_DIST, STORAGE_KEY, language } from '../support.mjs';
import { startEngine, LOAD_TIMEOUT } from './drivers.mjs';

/** A journey that takes longer than this is stuck: it fails instead of holding up the run. */
const JOURNEY_TIMEOUT = 120000;

const EN = language('en');
const FR = language('fr-CA');

// ---------------------------------------------------------------------------
// Scenario fixtures. Both are answered in exactly the order the flow asks
// (every question they answer is asked, and no other), and between them they
// cover every status tag and every kind of question.

const SCENARIO_DIR = path.join(ROOT, 'crates', 'pathway', 'tests', 'fixtures', 'scenarios');
const fixture = (name) => ({ name, ...JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, `${name}.json`), 'utf8')) });

/** Nothing done yet: four pathways, "Not started", "Not open to you" and "In progress". */
const NOTHING_DONE = fixture('idc_01_nothing_done');
/** Every requirement met, with number answers (hours, years, credits) typed in. */
const EVERYTHING_MET = fixture('icc_01_everything_met');

/** { pathway title: status tag } that a fixture expects, in language `L`. */
function expectedStatuses(scenario, L = EN) {
  return Object.fromEntries(Object.entries(scenario.expect.pathways)
    .map(([id, p]) => [L.pathway(id).title, L.T.status[p.status]]));
}

// ---------------------------------------------------------------------------
// Steps, as a candidate takes them: by the words on the page.

const button = (text) => ({ css: '.icp-root button', text });
const RADIO = '.icp-root .icp-radios__label';
const CHECKBOX = '.icp-root .icp-checkboxes__label';
const NUMBER = { css: '.icp-root .icp-question input.icp-input' };
const SHARE_LINK = { css: '.icp-root input.icp-keep__link[readonly]' };

async function expectHeading(s, text, timeout) {
  await s.waitUntil('headingIs', text, { timeout, what: `expected the page "${text}"` });
}

/** The label a candidate clicks for an answer (radio or checkbox), in language `L`. */
function answerLabels(L, id, value) {
  const q = L.question(id);
  switch (q.type) {
    case 'yes_no': return [{ css: RADIO, text: value ? L.T.yes : L.T.no }];
    case 'single': return [{ css: RADIO, text: L.optionLabel(id, value) }];
    case 'multi': return value.map((v) => ({ css: CHECKBOX, text: L.optionLabel(id, v) }));
    default: return [];
  }
}

/** Gives the answer to the question shown (`id`), clicking labels or typing, and continues. */
async function answerShown(s, L, id, value) {
  const q = L.question(id);
  if (q.type === 'number') await s.type(NUMBER, String(value));
  else for (const label of answerLabels(L, id, value)) await s.click(label);
  await s.click(button(L.T.continue));
}

/** Answers the question `id`, which must be the one shown, and waits for the next page. */
async function answer(s, L, id, value) {
  await expectHeading(s, L.question(id).text);
  await answerShown(s, L, id, value);
  await s.waitUntil('headingNot', L.question(id).text, { what: `the page after "${L.question(id).text}"` });
}

/**
 * From the start page: answers each question the page shows, found by its
 * text, from the scenario's answers by question id, until "Check your
 * answers"; then opens the checklist. Returns the ids asked, in order.
 */
async function completeScenario(s, scenario, L = EN) {
  await s.click(button(L.T.start));
  const asked = [];
  let previous = L.content.title;
  for (let i = 0; i <= L.content.questions.length; i++) {
    const shown = await s.waitUntil('headingNot', previous, { what: `the page after "${previous}"` });
    if (shown === L.T.checkTitle) break;
    const q = L.content.questions.find((x) => x.text === shown);
    assert.ok(q, `${s.engine}: the page "${shown}" is no question of the content`);
    assert.ok(q.id in scenario.answers, `${s.engine}: the flow asks "${q.id}", which scenario ${scenario.name} does not answer`);
    asked.push(q.id);
    await answerShown(s, L, q.id, scenario.answers[q.id]);
    previous = shown;
  }
  await expectHeading(s, L.T.checkTitle);
  await s.click(button(L.T.seeResults));
  await expectHeading(s, L.T.resultsTitle);
  return asked;
}

/** Fails if the widget shows its error panel or the page threw (where the engine reports it). */
async function expectNoErrors(s) {
  assert.deepEqual(await s.run('errorPanel'), [], `${s.engine}: the widget shows its error panel`);
  assert.deepEqual(await s.errors(), [], `${s.engine}: the page threw uncaught errors`);
}

// ---------------------------------------------------------------------------
// The journeys.

export function journeys(name) {
  let engine;
  let demo; // origin of dist/
  let embed; // origin of dist-embed/
  const servers = [];

  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no release bundle at ${DIST} (build it with trunk build --release)`);
    assert.ok(fs.existsSync(path.join(EMBED_DIST, 'examples', 'strict-csp.html')), `no embed bundle at ${EMBED_DIST} (build it with bash scripts/build-embed.sh)`);
    for (const dir of [DIST, EMBED_DIST]) servers.push(await serve(dir, 0));
    [demo, embed] = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
    engine = await startEngine(name);
  });
  after(async () => {
    await engine?.close();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** Runs `body(session)` in a fresh session (a fresh profile), closing it whatever happens. */
  async function inSession(body) {
    const s = await engine.open();
    try {
      return await body(s);
    } finally {
      await s.close();
    }
  }

  /** Opens the demo page (with an optional hash) and waits for the widget's first page. */
  async function openDemo(s, hash = '') {
    await s.goto(`${demo}/${hash}`);
    await s.waitUntil('heading', null, { timeout: LOAD_TIMEOUT, what: 'the widget renders its first page' });
  }

  test(`${name}: a candidate completes the questionnaire and sees every pathway's status`, { timeout: JOURNEY_TIMEOUT }, async (t) => {
    await inSession(async (s) => {
      t.diagnostic(`${name}: ${engine.version}`);
      await openDemo(s);
      await expectHeading(s, EN.content.title);
      const asked = await completeScenario(s, NOTHING_DONE);
      assert.deepEqual(asked, Object.keys(NOTHING_DONE.answers), `${name}: the questions asked, in order`);
      const shown = await s.run('statuses');
      const expected = expectedStatuses(NOTHING_DONE);
      for (const [title, tag] of Object.entries(expected)) {
        assert.equal(shown[title], tag, `${name}: the status of "${title}" (scenario ${NOTHING_DONE.name})`);
      }
      await expectNoErrors(s);
    });
  });

  test(`${name}: after a reload the start page offers to continue where you left off, with the answers kept`, { timeout: JOURNEY_TIMEOUT }, async () => {
    await inSession(async (s) => {
      await openDemo(s);
      await s.click(button(EN.T.start));
      const [[firstId, first], [secondId, second], [thirdId]] = Object.entries(NOTHING_DONE.answers);
      await answer(s, EN, firstId, first);
      await answer(s, EN, secondId, second);
      await expectHeading(s, EN.question(thirdId).text);
      // Saved on the device (the widget saves just after it renders the next page).
      const saved = await s.waitUntil('savedAnswers', { key: STORAGE_KEY, count: 2 }, { what: 'two answers saved on the device' });
      assert.deepEqual(saved, { [firstId]: first, [secondId]: second }, `${name}: the answers saved on the device`);

      await s.reload();
      await expectHeading(s, EN.content.title, LOAD_TIMEOUT);
      await s.expectElement(button(EN.T.resume));
      assert.equal(await s.run('exists', button(EN.T.start)), false, `${name}: no plain "${EN.T.start}" when progress is saved`);
      await s.click(button(EN.T.resume));
      // Straight to the first unanswered question...
      await expectHeading(s, EN.question(thirdId).text);
      // ...with the earlier answers still chosen.
      await s.click({ css: '.icp-root a.icp-back-link', text: EN.T.back });
      await expectHeading(s, EN.question(secondId).text);
      for (const label of answerLabels(EN, secondId, second)) assert.equal(await s.run('checked', label.text), true, `${name}: "${label.text}" is still chosen`);
      await s.click({ css: '.icp-root a.icp-back-link', text: EN.T.back });
      await expectHeading(s, EN.question(firstId).text);
      for (const label of answerLabels(EN, firstId, first)) assert.equal(await s.run('checked', label.text), true, `${name}: "${label.text}" is still chosen`);
      await expectNoErrors(s);
    });
  });

  test(`${name}: a share link opened in a fresh browser profile shows the same pathway statuses`, { timeout: JOURNEY_TIMEOUT }, async () => {
    const { link, statuses } = await inSession(async (s) => {
      await openDemo(s);
      const asked = await completeScenario(s, EVERYTHING_MET);
      assert.deepEqual(asked, Object.keys(EVERYTHING_MET.answers), `${name}: the questions asked, in order`);
      const shown = await s.run('statuses');
      assert.deepEqual(shown, expectedStatuses(EVERYTHING_MET), `${name}: the statuses (scenario ${EVERYTHING_MET.name})`);
      await s.click(button(EN.T.share));
      const value = await s.waitUntil('value', SHARE_LINK, { what: 'the share link in its read-only field' });
      assert.ok(value.startsWith(`${demo}/#`), `${name}: the share link is this page with the answers after #: ${value}`);
      await expectNoErrors(s);
      return { link: value, statuses: shown };
    });

    await inSession(async (s) => {
      // A fresh profile: nothing saved for the page's origin.
      await s.goto(`${demo}/no-such-page`);
      assert.equal(await s.run('storageLength'), 0, `${name}: the new profile starts with empty storage`);
      await s.goto(link);
      const shown = await s.waitUntil('statusesOf', Object.keys(statuses).length, { timeout: LOAD_TIMEOUT, what: 'the results from the share link' });
      assert.deepEqual(shown, statuses, `${name}: the shared results show the same statuses`);
      await expectNoErrors(s);
    });
  });

  test(`${name}: the embed on a strict Content-Security-Policy page renders its start page and reports no violation`, { timeout: JOURNEY_TIMEOUT }, async () => {
    await inSession(async (s) => {
      await s.goto(`${embed}/examples/strict-csp.html`);
      await expectHeading(s, EN.content.title, LOAD_TIMEOUT);
      // One step further, inside the shadow root: more of the widget's markup and styles.
      await s.click(button(EN.T.start));
      const [[firstId, first], [secondId]] = Object.entries(NOTHING_DONE.answers);
      await answer(s, EN, firstId, first);
      await expectHeading(s, EN.question(secondId).text);
      assert.deepEqual(await s.run('cspReport'), { listed: [], shown: '' }, `${name}: CSP violations reported by the page`);
      await expectNoErrors(s);

      // The page's listener does hear violations in this engine: an inline style is refused.
      await s.run('addInlineStyle');
      const listed = await s.waitUntil('cspListed', null, { what: 'the page listing the refused inline style' });
      assert.match(listed[0], /^style-src/, `${name}: the refused inline style is a style-src violation`);
    });
  });

  test(`${name}: switched to French, the start page is in French and a question is answered in French`, { timeout: JOURNEY_TIMEOUT }, async () => {
    await inSession(async (s) => {
      await openDemo(s);
      await expectHeading(s, EN.content.title);
      await s.click({ css: '.icp-root .icp-lang__button', text: FR.T.languageName });
      await expectHeading(s, FR.content.title);
      assert.equal(await s.run('lang'), 'fr-CA', `${name}: the widget's language`);
      await s.click(button(FR.T.start));
      const [[firstId, first], [secondId]] = Object.entries(NOTHING_DONE.answers);
      await answer(s, FR, firstId, first);
      await expectHeading(s, FR.question(secondId).text);
      await expectNoErrors(s);
    });
  });
}
