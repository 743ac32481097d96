// Full-page PNGs of each kind of screen, for the README. Not part of the suite:
// ICP_SCREENS=docs/screenshots npx playwright test screens   (the folder; default screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import { STORAGE_KEY, CANDIDATES, language } from './support.mjs';
import { test, reload, answer, answerAll, completeScenario, expectHeading, seeResults } from './fixtures.mjs';

const EN = language('en');
const out = path.resolve(process.env.ICP_SCREENS || 'screenshots');
const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });

/** The demo page at the question `stopAt` of a candidate's run. */
async function upTo(page, answers, stopAt) {
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  for (const [id, value] of Object.entries(answers)) {
    if (id === stopAt) break;
    await answer(page, EN, id, value);
  }
  await expectHeading(page, EN.question(stopAt).text);
  return page;
}

test('Every kind of screen is saved as a full-page PNG', async ({ openWidget }) => {
  fs.mkdirSync(out, { recursive: true });
  await shot(await openWidget(), '01-start');
  let page = await upTo(await openWidget(), CANDIDATES.idiCanada, 'industry_experience');
  await page.getByRole('radio', { name: EN.optionLabel('industry_experience', 'one_two'), exact: true }).check();
  await shot(page, '02-single-choice');
  page = await upTo(await openWidget(), CANDIDATES.idiCanada, 'recent_graduate');
  await shot(page, '03-yes-no');
  await page.getByRole('button', { name: EN.T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '04-error');
  page = await upTo(await openWidget(), CANDIDATES.idiCanada, 'backgrounds');
  await page.getByRole('checkbox', { name: EN.optionLabel('backgrounds', 'communication'), exact: true }).check();
  await shot(page, '05-multiple-choice');
  page = await upTo(await openWidget(), CANDIDATES.idiCanada, 'idc_level2_count');
  await page.getByRole('textbox', { name: EN.question('idc_level2_count').text }).fill('21');
  await page.getByRole('button', { name: EN.T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '06-number-with-error');

  page = await openWidget();
  await answerAll(page, EN, CANDIDATES.idiCanada);
  await shot(page, '07-check-answers');
  await seeResults(page, EN);
  await shot(page, '08-results');
  await page.getByText(EN.T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: EN.question('mhfa').text }).waitFor({ state: 'visible' });
  await page.getByText(EN.T.whatIf, { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '09-results-what-if');
  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '10-start-again');

  page = await openWidget();
  await completeScenario(page, EN, CANDIDATES.certifiedCanadian);
  await shot(page, '11-results-all-met');

  // The results on a phone, in both languages: closed, then with the first route and its first "Why?" open.
  for (const L of [EN, language('fr-CA')]) {
    const fr = L !== EN;
    page = await openWidget({ viewport: { width: 390, height: 844 }, ...(fr ? { locale: 'fr-CA', hostLang: 'fr-CA' } : {}) });
    await completeScenario(page, L, CANDIDATES.newcomer);
    await shot(page, `14-results-phone-${L.content.lang}`);
    const card = page.locator('details.icp-pathway').first();
    await card.locator(':scope > summary').click();
    await card.locator('details.icp-why').first().locator(':scope > summary').click();
    await shot(page, `15-results-phone-route-open-${L.content.lang}`);
  }

  page = await openWidget();
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), STORAGE_KEY);
  await reload(page);
  await page.getByRole('status').waitFor();
  await shot(page, '12-notice');

  // Progress saved under an older version of the content.
  page = await openWidget();
  await page.evaluate(([key, record]) => localStorage.setItem(key, record), [STORAGE_KEY, JSON.stringify({
    format: 1, definition: EN.content.id, definition_version: EN.content.version - 1,
    answers: { industry_experience: 'few_plus', recent_graduate: 'gone' }, done: [], at_results: true,
  })]);
  await reload(page);
  await page.getByRole('status').waitFor();
  await shot(page, '13-content-changed');
});
