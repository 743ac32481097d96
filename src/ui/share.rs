//! Share links: the answers and the steps ticked as done travel in the URL
//! fragment (`#icp=v2.…`), which browsers never send to a server. Decoding is
//! strict: anything that does not fit the definition is refused as a whole,
//! never half-applied. Links of the first version (`v1.`, answers only) still
//! open.
use base64ct::{Base64UrlUnpadded, Encoding};
use thiserror::Error;

use super::decode::read as read_json;
use crate::pathway::{Answers, Definition, Ticks};

/// The fragment parameter that carries answers.
pub const PARAM: &str = "icp";
const VERSION: &str = "v2";
/// Answers only, without ticks.
const VERSION_1: &str = "v1";

/// What a share link carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    /// The answers (only to questions asked).
    pub answers: Answers,
    /// The steps ticked as done, as `pathway_id/requirement_id`.
    pub ticks: Ticks,
}

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

/// The fragment value for a set of answers (only answers to asked questions)
/// and ticks.
pub fn encode(definition: &Definition, answers: &Answers, ticks: &Ticks) -> String {
    let effective = crate::pathway::Flow::new(definition, answers).effective_answers();
    // The payload is `[definition id, answers, ticks]`.
    let json = serde_json::to_string(&(&definition.id, &effective, ticks)).unwrap_or_default();
    format!("{VERSION}.{}", Base64UrlUnpadded::encode_string(json.as_bytes()))
}

/// Encodes any text as a share-link value; for tests of crafted links.
#[doc(hidden)]
pub fn encode_raw_for_tests(json: &str) -> String {
    format!("{VERSION}.{}", Base64UrlUnpadded::encode_string(json.as_bytes()))
}

/// The payload of a fragment value, and whether it is of the first version.
fn payload(value: &str) -> Option<(&str, bool)> {
    let version_1 = value.starts_with(VERSION_1);
    let rest = value.strip_prefix(VERSION).or_else(|| value.strip_prefix(VERSION_1))?;
    Some((rest.strip_prefix('.')?, version_1))
}

/// The answers and ticks in a fragment value, checked against the definition.
pub fn decode(definition: &Definition, value: &str) -> Result<Shared, ShareError> {
    let (payload, version_1) = payload(value).ok_or(ShareError::Format)?;
    // Canonical base64url only: padding, stray bits or another alphabet are refused.
    let bytes = Base64UrlUnpadded::decode_vec(payload).map_err(|_| ShareError::Encoding)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    let (id, answers, ticks) = if version_1 {
        let (id, answers): (String, Answers) = read_json(&text).map_err(|_| ShareError::Payload)?;
        (id, answers, Ticks::new())
    } else {
        read_json::<(String, Answers, Ticks)>(&text).map_err(|_| ShareError::Payload)?
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
    if let Some(tick) = ticks.iter().find(|t| definition.requirement_by_key(t).is_none()) {
        return Err(ShareError::Mismatch(format!("no step \"{tick}\"")));
    }
    Ok(Shared { answers, ticks })
}

/// The id of the definition a share-link value was made for, if it can be read.
pub fn link_definition(value: &str) -> Option<String> {
    use serde::de::IgnoredAny;
    let (payload, version_1) = payload(value)?;
    let bytes = Base64UrlUnpadded::decode_vec(payload).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let id = if version_1 {
        read_json::<(String, IgnoredAny)>(text).ok()?.0
    } else {
        read_json::<(String, IgnoredAny, IgnoredAny)>(text).ok()?.0
    };
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
        let link = encode(&d, &Answers::new(), &Ticks::new());
        assert!(decode(&d, &link).is_ok(), "{link}");
        // `aGk` is "hi"; `aGl` carries the same bytes with stray low bits.
        for bad in ["v2.a", "v2.ab=c", "v2.a+bc", "v2.aGl", "v2.aGk=", "v1.aGl"] {
            assert_eq!(decode(&d, bad), Err(ShareError::Encoding), "{bad}");
        }
        assert_eq!(decode(&d, "v2.aGk"), Err(ShareError::Payload), "\"hi\" is not a payload");
    }

    #[test]
    fn ticks_travel_with_the_answers_and_a_tick_of_no_step_refuses_the_link() {
        let d = crate::pathway::default_definition().unwrap();
        let answers: Answers = [("idc_level1".to_string(), crate::pathway::Answer::Choice("no".into()))].into_iter().collect();
        let ticks: Ticks = ["idc/idc_l1".to_string()].into_iter().collect();
        assert_eq!(decode(&d, &encode(&d, &answers, &ticks)), Ok(Shared { answers: answers.clone(), ticks }));
        let bad = encode_raw_for_tests(r#"["ic-pathfinder-default",{},["idc/nope"]]"#);
        assert_eq!(decode(&d, &bad), Err(ShareError::Mismatch("no step \"idc/nope\"".into())));
    }

    #[test]
    fn a_link_of_the_first_version_still_opens_without_ticks() {
        let d = crate::pathway::default_definition().unwrap();
        let v1 = format!("v1.{}", Base64UrlUnpadded::encode_string(br#"["ic-pathfinder-default",{"idc_level1":"no"}]"#));
        let shared = decode(&d, &v1).unwrap();
        assert_eq!((shared.answers.len(), shared.ticks.len()), (1, 0));
        assert_eq!(link_definition(&v1).as_deref(), Some("ic-pathfinder-default"));
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
