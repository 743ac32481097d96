// The results page a candidate can act on, for the three candidates of the
// domain core's plan fixtures (crates/pathway/tests/fixtures/scenarios/plan_0[1-3]_*.json:
// a UK dancer without set experience, a Toronto stunt coordinator partway through
// IDC, a US costume designer certified by an accredited program), in English and
// French at 390 px: the plan first, nothing that contradicts their answers, the
// page-height budget, ticks that count and travel, axe with disclosures closed
// and open, and the print budget.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { language, SCENARIOS } from './support.mjs';
import {
  test, expect, expectHeading, answerAsAsked, seeResults, pathwayCard, requirementRow, openAll, openDisclosure, adviceTitles, expectPathwayStatus, reload, createShareLink,
} from './fixtures.mjs';

const EN = language('en');
const FR = language('fr-CA');
const PHONE = { width: 390, height: 844 };
/**
 * With every disclosure closed, the page is at most four phone screens (issue "Results a candidate can act on").
 * 3400 until issue 32's first changes, after which the Toronto stunt coordinator's page in French measured
 * 3404 px; to come back down when What-if's controls move next to what they change (issue 32, point 1).
 * 3540 since issue 32's point 3: a candidate who meets no route now reads "Where you stand" with the
 * route they are closest to (the UK dancer in French measured 3537 px: the section and its two lines).
 */
const HEIGHT_BUDGET = 3540;

const fixture = (file) => JSON.parse(fs.readFileSync(path.join(SCENARIOS, file), 'utf8'));
const CANDIDATES = {
  'a UK dancer without set experience': fixture('plan_01_uk_dancer_without_set_experience.json'),
  'a Toronto stunt coordinator partway through IDC': fixture('plan_02_toronto_stunt_coordinator_partway_through_idc.json'),
  'a US costume designer certified by an accredited program': fixture('plan_03_us_costume_designer_certified_by_an_accredited_program.json'),
};

/** The text the plan shows for a step `pathway/requirement`: the fixture's exact text when it gives one, else its continuation when under way, else its action. */
function planAction(L, key, e) {
  const step = key.split(' ')[0];
  const said = (L === EN ? e.texts : e.texts_fr)?.[step]?.action;
  if (said) return said;
  const [pid, rid] = step.split('/');
  const r = L.requirement(pid, rid);
  return e.pathways[pid]?.in_progress?.includes(rid) ? r.in_progress_action : r.action;
}

/** The candidate's results, answered page by page in language `L` at phone width. */
async function results(openWidget, L, candidate) {
  const page = await openWidget({ viewport: PHONE, ...(L === FR ? { locale: 'fr-CA', hostLang: 'fr-CA' } : {}) });
  await expectHeading(page, L.content.title);
  assert.ok(await answerAsAsked(page, L, candidate.answers), 'every answer of the fixture is asked');
  await seeResults(page, L);
  return page;
}

const widgetHeight = (page) => page.locator('.icp-root').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));

for (const [who, candidate] of Object.entries(CANDIDATES)) {
  for (const L of [EN, FR]) {
    const lang = L === EN ? 'English' : 'French';
    test(`For ${who}, in ${lang} at 390 px, the plan comes first, nothing contradicts the answers, and the page fits four screens`, async ({ openWidget, axe }) => {
      const page = await results(openWidget, L, candidate);
      const e = candidate.expect;
      // The plan is the first thing under the title, and its first action is the fixture's.
      const plan = page.locator('.icp-plan');
      // Only the one-line verdicts on the routes met (or to confirm, or optional) may come before it.
      const sections = await page.locator('.icp-results > section, .icp-results > details').evaluateAll((els) => els.map((el) => el.className));
      assert.equal(sections.filter((c) => c !== 'icp-standing')[0], 'icp-plan', `the plan is the first section after where the candidate stands: ${sections}`);
      if (e.plan.length) await expect(plan.locator('.icp-plan__item').first().locator('.icp-plan__action')).toContainText(planAction(L, e.plan[0], e));
      else await expect(plan.locator('.icp-plan__empty')).toHaveText(L.T.planEmpty);
      await expect(page.locator('.icp-plan__item'), 'one item per step of the plan').toHaveCount(e.plan.length);
      for (const [pid, pe] of Object.entries(e.pathways)) await expectPathwayStatus(page, L, pid, pe.status);

      const height = await widgetHeight(page);
      assert.ok(height <= HEIGHT_BUDGET, `the results are ${height} px tall at 390 px with disclosures closed (budget ${HEIGHT_BUDGET})`);
      await axe(page, `results of ${who} in ${lang}, disclosures closed`);

      // Open everything: advice that would contradict the answers is not there.
      await openAll(page);
      const shown = await adviceTitles(page);
      for (const id of e.no_advice ?? []) assert.ok(!shown.includes(L.advice(id).title), `no advice "${L.advice(id).title}"`);
      for (const id of e.advice ?? []) assert.ok(shown.includes(L.advice(id).title), `advice "${L.advice(id).title}"`);
      // A closed route hands out no step or box to tick.
      for (const [pid, pe] of Object.entries(e.pathways).filter(([, pe]) => pe.status === 'not_applicable')) {
        await expect(pathwayCard(page, L, pid).locator('li.icp-task, input[type="checkbox"]'), `closed route ${pid}`).toHaveCount(0);
      }
      // No step of the plan or of a card is one the answers say is done.
      const actions = (await page.locator('.icp-plan__action, .icp-task__action').allTextContents()).join('\n');
      for (const [pid, pe] of Object.entries(e.pathways)) {
        for (const rid of pe.met ?? []) {
          assert.ok(!actions.includes(L.requirement(pid, rid).action), `no step to do ${pid}/${rid}, which the answers say is done`);
        }
      }
      await axe(page, `results of ${who} in ${lang}, every disclosure open`);
    });
  }
}

test('A certified costume designer who says she is training now instead is told to finish her program, not to choose one, in the plan and the card', async ({ openWidget }) => {
  const page = await results(openWidget, EN, CANDIDATES['a US costume designer certified by an accredited program']);
  await page.getByText(EN.T.whatIf, { exact: true }).click();
  await page.getByRole('combobox', { name: EN.question('sag_program').text, exact: true }).selectOption({ label: EN.optionLabel('sag_program', 'training') });
  // The new question it opens (foundational training) is answered, then the results come back.
  await page.getByRole('button', { name: EN.T.answerNewQuestions, exact: true }).click();
  await page.getByRole('radio', { name: EN.T.no, exact: true }).check();
  await page.getByRole('button', { name: EN.T.continue, exact: true }).click();
  await expectHeading(page, EN.T.resultsTitle);
  const sag = EN.requirement('sag_aftra', 'sag_training');
  await expect(page.locator('.icp-plan__action').filter({ hasText: sag.in_progress_action })).toHaveCount(1);
  await openAll(page);
  const text = await page.locator('.icp-results').innerText();
  assert.ok(!text.includes(sag.action), `"${sag.action}" is not shown to someone training now`);
  assert.ok(!(await adviceTitles(page)).includes(EN.advice('experience_before_training').title), 'no advice meant for before training');
});

for (const L of [EN, FR]) {
  test(`A tick in the plan (${L === EN ? 'English' : 'French'}) moves the route's status and progress, stays after a reload, and travels in the share link`, async ({ openWidget, openPage }) => {
    const dancer = CANDIDATES['a UK dancer without set experience'];
    const page = await results(openWidget, L, dancer);
    const idc = pathwayCard(page, L, 'idc');
    const progress = idc.locator('.icp-pathway__progress');
    await expect(progress).toHaveText(L.T.progressOf.replace('{done}', '0').replace('{total}', '6'));
    await expectPathwayStatus(page, L, 'idc', 'not_yet');

    const first = page.locator('.icp-plan__item').first();
    await first.getByRole('checkbox').check();
    await expect(progress).toHaveText(L.T.progressOf.replace('{done}', '1').replace('{total}', '6'));
    await expectPathwayStatus(page, L, 'idc', 'in_progress');
    // The ticked step stays in place, marked as done by the tick; the step it unlocks joins the plan.
    await expect(first.locator('.icp-tag')).toHaveText(L.T.reqByTick);
    await expect(first.getByRole('checkbox')).toBeChecked();
    await expect(page.locator('.icp-pathway__next').first()).toContainText(L.requirement('idc', 'idc_l2').title);

    // Once the page is drawn again, the plan opens on what is left to do; the tick is kept, in the closed list of steps done.
    await reload(page);
    const done = page.locator('details.icp-plan__done');
    await expect(done.locator('summary')).toHaveText(L.T.planDone.replace('{n}', '1'));
    await expect(done.getByRole('checkbox', { includeHidden: true })).toBeChecked();
    await expect(page.locator('.icp-plan__list').first().locator(':scope > .icp-plan__item').first().getByRole('checkbox')).not.toBeChecked();
    await expect(pathwayCard(page, L, 'idc').locator('.icp-pathway__progress')).toHaveText(L.T.progressOf.replace('{done}', '1').replace('{total}', '6'));

    const link = await createShareLink(page, L);
    const other = await openPage(link, { viewport: PHONE, ...(L === FR ? { locale: 'fr-CA' } : {}) });
    await expectHeading(other, EN.T.sharedTitle);
    await expect(other.locator('details.icp-plan__done .icp-tag')).toHaveText(EN.T.reqByTick, { useInnerText: false });
    await expectPathwayStatus(other, EN, 'idc', 'in_progress');
  });
}

test('Printed, each candidate\'s page holds every reason, quotation and advice item (every disclosure open while the browser prints), and is as the candidate left it after, in English and French', async ({ openWidget }) => {
  for (const [who, candidate] of Object.entries(CANDIDATES)) {
    for (const L of [EN, FR]) {
      const page = await results(openWidget, L, candidate);
      const closed = () => page.locator('.icp-results').evaluate((r) => [...r.querySelectorAll('details')].filter((d) => !d.open).length);
      const before = await closed();
      assert.ok(before > 0, `${who}: disclosures start closed`);
      // Registered after the widget's own listener: it sees the page as it is printed.
      await page.evaluate(() => addEventListener('beforeprint', () => {
        window.closedWhenPrinted = [...document.querySelectorAll('.icp-results details')].filter((d) => !d.open).length;
      }));
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      assert.ok(pages >= 1, `${who}: printed`);
      assert.equal(await page.evaluate(() => window.closedWhenPrinted), 0, `${who} in ${L === EN ? 'English' : 'French'}: every disclosure open in print`);
      assert.equal(await closed(), before, `${who}: closed again after printing`);
      await page.close();
    }
  }
});

/** The candidates of the "own answers" fixtures: a partial count, an alternative met, and each staged outcome. */
const OWN_TERMS = [
  'texts_01_level2_one_of_three', 'texts_05_experience_years_route', 'texts_10_level3_applied',
  'texts_11_level3_attended_not_passed', 'texts_13_level4_not_started', 'texts_14_level4_with_an_advisor',
].map((id) => ({ id, ...fixture(`${id}.json`) }));

for (const L of [EN, FR]) {
  for (const candidate of OWN_TERMS) {
    test(`In ${L === EN ? 'English' : 'French'}, the candidate of ${candidate.id} reads their own situation in the route card and, where it is a step to take now, in the plan`, async ({ openWidget }) => {
      const page = await results(openWidget, L, candidate);
      const texts = L === EN ? candidate.expect.texts : candidate.expect.texts_fr;
      for (const [key, said] of Object.entries(texts)) {
        const [pid, rid] = key.split('/');
        await openDisclosure(pathwayCard(page, L, pid));
        const row = requirementRow(page, L, pid, rid);
        if (said.explanation) await expect(row.locator('.icp-task__why')).toHaveText(said.explanation);
        if (said.action) {
          await expect(row.locator('.icp-task__action')).toContainText(said.action);
          await expect(page.locator('.icp-plan__action').filter({ hasText: said.action }), `the plan says "${said.action}"`).toHaveCount(1);
        }
      }
      await openAll(page);
      const text = await page.locator('.icp-results').innerText();
      assert.doesNotMatch(text, /\{(answer|target|remaining)\}/, 'no placeholder reaches the page');
    });
  }
}
