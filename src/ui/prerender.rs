//! The start page rendered ahead of time, and the browser's choice between
//! hydrating it and rendering afresh.
//!
//! At build time `examples/prerender.rs` renders [`App`] natively with Yew's
//! server renderer, from the same components the browser runs, and the page
//! or snippet carries the HTML in its first response, with a [`mark`] of what
//! that markup depends on (`data-icp-prerendered`). In the browser, [`mount`]
//! hydrates it only when the widget would open on exactly that page: same
//! version, language, content, languages offered, id prefix and storage mode,
//! and nothing saved, kept or shared ([`opens_plain`]). Hydration must meet
//! the very markup it expects (Yew panics on a different element), so
//! anything else (a returning candidate, a share link, a page in another
//! language) is rendered afresh over the prerendered page instead.
use super::app::{AppProps, Loaded, Translation};
use super::hooks::use_translation::{negotiate, offered_languages};
use super::restore::{initial_state, Tidy};
use super::state::State;
use super::storage::Store;

/// The attribute of the element that holds a prerendered start page: its [`mark`].
pub const ATTRIBUTE: &str = "data-icp-prerendered";

/// What the first render of `props` depends on besides storage and the
/// address, as one string; none when that render waits for more than the
/// props hold (a definition that failed, a language still to fetch).
pub fn mark(props: &AppProps) -> Option<String> {
    let Loaded::Ready(main) = &props.definition else { return None };
    let offered = offered_languages(Some(main), &props.translations);
    let shown = match negotiate(&offered, props.lang.as_deref()) {
        0 => main.clone(),
        i => match props.translations.get(i - 1)? {
            Translation::Ready(d) => d.clone(),
            Translation::Remote { .. } => return None,
        },
    };
    Some(format!(
        "{} {} {}@{} {} {} {}",
        env!("CARGO_PKG_VERSION"),
        shown.lang,
        main.id,
        main.version,
        offered.join(","),
        props.id_prefix,
        props.storage.name()
    ))
}

/// Whether the widget opens on its plain start page: no saved progress, no
/// kept records, no share link, no notice, nothing to tidy in storage.
pub fn opens_plain(props: &AppProps) -> bool {
    let Loaded::Ready(main) = &props.definition else { return false };
    // A refused storage key opens on the error panel.
    if super::storage::check_key(&props.storage_key).is_err() {
        return false;
    }
    let store = Store::open_in(&props.storage_key, &main.id, props.storage);
    // Peeked, not taken: the widget takes the link when it opens.
    super::hooks::use_share_link::peek_link(&main.id).is_none() && initial_state(main, &store, None) == (State::new(), Tidy::default())
}

/// Mounts the widget on `root`: hydrates the start page prerendered in it
/// when its mark is this widget's and the widget opens on that page, else
/// renders afresh (Yew then replaces what `root` held).
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element, props: AppProps) -> yew::AppHandle<super::App> {
    let prerendered = root.get_attribute(ATTRIBUTE);
    // Yew's server renderer opens with its component marker: anything else
    // (comments stripped on the way) cannot be hydrated.
    let marked = root.first_child().is_some_and(|n| n.node_type() == web_sys::Node::COMMENT_NODE);
    let hydrate = marked && prerendered.is_some() && prerendered == mark(&props) && opens_plain(&props);
    // Whichever it was, the element now holds the live widget.
    let _ = root.remove_attribute(ATTRIBUTE);
    super::panic::watch(&root);
    let renderer = yew::Renderer::<super::App>::with_root_and_props(root, props);
    if hydrate {
        renderer.hydrate()
    } else {
        renderer.render()
    }
}
