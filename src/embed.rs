//! The embed entry points, called by `embed/ic-pathfinder.js` (the custom
//! element and the `mount()` API). Fetching an organization's definition is
//! done in JavaScript; this side validates it and renders the widget or the
//! error panel.
use wasm_bindgen::prelude::*;

use crate::ui::hooks::WidgetEvent;
use web_sys::Element;

use crate::pathway::DefinitionError;
use crate::ui::{App, AppProps, Loaded};

/// A mounted widget; `unmount()` removes it and frees its memory.
#[wasm_bindgen]
pub struct Handle {
    app: Option<yew::AppHandle<App>>,
    root: Element,
}

#[wasm_bindgen]
impl Handle {
    /// Removes the widget from the page.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            crate::ui::panic::unwatch(&self.root);
        }
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.app.is_some()
    }
}

/// Mounts a widget into `root`, with the options `embed/ic-pathfinder.js`
/// hands over in one object (its fields, by their JavaScript names):
///
/// - `definition`: the definition's JSON text (or a value already parsed).
/// - `builtin`: whether it is the built-in content (`default.en.json` beside
///   the module), which the test suite validates, rather than an organization's.
/// - `loadError`: why the organization's definition could not be fetched; shown in the error panel.
/// - `storageKey`: keeps instances' saved answers apart; one the widget
///   refuses (`ui::storage::check_key`) shows the error panel, as a
///   definition that cannot be used does.
/// - `idPrefix`: the prefix of the widget's element ids.
/// - `onComplete`: called with `{pathway_id: status}` when the results page is reached.
/// - `lang`: the language asked for.
/// - `french`: the address of the built-in content's French (`default.fr-CA.json`).
/// - `frenchText`: that file's text, when the module fetched it beside the
///   English (the widget opens in French): the first render is then in French,
///   as a French prerendered start page is.
/// - `source`: the address an organization's definition was read from; the
///   files its `translations` name are relative to it.
/// - `history`: whether each page is an entry in the browser's history.
/// - `contact`: whom candidates may contact if the widget cannot start.
/// - `storage`: where answers are kept: `local` (the default), `session` or `none`.
/// - `onEvent`: called with an event's name (`icp-start`, `icp-step`,
///   `icp-restart`) and its detail; never with an answer.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(root: Element, options: JsValue) -> Handle {
    let options = Options(options);
    let (definition, builtin, load_error) = (options.get("definition"), options.get("builtin").is_truthy(), options.text("loadError"));
    let (storage_key, id_prefix, on_complete, lang) =
        (options.text("storageKey").unwrap_or_default(), options.text("idPrefix").unwrap_or_default(), options.function("onComplete"), options.text("lang"));
    let (french, french_text, source) = (options.text("french").unwrap_or_default(), options.text("frenchText"), options.text("source"));
    let (history, contact, storage, on_event) =
        (options.get("history").is_truthy(), options.text("contact"), options.text("storage"), options.function("onEvent"));
    crate::ui::panic::install();
    let (loaded, translations) = match load_error {
        Some(error) => (Loaded::Failed(crate::ui::loaded::Unusable::NotLoaded(error)), Vec::new()),
        None if builtin => {
            let loaded = Loaded::from(crate::ui::decode::from_value::<crate::pathway::Definition>(definition).map_err(DefinitionError::from));
            (loaded.clone(), Loaded::builtin_translations(&french, french_text.as_deref(), &loaded))
        }
        None => {
            let json: std::rc::Rc<str> = crate::ui::decode::json_text(&definition).unwrap_or_default().into();
            let loaded = Loaded::from(crate::ui::decode::definition_value(JsValue::from_str(&json)));
            let translations = loaded.listed_translations(source.as_deref(), json);
            (loaded, translations)
        }
    };
    if let Loaded::Failed(problem) = &loaded {
        // Integrators look in the console first.
        crate::ui::log::error(&format!("IC Pathfinder: the definition cannot be used:\n{}", problem.lines().join("\n")));
    }
    let oncomplete = yew::Callback::from(move |statuses: Vec<(String, String)>| {
        if let Some(f) = &on_complete {
            let detail = js_sys::Object::new();
            for (id, status) in statuses {
                let _ = js_sys::Reflect::set(&detail, &id.into(), &status.into());
            }
            let _ = f.call1(&JsValue::NULL, &detail);
        }
    });
    let props = AppProps {
        definition: loaded,
        translations,
        lang: lang.map(Into::into),
        storage_key: storage_key.into(),
        id_prefix: id_prefix.into(),
        oncomplete,
        history,
        contact: contact.map(Into::into),
        storage: crate::ui::storage::StorageMode::from_name(storage.as_deref()),
        onevent: yew::Callback::from(move |event: WidgetEvent| {
            if let Some(f) = &on_event {
                let detail = js_sys::JSON::parse(&event.detail().to_string()).unwrap_or(JsValue::NULL);
                let _ = f.call2(&JsValue::NULL, &event.name().into(), &detail);
            }
        }),
    };
    // Hydrates a prerendered start page (snippet.<lang>.html) when the visit opens on it.
    Handle { app: Some(crate::ui::prerender::mount(root.clone(), props)), root }
}

/// Validates a definition without mounting anything: `null` when valid,
/// else the problems, one per line.
#[wasm_bindgen(js_name = validateDefinition)]
pub fn validate_definition(text: &str) -> Option<String> {
    match crate::ui::decode::definition(text) {
        Ok(_) => None,
        Err(DefinitionError::Invalid(issues)) => Some(issues.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n")),
        Err(e) => Some(e.to_string()),
    }
}

/// Panics on purpose, to check the crash panel (used by the end-to-end tests;
/// harmless otherwise: it only shows the panel a real bug would show).
#[wasm_bindgen(js_name = simulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash");
}

/// The options object of [`mount_widget`], read field by field: one
/// JavaScript value crosses, instead of fifteen positional arguments and
/// the conversion code wasm-bindgen writes for each.
struct Options(JsValue);

impl Options {
    fn get(&self, name: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).as_string()
    }

    fn function(&self, name: &str) -> Option<js_sys::Function> {
        self.get(name).dyn_into().ok()
    }
}
