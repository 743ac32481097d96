// Helpers for the embed tests (not a test file itself).
//
// The embed bundle (bash scripts/build-embed.sh) is in dist-embed/, or in
// $ICP_EMBED_DIST; its example pages are in examples/. Each test file starts
// its own static server (port 0) and its own Chromium; each page gets a fresh
// browser context, so saved progress never leaks between tests.
//
// The widget renders inside the open shadow root of each <ic-pathfinder>
// element: Playwright's locators pierce open shadow roots, so a widget is
// addressed as a scope (`page.locator('#first')`) and its contents by role.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { ROOT, TIMEOUT } from './support.mjs';

export const EMBED_DIST = path.resolve(process.env.ICP_EMBED_DIST || path.join(ROOT, 'dist-embed'));

/** The organization definition the examples use, and the answers that complete it. */
export const small = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'definitions', 'small.json'), 'utf8'));
export const smallAnswers = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'definitions', 'small.answers.json'), 'utf8'));

/** Starts the static server over the embed bundle and the browser, for one test file. */
export async function startEmbedEnvironment() {
  for (const file of ['ic-pathfinder.js', 'ic-pathfinder-core.js', 'ic-pathfinder-core_bg.wasm', 'ic-pathfinder.css', 'examples/default.html']) {
    assert.ok(fs.existsSync(path.join(EMBED_DIST, file)), `no ${file} in ${EMBED_DIST} (build it with bash scripts/build-embed.sh)`);
  }
  const server = await serve(EMBED_DIST, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  return {
    origin,
    browser,
    url: (example) => `${origin}/examples/${example}`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Opens an example page in a fresh context. The page records its uncaught
 * errors (`page.pageErrors`), console errors (`page.consoleErrors`) and every
 * request's URL (`page.requests`). `beforeLoad(page)` runs before navigation.
 */
export async function openExample(env, example, { beforeLoad, viewport = { width: 1200, height: 900 } } = {}) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.consoleErrors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('request', (r) => page.requests.push(r.url()));
  if (beforeLoad) await beforeLoad(page);
  await page.goto(env.url(example));
  return page;
}

/** Closes the page's context, failing the test if the page threw. */
export async function closeExample(page) {
  const errors = page.pageErrors;
  await page.context().close();
  assert.deepEqual(errors, [], 'the page threw uncaught errors');
}

/** Waits until the widget in `scope` has rendered a page (a focusable page heading) or its error panel. */
export async function widgetReady(scope) {
  await scope.locator('.icp-root h2[data-icp-focus], .icp-root [role="alert"] h2').first().waitFor();
}

/** Requests the page made to any origin but the test server's. */
export function foreignRequests(page, origin) {
  return page.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
}

export function heading(scope, name) {
  return scope.getByRole('heading', { level: 2, name, exact: true });
}

/** Waits for a page heading in a widget, reporting the headings it shows on failure. */
export async function expectHeading(scope, name) {
  try {
    await heading(scope, name).waitFor();
  } catch {
    const shown = await scope.locator('.icp-root h2').allInnerTexts();
    assert.fail(`expected the page "${name}", but the widget shows: ${JSON.stringify(shown)}`);
  }
}

export function button(scope, name) {
  return scope.getByRole('button', { name, exact: true });
}

/** Answers the question `q` (an object of a definition), which must be the one shown, and continues. */
export async function answerQuestion(scope, q, value) {
  await expectHeading(scope, q.text);
  const label = (id) => q.options.find((o) => o.id === id).label;
  switch (q.type) {
    case 'yes_no':
      await scope.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
      break;
    case 'single':
      await scope.getByRole('radio', { name: label(value), exact: true }).check();
      break;
    case 'multi':
      for (const v of value) await scope.getByRole('checkbox', { name: label(v), exact: true }).check();
      break;
    case 'number':
      await scope.getByRole('textbox', { name: q.text, exact: true }).fill(String(value));
      break;
    default:
      assert.fail(`unknown question type ${q.type}`);
  }
  await button(scope, 'Continue').click();
}

/** The computed style properties `props` of the first element matching `selector` (light DOM only). */
export async function computedStyles(page, selector, props) {
  return page.locator(selector).first().evaluate((el, props) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }, props);
}
