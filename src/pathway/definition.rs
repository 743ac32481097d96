use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::error::DefinitionError;

/// A complete pathway definition: what to ask and how to judge the answers.
///
/// Equality is identity of content: same id, version and language. Content
/// is versioned, and a deep comparison on every render (the UI compares
/// props) would cost time and, in the wasm bundle, code size.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Stable id of the definition; saved progress is keyed by it.
    pub id: String,
    /// Content version; bump it when questions change meaning.
    pub version: u32,
    /// Language of the texts (BCP 47, e.g. `en`, `fr-CA`).
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Title shown at the top of the widget.
    pub title: String,
    /// Introductory paragraph on the start page.
    #[serde(default)]
    pub intro: String,
    /// Who publishes the definition, shown with the sources.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The documents that requirements and advice cite.
    pub sources: Vec<Source>,
    /// Questions in the order they are asked.
    pub questions: Vec<Question>,
    /// The pathways the candidate is assessed against.
    pub pathways: Vec<Pathway>,
    /// Advice shown when its condition holds.
    #[serde(default)]
    pub advice: Vec<Advice>,
}

impl PartialEq for Definition {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.version == other.version && self.lang == other.lang
    }
}

fn default_lang() -> String {
    "en".to_owned()
}

/// A document cited by the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id used by citations.
    pub id: String,
    /// Human title of the document.
    pub title: String,
    /// The file the quotes come from, when the text is kept with the content.
    #[serde(default)]
    pub file: Option<String>,
    /// A public address of the document, if there is one.
    #[serde(default)]
    pub url: Option<String>,
}

/// Where a rule or piece of advice comes from: a source and the sentence it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of a [`Source`] of the definition.
    pub source: String,
    /// The sentence, quoted verbatim from the source.
    pub quote: String,
}

/// A question put to the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawQuestion", into = "RawQuestion")]
pub struct Question {
    /// Stable id; answers and conditions refer to it, and DOM ids derive from it.
    pub id: String,
    /// Section heading the question belongs to (for the check-answers page).
    pub section: Option<String>,
    /// The question, as a full sentence.
    pub text: String,
    /// Hint shown under the question.
    pub hint: Option<String>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// When the question is asked; always when absent. May only refer to
    /// earlier questions, which keeps the flow acyclic by construction.
    pub when: Option<Condition>,
}

/// The flat form a question is written in: `"type"` beside the kind's own
/// fields. Read through this rather than `#[serde(flatten)]`, which cannot
/// reject unknown fields and buffers input (more wasm code).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(rename = "type")]
    kind: RawKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options: Option<Vec<Choice>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<Condition>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawKind {
    YesNo,
    Single,
    Multi,
    Number,
}

impl TryFrom<RawQuestion> for Question {
    type Error = String;

    fn try_from(raw: RawQuestion) -> Result<Self, String> {
        let misplaced = |field: &str, kind: &str| format!("a {kind} question has no \"{field}\"");
        let kind = match raw.kind {
            RawKind::YesNo | RawKind::Single | RawKind::Multi if raw.min.is_some() || raw.max.is_some() || raw.unit.is_some() => {
                return Err(misplaced(if raw.unit.is_some() { "unit" } else { "min/max" }, "choice or yes_no"))
            }
            RawKind::YesNo if raw.options.is_some() => return Err(misplaced("options", "yes_no")),
            RawKind::YesNo => QuestionKind::YesNo,
            RawKind::Single | RawKind::Multi => {
                let options = raw.options.ok_or_else(|| "a choice question needs \"options\"".to_owned())?;
                if matches!(raw.kind, RawKind::Single) {
                    QuestionKind::Single { options }
                } else {
                    QuestionKind::Multi { options }
                }
            }
            RawKind::Number if raw.options.is_some() => return Err(misplaced("options", "number")),
            RawKind::Number => QuestionKind::Number {
                min: raw.min.ok_or_else(|| "a number question needs \"min\"".to_owned())?,
                max: raw.max.ok_or_else(|| "a number question needs \"max\"".to_owned())?,
                unit: raw.unit,
            },
        };
        Ok(Question { id: raw.id, section: raw.section, text: raw.text, hint: raw.hint, kind, when: raw.when })
    }
}

impl From<Question> for RawQuestion {
    fn from(q: Question) -> Self {
        let (kind, options, min, max, unit) = match q.kind {
            QuestionKind::YesNo => (RawKind::YesNo, None, None, None, None),
            QuestionKind::Single { options } => (RawKind::Single, Some(options), None, None, None),
            QuestionKind::Multi { options } => (RawKind::Multi, Some(options), None, None, None),
            QuestionKind::Number { min, max, unit } => (RawKind::Number, None, Some(min), Some(max), unit),
        };
        RawQuestion { id: q.id, section: q.section, text: q.text, hint: q.hint, kind, options, min, max, unit, when: q.when }
    }
}

/// The kinds of answer a question takes (written as `"type"` and its fields).
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// Exactly one of the options.
    Single {
        /// The options, in display order.
        options: Vec<Choice>,
    },
    /// Any number of the options (an exclusive option clears the others).
    Multi {
        /// The options, in display order.
        options: Vec<Choice>,
    },
    /// A whole number between `min` and `max` inclusive.
    Number {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
        /// Unit shown after the field, e.g. "hours".
        unit: Option<String>,
    },
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id stored in answers.
    pub id: String,
    /// Label shown to the candidate.
    pub label: String,
    /// Hint shown under the label.
    #[serde(default)]
    pub hint: Option<String>,
    /// In a multiple-choice question, "none of these": selecting it clears the others.
    #[serde(default)]
    pub exclusive: bool,
}

/// A route to becoming an IC, judged as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    /// Stable id.
    pub id: String,
    /// Name of the pathway.
    pub title: String,
    /// One or two sentences on what it is.
    #[serde(default)]
    pub summary: String,
    /// What meeting every requirement gets the candidate.
    #[serde(default)]
    pub goal: Option<String>,
    /// When the pathway is open to the candidate at all; always when absent.
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// Why the pathway is not open, shown when `applies_when` is false.
    #[serde(default)]
    pub not_applicable: Option<String>,
    /// The requirements, in the order they are usually completed.
    pub requirements: Vec<Requirement>,
}

/// Whether a requirement must be met, or only helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    /// Must be met for the pathway to be met.
    #[default]
    Required,
    /// Helps but is not needed ("ACTRA members preferred").
    Preferred,
}

/// One thing a pathway asks of the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, unique within the pathway.
    pub id: String,
    /// Short name, e.g. "Complete IDC Level 1".
    pub title: String,
    /// Required or only preferred.
    #[serde(default)]
    pub kind: RequirementKind,
    /// When the requirement counts as met.
    pub met_when: Condition,
    /// Requirements of the same pathway that must be met before this one can be worked on.
    #[serde(default)]
    pub after: Vec<String>,
    /// Why it is met, in the candidate's terms.
    pub met: String,
    /// Why it is not met yet.
    pub unmet: String,
    /// The concrete next step when it is not met.
    pub action: String,
    /// The sentence this requirement rests on.
    pub source: Citation,
}

/// Advice shown when its condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// The pathway it belongs to; general advice when absent.
    #[serde(default)]
    pub pathway: Option<String>,
    /// Short heading.
    pub title: String,
    /// The advice itself.
    pub text: String,
    /// Bullet points, when the source gives a list.
    #[serde(default)]
    pub points: Vec<String>,
    /// When it applies; always when absent.
    #[serde(default)]
    pub when: Option<Condition>,
    /// The sentence it rests on.
    pub source: Citation,
}

impl Definition {
    /// Parses a definition from JSON and validates it.
    ///
    /// Parse errors name the path inside the document (`questions[4].type`);
    /// validation problems are all collected, not just the first.
    pub fn from_json(text: &str) -> Result<Self, DefinitionError> {
        let definition = parse(text)?;
        definition.validate()?;
        Ok(definition)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The pathway with this id.
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }
}

/// Natively (the `icp-check` command) errors carry the path inside the document.
#[cfg(not(target_arch = "wasm32"))]
fn parse(text: &str) -> Result<Definition, DefinitionError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de)
        .map_err(|e| DefinitionError::Parse { path: e.path().to_string(), message: e.inner().to_string() })
}

/// In the widget, serde_json's own line and column: path tracking would
/// double the deserialization code in the wasm bundle for little gain there.
#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<Definition, DefinitionError> {
    serde_json::from_str(text).map_err(|e| DefinitionError::Parse { path: String::new(), message: e.to_string() })
}

impl QuestionKind {
    /// The options of a choice question; empty for the others.
    pub fn options(&self) -> &[Choice] {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multi { options } => options,
            _ => &[],
        }
    }
}

impl Question {
    /// The label of an option of this question, if it has one with that id.
    pub fn option_label(&self, id: &str) -> Option<&str> {
        self.kind.options().iter().find(|o| o.id == id).map(|o| o.label.as_str())
    }
}
