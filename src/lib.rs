//! IC Pathfinder: an embeddable, fully client-side self-assessment for people
//! who want to become intimacy coordinators.
//!
//! - [`pathway`]: the domain core (definitions, answers, evaluation), plain Rust.
//! - [`ui`]: the Yew interface.
//! - `start`: mounts the widget on the demo page; `embed`: the embed API
//!   (both wasm only).
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod embed;
pub use pathway;
pub mod ui;

// Talc instead of Rust's default dlmalloc: about 6 KB smaller in the wasm
// (2 KB brotli) and faster to allocate (its WebAssembly benchmarks).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the widget with the default content on every `#ic-pathfinder` /
/// `[data-ic-pathfinder]` element of the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use ui::{App, AppProps, Loaded};
    ui::panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("#ic-pathfinder, [data-ic-pathfinder]") else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) else {
            continue;
        };
        let key = host.get_attribute("data-storage-key").unwrap_or_else(|| "default".to_owned());
        // The demo page sits beside the French content file (Trunk copies it).
        let (definition, translations) = Loaded::builtin("");
        let props = AppProps {
            definition,
            translations,
            lang: host.get_attribute("lang").map(Into::into),
            storage_key: key.into(),
            id_prefix: if i == 0 { "icp".into() } else { format!("icp{i}").into() },
            oncomplete: Default::default(),
        };
        yew::Renderer::<App>::with_root_and_props(host, props).render();
    }
}
