//! Moves focus to the new page's heading, so screen readers announce it and
//! keyboard users continue from there; to the confirmation when one opens,
//! and back to its button when it is cancelled. Never on first render, which
//! would steal focus from the host page.
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the page heading under `root` after each navigation.
#[hook]
pub fn use_page_focus(root: NodeRef, navigation: u32, confirming: bool) {
    let last = use_mut_ref(|| None::<(u32, bool)>);
    use_effect_with((navigation, confirming), move |&(navigation, confirming)| {
        let before = last.replace(Some((navigation, confirming)));
        let selector = if confirming {
            ".icp-confirm"
        } else if before == Some((navigation, true)) {
            "[data-icp-restart]"
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
