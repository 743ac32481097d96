//! Every language of the default content says the same thing: same ids, same
//! rules, same cited sentences; only the candidate-facing texts differ.
#![cfg(not(target_arch = "wasm32"))]
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = format!("{}/../../content/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn compare(en: &Value, other: &Value) -> Vec<String> {
    pathway::translation_problems(en, other, "fr-CA").iter().map(ToString::to_string).collect()
}

#[test]
fn the_french_content_has_every_key_of_the_english_and_no_other() {
    let problems = compare(&load("default.en.json"), &load("default.fr-CA.json"));
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_comparison_catches_a_missing_key_and_a_changed_rule() {
    let en = load("default.en.json");
    let mut fr = load("default.fr-CA.json");
    fr["questions"][0].as_object_mut().unwrap().remove("hint");
    fr["pathways"][0]["requirements"][1]["met_when"]["compare"]["value"] = Value::from(4);
    let problems = compare(&en, &fr);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p == "questions[0].hint: only in the en version"), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("met_when.compare.value: 3 in the en version but 4 in the fr-CA version")), "{problems:?}");
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
