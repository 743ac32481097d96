// A keyboard-only run: Tab, Shift+Tab, Space, Enter and the arrow keys, no
// clicks. After every Continue, focus must be on the new page's heading.
import assert from 'node:assert/strict';
import { language, CANDIDATES } from './support.mjs';
import { test, heading, button, expectHeading, expectPathwayStatus, expectRequirement, savedProgress } from './fixtures.mjs';

const EN = language('en');

/** What has focus: tag, type, id, accessible-ish name, checked. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const label = el.labels?.[0]?.textContent ?? null;
    return {
      tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), id: el.id, checked: el.checked ?? null,
      text: (label ?? el.textContent ?? '').trim(), focusTarget: el.hasAttribute('data-icp-focus'),
    };
  });
}

/** Presses Tab until `match(focused)` holds; fails after `max` presses. */
async function tabUntil(page, match, what, { max = 60, key = 'Tab', onEach } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (match(f)) return f;
    if (onEach) await onEach(f);
  }
  assert.fail(`${key} ${max} times never reached ${what}`);
}

/** Focus is on the page's h2 heading (the [data-icp-focus] target) with this text. */
async function expectFocusOnHeading(page, text) {
  try {
    await page.waitForFunction((t) => {
      const el = document.activeElement;
      return el?.tagName === 'H2' && el.hasAttribute('data-icp-focus') && el.textContent.trim() === t;
    }, text, { timeout: 5000 });
  } catch {
    assert.fail(`focus should be on the heading "${text}", but is on ${JSON.stringify(await focused(page))}`);
  }
}

const isContinue = (f) => f?.tag === 'button' && f.text === EN.T.continue;

/** Answers the question whose heading has focus, by keyboard only, then presses Enter on Continue. */
async function answerByKeyboard(page, id, value) {
  const q = EN.question(id);
  await expectFocusOnHeading(page, q.text);
  const kb = page.keyboard;
  switch (q.type) {
    case 'yes_no':
    case 'single': {
      const labels = q.type === 'yes_no' ? ['Yes', 'No'] : q.options.map((o) => o.label);
      const wanted = q.type === 'yes_no' ? (value ? 'Yes' : 'No') : EN.optionLabel(id, value);
      const index = labels.indexOf(wanted);
      await kb.press('Tab'); // into the radio group: its first radio
      let f = await focused(page);
      assert.equal(f.text, labels[0], `Tab from the heading of ${id} reaches its first option`);
      if (index === 0) await kb.press('Space');
      for (let i = 0; i < index; i += 1) await kb.press('ArrowDown'); // arrows move and select
      f = await focused(page);
      assert.deepEqual([f.text, f.checked], [wanted, true], `"${wanted}" is selected`);
      await tabUntil(page, isContinue, 'Continue');
      break;
    }
    case 'multi': {
      const wanted = new Set(value.map((v) => EN.optionLabel(id, v)));
      // Every checkbox is a tab stop: tick the wanted ones on the way to Continue.
      const ticked = [];
      await tabUntil(page, isContinue, 'Continue', {
        onEach: async (f) => {
          if (f.type === 'checkbox' && wanted.has(f.text)) {
            await page.keyboard.press('Space');
            ticked.push(f.text);
          }
        },
      });
      assert.deepEqual(ticked.sort(), [...wanted].sort(), `ticked the wanted ${id} options`);
      break;
    }
    case 'number':
      await kb.press('Tab');
      assert.equal((await focused(page)).tag, 'input', `Tab from the heading of ${id} reaches its field`);
      await kb.type(String(value));
      await tabUntil(page, isContinue, 'Continue');
      break;
    default:
      assert.fail(`unknown type ${q.type}`);
  }
  await kb.press('Enter');
}

test('A candidate can complete the whole flow with the keyboard alone, and focus moves to each new heading', async ({ demoPage: page }) => {
  const answers = CANDIDATES.idiCanada;

  // From the top of the host page to the widget's Start button.
  await tabUntil(page, (f) => f?.tag === 'button' && f.text === EN.T.start, 'Start now', { max: 10 });
  await page.keyboard.press('Enter');

  const ids = Object.keys(answers);
  // On the first question, Shift+Tab from Continue goes back to the selected option.
  await expectFocusOnHeading(page, EN.question(ids[0]).text);
  for (const [id, value] of Object.entries(answers)) {
    if (id === ids[0]) {
      await answerFirstWithShiftTab(page, id, value);
      continue;
    }
    await answerByKeyboard(page, id, value);
  }

  await expectFocusOnHeading(page, EN.T.checkTitle);
  // Shift+Tab from the heading reaches the Back link; Tab runs through the Change buttons to "See your checklist".
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual([(await focused(page)).tag, (await focused(page)).text], ['a', EN.T.back]);
  await tabUntil(page, (f) => f?.tag === 'button' && f.text === EN.T.seeResults, EN.T.seeResults, { max: 40 });
  await page.keyboard.press('Enter');

  await expectFocusOnHeading(page, EN.T.resultsTitle);
  await expectHeading(page, EN.T.resultsTitle);
  await expectPathwayStatus(page, EN, 'idc', 'in_progress');
  await expectRequirement(page, EN, 'icc', 'icc_mhfa', 'unmet');

  // Tick the first "I have done this" with Space, and open What if with Enter.
  const tick = await tabUntil(page, (f) => f?.type === 'checkbox' && f.text.startsWith(EN.T.markDone), 'a step checkbox');
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true, `ticked ${tick.text}`);
  assert.equal((await savedProgress(page)).done.length, 1);
  await tabUntil(page, (f) => f?.tag === 'summary' && f.text === EN.T.whatIf, 'What if', { max: 80 });
  await page.keyboard.press('Enter');
  // Change MHFA with the arrow keys in its select.
  await tabUntil(page, (f) => f?.tag === 'select' && f.id === 'icp-whatif-mhfa', 'the MHFA select', { max: 40 });
  assert.deepEqual(EN.question('mhfa').options.slice(0, 2).map((o) => o.id), ['with_minors', 'basic']);
  await page.keyboard.press('ArrowUp'); // basic -> with_minors, the option above it
  await expectRequirement(page, EN, 'icc', 'icc_mhfa', 'met');
  assert.equal((await savedProgress(page)).answers.mhfa, 'with_minors');
});

/** The first question, with a detour: Tab to Continue, Shift+Tab back to the option, then Enter. */
async function answerFirstWithShiftTab(page, id, value) {
  const q = EN.question(id);
  const labels = q.options.map((o) => o.label);
  const wanted = EN.optionLabel(id, value);
  await page.keyboard.press('Tab');
  const index = labels.indexOf(wanted);
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  assert.ok(isContinue(await focused(page)), 'Tab from the options reaches Continue');
  await page.keyboard.press('Shift+Tab');
  const f = await focused(page);
  assert.deepEqual([f.text, f.checked], [wanted, true], 'Shift+Tab returns to the selected option');
  await tabUntil(page, isContinue, 'Continue');
  await page.keyboard.press('Enter');
}
