//! Builders shared by the large-definition tests (`tests/large.rs`) and
//! their benchmark (`benches/large.rs`), which includes this file by path.
use pathway::{Definition, Pathway, Question, Source};

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
        sources: vec![Source { id: "src".into(), title: "Source".into(), file: None, url: None, checked: None }],
        questions,
        pathways,
        advice: Vec::new(),
    }
}
