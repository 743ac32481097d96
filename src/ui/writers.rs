//! Several writers of one record: other tabs (the browser's `storage`
//! event) and other widgets on the same page (an `icp-storage` event on the
//! window, since `storage` events only reach other tabs), Forget used in
//! either, and a share link pasted into the address bar of an open page
//! (`hashchange`).
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
    // A `null` key means the other tab cleared all storage.
    on_write(key, |written, _| written.is_none_or(|k| k), changed)
}

/// Calls `forgotten` when another tab or another widget on this page
/// signals on `key` (a storage key's `:forgotten`, see `Store::forget`).
/// Only the signal's writing counts, not its removal right after, nor a
/// host page clearing all storage: that is no Forget of the candidate's.
pub fn on_forgotten(key: String, forgotten: impl Fn() + 'static) -> impl FnOnce() {
    on_write(key, |written, new_value| written == Some(true) && new_value, forgotten)
}

/// Calls `heard` when another widget on this page announces `key`, or when
/// another tab's `storage` event passes `counts` (given whether its key is
/// `key`, `None` when it names none, and whether it has a new value).
fn on_write(key: String, counts: fn(Option<bool>, bool) -> bool, heard: impl Fn() + 'static) -> impl FnOnce() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::events::EventListener;
        use wasm_bindgen::JsCast;
        let heard = std::rc::Rc::new(heard);
        let window = gloo::utils::window();
        let (on_tab, key_tab) = (heard.clone(), key.clone());
        let tabs = EventListener::new(&window, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
            if counts(e.key().map(|k| k == key_tab), e.new_value().is_some()) {
                on_tab();
            }
        });
        let here = EventListener::new(&window, SAVED_HERE, move |e| {
            let written = e.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string());
            if written.as_deref() == Some(key.as_str()) {
                heard();
            }
        });
        move || drop((tabs, here))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, counts, heard);
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
