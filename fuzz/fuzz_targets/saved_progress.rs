//! Any text as saved progress: decoding gives a record or an error, never a
//! panic; a record carries over to the current content and round-trips.
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
    if let Ok(Some(mut saved)) = Saved::decode(text, &definition.id) {
        assert_eq!(Saved::decode(&saved.encode(), &definition.id), Ok(Some(saved.clone())));
        if saved.migrate(definition).is_some() {
            assert!(saved.answers.iter().all(|(id, a)| definition.question(id).is_some_and(|q| q.accepts(a))));
        }
    }
});
