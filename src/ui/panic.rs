//! When the widget panics (a bug), the widget roots this wasm instance
//! mounted are replaced by an error panel with a reload link, instead of a
//! frozen interface. The embed gives each widget on a page its own instance
//! of the wasm (`embed/ic-pathfinder.js`), so a bug that stops one widget
//! leaves the others working; hence only this instance's roots, never every
//! root on the page.
//! The panel is built with DOM calls (no innerHTML, so a Trusted Types policy
//! does not block it) while the hook runs; after the panic the wasm instance is
//! gone, so nothing here may rely on Rust running again (hence a link, not a
//! handler). The root is marked `data-icp-stopped`, so the loader does not
//! mount a widget in this instance again.

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The elements this instance renders widgets into, mounted and not yet unmounted.
    static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Notes an element this instance renders a widget into.
#[cfg(target_arch = "wasm32")]
pub fn watch(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets an element whose widget was unmounted.
#[cfg(target_arch = "wasm32")]
pub fn unwatch(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|e| e != root));
}

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
    // The panic may have struck while the list was borrowed: then there is no list to read.
    let Some(hosts) = ROOTS.with(|r| r.try_borrow().ok().map(|r| r.clone())) else { return };
    let mut roots = Vec::new();
    for host in &hosts {
        let _ = host.set_attribute("data-icp-stopped", "");
        collect(host, &mut roots);
    }
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

/// The `.icp-root` elements of a widget's element: itself, or inside it.
#[cfg(target_arch = "wasm32")]
fn collect(host: &web_sys::Element, out: &mut Vec<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if host.matches(".icp-root").unwrap_or(false) {
        out.push(host.clone());
        return;
    }
    let before = out.len();
    if let Ok(list) = host.query_selector_all(".icp-root") {
        out.extend((0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok()));
    }
    // Stopped before its first page was drawn: the panel goes in the element itself, never a blank widget.
    if out.len() == before {
        out.push(host.clone());
    }
}
