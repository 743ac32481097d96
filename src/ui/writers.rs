//! Several writers of one record: other tabs (the browser's `storage`
//! event) and other widgets on the same page (an `icp-storage` event on the
//! window, since `storage` events only reach other tabs), and a share link
//! pasted into the address bar of an open page (`hashchange`).
//!
//! Each listener is removed when the returned function is called (the
//! effect's clean-up). Natively there are no events: nothing is listened to.

/// The event other widgets on the page hear after a save.
#[cfg(target_arch = "wasm32")]
const SAVED_HERE: &str = "icp-storage";

/// Tells the other widgets on this page that `key` was saved.
pub fn announce(key: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&key.into());
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(SAVED_HERE, &init) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}

/// Calls `changed` when another tab or another widget on this page writes `key`.
pub fn listen(key: String, changed: impl Fn() + 'static) -> impl FnOnce() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::events::EventListener;
        use wasm_bindgen::JsCast;
        let changed = std::rc::Rc::new(changed);
        let window = gloo::utils::window();
        let (on_tab, key_tab) = (changed.clone(), key.clone());
        let tabs = EventListener::new(&window, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
            // A `null` key means the other tab cleared all storage.
            if e.key().is_none_or(|k| k == key_tab) {
                on_tab();
            }
        });
        let here = EventListener::new(&window, SAVED_HERE, move |e| {
            let written = e.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string());
            if written.as_deref() == Some(key.as_str()) {
                changed();
            }
        });
        move || drop((tabs, here))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, changed);
        || {}
    }
}

/// Calls `changed` when the page's fragment changes (a link pasted into the
/// address bar of the open page).
pub fn on_hash_change(changed: impl Fn() + 'static) -> impl FnOnce() {
    #[cfg(target_arch = "wasm32")]
    {
        let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| changed());
        move || drop(listener)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = changed;
        || {}
    }
}
