// The performance benchmark, run on demand (not in CI): builds the release
// bundle, then prints its sizes and, in headless Chromium with 4x CPU
// throttling, the cold-load time to the first screen painted (the start page)
// and to the first question painted (Start clicked with no think time), when
// the wasm and its glue were asked for and had come (the load hints), the time from
// each answer to the next step painted, the JS heap after load, and how these
// compare with the budgets in the issues (informational: a miss prints OVER but
// does not fail the script).
// In the same run it loads a static floor page: the demo page with the same
// first question as plain HTML and the same stylesheets, no script
// (examples/prerender.rs writes the question's markup). Nothing of this kind
// can show its first screen sooner; the ratios to it are printed.
//   node scripts/bench.mjs [--no-build] [--runs N] [--dist DIR ...]
// With several --dist folders (say, an older build's dist/ beside this one's),
// their cold loads are interleaved (A, B, floor, A, B, floor, ...) so that the
// machine's load drifts the same way for each, and each gets its own figures.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { launch } from '../e2e/browser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const dists = args.flatMap((a, i) => (a === '--dist' ? [path.resolve(args[i + 1])] : []));
if (!dists.length) dists.push(path.join(root, 'dist'));
const env = { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const sh = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env });

if (!args.includes('--no-build')) sh('trunk build --release');
const bundleBrotli = {};
const withContent = {};
for (const dist of dists) {
  console.log(`\n== Sizes: ${dist}`);
  const sizes = execSync(`node scripts/size.mjs ${JSON.stringify(dist)}`, { cwd: root, env, encoding: 'utf8' });
  process.stdout.write(sizes);
  bundleBrotli[dist] = Number((sizes.match(/^bundle-brotli-bytes: (\d+)$/m) || [])[1]);
  // Older builds carried the content inside the wasm and print no such line.
  withContent[dist] = Number((sizes.match(/^with-content-brotli-bytes: (\d+)$/m) || [])[1] || bundleBrotli[dist]);
}

// The floor page, from this build's demo page: its prerendered widget
// replaced by the first question's markup, every script and load hint taken out.
const floor = path.join(root, 'target', 'bench-floor');
{
  const dist = path.join(root, 'dist');
  let page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const prerendered = fs.readFileSync(path.join(root, 'target/prerender/demo.en.html'), 'utf8');
  if (!page.includes(prerendered)) throw new Error('dist/index.html does not hold target/prerender/demo.en.html: build both again');
  page = page.replace(prerendered, () => fs.readFileSync(path.join(root, 'target/prerender/floor.en.html'), 'utf8'))
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  fs.rmSync(floor, { recursive: true, force: true });
  fs.mkdirSync(floor, { recursive: true });
  for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.css'))) fs.copyFileSync(path.join(dist, f), path.join(floor, f));
  fs.writeFileSync(path.join(floor, 'index.html'), page);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

// Runs inside the page before any of its scripts. Records when the widget's
// first heading appears (the start page), clicks "Start now" from the
// MutationObserver as soon as the button is in the DOM and the page can hear
// it (no think time, no round-trip to Playwright), then records when the first question's heading
// is in the DOM and when the frame after it has been painted. Times are
// performance.now(), i.e. from navigation start.
// Steps: only a click on a submit button (Continue) starts a step timer. The
// Start button is type="button", so the Start click is never a step: it is
// counted once, in the first-question time, and the steps are the Continue
// clicks only, the same as before this script clicked Start itself.
// The first screen is painted in the frame after its heading is in the DOM
// (the start page's, or the floor page's question), measured the same way
// for every page; the browser's first contentful paint is recorded too.
const probe = () => {
  window.__icp = { ready: null, screenPainted: null, fcp: null, started: null, question: null, questionPainted: null, steps: [], rendered: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__icp.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  let t0 = null;
  let last = null;
  const screen = () => {
    const icp = window.__icp;
    if (icp.ready !== null) return;
    icp.ready = performance.now();
    requestAnimationFrame(() => setTimeout(() => { icp.screenPainted = performance.now(); }, 0));
  };
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('button[type="submit"]')) t0 = performance.now();
  }, true);
  // Start is clicked as soon as the page can hear it: at once when the
  // widget renders it, and for a start page in the HTML, once the page's
  // scripts have run (DOMContentLoaded), which is when a click can first be
  // kept for the widget. (Sooner, during parsing, no script could.)
  // (readyState turns "interactive" before the deferred and module scripts run, so the event it is.)
  let loaded = false;
  document.addEventListener('DOMContentLoaded', () => { loaded = true; clickStart(); }, { once: true });
  const clickStart = () => {
    const icp = window.__icp;
    const start = document.querySelector('.icp-start .icp-button--start');
    if (!start || icp.started !== null) return;
    icp.started = performance.now();
    start.click();
  };
  new MutationObserver(() => {
    const icp = window.__icp;
    if (icp.started === null && document.querySelector('.icp-start .icp-button--start')) {
      screen();
      if (loaded) clickStart();
    }
    if (icp.question === null && document.querySelector('.icp-question [data-icp-focus]')) {
      screen();
      const t = performance.now();
      icp.question = t;
      // After the next frame has been produced: the first question is on screen.
      requestAnimationFrame(() => setTimeout(() => { icp.questionPainted = performance.now(); }, 0));
    }
    const h = document.querySelector('[data-icp-focus]');
    if (!h || h.textContent === last) return;
    last = h.textContent;
    screen();
    if (t0 !== null) {
      const start = t0;
      t0 = null;
      icp.rendered.push(performance.now() - start);
      // After the next frame has been produced: the new step is on screen.
      requestAnimationFrame(() => setTimeout(() => icp.steps.push(performance.now() - start), 0));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const targets = [...dists, floor];
const servers = await Promise.all(targets.map((d) => serve(d, 0)));
const browser = await launch();
const results = targets.map(() => ({ loads: [], painted: [], fcps: [], questions: [], questionsPainted: [], heaps: [], steps: [], rendered: [], requests: {} }));
try {
  for (let i = 0; i < runs; i++) {
    for (const [k, server] of servers.entries()) {
      const url = `http://127.0.0.1:${server.address().port}/`;
      const res = results[k];
      const context = await browser.newContext(); // fresh: no cache, no saved answers
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(probe);
      await page.goto(url);
      await page.waitForFunction(() => window.__icp.questionPainted !== null && window.__icp.screenPainted !== null).catch(async (e) => {
        throw new Error(`${targets[k]}: the first screen or question never came: ${JSON.stringify(await page.evaluate(() => window.__icp))}\n${e.message}`);
      });
      const r = await page.evaluate(() => window.__icp);
      res.loads.push(r.ready);
      res.painted.push(r.screenPainted);
      res.fcps.push(r.fcp);
      // When the wasm and the glue were asked for, and had come: the load hints at work.
      const timings = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })));
      for (const t of timings) {
        const kind = t.name.endsWith('.wasm') ? 'wasm' : /ic-pathfinder[^/]*\.js$/.test(t.name) ? 'glue' : t.name.endsWith('.json') ? 'content' : null;
        if (!kind) continue;
        (res.requests[kind] ??= { start: [], end: [] }).start.push(t.start);
        res.requests[kind].end.push(t.end);
      }
      res.questions.push(r.question);
      res.questionsPainted.push(r.questionPainted);
      await cdp.send('HeapProfiler.collectGarbage');
      res.heaps.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
      if (i === 0 && k < dists.length) {
        // One whole questionnaire from the first question (the probe clicked
        // Start): always the first option, yes, or the smallest number.
        for (let n = 0; n < 40; n++) {
          const onQuestion = await page.locator('form.icp-question__form').count();
          if (!onQuestion) break;
          const radio = page.locator('.icp-radios__input, .icp-checkboxes__input').first();
          if (await radio.count()) await radio.check();
          else await page.locator('.icp-input').fill('0');
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.waitForFunction((m) => window.__icp.steps.length > m, n);
        }
        res.steps = await page.evaluate(() => window.__icp.steps);
        res.rendered = await page.evaluate(() => window.__icp.rendered);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.close());
}

const floorResult = results[dists.length];
console.log(`\n== The static floor page (${floor}: the first question as plain HTML, the same stylesheets, no script), ${runs} cold loads, interleaved`);
console.log(`first screen painted (its first question): median ${ms(median(floorResult.painted))}, worst ${ms(Math.max(...floorResult.painted))}; first contentful paint: median ${ms(median(floorResult.fcps))}`);
for (const [k, dist] of dists.entries()) {
  const { loads, painted, fcps, questions, questionsPainted, heaps, steps, rendered, requests } = results[k];
  console.log(`\n== ${dist}: headless Chromium, 4x CPU throttling, ${runs} cold loads${dists.length > 1 ? ' (interleaved with the other builds)' : ''}`);
  console.log(`first screen in the DOM (navigation to the start page's heading): median ${ms(median(loads))}, worst ${ms(Math.max(...loads))}`);
  console.log(`first screen painted (the frame after it): median ${ms(median(painted))}, worst ${ms(Math.max(...painted))}; first contentful paint: median ${ms(median(fcps))}`);
  console.log(`first screen painted / the static floor's: ${(median(painted) / median(floorResult.painted)).toFixed(2)}x (medians)`);
  for (const [kind, t] of Object.entries(requests)) {
    console.log(`${kind} request: asked for at median ${ms(median(t.start))}, had come at median ${ms(median(t.end))}`);
  }
  console.log(`first question in the DOM (navigation, Start clicked at once, to the first question's heading): median ${ms(median(questions))}, worst ${ms(Math.max(...questions))}`);
  console.log(`first question painted (the frame after it): median ${ms(median(questionsPainted))}, worst ${ms(Math.max(...questionsPainted))}`);
  console.log(`answer to next step in the DOM (${rendered.length} steps): median ${ms(median(rendered))}, worst ${ms(Math.max(...rendered))}`);
  // Painted = the frame after the update; headless Chromium draws at 60 Hz, so this includes up to one frame of waiting.
  console.log(`answer to next step painted (${steps.length} steps): median ${ms(median(steps))}, worst ${ms(Math.max(...steps))}`);
  console.log(`JS heap after load (first question on screen): median ${(median(heaps) / 1024 / 1024).toFixed(2)} MB`);

  // The budgets. Informational: never fails the script.
  const budget = (label, value, limit, show) => console.log(`budget ${label}: ${show(value)} ${value < limit ? 'OK' : 'OVER'}`);
  console.log('== Budgets');
  budget('widget bundle brotli < 140 KB', bundleBrotli[dist] / 1024, 140, (v) => `${v.toFixed(1)} KB`);
  console.log(`(widget bundle and built-in content: ${(withContent[dist] / 1024).toFixed(1)} KB brotli)`);
  budget('first-question painted median < 400 ms', median(questionsPainted), 400, ms);
  budget('first screen painted within 1.3x the static floor', median(painted) / median(floorResult.painted), 1.3, (v) => `${v.toFixed(2)}x`);
  budget('step painted median < 16 ms', median(steps), 16, ms);
}
