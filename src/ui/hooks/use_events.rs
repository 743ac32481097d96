//! Tells the host page where the candidate is, for its own analytics: the
//! start, each question shown (its id, its position, the language) and a
//! restart. Never an answer: an event carries only what the definition
//! already says (ids) and where in it the candidate is.
use yew::prelude::*;

use super::WidgetState;
use crate::ui::state::Screen;

/// What the host page hears (besides `icp-complete`, see `use_completion`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    /// The candidate started, or went on from where they left off.
    Start {
        /// The language in use.
        lang: String,
    },
    /// A question was shown.
    Step {
        /// The question's id.
        question: String,
        /// Its number among the questions asked, from 1.
        position: usize,
        /// The language in use.
        lang: String,
    },
    /// The candidate started again (their answers were cleared).
    Restart,
}

impl WidgetEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Start { .. } => "icp-start",
            WidgetEvent::Step { .. } => "icp-step",
            WidgetEvent::Restart => "icp-restart",
        }
    }

    /// The event's `detail`, as the host page reads it: the question's id,
    /// its position (a number) and the language, as the event has them.
    pub fn detail(&self) -> serde_json::Value {
        match self {
            WidgetEvent::Start { lang } => serde_json::json!({ "language": lang }),
            WidgetEvent::Step { question, position, lang } => {
                serde_json::json!({ "question": question, "position": position, "language": lang })
            }
            WidgetEvent::Restart => serde_json::json!({}),
        }
    }
}

/// Emits an event on `onevent` for each page change the candidate makes
/// that the host may count: never on first render (a reload is no step).
#[hook]
pub fn use_events(state: &WidgetState, onevent: Callback<WidgetEvent>) {
    let last = use_mut_ref(|| None::<(u32, u32, Screen)>);
    let lang = state.definition().lang.clone();
    let flow_step = match &state.screen {
        Screen::Question(id) => Some(state.flow(state.definition()).progress(id).step),
        _ => None,
    };
    use_effect_with((state.navigation, state.restarts, state.screen.clone()), move |(navigation, restarts, screen)| {
        let before = last.replace(Some((*navigation, *restarts, screen.clone())));
        let Some((was_navigation, was_restarts, was_screen)) = before else { return };
        if *restarts != was_restarts {
            onevent.emit(WidgetEvent::Restart);
        }
        if *navigation == was_navigation {
            return;
        }
        if was_screen == Screen::Start && matches!(screen, Screen::Question(_) | Screen::Results) {
            onevent.emit(WidgetEvent::Start { lang: lang.clone() });
        }
        if let (Screen::Question(id), Some(position)) = (screen, flow_step) {
            onevent.emit(WidgetEvent::Step { question: id.clone(), position, lang });
        }
    });
}
