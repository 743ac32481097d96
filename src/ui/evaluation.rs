//! The checklist as a value components can take as a prop: evaluated once per
//! change of the definition, the answers or the ticks, at the root (`use_memo`), and
//! handed down to the results page, its cards, the export and the completion
//! event, which read it instead of evaluating again.
//!
//! The core's [`Checklist`] borrows the definition and the answers it was
//! evaluated from, which a Yew prop cannot do; [`Evaluation`] owns both and the
//! checklist borrowing them (self_cell, so no unsafe code of ours).
use std::rc::Rc;

use crate::pathway::{evaluate_with_ticks, Answers, Checklist, Definition, Ticks};

/// What a checklist is evaluated from.
#[derive(Debug)]
pub struct Inputs {
    /// The definition.
    pub definition: Rc<Definition>,
    /// The answers.
    pub answers: Answers,
    /// The steps ticked as done.
    pub ticks: Ticks,
}

self_cell::self_cell!(
    struct Cell {
        owner: Inputs,
        #[covariant]
        dependent: Checklist,
    }
);

/// A checklist with the definition and answers it was evaluated from.
pub struct Evaluation(Cell);

impl Evaluation {
    /// Evaluates `answers` and `ticks` against `definition`.
    pub fn new(definition: Rc<Definition>, answers: Answers, ticks: Ticks) -> Self {
        count();
        Evaluation(Cell::new(Inputs { definition, answers, ticks }, |i| evaluate_with_ticks(&i.definition, &i.answers, &i.ticks)))
    }

    /// The checklist.
    pub fn checklist(&self) -> &Checklist<'_> {
        self.0.borrow_dependent()
    }

    /// The definition it was evaluated against.
    pub fn definition(&self) -> &Rc<Definition> {
        &self.0.borrow_owner().definition
    }

    /// The answers it was evaluated from.
    pub fn answers(&self) -> &Answers {
        &self.0.borrow_owner().answers
    }

    /// The steps ticked as done it was evaluated with.
    pub fn ticks(&self) -> &Ticks {
        &self.0.borrow_owner().ticks
    }
}

impl std::fmt::Debug for Evaluation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluation").field("answers", self.answers()).finish_non_exhaustive()
    }
}

/// The same evaluation: props compare by identity, since an evaluation is
/// only ever made again when what it comes from changed.
impl PartialEq for Evaluation {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[cfg(debug_assertions)]
thread_local! {
    static EVALUATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn count() {
    #[cfg(debug_assertions)]
    EVALUATIONS.with(|n| n.set(n.get() + 1));
}

/// How many checklists this thread has evaluated through [`Evaluation`]
/// (debug builds only), so that tests can check that a render evaluates once.
#[cfg(debug_assertions)]
pub fn evaluations() -> usize {
    EVALUATIONS.with(|n| n.get())
}
