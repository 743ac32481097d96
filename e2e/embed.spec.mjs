// The embed bundle (dist-embed/, built by bash scripts/build-embed.sh) on its
// example pages: each page works, the strict CSP page has no violation, host
// CSS neither breaks the widget nor receives its CSS, the theme reaches it,
// instances keep apart, definitions that cannot be used show a specific
// error, the JavaScript API mounts and unmounts, nothing goes to another
// origin, and the start page and error panels pass axe (WCAG 2.x A/AA).
import assert from 'node:assert/strict';
import { language, small, smallAnswers, CANDIDATES } from './support.mjs';
import { test, widgetReady, reload, heading, button, expectHeading, answer, walkEveryScreen } from './fixtures.mjs';

const EN = language('en');
const SMALL = language('en', small);

const EXAMPLES = ['default.html', 'branded.html', 'strict-csp.html', 'hostile.html', 'api.html', 'two-instances.html', 'errors.html'];

/** Where the widget is on each single-widget example page. */
const WIDGET = {
  'default.html': 'ic-pathfinder',
  'branded.html': 'ic-pathfinder',
  'strict-csp.html': 'ic-pathfinder',
  'hostile.html': 'ic-pathfinder',
  'api.html': '#widget',
};

/** Requests the page made to any origin but the test server's. */
const foreignRequests = (page, origin) => page.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));

/** The computed style properties `props` of the first element matching `selector` (light DOM only). */
const computedStyles = (page, selector, props) => page.locator(selector).first().evaluate((el, names) => {
  const style = getComputedStyle(el);
  return Object.fromEntries(names.map((p) => [p, style.getPropertyValue(p)]));
}, props);

/** The default scenario the flows follow: a newcomer. */
const newcomer = Object.entries(CANDIDATES.newcomer);

/** From the start page: Start now, the first question, its answer, the next question. */
async function firstSteps(scope) {
  await expectHeading(scope, EN.content.title);
  await button(scope, EN.T.start).click();
  const [[firstId, firstValue], [secondId]] = newcomer;
  await answer(scope, EN, firstId, firstValue);
  await expectHeading(scope, EN.question(secondId).text);
}

/** Every CSP violation, as reported by the page's own listener and by one added before any script runs. */
async function cspViolations(page) {
  return page.evaluate(() => ({ page: window.cspViolations || [], ours: window.__icpTestViolations }));
}

for (const example of Object.keys(WIDGET)) {
  test(`The widget on ${example} starts and goes from the first question to the next`, async ({ openExample, embed }) => {
    const page = await openExample(example);
    const widget = page.locator(WIDGET[example]);
    await widgetReady(widget);
    await firstSteps(widget);
    assert.deepEqual(foreignRequests(page, embed.origin), [], 'requests to other origins');
  });
}

test('No example page requests anything from another origin', async ({ openExample, embed }) => {
  for (const example of EXAMPLES) {
    const page = await openExample(example);
    const widgets = page.locator('ic-pathfinder, #widget');
    await widgets.first().waitFor({ state: 'attached' });
    for (const widget of await widgets.all()) await widgetReady(widget);
    assert.ok(page.requests.some((u) => u.endsWith('/ic-pathfinder-core_bg.wasm')), `${example}: the wasm was loaded from the server`);
    assert.deepEqual(foreignRequests(page, embed.origin), [], `${example}: requests to other origins (server is ${embed.origin})`);
  }
});

test('The strict CSP page reports no violation through a whole run to the checklist, and would report one', async ({ openExample }) => {
  const cspConsole = [];
  const page = await openExample('strict-csp.html', {
    beforeLoad: async (p) => {
      p.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text()); });
      await p.addInitScript(() => {
        window.__icpTestViolations = [];
        // Violations inside the shadow root are composed events: the window sees them too.
        window.addEventListener('securitypolicyviolation', (e) => {
          window.__icpTestViolations.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sourceFile}:${e.lineNumber}`);
        }, true);
      });
    },
  });
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  // Every kind of screen, the what-if panel and the restart dialog: all of the widget's markup.
  await walkEveryScreen(widget, EN, CANDIDATES.newcomer);

  assert.deepEqual(await cspViolations(page), { page: [], ours: [] }, 'CSP violations');
  assert.equal(await page.locator('#csp-violations').textContent(), '', 'the page lists no violation');
  assert.deepEqual(cspConsole, [], 'CSP messages in the console');

  // The listeners do catch a violation: an inline style is refused on this page.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red; }';
    document.head.append(style);
  });
  await page.waitForFunction(() => window.__icpTestViolations.length > 0 && (window.cspViolations || []).length > 0);
  assert.match((await cspViolations(page)).ours[0], /^style-src/);
});

test('On a hostile host page the widget\'s buttons stay visible and the flow completes several steps', async ({ openExample }) => {
  const page = await openExample('hostile.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  // The host page's rules do hide the page's own buttons.
  assert.equal(await page.evaluate(() => {
    const own = document.querySelector('main').appendChild(document.createElement('button'));
    own.className = 'icp-button';
    return getComputedStyle(own).display;
  }), 'none', 'the host page hides its own buttons');
  const start = button(widget, EN.T.start);
  assert.equal(await start.isVisible(), true, 'the Start button is visible');
  const box = await start.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `the Start button has a size (${JSON.stringify(box)})`);
  assert.notEqual(await start.evaluate((el) => getComputedStyle(el).display), 'none');
  await start.click();
  for (const [id, value] of newcomer.slice(0, 4)) {
    await answer(widget, EN, id, value);
  }
  await expectHeading(widget, EN.question(newcomer[4][0]).text);
  // The Back link works too.
  await widget.getByRole('link', { name: EN.T.back, exact: true }).click();
  await expectHeading(widget, EN.question(newcomer[3][0]).text);
  // The host's `div { color: red !important; background: lime }` does not reach the widget's divs.
  const rootStyle = await widget.locator('.icp-root').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, background: s.backgroundColor, display: s.display };
  });
  assert.notEqual(rootStyle.color, 'rgb(255, 0, 0)', 'the widget is not red');
  assert.notEqual(rootStyle.background, 'rgb(0, 255, 0)', 'the widget is not lime');
  assert.notEqual(rootStyle.display, 'none', 'the widget is shown');
});

/**
 * The same host page without the embed: its elements' computed styles are the
 * reference. Served at a sibling address (same origin, same relative links).
 */
async function hostStylesWithoutWidget(embed, openPage, example, selectors, props) {
  const html = await (await fetch(embed.url(`examples/${example}`))).text();
  const bare = html.replace(/<script type="module" src="[^"]*"><\/script>/g, '');
  assert.notEqual(bare, html, 'the scripts were removed');
  const page = await openPage(null, { viewport: { width: 1200, height: 900 } });
  const address = embed.url(`examples/bare-${example}`);
  await page.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: bare }));
  await page.goto(address);
  assert.equal(await page.locator('ic-pathfinder .icp-root, #widget .icp-root').count(), 0, 'no widget on the bare page');
  const styles = {};
  for (const s of selectors) styles[s] = await computedStyles(page, s, props);
  await page.context().close();
  return styles;
}

const HOST_PROPS = ['font-family', 'font-size', 'font-weight', 'color', 'background-color', 'display', 'margin-top', 'padding-top',
  'border-top-width', 'border-radius', 'min-height', 'line-height', 'box-shadow'];

for (const [example, selectors] of [
  ['api.html', ['main.host > h1', 'main.host > p', '#unmount', 'main.host']],
  ['hostile.html', ['main.host > h1', 'main.host > p', 'main.host', 'body']],
  ['two-instances.html', ['main.host > h1', 'section > h2', '#events', 'main.host']],
]) {
  test(`The widget's CSS does not leak into the host page on ${example}`, async ({ openExample, openPage, embed }) => {
    const reference = await hostStylesWithoutWidget(embed, openPage, example, selectors, HOST_PROPS);
    const page = await openExample(example);
    const widgets = page.locator('ic-pathfinder, #widget');
    for (const widget of await widgets.all()) await widgetReady(widget);
    for (const s of selectors) {
      assert.deepEqual(await computedStyles(page, s, HOST_PROPS), reference[s], `computed style of the host's ${s}`);
    }
    assert.match((await computedStyles(page, 'main.host > h1', ['font-family']))['font-family'], /Georgia/, 'the host keeps its font');
    const light = await page.evaluate(() => {
      const rules = [];
      for (const sheet of document.styleSheets) {
        // hostile.css targets the widget's class names on purpose: it is the host's own.
        if (sheet.href?.endsWith('/examples/hostile.css')) continue;
        for (const rule of sheet.cssRules) rules.push(rule.cssText);
      }
      return {
        widgetRules: rules.filter((r) => /:host|icp-/.test(r)),
        links: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href).filter((h) => h.includes('ic-pathfinder')),
        styles: document.querySelectorAll('style').length,
        icpElements: document.querySelectorAll('[class*="icp-"]').length,
      };
    });
    assert.deepEqual(light.widgetRules, [], 'the document\'s own stylesheets have no widget rules');
    assert.deepEqual(light.links, [], 'the widget\'s stylesheet is not linked from the document');
    assert.equal(light.styles, 0, 'no <style> element in the document');
    assert.equal(light.icpElements, 0, 'no widget element in the light DOM');
  });
}

test('The branded page\'s custom properties reach the widget: accent colour and font', async ({ openExample }) => {
  const page = await openExample('branded.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  const start = button(widget, EN.T.start);
  const style = await start.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, font: getComputedStyle(el).fontFamily }));
  assert.equal(style.background, 'rgb(0, 89, 79)', 'the Start button has --icp-accent');
  assert.match(style.font, /Trebuchet/, 'the Start button has --icp-font');
  const root = await widget.locator('.icp-root').evaluate((el) => ({ radius: getComputedStyle(el).borderTopLeftRadius, padding: getComputedStyle(el).paddingTop }));
  assert.equal(root.radius, '0px', '--icp-radius');
  assert.equal(root.padding, '32px', '--icp-space (2rem)');
  
  // Without the theme, the defaults.
  const plain = await openExample('default.html');
  const plainWidget = plain.locator('ic-pathfinder');
  await widgetReady(plainWidget);
  const defaults = await button(plainWidget, EN.T.start).evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, font: getComputedStyle(el).fontFamily }));
  assert.equal(defaults.background, 'rgb(91, 42, 134)', 'the default accent');
  assert.doesNotMatch(defaults.font, /Trebuchet/);
});

test('Two instances keep separate answers and saved progress, also after a reload', async ({ openExample }) => {
  const page = await openExample('two-instances.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await widgetReady(first);
  await widgetReady(second);
  await expectHeading(first, EN.content.title);
  await expectHeading(second, small.title);
  const saved = (key) => page.evaluate((k) => localStorage.getItem(k), key);

  await firstSteps(first);
  await expectHeading(second, small.title);
  await button(second, EN.T.start).waitFor();
  assert.equal(await button(second, EN.T.resume).count(), 0, 'the second instance has nothing to resume');
  assert.notEqual(await saved(`icp:org-a@${EN.content.id}`), null, 'the first instance saved its answer');
  assert.equal(await saved(`icp:org-b@${small.id}`), null, 'the second instance saved nothing');

  await button(second, EN.T.start).click();
  await answer(second, SMALL, small.questions[0].id, smallAnswers[small.questions[0].id]);
  await expectHeading(second, small.questions[1].text);
  // The first instance did not move.
  await expectHeading(first, EN.question(newcomer[1][0]).text);
  const a = await saved(`icp:org-a@${EN.content.id}`);
  const b = await saved(`icp:org-b@${small.id}`);
  assert.ok(a && b, 'both instances saved');
  assert.notEqual(a, b);
  assert.ok(a.includes(newcomer[0][0]) && !a.includes(small.questions[0].id), `org-a's record holds the built-in content's answer: ${a}`);
  assert.ok(b.includes(small.questions[0].id) && !b.includes(newcomer[0][0]), `org-b's record holds the organization's answer: ${b}`);

  await page.reload();
  await widgetReady(first);
  await widgetReady(second);
  await expectHeading(first, EN.content.title);
  await expectHeading(second, small.title);
  await button(first, EN.T.resume).click();
  await expectHeading(first, EN.question(newcomer[1][0]).text);
  await expectHeading(second, small.title);
  await button(second, EN.T.resume).click();
  await expectHeading(second, small.questions[1].text);
  await expectHeading(first, EN.question(newcomer[1][0]).text);
  assert.equal(await saved(`icp:org-a@${EN.content.id}`), a, 'a reload keeps the first instance\'s progress');
  assert.equal(await saved(`icp:org-b@${small.id}`), b, 'a reload keeps the second instance\'s progress');
});

test('Completing the organization\'s definition fires icp-complete with pathway statuses and no answers', async ({ openExample }) => {
  const page = await openExample('two-instances.html', {
    beforeLoad: (p) => p.addInitScript(() => {
      window.__icpEvents = [];
      document.addEventListener('icp-complete', (e) => {
        window.__icpEvents.push({ target: e.target.id, bubbles: e.bubbles, composed: e.composed, json: JSON.stringify(e.detail) });
      });
    }),
  });
  const second = page.locator('#second');
  await widgetReady(second);
  await expectHeading(second, small.title);
  await button(second, EN.T.start).click();
  for (const [id, value] of Object.entries(smallAnswers)) {
    await answer(second, SMALL, id, value);
  }
  await expectHeading(second, EN.T.checkTitle);
  assert.deepEqual(await page.evaluate(() => window.__icpEvents), [], 'no event before the checklist');
  await button(second, EN.T.seeResults).click();
  await expectHeading(second, EN.T.resultsTitle);
  await page.waitForFunction(() => window.__icpEvents.length > 0);

  const events = await page.evaluate(() => window.__icpEvents);
  assert.equal(events.length, 1, `one event: ${JSON.stringify(events)}`);
  const [event] = events;
  assert.equal(event.target, 'second', 'fired on the second instance\'s element');
  assert.equal(event.bubbles, true, 'the event bubbles');
  assert.equal(event.composed, true, 'the event is composed');
  const detail = JSON.parse(event.json);
  assert.deepEqual(Object.keys(detail), ['statuses'], 'the detail holds the statuses only');
  assert.deepEqual(Object.keys(detail.statuses).sort(), small.pathways.map((p) => p.id).sort(), 'one status per pathway');
  for (const status of Object.values(detail.statuses)) {
    assert.ok(['met', 'in_progress', 'not_yet', 'not_applicable'].includes(status), `a status string: ${status}`);
  }
  // Level 1 done, 40 of 100 hours on set: the course is in progress.
  assert.deepEqual(detail.statuses, { course: 'in_progress' });
  // No answer leaves the widget: no question id, no answer value in the event.
  for (const id of Object.keys(smallAnswers)) assert.ok(!event.json.includes(`"${id}"`), `question id ${id} in ${event.json}`);
  for (const value of Object.values(smallAnswers)) {
    assert.ok(!event.json.includes(JSON.stringify(value)) && !event.json.includes(`"${value}"`), `answer ${value} in ${event.json}`);
  }
  // The page's own listener shows it.
  await page.locator('#events').filter({ hasText: 'second: {"course":"in_progress"}' }).waitFor();
  assert.equal((await page.locator('#events').textContent()).trim(), 'second: {"course":"in_progress"}');
});

test('Each definition that cannot be used shows the error panel with a specific message, and logs it', async ({ openExample }) => {
  const page = await openExample('errors.html');
  const expected = [
    ['Malformed URL', 'is not a valid URL'],
    ['Not found', '404'],
    ['Not JSON', 'not valid JSON'],
    ['Invalid definition', 'questions[1].when.equals: unknown question "level_1"'],
  ];
  for (const [section, message] of expected) {
    const widget = page.locator('section').filter({ has: page.getByRole('heading', { name: section, exact: true }) }).locator('ic-pathfinder');
    const alert = widget.getByRole('alert');
    await alert.waitFor();
    await alert.getByRole('heading', { name: EN.T.errorTitle, exact: true }).waitFor();
    // The problem is for the site's editors, in a closed disclosure.
    const text = await alert.textContent();
    assert.ok(text.includes(message), `${section}: the panel shows "${message}": ${text}`);
    assert.equal(await button(widget, EN.T.start).count(), 0, `${section}: no Start button`);
  }
  for (const [section, message] of expected) {
    assert.ok(page.consoleErrors.some((e) => e.startsWith('IC Pathfinder') && e.includes(message)),
      `${section}: a console error with "${message}": ${JSON.stringify(page.consoleErrors)}`);
  }
});

test('mount() shows the widget, and its handle\'s unmount() empties the shadow root', async ({ openExample }) => {
  const page = await openExample('api.html');
  const widget = page.locator('#widget');
  await widgetReady(widget);
  await page.waitForFunction(() => window.icpHandle !== undefined);
  assert.equal(await page.evaluate(() => window.icpHandle.mounted), true);
  await firstSteps(widget);
  await page.getByRole('button', { name: 'Unmount the widget', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('widget').shadowRoot.childNodes.length === 0);
  assert.equal(await page.evaluate(() => window.icpHandle.mounted), false);
  assert.equal(await widget.locator('.icp-root').count(), 0);
  // The host's button is the page's own, and still there.
  assert.equal(await page.getByRole('button', { name: 'Unmount the widget', exact: true }).isVisible(), true);
});

test('Mounting and unmounting several times, and unmounting twice, does not throw', async ({ openExample, embed }) => {
  const page = await openExample('api.html');
  await widgetReady(page.locator('#widget'));
  const result = await page.evaluate(async (moduleUrl) => {
    const { mount } = await import(moduleUrl);
    window.icpHandle.unmount();
    const element = document.getElementById('widget');
    const seen = [];
    for (let i = 0; i < 5; i++) {
      const handle = await mount(element, { storageKey: `api-${i}`, definition: i % 2 ? 'small.json' : undefined });
      const title = element.shadowRoot.querySelector('.icp-root h2')?.textContent;
      seen.push({ mounted: handle.mounted, title });
      handle.unmount();
      handle.unmount();
      seen.push({ mounted: handle.mounted, children: element.shadowRoot.childNodes.length });
    }
    let error = null;
    try { await mount(null); } catch (e) { error = e.constructor.name; }
    return { seen, error };
  }, `${embed.origin}/ic-pathfinder.js`);
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(result.seen[2 * i], { mounted: true, title: i % 2 ? small.title : EN.content.title }, `mount ${i + 1}`);
    assert.deepEqual(result.seen[2 * i + 1], { mounted: false, children: 0 }, `unmount ${i + 1}`);
  }
  assert.equal(result.error, 'TypeError', 'mount() without an element is a TypeError');
});

test('Removing an <ic-pathfinder> element from the page unmounts its widget', async ({ openExample }) => {
  const page = await openExample('default.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  const children = await page.evaluate(() => {
    const element = document.querySelector('ic-pathfinder');
    element.remove();
    return element.shadowRoot.childNodes.length;
  });
  assert.equal(children, 0, 'the detached element\'s shadow root is empty');
});

test('The default embed\'s start page has no WCAG A/AA violations', async ({ openExample, axe }) => {
  const page = await openExample('default.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  await heading(widget, EN.content.title).waitFor();
  await axe(page, 'default embed start page');
});

test('The error panels on errors.html have no WCAG A/AA violations', async ({ openExample, axe }) => {
  const page = await openExample('errors.html');
  for (const widget of await page.locator('ic-pathfinder').all()) await widget.getByRole('alert').waitFor();
  await axe(page, 'errors page');
});

test('A branded theme keeps WCAG AA contrast on the start page and a question with its error', async ({ openExample, axe }) => {
  const page = await openExample('branded.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  await axe(page, 'branded start page');
  await widget.getByRole('button', { name: EN.T.start }).click();
  await widget.getByRole('button', { name: EN.T.continue }).click();
  await widget.getByRole('alert').first().waitFor();
  await axe(page, 'branded question with an error');
});
