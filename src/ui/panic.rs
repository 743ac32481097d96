//! When the widget panics (a bug), every widget root on the page is replaced
//! by an error panel with a reload link, instead of a frozen interface.
//! The panel is built with DOM calls (no innerHTML, so a Trusted Types policy
//! does not block it) while the hook runs; after the panic the wasm instance is
//! gone, so nothing here may rely on Rust running again (hence a link, not a
//! handler).

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
        let texts = if root.get_attribute("lang").is_some_and(|l| l.starts_with("fr")) { &PANEL_FR } else { &PANEL_EN };
        // Errors are ignored: a panel that cannot be built leaves the root as it was.
        let _ = show_panel(&document, &root, texts);
    }
}

/// The crash panel's words in one language.
#[cfg(target_arch = "wasm32")]
struct PanelTexts {
    title: &'static str,
    body: &'static str,
    reload: &'static str,
}

#[cfg(target_arch = "wasm32")]
const PANEL_EN: PanelTexts = PanelTexts {
    title: "The pathway checker stopped",
    body: "Something unexpected went wrong. Your answers saved on this device are kept.",
    reload: "Reload the page",
};

#[cfg(target_arch = "wasm32")]
const PANEL_FR: PanelTexts = PanelTexts {
    title: "Le vérificateur de parcours s’est arrêté",
    body: "Une erreur inattendue s’est produite. Vos réponses enregistrées sur cet appareil sont conservées.",
    reload: "Recharger la page",
};

/// Replaces the contents of `root` with the panel:
/// `<div class="icp-error-panel" role="alert"><h2 class="icp-error-panel__title">…</h2><p>…</p><a class="icp-button" href="">…</a></div>`.
/// Built with DOM calls (createElement, textContent, setAttribute), never
/// innerHTML, so a Trusted Types policy (`require-trusted-types-for 'script'`)
/// does not block it. A link to the page itself reloads it without any script.
#[cfg(target_arch = "wasm32")]
fn show_panel(document: &web_sys::Document, root: &web_sys::Element, texts: &PanelTexts) -> Result<(), wasm_bindgen::JsValue> {
    let element = |tag: &str, class: &str, text: Option<&str>| -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let el = document.create_element(tag)?;
        el.set_attribute("class", class)?;
        if let Some(text) = text {
            el.set_text_content(Some(text));
        }
        Ok(el)
    };
    let panel = element("div", "icp-error-panel", None)?;
    panel.set_attribute("role", "alert")?;
    let title = element("h2", "icp-error-panel__title", Some(texts.title))?;
    panel.append_child(&title)?;
    let body = document.create_element("p")?;
    body.set_text_content(Some(texts.body));
    panel.append_child(&body)?;
    let reload = element("a", "icp-button", Some(texts.reload))?;
    reload.set_attribute("href", "")?;
    panel.append_child(&reload)?;
    // Emptying with textContent is not an HTML sink either.
    root.set_text_content(None);
    root.append_child(&panel)?;
    Ok(())
}

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
