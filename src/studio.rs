//! The definition studio's entry points (`studio.html`, its own wasm, cargo
//! feature `studio`): the very checks `icp-check` makes, for the text in the
//! studio's editor, and the scenario fixture of a set of answers. The studio
//! shows the widget itself through the embed module; this wasm only checks.
use wasm_bindgen::prelude::*;

use crate::pathway::{answers_from_json, evaluate, Definition, DefinitionError, Issue, Scenario};

/// The problems `icp-check` reports for a definition's text, as JSON:
/// `[{"path": "questions[4].type", "message": "..."}]`, empty when it is valid.
/// Malformed JSON is one problem at `.` whose message says the line and column.
#[wasm_bindgen(js_name = checkDefinition)]
pub fn check_definition(text: &str) -> String {
    let issues = match Definition::from_json(text) {
        Ok(_) => Vec::new(),
        Err(DefinitionError::Invalid(issues)) => issues,
        Err(DefinitionError::Parse(issue)) => vec![issue],
    };
    let list: Vec<serde_json::Value> = issues.into_iter().map(|Issue { path, message }| serde_json::json!({ "path": path, "message": message })).collect();
    serde_json::Value::Array(list).to_string()
}

fn read(definition: &str, answers: &str) -> Result<(Definition, crate::pathway::Answers), String> {
    let definition = Definition::from_json(definition).map_err(|e| format!("the definition is not valid: {e}"))?;
    let answers = answers_from_json(answers).map_err(|e| format!("answers: {e}"))?;
    Ok((definition, answers))
}

/// Each pathway's title and status for `answers` (an answers file's JSON), as
/// JSON `[{"id", "title", "status"}]`; an error names what cannot be read.
#[wasm_bindgen(js_name = checklistStatuses)]
pub fn checklist_statuses(definition: &str, answers: &str) -> Result<String, String> {
    let (definition, answers) = read(definition, answers)?;
    let checklist = evaluate(&definition, &answers);
    let list: Vec<serde_json::Value> = checklist
        .pathways
        .iter()
        .map(|p| serde_json::json!({ "id": p.pathway.id, "title": p.pathway.title, "status": p.status.as_str() }))
        .collect();
    Ok(serde_json::Value::Array(list).to_string())
}

/// The scenario fixture `name` for `answers`: what the checklist says now,
/// pinned down (`pathway::Scenario::record`), as the file `icp-check --scenarios` runs.
#[wasm_bindgen(js_name = recordScenario)]
pub fn record_scenario(definition: &str, answers: &str, name: &str) -> Result<String, String> {
    let (definition, answers) = read(definition, answers)?;
    Ok(Scenario::record(name, &definition, answers, Default::default()).to_json())
}
