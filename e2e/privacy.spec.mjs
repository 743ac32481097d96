// "Your answers stay on this device. Nothing is sent anywhere.": the page
// requests nothing from any origin but the server it came from; the storage
// modes an organization chooses (local, session, none); and "Forget my
// answers on this device".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { language, CANDIDATES, DIST, STORAGE_KEY } from './support.mjs';
import { test, expect, reload, expectHeading, completeScenario, answerAll, seeResults, button } from './fixtures.mjs';

const EN = language('en');

test('The page requests nothing from any origin other than the server it was loaded from, through a whole run', async ({ openWidget, demo }) => {
  const requests = [];
  const page = await openWidget({
    beforeLoad: async (p) => p.on('request', (r) => requests.push(r.url())),
  });
  await page.getByText('Your answers stay on this device. Nothing is sent anywhere.', { exact: true }).waitFor();
  await completeScenario(page, EN, CANDIDATES.certifiedCanadian);
  await page.getByText(EN.T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: EN.question('mhfa').text, exact: true }).selectOption({ label: EN.optionLabel('mhfa', 'basic') });
  await reload(page);
  await expectHeading(page, EN.T.resultsTitle);
  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: EN.T.confirmRestartYes, exact: true }).click();
  await page.getByRole('button', { name: EN.T.start, exact: true }).waitFor();

  assert.ok(requests.length > 0, 'requests were recorded');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the server');
  const foreign = requests.filter((u) => !u.startsWith(`${demo.origin}/`) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], `requests to other origins (server is ${demo.origin})`);
});

/** The demo page with its widget's host element given `attributes` (as an organization would write them). */
async function withHost(openWidget, demo, attributes, options = {}) {
  // The element holds its prerendered start page (for the default attributes: the widget renders afresh over it).
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace('<div id="ic-pathfinder" ', `<div id="ic-pathfinder" ${attributes} `);
  assert.ok(html.includes(attributes), 'the demo page has the host element');
  return openWidget({ ...options, beforeLoad: (p) => p.route(demo.url(), (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html })) });
}
/** Every key the page's origin holds in `localStorage` and `sessionStorage` that begins with `icp:`. */
const icpKeys = (page) => page.evaluate(() => [localStorage, sessionStorage].map((s) => Object.keys(s).filter((k) => k.startsWith('icp:'))));

test('With storage="none" nothing is written to localStorage or sessionStorage through a whole run, and the start page says so', async ({ openWidget, demo }) => {
  const page = await withHost(openWidget, demo, 'data-storage="none"');
  await page.getByText(EN.T.privacyNone, { exact: true }).waitFor();
  await completeScenario(page, EN, CANDIDATES.idiCanada);
  await page.getByRole('checkbox', { name: /^I have done this/ }).first().check();
  assert.deepEqual(await icpKeys(page), [[], []], 'no icp: key anywhere');
  // No warning either: keeping nothing was the organization's choice, told on the start page.
  assert.equal(await page.getByText(EN.T.noticeNoStorage).count(), 0);
  await reload(page);
  await expectHeading(page, EN.content.title);
  await button(page, EN.T.start).waitFor();
});

test('With storage="session" the answers are kept in this tab only: a reload resumes, once the tab is closed a new tab starts afresh, and localStorage stays empty', async ({ openWidget, demo }) => {
  const page = await withHost(openWidget, demo, 'data-storage="session"');
  await page.getByText(EN.T.privacySession, { exact: true }).waitFor();
  await completeScenario(page, EN, CANDIDATES.newcomer);
  const [local, session] = await icpKeys(page);
  assert.deepEqual(local, [], 'nothing in localStorage');
  assert.equal(session.length, 1, 'the record is in sessionStorage');
  await reload(page);
  await expectHeading(page, EN.T.resultsTitle);
  // The tab is closed; a new one, at the same address, has an empty session.
  const [context, url] = [page.context(), page.url()];
  await page.close();
  const other = await context.newPage();
  await other.goto(url);
  await expectHeading(other, EN.content.title);
  await button(other, EN.T.start).waitFor();
  assert.deepEqual(await icpKeys(other), [[], []]);
});

test('"Forget my answers on this device" is on every page, asks first, and leaves no icp: key behind, kept records included', async ({ openWidget, axe }) => {
  const page = await openWidget();
  const forget = button(page, EN.T.forget);
  await expect(forget).toBeVisible();
  await button(page, EN.T.start).click();
  await expect(forget).toBeVisible();
  await answerAll(page, EN, CANDIDATES.newcomer, { from: null });
  await expect(forget).toBeVisible();
  await seeResults(page, EN);
  // What earlier versions and other situations kept aside for this storage key.
  await page.evaluate((key) => {
    localStorage.setItem('icp:default', '{}');
    localStorage.setItem('icp:default:previous:other', '{}');
    localStorage.setItem(`${key}:unreadable`, 'x');
    localStorage.setItem(`${key}:kept`, '[]');
    localStorage.setItem('icp:org-b@other', '{}');
  }, STORAGE_KEY);
  await forget.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeInViewport();
  await expect(dialog).toBeFocused();
  await axe(page, 'the Forget confirmation');
  await dialog.getByRole('button', { name: EN.T.confirmForgetYes, exact: true }).click();
  await page.getByRole('status').filter({ hasText: EN.T.noticeForgotten }).waitFor();
  await expectHeading(page, EN.content.title);
  const [local] = await icpKeys(page);
  assert.deepEqual(local, ['icp:org-b@other'], 'only another storage key\'s record is left');
  await reload(page);
  await button(page, EN.T.start).waitFor();
});
