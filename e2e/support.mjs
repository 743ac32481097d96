// Shared helpers for the end-to-end suite (not a test file itself).
//
// Every test file starts its own static server (port 0) on the release bundle
// in dist/ (or $ICP_DIST) and its own Chromium, and every test gets a fresh
// browser context, so saved progress never leaks between tests.
//
// The questions, option labels, requirement titles, actions, quotes and advice
// titles are read from content/default.en.json, the same file the widget is
// built from, so the tests address the page by the words a candidate sees.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const DIST = path.resolve(process.env.ICP_DIST || path.join(ROOT, 'dist'));
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
// Saved progress: the storage key `default`, then the definition's id.
export const STORAGE_KEY = 'icp:default@ic-pathfinder-default';

/** How long any single wait may take before the test fails (the widget renders synchronously). */
export const TIMEOUT = 5000;

// ---------------------------------------------------------------------------
// Content: the definition the bundle was built from.

export const content = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'default.en.json'), 'utf8'));
export const QUESTIONS = Object.fromEntries(content.questions.map((q) => [q.id, q]));
export const PATHWAYS = Object.fromEntries(content.pathways.map((p) => [p.id, p]));
export const ADVICE = Object.fromEntries(content.advice.map((a) => [a.id, a]));

export function question(id) {
  const q = QUESTIONS[id];
  assert.ok(q, `no question "${id}" in the content`);
  return q;
}

export function optionLabel(questionId, optionId) {
  const o = question(questionId).options?.find((o) => o.id === optionId);
  assert.ok(o, `question "${questionId}" has no option "${optionId}"`);
  return o.label;
}

export function requirement(pathwayId, requirementId) {
  const r = PATHWAYS[pathwayId]?.requirements.find((r) => r.id === requirementId);
  assert.ok(r, `no requirement "${pathwayId}/${requirementId}" in the content`);
  return r;
}

export function advice(id) {
  assert.ok(ADVICE[id], `no advice "${id}" in the content`);
  return ADVICE[id];
}

/** The interface's own words (src/ui/texts.rs). */
export const T = {
  start: 'Start now',
  resume: 'Continue where you left off',
  continue: 'Continue',
  back: 'Back',
  problem: 'There is a problem',
  checkTitle: 'Check your answers',
  seeResults: 'See your checklist',
  resultsTitle: 'Your checklist',
  startAgain: 'Start again',
  confirmYes: 'Yes, clear my answers',
  cancel: 'Cancel',
  whatIf: 'What if your answers change?',
  markDone: 'I have done this',
  allDone: 'You have completed every step of this pathway.',
  generalAdvice: 'Advice for you',
  newQuestions: 'Your change means there are new questions to answer.',
  answerNewQuestions: 'Answer the new questions',
  unreadable: 'could not read the progress saved',
  contentChanged: 'The questions have changed since you saved your progress.',
  status: { met: 'Met', in_progress: 'In progress', not_yet: 'Not started', not_applicable: 'Not open to you' },
  req: { met: 'Done', unmet: 'To do', unknown: 'Not answered', optional: 'Optional' },
};

// ---------------------------------------------------------------------------
// Scenarios: answers in the order the flow asks them. Each key is exactly one
// page the candidate sees, so completing a scenario also checks which follow-up
// questions the flow asks and skips (the `when` conditions of the content).

export const SCENARIOS = {
  // A recent graduate with no experience, outside North America.
  newcomer: {
    industry_experience: 'none',
    recent_graduate: true,
    backgrounds: ['none'],
    leadership: false,
    knows_why: false,
    communication_skills: false,
    region: 'uk_aus_nz',
    canadian_citizen_pr: false, // actra_member is not asked
    directing_experience: false, // hours, years, credits are not asked
    idc_level1: 'no', // the rest of the IDC questions are not asked
    // icc_equivalent is not asked: not a Canadian citizen
    movement_instruction: false,
    sex_ed_advocacy: false,
    mhfa: 'no',
    sag_program: 'no',
    foundational_training: false,
    mentor: 'none',
  },
  // An IDI 3-day attendee with three Level 2 workshops, in Canada.
  idiCanada: {
    industry_experience: 'one_two',
    recent_graduate: false,
    backgrounds: ['communication', 'movement'],
    leadership: true,
    knows_why: true,
    communication_skills: true,
    region: 'canada',
    canadian_citizen_pr: true,
    actra_member: false,
    directing_experience: false,
    idc_level1: 'idi',
    idc_level2_count: 3,
    idc_ally_certificate: false, // so idc_level3 and idc_level4 are not asked
    idc_external: false,
    icc_equivalent: false,
    movement_instruction: true,
    sex_ed_advocacy: false,
    mhfa: 'basic',
    sag_program: 'training',
    foundational_training: true,
    mentor: 'contact',
  },
  // Fully IDC-certified Canadian who meets every ICC requirement.
  certifiedCanadian: {
    industry_experience: 'few_plus',
    recent_graduate: false,
    backgrounds: ['mental_health', 'directing'],
    leadership: true,
    knows_why: true,
    communication_skills: true,
    region: 'canada',
    canadian_citizen_pr: true,
    actra_member: true,
    directing_experience: true,
    directing_hours: 500,
    directing_years: 12,
    show_credits: 20,
    idc_level1: 'idc',
    idc_level2_count: 4,
    idc_ally_certificate: true,
    idc_external: true,
    idc_level3: 'passed',
    idc_level4: 'complete',
    // icc_equivalent is not asked: Level 3 passed
    movement_instruction: true,
    sex_ed_advocacy: true,
    mhfa: 'with_minors',
    sag_program: 'no', // SAG-AFTRA training is still met, by IDC Level 4
    foundational_training: false,
    mentor: 'working_relationship',
  },
  // A US resident whose directing experience meets ICC's rule by show credits only.
  usDirector: {
    industry_experience: 'few_plus',
    recent_graduate: false,
    backgrounds: ['directing'],
    leadership: true,
    knows_why: true,
    communication_skills: false,
    region: 'usa',
    canadian_citizen_pr: false,
    directing_experience: true,
    directing_hours: 100,
    directing_years: 3,
    show_credits: 15,
    idc_level1: 'no',
    movement_instruction: false,
    sex_ed_advocacy: true,
    mhfa: 'with_minors',
    sag_program: 'certified', // foundational_training is not asked
    mentor: 'none',
  },
};

// ---------------------------------------------------------------------------
// Server, browser, page.

/** Starts the static server and the browser for one test file. */
export async function startEnvironment() {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no release bundle at ${DIST} (build it with trunk build --release)`);
  const server = await serve(DIST, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A page in a fresh context (empty localStorage), at the demo page, with the
 * widget's start page shown. `page.pageErrors` collects uncaught errors.
 */
export async function openWidget(env, { viewport = { width: 1000, height: 900 }, beforeLoad } = {}) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  if (beforeLoad) await beforeLoad(page);
  await page.goto(`${env.origin}/`);
  await widgetReady(page);
  return page;
}

/** Waits until the widget has rendered its first page (start, question or results). */
export async function widgetReady(page) {
  await page.locator('.icp-root h2[data-icp-focus]').first().waitFor();
}

/** Closes the page's context, failing the test if the page threw. */
export async function closeWidget(page) {
  const errors = page.pageErrors;
  await page.context().close();
  assert.deepEqual(errors, [], 'the page threw uncaught errors');
}

export async function reload(page) {
  await page.reload();
  await widgetReady(page);
}

export function heading(page, name, level = 2) {
  return page.getByRole('heading', { level, name, exact: true });
}

/** Waits for a page heading, reporting the heading actually shown on failure. */
export async function expectHeading(page, name) {
  try {
    await heading(page, name).waitFor();
  } catch {
    const shown = await page.locator('.icp-root h2').allInnerTexts();
    assert.fail(`expected the page "${name}", but the widget shows: ${JSON.stringify(shown)}`);
  }
}

export async function savedProgress(page, key = STORAGE_KEY) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  return text === null ? null : JSON.parse(text);
}

// ---------------------------------------------------------------------------
// Answering, as a candidate does: by the visible labels.

/** Selects (without submitting) the answer to the question shown. */
export async function choose(page, id, value) {
  const q = question(id);
  switch (q.type) {
    case 'yes_no':
      await page.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
      break;
    case 'single':
      await page.getByRole('radio', { name: optionLabel(id, value), exact: true }).check();
      break;
    case 'multi':
      for (const v of value) await page.getByRole('checkbox', { name: optionLabel(id, v), exact: true }).check();
      break;
    case 'number':
      await page.getByRole('textbox', { name: q.text, exact: true }).fill(String(value));
      break;
    default:
      assert.fail(`unknown question type ${q.type}`);
  }
}

/** Answers the question `id`, which must be the one shown, and continues. */
export async function answer(page, id, value) {
  await expectHeading(page, question(id).text);
  await choose(page, id, value);
  await page.getByRole('button', { name: T.continue, exact: true }).click();
}

/** From the start page, answers every question of a scenario and stops at "Check your answers". */
export async function answerAll(page, answers, { from = T.start } = {}) {
  await page.getByRole('button', { name: from, exact: true }).click();
  for (const [id, value] of Object.entries(answers)) await answer(page, id, value);
  await expectHeading(page, T.checkTitle);
}

/** From the start page, completes a scenario and opens the checklist. */
export async function completeScenario(page, answers) {
  await answerAll(page, answers);
  await page.getByRole('button', { name: T.seeResults, exact: true }).click();
  await expectHeading(page, T.resultsTitle);
}

// ---------------------------------------------------------------------------
// Reading the checklist.

/** The card of a pathway: a region named by its heading. */
export function pathwayCard(page, pathwayId) {
  return page.getByRole('region', { name: PATHWAYS[pathwayId].title, exact: true });
}

/** The general advice section. */
export function generalAdvice(page) {
  return page.getByRole('region', { name: T.generalAdvice, exact: true });
}

/** The checklist row of a requirement in its pathway card. */
export function requirementRow(page, pathwayId, requirementId) {
  const title = requirement(pathwayId, requirementId).title;
  return pathwayCard(page, pathwayId)
    .locator('li.icp-task')
    .filter({ has: page.locator('.icp-task__name').getByText(title, { exact: true }) });
}

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button or checkbox whose visible text is followed by visually hidden
 * context: "Change" + " Where do you live?", "I have done this" + " (step)".
 */
export function withHiddenContext(visible, context, { brackets = false } = {}) {
  const ctx = brackets ? `\\(${escapeRe(context)}\\)` : escapeRe(context);
  return new RegExp(`^${escapeRe(visible)}\\s+${ctx}$`);
}

/** The "Change" button of a question, in a scope (check answers page or a results card). */
export function changeButton(scope, questionId) {
  return scope.getByRole('button', { name: withHiddenContext('Change', question(questionId).text) });
}

const exactly = (text) => new RegExp(`^\\s*${escapeRe(text)}\\s*$`);

/** Waits until `locator` (one element) shows exactly `expected`; fails with what it shows. */
export async function expectText(locator, expected, what = 'text') {
  try {
    await locator.filter({ hasText: exactly(expected) }).first().waitFor({ timeout: TIMEOUT });
  } catch {
    const shown = await locator.allInnerTexts().catch(() => []);
    assert.fail(`${what}: expected "${expected}", shown ${JSON.stringify(shown.map((s) => s.trim()))}`);
  }
}

export async function expectPathwayStatus(page, pathwayId, status) {
  await expectText(pathwayCard(page, pathwayId).locator('.icp-pathway__header .icp-tag'), T.status[status], `status of pathway ${pathwayId}`);
}

export async function expectRequirement(page, pathwayId, requirementId, state) {
  const row = requirementRow(page, pathwayId, requirementId);
  await expectText(row.locator('.icp-task__header .icp-tag'), T.req[state], `tag of requirement ${pathwayId}/${requirementId}`);
}

/** The "Your next step" of a pathway is the action of `requirementId`. */
export async function expectNextStep(page, pathwayId, requirementId) {
  const card = pathwayCard(page, pathwayId);
  await heading(card, 'Your next step', 4).waitFor();
  await expectText(card.locator('.icp-next__action'), requirement(pathwayId, requirementId).action, `next step of ${pathwayId}`);
}

export async function expectNoNextStep(page, pathwayId) {
  const card = pathwayCard(page, pathwayId);
  await card.waitFor();
  assert.equal(await heading(card, 'Your next step', 4).count(), 0, `pathway ${pathwayId} should show no next step`);
}

/** The requirement's row shows its source sentence, in quotes, visibly. */
export async function expectCitation(page, pathwayId, requirementId) {
  const quote = requirement(pathwayId, requirementId).source.quote.trim();
  const cited = requirementRow(page, pathwayId, requirementId).locator('blockquote').getByText(`\u201c${quote}\u201d`, { exact: true });
  await cited.waitFor({ state: 'visible' });
}

/** Advice items in a scope (a pathway card or the general advice), by title. */
export async function adviceTitles(scope) {
  return (await scope.locator('.icp-advice__title').allInnerTexts()).map((s) => s.trim());
}

// ---------------------------------------------------------------------------
// Accessibility.

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the whole page with the WCAG 2.x A/AA rules; returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(screen, violations) {
  const lines = [`${violations.length} accessibility violation(s) on the ${screen}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target}`);
      lines.push(`      ${n.html.slice(0, 300)}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

export async function expectNoViolations(page, screen) {
  const violations = await axeViolations(page);
  if (violations.length) console.log(formatViolations(screen, violations));
  assert.equal(violations.length, 0, formatViolations(screen, violations));
}

// ---------------------------------------------------------------------------
// Languages, keeping results, and pages opened with browser-context options
// (added for i18n.test.mjs, keep.test.mjs and a11y-extra.test.mjs).

/** The Canadian French content (content/default.fr-CA.json, served beside the demo page). */
export const contentFr = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'default.fr-CA.json'), 'utf8'));

/** The French interface words (src/ui/texts_fr.rs), the same keys as `T`. */
export const T_FR = {
  start: 'Commencer',
  resume: 'Reprendre là où vous étiez',
  continue: 'Continuer',
  back: 'Retour',
  problem: 'Il y a un problème',
  checkTitle: 'Vérifiez vos réponses',
  seeResults: 'Voir votre liste de vérification',
  resultsTitle: 'Votre liste de vérification',
  startAgain: 'Recommencer',
  confirmYes: 'Oui, effacer mes réponses',
  cancel: 'Annuler',
  whatIf: 'Et si vos réponses changeaient ?',
  markDone: 'J’ai fait cette étape',
  generalAdvice: 'Conseils pour vous',
  yes: 'Oui',
  no: 'Non',
  status: { met: 'Exigences remplies', in_progress: 'En cours', not_yet: 'Pas commencé', not_applicable: 'Non accessible pour vous' },
  req: { met: 'Fait', unmet: 'À faire', unknown: 'Sans réponse', optional: 'Facultatif' },
  keepTitle: 'Conserver vos résultats',
  print: 'Imprimer',
  copy: 'Copier la liste',
  download: 'Télécharger',
  share: 'Créer un lien de partage',
  shareLabel: 'Lien de partage',
  copyLink: 'Copier le lien',
  sharedTitle: 'Résultats partagés avec vous',
  languageName: 'Français',
};

/** The English words of the same new features (src/ui/texts.rs). */
export const T_KEEP = {
  yes: 'Yes',
  no: 'No',
  keepTitle: 'Keep your results',
  print: 'Print',
  copy: 'Copy checklist',
  copied: 'The checklist has been copied as text.',
  download: 'Download',
  downloaded: 'The checklist has been downloaded.',
  downloadName: 'ic-pathway-checklist.md',
  share: 'Create a share link',
  shareWarning: 'This link contains your answers.',
  shareLabel: 'Share link',
  copyLink: 'Copy link',
  linkCopied: 'The link has been copied.',
  sharedTitle: 'Results shared with you',
  keepShared: 'Keep these as my answers',
  leaveShared: 'Back to my own answers',
  restoreKept: 'Restore my earlier answers',
  noticeKept: 'These are now your answers. Your earlier answers are kept on this device',
  noticeStorageFull: "this browser's storage is full",
  noticeElsewhere: 'Your answers changed in another tab.',
  useElsewhere: 'Use the answers from the other tab',
  keepHere: 'Keep the answers in this tab',
  noticeBadLink: 'The share link could not be used',
  languageName: 'English',
};

/**
 * One language's words: its content file and interface texts, and lookups by
 * question/option/pathway id (the ids are the same in every language).
 */
export function language(lang) {
  const c = lang === 'fr-CA' ? contentFr : content;
  const t = lang === 'fr-CA' ? T_FR : { ...T, ...T_KEEP };
  const q = (id) => {
    const found = c.questions.find((x) => x.id === id);
    assert.ok(found, `no question "${id}" in the ${lang} content`);
    return found;
  };
  const opt = (qid, oid) => {
    const o = q(qid).options?.find((o) => o.id === oid);
    assert.ok(o, `question "${qid}" has no option "${oid}" in the ${lang} content`);
    return o.label;
  };
  const pathway = (id) => {
    const p = c.pathways.find((x) => x.id === id);
    assert.ok(p, `no pathway "${id}" in the ${lang} content`);
    return p;
  };
  return { lang, content: c, T: t, question: q, optionLabel: opt, pathway };
}

/** Answers the question `id` (which must be the one shown) in language `L` (from `language()`) and continues. */
export async function answerIn(page, L, id, value) {
  const q = L.question(id);
  await expectHeading(page, q.text);
  switch (q.type) {
    case 'yes_no':
      await page.getByRole('radio', { name: value ? L.T.yes : L.T.no, exact: true }).check();
      break;
    case 'single':
      await page.getByRole('radio', { name: L.optionLabel(id, value), exact: true }).check();
      break;
    case 'multi':
      for (const v of value) await page.getByRole('checkbox', { name: L.optionLabel(id, v), exact: true }).check();
      break;
    case 'number':
      await page.getByRole('textbox', { name: q.text, exact: true }).fill(String(value));
      break;
    default:
      assert.fail(`unknown question type ${q.type}`);
  }
  await page.getByRole('button', { name: L.T.continue, exact: true }).click();
}

/** From the start page, completes a scenario in language `L` and opens the checklist. */
export async function completeScenarioIn(page, L, answers) {
  await page.getByRole('button', { name: L.T.start, exact: true }).click();
  for (const [id, value] of Object.entries(answers)) await answerIn(page, L, id, value);
  await expectHeading(page, L.T.checkTitle);
  await page.getByRole('button', { name: L.T.seeResults, exact: true }).click();
  await expectHeading(page, L.T.resultsTitle);
}

/**
 * Like `openWidget`, with browser-context options (`locale`, `permissions`,
 * `reducedMotion`, `forcedColors`, `acceptDownloads`…), a URL `hash`, and the
 * demo page's `<html lang>` replaced (`hostLang: 'fr-CA'`) or removed
 * (`hostLang: null`) by intercepting index.html. `page.requests` records every URL.
 */
export async function openWidgetWith(env, { contextOptions = {}, viewport = { width: 1000, height: 900 }, hostLang, hash = '', beforeLoad } = {}) {
  const context = await env.browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  page.on('request', (r) => page.requests.push(r.url()));
  if (hostLang !== undefined) {
    await page.route(`${env.origin}/`, async (route) => {
      const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
      const attr = hostLang === null ? '' : ` lang="${hostLang}"`;
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replace(/<html[^>]*>/, `<html${attr}>`) });
    });
  }
  if (beforeLoad) await beforeLoad(page);
  await page.goto(`${env.origin}/${hash}`);
  await widgetReady(page);
  return page;
}

/** The language switch button at the top of the widget. */
export function languageSwitch(page) {
  return page.locator('.icp-root .icp-lang__button');
}

/** On the results page: creates the share link and returns its value. */
export async function createShareLink(page, L = language('en')) {
  await page.getByRole('button', { name: L.T.share, exact: true }).click();
  const field = page.getByRole('textbox', { name: L.T.shareLabel, exact: true });
  await field.waitFor();
  return field.inputValue();
}

/** Like `expectNoViolations`, for the part of the page under `selector` only (the widget, not its host page). */
export async function expectNoViolationsIn(page, selector, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async ({ tags, selector }) => {
    const result = await window.axe.run({ include: [selector] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, { tags: AXE_TAGS, selector });
  assert.equal(violations.length, 0, formatViolations(screen, violations));
}

/** Opens the widget and answers a scenario's questions in order, stopping on `stopAt`. */
export async function openAtQuestion(env, answers, stopAt) {
  const page = await openWidget(env);
  await page.getByRole('button', { name: T.start, exact: true }).click();
  for (const [id, value] of Object.entries(answers)) {
    if (id === stopAt) break;
    await answer(page, id, value);
  }
  await expectHeading(page, question(stopAt).text);
  return page;
}
