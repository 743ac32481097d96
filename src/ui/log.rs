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
