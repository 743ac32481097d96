//! Each page the candidate moves to is an entry in the browser's history, so
//! the Back gesture of a phone goes to the previous question instead of
//! leaving the organization's page, and Forward comes back.
//!
//! The page's address never changes: entries are pushed with no URL. Each
//! widget keeps its page under its own key (its id prefix) inside one
//! `icpPathfinder` object of the entry's state, and copies the other keys and
//! the host's own state over, so two widgets, and the host, keep theirs.
//! An entry without this widget's key (the host's own) is left alone.
//! A host whose state is not a plain object (a string, a number, a Date, an
//! array) gets it back unchanged: the widget leaves that entry as it is,
//! keeps the value beside its own pages' state (`icpHost`) in the entries it
//! pushes, and shows its first page when Back reaches the host's entry.
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
    /// The page shown when the widget found the host's entry holding a
    /// state that is not a plain object, which it leaves unwritten: Back to
    /// an entry without this widget's page shows it.
    host_page: Option<String>,
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
    if !browser::write(key, token, replace) {
        if entry.shown.is_none() {
            entry.host_page = Some(token.to_owned());
        } else {
            // Moving on from the host's entry, which is not to be replaced.
            browser::write(key, token, false);
        }
    }
    entry.shown = Some(token.to_owned());
}

/// Listens to Back and Forward: the page the entry holds for this widget is shown.
fn on_pop(entry: Rc<RefCell<Entry>>, key: AttrValue, state: WidgetState) -> impl Sized {
    browser::on_pop(key.to_string(), move |token: Option<String>, earlier_load: bool| {
        let mut e = entry.borrow_mut();
        // An entry written before the page was reloaded, reached from the start
        // page the reload opened on: its question belongs to the visit before,
        // so Back goes on back, as it does from a start page on a first visit.
        if earlier_load && e.shown.as_deref() == Some("start") {
            browser::back();
            return;
        }
        // The host's own entry, left unwritten: the page the widget opened on.
        let Some(token) = token.or_else(|| e.host_page.clone()) else { return };
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

    /// The key beside [`OURS`] of a host's state that is not a plain object.
    const HOST: &str = "icpHost";

    /// The key, among the widgets' pages, of when the page that wrote them
    /// was loaded (`performance.timeOrigin`): an entry from before a reload
    /// holds another.
    const LOADED: &str = "loaded";

    /// When this page was loaded, the same for every widget on it.
    fn loaded() -> JsValue {
        Reflect::get(&gloo::utils::window(), &"performance".into()).and_then(|p| Reflect::get(&p, &"timeOrigin".into())).unwrap_or_default()
    }

    /// Goes one entry back.
    pub fn back() {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.back();
        }
    }

    /// Whether `value` is a plain object (`{...}`), whose keys can be copied
    /// into a new state without changing what the host reads back.
    fn plain(value: &JsValue) -> bool {
        value.is_object() && !js_sys::Array::is_array(value) && {
            let proto = Object::get_prototype_of(value);
            proto.is_null() || Object::is(&proto, &Object::get_prototype_of(&Object::new()))
        }
    }

    /// The current entry's state with this widget's page set to `token`;
    /// everything else in it (the host's, other widgets') copied over; a
    /// host's state that is not a plain object is kept beside, as it is.
    fn with_page(current: &JsValue, key: &str, token: &str) -> JsValue {
        let state = Object::new();
        let pages = Object::new();
        if plain(current) {
            Object::assign(&state, current.unchecked_ref());
            if let Some(ours) = Reflect::get(current, &OURS.into()).ok().filter(|o| o.is_object()) {
                Object::assign(&pages, ours.unchecked_ref());
            }
        } else if !current.is_null() && !current.is_undefined() {
            let _ = Reflect::set(&state, &HOST.into(), current);
        }
        let _ = Reflect::set(&pages, &key.into(), &token.into());
        let _ = Reflect::set(&pages, &LOADED.into(), &loaded());
        let _ = Reflect::set(&state, &OURS.into(), &pages);
        state.into()
    }

    /// Pushes a new entry, or replaces the current one, with this page; the
    /// address stays. An entry whose state is the host's own and not a plain
    /// object is not replaced: false, nothing written.
    pub fn write(key: &str, token: &str, replace: bool) -> bool {
        let Ok(history) = gloo::utils::window().history() else { return false };
        let current = history.state().unwrap_or(JsValue::NULL);
        if replace && !plain(&current) && !current.is_null() && !current.is_undefined() {
            return false;
        }
        let state = with_page(&current, key, token);
        let written = if replace { history.replace_state(&state, "") } else { history.push_state(&state, "") };
        if let Err(e) = &written {
            crate::ui::log::warn(&format!("IC Pathfinder: the browser's history could not be written: {}", crate::ui::log::exception(e)));
        }
        written.is_ok()
    }

    /// This widget's page in an entry's state, if it holds one.
    fn page(state: &JsValue, key: &str) -> Option<String> {
        let pages = Reflect::get(state, &OURS.into()).ok().filter(|o| o.is_object())?;
        Reflect::get(&pages, &key.into()).ok()?.as_string()
    }

    /// Calls `popped` with this widget's page each time Back or Forward
    /// reaches an entry (`None` for one without it), and whether the entry
    /// was written before the page was last loaded; until the returned
    /// listener is dropped.
    pub fn on_pop(key: String, popped: impl Fn(Option<String>, bool) + 'static) -> gloo::events::EventListener {
        gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::PopStateEvent>() else { return };
            let state = e.state();
            let earlier = Reflect::get(&state, &OURS.into()).and_then(|o| Reflect::get(&o, &LOADED.into())).is_ok_and(|l| l != loaded());
            popped(page(&state, &key), earlier);
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    //! Natively there is no history: nothing is written or heard.

    /// Nothing to write: written, as far as the widget can tell.
    pub fn write(_key: &str, _token: &str, _replace: bool) -> bool {
        true
    }

    /// Nothing to hear.
    pub fn on_pop(_key: String, _popped: impl Fn(Option<String>, bool) + 'static) {}

    /// Nowhere to go.
    pub fn back() {}
}
