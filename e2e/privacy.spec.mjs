// "Your answers stay on this device. Nothing is sent anywhere.": the page
// requests nothing from any origin but the server it came from.
import assert from 'node:assert/strict';
import { language, CANDIDATES } from './support.mjs';
import { test, reload, expectHeading, completeScenario } from './fixtures.mjs';

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
