use std::collections::BTreeMap;

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// One answer, as the candidate gave it.
///
/// Untagged so that answer files read naturally: `true`, `"yes_idc"`,
/// `["movement", "stunts"]`, `300`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

// Written by hand rather than `#[serde(untagged)]`: untagged enums buffer
// their input through serde's generic `Content`, which costs code size in the
// wasm bundle, and give the useless error "did not match any variant".
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;
        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true or false, a whole number, an option id, or a list of option ids")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::Number(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                i64::try_from(v).map(Answer::Number).map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::Choice(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Answer::Choices(out))
            }
        }
        deserializer.deserialize_any(AnswerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_from_plain_json_values() {
        let a: Answers = serde_json::from_str(r#"{"a": true, "b": 300, "c": "idi", "d": ["x", "y"]}"#).unwrap();
        assert_eq!(a["a"], Answer::Bool(true));
        assert_eq!(a["b"], Answer::Number(300));
        assert_eq!(a["c"], Answer::Choice("idi".into()));
        assert_eq!(a["d"], Answer::Choices(vec!["x".into(), "y".into()]));
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"a":true,"b":300,"c":"idi","d":["x","y"]}"#);
    }

    #[test]
    fn a_fraction_or_an_object_is_not_an_answer() {
        assert!(serde_json::from_str::<Answer>("2.5").is_err());
        assert!(serde_json::from_str::<Answer>(r#"{"x": 1}"#).is_err());
        assert!(serde_json::from_str::<Answer>(r#"[1]"#).is_err());
    }
}
