// One small driver layer over three browser engines, all Debian's own builds
// (never a downloaded browser):
//   Chromium     /usr/bin/chromium        puppeteer-core (Chrome DevTools Protocol)
//   Firefox      /usr/bin/firefox-esr     puppeteer-core (WebDriver BiDi; no geckodriver)
//   WebKit       WebKitGTK's MiniBrowser  selenium-webdriver against WebKitWebDriver
//
// Each engine is started once per test file (`startEngine(name)`) and hands
// out sessions (`engine.open()`): a fresh profile each time, so saved progress
// never leaks between journeys. A session has the same few operations in every
// engine: goto, reload, run (a named operation of `pageOps`, evaluated in the
// page), waitUntil (polls such an operation until it is truthy, short timeout,
// never a fixed sleep), click and type (native input on an element found by a
// `pageOps.find` spec, open shadow roots included), and close.
//
// MiniBrowser has no headless mode: it needs a display. The WebKit engine
// starts its own Xvfb (see startDisplay), so the suite needs no xvfb-run.
import net from 'node:net';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';

import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';

/** How long any single wait may take (the widget renders synchronously once its wasm is loaded). */
export const TIMEOUT = 5000;
/** The first page of a session also compiles the wasm: a little more room. */
export const LOAD_TIMEOUT = 15000;
/** How long one command to a browser may take before the browser or its driver is taken to be stuck. */
const COMMAND_TIMEOUT = 30000;

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const ENGINES = ['Chromium', 'Firefox', 'WebKit'];

// ---------------------------------------------------------------------------
// What runs inside the page. One self-contained function (it is serialized
// into the page by every driver), called as pageOps(op, arg).

export function pageOps(op, arg) {
  // ASCII white space only: French texts keep their no-break spaces (\u00a0, \u202f) as the content has them.
  const norm = (s) => (s || '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
  // Every root to search: the document and each open shadow root, in document order.
  const roots = [];
  const collect = (root) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
  };
  collect(document);
  const all = (css) => roots.flatMap((r) => Array.from(r.querySelectorAll(css)));
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // spec: { css, text?, visible? } -> the first element matching css whose text is exactly `text`.
  const find = (spec) => all(spec.css).find((el) => (spec.text === undefined || norm(el.textContent) === spec.text)
    && (spec.visible === false || visible(el))) || null;
  const headings = () => all('.icp-root h2[data-icp-focus]').map((h) => norm(h.textContent));
  const ops = {
    find,
    exists: (spec) => find(spec) !== null,
    headings,
    /** The page heading the widget shows, or null while it shows none (loading). */
    heading: () => headings()[0] ?? null,
    headingIs: (text) => headings().includes(text),
    /** The page heading, once it is another than `text` (the page has moved on). */
    headingNot: (text) => { const h = headings()[0]; return h && h !== text ? h : null; },
    /** The widget's language (its root's lang attribute). */
    lang: () => all('.icp-root')[0]?.getAttribute('lang') ?? null,
    /** Whether the widget shows its error panel (a crash or a definition it cannot use). */
    errorPanel: () => all('.icp-root [role="alert"] h2').map((h) => norm(h.textContent)),
    /** { pathway title: status tag } of every pathway card on the results page. */
    statuses: () => Object.fromEntries(all('.icp-root details.icp-pathway').map((s) => [
      norm(s.querySelector('.icp-pathway__title')?.textContent), norm(s.querySelector('.icp-pathway__state .icp-tag')?.textContent),
    ])),
    /** The statuses, once at least `n` pathway cards are shown. */
    statusesOf: (n) => { const s = ops.statuses(); return Object.keys(s).length >= n ? s : null; },
    /** Whether the radio or checkbox whose label reads `text` is checked. */
    checked: (text) => all('.icp-root label').find((l) => norm(l.textContent) === text)?.control?.checked ?? null,
    value: (spec) => find(spec)?.value ?? null,
    storage: (key) => localStorage.getItem(key),
    /** The answers saved under `key`, once there are at least `count` of them. */
    savedAnswers: ({ key, count }) => {
      const answers = JSON.parse(localStorage.getItem(key) || 'null')?.answers;
      return answers && Object.keys(answers).length >= count ? answers : null;
    },
    storageLength: () => localStorage.length,
    /** The strict-CSP example page's own report: its listener's list and the text it shows. */
    cspReport: () => ({ listed: window.cspViolations || [], shown: document.getElementById('csp-violations')?.textContent ?? null }),
    /** The violations the page's listener has heard, once there is one. */
    cspListed: () => (window.cspViolations || []).length ? window.cspViolations : null,
    /** Adds an inline style, which a strict CSP refuses (to show that the page's listener does hear violations). */
    addInlineStyle: () => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
      return true;
    },
  };
  if (!(op in ops)) throw new Error(`unknown page operation ${op}`);
  return ops[op](arg);
}

const describe = (spec) => (spec.text === undefined ? spec.css : `${spec.css} "${spec.text}"`);

/** Polls `probe()` until it returns a truthy value or `timeout` ms pass; returns the value or throws. */
async function poll(probe, timeout) {
  const deadline = Date.now() + timeout;
  let error;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      error = undefined;
    } catch (e) {
      // A navigation in progress destroys the page's context: try again.
      if (!/context|navigat|detached|stale|no such (window|frame)|javascript/i.test(String(e?.message))) throw e;
      error = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms${error ? ` (last error: ${error.message.split('\n')[0]})` : ''}`);
    // Yield to the event loop between probes (each probe is a round trip to the browser).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// ---------------------------------------------------------------------------
// Sessions: the same interface in every engine.

class Session {
  constructor(engine) { this.engine = engine; }

  /** Waits until pageOps(op, arg) is truthy; fails with `what` and the headings the widget shows. */
  async waitUntil(op, arg, { timeout = TIMEOUT, what } = {}) {
    try {
      return await poll(() => this.run(op, arg), timeout);
    } catch (e) {
      const shown = await this.run('headings').catch(() => '(unreadable)');
      const panel = await this.run('errorPanel').catch(() => []);
      assert.fail(`${this.engine}: ${what || `${op} ${JSON.stringify(arg)}`} (${e.message}); the widget shows the headings ${JSON.stringify(shown)}`
        + (panel.length ? ` and the error panel ${JSON.stringify(panel)}` : ''));
    }
  }

  async expectElement(spec, timeout = TIMEOUT) {
    await this.waitUntil('exists', spec, { timeout, what: `waiting for ${describe(spec)}` });
  }
}

class PuppeteerSession extends Session {
  constructor(engine, context, page) {
    super(engine);
    this.context = context;
    this.page = page;
    this.pageErrors = [];
    page.on('pageerror', (e) => this.pageErrors.push(String(e?.message ?? e)));
    page.setDefaultTimeout(LOAD_TIMEOUT);
  }

  async goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async reload() { await this.page.reload({ waitUntil: 'load' }); }
  async run(op, arg) { return this.page.evaluate(pageOps, op, arg ?? null); }

  async element(spec) {
    await this.expectElement(spec);
    const handle = await this.page.evaluateHandle(pageOps, 'find', spec);
    const el = handle.asElement();
    assert.ok(el, `${this.engine}: no ${describe(spec)}`);
    return el;
  }

  async click(spec) {
    const el = await this.element(spec);
    await el.click();
    await el.dispose();
  }

  async type(spec, text) {
    const el = await this.element(spec);
    await el.click({ count: 3 }); // selects what the field holds, so typing replaces it
    await el.type(text);
    await el.dispose();
  }

  /** Uncaught errors the page threw (Chromium: CDP; Firefox: WebDriver BiDi log events). */
  async errors() { return this.pageErrors; }

  async close() { await this.context.close(); }
}

class WebDriverSession extends Session {
  constructor(engine, driver, guard) {
    super(engine);
    this.driver = driver;
    this.guard = guard; // (what, promise) -> the promise, or a failure if the driver does not answer in time
  }

  async goto(url) { await this.guard(`loading ${url}`, this.driver.get(url)); await this.listenForErrors(); }
  async reload() { await this.guard('reloading', this.driver.navigate().refresh()); await this.listenForErrors(); }

  /**
   * WebDriver classic has no event for uncaught page errors, and no script
   * that runs before the page's own: a listener added once the page has
   * loaded hears those of the rest of the journey. (A crash while loading
   * shows the widget's error panel, which every journey checks for.)
   */
  async listenForErrors() {
    await this.guard('a script', this.driver.executeScript(`if (!window.__icpErrors) {
      window.__icpErrors = [];
      addEventListener('error', (e) => window.__icpErrors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => window.__icpErrors.push(String(e.reason)));
    }`));
  }

  async run(op, arg) {
    return this.guard(`the page operation ${op}`,
      this.driver.executeScript(`return (${pageOps.toString()}).apply(null, arguments)`, op, arg ?? null));
  }

  async element(spec) {
    await this.expectElement(spec);
    const el = await this.run('find', spec);
    assert.ok(el, `${this.engine}: no ${describe(spec)}`);
    return el;
  }

  async click(spec) {
    const el = await this.element(spec);
    await this.guard(`a click on ${describe(spec)}`, el.click());
  }

  async type(spec, text) {
    const el = await this.element(spec);
    await this.guard(`clearing ${describe(spec)}`, el.clear());
    await this.guard(`typing into ${describe(spec)}`, el.sendKeys(text));
  }

  /** Uncaught errors the page threw since it loaded (see listenForErrors). */
  async errors() { return this.guard('a script', this.driver.executeScript('return window.__icpErrors || []')); }

  async close() { await this.guard('ending the session', this.driver.quit()); }
}

// ---------------------------------------------------------------------------
// Engines.

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic'];

async function startPuppeteer(name) {
  const browser = name === 'Chromium'
    ? await puppeteer.launch({ browser: 'chrome', executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, protocolTimeout: COMMAND_TIMEOUT })
    : await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: COMMAND_TIMEOUT,
      // No update checks, telemetry or first-run pages: the tests stay on 127.0.0.1.
      extraPrefsFirefox: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false },
    });
  return {
    name,
    version: await browser.version(),
    async open() {
      // A new browser context is a fresh profile: its own storage, nothing shared.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      return new PuppeteerSession(name, context, page);
    },
    async close() { await browser.close(); },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Stops a process group started here (detached), and waits for its leader to exit. */
async function stopGroup(child, exited) {
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  await exited;
}

/**
 * Starts a virtual display for MiniBrowser: Xvfb on the first free display
 * number (-displayfd), with -noreset. Without -noreset an X server resets when
 * its last client leaves, which it does each time a session's MiniBrowser
 * quits; a MiniBrowser starting during that reset gets "cannot open display"
 * and its session never starts (seen under xvfb-run, whose Xvfb resets, about
 * one run in eight on a busy machine). $ICP_WEBKIT_DISPLAY uses a display of
 * your own instead.
 */
async function startDisplay() {
  if (process.env.ICP_WEBKIT_DISPLAY) return { display: process.env.ICP_WEBKIT_DISPLAY, async stop() {} };
  const child = spawn('Xvfb', ['-displayfd', '3', '-noreset', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-2000); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const number = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('timed out')), LOAD_TIMEOUT);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code})`)); });
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(out.trim()); }
    });
  }).catch(async (e) => {
    await stopGroup(child, exited);
    throw new Error(`Xvfb did not start (is the xvfb package installed? scripts/tools.sh test installs it): ${e.message}; its log: ${log}`);
  });
  return { display: `:${number}`, stop: () => stopGroup(child, exited) };
}

/** Starts WebKitWebDriver on a free port, in its own process group; resolves once it is ready. */
async function startWebKitDriver(display) {
  const port = await freePort();
  // Its own process group, so that stopping it ends the driver and its MiniBrowser, and nothing else.
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, DISPLAY: display } });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  child.on('error', (e) => { log += String(e); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const driver = {
    server: `http://127.0.0.1:${port}`,
    log: () => log.trim(),
    stop: () => stopGroup(child, exited),
  };
  try {
    await poll(async () => {
      if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
      const r = await fetch(`${driver.server}/status`).catch(() => null);
      return r && (await r.json()).value?.ready;
    }, LOAD_TIMEOUT);
  } catch (e) {
    await driver.stop();
    throw new Error(`WebKitWebDriver did not start on ${driver.server}: ${e.message}; its log: ${log}`);
  }
  return driver;
}

async function startWebKit() {
  const screen = await startDisplay();
  let driver;
  try {
    driver = await startWebKitDriver(screen.display);
  } catch (e) {
    await screen.stop();
    throw e;
  }
  let current = null;
  let stuck = false;
  let version = '';
  /** Fails (instead of waiting forever) when WebKitWebDriver does not answer a command in time. */
  const guard = (what, promise) => {
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => {
        stuck = true;
        reject(new Error(`WebKit: WebKitWebDriver did not answer ${what} within ${COMMAND_TIMEOUT} ms; its log: ${driver.log() || '(empty)'}`));
      }, COMMAND_TIMEOUT);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };
  return {
    name: 'WebKit',
    get version() { return version; },
    async open() {
      // WebKitWebDriver runs one session at a time; each session is a new
      // MiniBrowser process whose website data is ephemeral: a fresh profile.
      assert.equal(current, null, 'WebKit: close the open session before opening another');
      if (stuck) {
        // A stuck driver is replaced, so that one stuck journey does not fail the next ones too.
        await driver.stop();
        driver = await startWebKitDriver(screen.display);
        stuck = false;
      }
      const wd = await guard('a new session', new Builder().usingServer(driver.server).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        timeouts: { pageLoad: LOAD_TIMEOUT, script: TIMEOUT, implicit: 0 },
      }).build());
      version = `MiniBrowser ${(await guard('the capabilities', wd.getCapabilities())).get('browserVersion')}`;
      await guard('the window size', wd.manage().window().setRect({ width: 1000, height: 900 })).catch(() => {});
      const session = new WebDriverSession('WebKit', wd, guard);
      const close = session.close.bind(session);
      session.close = async () => { current = null; await close(); };
      current = session;
      return session;
    },
    async close() {
      if (current) await current.close().catch(() => {});
      await driver.stop();
      await screen.stop();
    },
  };
}

/** Starts one engine by name ('Chromium', 'Firefox' or 'WebKit'). */
export async function startEngine(name) {
  assert.ok(ENGINES.includes(name), `unknown engine ${name}`);
  return name === 'WebKit' ? startWebKit() : startPuppeteer(name);
}
