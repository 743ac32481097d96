//! Errors of the format: one located [`Issue`] type for every problem found
//! at a path in a document, and the reading of JSON through serde that
//! produces them.
use std::fmt;

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use thiserror::Error;

/// Why a definition could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DefinitionError {
    /// The text is not a definition: bad JSON, a missing field, a wrong
    /// type, at a place in the document (`questions[4].type`).
    #[error("{}: {}", if .0.path.is_empty() || .0.path == "." { "(document)" } else { .0.path.as_str() }, .0.message)]
    Parse(Issue),
    /// The definition parsed but breaks a rule (unknown reference, cycle, ...).
    #[error("{} problem(s) in the definition:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Issue>),
}

impl From<Issue> for DefinitionError {
    fn from(issue: Issue) -> Self {
        DefinitionError::Parse(issue)
    }
}

/// A problem located by its path in the document (`questions[4].when`): a
/// field of the wrong shape, malformed JSON, or a broken rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// Where, e.g. `questions[4].when`; `.` for the document as a whole.
    pub path: String,
    /// What is wrong, e.g. `unknown question "l2_count"`.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Issue {}

fn list(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("  {i}")).collect::<Vec<_>>().join("\n")
}

/// Reads a value from any serde deserializer (serde_json's, or
/// serde-wasm-bindgen's over a value the browser parsed), naming the path of
/// the first problem.
pub fn read<'de, D, T>(deserializer: D) -> Result<T, Issue>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
    T: Deserialize<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|e| Issue { path: path_text(e.path()), message: e.into_inner().to_string() })
}

/// A path as the messages write it: `questions[4].type`, `.` for the
/// document. A key that is not a plain name (empty, or with a dot, a space
/// or a bracket) is quoted, `answers[""]`, so that every path reads as one
/// unambiguous place (serde_path_to_error's own text writes it bare).
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    use std::fmt::Write;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '$');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    let _ = write!(out, "[{}]", serde_json::to_string(key).unwrap_or_default());
                }
            }
            Segment::Unknown => out.push_str(if out.is_empty() { "?" } else { ".?" }),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Reads a value from JSON text. Malformed JSON is reported with its line and
/// column (serde_json's message), a value of the wrong shape with its path.
pub fn read_json<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    // Malformed JSON is located by line and column, which the message holds;
    // the path there may be half-known (`?`), so it is the document's.
    let issue = |e: serde_json::Error, path: String| Issue { path: if e.is_syntax() || e.is_eof() { ".".to_owned() } else { path }, message: json_message(&e) };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = path_text(e.path());
        issue(e.into_inner(), path)
    })?;
    deserializer.end().map_err(|e| issue(e, ".".to_owned()))?;
    Ok(value)
}

/// How deep serde_json reads: it refuses the 128th object or list inside
/// another, before the reading could overflow the stack.
const JSON_DEPTH: usize = 127;

/// serde_json's message, said in plain words where it is not.
fn json_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    // serde_json does not expose its error codes; this message is stable.
    if message.starts_with("recursion limit exceeded") {
        return format!(
            "the document nests too deeply (more than {JSON_DEPTH} objects and lists inside one another) at line {} column {}",
            e.line(),
            e.column()
        );
    }
    message
}
