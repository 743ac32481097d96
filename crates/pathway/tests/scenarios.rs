//! Scenario fixtures: named candidates (tests/fixtures/scenarios/*.json) with
//! the checklist the default content must give them. The expectations were
//! worked out from the content and its source texts, not copied from the engine.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pathway::{answers_from_json, default_definition, default_definitions, evaluate_with_ticks, Answers, Checklist, PathwayResult, RequirementState, Ticks};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    #[serde(deserialize_with = "answers")]
    answers: Answers,
    /// Steps ticked as done (`pathway/requirement`).
    #[serde(default)]
    ticks: Ticks,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    pathways: BTreeMap<String, PathwayExpect>,
    #[serde(default)]
    advice: Vec<String>,
    #[serde(default)]
    no_advice: Vec<String>,
    /// The exact texts a requirement shows (`pathway/requirement`), in
    /// English and in French: its explanation and its next step.
    #[serde(default)]
    texts: BTreeMap<String, Said>,
    #[serde(default)]
    texts_fr: BTreeMap<String, Said>,
    /// The plan, in order: each action as `pathway/requirement` of the
    /// requirement whose action it shows, then the other pathways it
    /// advances after a space (`idc/idc_l3 icc`), and ` (ticked)` when it
    /// is done by a tick.
    plan: Option<Vec<String>>,
}

/// What a requirement says: its explanation and its next step.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Said {
    explanation: Option<String>,
    action: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PathwayExpect {
    status: String,
    next_steps: Option<Vec<String>>,
    later: Option<Vec<String>>,
    met: Option<Vec<String>>,
    unmet: Option<Vec<String>>,
    unknown: Option<Vec<String>>,
    /// Requirements whose answers say they are under way.
    in_progress: Option<Vec<String>>,
    /// Requirements met only by a tick.
    by_tick: Option<Vec<String>>,
}

/// The answers are read by the crate's own reader, as the widget and `icp-check` read them.
fn answers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    answers_from_json(&value.to_string()).map_err(serde::de::Error::custom)
}

fn fixture_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

fn ids_in_state(p: &PathwayResult<'_>, state: RequirementState) -> Vec<String> {
    p.requirements.iter().filter(|r| r.state == state).map(|r| r.requirement.id.clone()).collect()
}

fn all_advice_ids(c: &Checklist<'_>) -> Vec<String> {
    c.advice.iter().chain(c.pathways.iter().flat_map(|p| p.advice.iter())).map(|a| a.id.clone()).collect()
}

/// Checks one scenario; returns every mismatch rather than stopping at the first.
fn check(file: &str, s: &Scenario) -> Vec<String> {
    let definition = default_definition().expect("the default definition is valid");
    let checklist = evaluate_with_ticks(&definition, &s.answers, &s.ticks);
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{file} ({}): {what}", s.name));

    for id in s.answers.keys() {
        if definition.question(id).is_none() {
            fail(format!("answers: no question \"{id}\" in the default content (typo in the fixture?)"));
        }
    }
    for (pid, e) in &s.expect.pathways {
        let Some(p) = checklist.pathway(pid) else {
            fail(format!("no pathway \"{pid}\""));
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
    if let Some(want) = &s.expect.plan {
        let got: Vec<String> = checklist
            .plan
            .iter()
            .map(|step| {
                let others = step.pathways.iter().skip(1).map(|p| format!(" {}", p.id)).collect::<String>();
                let ticked = if step.by_tick { " (ticked)" } else { "" };
                format!("{}{others}{ticked}", step.key())
            })
            .collect();
        if *want != got {
            fail(format!("plan is {got:?}, expected {want:?}"));
        }
    }
    for (language, texts) in [(0, &s.expect.texts), (1, &s.expect.texts_fr)] {
        if texts.is_empty() {
            continue;
        }
        let definition = &default_definitions().expect("both languages are valid")[language];
        let checklist = evaluate_with_ticks(definition, &s.answers, &s.ticks);
        for (key, want) in texts {
            let Some((pid, rid)) = key.split_once('/') else {
                fail(format!("texts: {key} is not pathway/requirement"));
                continue;
            };
            let Some(r) = checklist.pathway(pid).and_then(|p| p.requirement(rid)) else {
                fail(format!("texts: no requirement {key}"));
                continue;
            };
            let got = Said { explanation: r.explanation.as_deref().map(str::to_owned), action: Some(r.action().to_owned()) };
            if want.explanation.is_some() && want.explanation != got.explanation {
                fail(format!("{} explanation of {key} is {:?}, expected {:?}", definition.lang, got.explanation, want.explanation));
            }
            if want.action.is_some() && want.action != got.action {
                fail(format!("{} next step of {key} is {:?}, expected {:?}", definition.lang, got.action, want.action));
            }
        }
    }
    let shown = all_advice_ids(&checklist);
    for id in &s.expect.advice {
        if definition.advice.iter().all(|a| &a.id != id) {
            fail(format!("advice: no advice \"{id}\" in the default content"));
        } else if !shown.contains(id) {
            fail(format!("advice \"{id}\" should be shown but is not (shown: {shown:?})"));
        }
    }
    for id in &s.expect.no_advice {
        if definition.advice.iter().all(|a| &a.id != id) {
            fail(format!("no_advice: no advice \"{id}\" in the default content"));
        } else if shown.contains(id) {
            fail(format!("advice \"{id}\" should not be shown but is"));
        }
    }
    problems
}

#[test]
fn every_scenario_fixture_gets_the_checklist_its_expectations_describe() {
    let paths = fixture_paths();
    let mut problems = Vec::new();
    for path in &paths {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let scenario: Scenario = match serde_json::from_str(&text) {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!("{file}: not a scenario fixture: {e}"));
                continue;
            }
        };
        if scenario.expect.pathways.is_empty() {
            problems.push(format!("{file}: expects nothing about any pathway"));
        }
        problems.extend(check(&file, &scenario));
    }
    assert!(problems.is_empty(), "{} scenario mismatch(es):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn there_are_at_least_twelve_scenario_fixtures() {
    let n = fixture_paths().len();
    assert!(n >= 12, "only {n} scenario fixtures in tests/fixtures/scenarios");
}

#[test]
fn scenario_names_are_unique_sentences() {
    let mut names = std::collections::HashSet::new();
    for path in fixture_paths() {
        let s: Scenario = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let file = path.display();
        assert!(s.name.ends_with('.') && s.name.split_whitespace().count() >= 6, "{file}: name should be a sentence: {:?}", s.name);
        assert!(names.insert(s.name.clone()), "{file}: duplicate scenario name {:?}", s.name);
    }
}
