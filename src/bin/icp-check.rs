//! `icp-check`: validates a pathway definition and, optionally, evaluates an
//! answers file against it, printing the checklist.
//!
//! ```text
//! icp-check [DEFINITION.json] [--answers ANSWERS.json]
//! ```
//! Without a definition the built-in default content is used.
// A native command: on wasm (where `cargo test --target wasm32-unknown-unknown`
// still builds every bin) it compiles to nothing.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]
use std::process::ExitCode;

use ic_pathfinder::pathway::{answers_from_json, evaluate, Answers, Definition, RequirementKind, RequirementState};

#[cfg(target_arch = "wasm32")]
fn main() {}

const USAGE: &str = "usage: icp-check [DEFINITION.json] [--answers ANSWERS.json]\n\
  Validates DEFINITION.json (default: the built-in content) and, with --answers,\n\
  prints the checklist for those answers. Exit status 0 when valid, 1 when not, 2 on usage errors.";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut definition_path = None;
    let mut answers_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--answers" | "-a" => match args.next() {
                Some(p) => answers_path = Some(p),
                None => return usage("--answers needs a file"),
            },
            a if a.starts_with('-') => return usage(&format!("unknown option {a}")),
            a if definition_path.is_none() => definition_path = Some(a.to_owned()),
            a => return usage(&format!("unexpected argument {a}")),
        }
    }

    let (name, text) = match &definition_path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => (p.clone(), t),
            Err(e) => return fail(&format!("{p}: cannot read: {e}")),
        },
        None => ("(built-in default)".to_owned(), ic_pathfinder::pathway::DEFAULT_DEFINITION_JSON.to_owned()),
    };
    let definition = match Definition::from_json(&text) {
        Ok(d) => d,
        Err(e) => {
            // Every line names the file, so errors from several files can be told apart.
            let lines = match e {
                ic_pathfinder::pathway::DefinitionError::Invalid(issues) => {
                    issues.iter().map(|i| format!("{name}: {i}")).collect::<Vec<_>>()
                }
                other => vec![format!("{name}: {other}")],
            };
            return fail(&lines.join("\n"));
        }
    };
    println!(
        "{name}: valid definition \"{}\" v{} ({} questions, {} pathways, {} advice)",
        definition.id,
        definition.version,
        definition.questions.len(),
        definition.pathways.len(),
        definition.advice.len()
    );

    let Some(answers_path) = answers_path else { return ExitCode::SUCCESS };
    let answers: Answers = match std::fs::read_to_string(&answers_path) {
        Err(e) => return fail(&format!("{answers_path}: cannot read: {e}")),
        Ok(t) => match answers_from_json(&t) {
            Ok(a) => a,
            Err(e) => return fail(&format!("{answers_path}: {e}")),
        },
    };
    for id in answers.keys() {
        if definition.question(id).is_none() {
            eprintln!("{answers_path}: warning: {id}: no such question in the definition; ignored");
        }
    }
    print!("{}", render(&definition, &answers));
    ExitCode::SUCCESS
}

fn render(definition: &Definition, answers: &Answers) -> String {
    use std::fmt::Write;
    let checklist = evaluate(definition, answers);
    let mut out = String::new();
    if !checklist.complete {
        let _ = writeln!(out, "\nNote: some questions are not answered yet; their requirements show as unknown.");
    }
    for p in &checklist.pathways {
        let _ = writeln!(out, "\n== {} [{}]", p.pathway.title, p.status.as_str());
        for r in &p.requirements {
            let mark = match r.state {
                RequirementState::Met => "[x]",
                RequirementState::Unmet => "[ ]",
                RequirementState::Unknown => "[?]",
            };
            let pref = if r.requirement.kind == RequirementKind::Preferred { " (preferred)" } else { "" };
            let _ = writeln!(out, "  {mark} {}{pref}", r.requirement.title);
            if let Some(e) = r.explanation {
                let _ = writeln!(out, "      why: {e}");
            }
            let _ = writeln!(out, "      source: {} \"{}\"", r.requirement.source.source, r.requirement.source.quote);
        }
        if !p.next_steps.is_empty() {
            let _ = writeln!(out, "  Next steps:");
            for (i, s) in p.next_steps.iter().enumerate() {
                let when = if s.ready { "now" } else { "later" };
                let _ = writeln!(out, "    {}. ({when}) {}", i + 1, s.requirement.action);
            }
        }
        for a in &p.advice {
            let _ = writeln!(out, "  Advice: {}: {}", a.title, a.text);
        }
    }
    for a in &checklist.advice {
        let _ = writeln!(out, "\nAdvice: {}: {}", a.title, a.text);
    }
    out
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("icp-check: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::FAILURE
}
