use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer, as the candidate gave it.
///
/// Untagged so that answer files read naturally: `true`, `"yes_idc"`,
/// `["movement", "stunts"]`, `300`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
