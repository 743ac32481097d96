// Saved progress: kept across reloads, cleared on "Start again", and
// unreadable saved data set aside instead of breaking the widget.
import assert from 'node:assert/strict';
import { language, STORAGE_KEY, CANDIDATES } from './support.mjs';
import { test, reload, expectHeading, answer, completeScenario, pathwayCard, expectRequirement, expectNextStep, openDisclosure, withHiddenContext, savedProgress } from './fixtures.mjs';

const EN = language('en');

const startButton = (page) => page.getByRole('button', { name: EN.T.start, exact: true });
const resumeButton = (page) => page.getByRole('button', { name: EN.T.resume, exact: true });

test('Reloading mid-questionnaire keeps the answers: the start page offers to continue where you left off', async ({ demoPage: page }) => {
  await startButton(page).click();
  await answer(page, EN, 'industry_experience', 'one_two');
  await answer(page, EN, 'recent_graduate', false);
  await answer(page, EN, 'backgrounds', ['communication', 'movement']);
  await expectHeading(page, EN.question('leadership').text);

  const saved = await savedProgress(page);
  assert.equal(saved.format, 1);
  assert.equal(saved.definition, EN.content.id);
  assert.deepEqual(saved.answers, { industry_experience: 'one_two', recent_graduate: false, backgrounds: ['communication', 'movement'] });
  assert.equal(saved.at_results, false);

  await reload(page);
  await expectHeading(page, EN.content.title);
  await page.getByText('Your answers from last time are saved on this device.', { exact: true }).waitFor();
  assert.equal(await startButton(page).count(), 0, 'no plain "Start now" when progress is saved');
  await resumeButton(page).click();
  // Straight to the first unanswered question...
  await expectHeading(page, EN.question('leadership').text);
  // ...with the earlier answers still there.
  await page.getByRole('link', { name: EN.T.back, exact: true }).click();
  await expectHeading(page, EN.question('backgrounds').text);
  assert.equal(await page.getByRole('checkbox', { name: 'Communication', exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: 'Movement or dance', exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: 'Stunts', exact: true }).isChecked(), false);
});

test('Reloading at the results shows the results again, and a ticked "I have done this" stays ticked', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.idiCanada);
  assert.equal((await savedProgress(page)).at_results, true);

  const title = EN.requirement('idc', 'idc_ally').title;
  const card = pathwayCard(page, EN, 'idc');
  const tick = () => card.getByRole('checkbox', { name: withHiddenContext(EN.T.markDone, title, { brackets: true }) });
  await openDisclosure(card);
  assert.equal(await tick().isChecked(), false);
  await tick().check();
  assert.deepEqual((await savedProgress(page)).done, ['idc/idc_ally']);
  // A tick counts as done, and says it rests on the tick, not on an answer.
  await expectRequirement(page, EN, 'idc', 'idc_ally', 'ticked');
  await expectNextStep(page, EN, 'idc', 'idc_external');

  await reload(page);
  await expectHeading(page, EN.T.resultsTitle);
  await openDisclosure(card);
  assert.equal(await tick().isChecked(), true, 'the step is still ticked after a reload');
  await expectRequirement(page, EN, 'idc', 'idc_ally', 'ticked');

  await tick().uncheck();
  await expectRequirement(page, EN, 'idc', 'idc_ally', 'unmet');
  await reload(page);
  await expectHeading(page, EN.T.resultsTitle);
  await openDisclosure(card);
  assert.equal(await tick().isChecked(), false, 'unticking is saved too');
});

test('Start again asks for confirmation; Cancel keeps everything, and "Yes, clear my answers" clears the saved progress', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.newcomer);
  await openDisclosure(pathwayCard(page, EN, 'idc'));
  await pathwayCard(page, EN, 'idc').getByRole('checkbox', { name: withHiddenContext(EN.T.markDone, EN.requirement('idc', 'idc_l1').title, { brackets: true }) }).check();

  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('This clears your answers and ticked steps from this device. Start again?', { exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('icp-confirm'));
  await dialog.getByRole('button', { name: EN.T.cancel, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await expectHeading(page, EN.T.resultsTitle);
  assert.notEqual(await savedProgress(page), null);

  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  await dialog.getByRole('button', { name: EN.T.confirmRestartYes, exact: true }).click();
  await expectHeading(page, EN.content.title);
  await startButton(page).waitFor();
  assert.equal(await savedProgress(page), null, 'nothing is left in localStorage');

  await reload(page);
  await expectHeading(page, EN.content.title);
  await startButton(page).waitFor();
  assert.equal(await resumeButton(page).count(), 0);
  await startButton(page).click();
  await expectHeading(page, EN.question('industry_experience').text);
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'no answer is preselected');
});

test('Start again from the start page, with saved progress, also asks first and then clears', async ({ demoPage: page }) => {
  await startButton(page).click();
  await answer(page, EN, 'industry_experience', 'none');
  await reload(page);
  await page.getByRole('button', { name: EN.T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: EN.T.confirmRestartYes, exact: true }).click();
  await startButton(page).waitFor();
  assert.equal(await savedProgress(page), null);
});

test('Unreadable saved progress shows the start page with a notice, keeps the bad data aside, and the widget still works', async ({ demoPage: page }) => {
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), STORAGE_KEY);
  await reload(page);

  await expectHeading(page, EN.content.title);
  const notice = page.getByRole('status').filter({ hasText: EN.T.noticeUnreadable });
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not read the progress saved on this device/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), STORAGE_KEY), '{not json');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null, 'the bad data is no longer the saved progress');
  await startButton(page).waitFor();

  // The widget works: answer, and progress is saved afresh.
  await startButton(page).click();
  await answer(page, EN, 'industry_experience', 'few_plus');
  await expectHeading(page, EN.question('recent_graduate').text);
  assert.deepEqual((await savedProgress(page)).answers, { industry_experience: 'few_plus' });
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), STORAGE_KEY), '{not json');

  // The notice can be dismissed.
  await notice.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await notice.waitFor({ state: 'detached' });
});

test('Saved progress in an unknown format version is set aside the same way', async ({ openWidget }) => {
  const bad = JSON.stringify({ format: 99, definition: EN.content.id, definition_version: 1, answers: {}, done: [], at_results: false });
  const page = await openWidget();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, bad]);
  await reload(page);
  await page.getByRole('status').filter({ hasText: EN.T.noticeUnreadable }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), STORAGE_KEY), bad);
  await startButton(page).waitFor();
});

test('Saved progress of an older content version is carried over: answers that no longer fit are asked again, none is deleted', async ({ openWidget }) => {
  const answers = { industry_experience: 'few_plus', recent_graduate: 'no_such_option', retired_question: true };
  const old = JSON.stringify({
    // The first answer still fits; the second names an option that does not exist, the third a removed question.
    format: 1, definition: EN.content.id, definition_version: EN.content.version - 1, answers, done: [], at_results: true,
  });
  const page = await openWidget();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, old]);
  await reload(page);

  const notice = page.getByRole('status').filter({ hasText: EN.T.contentChanged });
  await notice.waitFor();
  assert.match(await notice.innerText(), /Some of your answers no longer fit, so those questions will be asked again/);
  // Not the results of old answers: the start page, offering to continue.
  await expectHeading(page, EN.content.title);
  await resumeButton(page).click();
  await expectHeading(page, EN.question('recent_graduate').text);
  const saved = await savedProgress(page);
  assert.deepEqual(saved.answers, answers, 'nothing was deleted');
  assert.equal(saved.definition_version, EN.content.version, 'saved as the current version from now on');
});
