// The flow on a phone (issue "The flow on a phone"), at 390 and 320 px in
// both languages: Back and Forward stay in the widget; controls show their
// effect where they are.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { language, linkValue, CANDIDATES } from './support.mjs';
import { test, expect, expectHeading, answer, answerAll, answerAsAsked, expectHonestProgress, expectBackLeavesAndForwardReturns, seeResults, button, choose, openAll, splitWords, savedProgress } from './fixtures.mjs';

const LANGS = ['en', 'fr-CA'];
const WIDTHS = [390, 320];
/** The demo page in `lang` at `width`, opened after another page, so the host page's history has an entry before it. */
async function onPhone(openWidget, lang, width, more = {}) {
  const options = { viewport: { width, height: 800 }, isMobile: true, hasTouch: true, ...more };
  return openWidget(lang === 'en' ? options : { ...options, locale: 'fr-CA', hostLang: 'fr-CA' });
}
const radioChecked = (page, name) => page.getByRole('radio', { name, exact: true }).isChecked();
const radioLabel = (L, id, value) => (typeof value === 'boolean' ? (value ? L.T.yes : L.T.no) : L.optionLabel(id, value));

for (const lang of LANGS) {
  const L = language(lang);
  for (const width of WIDTHS) {
    test(`The browser's Back and Forward move between the questions, check answers and the results, with answers kept and the address unchanged (${lang}, ${width} px)`, async ({ openWidget }) => {
      const page = await onPhone(openWidget, lang, width);
      const address = page.url();
      const answers = CANDIDATES.newcomer;
      await answerAll(page, L, answers);
      await seeResults(page, L);

      await page.goBack();
      await expectHeading(page, L.T.checkTitle);
      await page.goBack();
      const ids = Object.keys(answers);
      await expectHeading(page, L.question(ids.at(-1)).text);
      await page.goBack();
      const previous = ids.at(-2);
      await expectHeading(page, L.question(previous).text);
      assert.equal(await radioChecked(page, radioLabel(L, previous, answers[previous])), true, 'the answer is still selected');
      // Focus follows, as with the widget's own Back link.
      await expect(page.locator('h2[data-icp-focus]')).toBeFocused();

      await page.goForward();
      await expectHeading(page, L.question(ids.at(-1)).text);
      await page.goForward();
      await expectHeading(page, L.T.checkTitle);
      await page.goForward();
      await expectHeading(page, L.T.resultsTitle);
      assert.equal(page.url(), address, 'the host page\'s address never changes');
    });

    test(`Back from the first question returns to the start page, and Back from there leaves for the page before (${lang}, ${width} px)`, async ({ openWidget, demo }) => {
      // The page the candidate came from (any page of the host's site).
      const page = await onPhone(openWidget, lang, width, { before: demo.url('before.html') });
      await button(page, L.T.start).click();
      await answer(page, L, 'industry_experience', 'none');
      await page.goBack();
      await expectHeading(page, L.question('industry_experience').text);
      await page.goBack();
      await expectHeading(page, L.content.title);
      await expectBackLeavesAndForwardReturns(page, L);
    });
  }
}

for (const lang of LANGS) {
  const L = language(lang);
  for (const width of WIDTHS) {
    test(`Someone with neither Canadian citizenship nor residence is never asked the ICC questions, progress never goes back, and a question says why it is asked (${lang}, ${width} px)`, async ({ openWidget, axe }) => {
      const page = await onPhone(openWidget, lang, width);
      const asked = await answerAsAsked(page, L, CANDIDATES.newcomer);
      assert.ok(asked, 'the newcomer completes the questionnaire');
      assert.ok(asked.includes('canada_status'), 'the citizenship question is asked of everyone: a Canadian may live abroad');
      for (const id of ['actra_member', 'icc_equivalent']) assert.ok(!asked.includes(id), `${id} is not asked`);
      expectHonestProgress(asked.progress, L);
      // The last question only chooses advice, and says so.
      await page.getByRole('link', { name: L.T.back, exact: true }).click();
      await expectHeading(page, L.question('mentor').text);
      await expect(page.locator('.icp-form-group .icp-hint').first()).toContainText(L.T.whyAdvice);
      await axe(page, 'a question with why it is asked');
    });

    test(`Download saves a web page that opens with no script and shows the plan with the ticks, the routes, the advice and the date (${lang}, ${width} px)`, async ({ openWidget, openPage, axe }) => {
      const page = await onPhone(openWidget, lang, width, { acceptDownloads: true });
      await answerAll(page, L, CANDIDATES.newcomer);
      await seeResults(page, L);
      const first = page.locator('.icp-plan__item').first();
      await first.getByRole('checkbox').check();
      const ticked = (await page.locator('.icp-plan__item--done .icp-plan__name').first().innerText()).trim();
      const [download] = await Promise.all([page.waitForEvent('download'), button(page, L.T.download).click()]);
      assert.equal(download.suggestedFilename(), L.T.downloadName);
      assert.match(download.suggestedFilename(), /\.html$/);
      await page.getByRole('status').filter({ hasText: L.T.downloaded }).waitFor();
      const html = fs.readFileSync(await download.path(), 'utf8');
      assert.doesNotMatch(html, /<script|\son[a-z]+=/i, 'no script and no event handler in the page');

      // Opened on a phone with scripts off, as a saved file would be.
      const saved = await openPage(null, { viewport: { width, height: 800 }, javaScriptEnabled: false });
      await saved.setContent(html);
      await expect(saved.getByRole('heading', { level: 1, name: L.content.title, exact: true })).toBeVisible();
      await expect(saved.getByRole('heading', { level: 2, name: L.T.planTitle, exact: true })).toBeVisible();
      await expect(saved.getByText(`☑ ${ticked}`, { exact: false }).first()).toBeVisible();
      for (const p of L.content.pathways) await expect(saved.getByRole('heading', { level: 2, name: p.title, exact: true })).toBeVisible();
      await expect(saved.getByRole('heading', { level: 2, name: L.T.generalAdvice, exact: true })).toBeVisible();
      const now = new Date();
      const day = now.getDate() === 1 ? L.T.dayOne : String(now.getDate());
      await expect(saved.getByText(L.T.madeOnDate.replace('{date}', `${day} ${L.T.months[now.getMonth()]} ${now.getFullYear()}`), { exact: true })).toBeVisible();
      assert.ok(await saved.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the phone');
      // axe runs as a script: on a second copy of the page, with scripts on.
      const checked = await openPage(null, { viewport: { width, height: 800 } });
      await checked.setContent(html);
      await axe(checked, 'the downloaded checklist');
    });

    test(`The share link goes to the device's share sheet where it has one, after the warning, and can still be copied (${lang}, ${width} px)`, async ({ openWidget, axe }) => {
      const page = await onPhone(openWidget, lang, width, {
        beforeLoad: (p) => p.addInitScript(() => { navigator.share = async (data) => { window.sharedData = data; }; }),
      });
      await answerAll(page, L, CANDIDATES.newcomer);
      await seeResults(page, L);
      await button(page, L.T.share).click();
      await expect(page.getByText(L.T.shareWarning)).toBeVisible();
      await button(page, L.T.sendLink).click();
      await page.getByRole('status').filter({ hasText: L.T.linkSent }).waitFor();
      const link = await page.getByRole('textbox', { name: L.T.shareLabel, exact: true }).inputValue();
      assert.deepEqual(await page.evaluate(() => window.sharedData), { title: L.content.title, url: link });
      // At most half the length of the earlier version's link for the same answers.
      const { answers } = await savedProgress(page);
      const value = link.slice(link.indexOf('#icp=') + 5);
      assert.ok(value.length * 2 <= linkValue(L.content.id, answers).length, `${value.length} characters: ${value}`);
      await expect(button(page, L.T.copyLink)).toBeVisible();
      await axe(page, 'results with the share link and the share sheet button');
    });

    test(`No word is split or runs off the screen on the start page, any question, check answers or the results (${lang}, ${width} px)`, async ({ openWidget }) => {
      const page = await onPhone(openWidget, lang, width);
      await expectHeading(page, L.content.title);
      const seen = {};
      seen.start = await splitWords(page);
      await button(page, L.T.start).click();
      for (const [id, value] of Object.entries(CANDIDATES.idiCanada)) {
        await expectHeading(page, L.question(id).text);
        seen[id] = await splitWords(page);
        await choose(page, L, id, value);
        await button(page, L.T.continue).click();
      }
      await expectHeading(page, L.T.checkTitle);
      seen.check = await splitWords(page);
      await seeResults(page, L);
      await openAll(page);
      seen.results = await splitWords(page);
      const split = Object.entries(seen).filter(([, words]) => words.length);
      assert.deepEqual(split, [], 'split words, by page');
    });

    test(`Start again asks for confirmation right under the button, and Cancel returns focus to it (${lang}, ${width} px)`, async ({ openWidget, axe }) => {
      const page = await onPhone(openWidget, lang, width);
      await answerAll(page, L, CANDIDATES.newcomer);
      await seeResults(page, L);
      const startAgain = button(page, L.T.startAgain);
      await startAgain.click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog).toBeInViewport();
      await expect(dialog).toBeFocused();
      await expect(startAgain).toBeInViewport();
      await axe(page, 'results with the Start-again confirmation');
      await dialog.getByRole('button', { name: L.T.cancel, exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(startAgain).toBeFocused();
    });

    test(`A What-if change says what it changed under the control, and focus stays on the control (${lang}, ${width} px)`, async ({ openWidget, axe }) => {
      const page = await onPhone(openWidget, lang, width);
      await answerAll(page, L, CANDIDATES.newcomer);
      await seeResults(page, L);
      await page.getByText(L.T.whatIf, { exact: true }).click();
      const control = page.getByLabel(L.question('idc_level1').text, { exact: true });
      await control.selectOption({ label: L.optionLabel('idc_level1', 'idc') });
      const effect = page.locator('.icp-what-if__effect').filter({ hasText: L.T.whatIfChanges });
      await expect(effect).toBeInViewport();
      await expect(control).toBeFocused();
      await expect(effect.locator('li').first()).toBeVisible();
      // A change that only chooses advice says so.
      const other = page.getByLabel(L.question('recent_graduate').text, { exact: true });
      await other.selectOption({ label: L.T.no });
      await expect(page.locator('.icp-what-if__effect').filter({ hasText: L.T.whatIfAdvice })).toBeInViewport();
      await expect(other).toBeFocused();
      await axe(page, 'results with a What-if change');
    });
  }
}

for (const lang of LANGS) {
  const L = language(lang);
  for (const width of WIDTHS) {
    test(`When an organization's definition cannot be used, a candidate sees plain words and whom to contact, and the problems wait for the editors (${lang}, ${width} px)`, async ({ openExample, axe }) => {
      const page = await openExample('errors.html', { viewport: { width, height: 800 }, isMobile: true });
      const widget = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Invalid definition', exact: true }) }).locator('ic-pathfinder');
      if (lang !== 'en') await widget.evaluate((e) => e.setAttribute('lang', 'fr-CA'));
      const alert = widget.getByRole('alert');
      await expect(alert.getByRole('heading', { name: L.T.errorTitle, exact: true })).toBeVisible();
      await expect(alert.getByText(L.T.errorHelp, { exact: true })).toBeVisible();
      await expect(alert.getByRole('link', { name: 'pathways@example.org', exact: true })).toHaveAttribute('href', 'mailto:pathways@example.org');
      const problem = 'questions[1].when.equals: unknown question "level_1"';
      assert.ok(!(await alert.innerText()).includes('questions['), 'no JSON path in what the candidate reads');
      await alert.getByText(L.T.errorDetails, { exact: true }).click();
      await expect(alert.getByText(problem)).toBeVisible();
      assert.ok(page.consoleErrors.some((e) => e.includes(problem)), 'the problem is in the console');
      await axe(page, 'the error panel');
    });
  }
}

test('Back and Forward move each of two widgets on a page separately, and history="off" leaves history alone', async ({ openExample }) => {
  const L = language('en');
  const page = await openExample('two-instances.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  const small = JSON.parse(await (await page.request.get(page.url().replace('two-instances.html', 'small.json'))).text());
  const S = language('en', small);
  await button(first, L.T.start).click();
  await answer(first, L, 'industry_experience', 'none');
  await button(second, S.T.start).click();
  await expectHeading(second, S.content.questions[0].text);

  await page.goBack();
  await expectHeading(second, S.content.title);
  await expectHeading(first, L.question('recent_graduate').text);
  await page.goBack();
  await expectHeading(first, L.question('industry_experience').text);
  await expectHeading(second, S.content.title);
  await page.goForward();
  await page.goForward();
  await expectHeading(first, L.question('recent_graduate').text);
  await expectHeading(second, S.content.questions[0].text);

  // An organization with its own router turns it off.
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => document.querySelector('#second').setAttribute('history', 'off'));
  await page.evaluate(() => { const e = document.querySelector('#second'); e.setAttribute('storage-key', 'org-c'); });
  await button(second, S.T.start).click();
  await expectHeading(second, S.content.questions[0].text);
  assert.equal(await page.evaluate(() => history.length), before, 'no entry is pushed');
});
