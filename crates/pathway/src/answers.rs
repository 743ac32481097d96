//! Answers as the candidate gave them, written as plain JSON values.
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::error::{read_json, Issue};

/// One answer, as the candidate gave it.
///
/// Written as the plain JSON value (untagged) so that answer files read
/// naturally: `true`, `"yes_idc"`, `["movement", "stunts"]`, `300`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// The answer to a yes/no question.
    Bool(bool),
    /// A whole number, for number questions.
    Number(i64),
    /// The id of the chosen option of a single-choice question.
    Choice(String),
    /// The ids of the chosen options of a multiple-choice question.
    Choices(Vec<String>),
}

/// All answers, keyed by question id. Ordered so that saved data and share
/// links serialize the same way every time.
pub type Answers = BTreeMap<String, Answer>;

const EXPECTED: &str = "true or false, a whole number, an option id, or a list of option ids";

// By hand rather than `#[serde(untagged)]`: the derived form buffers the
// value and, on failure, says only that no variant matched; this visitor
// names what was found and, inside a list, the item's index.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;
        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(b))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Answer, E> {
                Ok(Answer::Number(n))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Answer, E> {
                i64::try_from(n).map(Answer::Number).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Answer, E> {
                // serde-wasm-bindgen hands every JavaScript number over as a float.
                if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
                    Ok(Answer::Number(n as i64))
                } else {
                    Err(E::invalid_type(de::Unexpected::Float(n), &self))
                }
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Answer, E> {
                Ok(Answer::Choice(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Answer, E> {
                Ok(Answer::Choice(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Answer::Choices(ids))
            }
        }
        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// Reads a set of answers from JSON text (an answers file, a share link).
pub fn answers_from_json(text: &str) -> Result<Answers, Issue> {
    read_json(text)
}

/// The compact JSON text of a set of answers.
pub fn answers_to_json(answers: &Answers) -> String {
    serde_json::to_string(answers).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_from_plain_json_values() {
        let a = answers_from_json(r#"{"a": true, "b": 300, "c": "idi", "d": ["x", "y"]}"#).unwrap();
        assert_eq!(a["a"], Answer::Bool(true));
        assert_eq!(a["b"], Answer::Number(300));
        assert_eq!(a["c"], Answer::Choice("idi".into()));
        assert_eq!(a["d"], Answer::Choices(vec!["x".into(), "y".into()]));
        assert_eq!(answers_to_json(&a), r#"{"a":true,"b":300,"c":"idi","d":["x","y"]}"#);
    }

    #[test]
    fn a_fraction_an_object_or_a_list_of_numbers_is_not_an_answer() {
        let read = |t: &str| read_json::<Answer>(t);
        assert_eq!(
            read("2.5").unwrap_err().to_string(),
            ".: invalid type: floating point `2.5`, expected true or false, a whole number, an option id, or a list of option ids at line 1 column 3"
        );
        assert!(read(r#"{"x": 1}"#).is_err());
        assert_eq!(read("[1]").unwrap_err().to_string(), "[0]: invalid type: integer `1`, expected a string at line 1 column 2");
        assert!(read("null").is_err());
    }

    #[test]
    fn an_answer_under_an_empty_or_dotted_key_is_located_unambiguously() {
        let err = answers_from_json(r#"{"": null}"#).unwrap_err();
        assert_eq!(err.path, r#"[""]"#);
        let err = answers_from_json(r#"{"a.b": null}"#).unwrap_err();
        assert_eq!(err.path, r#"["a.b"]"#);
        let err = answers_from_json(r#"{"level_2": [1]}"#).unwrap_err();
        assert_eq!(err.path, "level_2[0]");
    }
}
