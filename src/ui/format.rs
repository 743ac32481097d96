//! How answers read back to the candidate.
use super::texts::Texts;
use crate::pathway::{Answer, Question};

/// The answer in the candidate's words: option labels, "Yes"/"No", "300 hours".
pub fn answer_text(question: &Question, answer: &Answer, texts: &Texts) -> String {
    match answer {
        Answer::Bool(true) => texts.yes.to_owned(),
        Answer::Bool(false) => texts.no.to_owned(),
        Answer::Number(n) => match &question.kind {
            crate::pathway::QuestionKind::Number { unit: Some(u), .. } => format!("{n} {u}"),
            _ => n.to_string(),
        },
        Answer::Choice(c) => question.option_label(c).unwrap_or(c).to_owned(),
        Answer::Choices(cs) => cs.iter().map(|c| question.option_label(c).unwrap_or(c)).collect::<Vec<_>>().join(", "),
    }
}
