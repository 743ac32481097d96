// Forget's reach and the kept list (issue 33, points 2, 6 and 12): Forget
// removes exactly its own storage key's records, from both localStorage and
// sessionStorage whatever the `storage` mode, and says what it did; a tab or
// widget holding the same answers starts afresh instead of saving them back;
// a storage key that could reach another key's records is refused in plain
// words; a kept list that cannot be read is set aside, and Keep goes on.
import assert from 'node:assert/strict';
import { STORAGE_KEY, language, linkValue, CANDIDATES } from './support.mjs';
import { test, expect, widgetReady, button, expectHeading, answer, savedProgress, embedPage } from './fixtures.mjs';

const EN = language('en');
const OTHER_KEY = 'icp:org-b@other';

/** Every key the page's origin holds in `localStorage` and `sessionStorage` that begins with `icp:`, sorted. */
const icpKeys = (page) => page.evaluate(() => [localStorage, sessionStorage].map((s) => Object.keys(s).filter((k) => k.startsWith('icp:')).sort()));

/** From the start page of `scope`, answers the first `n` questions of the newcomer. */
async function answerFirst(scope, n) {
  await button(scope, EN.T.start).click();
  for (const [id, value] of Object.entries(CANDIDATES.newcomer).slice(0, n)) await answer(scope, EN, id, value);
}

/** Presses "Forget my answers on this device" in `scope` and confirms. */
async function forget(scope) {
  await button(scope, EN.T.forget).click();
  await scope.getByRole('alertdialog').getByRole('button', { name: EN.T.confirmForgetYes, exact: true }).click();
}

const notice = (scope, text) => scope.getByRole('status').filter({ hasText: text });

test('Forget under storage-key "org" removes that key\'s records only, not those of "org:branch-b", "org@x", "org-b" or "organization"', async ({ openPage, embed }) => {
  const page = await openPage(embedPage(embed, 'forget-org.html', '<ic-pathfinder storage-key="org"></ic-pathfinder>'));
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  const ours = ['icp:org', 'icp:org:unreadable', 'icp:org:previous:other', 'icp:org@ic-pathfinder-default', 'icp:org@ic-pathfinder-default:kept',
    'icp:org@ic-pathfinder-default:unreadable', 'icp:org@ic-pathfinder-default:kept:unreadable', 'icp:org@other'];
  // Records of other keys: two that earlier versions let through (org:branch-b, org@x), two that merely begin with "org".
  const theirs = ['icp:org:branch-b@ic-pathfinder-default', 'icp:org@x@ic-pathfinder-default', 'icp:org-b@ic-pathfinder-default', 'icp:organization@other'];
  await page.evaluate((keys) => keys.forEach((k) => localStorage.setItem(k, '{}')), [...ours, ...theirs]);
  await forget(widget);
  await notice(widget, EN.T.noticeForgotten).waitFor();
  const [local] = await icpKeys(page);
  assert.deepEqual(local, [...theirs].sort(), 'only the other keys\' records are left');
});

test('A storage key holding a character other than letters, digits, "-", "_" and "." shows the error panel in plain words, with the rule for the editors and in the console', async ({ openPage, embed }) => {
  const page = await openPage(embedPage(embed, 'bad-keys.html',
    '<ic-pathfinder id="at" storage-key="org@x"></ic-pathfinder><ic-pathfinder id="colon" storage-key="org:branch-b"></ic-pathfinder><div id="api"></div>'
    + '<script type="module">import { mount } from "../ic-pathfinder.js"; window.mounted = mount(document.getElementById("api"), { storageKey: "my org" });</script>'));
  for (const [id, key, refused] of [['#at', 'org@x', "'@'"], ['#colon', 'org:branch-b', "':'"], ['#api', 'my org', "' '"]]) {
    const widget = page.locator(id);
    await widget.getByRole('heading', { name: EN.T.errorTitle, exact: true }).waitFor();
    await expect(widget.locator('.icp-error-panel')).toContainText(`the storage-key "${key}" cannot be used: a storage key may hold only the letters A to Z and a to z, the digits 0 to 9, "-", "_" and ".", not ${refused}`);
    await expect(button(widget, EN.T.start), 'no questionnaire').toHaveCount(0);
    await expect(button(widget, EN.T.forget), 'no Forget that could reach another key').toHaveCount(0);
    await expect.poll(() => page.consoleErrors.some((e) => e.startsWith(`IC Pathfinder: the storage-key "${key}" cannot be used`)), `the console names ${key}`).toBe(true);
  }
  assert.equal(await page.evaluate(async () => (await window.mounted).mounted), true, 'mount() resolves with the panel shown');
});

for (const [mode, seed] of [
  ['session', { local: true, session: false }],
  ['none', { local: true, session: true }],
  ['local', { local: false, session: true }],
]) {
  test(`With storage="${mode}", Forget also removes the records an earlier visit left under the key in ${[seed.local && 'localStorage', seed.session && 'sessionStorage'].filter(Boolean).join(' and ')}, and says they were removed`, async ({ openPage, embed }) => {
    const page = await openPage(embedPage(embed, `forget-${mode}.html`, `<ic-pathfinder storage="${mode}"></ic-pathfinder>`));
    const widget = page.locator('ic-pathfinder');
    await widgetReady(widget);
    // Left when the organization chose another mode, after this page opened.
    await page.evaluate(({ key, other, seed }) => {
      for (const [area, on] of [[localStorage, seed.local], [sessionStorage, seed.session]]) {
        if (!on) continue;
        area.setItem(key, '{"format":1}');
        area.setItem(`${key}:kept`, '[]');
        area.setItem('icp:default:previous:other', '{}');
      }
      localStorage.setItem(other, '{}');
    }, { key: STORAGE_KEY, other: OTHER_KEY, seed });
    await answerFirst(widget, 1);
    await forget(widget);
    await notice(widget, EN.T.noticeForgotten).waitFor();
    await expectHeading(widget, EN.content.title);
    assert.deepEqual(await icpKeys(page), [[OTHER_KEY], []], 'nothing under the key in either area; another key\'s record stays');
  });
}

test('With storage="none" and nothing ever saved in this browser, Forget says the answers were cleared from the page only, and writes nothing to storage', async ({ openPage, embed }) => {
  const page = await openPage(embedPage(embed, 'forget-none-empty.html', '<ic-pathfinder storage="none"></ic-pathfinder>'), {
    beforeLoad: (p) => p.addInitScript(() => {
      window.icpWrites = [];
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function record(key, value) { window.icpWrites.push(key); return setItem.call(this, key, value); };
    }),
  });
  const widget = page.locator('ic-pathfinder');
  await widgetReady(widget);
  await answerFirst(widget, 2);
  await forget(widget);
  await notice(widget, EN.T.noticeForgottenNothingSaved).waitFor();
  await expect(notice(widget, EN.T.noticeForgotten)).toHaveCount(0);
  assert.deepEqual(await icpKeys(page), [[], []]);
  assert.deepEqual(await page.evaluate(() => window.icpWrites.filter((k) => k.startsWith('icp:'))), [], 'not even a passing signal');
});

test('After Forget in one tab, a second tab showing the same answers starts afresh, says why, and never saves them back', async ({ openWidget, demo }) => {
  const first = await openWidget();
  await answerFirst(first, 2);
  const forgotten = await savedProgress(first);
  const second = await first.context().newPage();
  await second.goto(`${demo.origin}/`);
  await button(second, EN.T.resume).click();
  await expectHeading(second, EN.question(Object.keys(CANDIDATES.newcomer)[2]).text);

  await forget(first);
  await notice(first, EN.T.noticeForgotten).waitFor();
  await notice(second, EN.T.noticeForgottenElsewhere).waitFor();
  await expectHeading(second, EN.content.title);
  await expect(button(second, EN.T.keepHere), 'no choice that would write the forgotten answers back').toHaveCount(0);
  await expect(button(second, EN.T.resume)).toHaveCount(0);
  assert.deepEqual(await icpKeys(second), [[], []]);

  // The second tab's next change is the candidate's new answer, alone.
  const [id, value] = Object.entries(CANDIDATES.newcomer)[0];
  await button(second, EN.T.start).click();
  await answer(second, EN, id, value);
  await expect.poll(async () => Object.keys((await savedProgress(second))?.answers ?? {})).toEqual([id]);
  assert.equal(Object.keys(forgotten.answers).length, 2, 'two answers had been forgotten');
});

test('Two widgets with the same storage key on one page: Forget in one starts the other afresh, and each says what happened to it', async ({ openPage, embed }) => {
  const page = await openPage(embedPage(embed, 'forget-twice.html', '<ic-pathfinder id="a" storage-key="same"></ic-pathfinder><ic-pathfinder id="b" storage-key="same"></ic-pathfinder>'));
  const [a, b] = [page.locator('#a'), page.locator('#b')];
  await widgetReady(a);
  await widgetReady(b);
  await answerFirst(a, 1);
  await button(b, EN.T.useElsewhere).click();
  await button(b, EN.T.resume).waitFor();

  await forget(a);
  await notice(a, EN.T.noticeForgotten).waitFor();
  await notice(b, EN.T.noticeForgottenElsewhere).waitFor();
  await expect(notice(a, EN.T.noticeForgottenElsewhere), 'the widget used says what it did, not what the other heard').toHaveCount(0);
  await button(b, EN.T.start).waitFor();
  assert.deepEqual(await icpKeys(page), [[], []]);
});

test('A kept list that cannot be read is set aside as it was, and keeping a share link\'s answers still keeps the candidate\'s own, which can be restored', async ({ demoPage: page }) => {
  await answerFirst(page, 2);
  const own = await savedProgress(page);
  await page.evaluate((key) => localStorage.setItem(`${key}:kept`, '{not json'), STORAGE_KEY);

  await page.evaluate((h) => { location.hash = h; }, `icp=${linkValue(EN.content.id, CANDIDATES.idiCanada)}`);
  await expectHeading(page, EN.T.sharedTitle);
  await button(page, EN.T.keepShared).click();
  await expectHeading(page, EN.T.resultsTitle);
  await notice(page, EN.T.noticeKept).waitFor();
  await expect(notice(page, EN.T.noticeNoStorage), 'storage works: no word of it failing').toHaveCount(0);
  assert.deepEqual((await savedProgress(page)).answers, CANDIDATES.idiCanada);
  const kept = await page.evaluate((key) => [localStorage.getItem(`${key}:kept`), localStorage.getItem(`${key}:kept:unreadable`)], STORAGE_KEY);
  assert.deepEqual(JSON.parse(kept[0]).map((r) => r.answers), [own.answers], 'a new list, with the candidate\'s own answers');
  assert.deepEqual(JSON.parse(kept[1]), ['{not json'], 'the unreadable list, as it was');

  await button(page, EN.T.restoreKept).click();
  await button(page, EN.T.resume).waitFor();
  assert.deepEqual((await savedProgress(page)).answers, own.answers);
});
