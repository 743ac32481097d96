//! What the widget finds when it opens: saved progress, records an earlier
//! version left under the storage key, and a share link in the page's address.
//!
//! Reading and writing are apart. [`initial_state`] only reads, so the
//! reducer's initializer has no side effect; what must change in storage
//! (moving an earlier version's record to this definition's key, setting an
//! unreadable record aside, taking the share link out of the address bar)
//! is listed in a [`Tidy`] that an effect carries out once, after the first
//! render ([`Tidy::run`]), reporting back what the candidate must be told.
//!
//! Nothing saved is lost on the way: a record is only removed once its copy
//! is written, and while an unreadable record has not been set aside,
//! saving is off, so that nothing writes over it.
use super::share;
use super::state::{Action, Notice, State};
use super::storage::{Access, Saved, Store};
use crate::pathway::Definition;

/// The storage changes the opening state calls for, to make in an effect.
#[derive(Debug, Default, PartialEq)]
pub struct Tidy {
    /// Records an earlier version kept under the storage key's single slot:
    /// (its key, its text, where it goes: its definition's own key, or, when
    /// it cannot be read, the storage key's `:unreadable` slot).
    moves: Vec<(String, String, Move)>,
    /// This definition's record, which cannot be read: kept aside, then removed.
    unreadable: Option<String>,
    /// A share link was read from the address bar: take it out.
    pub clear_link: bool,
}

#[derive(Debug, PartialEq)]
enum Move {
    To(String),
    Unreadable,
}

/// The opening state, from what storage and the page's address hold; reads only.
pub fn initial_state(definition: &Definition, store: &Store, fragment: Option<&str>) -> (State, Tidy) {
    let mut state = State::new();
    let mut tidy = Tidy::default();
    let mut saved = None;
    for (key, text) in store.legacy(&definition.id) {
        match Saved::decode(&text) {
            Ok(record) => {
                // Where the new key already holds a record, that one is newer,
                // and the old one stays where it is.
                let target = store.sibling(&record.definition);
                if target.read().is_none() {
                    if record.definition == definition.id && store.read().is_none() {
                        saved = Some(record);
                    }
                    tidy.moves.push((key, text, Move::To(target.record_key().to_owned())));
                }
            }
            Err(e) => {
                super::log::warn(&format!("IC Pathfinder: {e}; the record is kept aside, not used"));
                state.notice = Some(Notice::SavedDataUnreadable);
                tidy.moves.push((key, text, Move::Unreadable));
            }
        }
    }
    if let Some(text) = store.read() {
        match Saved::decode(&text) {
            Ok(record) if record.definition == definition.id => saved = Some(record),
            Ok(_) | Err(_) => {
                super::log::warn(&format!("IC Pathfinder: the saved progress under {} cannot be read; it is kept aside, not used", store.record_key()));
                state.notice = Some(Notice::SavedDataUnreadable);
                // Until it is set aside, nothing may be written over it.
                state.saving_blocked = true;
                tidy.unreadable = Some(text);
            }
        }
    }
    if let Some(value) = fragment.and_then(share::from_fragment) {
        tidy.clear_link = true;
        match share::decode(definition, value) {
            Ok(shared) => state.shared = Some(shared),
            // The candidate's own progress, if any, rather than a half-read link.
            Err(e) => {
                super::log::warn(&format!("IC Pathfinder: the share link cannot be used: {e}"));
                state.notice = Some(Notice::ShareLinkUnusable);
            }
        }
    }
    if let Some(mut saved) = saved {
        if let Some(migration) = saved.migrate(definition) {
            if state.notice.is_none() {
                state.notice = Some(Notice::ContentChanged { no_longer_fit: migration.no_longer_fit });
            }
            // Results built on changed questions deserve a second look first.
            saved.at_results = false;
        }
        state.restore(definition, saved);
    }
    state.kept = store.kept().len();
    if state.notice.is_none() {
        match store.access() {
            Access::ReadOnly => state.notice = Some(Notice::StorageFull),
            // Natively (tests, server rendering) memory is all there is.
            Access::Memory if cfg!(target_arch = "wasm32") => state.notice = Some(Notice::StorageUnavailable),
            _ => {}
        }
    }
    (state, tidy)
}

impl Tidy {
    /// Makes the storage changes; returns what the state must learn of them.
    pub fn run(self, store: &Store) -> Vec<Action> {
        let mut actions = Vec::new();
        for (key, text, to) in self.moves {
            let moved = match to {
                Move::To(target) => store.sibling_raw(&target).write(&text),
                Move::Unreadable => store.legacy_unreadable(&text),
            };
            if moved.is_ok() {
                store.remove_legacy(&key);
            }
        }
        if let Some(text) = self.unreadable {
            match store.set_aside(&text) {
                Ok(()) => {
                    store.clear();
                    actions.push(Action::SavingAllowed);
                }
                Err(e) => {
                    super::log::warn(&format!("IC Pathfinder: the unreadable record could not be kept aside: {e}"));
                    actions.push(Action::Notify(Notice::SavedDataUnreadableNotMoved));
                }
            }
        }
        if self.clear_link {
            super::hooks::use_share_link::clear_link();
        }
        actions
    }
}

/// The opening state with its storage changes made at once: what the
/// widget shows once its first effects have run (for tests and tools).
pub fn restore(definition: &Definition, store: &Store, fragment: Option<&str>) -> State {
    let (state, tidy) = initial_state(definition, store, fragment);
    tidy.run(store).into_iter().fold(state, |s, a| s.apply(definition, a).unwrap_or(s))
}
