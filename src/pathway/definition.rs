use super::condition::Condition;
use super::error::DefinitionError;
use super::json::{variant, Fields, FromJson, Json, Path, ReadError};

/// A complete pathway definition: what to ask and how to judge the answers.
///
/// Equality is identity of content: same id, version and language. Content
/// is versioned, and a deep comparison on every render (the UI compares
/// props) would cost time and, in the wasm bundle, code size.
#[derive(Debug, Clone)]
pub struct Definition {
    /// Stable id of the definition; saved progress is keyed by it.
    pub id: String,
    /// Content version; bump it when questions change meaning.
    pub version: u32,
    /// Language of the texts (BCP 47, e.g. `en`, `fr-CA`).
    pub lang: String,
    /// Title shown at the top of the widget.
    pub title: String,
    /// Introductory paragraph on the start page.
    pub intro: String,
    /// Who publishes the definition, shown with the sources.
    pub publisher: Option<String>,
    /// The documents that requirements and advice cite.
    pub sources: Vec<Source>,
    /// Questions in the order they are asked.
    pub questions: Vec<Question>,
    /// The pathways the candidate is assessed against.
    pub pathways: Vec<Pathway>,
    /// Advice shown when its condition holds.
    pub advice: Vec<Advice>,
}

impl PartialEq for Definition {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.version == other.version && self.lang == other.lang
    }
}

/// A document cited by the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Id used by citations.
    pub id: String,
    /// Human title of the document.
    pub title: String,
    /// The file the quotes come from, when the text is kept with the content.
    pub file: Option<String>,
    /// A public address of the document, if there is one.
    pub url: Option<String>,
}

/// Where a rule or piece of advice comes from: a source and the sentence it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Id of a [`Source`] of the definition.
    pub source: String,
    /// The sentence, quoted verbatim from the source.
    pub quote: String,
}

/// A question put to the candidate.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stable id stored in answers.
    pub id: String,
    /// Label shown to the candidate.
    pub label: String,
    /// Hint shown under the label.
    pub hint: Option<String>,
    /// In a multiple-choice question, "none of these": selecting it clears the others.
    pub exclusive: bool,
}

/// A route to becoming an IC, judged as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Pathway {
    /// Stable id.
    pub id: String,
    /// Name of the pathway.
    pub title: String,
    /// One or two sentences on what it is.
    pub summary: String,
    /// What meeting every requirement gets the candidate.
    pub goal: Option<String>,
    /// When the pathway is open to the candidate at all; always when absent.
    pub applies_when: Option<Condition>,
    /// Why the pathway is not open, shown when `applies_when` is false.
    pub not_applicable: Option<String>,
    /// The requirements, in the order they are usually completed.
    pub requirements: Vec<Requirement>,
}

/// Whether a requirement must be met, or only helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RequirementKind {
    /// Must be met for the pathway to be met.
    #[default]
    Required,
    /// Helps but is not needed ("ACTRA members preferred").
    Preferred,
}

/// One thing a pathway asks of the candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// Stable id, unique within the pathway.
    pub id: String,
    /// Short name, e.g. "Complete IDC Level 1".
    pub title: String,
    /// Required or only preferred.
    pub kind: RequirementKind,
    /// When the requirement counts as met.
    pub met_when: Condition,
    /// Requirements of the same pathway that must be met before this one can be worked on.
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
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// The pathway it belongs to; general advice when absent.
    pub pathway: Option<String>,
    /// Short heading.
    pub title: String,
    /// The advice itself.
    pub text: String,
    /// Bullet points, when the source gives a list.
    pub points: Vec<String>,
    /// When it applies; always when absent.
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

    /// The pathway with this id.
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }
}

fn parse(text: &str) -> Result<Definition, DefinitionError> {
    super::json::from_str(text).map_err(|ReadError { path, message }| DefinitionError::Parse { path, message })
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

// Reading the format. Field lists double as the allowed fields: anything else
// is refused, so a misspelt field is reported instead of silently ignored.

impl FromJson for Definition {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let fields = ["id", "version", "lang", "title", "intro", "publisher", "sources", "questions", "pathways", "advice"];
        let mut f = Fields::open(v, at, &fields)?;
        Ok(Definition {
            id: f.req("id")?,
            version: f.req("version")?,
            lang: f.opt("lang")?.unwrap_or_else(|| "en".to_owned()),
            title: f.req("title")?,
            intro: f.or_default("intro")?,
            publisher: f.opt("publisher")?,
            sources: f.req("sources")?,
            questions: f.req("questions")?,
            pathways: f.req("pathways")?,
            advice: f.or_default("advice")?,
        })
    }
}

impl FromJson for Source {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let mut f = Fields::open(v, at, &["id", "title", "file", "url"])?;
        Ok(Source { id: f.req("id")?, title: f.req("title")?, file: f.opt("file")?, url: f.opt("url")? })
    }
}

impl FromJson for Citation {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let mut f = Fields::open(v, at, &["source", "quote"])?;
        Ok(Citation { source: f.req("source")?, quote: f.req("quote")? })
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    YesNo,
    Single,
    Multi,
    Number,
}

// A question is written flat: `"type"` beside the kind's own fields, each
// of which is refused on the kinds that do not take it.
impl FromJson for Question {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let fields = ["id", "section", "text", "hint", "type", "options", "min", "max", "unit", "when"];
        let mut f = Fields::open(v, at, &fields)?;
        let id = f.req("id")?;
        let section = f.opt("section")?;
        let text = f.req("text")?;
        let hint = f.opt("hint")?;
        let kind = match f.take_raw("type") {
            Some(t) => variant(t, at.key("type"), &[("yes_no", Kind::YesNo), ("single", Kind::Single), ("multi", Kind::Multi), ("number", Kind::Number)])?,
            None => return Err(at.error("missing field `type`")),
        };
        let options: Option<Vec<Choice>> = f.opt("options")?;
        let (min, max, unit) = (f.opt::<i64>("min")?, f.opt::<i64>("max")?, f.opt::<String>("unit")?);
        let when = f.opt("when")?;
        let misplaced = |field: &str, kind: &str| at.error(format!("a {kind} question has no \"{field}\""));
        let kind = match kind {
            Kind::Number => {
                if options.is_some() {
                    return Err(misplaced("options", "number"));
                }
                QuestionKind::Number {
                    min: min.ok_or_else(|| at.error("a number question needs \"min\""))?,
                    max: max.ok_or_else(|| at.error("a number question needs \"max\""))?,
                    unit,
                }
            }
            _ if unit.is_some() => return Err(misplaced("unit", "choice or yes_no")),
            _ if min.is_some() || max.is_some() => return Err(misplaced("min/max", "choice or yes_no")),
            Kind::YesNo if options.is_some() => return Err(misplaced("options", "yes_no")),
            Kind::YesNo => QuestionKind::YesNo,
            _ => {
                let options = options.ok_or_else(|| at.error("a choice question needs \"options\""))?;
                if kind == Kind::Single {
                    QuestionKind::Single { options }
                } else {
                    QuestionKind::Multi { options }
                }
            }
        };
        Ok(Question { id, section, text, hint, kind, when })
    }
}

impl FromJson for Choice {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let mut f = Fields::open(v, at, &["id", "label", "hint", "exclusive"])?;
        Ok(Choice { id: f.req("id")?, label: f.req("label")?, hint: f.opt("hint")?, exclusive: f.or_default("exclusive")? })
    }
}

impl FromJson for Pathway {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let fields = ["id", "title", "summary", "goal", "applies_when", "not_applicable", "requirements"];
        let mut f = Fields::open(v, at, &fields)?;
        Ok(Pathway {
            id: f.req("id")?,
            title: f.req("title")?,
            summary: f.or_default("summary")?,
            goal: f.opt("goal")?,
            applies_when: f.opt("applies_when")?,
            not_applicable: f.opt("not_applicable")?,
            requirements: f.req("requirements")?,
        })
    }
}

impl FromJson for Requirement {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let fields = ["id", "title", "kind", "met_when", "after", "met", "unmet", "action", "source"];
        let mut f = Fields::open(v, at, &fields)?;
        let id = f.req("id")?;
        let title = f.req("title")?;
        let kind = match f.take_raw("kind") {
            None => RequirementKind::Required,
            Some(k) => variant(k, at.key("kind"), &[("required", RequirementKind::Required), ("preferred", RequirementKind::Preferred)])?,
        };
        Ok(Requirement {
            id,
            title,
            kind,
            met_when: f.req("met_when")?,
            after: f.or_default("after")?,
            met: f.req("met")?,
            unmet: f.req("unmet")?,
            action: f.req("action")?,
            source: f.req("source")?,
        })
    }
}

impl FromJson for Advice {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let fields = ["id", "pathway", "title", "text", "points", "when", "source"];
        let mut f = Fields::open(v, at, &fields)?;
        Ok(Advice {
            id: f.req("id")?,
            pathway: f.opt("pathway")?,
            title: f.req("title")?,
            text: f.req("text")?,
            points: f.or_default("points")?,
            when: f.opt("when")?,
            source: f.req("source")?,
        })
    }
}
