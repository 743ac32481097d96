//! Size limits of custom definitions (docs/definition-format.md, "Limits"):
//! every text, every list and the nesting of conditions has a maximum, and
//! each one exceeded is reported once, at its path, with the size found. A
//! definition at the limits is valid; the built-in content is far below them.
use pathway::{Definition, DefinitionError, DEFAULT_DEFINITION_FR_CA_JSON, DEFAULT_DEFINITION_JSON};
use serde_json::{json, Value};

/// Names: titles, labels, sections, units, the publisher, a source's file.
const NAME: usize = 1000;
/// Sentences and paragraphs: question texts, hints, met/unmet/action, quotes, advice.
const TEXT: usize = 5000;
/// Addresses: a source's `url`, `$schema`.
const ADDRESS: usize = 2000;
/// The language tag.
const LANG: usize = 64;
/// Deepest condition nesting accepted.
const DEPTH: usize = 32;

/// The same small valid definition as tests/validation.rs.
fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/small-valid-definition.json")).expect("the fixture is JSON")
}

fn issues_of(v: &Value) -> Vec<String> {
    issues_in(&v.to_string())
}

fn issues_in(text: &str) -> Vec<String> {
    match Definition::from_json(text) {
        Ok(_) => vec![],
        Err(DefinitionError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
        Err(e @ DefinitionError::Parse(_)) => panic!("expected validation issues, got a parse error: {e}"),
    }
}

/// Sets the value at a JSON pointer, creating the last member if needed.
fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
        Value::Object(m) => {
            m.insert(last.to_owned(), new);
        }
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = new,
        other => panic!("{parent} is {other}"),
    }
}

/// Every text of the format: where it is (a JSON pointer into `base()`,
/// after `prepare`), the path the messages give, and its limit.
fn texts() -> Vec<(&'static str, &'static str, usize)> {
    vec![
        ("/$schema", "$schema", ADDRESS),
        ("/lang", "lang", LANG),
        ("/title", "title", NAME),
        ("/intro", "intro", TEXT),
        ("/publisher", "publisher", NAME),
        ("/sources/0/title", "sources[0].title", NAME),
        ("/sources/0/file", "sources[0].file", NAME),
        ("/sources/0/url", "sources[0].url", ADDRESS),
        ("/questions/1/section", "questions[1].section", NAME),
        ("/questions/1/text", "questions[1].text", TEXT),
        ("/questions/1/hint", "questions[1].hint", TEXT),
        ("/questions/1/unit", "questions[1].unit", NAME),
        ("/questions/2/options/1/label", "questions[2].options[1].label", NAME),
        ("/questions/2/options/1/hint", "questions[2].options[1].hint", TEXT),
        ("/pathways/0/title", "pathways[0].title", NAME),
        ("/pathways/0/summary", "pathways[0].summary", TEXT),
        ("/pathways/0/goal", "pathways[0].goal", TEXT),
        ("/pathways/0/not_applicable", "pathways[0].not_applicable", TEXT),
        ("/pathways/0/requirements/1/title", "pathways[0].requirements[1].title", NAME),
        ("/pathways/0/requirements/1/met", "pathways[0].requirements[1].met", TEXT),
        ("/pathways/0/requirements/1/unmet", "pathways[0].requirements[1].unmet", TEXT),
        ("/pathways/0/requirements/1/action", "pathways[0].requirements[1].action", TEXT),
        ("/pathways/0/requirements/1/url", "pathways[0].requirements[1].url", ADDRESS),
        ("/pathways/0/requirements/1/source/quote", "pathways[0].requirements[1].source.quote", TEXT),
        ("/advice/0/title", "advice[0].title", NAME),
        ("/advice/0/text", "advice[0].text", TEXT),
        ("/advice/0/points/1", "advice[0].points[1]", TEXT),
        ("/advice/0/source/quote", "advice[0].source.quote", TEXT),
    ]
}

/// A text of `n` characters of `c` for the member at `pointer`: an
/// address keeps its required `https://` start.
fn filled(pointer: &str, n: usize, c: &str) -> Value {
    match pointer.ends_with("/url") {
        true => json!(format!("https://{}", c.repeat(n - "https://".len()))),
        false => json!(c.repeat(n)),
    }
}

/// `base()` with the optional members that `texts()` sets given a value.
fn prepare() -> Value {
    let mut v = base();
    set(&mut v, "/advice/0/points", json!(["First.", "Second."]));
    v
}

#[test]
fn every_text_longer_than_its_limit_is_reported_at_its_path_with_its_length() {
    for (pointer, path, max) in texts() {
        let mut v = prepare();
        set(&mut v, pointer, filled(pointer, max + 1, "x"));
        assert_eq!(issues_of(&v), [format!("{path}: longer than {max} characters (it has {})", max + 1)], "{pointer}");
    }
}

#[test]
fn every_text_at_its_limit_is_accepted_counted_in_characters_not_bytes() {
    for (pointer, _, max) in texts() {
        let mut v = prepare();
        // Two bytes each in UTF-8: a limit counted in bytes would refuse it.
        set(&mut v, pointer, filled(pointer, max, "é"));
        assert_eq!(issues_of(&v), Vec::<String>::new(), "{pointer}");
    }
}

#[test]
fn a_five_million_character_question_text_is_refused_with_its_length() {
    let mut v = base();
    set(&mut v, "/questions/3/text", json!("w".repeat(5_000_000)));
    assert_eq!(issues_of(&v), ["questions[3].text: longer than 5000 characters (it has 5000000)"]);
}

#[test]
fn an_id_far_too_long_is_quoted_shortened_in_its_messages() {
    let long = "a".repeat(1_000_000);
    let mut v = base();
    set(&mut v, "/questions/4/when", json!({"answered": long}));
    set(&mut v, "/pathways/0/requirements/1/after/0", json!(long));
    let issues = issues_of(&v);
    assert_eq!(issues.len(), 2, "{issues:?}");
    for issue in &issues {
        assert!(issue.len() < 300, "{}…", issue.chars().take(300).collect::<String>());
        let shown = format!("\"{}…\" (1000000 characters)", "a".repeat(64));
        assert!(issue.contains(&shown), "{issue}");
    }
}

/// Every list of the format: where it is, the path the message gives, its
/// limit, the name of its items, and its valid `i`th item.
type ListCase = (&'static str, &'static str, usize, &'static str, fn(usize) -> Value);

fn lists() -> Vec<ListCase> {
    fn requirement(i: usize) -> Value {
        json!({"id": format!("r{i}"), "title": "R", "met_when": {"answered": "l1"},
               "met": "m", "unmet": "u", "action": "do", "source": {"source": "src", "quote": "q"}})
    }
    vec![
        ("/sources", "sources", 100, "sources", |i| json!({"id": format!("s{i}"), "title": "S"})),
        ("/organizations", "organizations", 100, "organizations", |i| json!({"id": format!("o{i}"), "name": "O"})),
        ("/questions", "questions", 500, "questions", |i| json!({"id": format!("q{i}"), "text": "Q?", "type": "yes_no"})),
        ("/questions/2/options", "questions[2].options", 100, "options", |i| json!({"id": format!("o{i}"), "label": "O"})),
        ("/pathways", "pathways", 100, "pathways", |i| json!({"id": format!("p{i}"), "title": "P", "requirements": [requirement(0)]})),
        ("/pathways/0/requirements", "pathways[0].requirements", 200, "requirements", requirement),
        ("/pathways/0/requirements/1/after", "pathways[0].requirements[1].after", 50, "requirement ids", |_| json!("a")),
        ("/advice", "advice", 500, "advice items", |i| json!({"id": format!("a{i}"), "title": "T", "text": "Text", "source": {"source": "src", "quote": "q"}})),
        ("/advice/0/points", "advice[0].points", 50, "points", |i| json!(format!("Point {i}."))),
        ("/advice/0/when/all", "advice[0].when.all", 100, "conditions", |_| json!({"answered": "l1"})),
        ("/advice/0/when/any", "advice[0].when.any", 100, "conditions", |_| json!({"answered": "l1"})),
        ("/advice/0/when/at_least/of", "advice[0].when.at_least.of", 100, "conditions", |_| json!({"answered": "l1"})),
        ("/advice/0/when/one_of/values", "advice[0].when.one_of.values", 100, "option ids", |_| json!("ca")),
        ("/advice/0/when/equals/value", "advice[0].when.equals.value", 100, "option ids", |_| json!("dance")),
    ]
}

/// `base()` with a list of `n` items at `pointer` (the kept items of the
/// original list first, for the references to them).
fn with_list(pointer: &str, n: usize, item: fn(usize) -> Value) -> Value {
    let mut v = base();
    match pointer {
        "/advice/0/when/all" => set(&mut v, "/advice/0/when", json!({"all": []})),
        "/advice/0/when/any" => set(&mut v, "/advice/0/when", json!({"any": []})),
        "/advice/0/when/at_least/of" => set(&mut v, "/advice/0/when", json!({"at_least": {"n": 1, "of": []}})),
        "/advice/0/when/equals/value" => set(&mut v, "/advice/0/when", json!({"equals": {"question": "skills", "value": []}})),
        "/advice/0/points" => set(&mut v, pointer, json!([])),
        _ => {}
    }
    if pointer == "/organizations" {
        v["organizations"] = json!([]);
    }
    let list = v.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
    // Keep the items the rest of the definition refers to.
    let keep = match pointer {
        "/questions" => 5,
        "/questions/2/options" | "/pathways/0/requirements" => 2,
        "/sources" | "/pathways" | "/advice" => 1,
        _ => 0,
    };
    list.truncate(keep);
    list.extend((keep..n).map(item));
    v
}

#[test]
fn every_list_longer_than_its_limit_is_reported_once_at_its_path_with_its_length() {
    for (pointer, path, max, items, item) in lists() {
        let v = with_list(pointer, max + 1, item);
        assert_eq!(issues_of(&v), [format!("{path}: more than {max} {items} (it has {})", max + 1)], "{pointer}");
    }
}

#[test]
fn every_list_at_its_limit_is_accepted() {
    for (pointer, _, max, _, item) in lists() {
        let v = with_list(pointer, max, item);
        assert_eq!(issues_of(&v), Vec::<String>::new(), "{pointer}");
    }
}

/// `{"all": [{"all": [… {"answered": "l1"} …]}]}`, `levels` conditions deep
/// (the innermost `answered` is one of them).
fn nested_all(levels: usize) -> Value {
    let mut c = json!({"answered": "l1"});
    for _ in 1..levels {
        c = json!({ "all": [c] });
    }
    c
}

#[test]
fn a_condition_nested_as_deep_as_the_limit_is_accepted() {
    let mut v = base();
    set(&mut v, "/pathways/0/requirements/0/met_when", nested_all(DEPTH));
    set(&mut v, "/questions/4/when", nested_all(DEPTH));
    assert_eq!(issues_of(&v), Vec::<String>::new());
}

#[test]
fn a_condition_nested_deeper_than_the_limit_is_reported_once_where_it_goes_too_deep() {
    let mut v = base();
    set(&mut v, "/pathways/0/requirements/0/met_when", nested_all(DEPTH + 1));
    let path = format!("pathways[0].requirements[0].met_when{}", ".all[0]".repeat(DEPTH));
    assert_eq!(issues_of(&v), [format!("{path}: conditions nested deeper than 32 levels")]);

    // A question's `when` too (its reachability is worked out on it as well).
    let mut v = base();
    set(&mut v, "/questions/4/when", nested_all(60));
    let path = format!("questions[4].when{}", ".all[0]".repeat(DEPTH));
    assert_eq!(issues_of(&v), [format!("{path}: conditions nested deeper than 32 levels")]);
}

#[test]
fn a_condition_nested_just_within_what_the_json_reader_takes_is_reported_at_its_path() {
    // 122 conditions (121 `not`s around an `answered`) in a requirement,
    // itself 5 levels down: 127 objects and lists inside one another, as
    // deep as serde_json reads.
    let mut c = json!({"answered": "l1"});
    for _ in 1..122 {
        c = json!({ "not": c });
    }
    let mut v = base();
    set(&mut v, "/pathways/0/requirements/0/met_when", c);
    let path = format!("pathways[0].requirements[0].met_when{}", ".not".repeat(DEPTH));
    assert_eq!(issues_of(&v), [format!("{path}: conditions nested deeper than 32 levels")]);
}

/// The limit of a text, by the name of its member; `None` for ids and names of things.
fn text_limit(member: &str) -> Option<usize> {
    match member {
        "title" | "label" | "section" | "unit" | "publisher" | "file" | "name" => Some(NAME),
        "url" | "$schema" => Some(ADDRESS),
        "lang" => Some(LANG),
        "intro" | "text" | "hint" | "summary" | "goal" | "not_applicable" | "met" | "unmet" | "action" | "quote" | "points" | "in_progress"
        | "in_progress_action" | "closest" | "paraphrase" | "confirm" | "confirm_action" | "optional" => Some(TEXT),
        _ => None,
    }
}

/// The limit of a list, by the name of its member.
fn list_limit(member: &str) -> usize {
    match member {
        // One text per alternative of an `any` or `at_least`: as many as it has.
        "sources" | "organizations" | "options" | "pathways" | "all" | "any" | "of" | "values" | "value" | "alternatives" => 100,
        "questions" | "advice" => 500,
        "requirements" => 200,
        "after" | "points" => 50,
        other => panic!("a list named {other}"),
    }
}

/// How far below the limits a definition is: the largest ratio of a size to
/// its limit, with what it is; and its deepest condition.
fn closest_to_a_limit(d: &Value) -> ((f64, String), usize) {
    fn depth(c: &Value) -> usize {
        let (name, arg) = c.as_object().unwrap().iter().next().unwrap();
        let inner: Vec<&Value> = match name.as_str() {
            "all" | "any" => arg.as_array().unwrap().iter().collect(),
            "at_least" => arg["of"].as_array().unwrap().iter().collect(),
            "not" => vec![arg],
            _ => vec![],
        };
        1 + inner.into_iter().map(depth).max().unwrap_or(0)
    }
    fn walk(v: &Value, member: &str, worst: &mut (f64, String), deepest: &mut usize) {
        let mut note = |size: usize, max: usize, what: String| {
            let ratio = size as f64 / max as f64;
            if ratio > worst.0 {
                *worst = (ratio, what);
            }
        };
        match v {
            Value::String(s) => {
                if let Some(max) = text_limit(member) {
                    note(s.chars().count(), max, format!("a {member} of {} characters", s.chars().count()));
                }
            }
            Value::Array(a) => {
                note(a.len(), list_limit(member), format!("{} {member}", a.len()));
                a.iter().for_each(|c| walk(c, member, worst, deepest));
            }
            Value::Object(m) => {
                for (k, c) in m {
                    if ["when", "applies_when", "met_when"].contains(&k.as_str()) {
                        *deepest = (*deepest).max(depth(c));
                    }
                    walk(c, k, worst, deepest);
                }
            }
            _ => {}
        }
    }
    let (mut worst, mut deepest) = ((0.0, String::new()), 0);
    walk(d, "", &mut worst, &mut deepest);
    (worst, deepest)
}

#[test]
fn the_built_in_content_is_valid_and_at_most_a_fifth_of_every_limit() {
    for text in [DEFAULT_DEFINITION_JSON, DEFAULT_DEFINITION_FR_CA_JSON] {
        assert_eq!(issues_in(text), Vec::<String>::new());
        let d: Value = serde_json::from_str(text).unwrap();
        let ((ratio, what), depth) = closest_to_a_limit(&d);
        assert!(ratio <= 0.2, "{what}: {:.0}% of its limit", ratio * 100.0);
        assert!(depth * 5 <= DEPTH, "a condition {depth} levels deep");
    }
}
