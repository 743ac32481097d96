//! Saved progress: a versioned JSON record in `localStorage`, with a memory
//! fallback when storage is unavailable (sandboxed iframes, private modes).
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::decode::read_own as read_json;
use super::state::{Screen, State};
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
    /// In the kept list: when it was kept, local time (`2026-12-07 14:05`);
    /// empty outside the kept list and in records kept before it was noted.
    /// (Plain strings rather than options and an enum: each `Option` and
    /// enum read costs the bundle its own code, and these are only shown.)
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kept_at: String,
    /// In the kept list: whose answers they were, a [`KeptFrom`] code
    /// (`here`, `other_tab`); empty where not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kept_from: String,
}

/// Whose answers a kept record holds, as the kept list says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptFrom {
    /// The answers on this page (before a share link's, a restored or another tab's replaced them).
    Here,
    /// Another tab's, kept when this page's were chosen over them.
    OtherTab,
}

impl KeptFrom {
    /// Its code in a saved record's `kept_from`.
    pub const fn code(self) -> &'static str {
        match self {
            KeptFrom::Here => "here",
            KeptFrom::OtherTab => "other_tab",
        }
    }
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
    pub fn of(state: &State, definition: &Definition) -> Self {
        Saved {
            format: FORMAT,
            definition: definition.id.clone(),
            definition_version: definition.version,
            answers: state.answers.clone(),
            done: state.done.clone(),
            at_results: state.screen == Screen::Results,
            kept_at: String::new(),
            kept_from: String::new(),
        }
    }

    /// The record as the kept list holds it: when, and whose. Natively
    /// (tests) there is no clock: no time.
    pub fn kept(mut self, from: KeptFrom) -> Saved {
        #[cfg(target_arch = "wasm32")]
        {
            let now = js_sys::Date::new_0();
            self.kept_at =
                format!("{:04}-{:02}-{:02} {:02}:{:02}", now.get_full_year(), now.get_month() + 1, now.get_date(), now.get_hours(), now.get_minutes());
        }
        self.kept_from = from.code().to_owned();
        self
    }

    /// The record a kept one becomes again when restored: without its kept marks.
    pub fn unkept(mut self) -> Saved {
        self.kept_at.clear();
        self.kept_from.clear();
        self
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

    /// The JSON text stored.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

thread_local! {
    // One map per mode. Natively the `local` and `session` maps stand in for
    // the browser's two areas, so that Forget can be tested reaching both;
    // in the browser they are used only when that storage throws, and the
    // `none` map is the page memory of `storage="none"`. An array by mode,
    // not a map: no second kind of hash table in the wasm.
    static MEMORY: RefCell<[HashMap<String, String>; 3]> = RefCell::new(Default::default());
    // Natively, for tests: writes to memory fail as on a full disk.
    static MEMORY_FULL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Where the organization lets the widget keep answers (the `storage`
/// attribute): a shared computer in a union office is not a personal phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StorageMode {
    /// In `localStorage`: answers survive closing the browser (the default).
    #[default]
    Local,
    /// In `sessionStorage`: cleared when the tab closes.
    Session,
    /// Nowhere: answers live in memory for this page only.
    None,
}

impl StorageMode {
    /// The mode an attribute or option names (`local`, `session`, `none`);
    /// anything else is the default.
    pub fn from_name(name: Option<&str>) -> Self {
        match name.map(|n| n.trim().to_ascii_lowercase()).as_deref() {
            Some("session") => StorageMode::Session,
            Some("none") => StorageMode::None,
            _ => StorageMode::Local,
        }
    }

    /// Its name, as [`StorageMode::from_name`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            StorageMode::Local => "local",
            StorageMode::Session => "session",
            StorageMode::None => "none",
        }
    }
}

/// What "Forget my answers on this device" did, as the candidate is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forgetting {
    /// Records under the storage key were removed, and neither storage area holds one now.
    Removed,
    /// Both areas were reached and held nothing under the key: the answers
    /// were on the page only, and are gone from it.
    NothingSaved,
    /// The browser kept an area from the widget (or a record could not be
    /// removed): what could be reached was removed, and the candidate is
    /// told how to be sure.
    Incomplete,
}

/// Whether `key` can be a storage key: ASCII letters and digits, `-`, `_`
/// and `.`, at least one. Any other character is refused: `@` and `:` would
/// make another key's records read as this one's (`org@x` is `org`'s
/// record of a definition `x`), and the rest are refused so that the rule
/// is one a person can remember. The error, for the site's editors, says
/// which characters are not allowed.
pub fn check_key(key: &str) -> Result<(), String> {
    const RULE: &str = "a storage key may hold only the letters A to Z and a to z, the digits 0 to 9, \"-\", \"_\" and \".\"";
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if key.is_empty() {
        return Err(format!("the storage-key is empty: {RULE}"));
    }
    let mut refused: Vec<char> = Vec::new();
    for c in key.chars().filter(|c| !allowed(*c)) {
        if !refused.contains(&c) {
            refused.push(c);
        }
    }
    if refused.is_empty() {
        return Ok(());
    }
    // Written out by hand, not with `{:?}`: Debug's escaping of text brings
    // Unicode tables into the wasm that every visitor would download.
    let refused = refused.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ");
    Err(format!("the storage-key \"{key}\" cannot be used: {RULE}, not {refused}"))
}

/// How the browser lets the widget use the storage of its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and write.
    ReadWrite,
    /// Readable, but a write fails (the quota is full): saved progress is
    /// still read, and the candidate is told new answers will not be kept.
    ReadOnly,
    /// No storage at all (sandboxed iframes, some private modes):
    /// progress lives in memory for this page.
    Memory,
    /// The organization chose to keep nothing (`storage="none"`): memory
    /// for this page, as the candidate is told on the start page.
    Off,
}

/// Where one definition's progress is kept, under an organization's storage key.
///
/// Keys (`<key>` is the storage key, `<id>` the definition's id, which never
/// contains `@` or `:`):
/// - `icp:<key>@<id>`: the record;
/// - `icp:<key>@<id>:unreadable`: a record this version could not read, kept as it was;
/// - `icp:<key>@<id>:kept`: earlier records kept when shared answers were
///   taken as the candidate's own, a list, newest last;
/// - `icp:<key>@<id>:kept:unreadable`: kept lists this version could not
///   read, as they were (a JSON list of their texts, oldest first);
/// - `icp:<key>` and `icp:<key>:previous:<id>`: where earlier versions kept
///   progress (one slot per storage key), read once and moved;
///   `icp:<key>:unreadable`, where they set unreadable records aside;
/// - `icp:<key>:forgotten`: written and removed at once by Forget, so that
///   other tabs hear of it; never left in storage.
///
/// Storage keys hold only the characters [`check_key`] allows, none of
/// them `@` or `:`, so each of these keys belongs to one storage key only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    base: String,
    record: String,
    mode: StorageMode,
    access: Access,
}

impl Store {
    /// Opens the store of a definition under a storage key (one per
    /// organization, or per widget instance).
    pub fn open(key: &str, definition_id: &str) -> Self {
        Store::open_in(key, definition_id, StorageMode::Local)
    }

    /// Opens the store in the storage the organization chose.
    pub fn open_in(key: &str, definition_id: &str, mode: StorageMode) -> Self {
        let base = format!("icp:{key}");
        let access = if mode == StorageMode::None { Access::Off } else { access(mode) };
        Store { record: format!("{base}@{definition_id}"), base, mode, access }
    }

    /// Where this store keeps answers.
    pub fn mode(&self) -> StorageMode {
        self.mode
    }

    /// How storage can be used on this page.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Whether progress survives a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(self.access, Access::ReadWrite | Access::ReadOnly)
    }

    /// The key of the record; `storage` events name it.
    pub fn record_key(&self) -> &str {
        &self.record
    }

    /// The saved text, if any.
    pub fn read(&self) -> Option<String> {
        read_key(self.mode, &self.record)
    }

    /// Saves the text.
    pub fn write(&self, text: &str) -> Result<(), StorageError> {
        write_key(self.mode, &self.record, text)
    }

    /// Saves a record (through gloo-storage's typed `set` where storage is available).
    pub fn save(&self, saved: &Saved) -> Result<(), StorageError> {
        match backend(self.mode) {
            Some(s) => set_typed(&s, &self.record, saved),
            None => write_key(self.mode, &self.record, &saved.encode()),
        }
    }

    /// Removes the record.
    pub fn clear(&self) {
        remove_key(self.mode, &self.record);
    }

    /// Keeps an unreadable record aside, as it is, so a later version (or
    /// support) can still recover it. The caller removes the record only
    /// when this succeeded.
    pub fn set_aside(&self, text: &str) -> Result<(), StorageError> {
        write_key(self.mode, &format!("{}:unreadable", self.record), text)
    }

    /// What an earlier version kept under this storage key: its single slot
    /// (any definition's record) and what it set aside for this definition,
    /// each with the key it was read from.
    pub fn legacy(&self, definition_id: &str) -> Vec<(String, String)> {
        [self.base.clone(), format!("{}:previous:{definition_id}", self.base)]
            .into_iter()
            .filter_map(|k| read_key(self.mode, &k).map(|text| (k, text)))
            .collect()
    }

    /// The record of another definition under the same storage key.
    pub fn sibling(&self, definition_id: &str) -> Store {
        Store { base: self.base.clone(), record: format!("{}@{definition_id}", self.base), mode: self.mode, access: self.access }
    }

    /// A store over any key, for tests of the keys earlier versions used.
    #[doc(hidden)]
    pub fn sibling_raw(&self, key: &str) -> Store {
        Store { base: self.base.clone(), record: key.to_owned(), mode: self.mode, access: self.access }
    }

    /// Removes a key this store read with [`Store::legacy`].
    pub fn remove_legacy(&self, key: &str) {
        remove_key(self.mode, key);
    }

    /// Where an earlier version set unreadable records aside.
    pub fn legacy_unreadable(&self, text: &str) -> Result<(), StorageError> {
        write_key(self.mode, &format!("{}:unreadable", self.base), text)
    }

    /// The records kept aside when shared answers were taken as the
    /// candidate's own, oldest first.
    pub fn kept(&self) -> Vec<Saved> {
        read_key(self.mode, &self.kept_key()).and_then(|t| super::decode::read_own::<Vec<Saved>>(&t).ok()).unwrap_or_default()
    }

    /// Keeps a record aside, after the ones already kept: nothing kept is
    /// ever overwritten.
    pub fn keep(&self, saved: &Saved) -> Result<(), StorageError> {
        let key = self.kept_key();
        let mut kept = match read_key(self.mode, &key) {
            None => Vec::new(),
            Some(text) => match super::decode::read_own::<Vec<Saved>>(&text) {
                Ok(kept) => kept,
                // A list that cannot be read must neither stop Keep nor be
                // written over: it goes aside as it is, and a new list starts.
                Err(e) => {
                    super::log::warn(&format!("IC Pathfinder: the answers kept under {key} cannot be read ({e}); they are set aside under {key}:unreadable"));
                    self.set_kept_aside(&text)?;
                    Vec::new()
                }
            },
        };
        kept.push(saved.clone());
        write_key(self.mode, &key, &serde_json::to_string(&kept).unwrap_or_default())
    }

    /// Adds an unreadable kept list to those set aside, after any set aside
    /// before: none is overwritten.
    fn set_kept_aside(&self, text: &str) -> Result<(), StorageError> {
        let key = format!("{}:unreadable", self.kept_key());
        let mut aside = match read_key(self.mode, &key) {
            None => Vec::new(),
            Some(earlier) => serde_json::from_str::<Vec<String>>(&earlier).unwrap_or_else(|_| vec![earlier]),
        };
        aside.push(text.to_owned());
        write_key(self.mode, &key, &serde_json::to_string(&aside).unwrap_or_default())
    }

    /// Removes the kept record at `index` (oldest first), once what replaces
    /// it has been written: a kept record leaves the list only then.
    pub fn remove_kept(&self, index: usize) -> Result<(), StorageError> {
        let mut kept = self.kept();
        if index >= kept.len() {
            return Ok(());
        }
        kept.remove(index);
        if kept.is_empty() {
            remove_key(self.mode, &self.kept_key());
            Ok(())
        } else {
            write_key(self.mode, &self.kept_key(), &serde_json::to_string(&kept).unwrap_or_default())
        }
    }

    /// Takes the newest kept record out of the list (once the caller has
    /// kept the current one, so that nothing is lost).
    pub fn take_kept(&self) -> Option<Saved> {
        let mut kept = self.kept();
        let newest = kept.pop()?;
        let written = if kept.is_empty() {
            remove_key(self.mode, &self.kept_key());
            Ok(())
        } else {
            write_key(self.mode, &self.kept_key(), &serde_json::to_string(&kept).unwrap_or_default())
        };
        written.ok().map(|_| newest)
    }

    /// "Forget my answers on this device": removes every record under this
    /// storage key, for every definition, with everything kept aside for
    /// them (`:kept`, `:unreadable`, and what earlier versions kept under
    /// `:previous:`), so a shared computer keeps nothing of the candidate.
    ///
    /// Both `localStorage` and `sessionStorage`, whatever this store's mode:
    /// an organization may have changed `storage` since the candidate's
    /// last visit. The page memory too. Other tabs and the other widgets of
    /// this page hear of it ([`Store::forgotten_key`]), so that none writes
    /// the answers back.
    pub fn forget(&self) -> Forgetting {
        let done = self.remove_everywhere(true);
        super::writers::announce(&self.forgotten_key());
        done
    }

    /// Forget used in another tab or widget: removes here what it could not
    /// reach (this tab's own `sessionStorage`), telling no one, so that
    /// tabs hearing each other never answer one another's signal.
    pub fn forget_here(&self) {
        self.remove_everywhere(false);
    }

    fn remove_everywhere(&self, tell_other_tabs: bool) -> Forgetting {
        let (mut removed, mut complete) = (0, true);
        for mode in [StorageMode::Local, StorageMode::Session] {
            let Some(area) = area(mode) else {
                complete = false;
                continue;
            };
            let ours: Vec<String> = area_keys(&area).into_iter().filter(|k| self.belongs(k)).collect();
            ours.iter().for_each(|k| area_remove(&area, k));
            // Checked, not assumed: the message says what was done.
            complete &= !area_keys(&area).iter().any(|k| self.belongs(k));
            removed += ours.len();
            // Only `localStorage` events reach other tabs, whatever their
            // mode (a `session` tab's answers are out of this one's reach).
            // Under `storage="none"`, only where something was removed:
            // otherwise it writes nothing, as promised.
            if tell_other_tabs && mode == StorageMode::Local && (self.mode != StorageMode::None || !ours.is_empty()) {
                area_signal(&area, &self.forgotten_key());
            }
        }
        MEMORY.with(|m| m.borrow_mut().iter_mut().for_each(|memory| memory.retain(|k, _| !self.belongs(k))));
        match (complete, removed) {
            (false, _) => Forgetting::Incomplete,
            (true, 0) => Forgetting::NothingSaved,
            (true, _) => Forgetting::Removed,
        }
    }

    /// The key Forget signals on, in `localStorage` (written and removed at
    /// once) and to the other widgets of this page.
    pub fn forgotten_key(&self) -> String {
        format!("{}:forgotten", self.base)
    }

    /// Whether `key` is one of this storage key's, in the scheme above,
    /// matched exactly: `icp:org:branch-b@…` and `icp:org@x@…` are not `org`'s.
    fn belongs(&self, key: &str) -> bool {
        let Some(rest) = key.strip_prefix(self.base.as_str()) else { return false };
        let is_id = |id: &str| !id.is_empty() && !id.contains(['@', ':']);
        if let Some(record) = rest.strip_prefix('@') {
            let id = [":kept:unreadable", ":kept", ":unreadable"].iter().find_map(|s| record.strip_suffix(s)).unwrap_or(record);
            return is_id(id);
        }
        matches!(rest, "" | ":unreadable" | ":forgotten") || rest.strip_prefix(":previous:").is_some_and(is_id)
    }

    fn kept_key(&self) -> String {
        format!("{}:kept", self.record)
    }

    /// Natively, for tests: makes every write fail as on a full disk.
    #[doc(hidden)]
    pub fn simulate_full_storage(full: bool) {
        MEMORY_FULL.with(|f| f.set(full));
    }
}

fn read_key(mode: StorageMode, key: &str) -> Option<String> {
    match backend(mode) {
        Some(s) => get(&s, key),
        None => MEMORY.with(|m| m.borrow()[mode as usize].get(key).cloned()),
    }
}

fn write_key(mode: StorageMode, key: &str, text: &str) -> Result<(), StorageError> {
    match backend(mode) {
        Some(s) => set(&s, key, text),
        None if MEMORY_FULL.with(|f| f.get()) => Err(StorageError::Write("the storage is full".to_owned())),
        None => {
            MEMORY.with(|m| m.borrow_mut()[mode as usize].insert(key.to_owned(), text.to_owned()));
            Ok(())
        }
    }
}

fn remove_key(mode: StorageMode, key: &str) {
    match backend(mode) {
        Some(s) => remove(&s, key),
        None => MEMORY.with(|m| {
            m.borrow_mut()[mode as usize].remove(key);
        }),
    }
}

/// One of the browser's two storage areas as Forget reaches it: directly,
/// not through the probe, which writes, and Forget must write nothing where
/// the organization chose to keep nothing. Natively, the memory of its mode.
#[cfg(target_arch = "wasm32")]
type Area = web_sys::Storage;
#[cfg(not(target_arch = "wasm32"))]
type Area = StorageMode;

/// The area of `mode` (`local` or `session`), unless the browser refuses it.
#[cfg(target_arch = "wasm32")]
fn area(mode: StorageMode) -> Option<Area> {
    let window = gloo::utils::window();
    let storage = match mode {
        StorageMode::Local => window.local_storage(),
        StorageMode::Session => window.session_storage(),
        StorageMode::None => return None,
    };
    // A storage whose length throws cannot be listed, so cannot be cleared.
    storage.ok().flatten().filter(|s| s.length().is_ok())
}
#[cfg(target_arch = "wasm32")]
fn area_keys(area: &Area) -> Vec<String> {
    let count = area.length().unwrap_or(0);
    (0..count).filter_map(|i| area.key(i).ok().flatten()).collect()
}
#[cfg(target_arch = "wasm32")]
fn area_remove(area: &Area, key: &str) {
    let _ = area.remove_item(key);
}
/// Writes `key` and removes it at once: other tabs hear a `storage` event,
/// and nothing is left in storage.
#[cfg(target_arch = "wasm32")]
fn area_signal(area: &Area, key: &str) {
    // Any value: the event is for its writing (from no value), then it goes.
    if area.set_item(key, "1").is_ok() {
        let _ = area.remove_item(key);
    }
}
#[cfg(not(target_arch = "wasm32"))]
fn area(mode: StorageMode) -> Option<Area> {
    (mode != StorageMode::None).then_some(mode)
}
#[cfg(not(target_arch = "wasm32"))]
fn area_keys(area: &Area) -> Vec<String> {
    MEMORY.with(|m| m.borrow()[*area as usize].keys().cloned().collect())
}
#[cfg(not(target_arch = "wasm32"))]
fn area_remove(area: &Area, key: &str) {
    MEMORY.with(|m| {
        m.borrow_mut()[*area as usize].remove(key);
    });
}
#[cfg(not(target_arch = "wasm32"))]
fn area_signal(_: &Area, _: &str) {}

/// The browser storage of a mode: the same gloo API over each.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backend {
    Local,
    Session,
}
#[cfg(not(target_arch = "wasm32"))]
type Backend = ();

/// The storage of a mode and what it allows, probed once per page and mode:
/// the probe writes to storage, which is slow enough to show in the
/// start-up time if done on every access.
#[cfg(target_arch = "wasm32")]
fn probed(mode: StorageMode) -> (Option<Backend>, Access) {
    thread_local! {
        static LOCAL: std::cell::OnceCell<(Option<Backend>, Access)> = const { std::cell::OnceCell::new() };
        static SESSION: std::cell::OnceCell<(Option<Backend>, Access)> = const { std::cell::OnceCell::new() };
    }
    match mode {
        StorageMode::Local => LOCAL.with(|p| *p.get_or_init(|| probe(Backend::Local))),
        StorageMode::Session => SESSION.with(|p| *p.get_or_init(|| probe(Backend::Session))),
        StorageMode::None => (None, Access::Off),
    }
}
#[cfg(target_arch = "wasm32")]
fn probe(backend: Backend) -> (Option<Backend>, Access) {
    // `local_storage()` itself throws in sandboxed iframes, and so does
    // gloo-storage, which is why every gloo call below sits behind this
    // probe. A storage that reads but refuses the probe write is full: it is
    // still read, so saved progress is not ignored.
    let window = gloo::utils::window();
    let storage = match backend {
        Backend::Local => window.local_storage(),
        Backend::Session => window.session_storage(),
    };
    let Some(storage) = storage.ok().flatten() else { return (None, Access::Memory) };
    if storage.get_item("icp:probe").is_err() {
        return (None, Access::Memory);
    }
    let access = match storage.set_item("icp:probe", "1") {
        Ok(()) => {
            let _ = storage.remove_item("icp:probe");
            Access::ReadWrite
        }
        Err(_) => Access::ReadOnly,
    };
    (Some(backend), access)
}
#[cfg(target_arch = "wasm32")]
fn backend(mode: StorageMode) -> Option<Backend> {
    probed(mode).0
}
#[cfg(target_arch = "wasm32")]
fn access(mode: StorageMode) -> Access {
    probed(mode).1
}
#[cfg(not(target_arch = "wasm32"))]
fn backend(_: StorageMode) -> Option<Backend> {
    None
}
#[cfg(not(target_arch = "wasm32"))]
fn access(_: StorageMode) -> Access {
    if MEMORY_FULL.with(|f| f.get()) {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    }
}

// The raw text is read, not gloo's typed `get`: an unreadable record is
// kept aside as it is, which needs its text.
#[cfg(target_arch = "wasm32")]
fn raw(backend: &Backend) -> web_sys::Storage {
    use gloo::storage::{LocalStorage, SessionStorage, Storage};
    match backend {
        Backend::Local => LocalStorage::raw(),
        Backend::Session => SessionStorage::raw(),
    }
}
#[cfg(target_arch = "wasm32")]
fn get(backend: &Backend, key: &str) -> Option<String> {
    raw(backend).get_item(key).ok().flatten()
}
#[cfg(target_arch = "wasm32")]
fn set(backend: &Backend, key: &str, text: &str) -> Result<(), StorageError> {
    raw(backend).set_item(key, text).map_err(|e| StorageError::Write(crate::ui::log::exception(&e)))
}
#[cfg(target_arch = "wasm32")]
fn set_typed(backend: &Backend, key: &str, saved: &Saved) -> Result<(), StorageError> {
    use gloo::storage::{LocalStorage, SessionStorage, Storage};
    match backend {
        Backend::Local => LocalStorage::set(key, saved),
        Backend::Session => SessionStorage::set(key, saved),
    }
    .map_err(|e| StorageError::Write(e.to_string()))
}
#[cfg(target_arch = "wasm32")]
fn remove(backend: &Backend, key: &str) {
    let _ = raw(backend).remove_item(key);
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
