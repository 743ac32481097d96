// The performance benchmark, run on demand (not in CI): builds the release
// bundle, then prints its sizes and, in headless Chromium with 4x CPU
// throttling, the cold-load time to the first screen, the time from each
// answer to the next step painted, and the JS heap after load.
//   node scripts/bench.mjs [--no-build] [--runs N]
import { execSync } from 'node:child_process';
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { launch } from '../e2e/browser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const sh = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` } });

if (!args.includes('--no-build')) sh('trunk build --release');
console.log('\n== Sizes');
sh('node scripts/size.mjs dist');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

// Records, inside the page, when the widget's first heading appears and how
// long each Continue takes until the next heading has been painted.
const probe = () => {
  window.__icp = { ready: null, steps: [], rendered: [] };
  let t0 = null;
  let last = null;
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('button[type="submit"]')) t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    const h = document.querySelector('[data-icp-focus]');
    if (!h || h.textContent === last) return;
    last = h.textContent;
    if (window.__icp.ready === null) window.__icp.ready = performance.now();
    if (t0 !== null) {
      const start = t0;
      t0 = null;
      window.__icp.rendered.push(performance.now() - start);
      // After the next frame has been produced: the new step is on screen.
      requestAnimationFrame(() => setTimeout(() => window.__icp.steps.push(performance.now() - start), 0));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const server = await serve(path.join(root, 'dist'), 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const loads = [];
const heaps = [];
let steps = [];
let rendered = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // fresh: no cache, no saved answers
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(probe);
    await page.goto(url);
    await page.waitForFunction(() => window.__icp.ready !== null);
    loads.push(await page.evaluate(() => window.__icp.ready));
    await cdp.send('HeapProfiler.collectGarbage');
    heaps.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    if (i === 0) {
      // One whole questionnaire: always the first option, yes, or the smallest number.
      await page.getByRole('button', { name: 'Start now' }).click();
      for (let n = 0; n < 40; n++) {
        const onQuestion = await page.locator('form.icp-question__form').count();
        if (!onQuestion) break;
        const radio = page.locator('.icp-radios__input, .icp-checkboxes__input').first();
        if (await radio.count()) await radio.check();
        else await page.locator('.icp-input').fill('0');
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.waitForFunction((k) => window.__icp.steps.length > k, n);
      }
      steps = await page.evaluate(() => window.__icp.steps);
      rendered = await page.evaluate(() => window.__icp.rendered);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\n== Headless Chromium, 4x CPU throttling, ${runs} cold loads`);
console.log(`first screen (navigation to the widget's first heading): median ${ms(median(loads))}, worst ${ms(Math.max(...loads))}`);
console.log(`answer to next step in the DOM (${rendered.length} steps): median ${ms(median(rendered))}, worst ${ms(Math.max(...rendered))}`);
// Painted = the frame after the update; headless Chromium draws at 60 Hz, so this includes up to one frame of waiting.
console.log(`answer to next step painted (${steps.length} steps): median ${ms(median(steps))}, worst ${ms(Math.max(...steps))}`);
console.log(`JS heap after load: median ${(median(heaps) / 1024 / 1024).toFixed(2)} MB`);
