//! Tells the page the widget is live: once its first render is on the page
//! with its listeners, the widget's root gets `data-icp-live` and sends
//! `icp-live`. A prerendered start page shows before that; the loaders
//! (demo/demo-loader.js, embed/ic-pathfinder.js) then hand over a Start
//! pressed while the wasm was loading, and tests wait for it before acting.
use yew::prelude::*;

/// Marks `root` live after the first render.
#[hook]
pub fn use_live(root: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(root) = root.cast::<web_sys::Element>() {
            let _ = root.set_attribute("data-icp-live", "");
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            // Out of the embed's shadow root, to its element.
            init.set_composed(true);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("icp-live", &init) {
                let _ = root.dispatch_event(&event);
            }
        }
    });
}
