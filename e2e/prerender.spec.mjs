// The start page prerendered at build time (examples/prerender.rs), in the
// demo page and in the prerendered snippets (snippet.<lang>.html, a
// declarative shadow root): there in the first response before any script,
// hydrated by the wasm without a new render or a moved focus, a Start pressed
// while the wasm loads honoured once it has, and the same under a strict
// policy with Trusted Types enforced.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { DIST, EMBED_DIST, language, CANDIDATES } from './support.mjs';
import { test, expect, button, expectHeading, walkEveryScreen, widgetReady } from './fixtures.mjs';

const WASM = /_bg\.wasm$/;
const LOADING = { en: 'Loading the pathway checker…', 'fr-CA': 'Chargement du vérificateur de parcours…' };
const POLICY = "require-trusted-types-for 'script'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A host page on the embed server with a snippet as an organization pastes it (the folder is the server's root here), `change`d on the way if asked. */
function snippetPage(embed, file, lang, change = (snippet) => snippet) {
  const snippet = change(fs.readFileSync(path.join(EMBED_DIST, file), 'utf8').replaceAll('/ic-pathfinder/', '/'));
  const name = `pasted-${file}`;
  embed.set(`/examples/${name}`, {
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${file}</title><link rel="icon" href="data:,"></head><body><main><h1>Our course</h1>${snippet}</main></body></html>`,
  });
  return embed.url(`examples/${name}`);
}

// Where each prerendered start page is: the demo page (English) and both snippets.
const PAGES = [
  { what: 'the demo page', lang: 'en', url: ({ demo }) => demo.url(), server: ({ demo }) => demo },
  { what: 'the English prerendered snippet', lang: 'en', url: ({ embed }) => snippetPage(embed, 'snippet.en.html', 'en'), server: ({ embed }) => embed },
  { what: 'the French prerendered snippet', lang: 'fr-CA', url: ({ embed }) => snippetPage(embed, 'snippet.fr-CA.html', 'fr-CA'), server: ({ embed }) => embed },
];

for (const where of PAGES) {
  const L = language(where.lang);
  const first = L.content.questions[0].text;

  test(`On ${where.what}, the start page is in the HTML of the first response and shows with JavaScript off`, async ({ openPage, demo, embed }) => {
    const url = where.url({ demo, embed });
    const html = await (await fetch(url)).text();
    for (const text of [L.T.start, L.T.forget]) assert.ok(html.includes(`>${text}<`), `the first response holds "${text}"`);
    assert.ok(html.includes('data-icp-prerendered="'), 'the first response holds the prerendered widget and its mark');
    const page = await openPage(url, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await expect(page.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
    await expect(page.getByText(L.content.intro, { exact: true })).toBeVisible();
    await expect(button(page, L.T.start)).toBeVisible();
    // Styled, not raw HTML: the Start button has the widget's own look.
    assert.notEqual(await button(page, L.T.start).evaluate((b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)', 'the stylesheet applies');
  });

  test(`On ${where.what}, the wasm hydrates the start page in place (the same nodes, focus kept), and the flow then works`, async ({ openPage, demo, embed }) => {
    const server = where.server({ demo, embed });
    const held = server.hold(WASM);
    const page = await openPage(where.url({ demo, embed }));
    await held.requested;
    const start = button(page, L.T.start);
    await start.focus();
    await page.locator('.icp-start__title').evaluate((h) => { window.icpHeading = h; });
    held.release();
    await widgetReady(page);
    assert.equal(await page.locator('.icp-start__title').evaluate((h) => h === window.icpHeading), true, 'the heading is the prerendered node, not a new one');
    assert.equal(await start.evaluate((b) => b.getRootNode().activeElement === b), true, 'Start keeps the focus');
    await walkEveryScreen(page, L, CANDIDATES.newcomer);
  });

  test(`On ${where.what}, a Start pressed while the wasm loads says it is loading, then reaches the first question`, async ({ openPage, demo, embed }) => {
    const server = where.server({ demo, embed });
    const held = server.hold(WASM);
    const page = await openPage(where.url({ demo, embed }));
    await held.requested;
    // Once the page's scripts have run (module scripts run before this event): before, no script can keep a press.
    await page.waitForLoadState('domcontentloaded');
    await button(page, L.T.start).click();
    await expect(page.getByRole('status').filter({ hasText: LOADING[where.lang] })).toBeVisible();
    held.release();
    await expectHeading(page, first);
    await expect(page.getByText(LOADING[where.lang], { exact: true })).toHaveCount(0);
  });
}

test('A returning candidate on the prerendered demo page gets "Continue where you left off", rendered afresh without an error', async ({ openWidget }) => {
  const L = language('en');
  const page = await openWidget();
  await button(page, L.T.start).click();
  await page.locator('.icp-radios__input').first().check();
  await button(page, L.T.continue).click();
  await expectHeading(page, L.content.questions[1].text);
  await page.reload();
  await widgetReady(page);
  await expect(button(page, L.T.resume)).toBeVisible();
  await expect(button(page, L.T.start)).toHaveCount(0);
  await button(page, L.T.resume).click();
  await expectHeading(page, L.content.questions[1].text);
});

test('When the wasm cannot be loaded, the prerendered start page gives way to the failure message with Retry', async ({ openPage, demo }) => {
  demo.set(WASM, { status: 404 });
  const page = await openPage(demo.url());
  page.pageErrors = page.pageErrors ?? [];
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();
  await expect(button(page, 'Retry')).toBeVisible();
  await expect(page.getByRole('heading', { name: language('en').content.title })).toHaveCount(0);
  page.pageErrors.length = 0; // the failed init is reported as the page's uncaught error
});

test('A prerendered page whose markup was changed on the way (comments stripped, a tag added) is rendered afresh, not hydrated, and works', async ({ openPage, demo, embed }) => {
  const L = language('en');
  const stripped = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  demo.set('/', { body: stripped });
  const wrapped = snippetPage(embed, 'snippet.en.html', 'en', (snippet) => snippet.replace(`>${L.T.start}</button>`, `><font>${L.T.start}</font></button>`));
  for (const [server, url] of [[demo, demo.url()], [embed, wrapped]]) {
    const held = server.hold(WASM);
    const page = await openPage(url);
    await held.requested;
    await page.locator('.icp-start__title').evaluate((h) => { window.icpHeading = h; });
    held.release();
    await widgetReady(page);
    assert.equal(await page.locator('.icp-start__title').evaluate((h) => h === window.icpHeading), false, `${url}: rendered afresh`);
    await button(page, L.T.start).click();
    await expectHeading(page, L.content.questions[0].text);
  }
});

test('A prerendered snippet altered without changing its counts (a heading retagged, a button made a span, comments emptied) is rendered afresh, not mis-hydrated: neither it nor another widget on the page stops', async ({ openPage, embed }) => {
  const L = language('en');
  const original = fs.readFileSync(path.join(EMBED_DIST, 'snippet.en.html'), 'utf8').replaceAll('/ic-pathfinder/', '/');
  // The same number of elements and comments, so a count of them cannot tell.
  const changed = original.replace(/<h2([^>]*)>([^<]*)<\/h2>/, '<h3$1>$2</h3>').replace(/<!--[\s\S]*?-->/g, '<!---->')
    .replace(/<button([^>]*class="[^"]*icp-button--start[^"]*"[^>]*)>([^<]*)<\/button>/, '<span$1>$2</span>');
  assert.notEqual(changed, original, 'the snippet was altered');
  embed.set('/examples/altered-snippet.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Altered snippet</title><link rel="icon" href="data:,"></head><body><main>
<section id="altered">${changed}</section><section id="other"><ic-pathfinder storage-key="other"></ic-pathfinder></section></main></body></html>`,
  });
  const page = await openPage(embed.url('examples/altered-snippet.html'));
  const altered = page.locator('#altered ic-pathfinder');
  const other = page.locator('#other ic-pathfinder');
  await widgetReady(altered);
  await widgetReady(other);
  await expect(page.getByText('The pathway checker stopped')).toHaveCount(0);
  for (const widget of [altered, other]) {
    await expect(widget.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
    await button(widget, L.T.start).click();
    await expectHeading(widget, L.content.questions[0].text);
  }
  await expect(page.getByText('The pathway checker stopped')).toHaveCount(0);
});

test('When the demo page has given up on a load that then comes, the widget renders afresh over the Retry message', async ({ openPage, demo }) => {
  const L = language('en');
  const held = demo.hold(WASM);
  const page = await openPage(demo.url());
  await held.requested;
  // What the loader's time limit or an error before the wasm has started does: the Retry message.
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new Error('a simulated failure'), message: 'a simulated failure' })));
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();
  page.consoleErrors.length = 0;
  held.release();
  await widgetReady(page);
  await button(page, L.T.start).click();
  await expectHeading(page, L.content.questions[0].text);
});

for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  for (const kind of ['prerendered', 'two-line']) {
    // The strict-CSP example page with the snippet pasted in (scripts/snippets.mjs), served with Trusted Types on top of its own policy.
    const example = `strict-csp-${kind}.${lang}.html`;
    test(`Under a strict policy with Trusted Types, the ${kind} snippet in ${lang} works with no violation on the strict-CSP example page, and axe is clean on its first screen`, async ({ openPage, embed, axe }) => {
      const url = embed.url(`examples/${example}`);
      embed.headers({ 'content-security-policy': POLICY });
      const held = embed.hold(WASM);
      const page = await openPage(null, {
        viewport: { width: 390, height: 844 },
        beforeLoad: (p) => p.addInitScript(() => {
          window.icpViolations = [];
          addEventListener('securitypolicyviolation', (e) => window.icpViolations.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sample}`), true);
        }),
      });
      const response = await page.goto(url);
      assert.equal(response.headers()['content-security-policy'], POLICY);
      await held.requested;
      // Each step's violations; axe's own inline style, refused by the policy, is not the widget's.
      const violations = () => page.evaluate(() => window.icpViolations.splice(0));
      const runAxe = async (screen) => {
        assert.deepEqual(await violations(), [], `policy violations before axe on the ${screen}`);
        await axe(page, screen);
        await violations();
      };
      if (kind === 'prerendered') {
        // Before any wasm: the prerendered screen.
        await expect(page.getByRole('heading', { level: 2, name: L.content.title, exact: true })).toBeVisible();
        await runAxe(`prerendered start page (${example}, before the wasm)`);
      }
      held.release();
      await widgetReady(page);
      await runAxe(`start page (${example}, live)`);
      await button(page, L.T.start).click();
      await expectHeading(page, L.content.questions[0].text);
      assert.deepEqual(await violations(), [], 'policy violations');
    });
  }
}
