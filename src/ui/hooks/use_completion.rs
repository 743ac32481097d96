//! Tells the host page the pathway statuses (only ids and statuses) once per
//! completion: when the candidate goes to the results page, not when a
//! What-if changes them there, nor when a reload reopens it, nor for
//! results opened from a share link.
use yew::prelude::*;

use crate::pathway::evaluate;
use crate::ui::state::{Screen, State};

/// Emits `(pathway id, status)` pairs on `oncomplete` once per completion.
#[hook]
pub fn use_completion(state: &UseReducerHandle<State>, oncomplete: Callback<Vec<(String, String)>>) {
    let reached = state.screen == Screen::Results && state.shared.is_none() && state.navigation > 0;
    let state = state.clone();
    use_effect_with((reached, state.navigation), move |(reached, _)| {
        if *reached {
            let statuses = evaluate(&state.definition, &state.answers)
                .pathways
                .iter()
                .map(|p| (p.pathway.id.clone(), p.status.as_str().to_owned()))
                .collect();
            oncomplete.emit(statuses);
        }
    });
}
