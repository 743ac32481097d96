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
    /// No whole answer within the time limit: a server that never answers
    /// must not leave "Loading…" on screen for ever.
    #[error("no answer within {} s", TIME_LIMIT_MS / 1000)]
    TimedOut,
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

/// How long a content file may take, answer and body: the embed module's
/// default time limit for a definition (`load-timeout`, 15 s), so that a
/// translation is given up on as a definition would be.
pub const TIME_LIMIT_MS: u32 = 15_000;

/// Starts a fetch of `url` that is aborted after [`TIME_LIMIT_MS`], its body
/// included, unless the returned timer is dropped first. The page's own
/// timer (not `AbortSignal.timeout`) so that tests can move its clock on.
#[cfg(target_arch = "wasm32")]
fn fetch_within_limit(url: &str) -> (js_sys::Promise, Option<gloo::timers::callback::Timeout>) {
    let init = web_sys::RequestInit::new();
    let controller = web_sys::AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timer = controller.map(|c| gloo::timers::callback::Timeout::new(TIME_LIMIT_MS, move || c.abort()));
    (gloo::utils::window().fetch_with_str_and_init(url, &init), timer)
}

/// The error a rejected fetch or body read stands for: our abort at the
/// time limit, or no answer.
#[cfg(target_arch = "wasm32")]
fn failed(e: wasm_bindgen::JsValue) -> FetchError {
    let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
    if name.as_deref() == Some("AbortError") {
        FetchError::TimedOut
    } else {
        FetchError::Network
    }
}

/// Fetches one of the widget's own content files and reads it. It is not
/// validated again: the test suite validates the built-in content in both
/// languages (`crates/pathway/tests/default_content.rs`, `translations.rs`).
#[cfg(target_arch = "wasm32")]
pub async fn builtin(url: &str) -> Result<Definition, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let (fetching, _limit) = fetch_within_limit(url);
    let response: web_sys::Response = JsFuture::from(fetching).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let text = response.text().map_err(|_| FetchError::Network)?;
    let text = JsFuture::from(text).await.map_err(failed)?;
    Ok(super::decode::from_value::<Definition>(text).map_err(DefinitionError::from)?)
}

/// Fetches an organization's translation, listed as `lang`, validates it and
/// checks that it says what `main` (the main definition's JSON) says.
#[cfg(target_arch = "wasm32")]
pub async fn translation(url: &str, main: &str, lang: &str) -> Result<Definition, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let (fetching, _limit) = fetch_within_limit(url);
    let response: web_sys::Response = JsFuture::from(fetching).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?).await.map_err(failed)?;
    let text = text.as_string().unwrap_or_default();
    checked_translation(&text, main, lang)
}

/// A translation's text read as a definition, validated, and compared with
/// the main definition's JSON; it must be in the language it is listed as.
pub fn checked_translation(text: &str, main: &str, lang: &str) -> Result<Definition, FetchError> {
    let definition = super::decode::definition(text)?;
    let value = |t: &str| super::decode::read_own::<serde_json::Value>(t);
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
