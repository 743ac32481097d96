// More accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, as accessibility.spec.mjs)
// in English and in French, at 1000 px and at 320 px wide (no horizontal
// scrolling: WCAG 1.4.10 Reflow), on the start page, a question with its
// error, check answers, and the results with the share link shown; a visible
// focus style; every target at least 24 x 24 CSS px (WCAG 2.5.8); reduced
// motion; forced colors.
import assert from 'node:assert/strict';
import { language, small, CANDIDATES } from './support.mjs';
import { test, button, expectHeading, answer, createShareLink } from './fixtures.mjs';

const EN = language('en');

async function expectNoHorizontalScroll(page, width, screen) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) {
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > w + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`)
      .slice(0, 8), width);
    assert.fail(`${screen}: the page scrolls horizontally at ${width} px (scrollWidth ${scrollWidth}); too wide: ${wide.join(', ')}`);
  }
}

/** axe and reflow on every screen type of a newcomer's run, in one language at one width. */
async function walk(openWidget, axe, lang, width) {
  const L = language(lang);
  const page = await openWidget({ viewport: { width, height: 800 }, hostLang: lang, locale: lang });
  const check = async (screen) => {
    const name = `${screen} (${lang}, ${width} px)`;
    await expectNoHorizontalScroll(page, width, name);
    // The widget only: the demo host page's own header is checked by a test of its own below.
    await axe(page, name, '.icp-root');
  };
  await expectHeading(page, L.content.title);
  await check('start page');

  await page.getByRole('button', { name: L.T.start, exact: true }).click();
  const answers = Object.entries(CANDIDATES.newcomer);
  await expectHeading(page, L.question(answers[0][0]).text);
  await page.getByRole('button', { name: L.T.continue, exact: true }).click();
  await page.getByRole('alert').waitFor();
  await check('question with its error');

  for (const [id, value] of answers) await answer(page, L, id, value);
  await expectHeading(page, L.T.checkTitle);
  await check('check answers page');

  await page.getByRole('button', { name: L.T.seeResults, exact: true }).click();
  await expectHeading(page, L.T.resultsTitle);
  await createShareLink(page, L);
  await check('results page with the share link shown');
  return page;
}

for (const lang of ['en', 'fr-CA']) {
  for (const width of [1000, 320]) {
    test(`The widget on every screen type in ${lang === 'en' ? 'English' : 'French'} at ${width} px has no WCAG A/AA violations and no horizontal scrolling`, async ({ openWidget, axe }) => {
      await walk(openWidget, axe, lang, width);
    });
  }
}

test('The demo host page around the widget has no WCAG A/AA violations at 320 px', async ({ openWidget, axe }) => {
  const page = await openWidget({ viewport: { width: 320, height: 800 } });
  await expectHeading(page, language('en').content.title);
  await axe(page, 'demo page start (en, 320 px)');
});

test('The results page at 320 px, with What if opened, does not scroll horizontally', async ({ openWidget }) => {
  const page = await openWidget({ viewport: { width: 320, height: 800 } });
  const L = language('en');
  await page.getByRole('button', { name: L.T.start, exact: true }).click();
  for (const [id, value] of Object.entries(CANDIDATES.newcomer)) await answer(page, L, id, value);
  await page.getByRole('button', { name: L.T.seeResults, exact: true }).click();
  await expectHeading(page, L.T.resultsTitle);
  await page.getByText(L.T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: EN.question('region').text, exact: true }).waitFor({ state: 'visible' });
  await expectNoHorizontalScroll(page, 320, 'results page with What if open (en, 320 px)');
});

/** Presses Tab until `locator` has focus (keyboard focus, so :focus-visible applies). */
async function tabTo(page, locator, what) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement || el.shadowRoot?.activeElement === el)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

const focusStyle = (locator) => locator.evaluate((el) => {
  const s = getComputedStyle(el);
  return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
});

const visibleIndicator = (s) => s.boxShadow !== 'none'
  || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !/rgba\(.*,\s*0\)$/.test(s.outlineColor));

test('A button focused from the keyboard shows a visible focus style', async ({ openWidget }) => {
  const page = await openWidget();
  const start = page.getByRole('button', { name: 'Start now', exact: true });
  const before = await focusStyle(start);
  await tabTo(page, start, 'the Start now button');
  const focused = await focusStyle(start);
  assert.ok(visibleIndicator(focused), `no focus indicator on the focused Start now button: ${JSON.stringify(focused)}`);
  assert.notDeepEqual(focused, before, 'the focus style differs from the unfocused style');
});

test('With forced colors, the start page has no WCAG A/AA violations and a focused button keeps a visible outline', async ({ openWidget, axe }) => {
  const page = await openWidget({ forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colors are emulated');
  await axe(page, 'start page with forced colors');
  const start = page.getByRole('button', { name: 'Start now', exact: true });
  await tabTo(page, start, 'the Start now button');
  const focused = await focusStyle(start);
  assert.ok(focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 2,
    `with forced colors (box-shadow is dropped), the focused button needs an outline: ${JSON.stringify(focused)}`);
});

test('Every visible button, link, input, select and summary on the results page is at least 24 x 24 CSS px', async ({ openWidget }) => {
  const failures = [];
  for (const [lang, width] of [['en', 1000], ['en', 320], ['fr-CA', 320]]) {
    const L = language(lang);
    const page = await openWidget({ viewport: { width, height: 800 }, hostLang: lang });
    await page.getByRole('button', { name: L.T.start, exact: true }).click();
    for (const [id, value] of Object.entries(CANDIDATES.newcomer)) await answer(page, L, id, value);
    await page.getByRole('button', { name: L.T.seeResults, exact: true }).click();
    await expectHeading(page, L.T.resultsTitle);
    await createShareLink(page, L);
    await page.getByText(L.T.whatIf, { exact: true }).click();
    await page.locator('.icp-what-if select').first().waitFor({ state: 'visible' });
    const small = await page.locator('.icp-root').first().evaluate((root) => [...root.querySelectorAll('a[href], button, input, select, textarea, summary')]
      .filter((el) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }))
      .map((el) => {
        // A visually hidden native checkbox or radio is operated through its label.
        const target = (el.matches('input[type="checkbox"], input[type="radio"]') && el.labels?.[0]) || el;
        const r = target.getBoundingClientRect();
        return { el: `${el.tagName.toLowerCase()}.${el.className}`, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 };
      })
      .filter((t) => t.w < 24 || t.h < 24));
    for (const t of small) failures.push(`${lang} ${width} px: ${t.el} "${t.text}" is ${t.w} x ${t.h}`);
  }
  assert.deepEqual(failures, [], `targets smaller than 24 x 24 CSS px:\n${failures.join('\n')}`);
});

test('With reduced motion, a step of the questionnaire still completes and nothing animates', async ({ openWidget }) => {
  const page = await openWidget({ reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true, 'reduced motion is emulated');
  const L = language('en');
  await page.getByRole('button', { name: L.T.start, exact: true }).click();
  const [[firstId, firstValue], [secondId]] = Object.entries(CANDIDATES.newcomer);
  await answer(page, L, firstId, firstValue);
  await expectHeading(page, L.question(secondId).text);
  const running = await page.evaluate(() => document.getAnimations().map((a) => a.animationName || a.transitionProperty || a.constructor.name));
  assert.deepEqual(running, [], 'animations or transitions running with reduced motion');
});

test('The start page with forced colors in French has no WCAG A/AA violations', async ({ openWidget, axe }) => {
  const page = await openWidget({ forcedColors: 'active', locale: 'fr-CA', hostLang: 'fr-CA' });
  await expectHeading(page, language('fr-CA').content.title);
  await axe(page, 'start page with forced colors (French)');
});
