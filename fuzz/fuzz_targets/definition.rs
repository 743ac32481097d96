//! Any text given as a definition: parsing and validation return a value or
//! an error, never panic; a definition that validates evaluates without panic.
#![no_main]
use ic_pathfinder::pathway::{evaluate, Answers, Definition, Flow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(definition) = Definition::from_json(text) {
        let answers = Answers::new();
        let _ = evaluate(&definition, &answers);
        let _ = Flow::new(&definition, &answers).next_question();
    }
});
