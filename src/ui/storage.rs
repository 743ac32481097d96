//! Saved progress: a versioned JSON record in `localStorage`, with a memory
//! fallback when storage is unavailable (sandboxed iframes, private modes).
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::state::{Screen, State};
use super::decode::read as read_json;
use crate::pathway::{Answers, Definition};

/// The saved-data format version. Bump it, and add a migration in
/// [`Saved::decode`], whenever the shape below changes.
pub const FORMAT: u32 = 1;

/// Why saved progress could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser refused access to storage.
    #[error("this browser does not let the widget keep your progress")]
    Unavailable,
    /// The saved text is not a record this version can read.
    #[error("the saved progress could not be read: {0}")]
    Corrupt(String),
    /// Writing failed (for example, the storage quota is full).
    #[error("your progress could not be saved: {0}")]
    Write(String),
}

/// What is kept between visits. Never the page's free text: only answer ids and numbers.
///
/// Unknown fields are let through (no `deny_unknown_fields`): a later build
/// may add one without a new format version, and an older build must not
/// call that corrupt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Format version, see [`FORMAT`].
    pub format: u32,
    /// The definition the answers belong to.
    pub definition: String,
    /// That definition's content version.
    pub definition_version: u32,
    /// The answers.
    pub answers: Answers,
    /// Steps ticked as done.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// Whether the candidate had reached the results page.
    #[serde(default)]
    pub at_results: bool,
}

/// What carrying saved answers over to another version of the content found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// Answers that no longer fit (their question is gone, or does not take
    /// them any more). They are kept, not deleted: the flow asks those
    /// questions again, and they count again if the content changes back.
    pub no_longer_fit: usize,
}

impl Saved {
    /// The record for a state.
    pub fn of(state: &State) -> Self {
        Saved {
            format: FORMAT,
            definition: state.definition.id.clone(),
            definition_version: state.definition.version,
            answers: state.answers.clone(),
            done: state.done.clone(),
            at_results: state.screen == Screen::Results,
        }
    }

    /// Reads a record, whichever definition it belongs to.
    pub fn decode(text: &str) -> Result<Saved, StorageError> {
        /// Only the format, read first: a record of another format may have
        /// other fields. (Format 1 is the first; a change of shape adds its
        /// migration here.)
        #[derive(Deserialize)]
        struct Format {
            format: Option<u32>,
        }
        let corrupt = |e: crate::pathway::Issue| StorageError::Corrupt(e.to_string());
        match read_json::<Format>(text).map_err(corrupt)?.format {
            Some(FORMAT) => read_json(text).map_err(corrupt),
            Some(other) => Err(StorageError::Corrupt(format!("unknown format version {other}"))),
            None => Err(StorageError::Corrupt("not a saved-progress record".to_owned())),
        }
    }

    /// Carries the record over to another version of its content. Nothing
    /// is deleted: answers that no longer fit are ignored by the flow, which
    /// asks those questions again. `None` when the versions are the same, or
    /// when there are no answers to carry over.
    pub fn migrate(&mut self, definition: &Definition) -> Option<Migration> {
        if self.definition_version == definition.version {
            return None;
        }
        self.definition_version = definition.version;
        let fits = |(id, answer): (&String, _)| definition.question(id).is_some_and(|q| q.accepts(answer));
        let no_longer_fit = self.answers.iter().filter(|a| !fits(*a)).count();
        (!self.answers.is_empty()).then_some(Migration { no_longer_fit })
    }

    /// Restores the record into a fresh state. Answers that no longer fit the
    /// definition are ignored by the flow, not deleted here, so nothing is
    /// lost if the content changes back.
    pub fn restore(self, state: &mut State) {
        state.answers = self.answers;
        state.done = self.done;
        if self.at_results && state.flow().is_complete() {
            state.screen = Screen::Results;
        }
    }

    /// The JSON text stored.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

thread_local! {
    // Used natively, and in the browser when localStorage throws.
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Key/value storage: `localStorage` where the browser allows it, memory otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    key: String,
    persistent: bool,
}

impl Store {
    /// Opens the store for a storage key (one per widget instance or organization).
    pub fn open(key: &str) -> Self {
        Store { key: format!("icp:{key}"), persistent: local_storage().is_some() }
    }

    /// Whether progress survives a reload.
    pub fn is_persistent(&self) -> bool {
        self.persistent
    }

    /// The saved text, if any.
    pub fn read(&self) -> Option<String> {
        self.read_key(&self.key)
    }

    fn read_key(&self, key: &str) -> Option<String> {
        match local_storage() {
            Some(s) => get(&s, key),
            None => MEMORY.with(|m| m.borrow().get(key).cloned()),
        }
    }

    /// Saves the text.
    pub fn write(&self, text: &str) -> Result<(), StorageError> {
        self.write_key(&self.key, text)
    }

    /// Saves a record (through gloo-storage's typed `set` where storage is available).
    pub fn save(&self, saved: &Saved) -> Result<(), StorageError> {
        match local_storage() {
            Some(s) => set_typed(&s, &self.key, saved),
            None => self.write_key(&self.key, &saved.encode()),
        }
    }

    fn write_key(&self, key: &str, text: &str) -> Result<(), StorageError> {
        match local_storage() {
            Some(s) => set(&s, key, text),
            None => {
                MEMORY.with(|m| m.borrow_mut().insert(key.to_owned(), text.to_owned()));
                Ok(())
            }
        }
    }

    /// Keeps unreadable data aside under another key instead of deleting it,
    /// so a later version (or support) can still recover it.
    pub fn set_aside(&self, text: &str) {
        let _ = self.write_key(&format!("{}:unreadable", self.key), text);
    }

    /// Keeps a definition's record aside, under a key of its own
    /// (`icp:<key>:previous:<definition>`), before something replaces it: two
    /// definitions sharing a storage key each get their progress back.
    pub fn keep_aside(&self, definition_id: &str, text: &str) {
        let _ = self.write_key(&self.aside_key(definition_id), text);
    }

    /// The record kept aside for a definition, if any.
    pub fn read_aside(&self, definition_id: &str) -> Option<String> {
        self.read_key(&self.aside_key(definition_id))
    }

    fn aside_key(&self, definition_id: &str) -> String {
        format!("{}:previous:{definition_id}", self.key)
    }

    /// Removes the saved progress.
    pub fn clear(&self) {
        match local_storage() {
            Some(s) => remove(&s, &self.key),
            None => MEMORY.with(|m| {
                m.borrow_mut().remove(&self.key);
            }),
        }
    }
}

#[cfg(target_arch = "wasm32")]
type Backend = web_sys::Storage;
#[cfg(not(target_arch = "wasm32"))]
type Backend = ();

/// `localStorage`, if this page may use it. Probed once per page: the probe
/// writes to storage, which is slow enough to show in the start-up time if
/// done on every access.
#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<Backend> {
    thread_local! {
        static PROBED: std::cell::OnceCell<Option<Backend>> = const { std::cell::OnceCell::new() };
    }
    PROBED.with(|p| p.get_or_init(probe).clone())
}
#[cfg(target_arch = "wasm32")]
fn probe() -> Option<Backend> {
    // `local_storage()` itself throws in sandboxed iframes, and so does
    // gloo-storage, which is why every gloo call below sits behind this
    // probe; a probe write catches browsers that hand out a storage that
    // refuses writes.
    let storage = gloo::utils::window().local_storage().ok().flatten()?;
    storage.set_item("icp:probe", "1").ok()?;
    let _ = storage.remove_item("icp:probe");
    Some(storage)
}
#[cfg(not(target_arch = "wasm32"))]
fn local_storage() -> Option<Backend> {
    None
}

// The raw text is read, not gloo's typed `get`: an unreadable record is
// kept aside as it is, which needs its text.
#[cfg(target_arch = "wasm32")]
fn get(_: &Backend, key: &str) -> Option<String> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::raw().get_item(key).ok().flatten()
}
#[cfg(target_arch = "wasm32")]
fn set(_: &Backend, key: &str, text: &str) -> Result<(), StorageError> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::raw().set_item(key, text).map_err(|e| StorageError::Write(format!("{e:?}")))
}
#[cfg(target_arch = "wasm32")]
fn set_typed(_: &Backend, key: &str, saved: &Saved) -> Result<(), StorageError> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::set(key, saved).map_err(|e| StorageError::Write(e.to_string()))
}
#[cfg(target_arch = "wasm32")]
fn remove(_: &Backend, key: &str) {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::delete(key);
}
#[cfg(not(target_arch = "wasm32"))]
fn get(_: &Backend, _: &str) -> Option<String> {
    None
}
#[cfg(not(target_arch = "wasm32"))]
fn set(_: &Backend, _: &str, _: &str) -> Result<(), StorageError> {
    Ok(())
}
#[cfg(not(target_arch = "wasm32"))]
fn set_typed(_: &Backend, _: &str, _: &Saved) -> Result<(), StorageError> {
    Ok(())
}
#[cfg(not(target_arch = "wasm32"))]
fn remove(_: &Backend, _: &str) {}
