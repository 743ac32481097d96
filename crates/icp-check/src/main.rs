//! `icp-check`: validates a pathway definition and, optionally, evaluates an
//! answers file against it, printing the checklist, as text for people or as
//! JSON (`--format json`) for an organization's own CI.
//!
//! ```text
//! icp-check [DEFINITION.json] [--answers ANSWERS.json] [--scenarios DIR] [--format text|json] [--max-age MONTHS]
//! icp-check --schema
//! ```
//! `--scenarios DIR` runs every scenario fixture (`*.json`) in DIR against the
//! definition, as the project's own are run (`pathway::Scenario`), and reports
//! each as passed or failed with what differs; one failure makes the exit status 1.
//! A source whose text was taken (`taken`) more than `--max-age` months ago
//! (12 by default) is warned about: the organization may have changed its
//! rules since. The date the rules were compared with the text (`compared`)
//! says nothing of that, so it is not what is measured.
//! Without a definition the built-in default content is used.
use std::process::ExitCode;

use pathway::{
    answers_from_json, definition_schema, evaluate, Answers, Checklist, Definition, DefinitionError, Issue, RequirementKind, RequirementState, Scenario,
};
use serde::Serialize;

const USAGE: &str = "usage: icp-check [DEFINITION.json] [--answers ANSWERS.json] [--scenarios DIR] [--format text|json] [--max-age MONTHS]\n\
       icp-check --schema\n\
  Validates DEFINITION.json (default: the built-in content), and the other language\n\
  versions it lists in \"translations\" (same ids and rules, texts translated), and, with --answers,\n\
  prints the checklist for those answers. --scenarios DIR runs every scenario fixture (*.json)\n\
  in DIR against the definition and reports each as passed or failed, with what differs.\n\
  --format json prints one JSON report on stdout.\n\
  Warns about sources whose text was taken more than --max-age months ago (default 12).\n\
  --schema prints the JSON Schema of the definition format.\n\
  Exit status 0 when valid (and every scenario passes), 1 when not, 2 on usage errors.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
}

struct Args {
    definition: Option<String>,
    answers: Option<String>,
    /// A folder of scenario fixtures to run.
    scenarios: Option<String>,
    format: Format,
    /// Months after which a source's `taken` date is stale.
    max_age: u32,
    /// Today, for the age of taken dates (`--today`, for tests).
    today: time::Date,
}

enum Command {
    Check(Args),
    Schema,
    Help,
}

fn parse_args() -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args { definition: None, answers: None, scenarios: None, format: Format::Text, max_age: 12, today: time::OffsetDateTime::now_utc().date() };
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("schema") => return Ok(Command::Schema),
            Short('a') | Long("answers") => args.answers = Some(parser.value()?.string()?),
            Long("scenarios") => args.scenarios = Some(parser.value()?.string()?),
            Long("format") => {
                args.format = match parser.value()?.string()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("--format takes text or json, not {other}").into()),
                }
            }
            Long("max-age") => args.max_age = parser.value()?.parse()?,
            Long("today") => {
                let value = parser.value()?.string()?;
                args.today = parse_date(&value).ok_or_else(|| format!("--today takes a date written YYYY-MM-DD, not {value}"))?;
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
    /// With `--scenarios`: each fixture, passed or failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    scenarios: Option<Vec<ScenarioReport>>,
    /// The checklist as text, for the text format.
    #[serde(skip)]
    text: String,
}

/// One scenario fixture's run.
#[derive(Serialize)]
struct ScenarioReport {
    file: String,
    /// Its name; empty when the file is not a scenario fixture.
    name: String,
    passed: bool,
    /// What differs from what it expects (or why it cannot be read), one sentence each.
    differences: Vec<String>,
}

#[derive(Serialize)]
struct Summary {
    id: String,
    version: u32,
    lang: String,
    questions: usize,
    pathways: usize,
    advice: usize,
    /// The other languages it is checked in (its `translations`).
    translations: Vec<String>,
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

fn parse_date(text: &str) -> Option<time::Date> {
    time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The date `months` months before `date`, on the same day or the last day
/// of a shorter month.
fn months_before(date: time::Date, months: u32) -> time::Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 - months as i32;
    let (year, month) = (total.div_euclid(12), time::Month::try_from(total.rem_euclid(12) as u8 + 1).unwrap_or(time::Month::January));
    let day = date.day().min(month.length(year));
    time::Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// Warnings for sources whose text was taken longer ago than `max_age` months.
fn stale_sources(definition: &Definition, file: &str, today: time::Date, max_age: u32) -> Vec<Problem> {
    let limit = months_before(today, max_age);
    definition
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.taken.as_deref()?)))
        .filter_map(|(i, taken)| Some((i, taken, parse_date(taken)?)))
        .filter(|(_, _, date)| *date < limit)
        .map(|(i, taken, _)| Problem {
            file: file.to_owned(),
            path: format!("sources[{i}].taken"),
            message: format!("text taken on {taken}, more than {max_age} months ago: the organization may have changed its rules since; compare them with its current text, then update taken and compared"),
        })
        .collect()
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
        scenarios: None,
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
    report.warnings.extend(stale_sources(&definition, &name, args.today, args.max_age));
    // The other language versions, for the texts a scenario expects in French.
    let mut translations = Vec::new();
    match &args.definition {
        Some(path) => {
            let (problems, warnings, read) = check_translations(&definition, &text, std::path::Path::new(path), args);
            report.warnings.extend(warnings);
            if !problems.is_empty() {
                report.problems = problems;
                return report;
            }
            translations = read;
        }
        None => translations.extend(pathway::default_definitions().unwrap_or_default().into_iter().skip(1)),
    }
    report.definition = Some(Summary {
        id: definition.id.clone(),
        version: definition.version,
        lang: definition.lang.clone(),
        questions: definition.questions.len(),
        pathways: definition.pathways.len(),
        advice: definition.advice.len(),
        translations: definition.translations.keys().cloned().collect(),
    });
    if let Some(dir) = &args.scenarios {
        match run_scenarios(std::path::Path::new(dir), &definition, &translations) {
            Ok(runs) => report.scenarios = Some(runs),
            Err(message) => {
                report.problems.push(Problem { file: dir.clone(), path: ".".into(), message });
                return report;
            }
        }
    }
    let scenarios_pass = report.scenarios.iter().flatten().all(|s| s.passed);
    let Some(answers_path) = &args.answers else {
        report.valid = scenarios_pass;
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
    report.valid = scenarios_pass;
    report
}

/// Runs every scenario fixture (`*.json`, in name order) of `dir` against the
/// definition; an error when the folder cannot be read or holds none.
fn run_scenarios(dir: &std::path::Path, definition: &Definition, translations: &[Definition]) -> Result<Vec<ScenarioReport>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read the scenarios folder: {e}"))?;
    let mut paths: Vec<std::path::PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    paths.sort();
    if paths.is_empty() {
        return Err("holds no scenario fixture (*.json)".to_owned());
    }
    Ok(paths
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            let read = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"));
            match read.and_then(|text| Scenario::from_json(&text).map_err(|i| format!("not a scenario fixture: {i}"))) {
                Ok(scenario) => {
                    let differences = scenario.differences(definition, translations);
                    ScenarioReport { file, name: scenario.name, passed: differences.is_empty(), differences }
                }
                Err(message) => ScenarioReport { file, name: String::new(), passed: false, differences: vec![message] },
            }
        })
        .collect())
}

/// Each file named in `translations` (beside the definition): readable, a
/// valid definition, and saying the same thing as the definition, only its
/// texts translated (the widget refuses to switch to it otherwise). Web
/// addresses are not fetched: a warning says so. Returns problems and warnings.
fn check_translations(definition: &Definition, text: &str, path: &std::path::Path, args: &Args) -> (Vec<Problem>, Vec<Problem>, Vec<Definition>) {
    let (mut problems, mut warnings, mut read) = (Vec::new(), Vec::new(), Vec::new());
    let main: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => return (problems, warnings, read),
    };
    let name = path.display().to_string();
    for (lang, file) in &definition.translations {
        if pathway::is_web_address(file) {
            let message = format!("{file} is not checked: icp-check reads files only; check a copy of it");
            warnings.push(Problem { file: name.clone(), path: format!("translations.{lang}"), message });
            continue;
        }
        let other_path = path.parent().unwrap_or(std::path::Path::new("")).join(file);
        let other_name = other_path.display().to_string();
        let other_text = match std::fs::read_to_string(&other_path) {
            Ok(t) => t,
            Err(e) => {
                let message = format!("the {lang} version {other_name} cannot be read: {e}");
                problems.push(Problem { file: name.clone(), path: format!("translations.{lang}"), message });
                continue;
            }
        };
        let other = match Definition::from_json(&other_text) {
            Ok(d) => d,
            Err(DefinitionError::Invalid(issues)) => {
                problems.extend(issues.into_iter().map(|i| problem(&other_name, i)));
                continue;
            }
            Err(DefinitionError::Parse(issue)) => {
                problems.push(problem(&other_name, issue));
                continue;
            }
        };
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&other_text) {
            problems.extend(pathway::translation_problems(&main, &value, lang).into_iter().map(|i| problem(&other_name, i)));
        }
        warnings.extend(stale_sources(&other, &other_name, args.today, args.max_age));
        read.push(other);
    }
    (problems, warnings, read)
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
                next_steps: p.next_steps.iter().map(|s| StepReport { requirement: s.requirement.id.clone(), ready: s.ready }).collect(),
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
        let also = if d.translations.is_empty() { String::new() } else { format!(", also in {}", d.translations.join(", ")) };
        println!(
            "{}: valid definition \"{}\" v{} ({} questions, {} pathways, {} advice){also}",
            report.file, d.id, d.version, d.questions, d.pathways, d.advice
        );
    }
    for w in &report.warnings {
        eprintln!("{}: warning: {}: {}", w.file, w.path, w.message);
    }
    if let Some(runs) = &report.scenarios {
        for run in runs {
            println!("{} {}: {}", if run.passed { "passed" } else { "FAILED" }, run.file, run.name);
            for d in &run.differences {
                println!("    {d}");
            }
        }
        let failed = runs.iter().filter(|r| !r.passed).count();
        println!("{} scenarios: {} passed, {failed} failed", runs.len(), runs.len() - failed);
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
                RequirementState::ToConfirm => "[~]",
            };
            let pref = if r.requirement.kind == RequirementKind::Preferred { " (preferred)" } else { "" };
            let _ = writeln!(out, "  {mark} {}{pref}", r.requirement.title);
            if let Some(org) = r.confirm_with {
                let _ = writeln!(out, "      for {org} to confirm");
            }
            if let Some(e) = &r.explanation {
                let _ = writeln!(out, "      why: {e}");
            }
            let c = &r.requirement.source;
            if c.is_paraphrase() {
                let _ = writeln!(out, "      source: {} (paraphrased) {}", c.source, c.words());
            } else {
                let _ = writeln!(out, "      source: {} \"{}\"", c.source, c.words());
            }
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
