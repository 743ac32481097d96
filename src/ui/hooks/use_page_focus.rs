//! Moves focus to the new page's heading, so screen readers announce it and
//! keyboard users continue from there; to the confirmation when one opens,
//! and back to its button when it is cancelled. Never on first render, which
//! would steal focus from the host page.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::confirm::Destroy;

/// Focuses the page heading under `root` after each navigation; the
/// confirmation of `confirming` while it is open.
#[hook]
pub fn use_page_focus(root: NodeRef, navigation: u32, confirming: Option<Destroy>) {
    let last = use_mut_ref(|| None::<(u32, Option<Destroy>)>);
    use_effect_with((navigation, confirming), move |&(navigation, confirming)| {
        let before = last.replace(Some((navigation, confirming)));
        let selector = if confirming.is_some() {
            ".icp-confirm"
        } else if let Some((_, Some(cancelled))) = before.filter(|(n, _)| *n == navigation) {
            cancelled.button_selector()
        } else if navigation > 0 {
            "[data-icp-focus]"
        } else {
            return;
        };
        if let Some(el) = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(selector).ok().flatten()) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
