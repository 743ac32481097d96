//! The committed JSON Schema (`schema/definition.schema.json`) is the one the
//! serde types generate, and every content file and example follows it.
//!
//! After changing the format: `UPDATE_SCHEMA=1 cargo test -p pathway --test schema`
//! (or `cargo run -p icp-check -- --schema > schema/definition.schema.json`).
use std::path::{Path, PathBuf};

use pathway::{definition_schema, Definition, SCHEMA_FILE};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

/// Every definition the repository ships: the content and the examples.
fn definition_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("content/default.en.json"), root().join("content/default.fr-CA.json")];
    for dir in ["examples/definitions", "examples/embed"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // Answers files, and the deliberately broken examples, are not definitions.
            let broken = ["invalid.json", "not-json.json"].contains(&name.as_str());
            if name.ends_with(".json") && !name.ends_with(".answers.json") && !broken {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_committed_schema_is_the_one_the_types_generate() {
    let path = root().join(SCHEMA_FILE);
    let generated = definition_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{SCHEMA_FILE} is stale: run `UPDATE_SCHEMA=1 cargo test -p pathway --test schema` and commit it");
}

#[test]
fn every_content_file_and_example_follows_the_schema_and_names_it() {
    let schema: Value = serde_json::from_str(&definition_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the generated schema is a valid JSON Schema");
    let files = definition_files();
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let problems: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(problems.is_empty(), "{}:\n{}", file.display(), problems.join("\n"));
        let named = doc["$schema"].as_str().unwrap_or_default();
        assert!(named.ends_with(SCHEMA_FILE), "{} names no \"$schema\" ending in {SCHEMA_FILE}: {named:?}", file.display());
        let resolved = file.parent().unwrap().join(named);
        assert!(resolved.exists(), "{}: \"$schema\" {named} does not resolve to the schema", file.display());
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let schema: Value = serde_json::from_str(&definition_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let text = std::fs::read_to_string(root().join("examples/definitions/small.json")).unwrap();
    let good: Value = serde_json::from_str(&text).unwrap();
    assert!(validator.is_valid(&good));
    for (pointer, bad) in [("/questions/0/colour", Value::from("red")), ("/questions/0/type", Value::from("slider")), ("/version", Value::from("one"))] {
        let mut doc = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), bad.clone());
        assert!(!validator.is_valid(&doc), "the schema lets {pointer} = {bad} through");
        assert!(Definition::from_json(&doc.to_string()).is_err(), "the reader lets {pointer} = {bad} through");
    }
}
