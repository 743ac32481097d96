//! Any fragment as a share link: decoding returns answers that fit the
//! definition and ticks of its steps, or an error; never a panic. The
//! input is tried both as a fragment and as the JSON payload inside a
//! well-formed link.
#![no_main]
use std::sync::OnceLock;

use ic_pathfinder::pathway::{default_definition, Definition};
use ic_pathfinder::ui::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Parsed once: re-parsing it on every input made the run ten times slower.
    static DEFINITION: OnceLock<Definition> = OnceLock::new();
    let definition = DEFINITION.get_or_init(|| default_definition().expect("the default content is valid"));
    let check = |value: &str| {
        if let Ok(shared) = share::decode(definition, value) {
            for (id, answer) in &shared.answers {
                assert!(definition.question(id).is_some_and(|q| q.accepts(answer)));
            }
            for tick in &shared.ticks {
                assert!(definition.requirement_by_key(tick).is_some(), "the tick {tick:?} is a step");
            }
        }
    };
    // As a whole fragment, and as the link's payload (so the fuzzer explores
    // the JSON inside rather than spending its time on base64).
    if let Some(value) = share::from_fragment(text) {
        check(value);
    }
    check(&share::encode_raw_for_tests(text));
});
