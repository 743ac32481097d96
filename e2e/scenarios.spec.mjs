// Every scenario fixture of the domain core (crates/pathway/tests/fixtures/scenarios/)
// completed by its labels, its checklist against the fixture's expectations; then
// four candidates (candidates.json) whose checklists are read in detail against
// what content/default.en.json's rules give for those answers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { language, scenarios, linkValue, CANDIDATES } from './support.mjs';
import { test, expect, heading, expectHeading, expectText, answerAsAsked, expectHonestProgress, seeResults, completeScenario, pathwayCard, generalAdvice, requirementRow, expectPathwayStatus, expectRequirement, adviceTitles, expectNextStep, expectNoNextStep, expectCitation, openAll, openDisclosure } from './fixtures.mjs';

const EN = language('en');
/** What each candidate's checklist shows, pathway by pathway (candidates.json, beside their answers). */
const EXPECTED = JSON.parse(fs.readFileSync(new URL('./candidates.json', import.meta.url), 'utf8'));

/** The tag a requirement in `state` shows: met by a tick, under way, or a preferred one not met ("Optional"). */
const tag = (pid, rid, state, e = {}) => {
  if (state === 'met') return e.by_tick?.includes(rid) ? 'ticked' : 'met';
  if (state === 'unknown' || state === 'to_confirm') return state;
  if (e.in_progress?.includes(rid)) return 'in_progress';
  return EN.requirement(pid, rid).kind === 'preferred' ? 'optional' : state;
};

for (const scenario of scenarios()) {
  test(`The checklist is the domain core's for the scenario ${scenario.id}: ${scenario.name}`, async ({ openWidget }) => {
    // A fixture that leaves an asked question unanswered cannot be completed page by page: it is opened as a share link.
    // Ticks travel in a share link: a fixture with ticks is opened as one.
    let page = await openWidget();
    const asked = !scenario.ticks?.length && await answerAsAsked(page, EN, scenario.answers);
    if (asked) {
      // Going forward, the progress never went back and its count never grew.
      expectHonestProgress(asked.progress, EN);
      await seeResults(page, EN);
    } else {
      page = await openWidget({ hash: `#icp=${linkValue(EN.content.id, scenario.answers, scenario.ticks)}` });
      await expectHeading(page, EN.T.sharedTitle);
    }
    if (scenario.expect.plan) await expect(page.locator('.icp-plan__item'), 'the plan').toHaveCount(scenario.expect.plan.length);
    for (const [pid, e] of Object.entries(scenario.expect.pathways)) {
      await expectPathwayStatus(page, EN, pid, e.status);
      if (e.next_steps?.length && e.status !== 'met') await expectNextStep(page, EN, pid, e.next_steps.find((rid) => EN.requirement(pid, rid).kind !== 'preferred') ?? e.next_steps[0]);
      else if (e.next_steps) await expectNoNextStep(page, EN, pid);
      for (const state of ['met', 'to_confirm', 'unmet', 'unknown']) {
        for (const rid of e[state] ?? []) await expectRequirement(page, EN, pid, rid, tag(pid, rid, state, e));
      }
    }
    // The exact texts a requirement says (its explanation and next step), in the candidate's terms.
    for (const [key, said] of Object.entries(scenario.expect.texts ?? {})) {
      const [pid, rid] = key.split('/');
      await openDisclosure(pathwayCard(page, EN, pid));
      const row = requirementRow(page, EN, pid, rid);
      if (said.explanation) await expectText(row.locator('.icp-task__why'), said.explanation, `explanation of ${key}`);
      if (said.action) await expect(row.locator('.icp-task__action'), `next step of ${key}`).toContainText(said.action);
    }
    await openAll(page);
    const titles = page.locator('.icp-advice__item .icp-details__summary-text');
    for (const id of scenario.expect.advice ?? []) await expect(titles.getByText(EN.advice(id).title, { exact: true }).first(), `advice ${id}`).toBeVisible();
    for (const id of scenario.expect.no_advice ?? []) await expect(titles.getByText(EN.advice(id).title, { exact: true }), `no advice ${id}`).toHaveCount(0);
  });
}

const ids = (list) => list.map((id) => EN.advice(id).title);

/**
 * Checks one pathway card: status, requirement tags, next step (a requirement
 * id, 'done' for the all-done line, or null for none), and the exact advice
 * shown (in content order, so anything else shown or missing fails).
 */
async function checkPathway(page, pathwayId, { status, requirements, next, advice }) {
  await expectPathwayStatus(page, EN, pathwayId, status);
  for (const [rid, state] of Object.entries(requirements)) await expectRequirement(page, EN, pathwayId, rid, state);
  const card = pathwayCard(page, EN, pathwayId);
  if (next === 'done') {
    await expectNoNextStep(page, EN, pathwayId);
    await card.getByText(EN.T.allDone, { exact: true }).waitFor();
  } else if (next === null) {
    await expectNoNextStep(page, EN, pathwayId);
  } else {
    await expectNextStep(page, EN, pathwayId, next);
  }
  assert.deepEqual(await adviceTitles(card), ids(advice), `advice shown in pathway ${pathwayId}`);
}

/** Checks every pathway card a candidate's `pathways` expectations name. */
async function checkPathways(page, candidate) {
  for (const [pathwayId, expected] of Object.entries(candidate.pathways)) await checkPathway(page, pathwayId, expected);
}

test('A recent graduate with no experience gets four pathways not started, ICC closed to them, and the advice to get experience first', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.newcomer);

  await checkPathways(page, EXPECTED.newcomer);
  await openDisclosure(pathwayCard(page, EN, 'icc'));
  await pathwayCard(page, EN, 'icc').getByText(EN.pathway('icc').not_applicable, { exact: true }).waitFor();
  assert.deepEqual(await adviceTitles(generalAdvice(page, EN)),
    ids(['interest_vs_need', 'uk_trainees', 'recent_graduate', 'approach_mentor', 'sag_newcomers', 'no_shadow_request']), 'general advice');
  const shown = await adviceTitles(page);
  assert.ok(!shown.includes(EN.advice('earlier_careers').title), 'no "Where ICs come from" for a recent graduate');
  assert.ok(!shown.includes(EN.advice('programs_north_america').title), 'no North American programs for the UK');
  await expectCitation(page, EN, 'sag_aftra', 'sag_training');
});

test('An IDI 3-day attendee with three Level 2 workshops in Canada is in progress everywhere, with the Ally certificate as the next IDC step', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.idiCanada);

  await checkPathways(page, EXPECTED.idiCanada);
  await expectCitation(page, EN, 'idc', 'idc_l2');
  // Level 3 waits for both the certificate and the external requirements.
  const l3 = requirementRow(page, EN, 'idc', 'idc_l3');
  await expectText(l3.locator('.icp-task__when'),
    `After: ${EN.requirement('idc', 'idc_ally').title}; ${EN.requirement('idc', 'idc_external').title}`,
    'when the Level 3 step can start');

  assert.deepEqual(await adviceTitles(generalAdvice(page, EN)),
    ids(['interest_vs_need', 'earlier_careers', 'approach_mentor', 'sag_newcomers', 'no_shadow_request']), 'general advice');
  assert.ok(!(await adviceTitles(page)).includes(EN.advice('recent_graduate').title), 'no recent-graduate advice');
});

test('A fully IDC-certified Canadian who meets every ICC requirement sees every pathway met and no steps left', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.certifiedCanadian);

  await checkPathways(page, EXPECTED.certifiedCanadian);
  await page.locator('.icp-plan').getByText(EN.T.planEmpty, { exact: true }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^I have done this/ }).count(), 0, 'nothing to tick');
  assert.deepEqual(await adviceTitles(generalAdvice(page, EN)),
    ids(['interest_vs_need', 'earlier_careers', 'shadow_with_mentor']), 'general advice');
  assert.ok(!(await adviceTitles(page)).includes(EN.advice('no_shadow_request').title), 'no "do not ask to shadow" with a mentor');
  await expectCitation(page, EN, 'icc', 'icc_mhfa');
});

test('A US resident with directing experience sees ICC closed to them, with why and no steps, and the answers each verdict rests on', async ({ demoPage: page }) => {
  await completeScenario(page, EN, CANDIDATES.usDirector);

  await checkPathways(page, EXPECTED.usDirector);
  const icc = pathwayCard(page, EN, 'icc');
  await openDisclosure(icc);
  await icc.getByText(EN.pathway('icc').not_applicable, { exact: true }).waitFor();
  await expect(icc.locator('li.icp-task'), 'a closed route lists no steps').toHaveCount(0);
  await expect(icc.getByRole('checkbox'), 'nothing to tick in a closed route').toHaveCount(0);
  // The row says which answers it is based on, in the candidate's words.
  await openDisclosure(pathwayCard(page, EN, 'readiness'));
  const basedOn = requirementRow(page, EN, 'readiness', 'ready_industry').locator('.icp-task__answers');
  await basedOn.getByText(EN.optionLabel('industry_experience', 'few_plus'), { exact: true }).waitFor();

  assert.deepEqual(await adviceTitles(generalAdvice(page, EN)),
    ids(['interest_vs_need', 'earlier_careers', 'approach_mentor', 'sag_newcomers', 'no_shadow_request']), 'general advice');
});
