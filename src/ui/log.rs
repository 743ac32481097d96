//! Developer-facing messages: what the widget turns into a plain notice for
//! the candidate is logged in full for the integrator, through gloo-console.
//! Natively (tests, server rendering) there is no console: nothing is logged.

/// Logs a warning to the browser console.
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    gloo::console::warn!(message);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// Logs an error to the browser console.
pub fn error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    gloo::console::error!(message);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// What a JavaScript exception says (`QuotaExceededError: The quota has been
/// exceeded.`), for a log line: its name and message, not `{:?}`, whose
/// JavaScript side (wasm-bindgen's `debugString`) would come into the bundle
/// for these two lines alone.
#[cfg(target_arch = "wasm32")]
pub fn exception(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => e.as_string().unwrap_or_else(|| "an exception".to_owned()),
    }
}
