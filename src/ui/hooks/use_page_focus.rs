//! Moves focus to the new page's heading, so screen readers announce it and
//! keyboard users continue from there; to the confirmation when one opens.
//! Never on first render, which would steal focus from the host page.
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the page heading under `root` after each navigation.
#[hook]
pub fn use_page_focus(root: NodeRef, navigation: u32, confirming: bool) {
    use_effect_with((navigation, confirming), move |(navigation, confirming)| {
        if *navigation > 0 || *confirming {
            let selector = if *confirming { ".icp-confirm" } else { "[data-icp-focus]" };
            if let Some(el) = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(selector).ok().flatten()) {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    });
}
