// "Your answers stay on this device. Nothing is sent anywhere.": the page
// requests nothing from any origin but the server it came from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startEnvironment, openWidget, closeWidget, reload, completeScenario, expectHeading, question, optionLabel, SCENARIOS, T,
} from './support.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('The page requests nothing from any origin other than the server it was loaded from, through a whole run', async () => {
  const requests = [];
  const page = await openWidget(env, {
    beforeLoad: async (p) => p.on('request', (r) => requests.push(r.url())),
  });
  await page.getByText('Your answers stay on this device. Nothing is sent anywhere.', { exact: true }).waitFor();
  await completeScenario(page, SCENARIOS.certifiedCanadian);
  await page.getByText(T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: question('mhfa').text, exact: true }).selectOption({ label: optionLabel('mhfa', 'basic') });
  await reload(page);
  await expectHeading(page, T.resultsTitle);
  await page.getByRole('button', { name: T.startAgain, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: T.confirmYes, exact: true }).click();
  await page.getByRole('button', { name: T.start, exact: true }).waitFor();

  assert.ok(requests.length > 0, 'requests were recorded');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the server');
  const foreign = requests.filter((u) => !u.startsWith(`${env.origin}/`) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], `requests to other origins (server is ${env.origin})`);
  await closeWidget(page);
});
