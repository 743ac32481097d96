//! Scenario fixtures: a named candidate (answers, and steps ticked as done)
//! and what the checklist must say for them. The project keeps its own in
//! `tests/fixtures/scenarios/`; an organization keeps such files for its own
//! definition and runs them with `icp-check --scenarios DIR`, the way
//! OpenFisca's country packages test their rules.
//!
//! Every expectation is optional but the name, the answers and at least one
//! pathway's status: a fixture says only what it means to pin down.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{answers_from_json, answers_to_json, evaluate_with_ticks, Answers, Checklist, Definition, Issue, PathwayResult, RequirementState, Ticks};

/// One scenario fixture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// What the candidate stands for, as a sentence.
    pub name: String,
    /// Their answers, by question id, as an answers file holds them.
    #[serde(deserialize_with = "read_answers", serialize_with = "write_answers")]
    pub answers: Answers,
    /// Steps ticked as done (`pathway/requirement`).
    #[serde(default, skip_serializing_if = "Ticks::is_empty")]
    pub ticks: Ticks,
    /// What the checklist must say.
    pub expect: Expect,
}

/// What the checklist must say for a scenario's answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Per pathway id: its status, and optionally its requirements by state.
    #[serde(default)]
    pub pathways: BTreeMap<String, PathwayExpect>,
    /// Advice ids that must be shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<String>,
    /// Advice ids that must not be shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_advice: Vec<String>,
    /// The exact texts a requirement shows (`pathway/requirement`): its
    /// explanation and its next step, in the definition's language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<String, Said>,
    /// The same in the French version of the definition.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts_fr: BTreeMap<String, Said>,
    /// The plan, in order: each action as `pathway/requirement` of the
    /// requirement whose action it shows, then the other pathways it
    /// advances after a space (`idc/idc_l3 icc`), and ` (ticked)` when it
    /// is done by a tick, ` (to confirm with icc)` when it is for that
    /// organization to confirm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<String>>,
}

/// What a requirement says: its explanation and its next step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Said {
    /// The explanation, from the candidate's own answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// The next step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// What one pathway must show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayExpect {
    /// `met`, `to_confirm` (met if an organization agrees), `in_progress`,
    /// `not_yet` or `not_applicable`.
    pub status: String,
    /// Requirements offered as next steps now, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_steps: Option<Vec<String>>,
    /// Requirements offered as steps for later, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later: Option<Vec<String>>,
    /// Requirements met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<Vec<String>>,
    /// Requirements not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unmet: Option<Vec<String>>,
    /// Requirements met only in a way an organization decides on
    /// (`confirm_with`): for them to confirm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_confirm: Option<Vec<String>>,
    /// Requirements the answers do not settle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Vec<String>>,
    /// Requirements whose answers say they are under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress: Option<Vec<String>>,
    /// Requirements met only by a tick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_tick: Option<Vec<String>>,
}

/// The answers are read by the crate's own reader, as the widget and `icp-check` read them.
fn read_answers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    answers_from_json(&value.to_string()).map_err(serde::de::Error::custom)
}

fn write_answers<S: serde::Serializer>(answers: &Answers, s: S) -> Result<S::Ok, S::Error> {
    let value: serde_json::Value = serde_json::from_str(&answers_to_json(answers)).map_err(serde::ser::Error::custom)?;
    value.serialize(s)
}

fn ids_in_state(p: &PathwayResult<'_>, state: RequirementState) -> Vec<String> {
    p.requirements.iter().filter(|r| r.state == state).map(|r| r.requirement.id.clone()).collect()
}

fn all_advice_ids(c: &Checklist<'_>) -> Vec<String> {
    c.advice.iter().chain(c.pathways.iter().flat_map(|p| p.advice.iter())).map(|a| a.id.clone()).collect()
}

impl Scenario {
    /// Reads a fixture; a problem is located by its path (`expect.pathways.icc.status`).
    pub fn from_json(text: &str) -> Result<Scenario, Issue> {
        crate::read_json(text)
    }

    /// The fixture as a file: pretty JSON, as the project's fixtures are written.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// What the checklist of `definition` for these answers and ticks says
    /// differently from what the scenario expects, one sentence each; empty
    /// when the scenario passes. `translations` are the definition's other
    /// language versions, for the texts expected in French (`texts_fr`).
    pub fn differences(&self, definition: &Definition, translations: &[Definition]) -> Vec<String> {
        let checklist = evaluate_with_ticks(definition, &self.answers, &self.ticks);
        let mut found = Vec::new();
        let mut fail = |what: String| found.push(what);

        if self.expect.pathways.is_empty() {
            fail("expects nothing about any pathway: say at least one pathway's status".to_owned());
        }
        for id in self.answers.keys() {
            if definition.question(id).is_none() {
                fail(format!("answers: no question \"{id}\" in the definition"));
            }
        }
        for (pid, e) in &self.expect.pathways {
            let Some(p) = checklist.pathway(pid) else {
                fail(format!("no pathway \"{pid}\" in the definition"));
                continue;
            };
            let got = p.status.as_str();
            if got != e.status {
                fail(format!("pathway {pid}: status is {got}, expected {}", e.status));
            }
            let ready: Vec<String> = p.next_steps.iter().filter(|s| s.ready).map(|s| s.requirement.id.clone()).collect();
            let later: Vec<String> = p.next_steps.iter().filter(|s| !s.ready).map(|s| s.requirement.id.clone()).collect();
            let lists = [
                ("next_steps", &e.next_steps, ready),
                ("later", &e.later, later),
                ("met", &e.met, ids_in_state(p, RequirementState::Met)),
                ("unmet", &e.unmet, ids_in_state(p, RequirementState::Unmet)),
                ("unknown", &e.unknown, ids_in_state(p, RequirementState::Unknown)),
                ("to_confirm", &e.to_confirm, ids_in_state(p, RequirementState::ToConfirm)),
                ("in_progress", &e.in_progress, p.requirements.iter().filter(|r| r.in_progress).map(|r| r.requirement.id.clone()).collect()),
                ("by_tick", &e.by_tick, p.requirements.iter().filter(|r| r.by_tick).map(|r| r.requirement.id.clone()).collect()),
            ];
            for (field, want, got) in lists {
                if let Some(want) = want {
                    if *want != got {
                        fail(format!("pathway {pid}: {field} is {got:?}, expected {want:?}"));
                    }
                }
            }
        }
        if let Some(want) = &self.expect.plan {
            let got: Vec<String> = checklist
                .plan
                .iter()
                .map(|step| {
                    let others = step.pathways.iter().skip(1).map(|p| format!(" {}", p.id)).collect::<String>();
                    let ticked = if step.by_tick { " (ticked)".to_owned() } else { String::new() };
                    let ask = step.confirm_with.map(|o| format!(" (to confirm with {o})")).unwrap_or_default();
                    format!("{}{others}{ticked}{ask}", step.key())
                })
                .collect();
            if *want != got {
                fail(format!("plan is {got:?}, expected {want:?}"));
            }
        }
        let french = translations.iter().find(|d| d.lang.to_ascii_lowercase().starts_with("fr"));
        for (field, version, texts) in [("texts", Some(definition), &self.expect.texts), ("texts_fr", french, &self.expect.texts_fr)] {
            if texts.is_empty() {
                continue;
            }
            let Some(version) = version else {
                fail(format!("{field}: the definition has no French version to check them in"));
                continue;
            };
            let checklist = evaluate_with_ticks(version, &self.answers, &self.ticks);
            for (key, want) in texts {
                let Some((pid, rid)) = key.split_once('/') else {
                    fail(format!("{field}: {key} is not pathway/requirement"));
                    continue;
                };
                let Some(r) = checklist.pathway(pid).and_then(|p| p.requirement(rid)) else {
                    fail(format!("{field}: no requirement {key}"));
                    continue;
                };
                let explanation = r.explanation.as_deref().map(str::to_owned);
                if want.explanation.is_some() && want.explanation != explanation {
                    fail(format!("{} explanation of {key} is {explanation:?}, expected {:?}", version.lang, want.explanation));
                }
                let action = Some(r.action().to_owned());
                if want.action.is_some() && want.action != action {
                    fail(format!("{} next step of {key} is {action:?}, expected {:?}", version.lang, want.action));
                }
            }
        }
        let shown = all_advice_ids(&checklist);
        for id in &self.expect.advice {
            if definition.advice.iter().all(|a| &a.id != id) {
                fail(format!("advice: no advice \"{id}\" in the definition"));
            } else if !shown.contains(id) {
                fail(format!("advice \"{id}\" should be shown but is not (shown: {shown:?})"));
            }
        }
        for id in &self.expect.no_advice {
            if definition.advice.iter().all(|a| &a.id != id) {
                fail(format!("no_advice: no advice \"{id}\" in the definition"));
            } else if shown.contains(id) {
                fail(format!("advice \"{id}\" should not be shown but is"));
            }
        }
        found
    }

    /// A fixture that pins down what the checklist says now for these
    /// answers and ticks: each pathway's status and its requirements by
    /// state. Edited by hand afterwards, it is a test of the definition.
    pub fn record(name: &str, definition: &Definition, answers: Answers, ticks: Ticks) -> Scenario {
        let checklist = evaluate_with_ticks(definition, &answers, &ticks);
        let some = |ids: Vec<String>| Some(ids);
        let pathways = checklist
            .pathways
            .iter()
            .map(|p| {
                let e = PathwayExpect {
                    status: p.status.as_str().to_owned(),
                    met: some(ids_in_state(p, RequirementState::Met)),
                    unmet: some(ids_in_state(p, RequirementState::Unmet)),
                    unknown: some(ids_in_state(p, RequirementState::Unknown)),
                    to_confirm: Some(ids_in_state(p, RequirementState::ToConfirm)).filter(|ids| !ids.is_empty()),
                    ..PathwayExpect::default()
                };
                (p.pathway.id.clone(), e)
            })
            .collect();
        Scenario { name: name.to_owned(), answers, ticks, expect: Expect { pathways, ..Expect::default() } }
    }
}
