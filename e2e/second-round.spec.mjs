// Nothing lost, second round (issue 33): the points fixed so far, each as a
// candidate meets it.
import { language, CANDIDATES, STORAGE_KEY } from './support.mjs';
import { test, expect, expectHeading, completeScenario } from './fixtures.mjs';

test('Another tab that only opens "Check or change your answers" changes nothing, so this tab does not ask which answers to keep', async ({ openWidget, demo }) => {
  const EN = language('en');
  const first = await openWidget();
  await completeScenario(first, EN, CANDIDATES.newcomer);
  const second = await first.context().newPage();
  await second.goto(`${demo.origin}/`);
  // A candidate who had reached the results comes back to them.
  await expectHeading(second, EN.T.resultsTitle);
  await second.getByRole('button', { name: EN.T.reviewAnswers, exact: true }).click();
  await expectHeading(second, EN.T.checkTitle);
  // The first tab has heard the write (its own storage shows it) and had a turn to answer it.
  await first.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).at_results === false, STORAGE_KEY);
  await first.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => resolve()); }));
  await expect(first.getByRole('status').filter({ hasText: EN.T.noticeElsewhere })).toHaveCount(0);
  // A real change still asks.
  await second.getByRole('button', { name: EN.T.seeResults, exact: true }).click();
  await second.locator('.icp-plan__item').first().getByRole('checkbox').check();
  await first.getByRole('status').filter({ hasText: EN.T.noticeElsewhere }).waitFor();
});
