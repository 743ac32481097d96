// Results people can keep: a share link that restores the same answers in
// another browser (and a damaged one that gives a fresh start), the checklist
// copied as plain text, and a print stylesheet that leaves the checklist alone
// (the download as a web page and the share sheet: phone.spec.mjs). A print-media screenshot goes to test-results/print.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, language, linkValue, CANDIDATES } from './support.mjs';
import { test, button, expectHeading, completeScenario, pathwayCard, expectRequirement, savedProgress, createShareLink } from './fixtures.mjs';

const EN = language('en');

/** Every pathway's status tag and every listed requirement's tag, by id, read from the page as it is (cards closed). */
async function checklistTags(page) {
  const tags = {};
  for (const p of EN.content.pathways) {
    const card = pathwayCard(page, EN, p.id);
    tags[p.id] = (await card.locator('.icp-pathway__state .icp-tag').textContent()).trim();
    for (const r of p.requirements) {
      const row = card.locator('li.icp-task').filter({ has: page.locator('.icp-task__name').getByText(r.title, { exact: true }) });
      if (await row.count()) tags[`${p.id}/${r.id}`] = (await row.locator('.icp-task__header .icp-tag').textContent()).trim();
    }
  }
  return tags;
}

/** A share link with one character of its answers changed to one no question takes (`v4.<id>.<fingerprint>.<answers>.<ticks>.<check>`). */
function tamper(link) {
  const at = link.indexOf('#icp=') + 5;
  const parts = link.slice(at).split('.');
  parts[3] = `q${parts[3].slice(1)}`;
  return link.slice(0, at) + parts.join('.');
}

async function openResults(openWidget, answers, options) {
  const page = await openWidget(options);
  await completeScenario(page, EN, answers);
  return page;
}

let shared; // { link, tags, answers } from the first test, reused by the next ones
async function sharedLink(openWidget) {
  if (shared) return shared;
  const page = await openResults(openWidget, CANDIDATES.idiCanada);
  await page.getByRole('heading', { level: 3, name: EN.T.keepTitle, exact: true }).waitFor();
  const link = await createShareLink(page, EN);
  await page.getByText(EN.T.shareWarning).waitFor({ state: 'visible' });
  const tags = await checklistTags(page);
  const { answers } = await savedProgress(page);
  shared = { link, tags, answers };
  return shared;
}

test('A share link opened in another browser shows the same results, read-only, with a clean address, and saves them only when kept', async ({ openWidget, openPage, demo }) => {
  const { link, tags, answers } = await sharedLink(openWidget);
  const match = link.match(/^(.*)#icp=(v4\.([a-z0-9-]+)\.[a-z0-9]+\.[a-z0-9_-]*\.[a-z0-9_-]*\.[a-z0-9]{4})$/);
  assert.ok(match, `the share link has the form <page URL>#icp=v4.<id>.<fingerprint>.<answers>.<ticks>.<check>: ${link}`);
  // Auto-linkers (e-mail, chat, Markdown) drop a link's last character when it is punctuation.
  assert.match(link, /[a-z0-9]$/, 'the link ends in a letter or a digit');
  assert.equal(match[1], `${demo.origin}/`, 'the link is the page address');
  assert.equal(match[3], EN.content.id, 'the link names the definition');
  // Half the length of the earlier version's value for the same answers, or less: short enough for a text message.
  const before = linkValue(EN.content.id, answers);
  assert.ok(match[2].length * 2 <= before.length, `${match[2].length} characters against ${before.length} in version 2`);

  const page = await openPage(link);
  await expectHeading(page, EN.T.sharedTitle);
  assert.equal(page.url(), `${demo.origin}/`, 'the answers were removed from the address bar');
  assert.deepEqual(await checklistTags(page), tags, 'the same checklist');
  await expectRequirement(page, EN, 'idc', 'idc_l2', 'met');
  await expectRequirement(page, EN, 'idc', 'idc_ally', 'unmet');
  await expectRequirement(page, EN, 'icc', 'icc_actra', 'optional');
  assert.equal(await savedProgress(page), null, 'opening a link saves nothing');
  await page.getByRole('button', { name: EN.T.keepShared, exact: true }).click();
  await expectHeading(page, EN.T.resultsTitle);
  assert.deepEqual((await savedProgress(page))?.answers, answers, 'kept: the receiving browser saved the same answers');
});

test('A share link of the version before, ending in "." when it had no ticks, still opens, with its "." or without it', async ({ openWidget, openPage }) => {
  const { link, tags } = await sharedLink(openWidget);
  const [page0, value] = link.split('#icp=');
  // Version 3 was version 4 without its check: `v3.<id>.<fingerprint>.<answers>.` with no ticks.
  const body = value.slice('v4.'.length, value.lastIndexOf('.'));
  assert.ok(body.endsWith('.'), `no ticks: an empty last field (${body})`);
  for (const old of [`v3.${body}`, `v3.${body.slice(0, -1)}`]) {
    const page = await openPage(`${page0}#icp=${old}`);
    await expectHeading(page, EN.T.sharedTitle);
    assert.deepEqual(await checklistTags(page), tags, `the same checklist from ${old}`);
    await page.close();
  }
});

for (const [how, damage] of [
  ['with one character changed', tamper],
  ['cut short', (link) => link.slice(0, link.indexOf('#icp=v4.') + 8 + Math.floor((link.length - link.indexOf('#icp=v4.') - 8) / 2))],
  ['with its last character cut off', (link) => link.slice(0, -1)],
  // Found by fuzzing: the payload `"\’` (a backslash before a multi-byte character) once crashed the JSON reader.
  ['crafted to break the JSON reader', (link) => `${link.slice(0, link.indexOf('#'))}#icp=v1.IlzigJk`],
]) {
  test(`A share link ${how} gives a fresh start page with a notice, and nothing saved`, async ({ openWidget, demo }) => {
    const { link } = await sharedLink(openWidget);
    const damaged = damage(link);
    assert.notEqual(damaged, link);
    const page = await openWidget({ hash: damaged.slice(damaged.indexOf('#')) });
    await expectHeading(page, EN.content.title);
    await page.getByRole('status').filter({ hasText: EN.T.noticeBadLink }).waitFor();
    await page.getByRole('button', { name: EN.T.start, exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: EN.T.resume, exact: true }).count(), 0, 'nothing to resume');
    assert.equal(await savedProgress(page), null, 'no answers were saved from a damaged link');
    assert.equal(page.url(), `${demo.origin}/`, 'the damaged link was removed from the address bar');
  });
}

/** Checks the plain-text export of the newcomer's checklist: what a person pastes into an email, no markup. */
function checkText(text, what) {
  assert.ok(text.startsWith(`${EN.content.title}\n`), `${what} starts with the title: ${JSON.stringify(text.slice(0, 80))}`);
  for (const p of EN.content.pathways) assert.ok(text.includes(`\n${p.title}\n`), `${what} has the pathway "${p.title}" on a line of its own, its status under it`);
  const quote = EN.requirement('sag_aftra', 'sag_training').source.quote.trim();
  assert.ok(text.includes(`\u201c${quote}\u201d`), `${what} quotes the source sentence "${quote}"`);
  assert.ok(text.includes(`- ${EN.requirement('idc', 'idc_l1').title} (${EN.T.reqUnmet}): `), `${what} says the Level 1 requirement is to do, in the page's words`);
  // No Markdown: headings, bold, quotes, task boxes or links in angle brackets.
  for (const [markup, pattern] of [['a "#" heading', /^#/m], ['bold "**"', /\*\*/], ['a "> " quote', /^\s*> /m], ['a task box', /\[[ x?~]\]/], ['a link in <>', /<https?:/]]) {
    assert.doesNotMatch(text, pattern, `${what} has no Markdown markup: ${markup}`);
  }
}

test('Copy checklist puts the checklist on the clipboard as plain text to paste into an email, with every pathway and its source sentences, and the confirmation goes once a share link is made', async ({ openWidget }) => {
  const page = await openResults(openWidget, CANDIDATES.newcomer, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: EN.T.copy, exact: true }).click();
  await page.getByRole('status').filter({ hasText: EN.T.copied }).waitFor();
  await page.waitForFunction(async (title) => (await navigator.clipboard.readText()).startsWith(title), EN.content.title);
  checkText(await page.evaluate(() => navigator.clipboard.readText()), 'the copied checklist');

  await createShareLink(page, EN);
  // "The checklist has been copied" was about the press before: it goes when the link shows.
  assert.equal(await page.locator('.icp-keep__status').textContent(), '', 'the earlier confirmation is gone');
  await page.getByRole('button', { name: EN.T.copyLink, exact: true }).click();
  await page.getByRole('status').filter({ hasText: EN.T.linkCopied }).waitFor();
  const value = await page.getByRole('textbox', { name: EN.T.shareLabel, exact: true }).inputValue();
  await page.waitForFunction(async (v) => (await navigator.clipboard.readText()) === v, value);
});

test('Printed, the results show the plan and the route cards without buttons, What if, the keep section, the language switch or checkboxes', async ({ openWidget }) => {
  const page = await openResults(openWidget, CANDIDATES.newcomer);
  await createShareLink(page, EN);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => matchMedia('print').matches), true, 'print media is emulated');
  const shown = async (selector) => page.locator(selector).evaluateAll((els) => els
    .filter((el) => el.checkVisibility() && getComputedStyle(el).display !== 'none')
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.innerText?.trim().slice(0, 60) || el.value || ''}`));
  for (const [what, selector] of [
    ['buttons', '.icp-root button'],
    ['the What-if panel', '.icp-root .icp-what-if'],
    ['the keep section', '.icp-root .icp-keep'],
    ['the share link field', '.icp-root .icp-keep__link'],
    ['the language switch', '.icp-root .icp-lang'],
    ['checkboxes', '.icp-root input[type="checkbox"]'],
  ]) {
    assert.deepEqual(await shown(selector), [], `${what} are hidden in print`);
  }
  assert.ok(await page.locator('.icp-plan__item').first().isVisible(), 'the plan is printed');
  for (const p of EN.content.pathways) {
    const card = pathwayCard(page, EN, p.id);
    assert.ok(await card.isVisible(), `the card "${p.title}" is printed`);
    assert.ok(await card.locator('.icp-pathway__state .icp-tag').isVisible(), `the status of "${p.title}" is printed`);
  }
  const dir = path.join(ROOT, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'print.png'), fullPage: true });
});
