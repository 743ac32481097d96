//! Taking shared answers as one's own, and restoring earlier answers: both
//! first keep the candidate's current record on the device, so nothing is
//! replaced unkept.
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::ui::state::{Action, State};
use crate::ui::storage::{KeptFrom, Saved, Store};

/// The kept list, and the callbacks "Keep these answers as mine" and
/// "Restore my earlier answers".
pub struct KeptRecords {
    /// The records kept on the device, oldest first.
    pub list: Vec<Saved>,
    /// Takes the shared answers as the candidate's own.
    pub onkeep: Callback<()>,
    /// Brings a kept record back: the one at an index of `list`, or (None)
    /// the newest that differs from the page's answers.
    pub onrestore: Callback<Option<usize>>,
}

/// Keeps the current record aside before either change.
#[hook]
pub fn use_kept_records(store: Rc<Store>, state: WidgetState) -> KeptRecords {
    // The current record, kept aside when there is anything in it.
    let keep_current = {
        let (store, state) = (store.clone(), state.clone());
        move || -> Result<bool, ()> {
            if !state.has_progress() && state.done.is_empty() {
                return Ok(false);
            }
            store.keep(&Saved::of(&state, state.definition()).kept(KeptFrom::Here)).map(|()| true).map_err(|e| {
                crate::ui::log::warn(&format!("IC Pathfinder: your answers could not be kept aside: {e}"));
                state.dispatch(Action::SaveFailed);
            })
        }
    };
    // Keeping or restoring while this tab asks about another tab's answers
    // settles it for these answers: the other tab's are kept first.
    let keep_theirs = {
        let (store, state) = (store.clone(), state.clone());
        move || -> Result<(), ()> {
            let Some(theirs) = state.elsewhere.as_ref().filter(|t| !t.answers.is_empty() || !t.done.is_empty()) else { return Ok(()) };
            store.keep(&theirs.clone().kept(KeptFrom::OtherTab)).map_err(|e| {
                crate::ui::log::warn(&format!("IC Pathfinder: the other tab's answers could not be kept aside: {e}"));
                state.dispatch(Action::SaveFailed);
            })
        }
    };
    let onkeep = {
        let (store, state, keep_current, keep_theirs) = (store.clone(), state.clone(), keep_current.clone(), keep_theirs.clone());
        Callback::from(move |_: ()| {
            let before = store.kept().len();
            if keep_theirs().is_err() {
                return;
            }
            if let Ok(added) = keep_current() {
                state.dispatch(Action::KeepShared { kept: store.kept().len().max(before + usize::from(added)) });
            }
        })
    };
    let list = store.kept();
    let onrestore = Callback::from(move |chosen: Option<usize>| {
        // The kept record leaves the list only once it is written as the
        // record: closing the tab at any moment loses nothing.
        let kept = store.kept();
        let Some(index) = chosen.filter(|i| *i < kept.len()).or_else(|| to_restore(&kept, &state)) else { return };
        let saved = kept[index].clone().unkept();
        if keep_theirs().is_err() || keep_current().is_err() {
            return;
        }
        if let Err(e) = store.save(&saved) {
            crate::ui::log::warn(&format!("IC Pathfinder: your earlier answers could not be restored: {e}"));
            state.dispatch(Action::SaveFailed);
            return;
        }
        let _ = store.remove_kept(index);
        state.dispatch(Action::RestoreKept { saved, kept: store.kept().len() });
    });
    KeptRecords { list, onkeep, onrestore }
}

/// Which kept record "Restore my earlier answers" brings back: the newest
/// that differs from the answers and ticks on the page (a copy of these,
/// kept while another tab's answers were in question, is not "earlier").
pub fn to_restore(kept: &[Saved], state: &State) -> Option<usize> {
    kept.iter().rposition(|k| k.answers != state.answers || k.done != state.done)
}
