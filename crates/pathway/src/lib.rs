//! The domain core: pathway definitions, answers, and their evaluation into a
//! personalized checklist.
//!
//! Plain Rust on purpose (no yew, no web-sys): the same code runs in the
//! widget, in the native `icp-check` command and in the tests, so a rule
//! behaves identically wherever it is evaluated.
//!
//! A [`Definition`] is data: questions, pathways of requirements and advice,
//! each requirement and advice item carrying a [`Citation`] of the source
//! sentence it rests on. [`Definition::from_json`] parses and validates it;
//! [`evaluate`] turns it and a set of [`Answers`] into a [`Checklist`].
#![deny(missing_docs)]

mod answers;
mod condition;
mod definition;
mod error;
mod evaluate;
mod flow;
mod scenario;
mod schema;
mod text;
mod translation;
mod uses;
mod validate;

pub use answers::{answers_from_json, answers_to_json, Answer, Answers};
pub use condition::{Cmp, Condition, Truth};
pub use definition::{
    is_web_address, Advice, AlternativeTexts, Choice, Citation, Definition, OptionTexts, Organization, Pathway, Question, QuestionKind, QuestionType,
    RawQuestion, Requirement, RequirementKind, Source,
};
pub use error::{read, read_json, DefinitionError, Issue};
pub use evaluate::{
    evaluate, evaluate_with_ticks, pathway_status, tick_key, AdviceResult, Checklist, NextStep, PathwayResult, PathwayStatus, PlanStep, RequirementResult,
    RequirementState, Ticks,
};
pub use flow::{Flow, Part, Progress};
pub use scenario::{Expect, PathwayExpect, Said, Scenario};
pub use schema::{definition_schema, SCHEMA_FILE};
pub use text::{advice_text, number, placeholders, PLACEHOLDERS};
pub use translation::{translation_problems, TEXT_FIELDS};
pub use uses::Uses;

/// The default content: the intimacy-coordinator pathways built from the seed texts.
pub const DEFAULT_DEFINITION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default.en.json"));

/// The default content in Canadian French: the same ids and rules, translated texts.
/// The widget does not use it: it fetches `content/default.fr-CA.json` when
/// French is chosen, so English-speaking visitors do not download it.
pub const DEFAULT_DEFINITION_FR_CA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default.fr-CA.json"));

/// Parses the built-in default definition in every language it exists in, English first.
pub fn default_definitions() -> Result<Vec<Definition>, DefinitionError> {
    [DEFAULT_DEFINITION_JSON, DEFAULT_DEFINITION_FR_CA_JSON].iter().map(|t| Definition::from_json(t)).collect()
}

/// Parses the built-in default definition.
///
/// The default content is validated by the test suite, so it is not validated
/// again here; a failure to parse would be a build defect, still returned as
/// an error so the UI can show it.
pub fn default_definition() -> Result<Definition, DefinitionError> {
    Definition::from_trusted_json(DEFAULT_DEFINITION_JSON)
}
