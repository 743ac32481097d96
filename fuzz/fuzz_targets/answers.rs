//! Any text as an answers file: `answers_from_json` gives answers or a
//! located `Issue` (a non-empty path and message), never a panic (deep
//! nesting included); answers that read write back with `answers_to_json`
//! and read again as the same answers.
#![no_main]
use ic_pathfinder::pathway::{answers_from_json, answers_to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match answers_from_json(text) {
        Ok(answers) => {
            let written = answers_to_json(&answers);
            let again = answers_from_json(&written).expect("written answers read back");
            assert_eq!(again, answers);
            assert_eq!(answers_to_json(&again), written);
        }
        Err(issue) => {
            assert!(!issue.path.is_empty(), "an issue without a path: {issue:?}");
            assert!(!issue.message.is_empty(), "an issue without a message: {issue:?}");
        }
    }
});
