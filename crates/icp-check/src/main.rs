//! `icp-check`: validates a pathway definition and, optionally, evaluates an
//! answers file against it, printing the checklist, as text for people or as
//! JSON (`--format json`) for an organization's own CI.
//!
//! ```text
//! icp-check [DEFINITION.json] [--answers ANSWERS.json] [--format text|json]
//! icp-check --schema
//! ```
//! Without a definition the built-in default content is used.
use std::process::ExitCode;

use pathway::{
    answers_from_json, definition_schema, evaluate, Answers, Checklist, Definition, DefinitionError, Issue,
    RequirementKind, RequirementState,
};
use serde::Serialize;

const USAGE: &str = "usage: icp-check [DEFINITION.json] [--answers ANSWERS.json] [--format text|json]\n\
       icp-check --schema\n\
  Validates DEFINITION.json (default: the built-in content) and, with --answers,\n\
  prints the checklist for those answers. --format json prints one JSON report on stdout.\n\
  --schema prints the JSON Schema of the definition format.\n\
  Exit status 0 when valid, 1 when not, 2 on usage errors.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
}

struct Args {
    definition: Option<String>,
    answers: Option<String>,
    format: Format,
}

enum Command {
    Check(Args),
    Schema,
    Help,
}

fn parse_args() -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args { definition: None, answers: None, format: Format::Text };
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("schema") => return Ok(Command::Schema),
            Short('a') | Long("answers") => args.answers = Some(parser.value()?.string()?),
            Long("format") => {
                args.format = match parser.value()?.string()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("--format takes text or json, not {other}").into()),
                }
            }
            Value(v) if args.definition.is_none() => args.definition = Some(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Command::Check(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Command::Check(args)) => args,
        Ok(Command::Schema) => {
            print!("{}", definition_schema());
            return ExitCode::SUCCESS;
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("icp-check: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let report = check(&args);
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        Format::Text => print_text(&report),
    }
    if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Everything one run found, in the shape `--format json` prints.
#[derive(Serialize)]
struct Report {
    /// The definition file, or `(built-in default)`.
    file: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<Summary>,
    /// Problems that make the definition (or the answers file) unusable, each at its path.
    problems: Vec<Problem>,
    /// Answers to questions the definition does not have: ignored.
    warnings: Vec<Problem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checklist: Option<ChecklistReport>,
    /// The checklist as text, for the text format.
    #[serde(skip)]
    text: String,
}

#[derive(Serialize)]
struct Summary {
    id: String,
    version: u32,
    lang: String,
    questions: usize,
    pathways: usize,
    advice: usize,
}

#[derive(Serialize)]
struct Problem {
    file: String,
    path: String,
    message: String,
}

#[derive(Serialize)]
struct ChecklistReport {
    complete: bool,
    pathways: Vec<PathwayReport>,
    advice: Vec<String>,
}

#[derive(Serialize)]
struct PathwayReport {
    id: String,
    status: &'static str,
    requirements: Vec<RequirementReport>,
    next_steps: Vec<StepReport>,
    advice: Vec<String>,
}

#[derive(Serialize)]
struct RequirementReport {
    id: String,
    state: &'static str,
    preferred: bool,
}

#[derive(Serialize)]
struct StepReport {
    requirement: String,
    ready: bool,
}

fn problem(file: &str, Issue { path, message }: Issue) -> Problem {
    Problem { file: file.to_owned(), path, message }
}

fn check(args: &Args) -> Report {
    let mut report = Report {
        file: args.definition.clone().unwrap_or_else(|| "(built-in default)".to_owned()),
        valid: false,
        definition: None,
        problems: Vec::new(),
        warnings: Vec::new(),
        checklist: None,
        text: String::new(),
    };
    let name = report.file.clone();
    let text = match &args.definition {
        None => pathway::DEFAULT_DEFINITION_JSON.to_owned(),
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                report.problems.push(Problem { file: name, path: ".".into(), message: format!("cannot read: {e}") });
                return report;
            }
        },
    };
    let definition = match Definition::from_json(&text) {
        Ok(d) => d,
        Err(DefinitionError::Invalid(issues)) => {
            report.problems.extend(issues.into_iter().map(|i| problem(&name, i)));
            return report;
        }
        Err(DefinitionError::Parse(Issue { path, message })) => {
            report.problems.push(problem(&name, Issue { path, message }));
            return report;
        }
    };
    report.definition = Some(Summary {
        id: definition.id.clone(),
        version: definition.version,
        lang: definition.lang.clone(),
        questions: definition.questions.len(),
        pathways: definition.pathways.len(),
        advice: definition.advice.len(),
    });
    let Some(answers_path) = &args.answers else {
        report.valid = true;
        return report;
    };
    let answers: Answers = match std::fs::read_to_string(answers_path) {
        Err(e) => {
            report.problems.push(Problem { file: answers_path.clone(), path: ".".into(), message: format!("cannot read: {e}") });
            return report;
        }
        Ok(t) => match answers_from_json(&t) {
            Ok(a) => a,
            Err(issue) => {
                report.problems.push(problem(answers_path, issue));
                return report;
            }
        },
    };
    for id in answers.keys().filter(|id| definition.question(id).is_none()) {
        let message = "no such question in the definition; ignored".to_owned();
        report.warnings.push(Problem { file: answers_path.clone(), path: id.clone(), message });
    }
    let checklist = evaluate(&definition, &answers);
    report.text = render(&checklist);
    report.checklist = Some(checklist_report(&checklist));
    report.valid = true;
    report
}

fn checklist_report(checklist: &Checklist) -> ChecklistReport {
    ChecklistReport {
        complete: checklist.complete,
        pathways: checklist
            .pathways
            .iter()
            .map(|p| PathwayReport {
                id: p.pathway.id.clone(),
                status: p.status.as_str(),
                requirements: p
                    .requirements
                    .iter()
                    .map(|r| RequirementReport {
                        id: r.requirement.id.clone(),
                        state: r.state.as_str(),
                        preferred: r.requirement.kind == RequirementKind::Preferred,
                    })
                    .collect(),
                next_steps: p
                    .next_steps
                    .iter()
                    .map(|s| StepReport { requirement: s.requirement.id.clone(), ready: s.ready })
                    .collect(),
                advice: p.advice.iter().map(|a| a.id.clone()).collect(),
            })
            .collect(),
        advice: checklist.advice.iter().map(|a| a.id.clone()).collect(),
    }
}

fn print_text(report: &Report) {
    // Every line names the file, so errors from several files can be told apart.
    for p in &report.problems {
        if p.path == "." {
            eprintln!("{}: {}", p.file, p.message);
        } else {
            eprintln!("{}: {}: {}", p.file, p.path, p.message);
        }
    }
    if let Some(d) = &report.definition {
        println!(
            "{}: valid definition \"{}\" v{} ({} questions, {} pathways, {} advice)",
            report.file, d.id, d.version, d.questions, d.pathways, d.advice
        );
    }
    for w in &report.warnings {
        eprintln!("{}: warning: {}: {}", w.file, w.path, w.message);
    }
    print!("{}", report.text);
}

fn render(checklist: &Checklist) -> String {
    use std::fmt::Write;
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
                let _ = writeln!(out, "    {}. ({when}) {}", i + 1, s.action());
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

