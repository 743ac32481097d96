//! Any fragment as a share link: decoding returns answers that fit the
//! definition, or an error; never a panic.
#![no_main]
use ic_pathfinder::pathway::default_definition;
use ic_pathfinder::ui::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let definition = default_definition().expect("the default content is valid");
    if let Some(value) = share::from_fragment(text) {
        if let Ok(answers) = share::decode(&definition, value) {
            for (id, answer) in &answers {
                assert!(definition.question(id).is_some_and(|q| q.accepts(answer)));
            }
        }
    }
});
