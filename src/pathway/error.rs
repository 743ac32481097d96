use std::fmt;

use thiserror::Error;

/// Why a definition could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DefinitionError {
    /// The text is not a definition: bad JSON, a missing field, a wrong type.
    #[error("{}: {message}", if path.is_empty() || path == "." { "(document)" } else { path.as_str() })]
    Parse {
        /// Where in the document, e.g. `questions[4].type`.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The definition parsed but breaks a rule (unknown reference, cycle, ...).
    #[error("{} problem(s) in the definition:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Issue>),
}

/// A problem located by its path in the document: a validation problem, or
/// (as [`ReadError`](super::json::ReadError)) a field of the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Where, e.g. `questions[4].when`.
    pub path: String,
    /// What is wrong, e.g. `unknown question "l2_count"`.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

fn list(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("  {i}")).collect::<Vec<_>>().join("\n")
}
