//! Share links: the answers travel in the URL fragment (`#icp=v1.…`), which
//! browsers never send to a server. Decoding is strict: anything that does
//! not fit the definition is refused as a whole, never half-applied.
use thiserror::Error;

use crate::pathway::json::{FromJson, Json, Path, ToJson};
use crate::pathway::{Answers, Definition};

/// The fragment parameter that carries answers.
pub const PARAM: &str = "icp";
const VERSION: &str = "v1";

/// Why a share link could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// Not of the form `v1.<base64url>`.
    #[error("the link is not a share link of this version")]
    Format,
    /// The payload is not valid base64url or not UTF-8.
    #[error("the link is damaged or incomplete")]
    Encoding,
    /// The payload is not a set of answers.
    #[error("the link does not contain answers")]
    Payload,
    /// Answers to questions that do not exist, or that do not fit them.
    #[error("the link's answers do not fit this checker: {0}")]
    Mismatch(String),
}

/// The fragment value for a set of answers (only answers to asked questions).
pub fn encode(definition: &Definition, answers: &Answers) -> String {
    let effective = crate::pathway::Flow::new(definition, answers).effective_answers();
    let json = Json::Arr(vec![Json::Str(definition.id.clone()), effective.to_json()]).to_string();
    format!("{VERSION}.{}", base64url_encode(json.as_bytes()))
}

/// Encodes any text as a share-link value; for tests of crafted links.
#[doc(hidden)]
pub fn encode_raw_for_tests(json: &str) -> String {
    format!("{VERSION}.{}", base64url_encode(json.as_bytes()))
}

/// The answers in a fragment value, checked against the definition.
pub fn decode(definition: &Definition, value: &str) -> Result<Answers, ShareError> {
    let payload = value.strip_prefix(VERSION).and_then(|r| r.strip_prefix('.')).ok_or(ShareError::Format)?;
    let bytes = base64url_decode(payload).ok_or(ShareError::Encoding)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    let (id, answers) = match Json::parse(&text).map_err(|_| ShareError::Payload)? {
        Json::Arr(mut items) if items.len() == 2 => {
            let answers = Answers::read(items.pop().unwrap_or(Json::Null), Path::Root).map_err(|_| ShareError::Payload)?;
            let id = String::read(items.pop().unwrap_or(Json::Null), Path::Root).map_err(|_| ShareError::Payload)?;
            (id, answers)
        }
        _ => return Err(ShareError::Payload),
    };
    if id != definition.id {
        return Err(ShareError::Mismatch(format!("it was made for \"{id}\"")));
    }
    for (qid, answer) in &answers {
        match definition.question(qid) {
            None => return Err(ShareError::Mismatch(format!("no question \"{qid}\""))),
            Some(q) if !q.accepts(answer) => return Err(ShareError::Mismatch(format!("the answer to \"{qid}\" does not fit"))),
            Some(_) => {}
        }
    }
    Ok(answers)
}

/// Finds `icp=…` in a URL fragment (`#a=b&icp=v1.…`).
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').split('&').find_map(|kv| kv.strip_prefix(PARAM)?.strip_prefix('='))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// A few lines of base64url rather than a crate: it keeps the wasm small.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).as_deref(), Some(&bytes[..]), "length {len}");
        }
        assert_eq!(base64url_encode(b"hi?"), "aGk_");
    }

    #[test]
    fn invalid_base64url_is_refused() {
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("ab=c"), None);
        assert_eq!(base64url_decode("a+bc"), None);
    }

    #[test]
    fn the_parameter_is_found_among_others_in_the_fragment() {
        assert_eq!(from_fragment("#top&icp=v1.abc"), Some("v1.abc"));
        assert_eq!(from_fragment("#icp=v1.x"), Some("v1.x"));
        assert_eq!(from_fragment("#icpx=v1.x"), None);
        assert_eq!(from_fragment(""), None);
    }
}
