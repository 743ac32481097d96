//! The widget's state and its reducer: every change goes through [`Action`],
//! so the whole flow can be tested natively without a browser.
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::pathway::{Answer, Answers, Definition, Flow};

/// Which page the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The start page.
    Start,
    /// One question, by id.
    Question(String),
    /// "Check your answers".
    Check,
    /// The personalized checklist.
    Results,
}

/// Something the candidate should know that is not an error of theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Saved progress could not be read; the widget started afresh.
    SavedDataUnreadable,
    /// Saved progress was written for another version of the content; its
    /// answers were carried over, and those that no longer fit will be asked again.
    ContentChanged {
        /// How many answers no longer fit.
        no_longer_fit: usize,
    },
    /// The browser does not let the widget keep progress.
    StorageUnavailable,
    /// The answers came from a share link.
    Shared,
    /// A share link was damaged or tampered with; the widget started afresh.
    ShareLinkUnusable,
}

/// The whole state of one widget instance.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The definition being answered.
    pub definition: Rc<Definition>,
    /// Answers given so far, including ones to questions no longer asked
    /// (kept so that going back and forth does not lose them).
    pub answers: Answers,
    /// Steps the candidate ticked as done, as `pathway_id/requirement_id`.
    pub done: BTreeSet<String>,
    /// The current page.
    pub screen: Screen,
    /// Where "Continue" returns to after changing an answer from the check or results page.
    pub return_to: Option<Screen>,
    /// Whether the "start again" confirmation is showing.
    pub confirming_restart: bool,
    /// A notice to show above the current page.
    pub notice: Option<Notice>,
    /// Bumped on each page change the candidate causes, so the UI moves focus
    /// then (and never on first load, which would steal focus from the host page).
    pub navigation: u32,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// "Start now" / "Continue where you left off".
    Begin,
    /// "Continue" on a question with a valid answer.
    Answer(String, Answer),
    /// "Back".
    Back,
    /// "Change" next to an answer: ask the question again, then come back here.
    Change(String),
    /// Go to the results page.
    ShowResults,
    /// Set an answer in place on the results page ("what if...") and re-evaluate.
    WhatIf(String, Answer),
    /// Tick or untick a step as done.
    ToggleDone(String),
    /// "Start again" pressed: ask for confirmation.
    AskRestart,
    /// Confirmation dismissed.
    CancelRestart,
    /// Confirmed: clear everything.
    ConfirmRestart,
    /// Hide the notice.
    DismissNotice,
    /// The same definition in another language: same ids, so answers stay.
    Relabel(Rc<Definition>),
    /// Saving failed (quota full, storage withdrawn): say progress will not be kept.
    SaveFailed,
}

impl State {
    /// A fresh state on the start page.
    pub fn new(definition: Rc<Definition>) -> Self {
        State {
            definition,
            answers: Answers::new(),
            done: BTreeSet::new(),
            screen: Screen::Start,
            return_to: None,
            confirming_restart: false,
            notice: None,
            navigation: 0,
        }
    }

    /// The flow over the current answers.
    pub fn flow(&self) -> Flow<'_> {
        Flow::new(&self.definition, &self.answers)
    }

    /// Whether anything has been answered.
    pub fn has_progress(&self) -> bool {
        !self.answers.is_empty()
    }

    /// Where to go after an answer: the next unanswered question, else back to
    /// where the candidate came from, else the check page.
    fn after_answer(&mut self) {
        let next = self.flow().next_question().map(|q| q.id.clone());
        self.screen = match next {
            Some(id) => Screen::Question(id),
            None => self.return_to.take().unwrap_or(Screen::Check),
        };
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.navigation = self.navigation.wrapping_add(1);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Begin => {
                if s.screen == Screen::Results {
                    // New questions opened by a what-if: answer them, then back to the results.
                    s.return_to = Some(Screen::Results);
                }
                let target = match s.flow().next_question() {
                    Some(q) => Screen::Question(q.id.clone()),
                    None if s.has_progress() => Screen::Results,
                    None => Screen::Check,
                };
                s.go(target);
            }
            Action::Answer(id, answer) => {
                let fits = s.definition.question(&id).is_some_and(|q| q.accepts(&answer));
                if !fits {
                    return self;
                }
                s.answers.insert(id, answer);
                s.after_answer();
                s.navigation = s.navigation.wrapping_add(1);
            }
            Action::Back => {
                let target = match &s.screen {
                    Screen::Start => return self,
                    Screen::Question(id) => {
                        if s.return_to.is_some() {
                            // Changing one answer: Back returns to where they came from.
                            s.return_to.take().unwrap_or(Screen::Check)
                        } else {
                            match s.flow().previous(id) {
                                Some(q) => Screen::Question(q.id.clone()),
                                None => Screen::Start,
                            }
                        }
                    }
                    Screen::Check => match s.flow().asked().last() {
                        Some((q, _)) => Screen::Question(q.id.clone()),
                        None => Screen::Start,
                    },
                    Screen::Results => Screen::Check,
                };
                s.go(target);
            }
            Action::Change(id) => {
                if !s.flow().is_asked(&id) {
                    return self;
                }
                let from = match s.screen {
                    Screen::Results => Screen::Results,
                    _ => Screen::Check,
                };
                s.return_to = Some(from);
                s.go(Screen::Question(id));
            }
            Action::ShowResults => s.go(Screen::Results),
            Action::WhatIf(id, answer) => {
                if !s.definition.question(&id).is_some_and(|q| q.accepts(&answer)) {
                    return self;
                }
                s.answers.insert(id, answer);
            }
            Action::ToggleDone(step) => {
                if !s.done.remove(&step) {
                    s.done.insert(step);
                }
            }
            Action::AskRestart => s.confirming_restart = true,
            Action::CancelRestart => s.confirming_restart = false,
            Action::ConfirmRestart => {
                let notice = s.notice.take().filter(|n| *n == Notice::StorageUnavailable);
                let navigation = s.navigation;
                s = State::new(s.definition.clone());
                s.notice = notice;
                s.navigation = navigation;
                s.go(Screen::Start);
            }
            Action::DismissNotice => s.notice = None,
            Action::SaveFailed => {
                if s.notice == Some(Notice::StorageUnavailable) {
                    return self;
                }
                s.notice = Some(Notice::StorageUnavailable);
            }
            Action::Relabel(definition) => {
                if definition.id != s.definition.id || Rc::ptr_eq(&definition, &s.definition) {
                    return self;
                }
                s.definition = definition;
            }
        }
        Rc::new(s)
    }
}
