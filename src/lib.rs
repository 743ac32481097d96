//! IC Pathfinder: an embeddable, fully client-side self-assessment for people
//! who want to become intimacy coordinators.
//!
//! - [`pathway`]: the domain core (definitions, answers, evaluation), plain Rust.
//! - [`ui`]: the Yew interface.
//! - `start`: mounts the widget on the demo page; `embed`: the embed API
//!   (both wasm only).
#![deny(missing_docs)]
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "studio"))]
pub mod studio;
pub use pathway;
pub mod ui;

// Talc instead of Rust's default dlmalloc: about 6 KB smaller in the wasm
// (2 KB brotli) and faster to allocate (its WebAssembly benchmarks).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the widget with the default content on every `#ic-pathfinder` /
/// `[data-ic-pathfinder]` element of the page, once the content file (beside
/// the bundle) has arrived: the page's loader (demo/demo-loader.js) fetches
/// it while the wasm loads and leaves the promise on the first host as
/// `icpContent`; a page without that loader gets it fetched here. When it
/// cannot be had, each host gets an `icp-load-failed` event, which the demo
/// page's loader turns into its Retry message.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use ui::{AppProps, Loaded};
    ui::panic::install();
    let Ok(hosts) = gloo::utils::document().query_selector_all("#ic-pathfinder, [data-ic-pathfinder]") else { return };
    use wasm_bindgen::JsCast;
    let hosts: Vec<web_sys::Element> = (0..hosts.length()).filter_map(|i| hosts.get(i).and_then(|n| n.dyn_into().ok())).collect();
    if hosts.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        // The demo page's loader fetches the content while the wasm loads and
        // hands the promise over on the first host; without it, fetch it here.
        let handed = js_sys::Reflect::get(&hosts[0], &"icpContent".into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        let loaded = match handed {
            Some(promise) => ui::fetch::handed_over(promise).await,
            None => ui::fetch::builtin(Loaded::BUILTIN_FILE).await,
        };
        let definition = match loaded {
            Ok(d) => std::rc::Rc::new(d),
            Err(e) => {
                ui::log::error(&format!("IC Pathfinder: the content at {} could not be loaded: {e}", Loaded::BUILTIN_FILE));
                for host in &hosts {
                    let init = web_sys::CustomEventInit::new();
                    init.set_detail(&e.to_string().into());
                    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("icp-load-failed", &init) {
                        let _ = host.dispatch_event(&event);
                    }
                }
                return;
            }
        };
        let main = Loaded::Ready(definition);
        for (i, host) in hosts.into_iter().enumerate() {
            let key = host.get_attribute("data-storage-key").unwrap_or_else(|| "default".to_owned());
            let props = AppProps {
                definition: main.clone(),
                // The demo page sits beside the French content file (Trunk copies it).
                translations: Loaded::builtin_translations("default.fr-CA.json", None, &main),
                lang: host.get_attribute("lang").map(Into::into),
                storage_key: key.into(),
                id_prefix: if i == 0 { "icp".into() } else { format!("icp{i}").into() },
                oncomplete: Default::default(),
                history: host.get_attribute("data-history").as_deref() != Some("off"),
                contact: host.get_attribute("data-contact").map(Into::into),
                storage: ui::storage::StorageMode::from_name(host.get_attribute("data-storage").as_deref()),
                onevent: Default::default(),
            };
            // Hydrates the start page index.html carries, when the visit opens on it.
            ui::prerender::mount(host, props);
        }
    });
}
