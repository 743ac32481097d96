//! Each page the candidate moves to is an entry in the browser's history, so
//! the Back gesture of a phone goes to the previous question instead of
//! leaving the organization's page, and Forward comes back.
//!
//! The page's address never changes: entries are pushed with no URL. Each
//! widget keeps its page under its own key (its id prefix) inside one
//! `icpPathfinder` object of the entry's state, and copies the other keys and
//! the host's own state over, so two widgets, and the host, keep theirs.
//! An entry without this widget's key (the host's own) is left alone.
//!
//! Not gloo-history: its `BrowserHistory` owns the whole state object and
//! pushes a route, where a widget must leave both to the host.
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::WidgetState;
use crate::ui::state::Action;

/// What this widget last wrote to, or read from, the current entry.
#[derive(Default)]
struct Entry {
    /// The page the current history entry holds for this widget, as its
    /// token ([`Screen::history_token`]).
    shown: Option<String>,
    /// The last change came from Back or Forward: the entry is already there.
    popped: bool,
}

/// Keeps the browser's history in step with the widget's page, under `key`.
/// Off (`enabled` false), nothing is read or written.
#[hook]
pub fn use_history(state: &WidgetState, key: AttrValue, enabled: bool) {
    let entry = use_mut_ref(Entry::default);
    {
        let (entry, key) = (entry.clone(), key.clone());
        let token = state.screen.history_token(&state.flow(state.definition()));
        use_effect_with((token, enabled), move |(token, enabled)| {
            if *enabled {
                record(&mut entry.borrow_mut(), &key, token);
            }
        });
    }
    let state = state.clone();
    let definition = Rc::as_ptr(state.definition()) as usize;
    use_effect_with((definition, enabled), move |(_, enabled)| {
        let listener = enabled.then(|| on_pop(entry, key, state));
        move || drop(listener)
    });
}

/// Writes the page's `token` to history: a new entry for a page the
/// candidate moved to, the same entry when the move came from history (or on
/// first render).
fn record(entry: &mut Entry, key: &str, token: &str) {
    if entry.shown.as_deref() == Some(token) {
        return;
    }
    let replace = entry.shown.is_none() || std::mem::take(&mut entry.popped);
    browser::write(key, token, replace);
    entry.shown = Some(token.to_owned());
}

/// Listens to Back and Forward: the page the entry holds for this widget is shown.
fn on_pop(entry: Rc<RefCell<Entry>>, key: AttrValue, state: WidgetState) -> impl Sized {
    browser::on_pop(key.to_string(), move |token| {
        let mut e = entry.borrow_mut();
        if e.shown.as_deref() == Some(token.as_str()) {
            // Another widget's entry: this one's page is unchanged.
            return;
        }
        e.shown = Some(token.clone());
        e.popped = true;
        drop(e);
        // Read against the answers as they are when the entry is reached.
        state.dispatch(Action::VisitEntry(token));
    })
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The History API, through web-sys.
    use js_sys::{Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// The key, in the state object of an entry, of the widgets' pages.
    const OURS: &str = "icpPathfinder";

    /// The current entry's state with this widget's page set to `token`;
    /// everything else in it (the host's, other widgets') copied over.
    fn with_page(key: &str, token: &str) -> JsValue {
        let history = gloo::utils::window().history().ok();
        let current = history.and_then(|h| h.state().ok()).filter(|s| s.is_object());
        let state = Object::new();
        let pages = Object::new();
        if let Some(current) = &current {
            Object::assign(&state, current.unchecked_ref());
            if let Some(ours) = Reflect::get(current, &OURS.into()).ok().filter(|o| o.is_object()) {
                Object::assign(&pages, ours.unchecked_ref());
            }
        }
        let _ = Reflect::set(&pages, &key.into(), &token.into());
        let _ = Reflect::set(&state, &OURS.into(), &pages);
        state.into()
    }

    /// Pushes a new entry, or replaces the current one, with this page; the address stays.
    pub fn write(key: &str, token: &str, replace: bool) {
        let Ok(history) = gloo::utils::window().history() else { return };
        let state = with_page(key, token);
        let written = if replace { history.replace_state(&state, "") } else { history.push_state(&state, "") };
        if let Err(e) = written {
            crate::ui::log::warn(&format!("IC Pathfinder: the browser's history could not be written: {e:?}"));
        }
    }

    /// This widget's page in an entry's state, if it holds one.
    fn page(state: &JsValue, key: &str) -> Option<String> {
        let pages = Reflect::get(state, &OURS.into()).ok().filter(|o| o.is_object())?;
        Reflect::get(&pages, &key.into()).ok()?.as_string()
    }

    /// Calls `popped` with this widget's page each time Back or Forward
    /// reaches an entry that holds one; until the returned listener is dropped.
    pub fn on_pop(key: String, popped: impl Fn(String) + 'static) -> gloo::events::EventListener {
        gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::PopStateEvent>() else { return };
            if let Some(token) = page(&e.state(), &key) {
                popped(token);
            }
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    //! Natively there is no history: nothing is written or heard.

    /// Nothing to write.
    pub fn write(_key: &str, _token: &str, _replace: bool) {}

    /// Nothing to hear.
    pub fn on_pop(_key: String, _popped: impl Fn(String) + 'static) {}
}

