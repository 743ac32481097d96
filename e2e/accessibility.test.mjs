// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on every kind of screen.
// Any violation fails the test and is printed (rule, element, how to fix).
import { test, before, after } from 'node:test';

import {
  startEnvironment, openWidget, openAtQuestion, closeWidget, reload, answer, answerAll, completeScenario, expectHeading,
  expectNoViolations, question, SCENARIOS, STORAGE_KEY, T, content,
} from './support.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

const upTo = (answers, stopAt) => openAtQuestion(env, answers, stopAt);

test('The start page has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await expectHeading(page, content.title);
  await expectNoViolations(page, 'start page');
  await closeWidget(page);
});

test('A single-choice question page has no WCAG A/AA violations', async () => {
  const page = await upTo(SCENARIOS.idiCanada, 'industry_experience');
  await expectNoViolations(page, 'single-choice question (industry_experience)');
  await closeWidget(page);
});

test('A yes/no question page has no WCAG A/AA violations', async () => {
  const page = await upTo(SCENARIOS.idiCanada, 'recent_graduate');
  await expectNoViolations(page, 'yes/no question (recent_graduate)');
  await closeWidget(page);
});

test('The multiple-choice backgrounds question has no WCAG A/AA violations, with options ticked', async () => {
  const page = await upTo(SCENARIOS.idiCanada, 'backgrounds');
  await page.getByRole('checkbox', { name: 'Mental health', exact: true }).check();
  await expectNoViolations(page, 'multiple-choice question (backgrounds)');
  await closeWidget(page);
});

test('A number question page has no WCAG A/AA violations', async () => {
  const page = await upTo(SCENARIOS.certifiedCanadian, 'directing_hours');
  await expectNoViolations(page, 'number question (directing_hours)');
  await closeWidget(page);
});

test('A question showing its error has no WCAG A/AA violations', async () => {
  const page = await upTo(SCENARIOS.idiCanada, 'recent_graduate');
  await page.getByRole('button', { name: T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'yes/no question with its error');
  await closeWidget(page);
});

test('A number question showing its range error has no WCAG A/AA violations', async () => {
  const page = await upTo(SCENARIOS.idiCanada, 'idc_level2_count');
  await page.getByRole('textbox', { name: question('idc_level2_count').text }).fill('21');
  await page.getByRole('button', { name: T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'number question with its range error');
  await closeWidget(page);
});

test('The check answers page has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await answerAll(page, SCENARIOS.idiCanada);
  await expectNoViolations(page, 'check answers page');
  await closeWidget(page);
});

test('The results page, with What if opened and a step ticked, has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.idiCanada);
  await page.getByText(T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: question('mhfa').text }).waitFor({ state: 'visible' });
  await page.getByRole('checkbox', { name: /^I have done this/ }).first().check();
  await expectNoViolations(page, 'results page (What if open)');
  await closeWidget(page);
});

test('The results page of a candidate with every pathway met has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.certifiedCanadian);
  await expectNoViolations(page, 'results page (all met)');
  await closeWidget(page);
});

test('The start-again confirmation has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.newcomer);
  await page.getByRole('button', { name: T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await expectNoViolations(page, 'start-again confirmation');
  await closeWidget(page);
});

test('The start page with the unreadable-progress notice has no WCAG A/AA violations', async () => {
  const page = await openWidget(env);
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), STORAGE_KEY);
  await reload(page);
  await page.getByRole('status').filter({ hasText: T.unreadable }).waitFor();
  await expectNoViolations(page, 'start page with a notice');
  await closeWidget(page);
});
