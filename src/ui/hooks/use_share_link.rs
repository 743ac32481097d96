//! Share links: the one the page was opened with (read when the state is
//! first made, taken out of the address bar by an effect) and one pasted
//! into the address bar of the open page.
use yew::prelude::*;

use super::WidgetState;
use crate::ui::share;
use crate::ui::state::{Action, Notice};

/// Opens a share link pasted into the address bar of the open page.
#[hook]
pub fn use_share_link(state: WidgetState) {
    use_effect_with(state.definition().id.clone(), move |id| {
        let id = id.clone();
        crate::ui::writers::on_hash_change(move || {
            let Some(fragment) = read_link(&id) else {
                told_of_another(&id, &state);
                return;
            };
            clear_link();
            let Some(value) = share::from_fragment(&fragment) else { return };
            match share::decode(state.definition(), value) {
                Ok(shared) => state.dispatch(Action::OpenShared(shared)),
                Err(e) => {
                    crate::ui::log::warn(&format!("IC Pathfinder: the share link cannot be used: {e}"));
                    state.dispatch(Action::Notify(Notice::ShareLinkUnusable));
                }
            }
        })
    });
}

/// A link made for another definition stays for the widget it is for; when
/// there can be none on the page, the candidate is told.
pub fn told_of_another(own: &str, state: &WidgetState) {
    if let Some(other) = link_for_another(own) {
        crate::ui::log::warn(&format!("IC Pathfinder: the address holds a share link for \"{other}\", not for this widget's \"{own}\": left as it is"));
        if alone_on_page() {
            state.dispatch(Action::Notify(Notice::ShareLinkForOther));
        }
    }
}

/// The window's property that holds the link a widget has taken and not yet
/// cleared from the address bar, so that a second widget on the page does
/// not take it too. On the window, not in the wasm's memory: each widget on
/// a page runs in its own instance of the wasm.
const TAKEN: &str = "icpPathfinderTakenLink";

/// The link a widget on the page has taken, if any.
fn taken() -> Option<String> {
    js_sys::Reflect::get(&gloo::utils::window(), &TAKEN.into()).ok()?.as_string()
}

/// Notes (or, with `None`, forgets) the link taken.
fn set_taken(hash: Option<&str>) {
    let value = hash.map_or(wasm_bindgen::JsValue::UNDEFINED, wasm_bindgen::JsValue::from_str);
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &TAKEN.into(), &value);
}

/// Reads a share link made for `definition_id` from the page's fragment, and
/// takes it for this widget. A link made for another definition is left for
/// the widget it was made for; a damaged one is taken (and reported) by one
/// widget only. Natively there is no page: `None`.
pub fn read_link(definition_id: &str) -> Option<String> {
    let hash = peek_link(definition_id)?;
    if taken().as_deref() == Some(hash.as_str()) {
        return None;
    }
    set_taken(Some(&hash));
    Some(hash)
}

/// The share link for `definition_id` in the page's fragment, if any, left
/// for [`read_link`] to take.
pub fn peek_link(definition_id: &str) -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let hash = gloo::utils::window().location().hash().ok()?;
    let value = share::from_fragment(&hash)?;
    if matches!(share::link_definition(value), Some(id) if id != definition_id) {
        return None;
    }
    Some(hash)
}

/// The definition a share link in the page's fragment was made for, when it
/// is not `definition_id` (left for the widget it is for). Natively there is
/// no page: `None`.
pub fn link_for_another(definition_id: &str) -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let hash = gloo::utils::window().location().hash().ok()?;
    share::link_definition(share::from_fragment(&hash)?).filter(|id| id != definition_id)
}

/// Whether this is the only widget on the page (the demo page's, or one
/// `<ic-pathfinder>`): no other could be the one a link is for.
pub fn alone_on_page() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return true;
    }
    gloo::utils::document().query_selector_all("ic-pathfinder").map_or(true, |l| l.length() <= 1)
}

/// Takes the share link out of the address bar (keeping the rest of the
/// fragment), so a reload or a bookmark does not carry the answers on.
pub fn clear_link() {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    set_taken(None);
    let window = gloo::utils::window();
    let Some(url) = window.location().href().ok().and_then(|h| web_sys::Url::new(&h).ok()) else { return };
    url.set_hash(&share::without_param(&url.hash()));
    if let Ok(history) = window.history() {
        // The entry keeps its state: the widgets' pages in it (see use_history).
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
    }
}
