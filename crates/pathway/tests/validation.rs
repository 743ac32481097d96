//! Validation of custom definitions: every rule gives a located, readable
//! issue, and nothing panics.
use pathway::{Definition, DefinitionError, Issue};
use serde_json::{json, Value};

/// A small valid definition: a few questions and one pathway, the shape an
/// organization would start from (`tests/fixtures/small-valid-definition.json`,
/// shared with the limit tests).
fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/small-valid-definition.json")).expect("the fixture is JSON")
}

fn issues_of(v: &Value) -> Vec<String> {
    match Definition::from_json(&v.to_string()) {
        Ok(_) => vec![],
        Err(DefinitionError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
        Err(e @ DefinitionError::Parse(_)) => panic!("expected validation issues, got a parse error: {e}"),
    }
}

/// Asserts the definition is invalid with exactly these issues (in order).
#[track_caller]
fn assert_issues(v: &Value, expected: &[&str]) {
    assert_eq!(issues_of(v), expected);
}

#[test]
fn the_base_definition_is_valid() {
    assert_eq!(issues_of(&base()), Vec::<String>::new());
}

#[test]
fn an_unknown_question_reference_names_its_path_and_the_missing_id() {
    let mut v = base();
    v["questions"][4]["when"] = json!({"equals": {"question": "l2count", "value": 3}});
    assert_issues(&v, &[r#"questions[4].when.equals: unknown question "l2count""#]);

    let mut v = base();
    v["pathways"][0]["requirements"][1]["met_when"] = json!({"compare": {"question": "l3_count", "op": ">=", "value": 3}});
    assert_issues(&v, &[r#"pathways[0].requirements[1].met_when.compare: unknown question "l3_count""#]);
}

#[test]
fn a_question_may_not_depend_on_a_later_question_or_itself() {
    let mut v = base();
    v["questions"][0]["when"] = json!({"equals": {"question": "extra", "value": true}});
    assert_issues(
        &v,
        &[r#"questions[0].when.equals: cyclic reference: the question depends on a later question ("extra"); a question may only depend on earlier ones"#],
    );

    let mut v = base();
    v["questions"][4]["when"] = json!({"not": {"equals": {"question": "extra", "value": true}}});
    assert_issues(
        &v,
        &[r#"questions[4].when.not.equals: cyclic reference: the question depends on itself ("extra"); a question may only depend on earlier ones"#],
    );
}

#[test]
fn a_cycle_in_after_is_reported_with_the_cycle() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["after"] = json!(["b"]);
    assert_issues(&v, &["pathways[0].requirements: cyclic order: a -> b -> a"]);
}

#[test]
fn after_must_name_another_requirement_of_the_same_pathway() {
    let mut v = base();
    v["pathways"][0]["requirements"][1]["after"] = json!(["a", "c"]);
    assert_issues(&v, &[r#"pathways[0].requirements[1].after[1]: unknown requirement "c" in pathway "p""#]);

    let mut v = base();
    v["pathways"][0]["requirements"][1]["after"] = json!(["b"]);
    assert_issues(&v, &[r#"pathways[0].requirements[1].after[0]: requirement "b" cannot come after itself"#]);
}

#[test]
fn a_citation_must_name_a_known_source() {
    let mut v = base();
    v["advice"][0]["source"]["source"] = json!("elsewhere");
    assert_issues(&v, &[r#"advice[0].source.source: unknown source "elsewhere""#]);
}

#[test]
fn a_condition_must_name_existing_options() {
    let mut v = base();
    v["advice"][0]["when"] = json!({"one_of": {"question": "region", "values": ["ca", "mx"]}});
    assert_issues(&v, &[r#"advice[0].when.one_of.values: question "region" has no option "mx""#]);

    let mut v = base();
    v["advice"][0]["when"] = json!({"includes": {"question": "skills", "value": "singing"}});
    assert_issues(&v, &[r#"advice[0].when.includes.value: question "skills" has no option "singing""#]);

    let mut v = base();
    v["advice"][0]["when"] = json!({"equals": {"question": "region", "value": "mx"}});
    assert_issues(&v, &[r#"advice[0].when.equals.value: question "region" has no option "mx""#]);
}

#[test]
fn a_comparison_outside_the_questions_bounds_is_reported_and_makes_dependants_unreachable() {
    let mut v = base();
    v["questions"][4]["when"] = json!({"compare": {"question": "l2_count", "op": ">", "value": 20}});
    assert_issues(
        &v,
        &[
            r#"questions[4].when.compare.value: can never be true: "l2_count" is between 0 and 20"#,
            r#"questions[4].when: question "extra" can never be asked: its condition can never hold"#,
        ],
    );
}

#[test]
fn a_question_that_depends_on_an_unreachable_question_is_unreachable_too() {
    let mut v = base();
    v["questions"][3]["when"] = json!({"compare": {"question": "l2_count", "op": "<", "value": 0}});
    v["questions"][4]["when"] = json!({"answered": "skills"});
    assert_issues(
        &v,
        &[
            r#"questions[3].when.compare.value: can never be true: "l2_count" is between 0 and 20"#,
            r#"questions[3].when: question "skills" can never be asked: its condition can never hold"#,
            r#"questions[4].when: question "extra" can never be asked: its condition can never hold"#,
        ],
    );
}

#[test]
fn at_least_n_must_be_between_one_and_the_number_of_conditions() {
    for n in [0, 3] {
        let mut v = base();
        v["pathways"][0]["requirements"][0]["met_when"] = json!({"at_least": {"n": n, "of": [
            {"equals": {"question": "l1", "value": true}},
            {"equals": {"question": "extra", "value": true}}]}});
        assert_issues(&v, &[&format!("pathways[0].requirements[0].met_when.at_least.n: n must be between 1 and 2 (the number of conditions), not {n}")]);
    }
}

#[test]
fn duplicate_ids_are_reported_where_the_second_one_is() {
    let mut v = base();
    v["questions"][4]["id"] = json!("region");
    assert_issues(&v, &[r#"questions[4].id: duplicate question id "region""#]);

    let mut v = base();
    v["pathways"][0]["requirements"][1]["id"] = json!("a");
    v["pathways"][0]["requirements"][1]["after"] = json!([]);
    assert_issues(&v, &[r#"pathways[0].requirements[1].id: duplicate requirement id "a""#]);

    let mut v = base();
    v["questions"][2]["options"][1]["id"] = json!("ca");
    assert_issues(&v, &[r#"questions[2].options[1].id: duplicate option id "ca""#]);
}

#[test]
fn a_value_of_the_wrong_type_and_compare_on_a_non_number_are_reported() {
    let mut v = base();
    v["advice"][0]["when"] = json!({"equals": {"question": "l1", "value": "yes"}});
    assert_issues(&v, &[r#"advice[0].when.equals.value: value does not fit question "l1" (a yes/no question)"#]);

    let mut v = base();
    v["advice"][0]["when"] = json!({"compare": {"question": "region", "op": "==", "value": 1}});
    assert_issues(&v, &[r#"advice[0].when.compare.question: compare needs a number question; "region" is a single-choice question"#]);
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut v = base();
    v["questions"][4]["when"] = json!({"equals": {"question": "nope", "value": true}});
    v["advice"][0]["source"]["source"] = json!("elsewhere");
    v["pathways"][0]["requirements"][0]["title"] = json!("  ");
    let issues = issues_of(&v);
    assert_eq!(issues.len(), 3, "{issues:#?}");
    let err = Definition::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(err.starts_with("3 problem(s) in the definition:\n"), "{err}");
}

#[test]
fn bad_json_is_a_parse_error_located_in_the_document() {
    let mut v = base();
    v["questions"][0]["type"] = json!("slider");
    match Definition::from_json(&v.to_string()) {
        Err(DefinitionError::Parse(Issue { path, message })) => {
            assert_eq!(path, "questions[0].type");
            assert!(message.contains("unknown variant `slider`"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }

    let mut v = base();
    v["pathways"][0]["requirements"][1]["met_when"] = json!({"compare": {"question": "l2_count", "op": "≥", "value": 3}});
    match Definition::from_json(&v.to_string()) {
        Err(DefinitionError::Parse(Issue { path, .. })) => assert_eq!(path, "pathways[0].requirements[1].met_when.compare.op"),
        other => panic!("expected a parse error, got {other:?}"),
    }

    let mut v = base();
    v["questions"][1]["colour"] = json!("red");
    match Definition::from_json(&v.to_string()) {
        Err(DefinitionError::Parse(Issue { path, message })) => {
            assert_eq!(path, "questions[1].colour");
            assert!(message.starts_with("unknown field `colour`"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }

    let mut v = base();
    v["version"] = json!("one");
    let err = Definition::from_json(&v.to_string()).unwrap_err();
    assert!(matches!(&err, DefinitionError::Parse(Issue { path, .. }) if path == "version"), "{err:?}");
    assert!(err.to_string().starts_with("version: invalid type"), "{err}");

    let err = Definition::from_json("{ not json").unwrap_err();
    assert!(matches!(err, DefinitionError::Parse(_)), "{err:?}");
}

#[test]
fn broken_definitions_never_panic() {
    // Every single-field deletion and a few hostile replacements of the base
    // definition must give Ok or Err, never a panic.
    fn paths(v: &Value, prefix: Vec<Value>, out: &mut Vec<Vec<Value>>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, c)| {
                let mut p = prefix.clone();
                p.push(json!(k));
                out.push(p.clone());
                paths(c, p, out);
            }),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
                let mut p = prefix.clone();
                p.push(json!(i));
                out.push(p.clone());
                paths(c, p, out);
            }),
            _ => {}
        }
    }
    fn set(v: &mut Value, path: &[Value], new: Option<Value>) {
        let (last, init) = path.split_last().unwrap();
        let mut cur = v;
        for k in init {
            cur = if let Some(i) = k.as_u64() { &mut cur[i as usize] } else { &mut cur[k.as_str().unwrap()] };
        }
        match (cur, last, new) {
            (Value::Object(m), Value::String(k), None) => {
                m.remove(k);
            }
            (Value::Array(a), Value::Number(i), None) => {
                a.remove(i.as_u64().unwrap() as usize);
            }
            (Value::Object(m), Value::String(k), Some(n)) => {
                m.insert(k.clone(), n);
            }
            (Value::Array(a), Value::Number(i), Some(n)) => a[i.as_u64().unwrap() as usize] = n,
            _ => unreachable!(),
        }
    }
    let mut all = Vec::new();
    paths(&base(), vec![], &mut all);
    let replacements = [None, Some(json!("")), Some(json!(-1)), Some(json!([])), Some(json!({})), Some(json!("questions"))];
    for path in &all {
        for r in &replacements {
            let mut v = base();
            set(&mut v, path, r.clone());
            let _ = Definition::from_json(&v.to_string());
        }
    }
}

#[test]
fn malformed_json_is_located_by_line_and_column_in_the_document() {
    let err = Definition::from_json("{\"id\": \"x\",\n \"version\": 1 \"title\": 3}").unwrap_err();
    assert_eq!(err.to_string(), "(document): expected `,` or `}` at line 2 column 15");
    let err = Definition::from_json("{\"id\": \"x\"").unwrap_err();
    assert_eq!(err.to_string(), "(document): EOF while parsing an object at line 1 column 10");
    let text = format!("{} x", base());
    let err = Definition::from_json(&text).unwrap_err();
    assert_eq!(err.to_string(), format!("(document): trailing characters at line 1 column {}", text.len()));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "{\"not\":".repeat(10_000), "}".repeat(10_000));
    let mut v = base();
    v["questions"][1]["when"] = json!("PLACEHOLDER");
    let text = v.to_string().replace("\"PLACEHOLDER\"", &deep);
    let err = Definition::from_json(&text).unwrap_err();
    // Said in plain words, at the column of the 128th object inside another
    // (`when` is the 4th: in the document, `questions`, a question).
    let column = text.find(&deep).unwrap() + 7 * (128 - 4) + 1;
    assert_eq!(
        err.to_string(),
        format!("(document): the document nests too deeply (more than 127 objects and lists inside one another) at line 1 column {column}")
    );
}

#[test]
fn a_step_address_must_be_a_web_address() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["url"] = json!("javascript:alert(1)");
    assert_issues(&v, &["pathways[0].requirements[0].url: an address must start with https://"]);
}

#[test]
fn in_progress_texts_come_with_their_condition_and_each_other() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["in_progress_when"] = json!({"equals": {"question": "l1", "value": false}});
    v["pathways"][0]["requirements"][0]["in_progress"] = json!("Under way.");
    assert_issues(&v, &["pathways[0].requirements[0].in_progress_when: in_progress_when needs both in_progress (why) and in_progress_action (the next step)"]);

    let mut v = base();
    v["pathways"][0]["requirements"][0]["in_progress_action"] = json!("Finish it.");
    assert_issues(&v, &["pathways[0].requirements[0].in_progress_when: in_progress and in_progress_action need in_progress_when"]);

    let mut v = base();
    v["pathways"][0]["requirements"][0]["in_progress_when"] = json!({"equals": {"question": "nope", "value": false}});
    v["pathways"][0]["requirements"][0]["in_progress"] = json!("Under way.");
    v["pathways"][0]["requirements"][0]["in_progress_action"] = json!("Finish it.");
    assert_issues(&v, &[r#"pathways[0].requirements[0].in_progress_when.equals: unknown question "nope""#]);
}

#[test]
fn a_shared_step_joins_requirements_of_different_pathways_only() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["step"] = json!("level1");
    v["pathways"][0]["requirements"][1]["step"] = json!("level1");
    assert_issues(
        &v,
        &[r#"pathways[0].requirements[1].step: step "level1" is already a step of this pathway: a shared step joins requirements of different pathways"#],
    );
}

#[test]
fn advice_about_a_step_names_an_existing_requirement() {
    let mut v = base();
    v["advice"][0]["about"] = json!("p/a");
    assert_issues(&v, &[]);
    for wrong in ["p/zz", "q/a", "a"] {
        v["advice"][0]["about"] = json!(wrong);
        assert_issues(&v, &[&format!(r#"advice[0].about: unknown step "{wrong}": write pathway_id/requirement_id"#)]);
    }
}

#[test]
fn a_source_s_compared_and_taken_dates_are_real_dates_written_yyyy_mm_dd() {
    for field in ["compared", "taken"] {
        let mut v = base();
        for good in ["2026-11-01", "2024-02-29"] {
            v["sources"][0][field] = json!(good);
            assert_issues(&v, &[]);
        }
        for bad in ["2026-13-01", "2025-02-29", "1 Nov 2026", "2026-11-1", "2026-04-31"] {
            v["sources"][0][field] = json!(bad);
            assert_issues(&v, &[&format!(r#"sources[0].{field}: "{bad}" is not a date written YYYY-MM-DD"#)]);
        }
    }
}

#[test]
fn a_source_s_checked_date_written_before_version_0_2_is_read_as_its_compared_date() {
    let mut v = base();
    v["sources"][0]["checked"] = json!("2026-05-01");
    let d = Definition::from_json(&v.to_string()).unwrap();
    assert_eq!(d.sources[0].compared.as_deref(), Some("2026-05-01"));
}

#[test]
fn the_rules_are_as_recently_compared_as_their_oldest_source() {
    let mut v = base();
    v["sources"] =
        json!([{"id": "src", "title": "A", "compared": "2026-05-01"}, {"id": "b", "title": "B", "compared": "2025-11-01"}, {"id": "c", "title": "C"}]);
    let d = Definition::from_json(&v.to_string()).unwrap();
    assert_eq!(d.rules_compared(), Some("2025-11-01"));
}

/// The base with an organization, and its first requirement left to it.
fn with_confirmation() -> Value {
    let mut v = base();
    v["organizations"] = json!([{"id": "guild", "name": "The Guild", "url": "https://guild.example"}]);
    let r = &mut v["pathways"][0]["requirements"][0];
    r["confirm_with"] = json!("guild");
    r["confirm"] = json!("The Guild decides.");
    r["confirm_action"] = json!("Ask the Guild.");
    v
}

#[test]
fn a_requirement_left_to_an_organization_names_a_listed_one_and_says_why_and_what_to_do() {
    assert_issues(&with_confirmation(), &[]);

    let mut v = with_confirmation();
    v["pathways"][0]["requirements"][0]["confirm_with"] = json!("guilds");
    assert_issues(&v, &[r#"pathways[0].requirements[0].confirm_with: unknown organization "guilds" (list it in organizations)"#]);

    let mut v = with_confirmation();
    v["pathways"][0]["requirements"][0].as_object_mut().unwrap().remove("confirm_action");
    assert_issues(
        &v,
        &["pathways[0].requirements[0].confirm: confirm_with needs both confirm (why the organization decides) and confirm_action (the next step)"],
    );

    let mut v = with_confirmation();
    v["pathways"][0]["requirements"][0].as_object_mut().unwrap().remove("confirm_with");
    assert_issues(&v, &["pathways[0].requirements[0].confirm_with: confirm and confirm_action need confirm_with, on the requirement or an alternative"]);

    let mut v = with_confirmation();
    v["organizations"][0]["name"] = json!(" ");
    assert_issues(&v, &["organizations[0].name: must not be empty"]);
}

#[test]
fn one_alternative_can_be_left_to_an_organization_but_not_both_it_and_the_whole_requirement() {
    let mut v = with_confirmation();
    let r = &mut v["pathways"][0]["requirements"][0];
    r.as_object_mut().unwrap().remove("confirm_with");
    r["met_when"] = json!({"any": [{"equals": {"question": "l1", "value": true}}, {"equals": {"question": "extra", "value": true}}]});
    r["alternatives"] = json!([{}, {"confirm_with": "guild", "confirm": "You say so; the Guild decides."}]);
    assert_issues(&v, &[]);

    v["pathways"][0]["requirements"][0]["confirm_with"] = json!("guild");
    assert_issues(
        &v,
        &["pathways[0].requirements[0].confirm_with: confirm_with on the requirement already covers every alternative: set it on one or the other"],
    );

    let r = &mut v["pathways"][0]["requirements"][0];
    r.as_object_mut().unwrap().remove("confirm_with");
    r["alternatives"] = json!([{"confirm": "Why"}, {"confirm_with": "guild"}]);
    assert_issues(&v, &["pathways[0].requirements[0].alternatives[0].confirm: confirm needs confirm_with on the same alternative"]);
}

#[test]
fn a_citation_quotes_or_paraphrases_and_a_paraphrase_cites_a_public_page() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["source"] = json!({"source": "src", "paraphrase": "What the page says."});
    assert_issues(&v, &[r#"pathways[0].requirements[0].source.paraphrase: a paraphrase cites a public page: source "src" needs a url"#]);
    v["sources"][0]["url"] = json!("https://example.org/page");
    assert_issues(&v, &[]);

    v["pathways"][0]["requirements"][0]["source"] = json!({"source": "src", "paraphrase": "What it says.", "quote": "What it says"});
    assert_issues(&v, &["pathways[0].requirements[0].source: a citation has a quote or a paraphrase, not both"]);
    v["pathways"][0]["requirements"][0]["source"] = json!({"source": "src"});
    assert_issues(&v, &["pathways[0].requirements[0].source.quote: a citation needs the quote it rests on (or a paraphrase of a public page)"]);
}

#[test]
fn an_optional_pathway_says_when_and_why() {
    let mut v = base();
    v["pathways"][0]["optional_when"] = json!({"equals": {"question": "extra", "value": true}});
    assert_issues(&v, &["pathways[0].optional: a pathway with optional_when must say why it is optional (optional)"]);
    v["pathways"][0]["optional"] = json!("You already hold what it leads to.");
    assert_issues(&v, &[]);
    v["pathways"][0].as_object_mut().unwrap().remove("optional_when");
    assert_issues(&v, &["pathways[0].optional_when: optional needs optional_when, the condition under which the pathway is optional"]);
}

#[test]
fn a_translation_is_a_relative_file_or_a_web_address_in_another_language() {
    let mut v = base();
    v["translations"] = json!({"fr-CA": "small.fr-CA.json", "de": "https://example.org/de.json", "es": "../es/small.json"});
    assert_eq!(issues_of(&v), Vec::<String>::new());

    let lang = v["lang"].as_str().unwrap_or("en").to_owned();
    v["translations"] = json!({ lang.clone(): "again.json", "fr-CA": "javascript:alert(1)", "de": "//cdn.example/de.json", "es": " //cdn.example/es.json", "it": "http://example.org/it.json", "fr-ca": "fr.json?v=2" });
    const RULE: &str = "must be a file name relative to this file, or start with https://, with no space, query or fragment";
    assert_issues(
        &v,
        &[
            &format!(r#"translations.de: "//cdn.example/de.json" {RULE}"#),
            &format!(r#"translations.{lang}: a translation needs a language other than this file's ("{lang}")"#),
            &format!(r#"translations.es: " //cdn.example/es.json" {RULE}"#),
            &format!(r#"translations.fr-CA: "javascript:alert(1)" {RULE}"#),
            r#"translations.fr-ca: the same language is listed twice (language tags ignore case)"#,
            &format!(r#"translations.fr-ca: "fr.json?v=2" {RULE}"#),
            &format!(r#"translations.it: "http://example.org/it.json" {RULE}"#),
        ],
    );
}
