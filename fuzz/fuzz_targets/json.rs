//! Any text as JSON: the reader returns a value or an error, never panics
//! (deep nesting included), and what it reads writes back to text that reads
//! as the same value.
#![no_main]
use ic_pathfinder::pathway::json::Json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(value) = Json::parse(text) {
        let written = value.to_string();
        let again = Json::parse(&written).expect("written JSON reads back");
        assert_eq!(again, value);
        assert_eq!(again.to_string(), written);
    }
});
