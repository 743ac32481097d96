//! What the candidate has entered on a question page but not submitted yet,
//! with the error of the last refused submit and how many there were.
//!
//! Kept in a shared cell rather than in `use_state`: a click on an option
//! followed at once by Continue (fast users, keyboard, tests) must see the
//! new value before Yew has re-rendered, and a state handle captured by the
//! Continue callback would still hold the old one. The page component stays
//! mounted from question to question (Yew then patches the DOM rather than
//! rebuilding it, which keeps each step fast), so the draft starts afresh
//! whenever its key (the question's id) changes.
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

struct Draft<T, E> {
    key: String,
    value: T,
    error: Option<E>,
    attempts: u32,
}

impl<T, E> Draft<T, E> {
    fn new(key: &str, value: T) -> Self {
        Draft { key: key.to_owned(), value, error: None, attempts: 0 }
    }
}

/// Reads and writes a draft whose refusals are `E`; clones share it.
pub struct UseDraftHandle<T, E> {
    cell: Rc<RefCell<Draft<T, E>>>,
    rerender: UseForceUpdateHandle,
}

impl<T, E> Clone for UseDraftHandle<T, E> {
    fn clone(&self) -> Self {
        UseDraftHandle { cell: self.cell.clone(), rerender: self.rerender.clone() }
    }
}

impl<T: Clone, E> UseDraftHandle<T, E> {
    /// The value now, even if set since the last render.
    pub fn value(&self) -> T {
        self.cell.borrow().value.clone()
    }

    /// Replaces the value and re-renders. The error stays until the next
    /// submit, as in GOV.UK: it describes the answer that was refused.
    pub fn set(&self, value: T) {
        self.cell.borrow_mut().value = value;
        self.rerender.force_update();
    }
}

impl<T, E: Clone> UseDraftHandle<T, E> {
    /// Why the last submit was refused.
    pub fn error(&self) -> Option<E> {
        self.cell.borrow().error.clone()
    }

    /// Refused submits so far: changes on each, so that the error summary
    /// takes focus again even when the message is the same.
    pub fn attempts(&self) -> u32 {
        self.cell.borrow().attempts
    }

    /// Records a refused submit and re-renders.
    pub fn fail(&self, refusal: E) {
        {
            let mut draft = self.cell.borrow_mut();
            draft.error = Some(refusal);
            draft.attempts += 1;
        }
        self.rerender.force_update();
    }
}

/// The draft of the form `key`, started with `init()` on first render and
/// again whenever `key` changes.
#[hook]
pub fn use_draft<T, E, F>(key: &str, init: F) -> UseDraftHandle<T, E>
where
    T: 'static,
    E: 'static,
    F: FnOnce() -> T,
{
    let mut init = Some(init);
    let cell = use_mut_ref(|| Draft::new(key, (init.take().expect("init is taken once"))()));
    if cell.borrow().key != key {
        if let Some(init) = init.take() {
            *cell.borrow_mut() = Draft::new(key, init());
        }
    }
    let rerender = use_force_update();
    UseDraftHandle { cell, rerender }
}
