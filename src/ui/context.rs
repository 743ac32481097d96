//! Cross-cutting settings shared by every component through a Yew context.
use std::rc::Rc;

use super::texts::{Texts, EN};
use super::texts_fr::FR_CA;

/// Settings every component may read.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The interface strings.
    pub texts: &'static Texts,
    /// Prefix of every DOM id, unique per instance so two widgets on one page never clash.
    pub prefix: Rc<str>,
}

impl Settings {
    /// English settings with this id prefix.
    pub fn new(prefix: &str) -> Self {
        Settings { texts: &EN, prefix: prefix.into() }
    }

    /// Settings for a language (BCP 47); French for any `fr*`, English otherwise.
    pub fn for_lang(lang: &str, prefix: &str) -> Self {
        Settings { texts: texts_for(lang), prefix: prefix.into() }
    }

    /// A DOM id derived from a question id (and a suffix).
    pub fn id(&self, parts: &[&str]) -> String {
        let mut id = self.prefix.to_string();
        for p in parts {
            id.push('-');
            id.push_str(p);
        }
        id
    }
}

/// The interface strings for a language.
pub fn texts_for(lang: &str) -> &'static Texts {
    if lang.to_ascii_lowercase().starts_with("fr") {
        &FR_CA
    } else {
        &EN
    }
}

impl PartialEq for Settings {
    fn eq(&self, other: &Self) -> bool {
        // The texts are static tables: the same table is the same language.
        std::ptr::eq(self.texts, other.texts) && self.prefix == other.prefix
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::new("icp")
    }
}
