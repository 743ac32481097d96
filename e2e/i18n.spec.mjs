// Canadian French: the language is taken from the widget's `lang` attribute,
// else the host page's <html lang>, else the browser's languages; the switch at
// the top of the widget changes language without losing answers or the page;
// the French content (default.fr-CA.json) is fetched only when French is chosen.
// Answers are given by the French labels of content/default.fr-CA.json.
import assert from 'node:assert/strict';
import { language, CANDIDATES } from './support.mjs';
import { test, widgetReady, languageSwitch, expectHeading, expectText, answer, completeScenario, pathwayCard, openDisclosure, expectLabel } from './fixtures.mjs';

const EN = language('en');
const FR = language('fr-CA');

const frenchRequests = (page) => page.requests.filter((u) => u.endsWith('/default.fr-CA.json'));

/** The French card of a pathway, its status tag, and a requirement row's tag and quote. */
async function checkFrenchPathway(page, pathwayId, status, requirements) {
  const p = FR.pathway(pathwayId);
  const card = pathwayCard(page, FR, pathwayId);
  await expectLabel(card.locator('.icp-pathway__state .icp-tag').first(), FR.T.status[status], `French status of pathway ${pathwayId}`);
  await openDisclosure(card);
  for (const [rid, state] of Object.entries(requirements)) {
    const r = p.requirements.find((x) => x.id === rid);
    const english = EN.pathway(pathwayId).requirements.find((x) => x.id === rid);
    assert.equal(r.source.quote, english.source.quote, `the French content cites ${pathwayId}/${rid} verbatim in English`);
    const row = card.locator('li.icp-task').filter({ has: page.locator('.icp-task__name').getByText(r.title, { exact: true }) });
    await expectLabel(row.locator('.icp-task__header .icp-tag'), FR.T.req[state], `French tag of requirement ${pathwayId}/${rid}`);
    await openDisclosure(row.locator('details.icp-why'));
    await row.locator('blockquote').getByText(`\u201c${english.source.quote.trim()}\u201d`, { exact: true }).waitFor({ state: 'visible' });
  }
}

test('A French-speaking browser on a page without a language gets the widget in French, and a newcomer completes it in French', async ({ openWidget }) => {
  const page = await openWidget({ locale: 'fr-CA', hostLang: null });
  await expectHeading(page, FR.content.title);
  await expectText(languageSwitch(page), EN.T.languageName, 'language switch');
  assert.equal(await languageSwitch(page).getAttribute('lang'), 'en', 'the switch to English is marked as English');
  assert.equal(await page.locator('.icp-root').getAttribute('lang'), 'fr-CA', 'the widget declares its language');
  await completeScenario(page, FR, CANDIDATES.newcomer);
  await checkFrenchPathway(page, 'idc', 'not_yet', { idc_l1: 'unmet', idc_l2: 'unmet' });
  await checkFrenchPathway(page, 'icc', 'not_applicable', {});
  await checkFrenchPathway(page, 'sag_aftra', 'not_yet', { sag_training: 'unmet' });
  await checkFrenchPathway(page, 'readiness', 'not_yet', { ready_why: 'unmet' });
  assert.equal(frenchRequests(page).length, 1, 'the French content was fetched once');
});

test('A French-speaking browser completes the IDI-in-Canada scenario in French, with French statuses and English quotes', async ({ openWidget }) => {
  const page = await openWidget({ locale: 'fr-CA', hostLang: null });
  await expectHeading(page, FR.content.title);
  await completeScenario(page, FR, CANDIDATES.idiCanada);
  await checkFrenchPathway(page, 'idc', 'in_progress', { idc_l1: 'met', idc_l2: 'met', idc_ally: 'unmet' });
  await checkFrenchPathway(page, 'icc', 'in_progress', { icc_movement: 'met', icc_sex_ed: 'unmet', icc_actra: 'optional' });
  // Foundational training is the candidate's own word: SAG-AFTRA's to judge, never plainly met.
  await checkFrenchPathway(page, 'sag_aftra', 'to_confirm', { sag_training: 'to_confirm' });
  await checkFrenchPathway(page, 'readiness', 'met', { ready_why: 'met', ready_industry: 'optional' });
  // No English pathway title is left on the page.
  const text = await page.locator('.icp-root').innerText();
  for (const p of EN.content.pathways) assert.ok(!text.includes(p.title), `English pathway title "${p.title}" shown in French`);
});

test('The language switch keeps the answers and the page: the same question in French, Back shows the previous answer', async ({ openWidget }) => {
  const page = await openWidget();
  await expectHeading(page, EN.content.title);
  await expectText(languageSwitch(page), FR.T.languageName, 'language switch');
  assert.equal(await languageSwitch(page).getAttribute('lang'), 'fr-CA', 'the switch to French is marked as French');
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  const answers = Object.entries(CANDIDATES.idiCanada);
  for (const [id, value] of answers.slice(0, 3)) await answer(page, EN, id, value);
  const [fourth] = answers[3];
  await expectHeading(page, EN.question(fourth).text);

  await languageSwitch(page).click();
  await expectHeading(page, FR.question(fourth).text);
  await expectText(languageSwitch(page), EN.T.languageName, 'language switch after switching');
  await page.getByRole('link', { name: FR.T.back, exact: true }).click();
  const [third, thirdValue] = answers[2]; // backgrounds: a multiple choice
  await expectHeading(page, FR.question(third).text);
  for (const v of thirdValue) {
    assert.ok(await page.getByRole('checkbox', { name: FR.optionLabel(third, v), exact: true }).isChecked(),
      `"${FR.optionLabel(third, v)}" is still ticked after the switch`);
  }

  await languageSwitch(page).click();
  await expectHeading(page, EN.question(third).text);
  for (const v of thirdValue) {
    assert.ok(await page.getByRole('checkbox', { name: EN.optionLabel(third, v), exact: true }).isChecked(),
      `"${EN.optionLabel(third, v)}" is still ticked after switching back`);
  }
  await page.getByRole('link', { name: EN.T.back, exact: true }).click();
  const [second, secondValue] = answers[1];
  await expectHeading(page, EN.question(second).text);
  assert.ok(await page.getByRole('radio', { name: secondValue ? 'Yes' : 'No', exact: true }).isChecked(), 'the second answer is kept');
  assert.equal(frenchRequests(page).length, 1, 'the French content was fetched once, not on every switch');
});

test('A stale French file (another content version, say from an old cache) is not used: the widget stays in English and says so', async ({ openWidget }) => {
  const stale = JSON.stringify({ ...FR.content, version: FR.content.version + 1 });
  const page = await openWidget({
    beforeLoad: (p) => p.route('**/default.fr-CA.json', (route) => route.fulfill({ contentType: 'application/json', body: stale })),
  });
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  await expectHeading(page, EN.question('industry_experience').text);
  await languageSwitch(page).click();
  await page.locator('.icp-root').getByRole('status').filter({ hasText: 'The other language could not be loaded.' }).waitFor();
  await expectHeading(page, EN.question('industry_experience').text);
  assert.equal(frenchRequests(page).length, 1);
});

test('The host page\'s <html lang="fr-CA"> wins over an English browser', async ({ openWidget }) => {
  const page = await openWidget({ locale: 'en-US', hostLang: 'fr-CA' });
  await expectHeading(page, FR.content.title);
  await page.getByRole('button', { name: FR.T.start, exact: true }).waitFor();
});

test('The host page\'s <html lang="en"> wins over a French browser', async ({ openWidget }) => {
  const page = await openWidget({ locale: 'fr-CA', hostLang: 'en' });
  await expectHeading(page, EN.content.title);
  assert.deepEqual(frenchRequests(page), [], 'no French content requested');
});

test('An English run never requests the French translation file', async ({ openWidget }) => {
  const page = await openWidget({ locale: 'en-CA' });
  await expectHeading(page, EN.content.title);
  await page.getByRole('button', { name: EN.T.start, exact: true }).click();
  for (const [id, value] of Object.entries(CANDIDATES.newcomer)) await answer(page, EN, id, value);
  await page.getByRole('button', { name: EN.T.seeResults, exact: true }).click();
  await expectHeading(page, EN.T.resultsTitle);
  assert.ok(page.requests.some((u) => u.endsWith('.wasm')), 'requests were recorded');
  assert.deepEqual(frenchRequests(page), [], 'default.fr-CA.json requested on an English run');
});

test('The embed element\'s lang="fr-CA" attribute starts the widget in French on an English page', async ({ openExample }) => {
  const page = await openExample('default.html');
  await widgetReady(page.locator('ic-pathfinder'));
  await page.evaluate(() => {
    document.querySelector('ic-pathfinder').remove();
    const el = document.createElement('ic-pathfinder');
    el.setAttribute('lang', 'fr-CA');
    el.setAttribute('storage-key', 'fr');
    el.id = 'french';
    document.querySelector('main').append(el);
  });
  const widget = page.locator('#french');
  await widgetReady(widget);
  await widget.getByRole('heading', { level: 2, name: FR.content.title, exact: true }).waitFor();
  await widget.getByRole('button', { name: FR.T.start, exact: true }).click();
  const [id] = Object.keys(CANDIDATES.newcomer);
  await widget.getByRole('heading', { level: 2, name: FR.question(id).text, exact: true }).waitFor();
  assert.ok(page.requests.some((u) => u.endsWith('/default.fr-CA.json')), 'the French content came from the bundle folder');
});
