// Four candidates complete the questionnaire by its labels; each checklist is
// checked against what content/default.en.json's rules give for those answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startEnvironment, openWidget, closeWidget, completeScenario, SCENARIOS, PATHWAYS, ADVICE, T,
  pathwayCard, generalAdvice, heading, expectPathwayStatus, expectRequirement, expectNextStep, expectNoNextStep,
  expectCitation, adviceTitles, expectText, requirement, requirementRow,
} from './support.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

const ids = (list) => list.map((id) => ADVICE[id].title);

/**
 * Checks one pathway card: status, requirement tags, next step (a requirement
 * id, 'done' for the all-done line, or null for none), and the exact advice
 * shown (in content order, so anything else shown or missing fails).
 */
async function checkPathway(page, pathwayId, { status, requirements, next, advice }) {
  await expectPathwayStatus(page, pathwayId, status);
  for (const [rid, state] of Object.entries(requirements)) await expectRequirement(page, pathwayId, rid, state);
  const card = pathwayCard(page, pathwayId);
  if (next === 'done') {
    await expectNoNextStep(page, pathwayId);
    await card.getByText(T.allDone, { exact: true }).waitFor();
  } else if (next === null) {
    await expectNoNextStep(page, pathwayId);
  } else {
    await expectNextStep(page, pathwayId, next);
  }
  assert.deepEqual(await adviceTitles(card), ids(advice), `advice shown in pathway ${pathwayId}`);
}

test('A recent graduate with no experience gets four pathways not started, ICC closed to them, and the advice to get experience first', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.newcomer);

  await checkPathway(page, 'idc', {
    status: 'not_yet',
    requirements: { idc_l1: 'unmet', idc_l2: 'unmet', idc_ally: 'unmet', idc_external: 'unmet', idc_l3: 'unmet', idc_l4: 'unmet' },
    next: 'idc_l1',
    advice: ['idc_duration', 'idc_level1_location'],
  });
  await checkPathway(page, 'icc', {
    status: 'not_applicable',
    requirements: { icc_level3: 'unmet', icc_experience: 'unmet', icc_citizenship: 'unmet', icc_actra: 'optional' },
    next: null,
    // No advice on progressing in a pathway that is closed to them.
    advice: [],
  });
  await pathwayCard(page, 'icc').getByText(PATHWAYS.icc.not_applicable, { exact: true }).waitFor();
  await checkPathway(page, 'sag_aftra', {
    status: 'not_yet',
    requirements: { sag_experience: 'unmet', sag_training: 'unmet' },
    next: 'sag_experience',
    advice: ['cost', 'programs_uk_anz', 'program_hours'],
  });
  await checkPathway(page, 'readiness', {
    status: 'not_yet',
    requirements: {
      ready_why: 'unmet', ready_communication: 'unmet', ready_leadership: 'unmet', ready_industry: 'unmet',
      ready_people_background: 'optional', ready_set_background: 'optional',
    },
    next: 'ready_why',
    advice: ['department_heads'],
  });
  assert.deepEqual(await adviceTitles(generalAdvice(page)),
    ids(['interest_vs_need', 'recent_graduate', 'approach_mentor', 'no_shadow_request']), 'general advice');
  assert.equal(await heading(page, ADVICE.earlier_careers.title, 5).count(), 0, 'no "Where ICs come from" for a recent graduate');
  assert.equal(await heading(page, ADVICE.programs_north_america.title, 5).count(), 0, 'no North American programs for the UK');
  await expectCitation(page, 'sag_aftra', 'sag_experience');
  await closeWidget(page);
});

test('An IDI 3-day attendee with three Level 2 workshops in Canada is in progress everywhere, with the Ally certificate as the next IDC step', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.idiCanada);

  await checkPathway(page, 'idc', {
    status: 'in_progress',
    requirements: { idc_l1: 'met', idc_l2: 'met', idc_ally: 'unmet', idc_external: 'unmet', idc_l3: 'unmet', idc_l4: 'unmet' },
    next: 'idc_ally',
    advice: ['idc_duration'],
  });
  await expectCitation(page, 'idc', 'idc_l2');
  // Level 3 waits for both the certificate and the external requirements.
  const l3 = pathwayCard(page, 'idc').locator('li.icp-step').filter({ hasText: requirement('idc', 'idc_l3').title });
  await expectText(l3.locator('.icp-step__when'),
    `After: ${requirement('idc', 'idc_ally').title}; ${requirement('idc', 'idc_external').title}`,
    'when the Level 3 step can start');

  await checkPathway(page, 'icc', {
    status: 'in_progress',
    requirements: {
      icc_level3: 'unmet', icc_experience: 'unmet', icc_movement: 'met', icc_sex_ed: 'unmet', icc_mhfa: 'unmet',
      icc_citizenship: 'met', icc_actra: 'optional',
    },
    next: 'icc_level3',
    advice: ['icc_scope'],
  });
  await checkPathway(page, 'sag_aftra', {
    status: 'in_progress',
    requirements: { sag_experience: 'unmet', sag_training: 'met' },
    next: 'sag_experience',
    advice: ['cost', 'programs_north_america', 'program_hours'],
  });
  await checkPathway(page, 'readiness', {
    status: 'in_progress',
    requirements: {
      ready_why: 'met', ready_communication: 'met', ready_leadership: 'met', ready_industry: 'unmet',
      ready_people_background: 'met', ready_set_background: 'met',
    },
    next: 'ready_industry',
    advice: ['department_heads', 'strong_background'],
  });
  assert.deepEqual(await adviceTitles(generalAdvice(page)),
    ids(['interest_vs_need', 'earlier_careers', 'approach_mentor', 'no_shadow_request']), 'general advice');
  assert.equal(await heading(page, ADVICE.recent_graduate.title, 5).count(), 0, 'no recent-graduate advice');
  await closeWidget(page);
});

test('A fully IDC-certified Canadian who meets every ICC requirement sees every pathway met and no steps left', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.certifiedCanadian);

  await checkPathway(page, 'idc', {
    status: 'met',
    requirements: { idc_l1: 'met', idc_l2: 'met', idc_ally: 'met', idc_external: 'met', idc_l3: 'met', idc_l4: 'met' },
    next: 'done',
    advice: ['idc_duration', 'idc_certified'],
  });
  await checkPathway(page, 'icc', {
    status: 'met',
    requirements: {
      icc_level3: 'met', icc_experience: 'met', icc_movement: 'met', icc_sex_ed: 'met', icc_mhfa: 'met',
      icc_citizenship: 'met', icc_actra: 'met',
    },
    next: 'done',
    advice: [],
  });
  // SAG-AFTRA training is met through IDC Level 4, though no accredited program or foundational training was answered.
  await checkPathway(page, 'sag_aftra', {
    status: 'met',
    requirements: { sag_experience: 'met', sag_training: 'met' },
    next: 'done',
    advice: ['cost', 'programs_north_america', 'program_hours'],
  });
  await checkPathway(page, 'readiness', {
    status: 'met',
    requirements: {
      ready_why: 'met', ready_communication: 'met', ready_leadership: 'met', ready_industry: 'met',
      ready_people_background: 'met', ready_set_background: 'met',
    },
    next: 'done',
    advice: ['department_heads', 'strong_background'],
  });
  assert.equal(await page.getByRole('heading', { name: 'Steps to take' }).count(), 0, 'no steps left to take');
  assert.equal(await page.getByRole('checkbox', { name: /^I have done this/ }).count(), 0, 'nothing to tick');
  assert.deepEqual(await adviceTitles(generalAdvice(page)),
    ids(['interest_vs_need', 'earlier_careers', 'shadow_with_mentor']), 'general advice');
  assert.equal(await heading(page, ADVICE.no_shadow_request.title, 5).count(), 0, 'no "do not ask to shadow" with a mentor');
  await expectCitation(page, 'icc', 'icc_mhfa');
  await closeWidget(page);
});

test('A US resident with directing experience by show credits only meets ICC\'s experience rule, but ICC is not open to them', async () => {
  const page = await openWidget(env);
  await completeScenario(page, SCENARIOS.usDirector);

  await checkPathway(page, 'icc', {
    status: 'not_applicable',
    requirements: {
      icc_level3: 'unmet', icc_experience: 'met', icc_movement: 'unmet', icc_sex_ed: 'met', icc_mhfa: 'met',
      icc_citizenship: 'unmet', icc_actra: 'optional',
    },
    next: null,
    advice: [],
  });
  await expectCitation(page, 'icc', 'icc_experience');
  // The row says which answers it is based on, in the candidate's words.
  const basedOn = requirementRow(page, 'icc', 'icc_experience').locator('.icp-task__answers');
  await basedOn.getByText('15 show credits', { exact: true }).waitFor();
  await basedOn.getByText('100 hours', { exact: true }).waitFor();
  await basedOn.getByText('3 years', { exact: true }).waitFor();

  await checkPathway(page, 'idc', {
    status: 'not_yet',
    requirements: { idc_l1: 'unmet', idc_l2: 'unmet', idc_l4: 'unmet' },
    next: 'idc_l1',
    advice: ['idc_duration'], // Level 1 workshops are held in the US, so no location advice
  });
  await checkPathway(page, 'sag_aftra', {
    status: 'met',
    requirements: { sag_experience: 'met', sag_training: 'met' },
    next: 'done',
    advice: ['programs_north_america', 'program_hours'], // certified: no cost advice
  });
  await checkPathway(page, 'readiness', {
    status: 'in_progress',
    requirements: {
      ready_why: 'met', ready_communication: 'unmet', ready_leadership: 'met', ready_industry: 'met',
      ready_people_background: 'optional', ready_set_background: 'met',
    },
    next: 'ready_communication',
    advice: ['department_heads'],
  });
  assert.deepEqual(await adviceTitles(generalAdvice(page)),
    ids(['interest_vs_need', 'earlier_careers', 'approach_mentor', 'no_shadow_request']), 'general advice');
  await closeWidget(page);
});
