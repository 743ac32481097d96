//! When the widget panics (a bug), every widget root on the page is replaced
//! by an error panel with a reload link, instead of a frozen interface.
//! Static markup set in one call: after the panic the wasm instance is gone, so
//! nothing here may rely on Rust running again (hence a link, not a handler).

/// Installs the hook; call before rendering. Safe to call more than once.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        crate::ui::log::error(&format!("IC Pathfinder stopped: {info}"));
        replace_roots();
    }));
}

#[cfg(target_arch = "wasm32")]
fn replace_roots() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(html) = document.document_element() else { return };
    let mut roots = Vec::new();
    collect(&html, &mut roots);
    for root in roots {
        // Static markup: nothing from the failed state goes in, so nothing needs escaping.
        let panel = if root.get_attribute("lang").is_some_and(|l| l.starts_with("fr")) { PANEL_FR } else { PANEL_EN };
        root.set_inner_html(panel);
    }
}

// A link to the page itself reloads it without any script.
#[cfg(target_arch = "wasm32")]
const PANEL_EN: &str = "<div class=\"icp-error-panel\" role=\"alert\"><h2 class=\"icp-error-panel__title\">The pathway checker stopped</h2>\
<p>Something unexpected went wrong. Your answers saved on this device are kept.</p><a class=\"icp-button\" href=\"\">Reload the page</a></div>";
#[cfg(target_arch = "wasm32")]
const PANEL_FR: &str = "<div class=\"icp-error-panel\" role=\"alert\"><h2 class=\"icp-error-panel__title\">Le vérificateur de parcours s’est arrêté</h2>\
<p>Une erreur inattendue s’est produite. Vos réponses enregistrées sur cet appareil sont conservées.</p><a class=\"icp-button\" href=\"\">Recharger la page</a></div>";

/// Finds `.icp-root` elements in the document and in open shadow roots (the embed).
#[cfg(target_arch = "wasm32")]
fn collect(html: &web_sys::Element, out: &mut Vec<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    let each = |list: Result<web_sys::NodeList, wasm_bindgen::JsValue>, f: &mut dyn FnMut(web_sys::Element)| {
        if let Ok(list) = list {
            for i in 0..list.length() {
                if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    f(el);
                }
            }
        }
    };
    each(html.query_selector_all(".icp-root"), &mut |el| out.push(el));
    each(html.query_selector_all("[data-icp-host]"), &mut |host| {
        if let Some(shadow) = host.shadow_root() {
            each(shadow.query_selector_all(".icp-root"), &mut |el| out.push(el));
        }
    });
}
