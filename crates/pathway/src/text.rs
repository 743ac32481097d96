//! Texts that say the candidate's own situation back to them: `{answer}`,
//! `{target}` and `{remaining}` filled in from the answers, texts per
//! alternative of an "at least one of" requirement, and texts per option of
//! a choice.
//!
//! What a placeholder may stand in is decided by validation, from the
//! condition a text rests on (its *subject*): `{target}` needs a `>=` or `>`
//! comparison of a number; `{answer}` and `{remaining}` need the answer, so
//! they are only allowed in texts that are shown when that answer is there
//! (a met requirement, a step under way, an option's own text, an
//! alternative's). A text is never shown with a placeholder left in it.
use std::borrow::Cow;

use super::answers::Answer;
use super::condition::{Cmp, Condition, Lookup};
use super::definition::{Definition, Question, QuestionKind, Requirement};

/// The placeholders a text may use.
pub const PLACEHOLDERS: &[&str] = &["answer", "target", "remaining"];

/// The placeholders `{name}` written in a text, in order (names of letters
/// and `_` between braces; other braces are plain text).
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let (name, _) = rest.split_once('}')?;
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some(name)
    })
}

/// The leaf condition a text speaks of: one question, and for a comparison
/// the number it is compared with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject<'d> {
    /// The question the condition reads.
    pub question: &'d str,
    /// The number to reach, for `>=` and `>` comparisons.
    pub target: Option<i64>,
}

impl<'d> Subject<'d> {
    /// The subject of a condition, if it reads one question directly.
    pub fn of(condition: &'d Condition) -> Option<Self> {
        match condition {
            Condition::Compare { question, op, value } => Some(Subject {
                question,
                target: match op {
                    Cmp::Ge => Some(*value),
                    Cmp::Gt => value.checked_add(1),
                    _ => None,
                },
            }),
            Condition::Equals { question, .. } | Condition::OneOf { question, .. } | Condition::Includes { question, .. } => {
                Some(Subject { question, target: None })
            }
            _ => None,
        }
    }

    /// The subject of a requirement's texts for a step under way: the
    /// question `in_progress_when` reads, and the target of `met_when` when
    /// it reads the same question ("1 of the 3 workshops", not "of the 1").
    pub fn of_progress(r: &'d Requirement) -> Option<Self> {
        let progress = Self::of(r.in_progress_when.as_ref()?)?;
        match Self::of(&r.met_when) {
            Some(met) if met.question == progress.question => Some(met),
            _ => Some(progress),
        }
    }

    /// Whether a text on this subject can use the placeholder `name`;
    /// `answered`: whether the text is only shown when the question is
    /// answered. Yes/no answers have no words of their own in the
    /// definition's language, so `{answer}` does not stand for them.
    pub fn allows(&self, name: &str, answered: bool, definition: &Definition) -> bool {
        let yes_no = matches!(definition.question(self.question).map(|q| &q.kind), Some(QuestionKind::YesNo));
        match name {
            "target" => self.target.is_some(),
            "remaining" => answered && self.target.is_some(),
            "answer" => answered && !yes_no,
            _ => false,
        }
    }
}

/// Fills a text's placeholders from the answer to its subject's question;
/// `None` when one cannot be filled (then the text is not shown).
pub(crate) fn fill<'t, 'a>(text: &'t str, subject: Option<Subject<'_>>, lookup: &impl Fn(&str) -> Lookup<'a>, definition: &Definition) -> Option<Cow<'t, str>> {
    if placeholders(text).next().is_none() {
        return Some(Cow::Borrowed(text));
    }
    let subject = subject?;
    let answer = match lookup(subject.question) {
        Lookup::Answered(a) => Some(a),
        _ => None,
    };
    let question = definition.question(subject.question);
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.split_once('}').map(|(n, _)| n).filter(|n| PLACEHOLDERS.contains(n));
        let Some(name) = name else {
            out.push('{');
            rest = after;
            continue;
        };
        let value = match name {
            "target" => subject.target.map(|t| number(t, &definition.lang)),
            "remaining" => match (subject.target, answer) {
                (Some(t), Some(Answer::Number(n))) => Some(number(t.saturating_sub(*n).max(0), &definition.lang)),
                _ => None,
            },
            _ => answer.and_then(|a| answer_words(a, question, &definition.lang)),
        }?;
        out.push_str(&value);
        rest = &after[name.len() + 1..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// An answer in the definition's words: a number grouped as its language
/// writes it, an option's label, labels joined; not a yes or no.
fn answer_words(answer: &Answer, question: Option<&Question>, lang: &str) -> Option<String> {
    let label = |id: &str| question.and_then(|q| q.option_label(id)).unwrap_or(id).to_owned();
    match answer {
        Answer::Number(n) => Some(number(*n, lang)),
        Answer::Choice(c) => Some(label(c)),
        Answer::Choices(cs) => Some(cs.iter().map(|c| label(c)).collect::<Vec<_>>().join(", ")),
        Answer::Bool(_) => None,
    }
}

/// A whole number as the language groups its digits: `12,500` in English,
/// `12 500` in French.
pub fn number(n: i64, lang: &str) -> String {
    let separator = if lang == "fr" || lang.starts_with("fr-") { ' ' } else { ',' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

/// The text of a piece of advice that applies, its placeholders filled from
/// the answer to the question its `when` reads (validation allows
/// placeholders only there, and advice is only shown when `when` holds, so
/// the answer is known); the text as written when there is none to fill.
pub fn advice_text<'d>(advice: &'d super::definition::Advice, definition: &Definition, answers: &super::answers::Answers) -> Cow<'d, str> {
    let flow = super::flow::Flow::new(definition, answers);
    let subject = advice.when.as_ref().and_then(Subject::of);
    fill(&advice.text, subject, &|id| flow.lookup(id), definition).unwrap_or(Cow::Borrowed(advice.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_names_between_braces_and_other_braces_are_text() {
        assert_eq!(placeholders("{answer} of {target}: {remaining} more").collect::<Vec<_>>(), ["answer", "target", "remaining"]);
        assert_eq!(placeholders("a { b } {} {Answer} {x").count(), 0);
        assert_eq!(placeholders("{answr}").collect::<Vec<_>>(), ["answr"]);
    }

    #[test]
    fn numbers_are_grouped_as_their_language_writes_them() {
        assert_eq!(number(12500, "en"), "12,500");
        assert_eq!(number(1234567, "fr-CA"), "1 234 567");
        assert_eq!(number(999, "en"), "999");
        assert_eq!(number(-1000, "en"), "-1,000");
    }
}
