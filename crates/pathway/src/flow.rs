//! The question flow: which questions are asked given the answers so far,
//! and where the candidate is.
//!
//! Built once per set of answers in time linear in the definition: each
//! question's answer is checked against its question once, and questions
//! are found by id through a map, so conditions read answers in constant time.
use std::collections::HashMap;

use super::answers::{Answer, Answers};
use super::condition::{Lookup, Truth};
use super::definition::{Definition, Question, QuestionKind};

/// Which questions are asked given the answers so far, and where the candidate is.
///
/// A question is asked when its `when` condition is true over the answers to
/// the questions asked before it. Answers to questions no longer asked (the
/// candidate went back and changed an earlier answer) are ignored everywhere.
#[derive(Debug, Clone)]
pub struct Flow<'d> {
    definition: &'d Definition,
    /// Each question's answer, when it has one that fits the question
    /// (checked once here: checking a multiple choice costs its options ×
    /// its choices, and conditions read answers many times).
    valid: Vec<Option<&'d Answer>>,
    asked: Vec<Truth>,
    // Conditions look questions up by id many times; a linear scan would make
    // evaluation quadratic in the size of large custom definitions.
    positions: HashMap<&'d str, usize>,
}

/// Where the candidate is in the questionnaire, told honestly: no count
/// grows unless an answer opens questions, and no bar goes backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'d> {
    /// 1-based number of the current question among those asked.
    pub step: usize,
    /// The most questions there can be: those asked before this one, and
    /// from this one on, every question that the answers so far have not
    /// ruled out. An answer only rules questions out, so this never grows
    /// while the candidate goes forward; `step / most` never goes back.
    pub most: usize,
    /// The part (section) of the questionnaire, when every question has a
    /// section: a count that is known from the start.
    pub part: Option<Part<'d>>,
}

/// A part of the questionnaire: a run of questions with the same section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'d> {
    /// 1-based number of the part.
    pub number: usize,
    /// How many parts there can be (never more as answers come in).
    pub total: usize,
    /// The section's title.
    pub title: &'d str,
}

impl<'d> Flow<'d> {
    /// Works out which questions are asked.
    pub fn new(definition: &'d Definition, answers: &'d Answers) -> Self {
        // The first question with an id wins, as in `Definition::question`
        // (duplicates only occur in definitions that were not validated).
        let mut positions = HashMap::with_capacity(definition.questions.len());
        for (i, q) in definition.questions.iter().enumerate() {
            positions.entry(q.id.as_str()).or_insert(i);
        }
        let valid = definition.questions.iter().map(|q| answers.get(&q.id).filter(|a| q.accepts(a))).collect();
        let mut flow = Flow { definition, valid, asked: Vec::with_capacity(definition.questions.len()), positions };
        for q in &definition.questions {
            let asked = match &q.when {
                None => Truth::True,
                Some(c) => c.eval(&|id| flow.lookup(id)),
            };
            flow.asked.push(asked);
        }
        flow
    }

    /// What is known of a question's answer, for conditions.
    pub fn lookup(&self, id: &str) -> Lookup<'d> {
        let Some(index) = self.index(id) else {
            return Lookup::Skipped;
        };
        // Questions not decided yet (later in the order) count as pending.
        match self.asked.get(index).copied().unwrap_or(Truth::Unknown) {
            Truth::False => Lookup::Skipped,
            Truth::Unknown => Lookup::Pending,
            Truth::True => match self.valid[index] {
                Some(a) => Lookup::Answered(a),
                None => Lookup::Pending,
            },
        }
    }

    /// Whether the question is asked, given the answers before it.
    pub fn is_asked(&self, id: &str) -> bool {
        self.index(id).is_some_and(|i| self.asked[i] == Truth::True)
    }

    /// The question with this id, found in constant time.
    pub fn question(&self, id: &str) -> Option<&'d Question> {
        self.index(id).map(|i| &self.definition.questions[i])
    }

    /// The position of the question with this id (its first, in a
    /// definition that was not validated).
    pub(crate) fn index(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The first asked question without an answer; `None` when the questionnaire is complete.
    pub fn next_question(&self) -> Option<&'d Question> {
        self.definition
            .questions
            .iter()
            .zip(self.asked.iter().zip(&self.valid))
            .find(|(_, (asked, answer))| **asked == Truth::True && answer.is_none())
            .map(|(q, _)| q)
    }

    /// Whether every asked question has an answer.
    pub fn is_complete(&self) -> bool {
        self.next_question().is_none()
    }

    /// The questions asked, in order, with their answers where given.
    pub fn asked(&self) -> impl Iterator<Item = (&'d Question, Option<&'d Answer>)> + '_ {
        self.definition
            .questions
            .iter()
            .zip(self.asked.iter().zip(&self.valid))
            .filter(|(_, (asked, _))| **asked == Truth::True)
            .map(|(q, (_, answer))| (q, *answer))
    }

    /// The asked question before this one, for "Back".
    pub fn previous(&self, id: &str) -> Option<&'d Question> {
        let index = self.index(id)?;
        self.definition.questions[..index].iter().zip(&self.asked).rev().find(|(_, asked)| **asked == Truth::True).map(|(q, _)| q)
    }

    /// Where the question `id` is: its step, the most steps there can be,
    /// and its part.
    pub fn progress(&self, id: &str) -> Progress<'d> {
        let index = self.index(id).unwrap_or(self.asked.len()).min(self.asked.len());
        let before = self.asked[..index].iter().filter(|a| **a == Truth::True).count();
        let possible = self.asked[index..].iter().filter(|a| **a != Truth::False).count();
        Progress { step: before + 1, most: (before + possible).max(before + 1), part: self.part(index) }
    }

    /// The part of the question at `index`: runs of the same section among
    /// the questions not ruled out. `None` when a question has no section.
    fn part(&self, index: usize) -> Option<Part<'d>> {
        let questions = &self.definition.questions;
        let mut sections = questions.iter().zip(&self.asked).enumerate().filter(|(_, (_, a))| **a != Truth::False);
        let mut runs: Vec<(usize, &'d str)> = Vec::new();
        sections.try_for_each(|(i, (q, _))| {
            let section = q.section.as_deref()?;
            if runs.last().is_none_or(|(_, s)| *s != section) {
                runs.push((i, section));
            }
            Some(())
        })?;
        let current = questions.get(index)?.section.as_deref()?;
        let number = runs.iter().take_while(|(start, _)| *start <= index).count();
        Some(Part { number: number.max(1), total: runs.len(), title: current })
    }

    /// Only the answers to asked questions.
    pub fn effective_answers(&self) -> Answers {
        self.asked().filter_map(|(q, a)| a.map(|a| (q.id.clone(), a.clone()))).collect()
    }
}

impl Question {
    /// Whether an answer has the right shape for this question (and is within bounds).
    pub fn accepts(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (QuestionKind::YesNo, Answer::Bool(_)) => true,
            (QuestionKind::Single { options }, Answer::Choice(c)) => options.iter().any(|o| &o.id == c),
            (QuestionKind::Multi { options }, Answer::Choices(cs)) => !cs.is_empty() && cs.iter().all(|c| options.iter().any(|o| &o.id == c)),
            (QuestionKind::Number { min, max, .. }, Answer::Number(n)) => (*min..=*max).contains(n),
            _ => false,
        }
    }
}
