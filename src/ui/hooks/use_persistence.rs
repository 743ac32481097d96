//! Saved progress: saves on every change that matters, and hears other
//! writers of the same record (other tabs, other widgets on the page), so
//! that nothing is overwritten silently, and Forget used in them, so that
//! nothing forgotten is written back.
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::pathway::Definition;
use crate::ui::state::{Action, Screen, State};
use crate::ui::storage::{KeptFrom, Saved, Store};

/// Saves the state's record, and asks the candidate when another writer
/// changed it.
#[hook]
pub fn use_persistence(store: Rc<Store>, state: WidgetState) {
    // The text this widget last saved, to tell another writer's record from its own.
    let last_saved = use_mut_ref(|| None::<String>);
    // This page's answers kept aside while another tab's were in question.
    let kept_copy = use_mut_ref(|| None::<Saved>);

    // Save on every change that matters; clear when there is nothing to keep.
    // Never while another tab's answers wait for the candidate's choice, nor
    // over an unreadable record that could not be moved aside.
    {
        let (store, last_saved, kept_copy) = (store.clone(), last_saved.clone(), kept_copy.clone());
        let deps = (state.answers.clone(), state.done.clone(), state.screen == Screen::Results, state.may_save());
        let state = state.clone();
        use_effect_with(deps, move |_| {
            if !state.may_save() {
                return;
            }
            let saved = Saved::of(&state, state.definition());
            let text = (!state.answers.is_empty() || !state.done.is_empty()).then(|| saved.encode());
            if store.read() == text {
                // Already there (taken from another tab, say): it is ours now too.
                *last_saved.borrow_mut() = text;
                release_kept_copy(&store, &mut kept_copy.borrow_mut(), &saved);
                return;
            }
            let result = match &text {
                None => {
                    store.clear();
                    Ok(())
                }
                Some(_) => store.save(&saved),
            };
            match result {
                Ok(()) => {
                    *last_saved.borrow_mut() = text;
                    release_kept_copy(&store, &mut kept_copy.borrow_mut(), &saved);
                    crate::ui::writers::announce(store.record_key());
                }
                Err(e) => {
                    crate::ui::log::warn(&format!("IC Pathfinder: {e}"));
                    state.dispatch(Action::SaveFailed);
                }
            }
        });
    }
    // Forget used in another tab, or in another widget on this page with the
    // same storage key: this one starts afresh (State's `ForgottenElsewhere`)
    // rather than save the forgotten answers back at its next change, and
    // removes what the other could not reach (this tab's sessionStorage).
    {
        let (store, state) = (store.clone(), state.clone());
        use_effect_with(store.forgotten_key(), move |key| {
            crate::ui::writers::on_forgotten(key.clone(), move || {
                store.forget_here();
                state.dispatch(Action::ForgottenElsewhere);
            })
        });
    }
    // While another tab's answers wait for the candidate's choice, saving
    // is off, so this page's answers are kept aside at once, and again at
    // each change: closing or reloading the tab before choosing loses nothing.
    {
        let (store, kept_copy) = (store.clone(), kept_copy.clone());
        let deps = (state.elsewhere.is_some(), state.answers.clone(), state.done.clone());
        let state = state.clone();
        use_effect_with(deps, move |(asking, _, _)| {
            if *asking {
                let previous = kept_copy.borrow().clone();
                *kept_copy.borrow_mut() = keep_while_asked(&store, &state, state.definition(), previous.as_ref());
            }
        });
    }
    // Another tab, or another widget on this page, saved this definition's
    // progress: the candidate chooses, nothing is overwritten silently.
    {
        let definition = state.definition().clone();
        use_effect_with(store.record_key().to_owned(), move |key| {
            let key = key.clone();
            crate::ui::writers::listen(key, move || {
                if let Some(action) = heard_record(&store, &definition, last_saved.borrow().as_deref()) {
                    state.dispatch(action);
                }
            })
        });
    }
}

/// What another writer's change of the record asks of this page: the other
/// tab's record to choose between; or, when the record is again the one this
/// page last saved (the other tab went back to it), a question this page was
/// asking settled in favour of these answers ([`Action::KeepHere`] does
/// nothing when none was asked). Nothing for a record of another definition
/// or one that cannot be read.
pub fn heard_record(store: &Store, definition: &Definition, last_saved: Option<&str>) -> Option<Action> {
    let now = store.read();
    if now.as_deref() == last_saved {
        return Some(Action::KeepHere);
    }
    let theirs = match &now {
        None => Saved::of(&State::new(), definition),
        Some(text) => match Saved::decode(text) {
            Ok(saved) if saved.definition == definition.id => saved,
            _ => return None,
        },
    };
    Some(Action::ChangedElsewhere(theirs))
}

/// Keeps this page's answers and ticks aside while another tab's are in
/// question (saving is off until the candidate chooses), in place of the
/// `previous` copy it kept (answers since changed by the candidate), which
/// leaves the kept list once the new one is written. The copy to remember:
/// none when these answers were already kept for another reason (that
/// record is not this copy's to remove later).
pub fn keep_while_asked(store: &Store, state: &State, definition: &Definition, previous: Option<&Saved>) -> Option<Saved> {
    if state.answers.is_empty() && state.done.is_empty() {
        return previous.cloned();
    }
    let ours = Saved::of(state, definition).kept(KeptFrom::Here);
    let same = |k: &Saved| k.answers == ours.answers && k.done == ours.done;
    if previous.is_some_and(same) {
        return previous.cloned();
    }
    let copy = if store.kept().iter().any(same) {
        None
    } else if let Err(e) = store.keep(&ours) {
        crate::ui::log::warn(&format!("IC Pathfinder: your answers could not be kept aside: {e}"));
        return previous.cloned();
    } else {
        Some(ours.clone())
    };
    if let Some(previous) = previous {
        let kept = store.kept();
        if let Some(i) = kept.iter().rposition(|k| k.answers == previous.answers && k.done == previous.done) {
            let _ = store.remove_kept(i);
        }
    }
    copy
}

/// After `saved` is written as the record: the copy [`keep_while_asked`]
/// made leaves the kept list once the same answers and ticks are saved
/// again ("Keep mine"); if the candidate chose other answers, it stays
/// there, to be restored.
pub fn release_kept_copy(store: &Store, kept_copy: &mut Option<Saved>, saved: &Saved) {
    let Some(copy) = kept_copy.take() else { return };
    if copy.answers != saved.answers || copy.done != saved.done {
        return;
    }
    let kept = store.kept();
    if let Some(i) = kept.iter().rposition(|k| k.answers == copy.answers && k.done == copy.done) {
        let _ = store.remove_kept(i);
    }
}
