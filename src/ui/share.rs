//! Share links: the answers and the steps ticked as done travel in the URL
//! fragment, which browsers never send to a server. Decoding is strict:
//! anything that does not fit the definition is refused as a whole, never
//! half-applied.
//!
//! Version 4 (`#icp=v4.<id>.<fingerprint>.<answers>.<ticks>.<check>`) is
//! short enough for a text message: each answer is written at its
//! question's position, an option by its index, and the fingerprint of the
//! definition's questions, options and steps makes sure positions mean the
//! same at both ends (a link made before the questions changed is refused
//! rather than misread). It ends with a check of the rest, letters and
//! digits only: a link never ends in punctuation, which e-mail clients,
//! chats and Markdown's auto-linkers drop, and a link cut short anywhere is
//! refused instead of read as fewer or other answers. Links of versions 1
//! (`v1.`, answers only), 2 (`v2.`, JSON with ticks, in base64url) and 3
//! (version 4 without the check, ending in `.` when it has no ticks; also
//! opened with that `.` cut off) still open.
use base64ct::{Base64UrlUnpadded, Encoding};
use thiserror::Error;

use super::decode::read_own as read_json;
use crate::pathway::{Answers, Definition, Ticks};

/// The fragment parameter that carries answers.
pub const PARAM: &str = "icp";
const VERSION: &str = "v2";
/// Answers by position and ticks, in plain URL-safe text.
const VERSION_3: &str = "v3";
/// Version 3 with a check at its end.
const VERSION_4: &str = "v4";
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
/// and ticks, in version 4.
pub fn encode(definition: &Definition, answers: &Answers, ticks: &Ticks) -> String {
    let body = compact::body(definition, answers, ticks);
    format!("{VERSION_4}.{body}.{}", compact::check(&body))
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
    if let Some(rest) = value.strip_prefix(VERSION_4).and_then(|r| r.strip_prefix('.')) {
        let (body, check) = rest.rsplit_once('.').ok_or(ShareError::Format)?;
        if compact::check(body) != check {
            return Err(ShareError::Encoding);
        }
        return compact::decode(definition, body);
    }
    if let Some(rest) = value.strip_prefix(VERSION_3).and_then(|r| r.strip_prefix('.')) {
        // Its empty ticks field at the end (a `.`) is what auto-linkers cut off.
        return match compact::decode(definition, rest) {
            Err(ShareError::Format) => compact::decode(definition, &format!("{rest}.")),
            read => read,
        };
    }
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
    if let Some(rest) = value.strip_prefix(VERSION_4).or_else(|| value.strip_prefix(VERSION_3)).and_then(|r| r.strip_prefix('.')) {
        return rest.split('.').next().filter(|id| !id.is_empty()).map(str::to_owned);
    }
    let (payload, version_1) = payload(value)?;
    let bytes = Base64UrlUnpadded::decode_vec(payload).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let id = if version_1 { read_json::<(String, IgnoredAny)>(text).ok()?.0 } else { read_json::<(String, IgnoredAny, IgnoredAny)>(text).ok()?.0 };
    Some(id)
}

/// The fragment without its `icp=…` part: what the host page had there.
pub fn without_param(fragment: &str) -> String {
    let kept: Vec<&str> =
        fragment.trim_start_matches('#').split('&').filter(|kv| !kv.is_empty() && kv.strip_prefix(PARAM).and_then(|r| r.strip_prefix('=')).is_none()).collect();
    kept.join("&")
}

/// Finds `icp=…` in a URL fragment (`#a=b&icp=v1.…`).
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').split('&').find_map(|kv| kv.strip_prefix(PARAM)?.strip_prefix('='))
}

/// Version 3's text: answers by position, options by index.
mod compact {
    use super::{ShareError, Shared};
    use crate::pathway::{tick_key, Answer, Answers, Definition, Question, QuestionKind, Ticks};

    /// A number in base 36 (digits and lower-case letters).
    fn to36(mut n: usize) -> String {
        let mut digits = Vec::new();
        loop {
            digits.push(std::char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        digits.iter().rev().collect()
    }

    fn from36(s: &str) -> Option<usize> {
        usize::from_str_radix(s, 36).ok().filter(|_| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()))
    }

    /// What positions mean: the questions with their kinds and options, and
    /// the steps, hashed (FNV-1a), in base 36.
    pub fn fingerprint(definition: &Definition) -> String {
        let mut hash: u32 = 0x811c_9dc5;
        let mut eat = |s: &str| {
            for b in s.bytes().chain([0]) {
                hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
        };
        for q in &definition.questions {
            eat(&q.id);
            eat(match q.kind {
                QuestionKind::YesNo => "y",
                QuestionKind::Single { .. } => "s",
                QuestionKind::Multi { .. } => "m",
                QuestionKind::Number { .. } => "n",
            });
            q.kind.options().iter().for_each(|o| eat(&o.id));
        }
        for p in &definition.pathways {
            eat(&p.id);
            p.requirements.iter().for_each(|r| eat(&r.id));
        }
        to36(hash as usize)
    }

    /// One answer: `y`/`n`, an option's index, indices joined by `-` (`~`
    /// for none), or a number.
    pub fn token(q: &Question, a: &Answer) -> String {
        let index = |id: &str| q.kind.options().iter().position(|o| o.id == id).map(to36).unwrap_or_default();
        match a {
            Answer::Bool(b) => (if *b { "y" } else { "n" }).to_owned(),
            Answer::Choice(id) => index(id),
            Answer::Choices(ids) if ids.is_empty() => "~".to_owned(),
            Answer::Choices(ids) => ids.iter().map(|id| index(id)).collect::<Vec<_>>().join("-"),
            Answer::Number(n) => n.to_string(),
        }
    }

    /// The answer a token gives the question, if it reads as one.
    fn answer(q: &Question, token: &str) -> Option<Answer> {
        let option = |s: &str| q.kind.options().get(from36(s)?).map(|o| o.id.clone());
        Some(match &q.kind {
            QuestionKind::YesNo => Answer::Bool(match token {
                "y" => true,
                "n" => false,
                _ => return None,
            }),
            QuestionKind::Single { .. } => Answer::Choice(option(token)?),
            QuestionKind::Multi { .. } if token == "~" => Answer::Choices(Vec::new()),
            QuestionKind::Multi { .. } => Answer::Choices(token.split('-').map(option).collect::<Option<_>>()?),
            QuestionKind::Number { .. } => Answer::Number(token.parse().ok()?),
        })
    }

    /// A tick as `<pathway index>-<requirement index>`.
    pub fn tick(definition: &Definition, key: &str) -> Option<String> {
        definition.pathways.iter().enumerate().find_map(|(i, p)| {
            let j = p.requirements.iter().position(|r| tick_key(p, r) == key)?;
            Some(format!("{}-{}", to36(i), to36(j)))
        })
    }

    /// `<id>.<fingerprint>.<answers>.<ticks>`: what versions 3 and 4 write.
    pub fn body(definition: &Definition, answers: &Answers, ticks: &Ticks) -> String {
        let effective = crate::pathway::Flow::new(definition, answers).effective_answers();
        let mut tokens: Vec<String> = definition.questions.iter().map(|q| effective.get(&q.id).map(|a| token(q, a)).unwrap_or_default()).collect();
        while tokens.last().is_some_and(String::is_empty) {
            tokens.pop();
        }
        let ticks: Vec<String> = ticks.iter().filter_map(|key| tick(definition, key)).collect();
        format!("{}.{}.{}.{}", definition.id, fingerprint(definition), tokens.join("_"), ticks.join("_"))
    }

    /// A check of a body (FNV-1a, in base 36): four letters or digits, so a
    /// cut or changed character is noticed, and a link always ends in one.
    pub fn check(body: &str) -> String {
        let hash = body.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        format!("{:0>4}", to36(hash as usize % 36usize.pow(4)))
    }

    /// The id, fingerprint, answers and ticks of a body; the id may hold
    /// dots, so the others are taken from the end.
    pub fn parts(rest: &str) -> Option<(&str, &str, &str, &str)> {
        let mut from_end = rest.rsplitn(4, '.');
        let (ticks, answers, fingerprint, id) = (from_end.next()?, from_end.next()?, from_end.next()?, from_end.next()?);
        Some((id, fingerprint, answers, ticks))
    }

    pub fn decode(definition: &Definition, rest: &str) -> Result<Shared, ShareError> {
        let (id, print, tokens, tick_list) = parts(rest).ok_or(ShareError::Format)?;
        if id != definition.id {
            return Err(ShareError::Mismatch(format!("it was made for \"{id}\"")));
        }
        if print != fingerprint(definition) {
            return Err(ShareError::Mismatch("it was made for another version of these questions".into()));
        }
        let tokens: Vec<&str> = if tokens.is_empty() { Vec::new() } else { tokens.split('_').collect() };
        if tokens.len() > definition.questions.len() {
            return Err(ShareError::Payload);
        }
        let mut answers = Answers::new();
        for (q, token) in definition.questions.iter().zip(tokens).filter(|(_, t)| !t.is_empty()) {
            let a = answer(q, token).ok_or(ShareError::Payload)?;
            if !q.accepts(&a) {
                return Err(ShareError::Mismatch(format!("the answer to \"{}\" does not fit", q.id)));
            }
            answers.insert(q.id.clone(), a);
        }
        let mut ticks = Ticks::new();
        for t in tick_list.split('_').filter(|t| !t.is_empty()) {
            let (p, r) = t.split_once('-').ok_or(ShareError::Payload)?;
            let pathway = definition.pathways.get(from36(p).ok_or(ShareError::Payload)?);
            let step = pathway.and_then(|p| Some((p, p.requirements.get(from36(r)?)?)));
            let (p, r) = step.ok_or_else(|| ShareError::Mismatch(format!("no step \"{t}\"")))?;
            ticks.insert(tick_key(p, r));
        }
        // One way to write each link: anything else (a leading zero, an
        // answer to a question not asked, a repeated tick) is a damaged link.
        if body(definition, &answers, &ticks) != rest {
            return Err(ShareError::Encoding);
        }
        Ok(Shared { answers, ticks })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers of a scenario fixture in which everything is met.
    fn everything_met() -> Answers {
        let fixture = include_str!("../../crates/pathway/tests/fixtures/scenarios/icc_01_everything_met.json");
        let value: serde_json::Value = serde_json::from_str(fixture).unwrap();
        serde_json::from_value(value["answers"].clone()).unwrap()
    }

    /// A body written as its check expects, re-signed after a change.
    fn signed(body: &str) -> String {
        format!("{VERSION_4}.{body}.{}", compact::check(body))
    }

    #[test]
    fn a_link_of_version_4_is_at_most_half_as_long_as_version_2_and_gives_back_the_same_answers_and_ticks() {
        let d = crate::pathway::default_definition().unwrap();
        let answers = everything_met();
        let ticks: Ticks = ["idc/idc_l1".to_string(), "sag_aftra/sag_training".to_string()].into_iter().collect();
        let v4 = encode(&d, &answers, &ticks);
        let effective = crate::pathway::Flow::new(&d, &answers).effective_answers();
        let json = serde_json::to_string(&(&d.id, &effective, &ticks)).unwrap();
        let v2 = format!("{VERSION}.{}", Base64UrlUnpadded::encode_string(json.as_bytes()));
        assert!(v4.len() * 2 <= v2.len(), "v4 {} characters, v2 {}: {v4}", v4.len(), v2.len());
        assert_eq!(decode(&d, &v4), Ok(Shared { answers: effective, ticks }));
        assert_eq!(decode(&d, &v2), decode(&d, &v4), "a v2 link still opens, with the same answers and ticks");
        assert_eq!(link_definition(&v4).as_deref(), Some(d.id.as_str()));
    }

    #[test]
    fn a_link_that_is_not_written_the_one_way_or_was_made_for_other_questions_is_refused() {
        let d = crate::pathway::default_definition().unwrap();
        let ticks: Ticks = ["idc/idc_l1".to_string()].into_iter().collect();
        let body = compact::body(&d, &everything_met(), &ticks);
        let (head, tail) = body.split_at(body.rfind('.').unwrap());
        let answers_start = head.rfind('.').unwrap() + 1;
        // Each with a check that fits, so that only what it says is wrong: a leading zero
        // on the first answer, an answer past the last question, a tick of no step, other questions.
        let zero = signed(&format!("{}0{}{tail}", &head[..answers_start], &head[answers_start..]));
        assert_eq!(decode(&d, &zero), Err(ShareError::Encoding), "{zero}");
        assert_eq!(decode(&d, &signed(&format!("{head}{}{tail}", "_y".repeat(60)))), Err(ShareError::Payload));
        assert!(matches!(decode(&d, &signed(&format!("{body}_z-0"))), Err(ShareError::Mismatch(_))));
        let other = signed(&body.replacen(&compact::fingerprint(&d), "0", 1));
        assert!(matches!(decode(&d, &other), Err(ShareError::Mismatch(m)) if m.contains("another version")));
    }

    #[test]
    fn no_link_ends_in_punctuation_and_one_cut_short_anywhere_is_refused() {
        let d = crate::pathway::default_definition().unwrap();
        let answers = everything_met();
        let ticks: Ticks = ["idc/idc_l1".to_string()].into_iter().collect();
        for (a, t) in [(&answers, &Ticks::new()), (&answers, &ticks), (&Answers::new(), &Ticks::new()), (&Answers::new(), &ticks)] {
            let link = encode(&d, a, t);
            assert!(link.ends_with(|c: char| c.is_ascii_alphanumeric()), "{link}");
            assert!(decode(&d, &link).is_ok(), "{link}");
            // Cut at any length, the rest never reads as other answers.
            for n in ("v4.".len()..link.len()).rev() {
                assert!(decode(&d, &link[..n]).is_err(), "{} was read", &link[..n]);
            }
        }
    }

    #[test]
    fn a_version_3_link_opens_with_or_without_its_empty_ticks_field() {
        let d = crate::pathway::default_definition().unwrap();
        let answers = everything_met();
        let body = compact::body(&d, &answers, &Ticks::new());
        assert!(body.ends_with('.'), "no ticks: an empty last field");
        let whole = format!("{VERSION_3}.{body}");
        let cut = whole.trim_end_matches('.');
        let expected = decode(&d, &encode(&d, &answers, &Ticks::new()));
        assert!(expected.is_ok());
        assert_eq!(decode(&d, &whole), expected, "{whole}");
        assert_eq!(decode(&d, cut), expected, "{cut}");
        assert_eq!(link_definition(cut).as_deref(), Some(d.id.as_str()));
    }

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
