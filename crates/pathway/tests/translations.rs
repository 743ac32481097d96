//! Every language of the default content says the same thing: same ids, same
//! rules, same cited sentences; only the candidate-facing texts differ.
#![cfg(not(target_arch = "wasm32"))]
use serde_json::Value;

/// Fields whose string values are translated; everything else must be identical.
const TEXT_FIELDS: &[&str] =
    &["title", "intro", "publisher", "text", "hint", "section", "unit", "label", "summary", "goal", "not_applicable", "met", "unmet", "action", "in_progress", "in_progress_action", "closest", "points"];

fn load(name: &str) -> Value {
    let path = format!("{}/../../content/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Walks both documents together and lists every difference in structure or rules.
fn compare(en: &Value, other: &Value, path: &str, in_text: bool, problems: &mut Vec<String>) {
    match (en, other) {
        (Value::Object(a), Value::Object(b)) => {
            for k in a.keys().filter(|k| !b.contains_key(*k)) {
                problems.push(format!("{path}.{k}: only in English"));
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                problems.push(format!("{path}.{k}: only in the translation"));
            }
            for (k, va) in a {
                if let Some(vb) = b.get(k) {
                    compare(va, vb, &format!("{path}.{k}"), TEXT_FIELDS.contains(&k.as_str()), problems);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problems.push(format!("{path}: {} items in English, {} in the translation", a.len(), b.len()));
            }
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                compare(va, vb, &format!("{path}[{i}]"), in_text, problems);
            }
        }
        (Value::String(a), Value::String(b)) if in_text => {
            if a.trim().is_empty() || b.trim().is_empty() {
                problems.push(format!("{path}: empty text"));
            }
        }
        (a, b) if path == ".lang" => assert_ne!(a, b, "the translation must declare its own language"),
        (a, b) => {
            if a != b {
                problems.push(format!("{path}: {a} in English but {b} in the translation (only texts may differ)"));
            }
        }
    }
}

#[test]
fn the_french_content_has_every_key_of_the_english_and_no_other() {
    let mut problems = Vec::new();
    compare(&load("default.en.json"), &load("default.fr-CA.json"), "", false, &mut problems);
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_comparison_catches_a_missing_key_and_a_changed_rule() {
    let en = load("default.en.json");
    let mut fr = load("default.fr-CA.json");
    fr["questions"][0].as_object_mut().unwrap().remove("hint");
    fr["pathways"][0]["requirements"][1]["met_when"]["compare"]["value"] = Value::from(4);
    let mut problems = Vec::new();
    compare(&en, &fr, "", false, &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains(".questions[0].hint: only in English")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("met_when.compare.value: 3 in English but 4")), "{problems:?}");
}

#[test]
fn both_languages_load_as_valid_definitions_with_the_same_id() {
    let all = pathway::default_definitions().expect("both languages are valid");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].lang, "en");
    assert_eq!(all[1].lang, "fr-CA");
    assert_eq!(all[0].id, all[1].id, "same id, so saved answers carry over a language switch");
}

#[test]
fn the_cited_sentences_stay_in_the_language_of_the_source() {
    let all = pathway::default_definitions().unwrap();
    for (en, fr) in all[0].pathways.iter().zip(&all[1].pathways) {
        for (a, b) in en.requirements.iter().zip(&fr.requirements) {
            assert_eq!(a.source, b.source, "{}", a.id);
            assert_ne!(a.title, b.title, "{} is translated", a.id);
        }
    }
}
