//! Whether two language versions of a definition say the same thing: same
//! ids, same rules, same cited sentences, with only the texts a candidate
//! reads translated. The built-in content's test, `icp-check` and the widget
//! (before it switches to an organization's other language) all use this
//! one rule.
//!
//! It compares the JSON documents, not the parsed types, so that a field
//! added to the format is compared without anyone remembering to.
use serde_json::Value;

use super::error::Issue;

/// Fields whose string values are translated; everything else must be
/// identical. A citation's `quote` is not among them: it stays in the
/// language of its source; a `paraphrase` is the author's words, so it is.
pub const TEXT_FIELDS: &[&str] = &[
    "title",
    "intro",
    "publisher",
    "text",
    "hint",
    "section",
    "unit",
    "label",
    "summary",
    "goal",
    "not_applicable",
    "met",
    "unmet",
    "action",
    "in_progress",
    "in_progress_action",
    "closest",
    "points",
    "confirm",
    "confirm_action",
    "optional",
    "paraphrase",
    "name",
];

/// Top-level fields that belong to one file, not to what it says.
const OWN_FIELDS: &[&str] = &["$schema", "lang", "translations"];

/// Every way `other` (a translation, listed in `main`'s `translations` as
/// the `listed` language) differs from `main` other than in its texts, each
/// at its path; empty when they say the same thing. It must be in the
/// language it is listed as, and not in `main`'s.
pub fn translation_problems(main: &Value, other: &Value, listed: &str) -> Vec<Issue> {
    let lang = |v: &Value| v.get("lang").and_then(Value::as_str).unwrap_or("en").to_owned();
    let (a, b) = (lang(main), lang(other));
    let mut walk = Walk { main: &a, other: &b, problems: Vec::new() };
    if b != listed {
        walk.issue("lang", format!("listed as the {listed} version, but its lang is \"{b}\""));
    }
    if a.eq_ignore_ascii_case(&b) {
        walk.issue("lang", format!("both versions say they are in \"{a}\": a translation declares its own language"));
    }
    walk.compare(main, other, String::new(), false);
    walk.problems
}

struct Walk<'a> {
    main: &'a str,
    other: &'a str,
    problems: Vec<Issue>,
}

impl Walk<'_> {
    fn issue(&mut self, path: impl Into<String>, message: String) {
        let path = path.into();
        self.problems.push(Issue { path: if path.is_empty() { ".".to_owned() } else { path }, message });
    }

    /// Two versions of a text differ, as they should; but not one empty and the other not.
    fn texts(&mut self, path: String, x: &str, y: &str) {
        if x.trim().is_empty() != y.trim().is_empty() {
            self.issue(path, "a text in one version is empty in the other".to_owned());
        }
    }

    fn compare(&mut self, a: &Value, b: &Value, path: String, in_text: bool) {
        let at = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let own = |k: &String| path.is_empty() && OWN_FIELDS.contains(&k.as_str());
                for k in x.keys().filter(|k| !y.contains_key(*k) && !own(k)) {
                    self.issue(at(k), format!("only in the {} version", self.main));
                }
                for k in y.keys().filter(|k| !x.contains_key(*k) && !own(k)) {
                    self.issue(at(k), format!("only in the {} version", self.other));
                }
                for (k, va) in x.iter().filter(|(k, _)| !own(k)) {
                    if let Some(vb) = y.get(k) {
                        self.compare(va, vb, at(k), TEXT_FIELDS.contains(&k.as_str()));
                    }
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                if x.len() != y.len() {
                    self.issue(path.clone(), format!("{} items in the {} version, {} in the {} version", x.len(), self.main, y.len(), self.other));
                }
                for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                    self.compare(va, vb, format!("{path}[{i}]"), in_text);
                }
            }
            (Value::String(x), Value::String(y)) if in_text => self.texts(path, x, y),
            (x, y) if x != y => {
                let message = format!("{x} in the {} version but {y} in the {} version (only texts may differ)", self.main, self.other);
                self.issue(path, message);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_translated_text_is_no_difference_but_a_changed_rule_is() {
        let en = json!({"lang": "en", "title": "Hello", "questions": [{"id": "a", "text": "Age?", "min": 18}]});
        let fr = json!({"lang": "fr-CA", "title": "Bonjour", "questions": [{"id": "a", "text": "Âge ?", "min": 16}]});
        let problems = translation_problems(&en, &fr, "fr-CA");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].to_string(), "questions[0].min: 18 in the en version but 16 in the fr-CA version (only texts may differ)");
    }

    #[test]
    fn each_file_keeps_its_own_schema_language_and_translations() {
        let en = json!({"$schema": "a.json", "lang": "en", "translations": {"fr-CA": "fr.json"}, "id": "x"});
        let fr = json!({"lang": "fr-CA", "id": "x"});
        assert!(translation_problems(&en, &fr, "fr-CA").is_empty());
        assert_eq!(translation_problems(&en, &fr, "fr")[0].to_string(), r#"lang: listed as the fr version, but its lang is "fr-CA""#);
        let same = json!({"lang": "en", "id": "x"});
        assert_eq!(translation_problems(&en, &same, "en")[0].path, "lang");
    }

    #[test]
    fn a_missing_item_and_an_extra_field_are_located() {
        let en = json!({"lang": "en", "advice": [{"id": "a"}, {"id": "b"}]});
        let fr = json!({"lang": "fr-CA", "advice": [{"id": "a", "extra": 1}]});
        let problems: Vec<String> = translation_problems(&en, &fr, "fr-CA").iter().map(ToString::to_string).collect();
        assert_eq!(problems, ["advice: 2 items in the en version, 1 in the fr-CA version", "advice[0].extra: only in the fr-CA version"]);
    }
}
