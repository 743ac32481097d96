//! How the widget reads JSON: natively with serde_json (as the domain core
//! does), in the browser with the browser's own `JSON.parse` and
//! serde-wasm-bindgen, into the same serde types.
//!
//! Measured both ways in the wasm (README, "Size"): `JSON.parse` with
//! serde-wasm-bindgen is the smaller, as the wasm then carries no JSON
//! parser, and a definition the embed module has already parsed is handed
//! over as a value instead of being parsed twice. Malformed JSON is still
//! located by line and column: the browser's `SyntaxError` says where.
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
    let value = js_sys::JSON::parse(text).map_err(|e| Issue {
        path: ".".to_owned(),
        message: js_sys::Error::from(e).message().as_string().unwrap_or_else(|| "not JSON".to_owned()),
    })?;
    from_value(value)
}

/// Reads a value of a serde type from a JavaScript value (`JSON.parse`'s,
/// or `Response.json()`'s).
#[cfg(target_arch = "wasm32")]
pub fn from_value<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, Issue> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    #[cfg(feature = "located-errors")]
    return crate::pathway::read(deserializer);
    #[cfg(not(feature = "located-errors"))]
    T::deserialize(deserializer).map_err(|e| Issue { path: ".".to_owned(), message: e.to_string() })
}

/// How deeply a definition from outside may nest objects and lists, as
/// serde_json allows natively: serde-wasm-bindgen has no limit of its own,
/// and a definition nested thousands deep would exhaust the wasm stack.
#[cfg(target_arch = "wasm32")]
const MAX_NESTING: usize = 127;

/// Reads and validates a definition from outside (an organization's) that
/// the browser has parsed, refusing one that nests too deeply before serde
/// walks it.
#[cfg(target_arch = "wasm32")]
pub fn definition_value(value: wasm_bindgen::JsValue) -> Result<Definition, DefinitionError> {
    use wasm_bindgen::JsCast;
    // Depth first, without recursion: only objects and lists nest.
    let mut pending = vec![(value.clone(), 1usize)];
    while let Some((v, depth)) = pending.pop() {
        if !v.is_object() {
            continue;
        }
        if depth > MAX_NESTING {
            let message = format!("the document nests too deeply (more than {MAX_NESTING} objects and lists inside one another)");
            return Err(DefinitionError::Parse { path: ".".to_owned(), message });
        }
        let children =
            if js_sys::Array::is_array(&v) { v.unchecked_into::<js_sys::Array>() } else { js_sys::Object::values(v.unchecked_ref()) };
        pending.extend(children.iter().map(|c| (c, depth + 1)));
    }
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
    let value = js_sys::JSON::parse(text)
        .map_err(|e| Issue { path: ".".to_owned(), message: js_sys::Error::from(e).message().as_string().unwrap_or_default() })?;
    definition_value(value)
}
