//! How the widget reads JSON: with serde_json, natively and in the browser,
//! into the same serde types.
//!
//! Measured both ways in the wasm (README, "Size"). The browser's
//! `JSON.parse` with serde-wasm-bindgen was 4.7 KB brotli smaller, but
//! serde-wasm-bindgen reads a struct by asking the object for each of the
//! struct's own fields, so it never sees a field it does not know and
//! `deny_unknown_fields` does nothing (RReverser/serde-wasm-bindgen#39): a
//! misspelt field in an organization's definition would be ignored in the
//! browser while `icp-check` refuses it. serde_json refuses it in both.
//!
//! Paths (`questions[4].type`) through serde_path_to_error are kept where a
//! person reads them: natively (`icp-check`, tests) and in the embed bundle,
//! which reads organizations' definitions (cargo feature `located-errors`,
//! part of `embed`). The demo page's bundle reads only its built-in content,
//! its own saved records and share links, whose problems are logged for
//! developers and shown to candidates as plain notices; it leaves the path
//! tracking out (6 KB brotli) to stay within the bundle budget.
use serde::de::DeserializeOwned;

use crate::pathway::{Definition, DefinitionError, Issue};

/// Reads a value of a serde type from JSON text.
#[cfg(not(target_arch = "wasm32"))]
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    crate::pathway::read_json(text)
}

/// Reads a value of a serde type from JSON text (see the native twin).
#[cfg(target_arch = "wasm32")]
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    #[cfg(feature = "located-errors")]
    return crate::pathway::read_json(text);
    #[cfg(not(feature = "located-errors"))]
    serde_json::from_str(text).map_err(|e| Issue { path: ".".to_owned(), message: e.to_string() })
}

/// Reads what the widget wrote itself (saved records, the kept list, share
/// links) and JSON compared as values: their problems are logged for
/// developers and shown to candidates as plain notices, never as a path, so
/// they are read without the path tracking that organizations' definitions
/// need (a second instantiation of it for each type costs bundle bytes).
pub fn read_own<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    serde_json::from_str(text).map_err(|e| Issue { path: ".".to_owned(), message: e.to_string() })
}

/// Reads a value of a serde type from a JavaScript value: JSON text, or a
/// value the browser parsed (`JSON.parse`'s), written back to text first.
#[cfg(target_arch = "wasm32")]
pub fn from_value<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, Issue> {
    read(&json_text(&value)?)
}

/// A JavaScript value as JSON text: itself if it is a string, else written
/// out by the browser's `JSON.stringify`.
#[cfg(target_arch = "wasm32")]
pub fn json_text(value: &wasm_bindgen::JsValue) -> Result<String, Issue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    js_sys::JSON::stringify(value).ok().and_then(|t| t.as_string()).ok_or_else(|| Issue { path: ".".to_owned(), message: "not a JSON value".to_owned() })
}

/// Reads and validates a definition from outside (an organization's) that
/// the browser has parsed.
#[cfg(target_arch = "wasm32")]
pub fn definition_value(value: wasm_bindgen::JsValue) -> Result<Definition, DefinitionError> {
    checked(from_value(value)?)
}

/// Validates a definition from outside (an organization's).
pub fn checked(definition: Definition) -> Result<Definition, DefinitionError> {
    definition.validate()?;
    Ok(definition)
}

/// Reads and validates a definition from outside (an organization's).
#[cfg(not(target_arch = "wasm32"))]
pub fn definition(text: &str) -> Result<Definition, DefinitionError> {
    checked(read(text)?)
}

/// Reads and validates a definition from outside (an organization's).
#[cfg(target_arch = "wasm32")]
pub fn definition(text: &str) -> Result<Definition, DefinitionError> {
    let value =
        js_sys::JSON::parse(text).map_err(|e| Issue { path: ".".to_owned(), message: js_sys::Error::from(e).message().as_string().unwrap_or_default() })?;
    definition_value(value)
}
