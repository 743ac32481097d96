//! Builders shared by the large-definition tests (`tests/large.rs`) and
//! their benchmark (`benches/large.rs`), which includes this file by path.
use pathway::{Citation, Condition, Definition, Pathway, Question, Requirement, RequirementKind, Source};

/// A definition of these questions and pathways, with one source (`src`)
/// for every citation.
pub fn definition(questions: Vec<Question>, pathways: Vec<Pathway>) -> Definition {
    Definition {
        schema: None,
        id: "large".into(),
        version: 1,
        lang: "en".into(),
        title: "Large".into(),
        intro: String::new(),
        publisher: None,
        translations: Default::default(),
        organizations: Vec::new(),
        sources: vec![Source { id: "src".into(), title: "Source".into(), file: None, url: None, compared: None, taken: None }],
        questions,
        pathways,
        advice: Vec::new(),
    }
}

/// A required step met when `met_when` holds, after the steps `after`,
/// citing `src`, with no optional texts.
pub fn requirement(id: String, title: String, met_when: Condition, after: Vec<String>) -> Requirement {
    Requirement {
        id,
        title,
        kind: RequirementKind::Required,
        met_when,
        after,
        met: "Done.".into(),
        unmet: "Not done.".into(),
        action: "Do it.".into(),
        url: None,
        step: None,
        in_progress_when: None,
        in_progress: None,
        in_progress_action: None,
        per_option: Default::default(),
        alternatives: Vec::new(),
        confirm_with: None,
        confirm: None,
        confirm_action: None,
        source: Citation { source: "src".into(), quote: "Do every step in order.".into(), paraphrase: String::new() },
    }
}
