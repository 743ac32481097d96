//! Share links: the one the page was opened with (read once, when the state
//! is first made) and one pasted into the address bar of the open page.
use yew::prelude::*;

use crate::ui::share;
use crate::ui::state::{Action, Notice, State};

/// Opens a share link pasted into the address bar of the open page.
#[hook]
pub fn use_share_link(state: UseReducerHandle<State>) {
    let definition = state.definition.clone();
    use_effect_with(definition.id.clone(), move |id| {
        let id = id.clone();
        crate::ui::writers::on_hash_change(move || {
            let Some(fragment) = take_fragment(&id) else { return };
            let Some(value) = share::from_fragment(&fragment) else { return };
            match share::decode(&definition, value) {
                Ok(answers) => state.dispatch(Action::OpenShared(answers)),
                Err(e) => {
                    crate::ui::log::warn(&format!("IC Pathfinder: the share link cannot be used: {e}"));
                    state.dispatch(Action::Notify(Notice::ShareLinkUnusable));
                }
            }
        })
    });
}

/// Reads a share link made for `definition_id` from the page's fragment and
/// removes it from the address bar (keeping the rest of the fragment), so a
/// reload or a bookmark does not carry the answers on. A link made for
/// another definition is left for the widget it was made for; a damaged one
/// is reported by one widget only. Natively there is no page: `None`.
pub fn take_fragment(definition_id: &str) -> Option<String> {
    thread_local! {
        static DAMAGED_LINK_TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let window = gloo::utils::window();
    let url = web_sys::Url::new(&window.location().href().ok()?).ok()?;
    let hash = url.hash();
    let value = share::from_fragment(&hash)?;
    match share::link_definition(value) {
        Some(id) if id != definition_id => return None,
        Some(_) => {}
        None if DAMAGED_LINK_TAKEN.with(|t| t.replace(true)) => return None,
        None => {}
    }
    url.set_hash(&share::without_param(&hash));
    let _ = window.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    Some(hash)
}
