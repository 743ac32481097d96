// An organization's definition in two languages (issue "For organizations"):
// its `translations` name the other file, the widget offers the same switch
// as the built-in content, and a file that says something else than the
// definition (a changed rule) is refused, with the place logged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { language, ROOT } from './support.mjs';
import { test, expect, widgetReady, button, expectHeading, languageSwitch, completeScenario, embedPage } from './fixtures.mjs';

const read = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'definitions', name), 'utf8'));
const EN = language('en', read('course.en.json'));
const FR = language('fr-CA', read('course.fr-CA.json'));
const ANSWERS = { level1: true, set_hours: 120, first_aid: 'mental_health' };

const COURSE = '<ic-pathfinder storage-key="course" definition="course.en.json"></ic-pathfinder>';
/** A host page in `lang` with the course's element (or `markup`), beside the examples; `before(page)` runs before it loads. */
const open = (openPage, embed, lang, before, markup = COURSE) =>
  openPage(embedPage(embed, `course-${lang}.html`, markup, { lang }), { viewport: { width: 1200, height: 900 }, beforeLoad: before });

test('An organization\'s definition with a French translation offers the switch, and the French candidate completes it in French', async ({ openPage, embed }) => {
  const p = await open(openPage, embed, 'en');
  await expectHeading(p, EN.content.title);
  await expect(languageSwitch(p)).toHaveText(FR.T.languageName);
  await languageSwitch(p).click();
  await expectHeading(p, FR.content.title);
  assert.equal(await p.locator('.icp-root').getAttribute('lang'), 'fr-CA');
  await completeScenario(p, FR, ANSWERS);
  await p.getByText(FR.pathway('course').title, { exact: true }).first().waitFor();
});

test('A French host page gets an organization\'s definition in its French version from the start', async ({ openPage, embed }) => {
  const p = await open(openPage, embed, 'fr-CA');
  await expectHeading(p, FR.content.title);
  await button(p, FR.T.start).click();
  await expectHeading(p, FR.question('level1').text);
});

test('A translation that changes a rule is not used: the switch says the language could not be loaded and the console names the place', async ({ openPage, embed }) => {
  const errors = [];
  const fr = fs.readFileSync(path.join(ROOT, 'examples', 'definitions', 'course.fr-CA.json'), 'utf8').replace('"value": 100', '"value": 10');
  const p = await open(openPage, embed, 'en', async (pg) => {
    pg.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await pg.route('**/examples/course.fr-CA.json', (r) => r.fulfill({ contentType: 'application/json', body: fr }));
  });
  await widgetReady(p);
  await languageSwitch(p).click();
  await p.getByText(EN.T.languageUnavailable, { exact: true }).waitFor();
  await expectHeading(p, EN.content.title);
  assert.ok(errors.some((e) => e.includes('pathways[0].requirements[1].met_when.compare.value: 100 in the en version but 10 in the fr-CA version')), errors.join('\n'));
});

test('After a redirect, the translation is found beside the file the definition ended up at', async ({ openPage, embed }) => {
  const moved = COURSE.replace('definition="course.en.json"', 'definition="old/course.json"');
  const p = await open(openPage, embed, 'en', (pg) => pg.route('**/examples/old/course.json', (r) => r.fulfill({ status: 302, headers: { location: embed.url('examples/course.en.json') } })), moved);
  await expectHeading(p, EN.content.title);
  await languageSwitch(p).click();
  await expectHeading(p, FR.content.title);
});
