// The definition studio (dist-embed/studio.html), as an organization's editor
// works in it: the small example opened, a misspelt field found and fixed,
// broken JSON located by line and column, answers tried and exported as a
// scenario fixture that icp-check then runs; the same words as icp-check for
// every problem; axe; nothing asked of any other origin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT, EMBED_DIST, language } from './support.mjs';
import { test, expect, answer, button, languageSwitch } from './fixtures.mjs';

const SMALL = fs.readFileSync(path.join(ROOT, 'examples/definitions/small.json'), 'utf8');
/** The built-in content as the studio loads it: indented, one field a line. */
const BUILTIN = JSON.stringify(JSON.parse(fs.readFileSync(path.join(EMBED_DIST, 'default.en.json'), 'utf8')), null, 2);
const COURSE = fs.readFileSync(path.join(ROOT, 'examples/definitions/course.en.json'), 'utf8');
const COURSE_FR = fs.readFileSync(path.join(ROOT, 'examples/definitions/course.fr-CA.json'), 'utf8');
const INVALID = ['examples/definitions/invalid.json', ...fs.readdirSync(path.join(ROOT, 'examples/definitions/invalid')).sort().map((f) => `examples/definitions/invalid/${f}`)];

/** icp-check, built natively by the test command's first step. */
function icpCheck(...args) {
  return spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'icp-check', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

async function openStudio(openPage, embed, options = {}) {
  const page = await openPage(embed.url('studio.html'), { viewport: { width: 1400, height: 1000 }, ...options });
  await page.locator('html[data-studio-ready]').waitFor();
  return page;
}

const editor = (page) => page.getByRole('textbox', { name: 'Definition (JSON)', exact: true });
const problems = (page) => page.getByRole('list', { name: 'Problems' }).getByRole('button');
const selected = (page) => editor(page).evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
const previewTitle = (page) => page.locator('#studio-preview .icp-root[data-icp-live] .icp-start__title');
const status = (page) => page.locator('#studio-status');
const builtinButton = (page) => page.getByRole('button', { name: 'Start from the built-in content', exact: true });
const replaceQuestion = (page) => page.getByRole('alertdialog', { name: /replaces the definition in the editor with the built-in content/ });

test('An editor opens the small example, misspells a field, sees the located error, lands on it with a click, and the preview follows the fix', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await page.getByRole('button', { name: 'Start from the small example', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await expect(previewTitle(page)).toHaveText('Can you join our intimacy coordination course?');

  await editor(page).fill(SMALL.replace('"text": "Have you completed', '"textt": "Have you completed'));
  await expect(problems(page)).toHaveCount(1);
  await expect(problems(page).first()).toHaveText(/^questions\[0\]\.textt: unknown field `textt`, expected one of `id`/);
  await problems(page).first().click();
  assert.equal(await selected(page), '"textt": "Have you completed a Level 1 intimacy workshop?"', 'the click lands on the misspelt field');
  await expect(editor(page)).toBeFocused();

  await editor(page).fill(SMALL.replace('Can you join our intimacy coordination course?', 'Can you join our spring course?'));
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await expect(problems(page)).toHaveCount(0);
  await expect(previewTitle(page)).toHaveText('Can you join our spring course?');
});

test('Broken JSON is reported by line and column, and a click selects that place', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  const broken = SMALL.replace('"type": "yes_no"\n    },', '"type": "yes_no"\n    }');
  await editor(page).fill(broken);
  await expect(problems(page).first()).toHaveText('expected `,` or `]` at line 18 column 5');
  await problems(page).first().click();
  const start = await editor(page).evaluate((t) => t.selectionStart);
  const line = broken.slice(0, start).split('\n').length;
  assert.equal(line, 18, `the selection is on line 18 (it is at offset ${start}, line ${line})`);
});

test('Answers loaded into the studio show their checklist, and their scenario fixture passes icp-check --scenarios', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await page.getByRole('button', { name: 'Start from the small example', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await page.locator('#studio-answers-file').setInputFiles(path.join(ROOT, 'examples/definitions/small.answers.json'));
  const checklist = page.getByRole('table', { name: 'The checklist for these answers' });
  await expect(checklist.getByRole('row', { name: 'Our intimacy coordination course In progress' })).toBeVisible();
  await page.getByLabel('Name of the scenario (a sentence)').fill('A candidate with 40 hours on set and physical first aid is on the way to the course.');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as a scenario fixture', exact: true }).click();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-studio-'));
  const file = path.join(dir, 'exported.json');
  await (await download).saveAs(file);
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(fixture.name, 'A candidate with 40 hours on set and physical first aid is on the way to the course.');
  assert.equal(fixture.expect.pathways.course.status, 'in_progress');
  const run = icpCheck('examples/definitions/small.json', '--scenarios', dir);
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /^passed .*exported\.json: A candidate with 40 hours/m);
  assert.match(run.stdout, /1 scenarios: 1 passed, 0 failed/);
  fs.rmSync(dir, { recursive: true });
});

test('Every problem the studio shows is the text icp-check prints for the same file, over the invalid examples', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  for (const file of INVALID) {
    const report = JSON.parse(icpCheck(file, '--format', 'json').stdout);
    assert.equal(report.valid, false, `${file} is one of the invalid examples`);
    const printed = report.problems.map((p) => (p.path === '.' ? p.message : `${p.path}: ${p.message}`));
    await editor(page).fill(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    await expect(problems(page), file).toHaveText(printed);
  }
});

test('The studio keeps the work in this browser across a reload, asks nothing of any other origin, and has no WCAG A/AA violation with a problem shown', async ({ openPage, embed, axe }) => {
  const page = await openStudio(openPage, embed);
  await editor(page).fill(SMALL.replace('"type": "yes_no"', '"type": "yes-no"'));
  await expect(problems(page)).toHaveCount(1);
  // Checked before axe, whose own inline styles the page's policy refuses.
  const violations = () => page.consoleErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e));
  assert.deepEqual(violations(), [], 'policy violations');
  await axe(page, 'studio with a problem');
  page.consoleErrors.length = 0;
  await page.reload();
  await page.locator('html[data-studio-ready]').waitFor();
  assert.ok((await editor(page).inputValue()).includes('"type": "yes-no"'), 'the draft came back');
  await expect(problems(page)).toHaveCount(1);
  const foreign = page.requests.filter((u) => !u.startsWith(`${embed.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(violations(), [], 'policy violations after the reload');
});

test('The studio on a phone puts the editor, the preview and the answers one under the other, with no horizontal scrolling', async ({ openPage, embed, axe }) => {
  const page = await openStudio(openPage, embed, { viewport: { width: 390, height: 844 } });
  await expect(previewTitle(page)).toBeVisible();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no horizontal scrolling');
  await axe(page, 'studio at 390 px');
});

test('Beside another language version, the studio flags every id in one and not the other, and each difference selects its place', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await page.getByRole('button', { name: 'Start from the built-in content', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare the built-in content in French', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The two versions say the same thing' })).toBeVisible();
  const french = fs.readFileSync(path.join(ROOT, 'content/default.fr-CA.json'), 'utf8');
  const other = page.getByRole('textbox', { name: 'The other language (JSON)', exact: true });
  // Pasted (fill() types the 47 KB file slower than the test's time limit).
  await other.evaluate((t, value) => { t.value = value; t.dispatchEvent(new Event('input', { bubbles: true })); }, french.replace('"id": "mhfa"', '"id": "mhfa_fr"'));
  const mine = page.getByRole('list', { name: 'Ids in yours' });
  const theirs = page.getByRole('list', { name: 'Ids in the other' });
  // The question, and its options (named under it).
  const options = JSON.parse(french).questions.find((q) => q.id === 'mhfa').options.map((o) => o.id);
  const flagged = (id, lang) => [`question ${id}`, ...options.map((o) => `option ${id}/${o}`)].map((x) => `${x} (not in the ${lang} version)`);
  await expect(mine.getByRole('listitem').filter({ hasText: 'not in the fr-CA version' })).toHaveText(flagged('mhfa', 'fr-CA'));
  await expect(theirs.getByRole('listitem').filter({ hasText: 'not in the en version' })).toHaveText(flagged('mhfa_fr', 'en'));
  const differences = page.getByRole('list', { name: 'Differences' }).getByRole('button');
  await expect(differences.first()).toHaveText(/^questions\[\d+\]\.id: /);
  await differences.first().click();
  assert.equal(await other.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd)), '"id": "mhfa_fr"', 'the click lands on the changed id');
});

test('A kept draft of another studio version is set aside, not written over', async ({ openPage, embed }) => {
  const page = await openPage(null, { viewport: { width: 1400, height: 1000 } });
  await page.goto(embed.url('studio-example.json'));
  await page.evaluate(() => localStorage.setItem('icp-studio:draft', JSON.stringify({ version: 99, text: 'a newer studio\'s work' })));
  await page.goto(embed.url('studio.html'));
  await page.locator('html[data-studio-ready]').waitFor();
  await editor(page).fill(SMALL);
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('icp-studio:draft:set-aside:')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept.map((k) => JSON.parse(k).text), ['a newer studio\'s work']);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('icp-studio:draft'))).version, 1);
  // And the page says so, not only the console.
  await expect(page.locator('#studio-draft-status')).toContainText('set aside, not lost');
});

test('A draft the browser cannot keep (storage full, or too large) is said on the page, with what to do', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed, {
    beforeLoad: (p) => p.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'icp-studio:draft') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    }),
  });
  await editor(page).fill(SMALL);
  await expect(page.locator('#studio-draft-status')).toHaveText(/could not be kept in this browser .* use Download to keep your work\./);
  await expect(page.locator('#studio-draft-status')).toBeVisible();
});

test('Answers picked in the preview are taken into Try answers, with their checklist', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await page.getByRole('button', { name: 'Start from the small example', exact: true }).click();
  await expect(previewTitle(page)).toBeVisible();
  await page.getByRole('button', { name: 'Use the answers given in the preview', exact: true }).click();
  await expect(page.getByText('The preview holds no answers yet: answer some of its questions first.', { exact: true })).toBeVisible();
  const preview = page.locator('#studio-preview');
  const L = language('en', JSON.parse(SMALL));
  await button(preview, L.T.start).click();
  await answer(preview, L, 'level1', true);
  await answer(preview, L, 'set_hours', 40);
  await page.getByRole('button', { name: 'Use the answers given in the preview', exact: true }).click();
  assert.deepEqual(JSON.parse(await page.getByLabel('Answers (JSON)').inputValue()), { level1: true, set_hours: 40 });
  const checklist = page.getByRole('table', { name: 'The checklist for these answers' });
  await expect(checklist.getByRole('row', { name: 'Our intimacy coordination course In progress' })).toBeVisible();
});

test('A definition opened from a file is checked at once, and Download saves the text as written, named by its id', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await page.locator('#studio-file').setInputFiles(path.join(ROOT, 'examples/definitions/invalid.json'));
  const report = JSON.parse(icpCheck('examples/definitions/invalid.json', '--format', 'json').stdout);
  await expect(problems(page)).toHaveText(report.problems.map((p) => `${p.path}: ${p.message}`));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'broken-example.json');
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-studio-')), 'saved.json');
  await file.saveAs(saved);
  assert.equal(fs.readFileSync(saved, 'utf8'), fs.readFileSync(path.join(ROOT, 'examples/definitions/invalid.json'), 'utf8'));
});

test('Start from the built-in content asks first when the editor holds an edit: Cancel keeps the edit, Yes replaces it', async ({ openPage, embed, axe }) => {
  const page = await openStudio(openPage, embed);
  const edited = SMALL.replace('Can you join our intimacy coordination course?', 'Can you join our spring course?');
  await editor(page).fill(edited);
  await expect(previewTitle(page)).toHaveText('Can you join our spring course?');
  await builtinButton(page).click();
  const question = replaceQuestion(page);
  await expect(question).toBeFocused();
  await expect(builtinButton(page)).toHaveAttribute('aria-expanded', 'true');
  assert.equal(await editor(page).inputValue(), edited, 'nothing is replaced while asking');
  await axe(page, 'studio asking before replacing the text');

  await question.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(question).toBeHidden();
  await expect(builtinButton(page)).toBeFocused();
  await expect(builtinButton(page)).toHaveAttribute('aria-expanded', 'false');
  assert.equal(await editor(page).inputValue(), edited, 'Cancel keeps the edit');

  // Escape is Cancel too, from the keyboard.
  await builtinButton(page).press('Enter');
  await expect(question).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(builtinButton(page)).toBeFocused();
  assert.equal(await editor(page).inputValue(), edited, 'Escape keeps the edit');

  await builtinButton(page).click();
  await question.getByRole('button', { name: 'Yes, replace my text', exact: true }).click();
  await expect(question).toBeHidden();
  await expect(editor(page)).toHaveValue(BUILTIN);
  await expect(status(page)).toHaveText('No problems: the definition is valid. The preview shows it.');
  await expect(builtinButton(page)).toBeFocused();
});

test('The built-in content loads indented, one field a line, and without a question when the editor is empty or holds it already', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  await editor(page).fill('');
  await builtinButton(page).click();
  await expect(editor(page)).toHaveValue(BUILTIN);
  await expect(replaceQuestion(page)).toHaveCount(0);
  const rows = (await editor(page).inputValue()).split('\n');
  assert.ok(rows.length > 1000, `${rows.length} lines`);
  assert.ok(Math.max(...rows.map((r) => r.length)) < 1000, 'no line holds the whole file');
  await expect(page.locator('#studio-lines')).toHaveText(new RegExp(`\\n${rows.length}$`));
  // Already there: loaded again (back at its top), not asked about.
  await editor(page).evaluate((t) => { t.scrollTop = 4000; });
  await builtinButton(page).click();
  await expect.poll(() => editor(page).evaluate((t) => t.scrollTop)).toBe(0);
  await expect(replaceQuestion(page)).toHaveCount(0);
  await expect(editor(page)).toHaveValue(BUILTIN);
});

test('A definition whose other language cannot be loaded does not show "No problems": the status says so, as the preview does', async ({ openPage, embed }) => {
  const page = await openStudio(openPage, embed);
  // Its translations file, course.fr-CA.json, is looked for beside studio.html, where there is none.
  await editor(page).fill(COURSE);
  await expect(status(page)).toHaveText(/^The other language \(fr-CA\) could not be loaded: 1 problem, select one to go to its place\./);
  await expect(problems(page)).toHaveText(['translations.fr-CA: the fr-CA version course.fr-CA.json could not be loaded: the server answered 404 Not Found']);
  await problems(page).first().click();
  assert.equal(await selected(page), '"fr-CA": "course.fr-CA.json"', 'the click lands on the file named');
  // The preview, asked for French, says the same thing, while the status still does.
  await expect(previewTitle(page)).toBeVisible();
  await languageSwitch(page).click();
  await expect(page.locator('#studio-preview').getByText('The other language could not be loaded.', { exact: true })).toBeVisible();
  await expect(status(page)).not.toContainText('No problems');

  // There but unreadable: not a definition.
  embed.set('/course.fr-CA.json', { body: '{"id": "stage-combat-school-bilingual",', type: 'application/json' });
  await editor(page).fill(`${COURSE}\n`);
  await expect(problems(page)).toHaveText([/^translations\.fr-CA: the fr-CA version course\.fr-CA\.json is not a valid definition: EOF while parsing a value at line 1 column 39$/]);
  await expect(status(page)).toHaveText(/^The other language \(fr-CA\) could not be loaded/);

  // There and a translation: no problems.
  embed.set('/course.fr-CA.json', { body: COURSE_FR, type: 'application/json' });
  await editor(page).fill(COURSE);
  await expect(status(page)).toHaveText('No problems: the definition is valid. The preview shows it.');
  await expect(problems(page)).toHaveCount(0);
});
