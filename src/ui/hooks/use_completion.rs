//! Tells the host page the pathway statuses (only ids and statuses) once per
//! completion: when the candidate goes to the results page, not when a
//! What-if changes them there, nor when a reload reopens it, nor for
//! results opened from a share link.
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::ui::evaluation::Evaluation;
use crate::ui::state::Screen;

/// Emits `(pathway id, status)` pairs on `oncomplete` once per completion,
/// from the checklist the root has evaluated.
#[hook]
pub fn use_completion(state: &WidgetState, evaluation: Rc<Evaluation>, oncomplete: Callback<Vec<(String, String)>>) {
    let reached = state.screen == Screen::Results && state.shared.is_none() && state.navigation > 0;
    use_effect_with((reached, state.navigation), move |(reached, _)| {
        if *reached {
            let statuses = evaluation.checklist().pathways.iter().map(|p| (p.pathway.id.clone(), p.status.as_str().to_owned())).collect();
            oncomplete.emit(statuses);
        }
    });
}
