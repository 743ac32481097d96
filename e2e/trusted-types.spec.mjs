// Under a Trusted Types policy (`require-trusted-types-for 'script'`), which
// blocks innerHTML and every other HTML sink, the widget still works and a
// crash still shows its panel: every element the widget and its loader put
// into the page is built with DOM calls.
import assert from 'node:assert/strict';

import { language, CANDIDATES } from './support.mjs';
import { test, answer, button, expectHeading, walkEveryScreen } from './fixtures.mjs';

const EN = language('en');
const POLICY = "require-trusted-types-for 'script'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Opens an example page served under the policy, recording every CSP violation (Trusted Types ones included) from before any script runs. */
async function open(openPage, embed, example) {
  embed.headers({ 'content-security-policy': POLICY });
  const page = await openPage(null, {
    beforeLoad: (p) => p.addInitScript(() => {
      window.__icpViolations = [];
      window.addEventListener('securitypolicyviolation', (e) => {
        window.__icpViolations.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sample || ''} ${e.sourceFile}:${e.lineNumber}`);
      }, true);
    }),
  });
  page.cspConsole = [];
  page.on('console', (m) => { if (/Content Security Policy|Trusted ?Type/i.test(m.text())) page.cspConsole.push(m.text()); });
  const response = await page.goto(embed.url(`examples/${example}`));
  assert.equal(response.headers()['content-security-policy'], POLICY, 'the page is served with the Trusted Types policy');
  return page;
}

async function violations(page) {
  return { events: await page.evaluate(() => window.__icpViolations), console: page.cspConsole };
}

test('Under a Trusted Types policy a crash shows the error panel with its reload link, and nothing is blocked', async ({ openPage, embed }) => {
  const page = await open(openPage, embed, 'strict-csp.html');
  const widget = page.locator('ic-pathfinder');
  await widget.getByRole('heading', { level: 2, name: EN.content.title, exact: true }).waitFor();
  await widget.getByRole('button', { name: 'Start now' }).click();
  const crashed = await page.evaluate(async () => {
    const core = await import('../ic-pathfinder-core.js');
    try { core.simulateCrash(); return 'no panic'; } catch (e) { return e.constructor.name; }
  });
  assert.equal(crashed, 'RuntimeError', 'the panic aborts the wasm instance');
  page.pageErrors = []; // the simulated crash's uncaught RuntimeError is expected
  const panel = widget.getByRole('alert').filter({ hasText: 'The pathway checker stopped' });
  await panel.waitFor();
  await panel.getByRole('heading', { level: 2, name: 'The pathway checker stopped', exact: true }).waitFor();
  await panel.getByText('Something unexpected went wrong. Your answers saved on this device are kept.', { exact: true }).waitFor();
  const reload = panel.getByRole('link', { name: 'Reload the page', exact: true });
  await reload.waitFor();
  // The same markup and classes as before.
  assert.deepEqual(await widget.locator('.icp-root').evaluate((root) => root.innerHTML),
    '<div class="icp-error-panel" role="alert"><h2 class="icp-error-panel__title">The pathway checker stopped</h2>'
    + '<p>Something unexpected went wrong. Your answers saved on this device are kept.</p><a class="icp-button" href="">Reload the page</a></div>');
  assert.deepEqual(await violations(page), { events: [], console: [] }, 'Trusted Types violations');
  await reload.click();
  await widget.getByRole('button', { name: /Continue where you left off|Start now/ }).waitFor();
});

test('Under a Trusted Types policy a whole run to the checklist, What if and the restart dialog report no violation', async ({ openPage, embed }) => {
  const page = await open(openPage, embed, 'strict-csp.html');
  const widget = page.locator('ic-pathfinder');
  await expectHeading(widget, EN.content.title);
  await walkEveryScreen(widget, EN, CANDIDATES.newcomer);
  assert.deepEqual(await violations(page), { events: [], console: [] }, 'Trusted Types violations');
});

test('Under a Trusted Types policy the crash panel of a French widget is in French', async ({ openPage, embed }) => {
  embed.set('/examples/tt-french.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fr</title><link rel="icon" href="data:,">
<script type="module" src="../ic-pathfinder.js"></script></head><body><ic-pathfinder lang="fr-CA" storage-key="fr"></ic-pathfinder></body></html>`,
  });
  const page = await open(openPage, embed, 'tt-french.html');
  const widget = page.locator('ic-pathfinder');
  await widget.getByRole('button', { name: 'Commencer' }).waitFor();
  await page.evaluate(async () => {
    const core = await import('../ic-pathfinder-core.js');
    try { core.simulateCrash(); } catch { /* the expected RuntimeError */ }
  });
  page.pageErrors = []; // the simulated crash's uncaught RuntimeError is expected
  const panel = widget.getByRole('alert').filter({ hasText: 'Le vérificateur de parcours s’est arrêté' });
  await panel.waitFor();
  await panel.getByText('Une erreur inattendue s’est produite. Vos réponses enregistrées sur cet appareil sont conservées.', { exact: true }).waitFor();
  await panel.getByRole('link', { name: 'Recharger la page', exact: true }).waitFor();
  assert.deepEqual(await violations(page), { events: [], console: [] }, 'Trusted Types violations');
});

test('Under a Trusted Types policy the loading failure message and its Retry button are shown, and nothing is blocked', async ({ openPage, embed }) => {
  embed.set(/_bg\.wasm$/, { status: 404 });
  try {
    const page = await open(openPage, embed, 'default.html');
    const widget = page.locator('ic-pathfinder');
    await widget.getByRole('alert').filter({ hasText: 'The pathway checker could not be loaded.' }).waitFor();
    await widget.getByRole('button', { name: 'Retry', exact: true }).waitFor();
    assert.deepEqual(await violations(page), { events: [], console: [] }, 'Trusted Types violations');
  } finally {
    embed.clear();
  }
});
