//! Any text as saved progress: decoding gives a record or an error, never a
//! panic; a record carries over to the current content and round-trips.
#![no_main]
use ic_pathfinder::pathway::default_definition;
use ic_pathfinder::ui::storage::Saved;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let definition = default_definition().expect("the default content is valid");
    if let Ok(Some(mut saved)) = Saved::decode(text, &definition.id) {
        assert_eq!(Saved::decode(&saved.encode(), &definition.id), Ok(Some(saved.clone())));
        if saved.migrate(&definition).is_some() {
            assert!(saved.answers.iter().all(|(id, a)| definition.question(id).is_some_and(|q| q.accepts(a))));
        }
    }
});
