// Saves a full-page PNG of each kind of screen, for the README.
// Usage: node e2e/screens.mjs [folder]   (default: screenshots/; bundle: dist/ or $ICP_DIST)
import fs from 'node:fs';
import path from 'node:path';

import {
  startEnvironment, openWidget, openAtQuestion, answer, answerAll, completeScenario, expectHeading, question, SCENARIOS, STORAGE_KEY, T, reload, content,
} from './support.mjs';

const out = path.resolve(process.argv[2] || 'screenshots');
fs.mkdirSync(out, { recursive: true });

const env = await startEnvironment();
const saved = [];
async function shot(page, name) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  saved.push(file);
}

const upTo = (answers, stopAt) => openAtQuestion(env, answers, stopAt);

try {
  let page = await openWidget(env);
  await shot(page, '01-start');
  await page.context().close();

  page = await upTo(SCENARIOS.idiCanada, 'industry_experience');
  await page.getByRole('radio', { name: 'One or two years', exact: true }).check();
  await shot(page, '02-single-choice');
  await page.context().close();

  page = await upTo(SCENARIOS.idiCanada, 'recent_graduate');
  await shot(page, '03-yes-no');
  await page.getByRole('button', { name: T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '04-error');
  await page.context().close();

  page = await upTo(SCENARIOS.idiCanada, 'backgrounds');
  await page.getByRole('checkbox', { name: 'Communication', exact: true }).check();
  await shot(page, '05-multiple-choice');
  await page.context().close();

  page = await upTo(SCENARIOS.idiCanada, 'idc_level2_count');
  await page.getByRole('textbox', { name: question('idc_level2_count').text }).fill('21');
  await page.getByRole('button', { name: T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '06-number-with-error');
  await page.context().close();

  page = await openWidget(env);
  await answerAll(page, SCENARIOS.idiCanada);
  await shot(page, '07-check-answers');
  await page.getByRole('button', { name: T.seeResults, exact: true }).click();
  await expectHeading(page, T.resultsTitle);
  await shot(page, '08-results');
  await page.getByText(T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: question('mhfa').text }).waitFor({ state: 'visible' });
  await page.getByText(T.whatIf, { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '09-results-what-if');
  await page.getByRole('button', { name: T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '10-start-again');
  await page.context().close();

  page = await openWidget(env);
  await completeScenario(page, SCENARIOS.certifiedCanadian);
  await shot(page, '11-results-all-met');
  await page.context().close();

  page = await openWidget(env);
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), STORAGE_KEY);
  await reload(page);
  await page.getByRole('status').waitFor();
  await shot(page, '12-notice');
  await page.context().close();

  // Progress saved under an older version of the content.
  page = await openWidget(env);
  await page.evaluate(([key, record]) => localStorage.setItem(key, record), [STORAGE_KEY, JSON.stringify({
    format: 1, definition: content.id, definition_version: content.version - 1,
    answers: { industry_experience: 'few_plus', recent_graduate: 'gone' }, done: [], at_results: true,
  })]);
  await reload(page);
  await page.getByRole('status').waitFor();
  await shot(page, '13-content-changed');
  await page.context().close();
} finally {
  await env.close();
}
for (const f of saved) console.log(path.relative(process.cwd(), f));
