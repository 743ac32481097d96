//! What the widget is given to run: a definition, or why there is none, and
//! the same definition in other languages.
use std::rc::Rc;

use crate::pathway::{Definition, DefinitionError};

/// The definition to run, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A valid definition.
    Ready(Rc<Definition>),
    /// Why there is none, shown in the error panel.
    Failed(Unusable),
}

/// Why the widget has no definition to run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unusable {
    /// The definition could not be read, or breaks the format's rules.
    #[error(transparent)]
    Definition(#[from] DefinitionError),
    /// An organization's definition could not be fetched, and trying again
    /// would not help (a 404, an address that is not a URL): the embed
    /// module's words.
    #[error("{0}")]
    NotLoaded(String),
    /// The page asked for a question the definition does not have.
    #[error("unknown question \"{0}\"")]
    UnknownQuestion(String),
}

impl Unusable {
    /// The problems, one line each, as the error panel lists them.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Unusable::Definition(DefinitionError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Another language version of the definition (same ids and rules).
#[derive(Debug, Clone, PartialEq)]
pub enum Translation {
    /// Already parsed.
    Ready(Rc<Definition>),
    /// Fetched from `url` when the candidate chooses `lang`.
    Remote {
        /// Its language (BCP 47).
        lang: String,
        /// Where its JSON is.
        url: String,
        /// The main definition's JSON, when the translation is an
        /// organization's: it is validated and must say the same thing
        /// (`pathway::translation_problems`) before it is used. None for the
        /// built-in content, which the test suite checks.
        checked_against: Option<Rc<str>>,
    },
}

impl Translation {
    /// Its language.
    pub fn lang(&self) -> &str {
        match self {
            Translation::Ready(d) => &d.lang,
            Translation::Remote { lang, .. } => lang,
        }
    }
}

impl Loaded {
    /// The name of the built-in content's file, fetched from beside the bundle.
    pub const BUILTIN_FILE: &'static str = "default.en.json";

    /// The built-in content's translations: French, fetched from `french`
    /// (the address of `default.fr-CA.json`) when chosen, or read from its
    /// `text` when that was fetched beside the English. A text that cannot be
    /// read, or is another version of the content than `main`, is fetched
    /// again when chosen (and reported then).
    pub fn builtin_translations(french: &str, text: Option<&str>, main: &Loaded) -> Vec<Translation> {
        let ready = match (text, main) {
            (Some(text), Loaded::Ready(main)) => crate::ui::decode::read::<Definition>(text)
                .ok()
                .filter(|d| d.id == main.id && d.version == main.version)
                .map(|d| Translation::Ready(Rc::new(d))),
            _ => None,
        };
        vec![ready.unwrap_or_else(|| Translation::Remote { lang: "fr-CA".into(), url: french.to_owned(), checked_against: None })]
    }

    /// An organization's translations, as its definition lists them: each
    /// file's address resolved against `source` (where the definition was
    /// read from), and checked against the definition's `json` when fetched.
    /// An address that does not resolve is left out (and logged).
    pub fn listed_translations(&self, source: Option<&str>, json: Rc<str>) -> Vec<Translation> {
        let Loaded::Ready(definition) = self else { return Vec::new() };
        definition
            .translations
            .iter()
            .filter_map(|(lang, file)| {
                let url = resolve(file, source)?;
                Some(Translation::Remote { lang: lang.clone(), url, checked_against: Some(json.clone()) })
            })
            .collect()
    }
}

/// `file` resolved against `base` (the browser's URL rules); as given natively.
fn resolve(file: &str, base: Option<&str>) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let url = match base {
            Some(base) => web_sys::Url::new_with_base(file, base),
            None => web_sys::Url::new_with_base(file, &gloo::utils::document().base_uri().ok().flatten()?),
        };
        match url {
            Ok(url) => Some(url.href()),
            Err(_) => {
                crate::ui::log::error(&format!("IC Pathfinder: translation address {file:?} does not resolve against {base:?}: left out"));
                None
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = base;
        Some(file.to_owned())
    }
}

impl From<Result<Definition, DefinitionError>> for Loaded {
    fn from(r: Result<Definition, DefinitionError>) -> Self {
        match r {
            Ok(d) => Loaded::Ready(Rc::new(d)),
            Err(e) => Loaded::Failed(e.into()),
        }
    }
}
