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

    /// The built-in content's translations: French, fetched from
    /// `content_base` + `default.fr-CA.json` when chosen.
    pub fn builtin_translations(content_base: &str) -> Vec<Translation> {
        vec![Translation::Remote { lang: "fr-CA".into(), url: format!("{content_base}default.fr-CA.json") }]
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
