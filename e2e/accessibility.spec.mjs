// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on every kind of screen.
// Any violation fails the test and is printed (rule, element, how to fix).
import { STORAGE_KEY, language, CANDIDATES } from './support.mjs';
import { test, reload, button, expectHeading, answer, answerAll, completeScenario } from './fixtures.mjs';

const EN = language('en');

/** The demo page at the question `stopAt` of a candidate's run. */
async function upTo(page, answers, stopAt) {
  await button(page, EN.T.start).click();
  for (const [id, value] of Object.entries(answers)) {
    if (id === stopAt) break;
    await answer(page, EN, id, value);
  }
  await expectHeading(page, EN.question(stopAt).text);
  return page;
}

test('The start page has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await expectHeading(page, EN.content.title);
  await axe(page, 'start page');
});

test('A single-choice question page has no WCAG A/AA violations', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.idiCanada, 'industry_experience');
  await axe(page, 'single-choice question (industry_experience)');
});

test('A yes/no question page has no WCAG A/AA violations', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.idiCanada, 'recent_graduate');
  await axe(page, 'yes/no question (recent_graduate)');
});

test('The multiple-choice backgrounds question has no WCAG A/AA violations, with options ticked', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.idiCanada, 'backgrounds');
  await page.getByRole('checkbox', { name: 'Mental health', exact: true }).check();
  await axe(page, 'multiple-choice question (backgrounds)');
});

test('A number question page has no WCAG A/AA violations', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.certifiedCanadian, 'directing_hours');
  await axe(page, 'number question (directing_hours)');
});

test('A question showing its error has no WCAG A/AA violations', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.idiCanada, 'recent_graduate');
  await page.getByRole('button', { name: EN.T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await axe(page, 'yes/no question with its error');
});

test('A number question showing its range error has no WCAG A/AA violations', async ({ demoPage, axe }) => {
  const page = await upTo(demoPage, CANDIDATES.idiCanada, 'idc_level2_count');
  await page.getByRole('textbox', { name: EN.question('idc_level2_count').text }).fill('21');
  await page.getByRole('button', { name: EN.T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await axe(page, 'number question with its range error');
});

test('The check answers page has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await answerAll(page, EN, CANDIDATES.idiCanada);
  await axe(page, 'check answers page');
});

test('The results page, with What if opened and a step ticked, has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await completeScenario(page, EN, CANDIDATES.idiCanada);
  await page.getByText(EN.T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: EN.question('mhfa').text }).waitFor({ state: 'visible' });
  await page.getByRole('checkbox', { name: /^I have done this/ }).first().check();
  await axe(page, 'results page (What if open)');
});

test('The results page of a candidate with every pathway met has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await completeScenario(page, EN, CANDIDATES.certifiedCanadian);
  await axe(page, 'results page (all met)');
});

test('The start-again confirmation has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await completeScenario(page, EN, CANDIDATES.newcomer);
  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await axe(page, 'start-again confirmation');
});

test('The start page with the unreadable-progress notice has no WCAG A/AA violations', async ({ demoPage: page, axe }) => {
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), STORAGE_KEY);
  await reload(page);
  await page.getByRole('status').filter({ hasText: EN.T.noticeUnreadable }).waitFor();
  await axe(page, 'start page with a notice');
});
