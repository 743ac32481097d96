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
    serde_json::to_string(&issues).unwrap_or_default()
}

fn read(definition: &str, answers: &str) -> Result<(Definition, crate::pathway::Answers), String> {
    let definition = Definition::from_json(definition).map_err(|e| format!("the definition is not valid: {e}"))?;
    let answers = answers_from_json(answers).map_err(|e| format!("answers: {e}"))?;
    Ok((definition, answers))
}

/// Each pathway's title and status for `answers` (an answers file's JSON), as
/// JSON `[{"id", "title", "status", "confirm_with"}]` (`confirm_with`: the
/// names of the organizations that decide, for a `to_confirm` status); an
/// error names what cannot be read.
#[wasm_bindgen(js_name = checklistStatuses)]
pub fn checklist_statuses(definition: &str, answers: &str) -> Result<String, String> {
    let (definition, answers) = read(definition, answers)?;
    let checklist = evaluate(&definition, &answers);
    let list: Vec<serde_json::Value> = checklist
        .pathways
        .iter()
        .map(|p| {
            let mut who: Vec<&str> = Vec::new();
            for org in p.requirements.iter().filter_map(|r| r.confirm_with) {
                let name = definition.organization(org).map_or(org, |o| o.name.as_str());
                if !who.contains(&name) {
                    who.push(name);
                }
            }
            serde_json::json!({ "id": p.pathway.id, "title": p.pathway.title, "status": p.status.as_str(), "confirm_with": who })
        })
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

/// How `other` (another language version) differs from `main` other than in
/// its texts, as JSON `[{"path", "message"}]`: the parity rule of the
/// project's own content test and of `icp-check` (`pathway::translation_problems`),
/// each difference at its path in `other`, an id in one and not the other
/// included. Text that is not JSON is one problem at `.`.
#[wasm_bindgen(js_name = translationProblems)]
pub fn translation_problems(main: &str, other: &str) -> String {
    let issues = match (serde_json::from_str::<serde_json::Value>(main), serde_json::from_str::<serde_json::Value>(other)) {
        (Ok(main), Ok(other)) => {
            let listed = other.get("lang").and_then(|l| l.as_str()).unwrap_or_default().to_owned();
            crate::pathway::translation_problems(&main, &other, &listed)
        }
        (Err(e), _) => vec![Issue { path: ".".into(), message: format!("the definition is not JSON: {e}") }],
        (_, Err(e)) => vec![Issue { path: ".".into(), message: format!("{e}") }],
    };
    serde_json::to_string(&issues).unwrap_or_default()
}

/// The answers given in the preview (the widget's own record in this tab,
/// under the studio's `storage_key`) for the definition `definition_id`, as
/// an answers file's JSON; none when it holds none.
#[wasm_bindgen(js_name = previewAnswers)]
pub fn preview_answers(storage_key: &str, definition_id: &str) -> Option<String> {
    use crate::ui::storage::{Saved, StorageMode, Store};
    let record = Store::open_in(storage_key, definition_id, StorageMode::Session).read()?;
    let saved = Saved::decode(&record).ok()?;
    (!saved.answers.is_empty()).then(|| crate::pathway::answers_to_json(&saved.answers))
}
