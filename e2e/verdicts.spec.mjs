// Verdicts a candidate can trust (issue 26), read as a candidate on a phone
// (390 px) in both languages: what an organization decides is never shown as
// met, ambiguous wording keeps the route open, and the plan is what is left to do.
import assert from 'node:assert/strict';
import path from 'node:path';
import { language, scenarios, ROOT, CANDIDATES } from './support.mjs';
import { test, expect, expectHeading, answerAsAsked, seeResults, pathwayCard, requirementRow, expectPathwayStatus, expectRequirement, expectText, openDisclosure, openAll, reload, button } from './fixtures.mjs';

const LANGS = ['en', 'fr-CA'];
const FIXTURES = Object.fromEntries(scenarios().map((s) => [s.id, s]));
const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** The demo page on a phone in `lang`, the candidate's answers given page by page, on the results. */
async function resultsFor(openWidget, lang, answers) {
  const L = language(lang);
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const page = await openWidget(lang === 'en' ? phone : { ...phone, locale: 'fr-CA', hostLang: 'fr-CA' });
  assert.ok(await answerAsAsked(page, L, answers), 'the candidate completes the questionnaire');
  await seeResults(page, L);
  return { page, L };
}
const standing = (page) => page.locator('.icp-standing');
const plan = (page) => page.locator('.icp-plan');
/** A requirement's explanation, its card opened first. */
async function explanation(page, L, pid, rid) {
  await openDisclosure(pathwayCard(page, L, pid));
  return requirementRow(page, L, pid, rid).locator('.icp-task__why');
}
/** The name of an organization in a `{who}` template. */
const who = (L, template, org) => template.replace('{who}', L.content.organizations.find((o) => o.id === org).name);
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

for (const lang of LANGS) {
  const L = language(lang);

  test(`A self-declared equivalence is ICC's to confirm: "Met if ICC agrees", and the plan's step is to ask ICC (${lang}, 390 px)`, async ({ openWidget, axe }) => {
    const { page } = await resultsFor(openWidget, lang, FIXTURES.confirm_02_equivalent_experience_is_for_icc_to_confirm_in_the_plan.answers);
    await expect(standing(page)).toContainText(who(L, L.T.statusToConfirm, 'icc'));
    const first = plan(page).locator('.icp-plan__item').first();
    await expect(first.locator('.icp-tag')).toHaveText(who(L, L.T.reqToConfirm, 'icc'));
    await expect(first).toContainText(L.requirement('icc', 'icc_level3').confirm_action);
    await expectPathwayStatus(page, L, 'icc', 'to_confirm');
    await expectRequirement(page, L, 'icc', 'icc_level3', 'to_confirm');
    await expectText(await explanation(page, L, 'icc', 'icc_level3'), L.requirement('icc', 'icc_level3').alternatives[2].confirm, 'why');
    await shot(page, `verdicts-equivalence-${lang}`);
    await axe(page, 'results with a step to confirm');
  });

  test(`A Canadian citizen living abroad keeps ICC's route, the citizenship item in ICC's words and marked for ICC to confirm (${lang}, 390 px)`, async ({ openWidget }) => {
    const { page } = await resultsFor(openWidget, lang, FIXTURES.citizenship_01_canadian_citizen_living_abroad.answers);
    await expectPathwayStatus(page, L, 'icc', 'to_confirm');
    await expectRequirement(page, L, 'icc', 'icc_citizenship', 'to_confirm');
    await expect(requirementRow(page, L, 'icc', 'icc_citizenship').locator('.icp-task__name')).toHaveText(L.requirement('icc', 'icc_citizenship').title);
    await expectText(await explanation(page, L, 'icc', 'icc_citizenship'), L.requirement('icc', 'icc_citizenship').alternatives[1].confirm, 'why');
    // Every other ICC item is still shown.
    await expect(pathwayCard(page, L, 'icc').locator('li.icp-task')).toHaveCount(L.pathway('icc').requirements.length);
    await shot(page, `verdicts-citizen-abroad-${lang}`);
  });

  test(`A permanent resident who is not a citizen keeps ICC's route with that one item for ICC to confirm (${lang}, 390 px)`, async ({ openWidget }) => {
    const { page } = await resultsFor(openWidget, lang, FIXTURES.citizenship_02_permanent_resident_not_a_citizen.answers);
    await expectPathwayStatus(page, L, 'icc', 'to_confirm');
    await expectText(await explanation(page, L, 'icc', 'icc_citizenship'), L.requirement('icc', 'icc_citizenship').alternatives[2].confirm, 'why');
    for (const rid of ['icc_level3', 'icc_experience', 'icc_movement', 'icc_sex_ed', 'icc_mhfa']) await expectRequirement(page, L, 'icc', rid, 'met');
  });

  test(`A theatre-track Level 3 is told what it means, and SAG-AFTRA decides whether that certification counts (${lang}, 390 px)`, async ({ openWidget }) => {
    const { page } = await resultsFor(openWidget, lang, FIXTURES.level3_01_theatre_track_certification_is_for_sag_aftra_to_judge.answers);
    await expectPathwayStatus(page, L, 'idc', 'met');
    await expectPathwayStatus(page, L, 'sag_aftra', 'to_confirm');
    await expect(standing(page)).toContainText(who(L, L.T.statusToConfirm, 'sag_aftra'));
    await expectText(await explanation(page, L, 'sag_aftra', 'sag_training'), L.requirement('sag_aftra', 'sag_training').alternatives[2].confirm, 'why');
    await openAll(page);
    const advice = L.content.advice.find((a) => a.id === 'idc_theatre_track');
    await expect(pathwayCard(page, L, 'idc').locator('.icp-advice__item').filter({ hasText: advice.title })).toContainText(advice.text);
    await shot(page, `verdicts-theatre-track-${lang}`);
  });

  test(`An IC certified by another accredited program is not told to start with IDC Level 1: IDC is optional for them (${lang}, 390 px)`, async ({ openWidget }) => {
    const { page } = await resultsFor(openWidget, lang, FIXTURES.plan_03_us_costume_designer_certified_by_an_accredited_program.answers);
    await expectPathwayStatus(page, L, 'sag_aftra', 'met');
    await expect(standing(page)).toContainText(L.pathway('idc').optional);
    await expect(standing(page)).toContainText(L.T.optionalForYou);
    await expect(plan(page)).not.toContainText(L.requirement('idc', 'idc_l1').action);
    await expect(pathwayCard(page, L, 'idc').locator('.icp-pathway__state')).toContainText(L.T.optionalForYou);
    await shot(page, `verdicts-certified-elsewhere-${lang}`);
  });

  test(`Three steps ticked, then a reload: the plan opens on steps still to do, the ticked ones in a closed list under it (${lang}, 390 px)`, async ({ openWidget }) => {
    const { page } = await resultsFor(openWidget, lang, CANDIDATES.newcomer);
    const items = plan(page).locator('.icp-plan__item');
    const before = await items.count();
    assert.ok(before >= 4, `the plan has at least four steps (${before})`);
    const ticked = [];
    for (let i = 0; i < 3; i += 1) {
      const item = items.nth(i);
      ticked.push((await item.locator('.icp-plan__action').innerText()).trim());
      await item.getByRole('checkbox').check();
    }
    // Ticked here, they stay where the finger left them.
    await expect(items.nth(0)).toHaveClass(/icp-plan__item--done/);
    await reload(page);
    await expectHeading(page, L.T.resultsTitle);
    const done = plan(page).locator('details.icp-plan__done');
    await expect(done).not.toHaveAttribute('open', '');
    await expect(done.locator('summary')).toHaveText(L.T.planDone.replace('{n}', '3'));
    const first = plan(page).locator('.icp-plan__list').first().locator(':scope > .icp-plan__item');
    for (let i = 0; i < Math.min(3, await first.count()); i += 1) {
      await expect(first.nth(i)).not.toHaveClass(/icp-plan__item--done/);
      assert.ok(!ticked.includes((await first.nth(i).locator('.icp-plan__action').innerText()).trim()), 'a step still to do');
    }
    await shot(page, `verdicts-done-list-${lang}`);
  });
}
