//! The kept list and the record together, as the widget meets them in
//! storage. The input is split in two at the first NUL byte (half-way when
//! there is none): the first part is written, as it is, under the record's
//! key of a fresh storage key, the second under its kept list's
//! (`<record key>:kept`), in the storage mode the input's length gives
//! (modulo 3: `local`, `session`, `none`). Then:
//! - opening reads both without writing; the kept count it finds is the kept
//!   list's length; a record the widget cannot use is set aside as it was
//!   (`:unreadable`) and removed only then;
//! - `keep` of the decoded record (or, when it does not decode, of a valid
//!   record of the default definition) succeeds, and the kept list then holds
//!   the records it held, then that one; a kept list that cannot be read is
//!   set aside as it was under `:kept:unreadable`, not lost;
//! - `take_kept` gives that record back and leaves the list as it was;
//!   `remove_kept(0)` removes the oldest only, and the list's key goes with
//!   its last record;
//! - `forget` says what it did, and leaves no key of the storage key in
//!   either storage area, nor in the page's memory: a second `forget` finds
//!   nothing.
#![no_main]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use ic_pathfinder::pathway::{default_definition, Definition};
use ic_pathfinder::ui::decode::read_own;
use ic_pathfinder::ui::restore::initial_state;
use ic_pathfinder::ui::state::State;
use ic_pathfinder::ui::storage::{Forgetting, Saved, StorageMode, Store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (record, kept) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => data.split_at(data.len() / 2),
    };
    // Storage holds text: what is not UTF-8 never reaches the widget.
    let (Ok(record), Ok(kept)) = (std::str::from_utf8(record), std::str::from_utf8(kept)) else { return };
    // Parsed once: re-parsing it on every input made the run ten times slower.
    static DEFINITION: OnceLock<Definition> = OnceLock::new();
    let definition = DEFINITION.get_or_init(|| default_definition().expect("the default content is valid"));
    // The mode by the input's length, so that an input always replays the
    // same (one mode per input: all three made every input three times slower).
    let mode = [StorageMode::Local, StorageMode::Session, StorageMode::None][data.len() % 3];
    run(definition, mode, record, kept);
});

fn run(definition: &Definition, mode: StorageMode, record: &str, kept_text: &str) {
    // A storage key per input, so that no input sees another's records.
    static INPUTS: AtomicUsize = AtomicUsize::new(0);
    let key = format!("fuzz-{}-{}", INPUTS.fetch_add(1, Ordering::Relaxed), mode.name());
    let store = Store::open_in(&key, &definition.id, mode);
    let at = |k: &str| store.sibling_raw(k);
    let record_key = store.record_key().to_owned();
    let kept_key = format!("{record_key}:kept");
    let aside_key = format!("{kept_key}:unreadable");
    store.write(record).expect("the record is written");
    at(&kept_key).write(kept_text).expect("the kept list is written");

    // What the widget's reader makes of the list, as it was written.
    let readable: Option<Vec<Saved>> = read_own(kept_text).ok();
    let before = store.kept();
    assert_eq!(before, readable.clone().unwrap_or_default(), "kept() is the list as it reads, or nothing");

    // Opening reads, and writes nothing.
    let (state, tidy) = initial_state(definition, &store, None);
    assert_eq!(state.kept, before.len(), "the kept count the widget opens with");
    assert_eq!((store.read().as_deref(), at(&kept_key).read().as_deref()), (Some(record), Some(kept_text)), "opening only reads");
    // Then it tidies: a record it cannot use goes aside as it was, then away.
    let decoded = Saved::decode(record);
    let usable = decoded.as_ref().is_ok_and(|s| s.definition == definition.id);
    assert!(tidy.run(&store).is_empty() == usable, "a SavingAllowed exactly when a record was set aside");
    let set_aside = at(&format!("{record_key}:unreadable")).read();
    if usable {
        assert_eq!((store.read().as_deref(), set_aside), (Some(record), None), "a usable record stays where it is");
    } else {
        assert_eq!((store.read(), set_aside.as_deref()), (None, Some(record)), "an unusable record is set aside as it was");
    }
    assert_eq!(at(&kept_key).read().as_deref(), Some(kept_text), "tidying leaves the kept list alone");

    // Keep: the decoded record, or a valid one of the default definition.
    let mine = decoded.unwrap_or_else(|_| {
        let mut state = State::new();
        state.done.insert("idc/idc_external".to_owned());
        Saved::of(&state, definition)
    });
    assert_eq!(store.keep(&mine), Ok(()), "keep succeeds whatever the list held");
    let after = store.kept();
    assert_eq!(after.last(), Some(&mine), "the kept list ends with the kept record");
    assert_eq!(
        after.iter().map(|s| (&s.answers, &s.done)).collect::<Vec<_>>(),
        before.iter().chain([&mine]).map(|s| (&s.answers, &s.done)).collect::<Vec<_>>(),
        "the records the list held, then the kept one (answers and ticks)"
    );
    assert_eq!(after[..after.len() - 1], before[..], "the records the list held, whole");
    let aside = at(&aside_key).read();
    match readable {
        Some(_) => assert_eq!(aside, None, "a readable list is not set aside"),
        None => {
            let aside = aside.expect("an unreadable kept list is set aside, not lost");
            assert_eq!(read_own::<Vec<String>>(&aside).ok(), Some(vec![kept_text.to_owned()]), "set aside as it was");
        }
    }

    // Take the newest back: the list is as before keep.
    assert_eq!(store.take_kept(), Some(mine), "take_kept gives the kept record back");
    assert_eq!(store.kept(), before, "and leaves the list as it was");
    // Remove the oldest: only that one goes; the key goes with the last record.
    assert_eq!(store.remove_kept(0), Ok(()));
    let left = store.kept();
    assert_eq!(left[..], before[before.len().min(1)..], "remove_kept(0) removes the oldest only");
    if left.is_empty() {
        assert_eq!(at(&kept_key).read(), None, "no empty kept list is left behind");
    }

    // Forget: nothing of the storage key is left, in either area or in memory.
    let expected = if mode == StorageMode::None { Forgetting::NothingSaved } else { Forgetting::Removed };
    assert_eq!(store.forget(), expected, "what forget says it did ({mode:?})");
    let keys = [
        format!("icp:{key}"),
        format!("icp:{key}:unreadable"),
        format!("icp:{key}:forgotten"),
        record_key.clone(),
        format!("{record_key}:unreadable"),
        kept_key.clone(),
        aside_key.clone(),
    ];
    for area in [StorageMode::Local, StorageMode::Session, StorageMode::None] {
        let there = Store::open_in(&key, &definition.id, area);
        let left: Vec<&String> = keys.iter().filter(|k| there.sibling_raw(k).read().is_some()).collect();
        assert!(left.is_empty(), "forget left {left:?} in {area:?} ({mode:?})");
        assert!(there.kept().is_empty());
    }
    // The second forget lists every key of both areas: none is the storage key's.
    assert_eq!(store.forget(), Forgetting::NothingSaved, "a second forget finds nothing ({mode:?})");
}
