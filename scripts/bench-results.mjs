// How long the results page takes to draw, run on demand (not in CI), on the
// embed bundle as built (`bash scripts/build-embed.sh` first): for the
// built-in content and for generated definitions up to the format's limits
// (docs/definition-format.md, "Limits"), in headless Chromium at 1x and 4x
// CPU (4x stands for a mid-range phone, as in scripts/bench.mjs), it prints
// the time from the page's start to the results heading painted with its
// first routes, to every route card drawn, and the longest task on the way.
// Each visit opens on the results page: a saved record at the results is
// put in storage before the page loads.
//   node scripts/bench-results.mjs [--runs N] [--dist DIR]
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { launch } from '../e2e/browser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const dist = path.resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : path.join(root, 'dist-embed'));
const site = path.join(root, 'target', 'bench-results');
fs.rmSync(site, { recursive: true, force: true });
fs.mkdirSync(site, { recursive: true });
for (const f of fs.readdirSync(dist)) {
  if (fs.statSync(path.join(dist, f)).isFile()) fs.copyFileSync(path.join(dist, f), path.join(site, f));
}

/** A valid definition of `pathways` routes of `requirements` steps each, none met: every step is in the plan. */
function generated(pathways, requirements) {
  return {
    id: `bench-${pathways}x${requirements}`,
    version: 1,
    lang: 'en',
    title: `${pathways} routes of ${requirements} steps`,
    intro: 'Generated for the results benchmark.',
    publisher: 'IC Pathfinder benchmark',
    sources: [{ id: 'handbook', title: 'A handbook', url: 'https://example.org/handbook' }],
    questions: [{ id: 'q', text: 'Have you done it?', type: 'yes_no' }],
    pathways: Array.from({ length: pathways }, (_, p) => ({
      id: `p${p}`,
      title: `Route ${p + 1}`,
      summary: `The route number ${p + 1}.`,
      requirements: Array.from({ length: requirements }, (_, r) => ({
        id: `r${r}`,
        title: `Step ${r + 1} of route ${p + 1}`,
        met_when: { equals: { question: 'q', value: false } },
        met: 'You have done this step.',
        unmet: 'This step is still to do.',
        action: `Do step ${r + 1} of route ${p + 1}.`,
        source: { source: 'handbook', quote: 'Applicants must complete every step.' },
      })),
    })),
  };
}

const builtin = JSON.parse(fs.readFileSync(path.join(site, 'default.en.json'), 'utf8'));
// A candidate part-way through IDC in Canada: most routes open, a long plan.
const candidate = JSON.parse(fs.readFileSync(path.join(root, 'e2e', 'candidates.json'), 'utf8')).idiCanada.answers;
const cases = [
  { name: 'built-in content', definition: null, id: builtin.id, answers: candidate },
  ...[[20, 40], [100, 20], [20, 200], [100, 200]].map(([p, r]) => ({ name: `${p} routes × ${r} steps (${p * r} plan steps)`, definition: generated(p, r), answers: { q: true } })),
];
// Every list at its limit takes minutes to draw at 4x: measured at 1x only.
cases.at(-1).rates = [1];
for (const c of cases) {
  if (c.definition) {
    c.id = c.definition.id;
    fs.writeFileSync(path.join(site, `${c.id}.json`), JSON.stringify(c.definition));
  }
  const attr = c.definition ? ` definition="${c.id}.json"` : '';
  fs.writeFileSync(path.join(site, `${c.id}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="ic-pathfinder.js"></script></head><body><ic-pathfinder storage-key="bench" history="off"${attr}></ic-pathfinder></body></html>`);
}

const server = await serve(site, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '> 5 min').padStart(9);

console.log(`Results page drawing, median of ${runs} (${dist}):`);
console.log(`${'definition'.padEnd(44)} ${'cpu'.padStart(4)} ${'first'.padStart(9)} ${'all'.padStart(9)} ${'longest'.padStart(9)}`);
for (const c of cases) {
  const cards = c.definition ? c.definition.pathways.length : builtin.pathways.length;
  for (const rate of c.rates ?? [1, 4]) {
    const first = [], all = [], longest = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const record = { format: 1, definition: c.id, definition_version: c.definition ? 1 : builtin.version, answers: c.answers, done: [], at_results: true };
      await page.addInitScript(([key, value, cards]) => {
        localStorage.setItem(key, value);
        window.__bench = { longest: 0 };
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, e.duration); })
          .observe({ type: 'longtask', buffered: true });
        const watch = () => {
          const shadow = document.querySelector('ic-pathfinder')?.shadowRoot;
          const results = shadow?.querySelector('.icp-results');
          if (results && !window.__bench.first && results.querySelector('.icp-pathway')) window.__bench.first = performance.now();
          if (results && results.querySelectorAll('.icp-pathway').length >= cards) { window.__bench.all = performance.now(); return; }
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }, [`icp:bench@${c.id}`, JSON.stringify(record), cards]);
      await page.goto(`${origin}/${c.id}.html`);
      // The largest take minutes at 4x: given up after 5, printed as such.
      await page.waitForFunction(() => window.__bench.all, null, { timeout: 300000, polling: 100 }).catch(() => {});
      const b = await page.evaluate(() => window.__bench);
      b.all ??= Infinity;
      b.first ??= Infinity;
      first.push(b.first); all.push(b.all); longest.push(b.longest);
      await context.close();
    }
    console.log(`${c.name.padEnd(44)} ${`${rate}x`.padStart(4)} ${ms(median(first))} ${ms(median(all))} ${ms(median(longest))}`);
  }
}
await browser.close();
server.close();
