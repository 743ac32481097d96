// Issue 32's points for web people, each on a 390 px screen, with the
// snippets and the folder as built (dist-embed/: the archive's folder, and its
// snippets beside it, made by the same build):
//   11. A site whose folder is in a subfolder (/our-org/ic-pathfinder/): the
//       snippet pasted as docs/embedding.md "In a subfolder" says runs the
//       widget and its French content from there, and nothing is asked of
//       /ic-pathfinder/ at the top of the site; a snippet whose stylesheet line
//       was missed still gets its styles, and the console says what to fix.
//   12. The docs' colour, "Your colours" near the top, as written, colours the widget.
//   13. The prerendered snippet on a page opened from disk: after a few seconds
//       its note that a web server is needed takes the place of the start page,
//       and no Start button is left that does nothing, in English and in French;
//       on a page served as usual the note never shows and the start page never moves.
// ICP_SHOTS=folder also writes each screen at 390 and 1280 px there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { EMBED_DIST, ROOT, language, EMBEDDING_DOCS, docsSection } from './support.mjs';
import { test, expect, widgetReady, button, expectHeading, languageSwitch } from './fixtures.mjs';

const EN = language('en');
const FR = language('fr-CA');
const DOCS = EMBEDDING_DOCS;
const section = docsSection;
const PHONE = { viewport: { width: 390, height: 844 } };
const WASM = /_bg\.wasm$/;
/** The Start button's background with the widget's stylesheet: its default accent (#5b2a86). */
const ACCENT = 'rgb(91, 42, 134)';
/** The words of the note, as scripts/snippets.mjs writes them. */
const NOTE = {
  en: 'IC Pathfinder is loading. If this message stays, its scripts could not run: the page must be opened from a web server (an address starting with https://), not as a file.',
  'fr-CA': 'IC Pathfinder se charge. Si ce message reste affiché, ses scripts n\u2019ont pas pu s\u2019exécuter\u00a0: la page doit être ouverte depuis un serveur web (une adresse commençant par https://), et non comme un fichier.',
};

/** The file names "The files" lists: the folder's files. */
const folderFiles = () => section('## The files').split('\n').filter((l) => l.startsWith('| `'))
  .flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
/** What "In a subfolder" says to replace in the snippet, and with what (its example). */
function subfolderRule() {
  const words = section('## In a subfolder').replace(/\s+/g, ' ');
  const rule = words.match(/replace every `([^`]+)` in the snippet with [^`]*`([^`]+)`/);
  assert.ok(rule, '"In a subfolder" says what to replace with what');
  return { from: rule[1], to: rule[2] };
}
const snippet = (file) => fs.readFileSync(path.join(EMBED_DIST, file), 'utf8');
/** A plain page of an organization's site around `markup`. */
const hostPage = (title, markup, lang = 'en', head = '') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body><header><h1>${title}</h1></header><main><p>Our course and the routes into it.</p>
${markup}
</main><footer><p>Footer</p></footer></body></html>`;
/** Copies the folder's files (those "The files" lists) from the build into `dir`. */
function copyFolder(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of folderFiles()) fs.copyFileSync(path.join(EMBED_DIST, f), path.join(dir, f));
}
/** With ICP_SHOTS set: the page as it is at 390 px, then at 1280 px, back to 390 px. */
async function shoot(page, name) {
  if (!process.env.ICP_SHOTS) return;
  fs.mkdirSync(process.env.ICP_SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(process.env.ICP_SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE.viewport);
}

// The organization's site: its own pages under /our-org/, the folder copied to /our-org/ic-pathfinder/.
let site;
test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-web-people-'));
  copyFolder(path.join(dir, 'our-org', 'ic-pathfinder'));
  const server = await serve(dir, 0);
  site = { dir, server, origin: `http://127.0.0.1:${server.address().port}` };
});
test.afterAll(async () => {
  await new Promise((r) => site.server.close(r));
  fs.rmSync(site.dir, { recursive: true, force: true });
});
/** Writes a page of the site at `name` (under its root), returns its address. */
function onSite(name, html) {
  fs.mkdirSync(path.dirname(path.join(site.dir, name)), { recursive: true });
  fs.writeFileSync(path.join(site.dir, name), html);
  return `${site.origin}/${name}`;
}

test('11. The folder in a subfolder: docs/embedding.md says what to replace, in every snippet', () => {
  const { from, to } = subfolderRule();
  assert.equal(from, '/ic-pathfinder/');
  assert.equal(to, '/our-org/ic-pathfinder/');
  for (const file of ['snippet.en.html', 'snippet.fr-CA.html', 'two-line-snippet.html', 'two-line-snippet.fr-CA.html']) {
    const code = snippet(file);
    // Every address of the folder's files starts with it, so that replacing it moves them all.
    const addresses = [...code.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(addresses.length >= (file.startsWith('two-line') ? 1 : 5), `${file}: ${addresses}`);
    for (const a of addresses) assert.ok(a.startsWith(from), `${file}: ${a} starts with ${from}`);
  }
  // The prerendered snippet says so itself, in a comment that stays true once replaced.
  assert.match(snippet('snippet.en.html').replaceAll(from, to), /^<!-- IC Pathfinder, its folder at \/our-org\/ic-pathfinder\/ on this site\. .*Replace every \/our-org\/ic-pathfinder\/ in this snippet/);
});

for (const [file, page, L, toFrench] of [
  ['snippet.en.html', 'our-org/index.html', EN, true],
  ['snippet.fr-CA.html', 'our-org/formation/parcours.html', FR, false],
  ['two-line-snippet.html', 'our-org/training/course.html', EN, true],
]) {
  test(`11. ${file} pasted as the docs say into /${page}, a site with the folder at /our-org/ic-pathfinder/: the widget runs, its French content comes from the folder, and nothing is asked of /ic-pathfinder/`, async ({ openPage }) => {
    const { from, to } = subfolderRule();
    const url = onSite(page, hostPage(`Our org: ${file}`, snippet(file).replaceAll(from, to), L.lang));
    const tab = await openPage(url, PHONE);
    await widgetReady(tab);
    await expect(tab.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
    // Styled by the folder's stylesheet: the Start button has the widget's look.
    assert.equal(await button(tab, L.T.start).evaluate((b) => getComputedStyle(b).backgroundColor), ACCENT);
    await shoot(tab, `11-subfolder-${file.replace('.html', '')}`);
    if (toFrench) {
      await languageSwitch(tab).click();
      await expectHeading(tab, FR.content.title);
    }
    await button(tab, FR.T.start).click();
    await expectHeading(tab, FR.content.questions[0].text);
    const asked = tab.requests.filter((u) => u.startsWith(site.origin)).map((u) => new URL(u).pathname);
    for (const f of ['ic-pathfinder.js', 'ic-pathfinder-core.js', 'ic-pathfinder-core_bg.wasm', 'default.fr-CA.json']) {
      assert.ok(asked.includes(`/our-org/ic-pathfinder/${f}`), `${f} came from the folder: ${asked.join(', ')}`);
    }
    assert.deepEqual(asked.filter((p) => p.startsWith('/ic-pathfinder/')), [], 'requests to /ic-pathfinder/ at the top of the site');
    assert.deepEqual(tab.consoleErrors, [], 'console errors');
  });
}

test('11. A subfolder snippet whose stylesheet line was missed still gets the widget\'s styles, from beside the module, and the console says what to replace', async ({ openPage }) => {
  const { from, to } = subfolderRule();
  // Only the module's line replaced: the load hints and the stylesheet still name /ic-pathfinder/.
  const code = snippet('snippet.en.html').replace(`src="${from}ic-pathfinder.js"`, `src="${to}ic-pathfinder.js"`);
  const warnings = [];
  const tab = await openPage(null, { ...PHONE, beforeLoad: (p) => p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); }) });
  await tab.goto(onSite('our-org/missed.html', hostPage('Missed a line', code)));
  await widgetReady(tab);
  // The widget's own look: its accent, not the browser's grey.
  await expect.poll(() => button(tab, EN.T.start).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(ACCENT);
  assert.equal(await tab.locator('ic-pathfinder').evaluate((e) => e.shadowRoot.querySelector('link[rel="stylesheet"]').href), `${site.origin}${to}ic-pathfinder.css`);
  assert.ok(warnings.some((w) => w.includes(`${site.origin}/ic-pathfinder/ic-pathfinder.css did not load`) && w.includes('Replace every /ic-pathfinder/')), warnings.join('\n'));
  await shoot(tab, '11-subfolder-stylesheet-line-missed');
  await button(tab, EN.T.start).click();
  await expectHeading(tab, EN.content.questions[0].text);
  tab.consoleErrors.length = 0; // the 404s of the lines left unreplaced
});

test('12. "Your colours", near the top of the docs, as written in a page\'s stylesheet, gives the widget its colour', async ({ openPage }) => {
  assert.ok(DOCS.indexOf('\n## Your colours\n') < DOCS.indexOf('\n## The files\n'), '"Your colours" comes before the reference sections');
  const blocks = [...section('## Your colours').matchAll(/```(\w+)\n([\s\S]*?)```/g)];
  assert.equal(blocks.length, 1);
  assert.equal(blocks[0][1], 'css');
  const css = blocks[0][2].trim();
  const colour = css.match(/--icp-accent:\s*#([0-9a-f]{6})/i)[1];
  const rgb = `rgb(${[0, 2, 4].map((i) => parseInt(colour.slice(i, i + 2), 16)).join(', ')})`;
  fs.writeFileSync(path.join(site.dir, 'our-org', 'site.css'), css);
  const { from, to } = subfolderRule();
  const tab = await openPage(onSite('our-org/colours.html', hostPage('Our colours', snippet('snippet.en.html').replaceAll(from, to), 'en', '<link rel="stylesheet" href="/our-org/site.css">')), PHONE);
  await widgetReady(tab);
  assert.equal(await button(tab, EN.T.start).evaluate((b) => getComputedStyle(b).backgroundColor), rgb, 'the Start button');
  assert.equal(await tab.locator('.icp-root').first().evaluate((r) => getComputedStyle(r).borderTopColor), rgb, 'the widget\'s top border');
  await shoot(tab, '12-your-colours');
});

test.describe('13. Opened from disk', () => {
  // The page beside the folder on the disk, the snippet pasted with the folder's path as the docs say
  // (the path from the top: on a disk, its top), so the stylesheet is found and only the module is refused.
  let disk;
  test.beforeAll(() => {
    disk = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-disk-'));
    copyFolder(path.join(disk, 'ic-pathfinder'));
  });
  test.afterAll(() => fs.rmSync(disk, { recursive: true, force: true }));

  for (const L of [EN, FR]) {
    test(`13. The prerendered snippet in ${L.lang} on a page opened as a file: the note that a web server is needed takes the start page's place, and no Start button is left`, async ({ openPage }) => {
      const file = path.join(disk, `page.${L.lang}.html`);
      fs.writeFileSync(file, hostPage('From disk', snippet(`snippet.${L.lang}.html`).replaceAll('/ic-pathfinder/', `${disk}/ic-pathfinder/`), L.lang));
      const tab = await openPage(pathToFileURL(file).href, PHONE);
      // In the shadow root (the element's own paragraph, for a browser without declarative shadow roots, never shows).
      const note = tab.locator('ic-pathfinder .icp-needs-server').getByText(NOTE[L.lang], { exact: true });
      // At first, the start page as on the site, styled, with nothing under it.
      await expect(tab.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
      assert.equal(await button(tab, L.T.start).evaluate((b) => getComputedStyle(b).backgroundColor), ACCENT, 'the stylesheet applies');
      await expect(note).toBeHidden();
      // Then, the module refused, the note in its place.
      await expect(note).toBeVisible({ timeout: 10_000 });
      assert.equal(await tab.evaluate(() => customElements.get('ic-pathfinder')), undefined, 'the module did not run');
      await expect(tab.getByRole('button')).toHaveCount(0);
      await expect(tab.locator('ic-pathfinder').getByRole('heading')).toHaveCount(0);
      assert.equal(await note.evaluate((n) => n.closest('[lang]').lang), L.lang);
      // Where the start page was: the note, on screen, not pushed below it.
      const [host, box] = await Promise.all([tab.locator('ic-pathfinder').boundingBox(), note.boundingBox()]);
      assert.ok(box.y - host.y < 40, `the note at the top of the element (${box.y} vs ${host.y})`);
      await shoot(tab, `13-from-disk-${L.lang}`);
      tab.consoleErrors.length = 0; // the refused module and load hints
    });
  }

  for (const L of [EN, FR]) {
    test(`13. Served as usual, with the wasm slower than the note's delay, the ${L.lang} prerendered snippet never shows the note and its start page never moves`, async ({ openPage, embed }) => {
      embed.set(`/examples/served.${L.lang}.html`, { body: hostPage('Served', snippet(`snippet.${L.lang}.html`).replaceAll('/ic-pathfinder/', '/'), L.lang) });
      const held = embed.hold(WASM);
      const tab = await openPage(null, {
        ...PHONE,
        // Each frame from the first: whether the note is on screen, and where the Start button is.
        beforeLoad: (p) => p.addInitScript(() => {
          window.icpFrames = [];
          const frame = () => {
            const root = document.querySelector('ic-pathfinder')?.shadowRoot;
            const note = root?.querySelector('.icp-needs-server');
            const start = root?.querySelector('.icp-button--start');
            if (note) {
              const shown = note.getBoundingClientRect().height > 0 && getComputedStyle(note).visibility === 'visible' && getComputedStyle(note).display !== 'none';
              window.icpFrames.push({ shown, start: start && JSON.stringify(start.getBoundingClientRect()) });
            }
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
      });
      await tab.goto(embed.url(`examples/served.${L.lang}.html`));
      await held.requested;
      await expect(tab.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
      // Past the note's delay (4 s) with the widget not yet live.
      await tab.waitForTimeout(5000);
      assert.equal(await tab.locator('.icp-root[data-icp-live]').count(), 0, 'still loading');
      held.release();
      await widgetReady(tab);
      const frames = await tab.evaluate(() => window.icpFrames);
      assert.ok(frames.length > 20, `${frames.length} frames watched`);
      assert.deepEqual(frames.filter((f) => f.shown), [], 'frames showing the note');
      assert.deepEqual([...new Set(frames.map((f) => f.start))], [frames[0].start], 'the Start button stayed where it was');
      await expect(tab.locator('ic-pathfinder .icp-needs-server')).toBeHidden();
      await button(tab, L.T.start).click();
      await expectHeading(tab, L.content.questions[0].text);
    });
  }
});
