//! Share links: the answers travel in the URL fragment (`#icp=v1.…`), which
//! browsers never send to a server. Decoding is strict: anything that does
//! not fit the definition is refused as a whole, never half-applied.
use base64ct::{Base64UrlUnpadded, Encoding};
use thiserror::Error;

use super::decode::read as read_json;
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
    // The payload is `[definition id, answers]`.
    let json = serde_json::to_string(&(&definition.id, &effective)).unwrap_or_default();
    format!("{VERSION}.{}", Base64UrlUnpadded::encode_string(json.as_bytes()))
}

/// Encodes any text as a share-link value; for tests of crafted links.
#[doc(hidden)]
pub fn encode_raw_for_tests(json: &str) -> String {
    format!("{VERSION}.{}", Base64UrlUnpadded::encode_string(json.as_bytes()))
}

/// The answers in a fragment value, checked against the definition.
pub fn decode(definition: &Definition, value: &str) -> Result<Answers, ShareError> {
    let payload = value.strip_prefix(VERSION).and_then(|r| r.strip_prefix('.')).ok_or(ShareError::Format)?;
    // Canonical base64url only: padding, stray bits or another alphabet are refused.
    let bytes = Base64UrlUnpadded::decode_vec(payload).map_err(|_| ShareError::Encoding)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    let (id, answers): (String, Answers) = read_json(&text).map_err(|_| ShareError::Payload)?;
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

/// The id of the definition a share-link value was made for, if it can be read.
pub fn link_definition(value: &str) -> Option<String> {
    let payload = value.strip_prefix(VERSION)?.strip_prefix('.')?;
    let bytes = Base64UrlUnpadded::decode_vec(payload).ok()?;
    let (id, _): (String, serde::de::IgnoredAny) = read_json(std::str::from_utf8(&bytes).ok()?).ok()?;
    Some(id)
}

/// The fragment without its `icp=…` part: what the host page had there.
pub fn without_param(fragment: &str) -> String {
    let kept: Vec<&str> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|kv| !kv.is_empty() && kv.strip_prefix(PARAM).and_then(|r| r.strip_prefix('=')).is_none())
        .collect();
    kept.join("&")
}

/// Finds `icp=…` in a URL fragment (`#a=b&icp=v1.…`).
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').split('&').find_map(|kv| kv.strip_prefix(PARAM)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_base64url_is_accepted() {
        let d = crate::pathway::default_definition().unwrap();
        let link = encode(&d, &Answers::new());
        assert!(decode(&d, &link).is_ok(), "{link}");
        // `aGk` is "hi"; `aGl` carries the same bytes with stray low bits.
        for bad in ["v1.a", "v1.ab=c", "v1.a+bc", "v1.aGl", "v1.aGk="] {
            assert_eq!(decode(&d, bad), Err(ShareError::Encoding), "{bad}");
        }
        assert_eq!(decode(&d, "v1.aGk"), Err(ShareError::Payload), "\"hi\" is not a payload");
    }

    #[test]
    fn the_parameter_is_found_among_others_in_the_fragment() {
        assert_eq!(from_fragment("#top&icp=v1.abc"), Some("v1.abc"));
        assert_eq!(from_fragment("#icp=v1.x"), Some("v1.x"));
        assert_eq!(from_fragment("#icpx=v1.x"), None);
        assert_eq!(from_fragment(""), None);
    }

    #[test]
    fn taking_the_parameter_keeps_the_rest_of_the_fragment() {
        assert_eq!(without_param("#section-3&icp=v1.abc"), "section-3");
        assert_eq!(without_param("#icp=v1.abc"), "");
        assert_eq!(without_param("#a=1&icp=v1.x&b=2"), "a=1&b=2");
        assert_eq!(without_param("#icpx=1"), "icpx=1");
    }
}
