//! A saved record and a share link together, as the widget meets them on
//! start-up. The input is split in two at the first NUL byte (half-way when
//! there is none): the first part is decoded as saved progress, the second as
//! the JSON payload of a well-formed share link, against the default
//! definition. When both decode:
//! - the record round-trips through `encode` / `decode`;
//! - every answer of the link fits the definition and every tick is one of
//!   its steps, and the link made again from them decodes to the answers
//!   actually asked, with the same ticks;
//! - evaluating the definition (and finding the next question) with the
//!   link's answers, with the record's, and with the record's after migration
//!   does not panic.
#![no_main]
use std::sync::OnceLock;

use ic_pathfinder::pathway::{default_definition, evaluate, Answers, Definition, Flow};
use ic_pathfinder::ui::share::{self, Shared};
use ic_pathfinder::ui::storage::Saved;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (record, link) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(record), Ok(link)) = (std::str::from_utf8(record), std::str::from_utf8(link)) else { return };
    // Parsed once: re-parsing it on every input made the run ten times slower.
    static DEFINITION: OnceLock<Definition> = OnceLock::new();
    let definition = DEFINITION.get_or_init(|| default_definition().expect("the default content is valid"));

    let (Ok(mut saved), Ok(Shared { answers, ticks })) = (Saved::decode(record), share::decode(definition, &share::encode_raw_for_tests(link)))
    else {
        return;
    };

    assert_eq!(Saved::decode(&saved.encode()), Ok(saved.clone()), "the record round-trips");

    for (id, answer) in &answers {
        assert!(definition.question(id).is_some_and(|q| q.accepts(answer)), "the link's answer to {id:?} fits");
    }
    let effective = Flow::new(definition, &answers).effective_answers();
    for tick in &ticks {
        assert!(definition.requirement_by_key(tick).is_some(), "the link's tick {tick:?} is a step");
    }
    let again = share::decode(definition, &share::encode(definition, &answers, &ticks));
    assert_eq!(again, Ok(Shared { answers: effective, ticks: ticks.clone() }), "the link made again");

    let run = |answers: &Answers| {
        let _ = evaluate(definition, answers);
        let _ = Flow::new(definition, answers).next_question();
    };
    run(&answers);
    run(&saved.answers);
    let _ = saved.migrate(definition);
    run(&saved.answers);
});
