//! Any text as saved progress: decoding gives a record or an error, never a
//! panic; a record round-trips, and carries over to the current content
//! without losing an answer.
#![no_main]
use std::sync::OnceLock;

use ic_pathfinder::pathway::{default_definition, Definition};
use ic_pathfinder::ui::storage::Saved;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Parsed once: re-parsing it on every input made the run ten times slower.
    static DEFINITION: OnceLock<Definition> = OnceLock::new();
    let definition = DEFINITION.get_or_init(|| default_definition().expect("the default content is valid"));
    if let Ok(mut saved) = Saved::decode(text) {
        assert_eq!(Saved::decode(&saved.encode()), Ok(saved.clone()));
        let answers = saved.answers.clone();
        if let Some(m) = saved.migrate(definition) {
            assert_eq!(saved.answers, answers, "a migration deletes nothing");
            assert!(m.no_longer_fit <= answers.len());
        }
    }
});
