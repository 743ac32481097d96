// Loading: a missing, cut or slow wasm, or a slow definition, never leaves a
// blank space. The embed (custom element and mount()) shows a loading status
// after a short delay (the demo page shows its prerendered start page, and the
// status once Start is pressed), and a plain message with a Retry button
// when loading fails, in English or French; the detail goes to the console.
// The server plays the failures (the `demo` and `embed` fixtures, serve.mjs): nothing sleeps.
import assert from 'node:assert/strict';

import { DIST, language, small } from './support.mjs';
import { test, embedPage } from './fixtures.mjs';

const CONTENT = language('en').content;
const EN = {
  loading: 'Loading the pathway checker…',
  failed: 'The pathway checker could not be loaded. Check your connection and try again.',
  retry: 'Retry',
};
const FR = {
  loading: 'Chargement du vérificateur de parcours…',
  failed: 'Le vérificateur de parcours n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
  retry: 'Réessayer',
};
const WASM = /_bg\.wasm$/;


/** Opens `url` in a fresh context (a fixture's watched page), recording its status texts. */
function open(openPage, url, { beforeLoad } = {}) {
  return openPage(url, { beforeLoad: async (page) => { await page.addInitScript(recordStatusTexts); if (beforeLoad) await beforeLoad(page); } });
}

/** Waits for the failure message in `scope` and returns its Retry button. */
async function expectFailure(scope, T = EN) {
  const alert = scope.getByRole('alert').filter({ hasText: T.failed });
  try {
    await alert.waitFor();
  } catch {
    const shown = await scope.evaluate((el) => (el.shadowRoot ?? el).textContent).catch(() => '(nothing)');
    assert.fail(`expected the message "${T.failed}", but the widget shows: ${JSON.stringify(shown)}`);
  }
  const retry = scope.getByRole('button', { name: T.retry, exact: true });
  await retry.waitFor();
  assert.equal(await retry.evaluate((b) => b.tagName), 'BUTTON', 'Retry is a real <button>');
  return retry;
}

/** The element is not a 0-px blank: it has a height. */
async function assertNotBlank(scope) {
  const box = await scope.boundingBox();
  assert.ok(box && box.height > 20, `the element has a height: ${JSON.stringify(box)}`);
}

function assertLogged(page, pattern) {
  assert.ok(page.consoleErrors.some((e) => e.startsWith('IC Pathfinder') && pattern.test(e)),
    `a console error starting with "IC Pathfinder" and matching ${pattern}: ${JSON.stringify(page.consoleErrors)}`);
}

/**
 * No loading status came sooner than the 400 ms delay after its (empty)
 * status region appeared, so a load faster than that shows nothing. (On a busy
 * machine a load may take longer, and then the status rightly shows, after the
 * delay.) The observer sees the region a few ms after the delay started: 350.
 */
async function assertNoFlash(page) {
  const texts = await page.evaluate(() => window.__icpStatusTexts);
  const early = texts.filter((t) => t.text.includes(EN.loading) && t.after < 350);
  assert.deepEqual(early, [], `a loading status shown before the 400 ms delay: ${JSON.stringify(texts)}`);
}

/** The widget is live on its start page (not only its prerendered HTML, which shows before the wasm runs). */
async function startPage(scope, title = CONTENT.title) {
  await scope.locator('.icp-root[data-icp-live]').getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

// ---------------------------------------------------------------------------
// The embed: the custom element and mount().

test('A missing wasm (404) shows the candidate a plain message with Retry instead of a blank element, and Retry loads the widget once the file is back', async ({ openPage, embed }) => {
  embed.clear();
  embed.set(WASM, { status: 404 });
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  const retry = await expectFailure(widget);
  await assertNotBlank(widget);
  assertLogged(page, /404/);
  embed.clear();
  await retry.click();
  await startPage(widget);
  assert.equal(await widget.getByRole('alert').count(), 0, 'the message is gone');
});

test('A truncated wasm shows the same message with Retry, and the compile error goes to the console', async ({ openPage, embed }) => {
  embed.clear();
  embed.set(WASM, { truncate: 0.5 });
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  await expectFailure(widget);
  await assertNotBlank(widget);
  assertLogged(page, /CompileError|compil/i);
});

test('A definition slower than the load timeout shows the message with Retry, and Retry shows the widget once it answers', async ({ openPage, embed }) => {
  embed.clear();
  const held = embed.hold('/examples/small.json');
  const page = await open(openPage, embedPage(embed, 'slow-definition.html', '<ic-pathfinder storage-key="slow" definition="small.json" load-timeout="800"></ic-pathfinder>'));
  const widget = page.locator('ic-pathfinder');
  await held.requested;
  const retry = await expectFailure(widget);
  assertLogged(page, /small\.json.*800 ms|800 ms.*small\.json/);
  embed.clear();
  held.release();
  await retry.click();
  await startPage(widget, small.title);
});

test('A wasm slower than the load timeout shows the message with Retry, and Retry downloads it again', async ({ openPage, embed }) => {
  embed.clear();
  const held = embed.hold(WASM);
  const page = await open(openPage, embedPage(embed, 'slow-wasm.html', '<ic-pathfinder storage-key="slow-wasm" load-timeout="800"></ic-pathfinder>'));
  const widget = page.locator('ic-pathfinder');
  await held.requested;
  const retry = await expectFailure(widget);
  assertLogged(page, /_bg\.wasm did not load within 800 ms/);
  // The stalled download was given up: Retry asks for the file again, and this time it comes.
  embed.clear();
  const asked = page.waitForRequest(WASM);
  await retry.click();
  await asked;
  await startPage(widget);
  held.release();
});

test('A definition the server cannot give now (503) shows the message with Retry, and Retry shows the widget', async ({ openPage, embed }) => {
  embed.clear();
  embed.set('/examples/small.json', { status: 503 });
  const page = await open(openPage, `${embed.origin}/examples/two-instances.html`);
  const second = page.locator('#second');
  const retry = await expectFailure(second);
  assertLogged(page, /503/);
  await startPage(page.locator('#first'));
  embed.clear();
  await retry.click();
  await startPage(second, small.title);
});

test('When the built-in content cannot be had (503), the element shows the message with Retry, and Retry shows the widget', async ({ openPage, embed }) => {
  embed.clear();
  embed.set('/default.en.json', { status: 503 });
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  const retry = await expectFailure(widget);
  assertLogged(page, /built-in content.*503/);
  embed.clear();
  await retry.click();
  await startPage(widget);
});

test('While a slow wasm loads, the element shows a loading status after a short delay, then the widget replaces it', async ({ openPage, embed }) => {
  embed.clear();
  const held = embed.hold(WASM);
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  await held.requested;
  const status = widget.getByRole('status').filter({ hasText: EN.loading });
  await status.waitFor();
  assert.equal(await status.isVisible(), true, 'the loading status is visible');
  await assertNotBlank(widget);
  await assertNoFlash(page);
  held.release();
  await startPage(widget);
  assert.equal(await widget.getByText(EN.loading).count(), 0, 'the loading status is gone');
});

test('A fast load shows no loading status: it waits 400 ms before showing', async ({ openPage, embed }) => {
  embed.clear();
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  await startPage(widget);
  await assertNoFlash(page);
});

test('The loading status and the failure message are in French for lang="fr-CA" and on a French host page', async ({ openPage, embed }) => {
  embed.clear();
  // The wasm waits (the loading status shows), then answers 404 (the message shows).
  const held = embed.hold(WASM, { status: 404 });
  const page = await open(openPage, embedPage(embed, 'french.html', '<ic-pathfinder id="attr" lang="fr-CA"></ic-pathfinder><ic-pathfinder id="plain" storage-key="b"></ic-pathfinder>'));
  await held.requested;
  await page.locator('#attr').getByRole('status').filter({ hasText: FR.loading }).waitFor();
  await page.locator('#plain').getByRole('status').filter({ hasText: EN.loading }).waitFor();
  held.release();
  await expectFailure(page.locator('#attr'), FR);
  await expectFailure(page.locator('#plain'), EN);

  const host = await open(openPage, embedPage(embed, 'french-host.html', '<ic-pathfinder></ic-pathfinder>', { lang: 'fr-CA' }));
  await expectFailure(host.locator('ic-pathfinder'), FR);
});

test('mount() shows the message with Retry when the wasm cannot load, resolves to a handle that is not mounted, and Retry mounts the widget', async ({ openPage, embed }) => {
  embed.clear();
  embed.set(WASM, { status: 404 });
  const page = await open(openPage, `${embed.origin}/examples/api.html`);
  const widget = page.locator('#widget');
  const retry = await expectFailure(widget);
  await page.waitForFunction(() => window.icpHandle !== undefined);
  const handle = await page.evaluate(() => ({ mounted: window.icpHandle.mounted, error: String(window.icpHandle.error) }));
  assert.equal(handle.mounted, false, 'the handle is not mounted');
  assert.match(handle.error, /404/, 'the handle says why');
  embed.clear();
  await retry.click();
  await startPage(widget);
  assert.deepEqual(await page.evaluate(() => ({ mounted: window.icpHandle.mounted, error: window.icpHandle.error })), { mounted: true, error: null });
  await page.getByRole('button', { name: 'Unmount the widget' }).click();
  await page.waitForFunction(() => document.getElementById('widget').shadowRoot.childNodes.length === 0);
});

test('mount() with lang "fr" and a load timeout option shows the French message when the definition is too slow', async ({ openPage, embed }) => {
  embed.clear();
  const held = embed.hold('/examples/small.json');
  const page = await open(openPage, embedPage(embed, 'mount-timeout.html', '<div id="widget"></div>'));
  const result = page.evaluate(async () => {
    const { mount } = await import('../ic-pathfinder.js');
    const handle = await mount(document.getElementById('widget'), { definition: 'small.json', lang: 'fr', loadTimeout: 500, storageKey: 'fr' });
    return { mounted: handle.mounted, error: String(handle.error) };
  });
  await held.requested;
  await expectFailure(page.locator('#widget'), FR);
  const handle = await result;
  assert.equal(handle.mounted, false);
  assert.match(handle.error, /500 ms/);
  held.release();
});

test('The loading status and the failure message have no WCAG A/AA violations', async ({ openPage, embed, demo, axe }) => {
  embed.clear();
  const held = embed.hold(WASM, { status: 404 });
  const page = await open(openPage, `${embed.origin}/examples/default.html`);
  const widget = page.locator('ic-pathfinder');
  await held.requested;
  await widget.getByRole('status').filter({ hasText: EN.loading }).waitFor();
  await axe(page, 'embed loading status');
  held.release();
  await expectFailure(widget);
  await axe(page, 'embed failure message');

  demo.clear();
  demo.set(WASM, { status: 404 });
  const demoPage = await open(openPage, `${demo.origin}/`);
  await expectFailure(demoPage.locator('#ic-pathfinder'));
  await axe(demoPage, 'demo failure message');
});

// ---------------------------------------------------------------------------
// The demo page (dist/, Trunk's loader).

test('On the demo page a missing wasm shows the message with Retry instead of a blank space, and Retry loads the widget once the file is back', async ({ openPage, demo }) => {
  demo.clear();
  demo.set(WASM, { status: 404 });
  const page = await open(openPage, `${demo.origin}/`);
  const widget = page.locator('#ic-pathfinder');
  const retry = await expectFailure(widget);
  await assertNotBlank(widget);
  assertLogged(page, /404|HTTP status/);
  demo.clear();
  await retry.click();
  await startPage(widget);
});

test('On the demo page a content file the server cannot give (503) shows the message with Retry, and Retry loads the widget', async ({ openPage, demo }) => {
  demo.clear();
  demo.set('/default.en.json', { status: 503 });
  const page = await open(openPage, `${demo.origin}/`);
  const widget = page.locator('#ic-pathfinder');
  const retry = await expectFailure(widget);
  await assertNotBlank(widget);
  assertLogged(page, /content.*HTTP 503/);
  demo.clear();
  await retry.click();
  await startPage(widget);
});

test('On the demo page a slow content file leaves the prerendered start page showing, with a loading status only once Start is pressed, then the widget takes over', async ({ openPage, demo }) => {
  demo.clear();
  const held = demo.hold('/default.en.json');
  const page = await open(openPage, `${demo.origin}/`);
  const widget = page.locator('#ic-pathfinder');
  await held.requested;
  await widget.getByRole('heading', { level: 2, name: CONTENT.title, exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__icpStatusTexts), [], 'no loading status over a start page that shows');
  await page.getByRole('button', { name: language('en').T.start, exact: true }).click();
  await page.getByRole('status').filter({ hasText: EN.loading }).waitFor();
  held.release();
  await page.getByRole('heading', { level: 2, name: CONTENT.questions[0].text, exact: true }).waitFor();
  assert.equal(await page.getByText(EN.loading).count(), 0, 'the loading status is gone');
});

test('On the demo page the content file is downloaded once: the page preloads it and the widget takes that copy', async ({ openPage, demo }) => {
  demo.clear();
  const requests = [];
  const page = await open(openPage, `${demo.origin}/`, { beforeLoad: (p) => p.on('request', (r) => requests.push(r.url())) });
  await startPage(page.locator('#ic-pathfinder'));
  assert.deepEqual(requests.filter((u) => u.endsWith('/default.en.json')), [`${demo.origin}/default.en.json`]);
});

test('On the demo page a truncated wasm shows the message with Retry', async ({ openPage, demo }) => {
  demo.clear();
  demo.set(WASM, { truncate: 0.5 });
  const page = await open(openPage, `${demo.origin}/`);
  await expectFailure(page.locator('#ic-pathfinder'));
  assertLogged(page, /CompileError|compil/i);
});

test('On the demo page a slow wasm leaves the prerendered start page showing, never blank and with no loading status, then the widget hydrates it', async ({ openPage, demo }) => {
  demo.clear();
  const held = demo.hold(WASM);
  const page = await open(openPage, `${demo.origin}/`);
  const widget = page.locator('#ic-pathfinder');
  await held.requested;
  await widget.getByRole('heading', { level: 2, name: CONTENT.title, exact: true }).waitFor();
  await assertNotBlank(widget);
  held.release();
  await startPage(widget);
  assert.deepEqual(await page.evaluate(() => window.__icpStatusTexts), [], 'no loading status over a start page that shows');
});

test('On the demo page a fast load shows no loading status: it waits 400 ms before showing', async ({ openPage, demo }) => {
  demo.clear();
  const page = await open(openPage, `${demo.origin}/`);
  await startPage(page.locator('#ic-pathfinder'));
  await assertNoFlash(page);
});

test('On a French demo page the failure message is in French', async ({ openPage, demo }) => {
  demo.clear();
  const fs = await import('node:fs');
  const path = await import('node:path');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<html[^>]*>/, '<html lang="fr-CA">');
  demo.set('/', { body: html });
  demo.set(WASM, { status: 404 });
  const page = await open(openPage, `${demo.origin}/`);
  await expectFailure(page.locator('#ic-pathfinder'), FR);
});

/**
 * An init script that records, before any page script runs, every text that
 * appears in a `role="status"` element of the document or of any shadow root,
 * with how long after that element first appeared (`window.__icpStatusTexts`:
 * [{text, after}] in ms), so a test can tell a loading message that flashed
 * from one that waited for its delay, or never came.
 */
export function recordStatusTexts() {
  window.__icpStatusTexts = [];
  const born = new WeakMap();
  const note = (status) => {
    if (!born.has(status)) born.set(status, performance.now());
    const text = status.textContent.trim();
    if (text) window.__icpStatusTexts.push({ text, after: Math.round(performance.now() - born.get(status)) });
  };
  const seen = (node) => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const status = el?.closest?.('[role="status"]');
    if (status) note(status);
    if (el?.querySelectorAll) for (const s of el.querySelectorAll('[role="status"]')) note(s);
  };
  const observe = (root) => new MutationObserver((records) => {
    for (const r of records) {
      seen(r.target);
      for (const n of r.addedNodes) seen(n);
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
}
