//! The `icp-check` command organizations use on their own definitions.
use std::path::Path;
use std::process::{Command, Output};

fn icp_check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_icp-check")).args(args).current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).output().expect("icp-check runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_valid_definition_exits_zero_and_prints_the_checklist_for_the_answers() {
    let out = icp_check(&["examples/definitions/small.json", "--answers", "examples/definitions/small.answers.json"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{}", text(&out.stderr));
    assert!(stdout.starts_with(r#"examples/definitions/small.json: valid definition "stage-combat-school" v1"#), "{stdout}");
    // 40 hours on set: Level 1 met, the hours not yet, so the course is in progress.
    assert!(stdout.contains("== Our intimacy coordination course [in_progress]"), "{stdout}");
    assert!(stdout.contains("[x] A Level 1 workshop"), "{stdout}");
    assert!(stdout.contains("[ ] 100 hours on set"), "{stdout}");
    assert!(stdout.contains("(now) Work on set until you reach 100 hours."), "{stdout}");
    assert!(stdout.contains(r#"source: handbook "Applicants need at least 100 hours of on-set experience.""#), "{stdout}");
    assert!(text(&out.stderr).is_empty(), "no warnings expected: {}", text(&out.stderr));
}

#[test]
fn a_valid_definition_without_answers_only_reports_that_it_is_valid() {
    let out = icp_check(&["examples/definitions/small.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 1, "{}", text(&out.stdout));
}

#[test]
fn the_built_in_default_content_is_valid() {
    let out = icp_check(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("(built-in default): valid definition \"ic-pathfinder-default\""));
}

#[test]
fn an_invalid_definition_exits_one_with_one_located_line_per_problem() {
    let file = "examples/definitions/invalid.json";
    let out = icp_check(&[file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing on stdout: {}", text(&out.stdout));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(r#"{file}: questions[1].when.equals: unknown question "level_1""#),
            format!(r#"{file}: pathways[0].requirements[0].met_when.compare.value: can never be true: "set_hours" is between 0 and 1000"#),
            format!(r#"{file}: pathways[0].requirements[0].source.source: unknown source "hand_book""#),
            format!(r#"{file}: pathways[0].requirements[0].after[0]: unknown requirement "level1" in pathway "course""#),
        ]
    );
}

#[test]
fn a_definition_that_is_not_well_formed_names_the_file_and_the_place() {
    let dir = std::env::temp_dir().join(format!("icp-check-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad-type.json");
    let small = std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("examples/definitions/small.json")).unwrap();
    std::fs::write(&path, small.replace(r#""version": 1"#, r#""version": "one""#)).unwrap();
    let name = path.to_str().unwrap();
    let out = icp_check(&[name]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(&format!("{name}: version: invalid type: string \"one\"")), "{stderr}");
}

#[test]
fn answers_to_unknown_questions_are_warned_about_and_ignored() {
    let dir = std::env::temp_dir().join(format!("icp-check-answers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("answers.json");
    std::fs::write(&path, r#"{"level1": true, "set_hours": 150, "shoe_size": 42}"#).unwrap();
    let answers = path.to_str().unwrap();
    let out = icp_check(&["examples/definitions/small.json", "--answers", answers]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr).trim_end(), format!("{answers}: warning: shoe_size: no such question in the definition; ignored"));
    assert!(text(&out.stdout).contains("[x] 100 hours on set"), "{}", text(&out.stdout));
}

#[test]
fn usage_errors_exit_two() {
    let out = icp_check(&["--answers"]);
    assert_eq!(out.status.code(), Some(2));
    let out = icp_check(&["a.json", "b.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_json_format_reports_validity_the_checklist_and_located_problems_for_ci() {
    let out = icp_check(&["examples/definitions/small.json", "--answers", "examples/definitions/small.answers.json", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    assert_eq!(report["valid"], true);
    assert_eq!(report["definition"]["id"], "stage-combat-school");
    let course = &report["checklist"]["pathways"][0];
    assert_eq!(course["status"], "in_progress");
    let states: Vec<(&str, &str)> =
        course["requirements"].as_array().unwrap().iter().map(|r| (r["id"].as_str().unwrap(), r["state"].as_str().unwrap())).collect();
    assert!(states.contains(&("level1", "met")), "{states:?}");
    assert!(states.contains(&("hours", "unmet")), "{states:?}");

    let file = "examples/definitions/invalid.json";
    let out = icp_check(&[file, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(problems[0]["file"], file);
    assert_eq!(problems[0]["path"], "questions[1].when.equals");
    assert_eq!(problems[0]["message"], r#"unknown question "level_1""#);
}

#[test]
fn the_schema_option_prints_the_committed_json_schema() {
    let out = icp_check(&["--schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/definition.schema.json"))).unwrap();
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let out = icp_check(&["--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--format takes text or json"), "{}", text(&out.stderr));
}

/// The small example definition with its first source's dates set, written to a file of its own.
fn small_with_dates(name: &str, dates: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!("icp-check-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/definitions/small.json")).unwrap()).unwrap();
    for (field, date) in dates {
        v["sources"][0][*field] = serde_json::json!(date);
    }
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, v.to_string()).unwrap();
    file.to_str().unwrap().to_owned()
}

#[test]
fn a_source_taken_two_years_ago_is_warned_about_and_the_definition_stays_valid() {
    // A recent comparison with an old text does not make the rules current.
    let file = small_with_dates("stale", &[("taken", "2024-11-26"), ("compared", "2026-11-20")]);
    let file = file.as_str();

    let out = icp_check(&[file, "--today", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(0), "a stale date is a warning, not an error");
    assert_eq!(
        text(&out.stderr).trim_end(),
        format!("{file}: warning: sources[0].taken: text taken on 2024-11-26, more than 12 months ago: the organization may have changed its rules since; compare them with its current text, then update taken and compared")
    );
    // Within the limit, or with a longer one: no warning.
    assert!(text(&icp_check(&[file, "--today", "2025-11-26"]).stderr).is_empty());
    assert!(text(&icp_check(&[file, "--today", "2026-11-26", "--max-age", "36"]).stderr).is_empty());
    // And in the JSON report.
    let json: serde_json::Value = serde_json::from_slice(&icp_check(&[file, "--today", "2026-11-26", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["warnings"][0]["path"], "sources[0].taken");
}

#[test]
fn an_old_comparison_date_alone_is_not_warned_about() {
    let file = small_with_dates("compared", &[("compared", "2020-01-01")]);
    let out = icp_check(&[&file, "--today", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn the_built_in_content_says_when_its_rules_were_compared_with_their_sources() {
    let d = pathway::default_definition().unwrap();
    assert!(d.sources.iter().all(|s| s.compared.is_some()), "every source of the built-in content has a compared date");
}

#[test]
fn a_definition_in_two_languages_is_checked_in_both() {
    let out = icp_check(&["examples/definitions/course.en.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).trim_end().ends_with("(3 questions, 1 pathways, 1 advice), also in fr-CA"), "{}", text(&out.stdout));
}

#[test]
fn a_translation_that_changes_a_rule_or_misses_its_file_fails_at_the_place() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let dir = std::env::temp_dir().join(format!("icp-check-translations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let en = std::fs::read_to_string(root.join("examples/definitions/course.en.json")).unwrap();
    let fr = std::fs::read_to_string(root.join("examples/definitions/course.fr-CA.json")).unwrap();
    std::fs::write(dir.join("course.en.json"), &en).unwrap();
    std::fs::write(dir.join("course.fr-CA.json"), fr.replacen(r#""value": 100"#, r#""value": 10"#, 1)).unwrap();
    let main = dir.join("course.en.json");
    let changed = icp_check(&[main.to_str().unwrap()]);
    std::fs::remove_file(dir.join("course.fr-CA.json")).unwrap();
    let missing = icp_check(&[main.to_str().unwrap(), "--format", "json"]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(changed.status.code(), Some(1));
    let stderr = text(&changed.stderr);
    let fr_name = dir.join("course.fr-CA.json").display().to_string();
    assert_eq!(
        stderr.trim_end(),
        format!("{fr_name}: pathways[0].requirements[1].met_when.compare.value: 100 in the en version but 10 in the fr-CA version (only texts may differ)")
    );
    assert!(text(&changed.stdout).is_empty(), "not called valid: {}", text(&changed.stdout));

    assert_eq!(missing.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&missing.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["problems"][0]["path"], "translations.fr-CA");
    assert!(report["problems"][0]["message"].as_str().unwrap().starts_with(&format!("the fr-CA version {fr_name} cannot be read")), "{report}");
}

#[test]
fn the_projects_scenario_fixtures_all_pass_against_the_built_in_content_each_reported_by_file() {
    let dir = "crates/pathway/tests/fixtures/scenarios";
    let count = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../pathway/tests/fixtures/scenarios")).unwrap().count();
    let out = icp_check(&["--scenarios", dir]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with(&format!("passed {dir}/"))).count(), count, "{stdout}");
    assert!(stdout.ends_with(&format!("{count} scenarios: {count} passed, 0 failed\n")), "{stdout}");
}

#[test]
fn an_organizations_scenarios_run_against_its_definition_and_a_failure_says_what_differs_with_exit_status_one() {
    let out = icp_check(&["examples/definitions/small.json", "--scenarios", "examples/definitions/small.scenarios"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let dir = std::env::temp_dir().join(format!("icp-scenarios-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/definitions/small.scenarios/on_set_40_hours.json")).unwrap();
    std::fs::write(dir.join("a_good.json"), &good).unwrap();
    std::fs::write(dir.join("b_wrong.json"), good.replace(r#""status": "in_progress""#, r#""status": "met""#)).unwrap();
    std::fs::write(dir.join("c_typo.json"), good.replace(r#""expect""#, r#""expects""#)).unwrap();
    let dir_text = dir.display().to_string();
    let out = icp_check(&["examples/definitions/small.json", "--scenarios", &dir_text, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let runs = report["scenarios"].as_array().unwrap();
    let passed: Vec<bool> = runs.iter().map(|r| r["passed"].as_bool().unwrap()).collect();
    assert_eq!(passed, [true, false, false]);
    assert_eq!(runs[1]["differences"], serde_json::json!(["pathway course: status is in_progress, expected met"]));
    let typo = runs[2]["differences"][0].as_str().unwrap();
    assert!(typo.starts_with("not a scenario fixture: ") && typo.contains("expects"), "{typo}");
    let out = icp_check(&["examples/definitions/small.json", "--scenarios", &dir_text]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("FAILED {}: ", dir.join("b_wrong.json").display())), "{stdout}");
    assert!(stdout.contains("    pathway course: status is in_progress, expected met\n"), "{stdout}");
    assert!(stdout.ends_with("3 scenarios: 1 passed, 2 failed\n"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
