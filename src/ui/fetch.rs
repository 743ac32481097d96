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
    let json = response.json().map_err(|_| FetchError::Network)?;
    let value = JsFuture::from(json).await.map_err(|e| {
        let message = js_sys::Error::from(e).message().as_string().unwrap_or_default();
        FetchError::Invalid(DefinitionError::Parse { path: ".".to_owned(), message })
    })?;
    Ok(super::decode::from_value::<Definition>(value).map_err(DefinitionError::from)?)
}

/// Natively there is nothing to fetch from (server rendering, tests).
#[cfg(not(target_arch = "wasm32"))]
pub async fn builtin(_url: &str) -> Result<Definition, FetchError> {
    Err(FetchError::Network)
}
