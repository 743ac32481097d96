// An organization following docs/embedding.md with only the release archive
// (issue "For organizations"): the folder holds exactly the files "The
// files" lists, and a site holding just those runs the widget in both
// languages; each site builder's section, pasted as it stands into a static
// page, works; the iframe page fits its frame through the documented
// listener, which ignores other origins; a page opened from disk says why
// nothing runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { EMBED_DIST, language, release, ROOT, VERSION, docsSection } from './support.mjs';
import { test, expect, widgetReady, button, expectHeading, languageSwitch, answer } from './fixtures.mjs';

const EN = language('en');
const FR = language('fr-CA');
const section = docsSection;
const PLACEHOLDER = 'https://your-site.example';
const FALLBACK = 'IC Pathfinder is loading. If this message stays, its scripts could not run: the page must be opened from a web server (an address starting with https://), not as a file.';

/** The one code block of a section: its language and text. */
function block(heading) {
  const blocks = [...section(heading).matchAll(/```(\w+)\n([\s\S]*?)```/g)];
  assert.equal(blocks.length, 1, `one code block under "${heading}"`);
  return { kind: blocks[0][1], code: blocks[0][2].trim() };
}
/** The file names "The files" lists (the first column's `names`). */
const listedFiles = () => section('## The files').split('\n').filter((l) => l.startsWith('| `'))
  .flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])).sort();

/** The release archive of this version, unzipped; its folder copied to a site folder, served with CORS open. */
let site;
// ICP_ARCHIVE: another archive than target/archive/'s (one made by scripts/release.sh elsewhere).
const ZIP = process.env.ICP_ARCHIVE ? path.resolve(process.env.ICP_ARCHIVE) : release('zip');
test.beforeAll(async () => {
  const zip = ZIP;
  assert.ok(fs.existsSync(zip), `${zip} exists (bash scripts/release.sh makes it)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-deploy-'));
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const folder = path.join(dir, `ic-pathfinder-${VERSION}`, 'ic-pathfinder');
  const root = path.join(dir, 'site');
  fs.mkdirSync(path.join(root, 'ic-pathfinder'), { recursive: true });
  const files = listedFiles();
  for (const f of files) fs.copyFileSync(path.join(folder, f), path.join(root, 'ic-pathfinder', f));
  const server = await serve(root, 0, { headers: { 'access-control-allow-origin': '*' } });
  site = { dir, root, folder, files, server, origin: `http://127.0.0.1:${server.address().port}` };
});
test.afterAll(async () => {
  await new Promise((r) => site.server.close(r));
  fs.rmSync(site.dir, { recursive: true, force: true });
});

/** A plain host page around `markup`, as a builder's page would hold it. */
const hostPage = (title, markup, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><header><h1>${title}</h1></header><main><p>Our course and the routes into it.</p>
${markup}
</main><footer><p>Footer</p></footer></body></html>`;
/** `markup` with the docs' placeholder address replaced by the test site's. */
const placed = (markup) => markup.replaceAll(PLACEHOLDER, site.origin);
/** Writes a host page into the site (same origin as the files), returns its address. */
function onSite(name, html) {
  fs.writeFileSync(path.join(site.root, name), html);
  return `${site.origin}/${name}`;
}
/** Serves a host page from another origin than the files (the demo server's), returns its address. */
async function elsewhere(page, demo, name, html) {
  await page.route(demo.url(name), (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return demo.url(name);
}
/** Start, then the first question answered: the widget runs. */
async function firstSteps(scope, L) {
  await expectHeading(scope, L.content.title);
  await button(scope, L.T.start).click();
  const [first, second] = L.content.questions;
  await answer(scope, L, first.id, first.options[0].id);
  await expectHeading(scope, second.text);
}
// Both test servers are on 127.0.0.1: Chromium asks before a page reaches another
// local origin (Local Network Access), which a site and its static host on the web never need.
const CROSS_ORIGIN = { permissions: ['local-network-access'] };

test('The archive\'s folder holds exactly the files the docs list, and a site with only those runs the widget in English and French', async ({ openPage }) => {
  const inArchive = fs.readdirSync(site.folder).sort();
  assert.deepEqual(inArchive, site.files, 'docs/embedding.md, "The files", lists the archive\'s folder');
  assert.ok(site.files.includes('default.fr-CA.json'), 'the French content is among them');
  const page = await openPage(onSite('static.html', hostPage('Static site', block('### A static site').code)));
  await widgetReady(page);
  await languageSwitch(page).click();
  await firstSteps(page, FR);
});

test('The archive is what the docs say: its sums check with the commands they give, and beside the folder are the files they name', () => {
  const steps = section('## In three steps: download, copy, paste').replace(/\s+/g, ' ');
  assert.ok(steps.includes('`bash scripts/release.sh`') && steps.includes('`target/archive/`'), 'where the archive comes from');
  assert.ok(steps.includes('`dist-embed/`'), 'which folder it is when built from the source');
  const commands = [...steps.matchAll(/`(sha256sum -c [^`]+)`/g)].map((m) => m[1]);
  assert.deepEqual(commands, [`sha256sum -c ic-pathfinder-<version>.zip.sha256`, 'sha256sum -c SHA256SUMS']);
  // Beside the zip, then in the unzipped folder, as written.
  execFileSync('sh', ['-c', commands[0].replace('<version>', VERSION)], { cwd: path.dirname(ZIP) });
  const top = path.join(site.folder, '..');
  execFileSync('sh', ['-c', commands[1]], { cwd: top });
  // The files "The files" names beside the folder, and nothing else there.
  const beside = section('## The files').split('\n\n').find((p) => p.startsWith('Beside the folder, the archive holds'));
  const named = [...beside.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, '')).sort();
  assert.deepEqual(fs.readdirSync(top).filter((f) => f !== 'ic-pathfinder').sort(), named);
  // Built from the source, dist-embed/ holds the folder's files and the snippets.
  for (const f of [...site.files, ...named.filter((f) => f.endsWith('.html'))]) assert.ok(fs.existsSync(path.join(EMBED_DIST, f)), `dist-embed/${f}`);
});

for (const [file, L] of [['snippet.en.html', EN], ['snippet.fr-CA.html', FR], ['two-line-snippet.html', EN], ['two-line-snippet.fr-CA.html', FR]]) {
  test(`The archive's ${file}, with the module's integrity value, pasted into a page of the site, runs the widget in ${L.lang}`, async ({ openPage }) => {
    const code = fs.readFileSync(path.join(site.folder, '..', file), 'utf8');
    assert.match(code, /integrity="sha384-[A-Za-z0-9+/]+=*"/);
    const page = await openPage(onSite(`archive-${file}`, hostPage('Archive snippet', code)));
    await firstSteps(page, L);
  });
}

test('With the archive\'s snippet, a module changed on the server is refused and the page keeps the snippet\'s message', async ({ openPage }) => {
  const code = fs.readFileSync(path.join(site.folder, '..', 'two-line-snippet.html'), 'utf8');
  const changed = code.replace('/ic-pathfinder/ic-pathfinder.js', '/changed/ic-pathfinder.js');
  fs.mkdirSync(path.join(site.root, 'changed'), { recursive: true });
  for (const f of site.files) fs.copyFileSync(path.join(site.folder, f), path.join(site.root, 'changed', f));
  fs.appendFileSync(path.join(site.root, 'changed', 'ic-pathfinder.js'), '\n// changed\n');
  const page = await openPage(onSite('changed.html', hostPage('Changed', changed)));
  await expect(page.getByText(FALLBACK, { exact: true })).toBeVisible();
  await expect.poll(() => page.consoleErrors.some((e) => /integrity/i.test(e))).toBe(true);
  assert.equal(await page.evaluate(() => customElements.get('ic-pathfinder')), undefined, 'the changed module did not run');
});

test('The static site section\'s markup, pasted into a page on the site, runs the widget', async ({ openPage }) => {
  const { kind, code } = block('### A static site');
  assert.equal(kind, 'html');
  const page = await openPage(onSite('static-site.html', hostPage('Static site', code)));
  await firstSteps(page, EN);
});

test('The WordPress section\'s Custom HTML block runs the widget and keeps nothing in localStorage (storage="session")', async ({ openPage }) => {
  const { code } = block('### WordPress (Custom HTML block)');
  // The block editor saves a Custom HTML block between these comments, as is.
  const page = await openPage(onSite('wordpress.html', hostPage('WordPress', `<!-- wp:html -->\n${code}\n<!-- /wp:html -->`)));
  await firstSteps(page, EN);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.ok((await page.evaluate(() => Object.keys(sessionStorage))).some((k) => k.startsWith('icp:wordpress@')));
});

test('The Squarespace section\'s Code block, on another site than the files, runs the widget in French', async ({ openPage, demo }) => {
  const { code } = block('### Squarespace (Code block)');
  assert.ok(code.includes(PLACEHOLDER), 'the files are on the organization\'s static host');
  const page = await openPage(null, CROSS_ORIGIN);
  await page.goto(await elsewhere(page, demo, 'squarespace.html', hostPage('Squarespace', `<div class="sqs-block code-block"><div class="sqs-block-content">${placed(code)}</div></div>`)));
  await firstSteps(page, FR);
});

for (const [heading, L] of [['### Wix (iframe)', EN], ['### Google Sites (iframe)', FR]]) {
  test(`The ${heading.slice(4)} section's address, in the builder's fixed-height frame, runs the widget`, async ({ openPage, demo }) => {
    const { kind, code } = block(heading);
    assert.equal(kind, 'text');
    // What the builder makes of the address: a frame of the height set in its editor.
    const frame = `<iframe src="${placed(code)}" title="Embedded content" width="100%" height="900"></iframe>`;
    const page = await openPage(null, CROSS_ORIGIN);
    await page.goto(await elsewhere(page, demo, `${heading.includes('Wix') ? 'wix' : 'google-sites'}.html`, hostPage(heading.slice(4), frame)));
    await firstSteps(page.frameLocator('iframe'), L);
  });
}

test('The iframe section\'s listener fits the frame to the widget on every page, and ignores the same message from another origin', async ({ openPage, demo }) => {
  const { code } = block('## In an iframe');
  const page = await openPage(null, { ...CROSS_ORIGIN, viewport: { width: 390, height: 800 } });
  await page.route('http://elsewhere.example/post.html', (r) => r.fulfill({ contentType: 'text/html', body: '<script>parent.postMessage({ type: "icp-resize", height: 40 }, "*")</script>' }));
  await page.addInitScript(() => {
    window.sizes = [];
    addEventListener('message', (e) => { if (e.data?.type === 'icp-resize') window.sizes.push(e.data.height); });
  });
  await page.goto(await elsewhere(page, demo, 'iframe.html', hostPage('iframe', placed(code))));
  const frame = page.frameLocator('#ic-pathfinder');
  const fits = async () => {
    const content = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    await expect.poll(() => page.locator('#ic-pathfinder').evaluate((f) => f.getBoundingClientRect().height), { message: `the frame is ${content} px tall` }).toBe(content);
    return content;
  };
  await expectHeading(frame, EN.content.title);
  const start = await fits();
  assert.notEqual(start, 720, 'the frame left its first height');
  await button(frame, EN.T.start).click();
  await expectHeading(frame, EN.content.questions[0].text);
  const question = await fits();
  assert.notEqual(question, start, 'the question page has its own height');
  // The frame never collapsed while the widget loaded: every height sent was a page of the widget's.
  const sizes = await page.evaluate(() => window.sizes);
  assert.ok(sizes.length >= 2 && sizes.every((h) => h >= 300), `heights sent: ${sizes}`);

  // The same message from the host page itself and from a frame of another site: heard, and ignored.
  await page.evaluate(() => {
    window.heard = [];
    addEventListener('message', (e) => { if (e.data?.type === 'icp-resize') window.heard.push(`${e.origin} ${e.data.height}`); });
    window.postMessage({ type: 'icp-resize', height: 30 }, '*');
  });
  await page.evaluate(() => new Promise((done) => {
    const other = Object.assign(document.createElement('iframe'), { src: 'http://elsewhere.example/post.html', title: 'other' });
    other.addEventListener('load', () => setTimeout(done, 0));
    document.body.append(other);
  }));
  await expect.poll(() => page.evaluate(() => window.heard)).toEqual(expect.arrayContaining([`${demo.origin} 30`, 'http://elsewhere.example 40']));
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.locator('#ic-pathfinder').evaluate((f) => f.getBoundingClientRect().height), question, 'other origins do not resize the frame');
});

test('The iframe page refuses a definition from another site, says so in plain words and logs why', async ({ openPage }) => {
  const page = await openPage(`${site.origin}/ic-pathfinder/frame.html?definition=https://elsewhere.example/theirs.json`);
  await page.getByRole('alert').getByText('This checker is not available here.', { exact: true }).waitFor();
  assert.ok(page.consoleErrors.some((e) => e.includes('frame.html shows only definitions from its own origin: https://elsewhere.example/theirs.json')), page.consoleErrors.join('\n'));
  assert.equal(await page.locator('ic-pathfinder').count(), 0, 'no widget was made for the other site\'s definition');
});

test('The snippet on a page opened from disk shows the message that a web server is needed', async ({ openPage }) => {
  const file = path.join(site.root, 'from-disk.html');
  fs.writeFileSync(file, hostPage('From disk', block('### A static site').code.replace('/ic-pathfinder/', './ic-pathfinder/')));
  const page = await openPage(pathToFileURL(file).href);
  await expect(page.getByText(FALLBACK, { exact: true })).toBeVisible();
  // Still there once the page has loaded: the module was refused, not merely late.
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => customElements.get('ic-pathfinder')), undefined, 'the module did not run');
  await expect(page.getByText(FALLBACK, { exact: true })).toBeVisible();
});

for (const [lang, L] of [['en', EN], ['fr-CA', FR]]) {
  test(`The iframe page in ${lang} runs under its own strict policy with trusted types, with no WCAG A/AA violation on its start page and first question`, async ({ openPage, axe }) => {
    const page = await openPage(`${site.origin}/ic-pathfinder/frame.html?lang=${lang}`, { viewport: { width: 390, height: 800 } });
    // Checked before axe runs each time: axe applies inline styles of its own, which the policy refuses.
    const violations = () => page.consoleErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e));
    await expectHeading(page, L.content.title);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.deepEqual(violations(), [], 'no policy violation on the start page');
    await axe(page, `iframe page's start page (${lang})`);
    page.consoleErrors.length = 0;
    await button(page, L.T.start).click();
    await expectHeading(page, L.content.questions[0].text);
    assert.deepEqual(violations(), [], 'no policy violation on the first question');
    await axe(page, `iframe page's first question (${lang})`);
  });
}
