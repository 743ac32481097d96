//! The widget's state and its reducer: every change goes through [`Action`],
//! so the whole flow can be tested natively without a browser.
//!
//! The definition is not state: it is the widget's prop, and one language's
//! version may replace another's at any time. The reducer's action is the
//! pair (the definition in use, the [`Action`]), so every change is worked out
//! against the definition on screen.
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use super::share::Shared;
use super::storage::{Forgetting, Saved};
use crate::pathway::{tick_key, Answer, Answers, Definition, Flow};

/// Which page the widget shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Screen {
    /// The start page.
    #[default]
    Start,
    /// One question, by id.
    Question(String),
    /// "Check your answers".
    Check,
    /// The personalized checklist.
    Results,
}

impl Screen {
    /// The page as a short text for the browser's history entries, which
    /// any script of the host page can read: a question by its position
    /// among those asked (`q3`), never by its id, since which questions are
    /// asked says something of the answers (one asked only of people living
    /// in Canada). `flow` is the flow it is asked in.
    pub fn history_token(&self, flow: &Flow<'_>) -> String {
        match self {
            Screen::Question(id) => format!("q{}", flow.progress(id).step),
            other => other.token(),
        }
    }

    /// The page a [`Screen::history_token`] names in `flow` (the question
    /// asked at that position now), or a [`Screen::token`] of earlier versions.
    pub fn from_history_token(token: &str, flow: &Flow<'_>) -> Option<Screen> {
        match token.strip_prefix('q').and_then(|n| n.parse::<usize>().ok()) {
            Some(step) => flow.asked().nth(step.checked_sub(1)?).map(|(q, _)| Screen::Question(q.id.clone())),
            None => Screen::from_token(token),
        }
    }

    /// The page as a short text.
    pub fn token(&self) -> String {
        match self {
            Screen::Start => "start".to_owned(),
            Screen::Question(id) => format!("q:{id}"),
            Screen::Check => "check".to_owned(),
            Screen::Results => "results".to_owned(),
        }
    }

    /// The page a [`Screen::token`] names.
    pub fn from_token(token: &str) -> Option<Screen> {
        match token {
            "start" => Some(Screen::Start),
            "check" => Some(Screen::Check),
            "results" => Some(Screen::Results),
            _ => token.strip_prefix("q:").map(|id| Screen::Question(id.to_owned())),
        }
    }
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
    /// A share link was damaged or tampered with, or made for other answers;
    /// the candidate's own progress is shown.
    ShareLinkUnusable,
    /// The address holds a share link for another definition, and no other
    /// widget on the page could be the one it is for: it is left as it is.
    ShareLinkForOther,
    /// Storage is full: saved progress was read, but new answers cannot be kept.
    StorageFull,
    /// Saved progress could not be read, and there was no room to keep a
    /// copy of it aside: it is left in place, and new answers are not saved
    /// over it.
    SavedDataUnreadableNotMoved,
    /// The candidate took shared answers as their own; their earlier answers
    /// are kept on the device and can be restored.
    EarlierAnswersKept,
    /// Another tab (or another widget on this page) saved different answers
    /// for this definition; nothing is saved here until the candidate chooses.
    ChangedElsewhere,
    /// The candidate's answers were removed from this device ("Forget my
    /// answers"); what was done, as the candidate is told it.
    Forgotten(Forgetting),
    /// Another tab (or another widget on this page) forgot everything under
    /// the storage key: this one started afresh, so that it never writes the
    /// forgotten answers back.
    ForgottenElsewhere,
}

/// The whole state of one widget instance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// Answers given so far, including ones to questions no longer asked
    /// (kept so that going back and forth does not lose them).
    pub answers: Answers,
    /// Steps the candidate ticked as done, as `pathway_id/requirement_id`.
    pub done: BTreeSet<String>,
    /// The current page.
    pub screen: Screen,
    /// Where "Continue" returns to after changing an answer from the check or results page.
    pub return_to: Option<Screen>,
    /// The question last changed from "Check your answers": back there,
    /// its row takes focus (and scrolls into view) instead of the heading.
    pub changed: Option<String>,
    /// Whether the "start again" confirmation is showing.
    pub confirming_restart: bool,
    /// Whether the "forget my answers" confirmation is showing.
    pub confirming_forget: bool,
    /// How many times the candidate started again, so the host page can be
    /// told each time (`icp-restart`).
    pub restarts: u32,
    /// A notice to show above the current page.
    pub notice: Option<Notice>,
    /// Bumped on each page change the candidate causes, so the UI moves focus
    /// then (and never on first load, which would steal focus from the host page).
    pub navigation: u32,
    /// Answers and ticks from a share link, shown read-only over the
    /// candidate's own, which stay as they are until the candidate chooses.
    pub shared: Option<Shared>,
    /// How many earlier records are kept on the device, offered back from the start page.
    pub kept: usize,
    /// What another tab saved for this definition, while the candidate has
    /// not chosen between it and the answers here.
    pub elsewhere: Option<Saved>,
    /// Saving is off: an unreadable record is still in the slot and could
    /// not be moved aside, so writing would destroy it.
    pub saving_blocked: bool,
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
    /// "Forget my answers on this device" pressed: ask for confirmation.
    AskForget,
    /// That confirmation dismissed.
    CancelForget,
    /// The caller has removed every record from the device: start afresh,
    /// with nothing kept and nothing to restore, saying what was done.
    Forgotten(Forgetting),
    /// Another tab or widget forgot every record under the storage key.
    ForgottenElsewhere,
    /// Hide the notice.
    DismissNotice,
    /// Saving failed (quota full, storage withdrawn): say progress will not be kept.
    SaveFailed,
    /// A share link arrived (the page's address changed while it was open).
    OpenShared(Shared),
    /// "Back to my own answers" from the shared results.
    LeaveShared,
    /// "Keep these as my answers": the shared answers become the candidate's
    /// own. `kept` is how many earlier records are now kept on the device
    /// (the caller has kept the current one first, if it had answers).
    KeepShared {
        /// Earlier records kept on the device.
        kept: usize,
    },
    /// "Restore my earlier answers": a kept record becomes the candidate's
    /// own again (the caller has kept the current one first).
    RestoreKept {
        /// The record restored.
        saved: Saved,
        /// Earlier records still kept.
        kept: usize,
    },
    /// Another tab or widget saved other answers for this definition.
    ChangedElsewhere(Saved),
    /// Take the other tab's answers.
    UseElsewhere,
    /// Keep the answers here (they are saved again, over the other tab's).
    KeepHere,
    /// Back or Forward in the browser reached this page. A page the answers
    /// no longer lead to (a question no longer asked, results not yet
    /// reached) gives way to the next question.
    Visit(Screen),
    /// Back or Forward reached the entry holding this [`Screen::history_token`],
    /// read against the answers as they are now.
    VisitEntry(String),
    /// Show a notice.
    Notify(Notice),
    /// An unreadable record has been set aside: saving may go on.
    SavingAllowed,
}

impl State {
    /// A fresh state on the start page.
    pub fn new() -> Self {
        State {
            answers: Answers::new(),
            done: BTreeSet::new(),
            screen: Screen::Start,
            return_to: None,
            changed: None,
            confirming_restart: false,
            confirming_forget: false,
            restarts: 0,
            notice: None,
            navigation: 0,
            shared: None,
            kept: 0,
            elsewhere: None,
            saving_blocked: false,
        }
    }

    /// Whether the save effect may write: not while another tab's answers
    /// wait for the candidate's choice, nor over an unreadable record.
    pub fn may_save(&self) -> bool {
        self.elsewhere.is_none() && !self.saving_blocked
    }

    /// Puts a saved record's answers and ticks in place, opening the results
    /// page when the record was there and the flow is complete. Answers that
    /// no longer fit the definition are ignored by the flow, not deleted, so
    /// nothing is lost if the content changes back.
    pub fn restore(&mut self, definition: &Definition, saved: Saved) {
        self.answers = saved.answers;
        self.done = saved.done;
        self.screen = if saved.at_results && self.flow(definition).is_complete() { Screen::Results } else { Screen::Start };
    }

    /// The flow over the current answers.
    pub fn flow<'d>(&'d self, definition: &'d Definition) -> Flow<'d> {
        Flow::new(definition, &self.answers)
    }

    /// Whether anything has been answered.
    pub fn has_progress(&self) -> bool {
        !self.answers.is_empty()
    }

    /// Where to go after an answer: the next unanswered question, else back to
    /// where the candidate came from, else the check page.
    fn after_answer(&mut self, definition: &Definition) {
        let next = self.flow(definition).next_question().map(|q| q.id.clone());
        self.screen = match next {
            Some(id) => Screen::Question(id),
            None => self.return_to.take().unwrap_or(Screen::Check),
        };
    }

    fn go(&mut self, screen: Screen) {
        // The changed question's row is wanted only on the way back to "Check your answers".
        if !matches!(&screen, Screen::Check | Screen::Question(_)) || matches!(&screen, Screen::Question(q) if self.changed.as_ref() != Some(q)) {
            self.changed = None;
        }
        self.screen = screen;
        self.navigation = self.navigation.wrapping_add(1);
    }
}

impl Reducible for State {
    type Action = (Rc<Definition>, Action);

    fn reduce(self: Rc<Self>, (definition, action): Self::Action) -> Rc<Self> {
        match self.apply(&definition, action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

impl State {
    /// The state after `action`, worked out against `definition`; `None` when
    /// nothing changes.
    pub fn apply(&self, definition: &Definition, action: Action) -> Option<State> {
        let mut s = self.clone();
        let def = definition;
        match action {
            Action::Begin => {
                if s.screen == Screen::Results {
                    // New questions opened by a what-if: answer them, then back to the results.
                    s.return_to = Some(Screen::Results);
                }
                let target = match s.flow(def).next_question() {
                    Some(q) => Screen::Question(q.id.clone()),
                    None if s.has_progress() => Screen::Results,
                    None => Screen::Check,
                };
                s.go(target);
            }
            Action::Answer(id, answer) => {
                let fits = def.question(&id).is_some_and(|q| q.accepts(&answer));
                if !fits {
                    return None;
                }
                s.answers.insert(id, answer);
                s.after_answer(def);
                s.navigation = s.navigation.wrapping_add(1);
            }
            Action::Back => {
                let target = match &s.screen {
                    Screen::Start => return None,
                    Screen::Question(id) => {
                        if s.return_to.is_some() {
                            // Changing one answer: Back returns to where they came from.
                            s.return_to.take().unwrap_or(Screen::Check)
                        } else {
                            match s.flow(def).previous(id) {
                                Some(q) => Screen::Question(q.id.clone()),
                                None => Screen::Start,
                            }
                        }
                    }
                    Screen::Check => match s.flow(def).asked().last() {
                        Some((q, _)) => Screen::Question(q.id.clone()),
                        None => Screen::Start,
                    },
                    Screen::Results => Screen::Check,
                };
                s.go(target);
            }
            Action::Change(id) => {
                if !s.flow(def).is_asked(&id) {
                    return None;
                }
                let from = match s.screen {
                    Screen::Results => Screen::Results,
                    _ => Screen::Check,
                };
                s.changed = (from == Screen::Check).then(|| id.clone());
                s.return_to = Some(from);
                s.go(Screen::Question(id));
            }
            Action::ShowResults => s.go(Screen::Results),
            Action::WhatIf(id, answer) => {
                if !def.question(&id).is_some_and(|q| q.accepts(&answer)) {
                    return None;
                }
                s.answers.insert(id, answer);
            }
            Action::ToggleDone(key) => {
                // A shared step is one tick whichever pathway it was ticked
                // in: unticking it removes it under every key.
                let same_step = same_step_keys(def, &key);
                if same_step.iter().any(|k| s.done.contains(k)) {
                    same_step.iter().for_each(|k| {
                        s.done.remove(k);
                    });
                } else {
                    s.done.insert(key);
                }
            }
            Action::AskRestart => {
                s.confirming_restart = true;
                s.confirming_forget = false;
            }
            Action::CancelRestart => s.confirming_restart = false,
            Action::AskForget => {
                s.confirming_forget = true;
                s.confirming_restart = false;
            }
            Action::CancelForget => s.confirming_forget = false,
            Action::Forgotten(done) => {
                let navigation = s.navigation;
                s = State::new();
                s.navigation = navigation;
                s.notice = Some(Notice::Forgotten(done));
                s.go(Screen::Start);
            }
            Action::ForgottenElsewhere => {
                // Whatever this tab holds was forgotten on the candidate's
                // request: kept here, it would be saved back at the next
                // change. Nothing held, nothing to say.
                let holds = s.has_progress() || !s.done.is_empty() || s.kept > 0 || s.shared.is_some() || s.elsewhere.is_some() || s.saving_blocked;
                if !holds {
                    return None;
                }
                let (navigation, restarts) = (s.navigation, s.restarts);
                s = State::new();
                // No focus move: the candidate is in the other tab or widget.
                s.navigation = navigation;
                s.restarts = restarts;
                s.notice = Some(Notice::ForgottenElsewhere);
            }
            Action::ConfirmRestart => {
                let notice = s.notice.take().filter(|n| matches!(n, Notice::StorageUnavailable | Notice::StorageFull));
                let (navigation, kept, restarts) = (s.navigation, s.kept, s.restarts);
                s = State::new();
                s.notice = notice;
                s.navigation = navigation;
                s.kept = kept;
                s.restarts = restarts.wrapping_add(1);
                s.go(Screen::Start);
            }
            Action::DismissNotice => s.notice = None,
            Action::SaveFailed => {
                if s.notice == Some(Notice::StorageUnavailable) {
                    return None;
                }
                s.notice = Some(Notice::StorageUnavailable);
            }
            Action::OpenShared(shared) => {
                s.shared = Some(shared);
                s.confirming_restart = false;
                s.navigation = s.navigation.wrapping_add(1);
            }
            Action::LeaveShared => {
                s.shared.take()?;
                s.navigation = s.navigation.wrapping_add(1);
            }
            Action::KeepShared { kept } => {
                let shared = s.shared.take()?;
                // Taken as the candidate's own here: the other tab's answers,
                // if this tab was asking about them, were kept first.
                s.elsewhere = None;
                if kept > s.kept {
                    s.notice = Some(Notice::EarlierAnswersKept);
                }
                s.kept = kept;
                s.answers = shared.answers;
                s.done = shared.ticks;
                s.return_to = None;
                let complete = s.flow(def).is_complete();
                s.go(if complete { Screen::Results } else { Screen::Start });
            }
            Action::RestoreKept { saved, kept } => {
                s.kept = kept;
                // As for KeepShared: the other tab's answers were kept first.
                s.elsewhere = None;
                if s.notice == Some(Notice::ChangedElsewhere) {
                    s.notice = None;
                }
                s.shared = None;
                s.return_to = None;
                if s.notice == Some(Notice::EarlierAnswersKept) {
                    s.notice = None;
                }
                s.restore(def, saved);
                s.navigation = s.navigation.wrapping_add(1);
            }
            // Another tab that only moved between pages (to "Check or change
            // your answers", say) holds the same answers and ticks: nothing
            // for the candidate to choose between. If this page was asking,
            // the two agree again: the question is settled, saving resumes.
            Action::ChangedElsewhere(saved) if saved.answers == s.answers && saved.done == s.done => {
                s.elsewhere.take()?;
                if s.notice == Some(Notice::ChangedElsewhere) {
                    s.notice = None;
                }
            }
            Action::ChangedElsewhere(saved) => {
                s.elsewhere = Some(saved);
                s.notice = Some(Notice::ChangedElsewhere);
            }
            Action::UseElsewhere => {
                let saved = s.elsewhere.take()?;
                s.notice = None;
                s.return_to = None;
                s.restore(def, saved);
                s.navigation = s.navigation.wrapping_add(1);
            }
            Action::KeepHere => {
                s.elsewhere.take()?;
                s.notice = None;
            }
            Action::VisitEntry(token) => {
                let screen = Screen::from_history_token(&token, &s.flow(def))?;
                return self.apply(def, Action::Visit(screen));
            }
            Action::Visit(screen) => {
                let flow = s.flow(def);
                let open = match &screen {
                    Screen::Start => true,
                    Screen::Question(id) => flow.is_asked(id),
                    Screen::Check | Screen::Results => flow.is_complete(),
                };
                let target = match flow.next_question() {
                    _ if open => screen,
                    Some(q) => Screen::Question(q.id.clone()),
                    None => Screen::Check,
                };
                s.confirming_restart = false;
                s.confirming_forget = false;
                s.return_to = None;
                s.go(target);
            }
            Action::Notify(notice) => s.notice = Some(notice),
            Action::SavingAllowed => s.saving_blocked = false,
        }
        // Saving waits while another tab's answers are in question: the page
        // keeps asking, whatever other notice came or was dismissed.
        if s.elsewhere.is_some() {
            s.notice = Some(Notice::ChangedElsewhere);
        }
        Some(s)
    }
}

/// The tick keys that mean the same step as `key`: every requirement
/// sharing its `step` id, or `key` alone.
fn same_step_keys(definition: &Definition, key: &str) -> Vec<String> {
    let step = definition.requirement_by_key(key).and_then(|(_, r)| r.step.as_deref());
    match step {
        None => vec![key.to_owned()],
        Some(step) => {
            definition.pathways.iter().flat_map(|p| p.requirements.iter().filter(|r| r.step.as_deref() == Some(step)).map(move |r| tick_key(p, r))).collect()
        }
    }
}
