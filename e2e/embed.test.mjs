// The embed bundle (dist-embed/, built by bash scripts/build-embed.sh) on its
// example pages: each page works, the strict CSP page has no violation, host
// CSS neither breaks the widget nor receives its CSS, the theme reaches it,
// instances keep apart, definitions that cannot be used show a specific
// error, the JavaScript API mounts and unmounts, nothing goes to another
// origin, and the start page and error panels pass axe (WCAG 2.x A/AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoViolations, question, content, SCENARIOS, T } from './support.mjs';
import {
  startEmbedEnvironment, openExample, closeExample, widgetReady, foreignRequests, expectHeading, heading, button,
  answerQuestion, computedStyles, small, smallAnswers,
} from './embed-support.mjs';

let env;
before(async () => { env = await startEmbedEnvironment(); });
after(async () => { await env?.close(); });

const EXAMPLES = ['default.html', 'branded.html', 'strict-csp.html', 'hostile.html', 'api.html', 'two-instances.html', 'errors.html'];

/** Where the widget is on each single-widget example page. */
const WIDGET = {
  'default.html': 'ic-pathfinder',
  'branded.html': 'ic-pathfinder',
  'strict-csp.html': 'ic-pathfinder',
  'hostile.html': 'ic-pathfinder',
  'api.html': '#widget',
};

/** The default scenario the flows follow: a newcomer. */
const newcomer = Object.entries(SCENARIOS.newcomer);

/** From the start page: Start now, the first question, its answer, the next question. */
async function firstSteps(scope) {
  await expectHeading(scope, content.title);
  await button(scope, T.start).click();
  const [[firstId, firstValue], [secondId]] = newcomer;
  await answerQuestion(scope, question(firstId), firstValue);
  await expectHeading(scope, question(secondId).text);
}

/** Every CSP violation, as reported by the page's own listener and by one added before any script runs. */
async function cspViolations(page) {
  return page.evaluate(() => ({ page: window.cspViolations || [], ours: window.__icpTestViolations }));
}

for (const example of Object.keys(WIDGET)) {
  test(`The widget on ${example} starts and goes from the first question to the next`, async () => {
    const page = await openExample(env, example);
    const widget = page.locator(WIDGET[example]);
    await widgetReady(widget);
    await firstSteps(widget);
    assert.deepEqual(foreignRequests(page, env.origin), [], 'requests to other origins');
    await closeExample(page);
  });
}

test('No example page requests anything from another origin', async () => {
  for (const example of EXAMPLES) {
    const page = await openExample(env, example);
    const widgets = page.locator('ic-pathfinder, #widget');
    await widgets.first().waitFor({ state: 'attached' });
    for (const widget of await widgets.all()) await widgetReady(widget);
    assert.ok(page.requests.some((u) => u.endsWith('/ic-pathfinder-core_bg.wasm')), `${example}: the wasm was loaded from the server`);
    assert.deepEqual(foreignRequests(page, env.origin), [], `${example}: requests to other origins (server is ${env.origin})`);
    await closeExample(page);
  }
});

test('The strict CSP page reports no violation through a whole run to the checklist, and would report one', async () => {
  const cspConsole = [];
  const page = await openExample(env, 'strict-csp.html', {
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
  await button(widget, T.start).click();
  for (const [id, value] of newcomer) await answerQuestion(widget, question(id), value);
  await expectHeading(widget, T.checkTitle);
  await button(widget, T.seeResults).click();
  await expectHeading(widget, T.resultsTitle);
  // The what-if panel and the restart dialog render more of the widget's markup.
  await widget.getByText(T.whatIf, { exact: true }).click();
  await button(widget, T.startAgain).click();
  await widget.getByRole('alertdialog').getByRole('button', { name: T.cancel, exact: true }).click();

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
  await closeExample(page);
});

test('On a hostile host page the widget\'s buttons stay visible and the flow completes several steps', async () => {
  const page = await openExample(env, 'hostile.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  // The host page's rules do hide the page's own buttons.
  assert.equal(await page.evaluate(() => {
    const own = document.querySelector('main').appendChild(document.createElement('button'));
    own.className = 'icp-button';
    return getComputedStyle(own).display;
  }), 'none', 'the host page hides its own buttons');
  const start = button(widget, T.start);
  assert.equal(await start.isVisible(), true, 'the Start button is visible');
  const box = await start.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `the Start button has a size (${JSON.stringify(box)})`);
  assert.notEqual(await start.evaluate((el) => getComputedStyle(el).display), 'none');
  await start.click();
  for (const [id, value] of newcomer.slice(0, 4)) {
    await answerQuestion(widget, question(id), value);
  }
  await expectHeading(widget, question(newcomer[4][0]).text);
  // The Back link works too.
  await widget.getByRole('link', { name: T.back, exact: true }).click();
  await expectHeading(widget, question(newcomer[3][0]).text);
  // The host's `div { color: red !important; background: lime }` does not reach the widget's divs.
  const rootStyle = await widget.locator('.icp-root').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, background: s.backgroundColor, display: s.display };
  });
  assert.notEqual(rootStyle.color, 'rgb(255, 0, 0)', 'the widget is not red');
  assert.notEqual(rootStyle.background, 'rgb(0, 255, 0)', 'the widget is not lime');
  assert.notEqual(rootStyle.display, 'none', 'the widget is shown');
  await closeExample(page);
});

/**
 * The same host page without the embed: its elements' computed styles are the
 * reference. Served at a sibling address (same origin, same relative links).
 */
async function hostStylesWithoutWidget(example, selectors, props) {
  const html = await (await fetch(env.url(example))).text();
  const bare = html.replace(/<script type="module" src="[^"]*"><\/script>/g, '');
  assert.notEqual(bare, html, 'the scripts were removed');
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const address = env.url(`bare-${example}`);
  await page.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: bare }));
  await page.goto(address);
  assert.equal(await page.locator('ic-pathfinder .icp-root, #widget .icp-root').count(), 0, 'no widget on the bare page');
  const styles = {};
  for (const s of selectors) styles[s] = await computedStyles(page, s, props);
  await context.close();
  return styles;
}

const HOST_PROPS = ['font-family', 'font-size', 'font-weight', 'color', 'background-color', 'display', 'margin-top', 'padding-top',
  'border-top-width', 'border-radius', 'min-height', 'line-height', 'box-shadow'];

for (const [example, selectors] of [
  ['api.html', ['main.host > h1', 'main.host > p', '#unmount', 'main.host']],
  ['hostile.html', ['main.host > h1', 'main.host > p', 'main.host', 'body']],
  ['two-instances.html', ['main.host > h1', 'section > h2', '#events', 'main.host']],
]) {
  test(`The widget's CSS does not leak into the host page on ${example}`, async () => {
    const reference = await hostStylesWithoutWidget(example, selectors, HOST_PROPS);
    const page = await openExample(env, example);
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
    await closeExample(page);
  });
}

test('The branded page\'s custom properties reach the widget: accent colour and font', async () => {
  const page = await openExample(env, 'branded.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  const start = button(widget, T.start);
  const style = await start.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, font: getComputedStyle(el).fontFamily }));
  assert.equal(style.background, 'rgb(0, 89, 79)', 'the Start button has --icp-accent');
  assert.match(style.font, /Trebuchet/, 'the Start button has --icp-font');
  const root = await widget.locator('.icp-root').evaluate((el) => ({ radius: getComputedStyle(el).borderTopLeftRadius, padding: getComputedStyle(el).paddingTop }));
  assert.equal(root.radius, '0px', '--icp-radius');
  assert.equal(root.padding, '32px', '--icp-space (2rem)');
  await closeExample(page);

  // Without the theme, the defaults.
  const plain = await openExample(env, 'default.html');
  const plainWidget = plain.locator('ic-pathfinder');
  await widgetReady(plainWidget);
  const defaults = await button(plainWidget, T.start).evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, font: getComputedStyle(el).fontFamily }));
  assert.equal(defaults.background, 'rgb(91, 42, 134)', 'the default accent');
  assert.doesNotMatch(defaults.font, /Trebuchet/);
  await closeExample(plain);
});

test('Two instances keep separate answers and saved progress, also after a reload', async () => {
  const page = await openExample(env, 'two-instances.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await widgetReady(first);
  await widgetReady(second);
  await expectHeading(first, content.title);
  await expectHeading(second, small.title);
  const saved = (key) => page.evaluate((k) => localStorage.getItem(k), key);

  await firstSteps(first);
  await expectHeading(second, small.title);
  await button(second, T.start).waitFor();
  assert.equal(await button(second, T.resume).count(), 0, 'the second instance has nothing to resume');
  assert.notEqual(await saved(`icp:org-a@${content.id}`), null, 'the first instance saved its answer');
  assert.equal(await saved(`icp:org-b@${small.id}`), null, 'the second instance saved nothing');

  await button(second, T.start).click();
  await answerQuestion(second, small.questions[0], smallAnswers[small.questions[0].id]);
  await expectHeading(second, small.questions[1].text);
  // The first instance did not move.
  await expectHeading(first, question(newcomer[1][0]).text);
  const a = await saved(`icp:org-a@${content.id}`);
  const b = await saved(`icp:org-b@${small.id}`);
  assert.ok(a && b, 'both instances saved');
  assert.notEqual(a, b);
  assert.ok(a.includes(newcomer[0][0]) && !a.includes(small.questions[0].id), `org-a's record holds the built-in content's answer: ${a}`);
  assert.ok(b.includes(small.questions[0].id) && !b.includes(newcomer[0][0]), `org-b's record holds the organization's answer: ${b}`);

  await page.reload();
  await widgetReady(first);
  await widgetReady(second);
  await expectHeading(first, content.title);
  await expectHeading(second, small.title);
  await button(first, T.resume).click();
  await expectHeading(first, question(newcomer[1][0]).text);
  await expectHeading(second, small.title);
  await button(second, T.resume).click();
  await expectHeading(second, small.questions[1].text);
  await expectHeading(first, question(newcomer[1][0]).text);
  assert.equal(await saved(`icp:org-a@${content.id}`), a, 'a reload keeps the first instance\'s progress');
  assert.equal(await saved(`icp:org-b@${small.id}`), b, 'a reload keeps the second instance\'s progress');
  await closeExample(page);
});

test('Completing the organization\'s definition fires icp-complete with pathway statuses and no answers', async () => {
  const page = await openExample(env, 'two-instances.html', {
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
  await button(second, T.start).click();
  for (const [id, value] of Object.entries(smallAnswers)) {
    await answerQuestion(second, small.questions.find((q) => q.id === id), value);
  }
  await expectHeading(second, T.checkTitle);
  assert.deepEqual(await page.evaluate(() => window.__icpEvents), [], 'no event before the checklist');
  await button(second, T.seeResults).click();
  await expectHeading(second, T.resultsTitle);
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
  await closeExample(page);
});

test('Each definition that cannot be used shows the error panel with a specific message, and logs it', async () => {
  const page = await openExample(env, 'errors.html');
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
    await alert.getByRole('heading', { name: 'The pathway checker could not start', exact: true }).waitFor();
    const text = await alert.innerText();
    assert.ok(text.includes(message), `${section}: the panel shows "${message}": ${text}`);
    assert.equal(await button(widget, T.start).count(), 0, `${section}: no Start button`);
  }
  for (const [section, message] of expected) {
    assert.ok(page.consoleErrors.some((e) => e.startsWith('IC Pathfinder') && e.includes(message)),
      `${section}: a console error with "${message}": ${JSON.stringify(page.consoleErrors)}`);
  }
  await closeExample(page);
});

test('mount() shows the widget, and its handle\'s unmount() empties the shadow root', async () => {
  const page = await openExample(env, 'api.html');
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
  await closeExample(page);
});

test('Mounting and unmounting several times, and unmounting twice, does not throw', async () => {
  const page = await openExample(env, 'api.html');
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
  }, `${env.origin}/ic-pathfinder.js`);
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(result.seen[2 * i], { mounted: true, title: i % 2 ? small.title : content.title }, `mount ${i + 1}`);
    assert.deepEqual(result.seen[2 * i + 1], { mounted: false, children: 0 }, `unmount ${i + 1}`);
  }
  assert.equal(result.error, 'TypeError', 'mount() without an element is a TypeError');
  await closeExample(page);
});

test('Removing an <ic-pathfinder> element from the page unmounts its widget', async () => {
  const page = await openExample(env, 'default.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  const children = await page.evaluate(() => {
    const element = document.querySelector('ic-pathfinder');
    element.remove();
    return element.shadowRoot.childNodes.length;
  });
  assert.equal(children, 0, 'the detached element\'s shadow root is empty');
  await closeExample(page);
});

test('The default embed\'s start page has no WCAG A/AA violations', async () => {
  const page = await openExample(env, 'default.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  await heading(widget, content.title).waitFor();
  await expectNoViolations(page, 'default embed start page');
  await closeExample(page);
});

test('The error panels on errors.html have no WCAG A/AA violations', async () => {
  const page = await openExample(env, 'errors.html');
  for (const widget of await page.locator('ic-pathfinder').all()) await widget.getByRole('alert').waitFor();
  await expectNoViolations(page, 'errors page');
  await closeExample(page);
});

test('A branded theme keeps WCAG AA contrast on the start page and a question with its error', async () => {
  const page = await openExample(env, 'branded.html');
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  await expectNoViolations(page, 'branded start page');
  await widget.getByRole('button', { name: T.start }).click();
  await widget.getByRole('button', { name: T.continue }).click();
  await widget.getByRole('alert').first().waitFor();
  await expectNoViolations(page, 'branded question with an error');
  await closeExample(page);
});
