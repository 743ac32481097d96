//! Saved progress: saves on every change that matters, and hears other
//! writers of the same record (other tabs, other widgets on the page), so
//! that nothing is overwritten silently, and Forget used in them, so that
//! nothing forgotten is written back.
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::ui::state::{Action, Screen, State};
use crate::ui::storage::{Saved, Store};

/// Saves the state's record, and asks the candidate when another writer
/// changed it.
#[hook]
pub fn use_persistence(store: Rc<Store>, state: WidgetState) {
    // The text this widget last saved, to tell another writer's record from its own.
    let last_saved = use_mut_ref(|| None::<String>);

    // Save on every change that matters; clear when there is nothing to keep.
    // Never while another tab's answers wait for the candidate's choice, nor
    // over an unreadable record that could not be moved aside.
    {
        let (store, last_saved) = (store.clone(), last_saved.clone());
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
    // Another tab, or another widget on this page, saved this definition's
    // progress: the candidate chooses, nothing is overwritten silently.
    {
        let definition = state.definition().clone();
        use_effect_with(store.record_key().to_owned(), move |key| {
            let key = key.clone();
            crate::ui::writers::listen(key, move || {
                let now = store.read();
                if now == *last_saved.borrow() {
                    return;
                }
                let theirs = match &now {
                    None => Saved::of(&State::new(), &definition),
                    Some(text) => match Saved::decode(text) {
                        Ok(saved) if saved.definition == definition.id => saved,
                        _ => return,
                    },
                };
                state.dispatch(Action::ChangedElsewhere(theirs));
            })
        });
    }
}
