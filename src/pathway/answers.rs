use std::collections::BTreeMap;

use super::json::{FromJson, Json, Path, ReadError, ToJson};

/// One answer, as the candidate gave it.
///
/// Written as the plain JSON value so that answer files read naturally:
/// `true`, `"yes_idc"`, `["movement", "stunts"]`, `300`.
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl FromJson for Answer {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        Ok(match v {
            Json::Bool(b) => Answer::Bool(b),
            Json::Int(n) => Answer::Number(n),
            Json::Str(s) => Answer::Choice(s),
            Json::Arr(_) => Answer::Choices(FromJson::read(v, at)?),
            other => {
                let expected = "true or false, a whole number, an option id, or a list of option ids";
                return Err(at.error(format!("invalid type: {}, expected {expected}", other.describe())));
            }
        })
    }
}

impl ToJson for Answer {
    fn to_json(&self) -> Json {
        match self {
            Answer::Bool(b) => Json::Bool(*b),
            Answer::Number(n) => Json::Int(*n),
            Answer::Choice(c) => Json::Str(c.clone()),
            Answer::Choices(cs) => Json::Arr(cs.iter().map(ToJson::to_json).collect()),
        }
    }
}

/// Reads a set of answers from JSON text (an answers file, a share link).
pub fn answers_from_json(text: &str) -> Result<Answers, ReadError> {
    super::json::from_str(text)
}

/// The compact JSON text of a set of answers.
pub fn answers_to_json(answers: &Answers) -> String {
    answers.to_json().to_string()
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
        let read = |t: &str| super::super::json::from_str::<Answer>(t);
        assert_eq!(
            read("2.5").unwrap_err().to_string(),
            ".: invalid type: number `2.5`, expected true or false, a whole number, an option id, or a list of option ids"
        );
        assert!(read(r#"{"x": 1}"#).is_err());
        assert_eq!(read("[1]").unwrap_err().to_string(), "[0]: invalid type: integer `1`, expected a string");
        assert!(read("null").is_err());
    }
}
