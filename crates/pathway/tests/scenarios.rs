//! Scenario fixtures: named candidates (tests/fixtures/scenarios/*.json) with
//! the checklist the default content must give them. The expectations were
//! worked out from the content and its source texts, not copied from the engine.
use std::path::{Path, PathBuf};

use pathway::{default_definitions, Scenario};

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

/// Checks one scenario against the default content (and its French, for
/// `texts_fr`) with the core's own rule, the one `icp-check --scenarios` runs.
fn check(file: &str, s: &Scenario) -> Vec<String> {
    let definitions = default_definitions().expect("both languages are valid");
    s.differences(&definitions[0], &definitions[1..]).into_iter().map(|d| format!("{file} ({}): {d}", s.name)).collect()
}

#[test]
fn every_scenario_fixture_gets_the_checklist_its_expectations_describe() {
    let paths = fixture_paths();
    let mut problems = Vec::new();
    for path in &paths {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let scenario = match Scenario::from_json(&text) {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!("{file}: not a scenario fixture: {e}"));
                continue;
            }
        };
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
        let s = Scenario::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let file = path.display();
        assert!(s.name.ends_with('.') && s.name.split_whitespace().count() >= 6, "{file}: name should be a sentence: {:?}", s.name);
        assert!(names.insert(s.name.clone()), "{file}: duplicate scenario name {:?}", s.name);
    }
}

#[test]
fn a_fixture_written_back_reads_the_same_and_a_changed_expectation_is_reported_with_what_the_checklist_says() {
    let definitions = default_definitions().unwrap();
    let path = &fixture_paths()[0];
    let scenario = Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(Scenario::from_json(&scenario.to_json()).unwrap(), scenario);
    let mut wrong = scenario.clone();
    let (pid, expect) = wrong.expect.pathways.iter_mut().next().unwrap();
    let right = std::mem::replace(&mut expect.status, "not_applicable".to_owned());
    let pid = pid.clone();
    assert_eq!(wrong.differences(&definitions[0], &definitions[1..]), vec![format!("pathway {pid}: status is {right}, expected not_applicable")]);
}

#[test]
fn a_recorded_scenario_passes_and_pins_every_pathways_status() {
    let definitions = default_definitions().unwrap();
    let scenario = Scenario::from_json(&std::fs::read_to_string(&fixture_paths()[0]).unwrap()).unwrap();
    let recorded = Scenario::record("A candidate recorded from the studio.", &definitions[0], scenario.answers.clone(), scenario.ticks.clone());
    assert_eq!(recorded.expect.pathways.len(), definitions[0].pathways.len());
    assert_eq!(recorded.differences(&definitions[0], &[]), Vec::<String>::new());
    let reread = Scenario::from_json(&recorded.to_json()).unwrap();
    assert_eq!(reread, recorded);
}
