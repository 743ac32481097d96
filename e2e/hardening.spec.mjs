// Bad input and odd hosts: a crash, hostile strings in a definition, no storage.
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';
import { test, widgetReady } from './fixtures.mjs';

test('A crash replaces the widget with an error panel and a reload link instead of freezing it', async ({ openExample }) => {
  const page = await openExample('default.html');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  const crashed = await page.evaluate(async () => {
    const core = await import('../ic-pathfinder-core.js');
    try { core.simulateCrash(); return 'no panic'; } catch (e) { return e.constructor.name; }
  });
  assert.equal(crashed, 'RuntimeError', 'the panic aborts the wasm instance');
  const panel = page.getByRole('alert').filter({ hasText: 'The pathway checker stopped' });
  await panel.waitFor();
  const reload = panel.getByRole('link', { name: 'Reload the page' });
  await reload.waitFor();
  await reload.click();
  await page.getByRole('button', { name: /Continue where you left off|Start now/ }).waitFor();
  // The uncaught RuntimeError of the simulated crash is expected; nothing else.
  page.pageErrors = [];
});

test('Markup, scripts and very long words in a definition are shown as text, never run', async ({ openExample }) => {
  const page = await openExample('hostile-strings.html', { viewport: { width: 400, height: 900 } });
  await widgetReady(page);
  const root = page.locator('ic-pathfinder .icp-root');
  await root.getByText('<script>window.__pwned = 1</script><b>Bold?</b>', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Start now' }).click();
  await root.getByRole('heading', { name: '<script>window.__pwned = 5</script>Is this shown as text?' }).waitFor();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: '<iframe src="javascript:parent.__pwned=6"></iframe>' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'See your checklist' }).click();
  await root.locator('details.icp-pathway > summary').first().click();
  await root.getByText('<b>met</b>', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
  assert.equal(await root.locator('script, iframe, img, svg').count(), 0, 'no injected element exists');
  // No javascript: address anywhere (validation refuses one in a url field: tests/validation.rs).
  assert.equal(await root.locator('a[href^="javascript:"]').count(), 0);
  // Very long words wrap inside the widget instead of widening the page.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'no horizontal scrolling');
});

test('Without storage (a sandboxed iframe) the widget works in memory and says progress will not be kept', async ({ openExample, embed }) => {
  // An opaque-origin frame loads the module and wasm cross-origin: serve them with CORS, as docs/embedding.md says.
  embed.headers({ 'access-control-allow-origin': '*' });
  const page = await openExample('sandboxed.html');
  const frame = page.frameLocator('#frame');
  await frame.getByText('does not let us save your progress', { exact: false }).waitFor();
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.getByRole('radio', { name: 'A few years or more' }).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { name: 'Have you graduated from college or university in the last two years?' }).waitFor();
  await frame.getByRole('link', { name: 'Back' }).click();
  assert.ok(await frame.getByRole('radio', { name: 'A few years or more' }).isChecked(), 'answers are kept in memory');
});

test('When saving fails (storage quota full) the widget keeps working and says progress will not be kept', async ({ openExample }) => {
  const page = await openExample('default.html', {
    beforeLoad: (p) => p.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        // The availability probe passes; real saves hit a full quota.
        if (key === 'icp:probe') return setItem.call(this, key, value);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }),
  });
  await widgetReady(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'A few years or more' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('does not let us save your progress', { exact: false }).waitFor();
  await page.getByRole('heading', { name: 'Have you graduated from college or university in the last two years?' }).waitFor();
});
