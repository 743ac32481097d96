// Fixtures (servers over dist/ and dist-embed/, watched pages, axe) and a candidate's steps in any
// language `L` (support.mjs language()); `scope` is a page, or one widget of a page with several.
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { controlledServer } from './serve.mjs';
import { DIST, EMBED_DIST, STORAGE_KEY } from './support.mjs';

export { expect };
const server = (root) => [async ({}, use) => { const s = await controlledServer(root); await use(s); await s.close(); }, { scope: 'worker' }];
const violation = (v) => [`${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]`, ...v.nodes.map((n) => `  at ${n.target.join(' ')}: ${n.html.slice(0, 300)}\n    ${n.failureSummary}`)].join('\n');

export const test = base.extend({
  demoServer: server(DIST),
  embedServer: server(EMBED_DIST),
  demo: async ({ demoServer }, use) => { demoServer.clear(); await use(demoServer); }, // plain files for each test
  embed: async ({ embedServer }, use) => { embedServer.clear(); await use(embedServer); },
  /** `url` (or none) in a fresh context (`options`, `beforeLoad(page)`); the test fails if a page of it threw. */
  openPage: async ({ browser }, use) => {
    const pages = [];
    await use(async (url, { beforeLoad, ...options } = {}) => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
      context.setDefaultTimeout(5000);
      context.on('page', (p) => {
        pages.push(Object.assign(p, { pageErrors: [], consoleErrors: [], requests: [] })); // recorded for the tests
        p.on('pageerror', (e) => p.pageErrors.push(e.message));
        p.on('console', (m) => { if (m.type() === 'error') p.consoleErrors.push(m.text()); });
        p.on('request', (r) => p.requests.push(r.url()));
      });
      const page = await context.newPage();
      if (beforeLoad) await beforeLoad(page);
      if (url) await page.goto(url);
      return page;
    });
    for (const p of pages) await p.context().close();
    expect(pages.flatMap((p) => p.pageErrors), 'uncaught errors in the page').toEqual([]);
  },
  /** The demo page, its widget shown; `hostLang` replaces (null: removes) its <html lang>, `hash` ends its URL, `before` is a page visited first. */
  openWidget: async ({ openPage, demo }, use) => use(async ({ hostLang, hash = '', before, ...options } = {}) => {
    const page = await openPage(before ?? null, options);
    if (hostLang !== undefined) {
      const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<html[^>]*>/, hostLang ? `<html lang="${hostLang}">` : '<html>');
      await page.route(demo.url(), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    }
    await page.goto(demo.url(hash));
    await widgetReady(page);
    return page;
  }),
  demoPage: async ({ openWidget }, use) => { await use(await openWidget()); },
  /** An example page of dist-embed/examples/. */
  openExample: async ({ openPage, embed }, use) => use((name, options = {}) => openPage(embed.url(`examples/${name}`), { viewport: { width: 1200, height: 900 }, ...options })),
  /** axe-core, WCAG 2.0/2.1/2.2 A and AA rules, on `page` (or its part `include`): fails listing the violations. */
  axe: async ({}, use) => use(async (page, screen, include) => {
    const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
    const { violations } = await (include ? builder.include(include) : builder).analyze();
    expect(violations.map(violation), `accessibility violations on the ${screen}`).toEqual([]);
  }),
});

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const explain = (promise, message) => promise.catch(async (e) => { throw new Error(`${await message()}\n${e.message}`); });

/** The widget is live (`data-icp-live`: a prerendered start page shows before it is) with a page (a focusable heading), or shows an error panel. */
export const widgetReady = (scope) => expect(scope.locator('.icp-root[data-icp-live] h2[data-icp-focus], .icp-root [role="alert"] h2').first()).toBeVisible();
export const reload = async (page) => { await page.reload(); await widgetReady(page); };
export const heading = (scope, name, level = 2) => scope.getByRole('heading', { level, name, exact: true });
export const button = (scope, name) => scope.getByRole('button', { name, exact: true });
export const languageSwitch = (page) => page.locator('.icp-root .icp-lang__button');
export const expectHeading = (scope, name) => explain(expect(heading(scope, name)).toBeVisible(),
  async () => `expected the page "${name}", but the widget shows: ${JSON.stringify(await scope.locator('.icp-root h2').allInnerTexts())}`);
export const expectText = (locator, expected, what = 'text') => explain(
  expect(locator.filter({ hasText: new RegExp(`^\\s*${escapeRe(expected)}\\s*$`) }).first()).toBeVisible(),
  async () => `${what}: expected "${expected}", shown ${JSON.stringify((await locator.allInnerTexts().catch(() => [])).map((s) => s.trim()))}`);

/** Selects (not submitting) the answer to the question `id` shown. */
export async function choose(scope, L, id, value) {
  const q = L.question(id);
  if (q.type === 'number') return scope.getByRole('textbox', { name: q.text, exact: true }).fill(String(value));
  const labels = q.type === 'yes_no' ? [value ? L.T.yes : L.T.no] : [value].flat().map((v) => L.optionLabel(id, v));
  for (const name of labels) await scope.getByRole(q.type === 'multi' ? 'checkbox' : 'radio', { name, exact: true }).check();
}
/** Answers the question `id`, which must be the one shown, and continues. */
export async function answer(scope, L, id, value) {
  await expectHeading(scope, L.question(id).text);
  await choose(scope, L, id, value);
  await button(scope, L.T.continue).click();
}
/** Goes through every kind of screen with `answers`: the questions, check answers, results with What if open, the restart dialog (cancelled). */
export async function walkEveryScreen(scope, L, answers) {
  await answerAll(scope, L, answers);
  await button(scope, L.T.seeResults).click();
  await expectHeading(scope, L.T.resultsTitle);
  await scope.getByText(L.T.whatIf, { exact: true }).click();
  await button(scope, L.T.startAgain).click();
  await scope.getByRole('alertdialog').getByRole('button', { name: L.T.cancel, exact: true }).click();
}
/** From the start page (button `from`; null: from the first question, already shown), answers in the order given, which must be the order asked. */
export async function answerAll(scope, L, answers, { from = L.T.start } = {}) {
  if (from) await button(scope, from).click();
  for (const [id, value] of Object.entries(answers)) await answer(scope, L, id, value);
  await expectHeading(scope, L.T.checkTitle);
}
/** From the start page, answers each question as asked from `answers` (any order): the ids asked, or null at one they leave out.
 *  The array also carries `progress`: what each question page showed, `{ id, text, value, max, fewer }` (the text, the bar, and whether it said there are fewer parts). */
export async function answerAsAsked(scope, L, answers) {
  const shown = scope.locator('.icp-root h2[data-icp-focus]').first();
  const asked = [];
  asked.progress = [];
  await button(scope, L.T.start).click();
  for (let before = L.content.title; ; before = L.question(asked.at(-1)).text) {
    await expect(shown).not.toHaveText(before);
    const text = (await shown.innerText()).trim();
    if (text === L.T.checkTitle) return asked;
    const q = L.questionByText(text);
    if (!q) throw new Error(`the page "${text}" is no question`);
    if (!(q.id in answers)) return null;
    asked.push(q.id);
    const bar = scope.locator('.icp-question__bar');
    asked.progress.push({ id: q.id, text: (await scope.locator('.icp-question__step').innerText()).trim(),
      value: Number(await bar.getAttribute('value')), max: Number(await bar.getAttribute('max')),
      fewer: await scope.locator('.icp-question__fewer').count() > 0 });
    await choose(scope, L, q.id, answers[q.id]);
    await button(scope, L.T.continue).click();
  }
}
/** Fails unless, going forward, the bar never went back, the part count never grew, and a page with fewer parts than the one before (and only such a page) said why (`progress` from answerAsAsked). */
export function expectHonestProgress(progress, L) {
  const part = (text) => { const m = text.match(/(\d+)\D+(\d+)/); return m && [Number(m[1]), Number(m[2])]; };
  for (let i = 1; i < progress.length; i += 1) {
    const [a, b] = [progress[i - 1], progress[i]];
    const at = `from ${a.id} ("${a.text}", ${a.value}/${a.max}) to ${b.id} ("${b.text}", ${b.value}/${b.max})`;
    if (b.value / b.max <= a.value / a.max) throw new Error(`the bar went back ${at}`);
    const [[an, at_], [bn, bt]] = [part(a.text), part(b.text)];
    if (bt > at_ || bn < an) throw new Error(`the count grew or went back ${at}`);
    if (b.fewer !== bt < at_) throw new Error(`${b.fewer ? 'a word of fewer parts with no fewer parts' : 'fewer parts and no word of why'} ${at}`);
  }
  if (progress[0]?.fewer) throw new Error('a word of fewer parts on the first question');
  if (progress.length && !progress[0].text.startsWith(L.T.partOf.split('{')[0])) throw new Error(`unexpected progress text ${progress[0].text}`);
}
/** From the widget's start page, Back leaves for the page before (`before.html`), and Forward comes back to the start page. */
export async function expectBackLeavesAndForwardReturns(page, L) {
  await page.goBack();
  await expect(page).toHaveURL(/before\.html$/);
  await page.goForward();
  await widgetReady(page);
  await expectHeading(page, L.content.title);
}
export const seeResults = async (scope, L) => { await button(scope, L.T.seeResults).click(); await expectHeading(scope, L.T.resultsTitle); };
export const completeScenario = async (scope, L, answers) => { await answerAll(scope, L, answers); await seeResults(scope, L); };

/** A route's card: a closed disclosure (`details.icp-pathway`) whose summary names the pathway. */
export const pathwayCard = (scope, L, pid) => scope.locator('details.icp-pathway').filter({
  has: (scope.page?.() ?? scope).locator('.icp-pathway__title').getByText(L.pathway(pid).title, { exact: true }) });
/** Opens a disclosure (a route's card, a "Why?") as a candidate would, by its summary, if it is closed. */
export async function openDisclosure(details) {
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
  await expect(details).toHaveAttribute('open', '');
}
/** Opens every disclosure of the results page (cards, Why?, advice, plan), as a candidate reading everything would. */
export const openAll = (scope) => scope.locator('.icp-results').evaluate((r) => r.querySelectorAll('details').forEach((d) => { d.open = true; }));
export const generalAdvice = (scope, L) => scope.getByRole('region', { name: L.T.generalAdvice, exact: true });
export const requirementRow = (scope, L, pid, rid) => pathwayCard(scope, L, pid).locator('li.icp-task').filter({
  has: (scope.page?.() ?? scope).locator('.icp-task__name').getByText(L.requirement(pid, rid).title, { exact: true }) });
/** A label, or for a template naming the organization (`{who}`) any name in its place. */
const label = (text) => (text.includes('{who}') ? new RegExp(`^\\s*${escapeRe(text).replace('\\{who\\}', '.+')}\\s*$`) : null);
export const expectLabel = (locator, text, what) => (label(text)
  ? explain(expect(locator.filter({ hasText: label(text) }).first()).toBeVisible(), async () => `${what}: expected "${text}", shown ${JSON.stringify(await locator.allInnerTexts())}`)
  : expectText(locator, text, what));
export const expectPathwayStatus = (scope, L, pid, status) => expectLabel(pathwayCard(scope, L, pid).locator('.icp-pathway__state .icp-tag').first(), L.T.status[status], `status of pathway ${pid}`);
/** The tag of a requirement, its card opened first. */
export async function expectRequirement(scope, L, pid, rid, state) {
  await openDisclosure(pathwayCard(scope, L, pid));
  await expectLabel(requirementRow(scope, L, pid, rid).locator('.icp-task__header .icp-tag'), L.T.req[state], `tag of requirement ${pid}/${rid}`);
}
/** The advice titles shown in `scope` (each the summary of its disclosure). */
export const adviceTitles = async (scope) => (await scope.locator('.icp-advice__item .icp-details__summary-text').allTextContents()).map((s) => s.trim());
/** A route's card names requirement `rid` as its next step, and the step's action is in the card. */
export async function expectNextStep(scope, L, pid, rid) {
  const card = pathwayCard(scope, L, pid);
  await expectText(card.locator('.icp-pathway__next'), `${L.T.nextLabel} ${L.requirement(pid, rid).title}`, `next step of ${pid}`);
}
export const expectNoNextStep = async (scope, L, pid) => { await expect(pathwayCard(scope, L, pid)).toBeVisible();
  await expect(pathwayCard(scope, L, pid).locator('.icp-pathway__next strong'), `pathway ${pid} shows no next step`).toHaveCount(0); };
/** The source sentence of a requirement, behind its "Why?". */
export async function expectCitation(scope, L, pid, rid) {
  await openDisclosure(pathwayCard(scope, L, pid));
  await openDisclosure(requirementRow(scope, L, pid, rid).locator('details.icp-why'));
  await expect(requirementRow(scope, L, pid, rid).locator('blockquote')
    .getByText(`\u201c${L.requirement(pid, rid).source.quote.trim()}\u201d`, { exact: true })).toBeVisible();
}
/** A control whose visible text is followed by hidden context: "Change" + " Where do you live?", "I have done this" + " (step)". */
export const withHiddenContext = (visible, context, { brackets = false } = {}) =>
  new RegExp(`^${escapeRe(visible)}\\s+${brackets ? `\\(${escapeRe(context)}\\)` : escapeRe(context)}$`);
export const changeButton = (scope, L, qid) => scope.getByRole('button', { name: withHiddenContext(L.T.change, L.question(qid).text) });
export const savedProgress = (page, key = STORAGE_KEY) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
/** On the results page: creates the share link and returns it. */
export const createShareLink = async (page, L) => { await button(page, L.T.share).click(); return page.getByRole('textbox', { name: L.T.shareLabel, exact: true }).inputValue(); };
/** Words of the widget's visible text split across two lines, or running past the page's right edge (none is the goal on a phone). */
export const splitWords = (scope) => scope.locator('.icp-root').first().evaluate((root) => {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent?.checkVisibility() || parent.closest('.icp-visually-hidden')) continue;
    // A word ends at white space (not a no-break space) or after a hyphen, a slash or a dash, where lines may break.
    for (const m of n.data.matchAll(/[^\s\-/–—]+[-/–—]?/gu)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size > 1) found.push(`split: "${m[0]}" in .${parent.className}`);
      else if (Math.max(...rects.map((r) => r.right)) > document.documentElement.clientWidth + 0.5) found.push(`past the edge: "${m[0]}" in .${parent.className}`);
    }
  }
  return found;
});

/** A page of the test's own beside the examples, loading the embed module. */
export function embedPage(embed, name, body, { lang = 'en', head = '' } = {}) {
  embed.set(`/examples/${name}`, {
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<script type="module" src="../ic-pathfinder.js"></script>${head}</head><body><main>${body}</main></body></html>`,
  });
  return `${embed.origin}/examples/${name}`;
}
