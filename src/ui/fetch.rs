//! Fetching the widget's own content files (the built-in English content
//! and its French translation) from beside the bundle. They are data, not
//! code: the wasm carries no content, an organization's own definition
//! replaces them without the default riding along, and a content update
//! does not change the wasm.
use crate::pathway::{Definition, DefinitionError};

/// Why a content file could not be used; logged for the integrator, while
/// the candidate sees plain words.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum FetchError {
    /// No answer (offline, blocked).
    #[error("network error")]
    Network,
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Http(u16),
    /// The file is not a definition this version can read.
    #[error("{0}")]
    Invalid(#[from] DefinitionError),
    /// An organization's translation that does not say what its main
    /// definition says (other ids or rules): one problem per line.
    #[error("it differs from the main definition in more than its texts:\n{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    NotATranslation(Vec<crate::pathway::Issue>),
}

/// Fetches one of the widget's own content files and reads it. It is not
/// validated again: the test suite validates the built-in content in both
/// languages (`crates/pathway/tests/default_content.rs`, `translations.rs`).
#[cfg(target_arch = "wasm32")]
pub async fn builtin(url: &str) -> Result<Definition, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str(url)).await.map_err(|_| FetchError::Network)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let text = response.text().map_err(|_| FetchError::Network)?;
    read(JsFuture::from(text).await)
}

/// Fetches an organization's translation, listed as `lang`, validates it and
/// checks that it says what `main` (the main definition's JSON) says.
#[cfg(target_arch = "wasm32")]
pub async fn translation(url: &str, main: &str, lang: &str) -> Result<Definition, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str(url)).await.map_err(|_| FetchError::Network)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?).await.map_err(|_| FetchError::Network)?;
    let text = text.as_string().unwrap_or_default();
    checked_translation(&text, main, lang)
}

/// A translation's text read as a definition, validated, and compared with
/// the main definition's JSON; it must be in the language it is listed as.
pub fn checked_translation(text: &str, main: &str, lang: &str) -> Result<Definition, FetchError> {
    let definition = super::decode::definition(text)?;
    let value = |t: &str| super::decode::read::<serde_json::Value>(t);
    let problems = crate::pathway::translation_problems(&value(main).map_err(DefinitionError::from)?, &value(text).map_err(DefinitionError::from)?, lang);
    if problems.is_empty() {
        Ok(definition)
    } else {
        Err(FetchError::NotATranslation(problems))
    }
}

/// Reads the built-in content that a page's loader fetched while the wasm
/// was loading (a promise of its text, or of an `Error` saying why not), so
/// that the request does not wait for the wasm.
#[cfg(target_arch = "wasm32")]
pub async fn handed_over(promise: js_sys::Promise) -> Result<Definition, FetchError> {
    read(wasm_bindgen_futures::JsFuture::from(promise).await)
}

/// The JSON text read into a definition; a rejection is a `TypeError` (no
/// answer) or an `Error("HTTP <status>")`.
#[cfg(target_arch = "wasm32")]
fn read(value: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) -> Result<Definition, FetchError> {
    let value = value.map_err(|e| {
        let e = js_sys::Error::from(e);
        let message = e.message().as_string().unwrap_or_default();
        match message.strip_prefix("HTTP ").and_then(|s| s.parse().ok()) {
            Some(status) => FetchError::Http(status),
            None => FetchError::Network,
        }
    })?;
    Ok(super::decode::from_value::<Definition>(value).map_err(DefinitionError::from)?)
}

/// Natively there is nothing to fetch from (server rendering, tests).
#[cfg(not(target_arch = "wasm32"))]
pub async fn builtin(_url: &str) -> Result<Definition, FetchError> {
    Err(FetchError::Network)
}

/// Natively there is nothing to fetch from (server rendering, tests).
#[cfg(not(target_arch = "wasm32"))]
pub async fn translation(_url: &str, _main: &str, _lang: &str) -> Result<Definition, FetchError> {
    Err(FetchError::Network)
}
