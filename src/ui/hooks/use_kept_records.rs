//! Taking shared answers as one's own, and restoring earlier answers: both
//! first keep the candidate's current record on the device, so nothing is
//! replaced unkept.
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::ui::state::Action;
use crate::ui::storage::{Saved, Store};

/// The callbacks "Keep these answers as mine" and "Restore my earlier answers".
pub struct KeptRecords {
    /// Takes the shared answers as the candidate's own.
    pub onkeep: Callback<()>,
    /// Brings the newest kept record back.
    pub onrestore: Callback<()>,
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
            store.keep(&Saved::of(&state, state.definition())).map(|()| true).map_err(|e| {
                crate::ui::log::warn(&format!("IC Pathfinder: your answers could not be kept aside: {e}"));
                state.dispatch(Action::SaveFailed);
            })
        }
    };
    let onkeep = {
        let (store, state, keep_current) = (store.clone(), state.clone(), keep_current.clone());
        Callback::from(move |_: ()| {
            let before = store.kept().len();
            if let Ok(added) = keep_current() {
                state.dispatch(Action::KeepShared { kept: before + usize::from(added) });
            }
        })
    };
    let onrestore = Callback::from(move |_: ()| {
        let Some(saved) = store.take_kept() else { return };
        if keep_current().is_err() {
            // Put the earlier record back where it was.
            let _ = store.keep(&saved);
            return;
        }
        state.dispatch(Action::RestoreKept { saved, kept: store.kept().len() });
    });
    KeptRecords { onkeep, onrestore }
}
