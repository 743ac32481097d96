// Moving around: Back, Change from check answers, validation messages, the
// progress text, and What-if changes on the results page.
import assert from 'node:assert/strict';
import { language, CANDIDATES } from './support.mjs';
import { test, expect, expectHeading, expectText, choose, answer, answerAll, completeScenario, pathwayCard, expectPathwayStatus, expectRequirement, expectNextStep, changeButton } from './fixtures.mjs';

const EN = language('en');

const continueButton = (page) => page.getByRole('button', { name: EN.T.continue, exact: true });
const backLink = (page) => page.getByRole('link', { name: EN.T.back, exact: true });

test('Back returns to the previous question with its answer still selected, and from the first question to the start page', async ({ demoPage: page }) => {
  await page.getByRole('button', { name: EN.T.start }).click();
  await answer(page, EN, 'industry_experience', 'under_one');
  await answer(page, EN, 'recent_graduate', true);
  await expectHeading(page, EN.question('backgrounds').text);

  await backLink(page).click();
  await expectHeading(page, EN.question('recent_graduate').text);
  assert.equal(await page.getByRole('radio', { name: 'Yes', exact: true }).isChecked(), true, 'Yes is still selected');

  await backLink(page).click();
  await expectHeading(page, EN.question('industry_experience').text);
  assert.equal(await page.getByRole('radio', { name: EN.optionLabel('industry_experience', 'under_one') }).isChecked(), true);

  await backLink(page).click();
  await expectHeading(page, 'Your path to becoming an intimacy coordinator');
});

test('Back skips the follow-up questions that the answers did not open', async ({ demoPage: page }) => {
  const { newcomer } = CANDIDATES;
  await page.getByRole('button', { name: EN.T.start }).click();
  for (const id of ['industry_experience', 'recent_graduate', 'backgrounds', 'leadership', 'knows_why', 'knows_role',
    'communication_skills', 'region', 'canada_status']) await answer(page, EN, id, newcomer[id]);
  await expectHeading(page, EN.question('idc_level1').text);
  await backLink(page).click();
  // The questions that only count for ICC (ACTRA, directing experience) are only asked of Canadian citizens and permanent residents.
  await expectHeading(page, EN.question('canada_status').text);
});

test('Change on check answers opens that question with its answer, and Continue returns to check answers with the new answer', async ({ demoPage: page }) => {
  await answerAll(page, EN, CANDIDATES.idiCanada);
  const regionRow = page.locator('.icp-summary-list__row').filter({ hasText: EN.question('region').text });
  await expectText(regionRow.locator('.icp-summary-list__value'), EN.optionLabel('region', 'canada'), 'region answer');

  await changeButton(page, EN, 'region').click();
  await expectHeading(page, EN.question('region').text);
  assert.equal(await page.getByRole('radio', { name: EN.optionLabel('region', 'canada') }).isChecked(), true);
  await choose(page, EN, 'region', 'usa');
  await continueButton(page).click();

  await expectHeading(page, EN.T.checkTitle);
  await expectText(regionRow.locator('.icp-summary-list__value'), EN.optionLabel('region', 'usa'), 'region answer');

  // Back from a changed question also returns to check answers, not to the previous question.
  await changeButton(page, EN, 'mentor').click();
  await expectHeading(page, EN.question('mentor').text);
  await backLink(page).click();
  await expectHeading(page, EN.T.checkTitle);
});

test('Back on check answers returns to the last question asked', async ({ demoPage: page }) => {
  await answerAll(page, EN, CANDIDATES.usDirector);
  await backLink(page).click();
  await expectHeading(page, EN.question('mentor').text);
});

test('Continue with nothing selected shows an error summary whose link moves focus to the first option', async ({ demoPage: page }) => {
  await page.getByRole('button', { name: EN.T.start }).click();
  await expectHeading(page, EN.question('industry_experience').text);
  await continueButton(page).click();

  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: EN.T.problem }).waitFor();
  const link = summary.getByRole('link', { name: 'Select one option', exact: true });
  await link.waitFor();
  // The summary takes focus so screen readers read it at once.
  await page.waitForFunction(() => document.activeElement?.classList.contains('icp-error-summary'));
  // The field's own message, with a hidden "Error:" prefix for screen readers.
  await expectText(page.locator('.icp-error-message'), 'Error: Select one option', 'message at the field');
  await expectHeading(page, EN.question('industry_experience').text);

  await link.click();
  const first = page.getByRole('radio', { name: EN.optionLabel('industry_experience', 'none') });
  await page.waitForFunction(() => document.activeElement?.id === 'icp-q-industry_experience');
  assert.equal(await first.evaluate((el) => el === document.activeElement), true, 'the first option has focus');

  // Answering clears the error.
  await answer(page, EN, 'industry_experience', 'none');
  await expectHeading(page, EN.question('recent_graduate').text);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error on the next question');
  await continueButton(page).click();
  await page.getByRole('alert').getByRole('link', { name: 'Select yes or no', exact: true }).waitFor();
});

test('The Level 2 count refuses 21 with the range 0 to 20, refuses 2.5, and accepts 3', async ({ demoPage: page }) => {
  const a = CANDIDATES.idiCanada;
  await page.getByRole('button', { name: EN.T.start }).click();
  for (const id of ['industry_experience', 'recent_graduate', 'backgrounds', 'leadership', 'knows_why', 'knows_role',
    'communication_skills', 'region', 'canada_status', 'actra_member', 'directing_experience', 'idc_level1']) await answer(page, EN, id, a[id]);
  const q = EN.question('idc_level2_count');
  assert.deepEqual([q.min, q.max], [0, 20]);
  await expectHeading(page, q.text);
  const field = page.getByRole('textbox', { name: q.text, exact: true });

  await continueButton(page).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter a number', exact: true }).waitFor();

  await field.fill('21');
  await continueButton(page).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter a number between 0 and 20', exact: true }).waitFor();
  await expectText(page.locator('.icp-error-message'), 'Error: Enter a number between 0 and 20', 'message at the field');
  assert.equal(await field.getAttribute('aria-describedby'), 'icp-q-idc_level2_count-hint icp-q-idc_level2_count-error',
    'the field is described by its hint and its error');
  await expectHeading(page, q.text);

  await field.fill('2.5');
  await continueButton(page).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter a whole number, like 12', exact: true }).waitFor();

  await page.getByRole('alert').getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'icp-q-idc_level2_count');

  await field.fill('3');
  await continueButton(page).click();
  await expectHeading(page, EN.question('idc_ally_certificate').text);
});

test('The progress names the part of the questionnaire, whose count never grows, and the bar moves on with each answer', async ({ openWidget }) => {
  // Flow::progress (crates/pathway/src/flow.rs): parts are runs of one section among the questions not ruled out;
  // the bar is the step over the most questions there can be, which only shrinks as answers rule questions out.
  const page = await openWidget();
  const a = CANDIDATES.idiCanada;
  const step = page.locator('.icp-question__step');
  const bar = page.locator('.icp-question__bar');
  await page.getByRole('button', { name: EN.T.start }).click();
  await expectText(step, 'Part 1 of 6: About you', 'progress on the first question');
  assert.deepEqual([await bar.getAttribute('value'), await bar.getAttribute('max')], ['1', String(EN.content.questions.length)], 'every question may still come');
  for (const id of ['industry_experience', 'recent_graduate', 'backgrounds', 'leadership', 'knows_why', 'knows_role',
    'communication_skills']) await answer(page, EN, id, a[id]);
  await expectHeading(page, EN.question('region').text);
  await expectText(step, 'Part 2 of 6: Where you live', 'progress on the region question');
});

test('Changing the MHFA answer in What if on the results page turns the ICC MHFA requirement to Done at once', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.idiCanada);
  await expectRequirement(page, EN, 'icc', 'icc_mhfa', 'unmet');
  await expectPathwayStatus(page, EN, 'icc', 'in_progress');

  await page.getByText(EN.T.whatIf, { exact: true }).click();
  const mhfa = page.getByRole('combobox', { name: EN.question('mhfa').text, exact: true });
  await mhfa.waitFor({ state: 'visible' });
  assert.equal(await mhfa.inputValue(), 'basic', 'the select shows the current answer');
  await mhfa.selectOption({ label: EN.optionLabel('mhfa', 'with_minors') });

  await expectRequirement(page, EN, 'icc', 'icc_mhfa', 'met');
  await expectPathwayStatus(page, EN, 'icc', 'in_progress');
  // The answer the row is based on is updated too.
  await pathwayCard(page, EN, 'icc').locator('li.icp-task').filter({ hasText: EN.requirement('icc', 'icc_mhfa').title })
    .getByText(EN.optionLabel('mhfa', 'with_minors'), { exact: true }).waitFor();

  // Neither Canadian citizenship nor permanent residence closes ICC at once.
  await page.getByRole('combobox', { name: EN.question('canada_status').text, exact: true }).selectOption({ label: EN.optionLabel('canada_status', 'neither') });
  await expectPathwayStatus(page, EN, 'icc', 'not_applicable');
  await pathwayCard(page, EN, 'icc').getByText(EN.pathway('icc').not_applicable, { exact: true }).waitFor();
  await expect(pathwayCard(page, EN, 'icc').locator('li.icp-task'), 'a closed route lists no steps').toHaveCount(0);
  await page.getByRole('combobox', { name: EN.question('canada_status').text, exact: true }).selectOption({ label: EN.optionLabel('canada_status', 'citizen') });
  await expectPathwayStatus(page, EN, 'icc', 'in_progress');

  await page.getByRole('combobox', { name: EN.question('directing_experience').text, exact: true }).selectOption({ label: 'Yes' });
  // Saying yes opens questions that are not answered yet: the checklist says so and offers to answer them.
  await page.getByText(EN.T.newQuestions, { exact: true }).waitFor();
  await expectRequirement(page, EN, 'icc', 'icc_experience', 'unknown');
  await page.getByRole('button', { name: EN.T.answerNewQuestions, exact: true }).click();
  await expectHeading(page, EN.question('experience_shown').text);
  // Only the figure the candidate can show is asked for.
  await answer(page, EN, 'experience_shown', ['hours']);
  await answer(page, EN, 'directing_hours', 300);
  // Once the new questions are answered, the candidate is back on the checklist.
  await expectHeading(page, EN.T.resultsTitle);
  await expectRequirement(page, EN, 'icc', 'icc_experience', 'met');
});

test('Changing an answer from a results row opens its question and Continue returns to the results', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.idiCanada);
  await expectRequirement(page, EN, 'readiness', 'ready_industry', 'optional');
  await changeButton(pathwayCard(page, EN, 'readiness'), EN, 'industry_experience').click();
  await answer(page, EN, 'industry_experience', 'few_plus');
  await expectHeading(page, EN.T.resultsTitle);
  await expectRequirement(page, EN, 'readiness', 'ready_industry', 'met');
  await expectPathwayStatus(page, EN, 'readiness', 'met');
});
