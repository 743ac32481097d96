//! The JSON Schema of the definition format, generated from the serde types
//! themselves so that it cannot drift from what the widget reads. Committed
//! as `schema/definition.schema.json`; a test fails when that file is stale.
use super::definition::Definition;

/// The address content files put in `"$schema"`, relative to the repository.
pub const SCHEMA_FILE: &str = "schema/definition.schema.json";

/// The JSON Schema of a definition file, pretty-printed, with a final newline.
pub fn definition_schema() -> String {
    let schema = schemars::schema_for!(Definition);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
