//! The definition format: the serde types an organization writes as JSON,
//! and from which the JSON Schema (`schema/definition.schema.json`) is generated.
//!
//! Every type refuses unknown fields, so a misspelt field is reported at its
//! path instead of silently ignored.
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::error::{read_json, DefinitionError};

/// A complete pathway definition: what to ask and how to judge the answers.
///
/// Equality is identity of content: same id, version and language. Content
/// is versioned, and a deep comparison on every render (the UI compares
/// props) would cost time and, in the wasm bundle, code size.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "IC Pathfinder pathway definition")]
pub struct Definition {
    /// The JSON Schema the file follows, for editors; ignored by the widget.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable id of the definition; saved progress is keyed by it.
    pub id: String,
    /// Content version; bump it when questions change meaning.
    pub version: u32,
    /// Language of the texts (BCP 47, e.g. `en`, `fr-CA`).
    #[serde(default = "english")]
    pub lang: String,
    /// Title shown at the top of the widget.
    pub title: String,
    /// Introductory paragraph on the start page.
    #[serde(default)]
    pub intro: String,
    /// Who publishes the definition, shown with the sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The same definition in other languages: language tag (`fr-CA`) to
    /// the address of its file, relative to this file or `https://`. The
    /// widget offers a language switch; each file must say the same thing
    /// as this one, only its texts translated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    /// The documents that requirements and advice cite.
    pub sources: Vec<Source>,
    /// The organizations that decide what a requirement's `confirm_with`
    /// leaves to them ("or equivalent experience"): named in the verdict
    /// ("Met if ICC agrees") instead of a plain "Met".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
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

/// A document cited by the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id used by citations.
    pub id: String,
    /// Human title of the document.
    pub title: String,
    /// The file the quotes come from, when the text is kept with the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// A public address of the document, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the rules resting on this source were compared with its text
    /// (`YYYY-MM-DD`). The results page says so, and that the organization
    /// may have changed its rules since: it is not a date of the rules.
    /// (`checked` is read as this too, its name before version 0.2.)
    #[serde(default, alias = "checked", skip_serializing_if = "Option::is_none")]
    pub compared: Option<String>,
    /// When the text was taken from its publisher, or the page read
    /// (`YYYY-MM-DD`), when known: what `icp-check --max-age` measures, and
    /// the date a paraphrase citation shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
}

/// An organization that decides a requirement (`confirm_with`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Id used by `confirm_with`.
    pub id: String,
    /// The name a candidate knows it by, short ("ICC"): it is put into
    /// sentences such as "Met if ICC agrees".
    pub name: String,
    /// Its public address, where a candidate asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where a rule or piece of advice comes from: a source, and either the
/// sentence it rests on, quoted verbatim, or for a public page what it says
/// in the author's words (a paraphrase, shown without quotation marks, with
/// the page's address and the date it was read).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of a [`Source`] of the definition.
    pub source: String,
    /// The sentence, quoted verbatim from the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// What the source says, in the author's words, for a source with a
    /// public address (`url`) whose sentences are not to be copied. A
    /// citation has a `quote` or a `paraphrase`, not both.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub paraphrase: String,
}

impl Citation {
    /// The cited words: the quotation, or the paraphrase.
    pub fn words(&self) -> &str {
        if self.quote.is_empty() {
            &self.paraphrase
        } else {
            &self.quote
        }
    }

    /// Whether the words are the author's, not the source's.
    pub fn is_paraphrase(&self) -> bool {
        self.quote.is_empty()
    }
}

/// A question put to the candidate.
///
/// Written flat, `"type"` beside the kind's own fields (`options`, or `min`,
/// `max` and `unit`); read through [`RawQuestion`], which refuses a field on
/// a kind that does not take it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id stored in answers.
    pub id: String,
    /// Label shown to the candidate.
    pub label: String,
    /// Hint shown under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// In a multiple-choice question, "none of these": selecting it clears the others.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// A route to becoming an IC, judged as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// When the pathway is open to the candidate at all; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    /// Why the pathway is not open, shown when `applies_when` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    /// When the candidate does not need this pathway (they hold what it
    /// leads to by another route): its steps leave the plan, and its card
    /// says `optional` instead of urging them on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_when: Option<Condition>,
    /// Why the pathway is optional for the candidate: what they already
    /// have, and what the pathway would still give them. Needed with `optional_when`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<String>,
    /// The requirements, in the order they are usually completed.
    pub requirements: Vec<Requirement>,
}

/// Whether a requirement must be met, or only helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    /// Must be met for the pathway to be met.
    #[default]
    Required,
    /// Helps but is not needed ("ACTRA members preferred").
    Preferred,
}

/// One thing a pathway asks of the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, unique within the pathway.
    pub id: String,
    /// Short name, e.g. "Complete IDC Level 1".
    pub title: String,
    /// Required or only preferred.
    #[serde(default, skip_serializing_if = "is_required")]
    pub kind: RequirementKind,
    /// When the requirement counts as met.
    pub met_when: Condition,
    /// Requirements of the same pathway that must be met before this one can be worked on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// Why it is met, in the candidate's terms.
    pub met: String,
    /// Why it is not met yet.
    pub unmet: String,
    /// The concrete next step when it is not met.
    pub action: String,
    /// Where to take the step: a public `https://` address, shown as a link
    /// with the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// One step shared by requirements of several pathways (the same
    /// workshop counts for two pathways, say): requirements with the same
    /// `step` id are listed once in the candidate's plan, naming every
    /// pathway it advances, and a tick on one counts for all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// When the answers say the candidate is working on it now (applied,
    /// training): then `in_progress` and `in_progress_action` are shown
    /// instead of `unmet` and `action`, so nobody is told to start what they
    /// have started. Needs both texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress_when: Option<Condition>,
    /// Why it is not met yet while in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress: Option<String>,
    /// The next step while in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress_action: Option<String>,
    /// Texts for one answer of a choice (`met_when` reads one `single`
    /// question): for the option id, what to say instead of `met`, `unmet`
    /// or `action`, so an outcome ("applied", "attended") gets its own
    /// explanation and next step.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_option: BTreeMap<String, OptionTexts>,
    /// Texts per alternative of a `met_when` that is `any` or `at_least`
    /// (in the same order): which alternative is met, and, when none is,
    /// the closest one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<AlternativeTexts>,
    /// The organization (an id of `organizations`) that decides whether
    /// the requirement is met when `met_when` holds: the candidate's own
    /// judgment ("equivalent experience") never makes it plainly met. To
    /// leave only some alternatives to the organization, set it on them
    /// (`alternatives[i].confirm_with`) instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<String>,
    /// Why it is the organization's decision, in the candidate's terms
    /// ("You say you have equivalent experience. ICC decides what counts").
    /// Needed when the requirement or one of its alternatives has `confirm_with`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm: Option<String>,
    /// The next step while it is the organization's decision ("Ask ICC
    /// whether ..."). Needed with `confirm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_action: Option<String>,
    /// The sentence this requirement rests on.
    pub source: Citation,
}

/// What a requirement says for one option of the choice it rests on. Each
/// text may use `{answer}` (the option's label).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionTexts {
    /// Instead of `met`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<String>,
    /// Instead of `unmet` (and of `in_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unmet: Option<String>,
    /// Instead of `action` (and of `in_progress_action`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// What a requirement says about one of its alternatives. Each text may use
/// `{answer}`, and for a `>=` or `>` comparison `{target}` and `{remaining}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternativeTexts {
    /// Instead of `met`, when this is the first alternative met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<String>,
    /// Instead of `unmet`, when none is met and this one, a comparison, is
    /// the closest to its target among those answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closest: Option<String>,
    /// The organization (an id of `organizations`) that decides whether
    /// this alternative counts: when it is the only one that holds, the
    /// requirement is for that organization to confirm, not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<String>,
    /// Instead of the requirement's `confirm`, when this alternative is the
    /// one left to the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm: Option<String>,
}

/// Advice shown when its condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// The pathway it belongs to; general advice when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathway: Option<String>,
    /// Short heading.
    pub title: String,
    /// The advice itself.
    pub text: String,
    /// Bullet points, when the source gives a list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    /// When it applies; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The step it is advice on starting, as `pathway_id/requirement_id`:
    /// shown only while that step is still to start (not met, not ticked,
    /// not in progress, its pathway open), so advice such as "start with
    /// Level 1" never reaches someone who has done Level 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
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

    /// Parses a definition without validating it: only for the built-in
    /// content, which the test suite validates (`tests/default_content.rs`,
    /// `tests/translations.rs`), so the widget spends neither start-up time
    /// nor bundle size checking it again. Anything from outside goes through
    /// [`Definition::from_json`].
    pub fn from_trusted_json(text: &str) -> Result<Self, DefinitionError> {
        parse(text)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// When the rules were compared with their sources' texts: the oldest
    /// `compared` date of the sources that have one (`YYYY-MM-DD`).
    pub fn rules_compared(&self) -> Option<&str> {
        self.sources.iter().filter_map(|s| s.compared.as_deref()).min()
    }

    /// The organization with this id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    /// The requirement a tick key (`pathway_id/requirement_id`) names.
    pub fn requirement_by_key(&self, key: &str) -> Option<(&Pathway, &Requirement)> {
        let (p, r) = key.split_once('/')?;
        let pathway = self.pathway(p)?;
        Some((pathway, pathway.requirements.iter().find(|x| x.id == r)?))
    }

    /// The pathway with this id.
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }
}

fn parse(text: &str) -> Result<Definition, DefinitionError> {
    read_json(text).map_err(DefinitionError::from)
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

/// Whether an address may be shown as a link: a web address (`https://`,
/// or `http://`), never `javascript:` or `data:`. Validation refuses others;
/// the widget checks again for content it does not validate (the built-in).
pub fn is_web_address(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

fn english() -> String {
    "en".to_owned()
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_required(k: &RequirementKind) -> bool {
    *k == RequirementKind::Required
}

/// The `"type"` of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// Yes or no.
    YesNo,
    /// Exactly one of the `options`.
    Single,
    /// Any number of the `options`.
    Multi,
    /// A whole number between `min` and `max`.
    Number,
}

/// A question as written: flat, every kind's fields optional. Turned into a
/// [`Question`] by `TryFrom`, which checks that each field belongs to the
/// question's `"type"`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Question")]
pub struct RawQuestion {
    /// Stable id; answers and conditions refer to it, and DOM ids derive from it.
    pub id: String,
    /// Section heading the question belongs to (for the check-answers page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The question, as a full sentence.
    pub text: String,
    /// Hint shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// What kind of answer it takes.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The options of a `single` or `multi` question, in display order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Choice>>,
    /// Smallest accepted value of a `number` question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Largest accepted value of a `number` question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Unit shown after a `number` question's field, e.g. "hours".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// When the question is asked; always when absent. May only refer to
    /// earlier questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

impl TryFrom<RawQuestion> for Question {
    type Error = String;

    fn try_from(raw: RawQuestion) -> Result<Self, String> {
        let RawQuestion { id, section, text, hint, kind, options, min, max, unit, when } = raw;
        let misplaced = |field: &str, kind: &str| format!("a {kind} question has no \"{field}\"");
        let kind = match kind {
            QuestionType::Number => {
                if options.is_some() {
                    return Err(misplaced("options", "number"));
                }
                QuestionKind::Number { min: min.ok_or("a number question needs \"min\"")?, max: max.ok_or("a number question needs \"max\"")?, unit }
            }
            _ if unit.is_some() => return Err(misplaced("unit", "choice or yes_no")),
            _ if min.is_some() || max.is_some() => return Err(misplaced("min/max", "choice or yes_no")),
            QuestionType::YesNo if options.is_some() => return Err(misplaced("options", "yes_no")),
            QuestionType::YesNo => QuestionKind::YesNo,
            single_or_multi => {
                let options = options.ok_or("a choice question needs \"options\"")?;
                if single_or_multi == QuestionType::Single {
                    QuestionKind::Single { options }
                } else {
                    QuestionKind::Multi { options }
                }
            }
        };
        Ok(Question { id, section, text, hint, kind, when })
    }
}

impl From<Question> for RawQuestion {
    fn from(q: Question) -> Self {
        let Question { id, section, text, hint, kind, when } = q;
        let (kind, options, min, max, unit) = match kind {
            QuestionKind::YesNo => (QuestionType::YesNo, None, None, None, None),
            QuestionKind::Single { options } => (QuestionType::Single, Some(options), None, None, None),
            QuestionKind::Multi { options } => (QuestionType::Multi, Some(options), None, None, None),
            QuestionKind::Number { min, max, unit } => (QuestionType::Number, None, Some(min), Some(max), unit),
        };
        RawQuestion { id, section, text, hint, kind, options, min, max, unit, when }
    }
}
