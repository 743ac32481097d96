//! Validation of a parsed definition: ids, texts, references, bounds,
//! reachability, the `after` order of requirements, and the size limits
//! (docs/definition-format.md, "Validation rules" and "Limits").
//!
//! Every problem is collected as an [`Issue`] located by its path, so an
//! author fixes a definition in one pass. The work is linear in the size of
//! the definition, whatever that size: references resolve through maps built
//! once (question and option ids, source ids, each pathway's requirement
//! ids), the `after` graph is walked without recursion, and conditions are
//! not followed deeper than the nesting limit. A definition far over the
//! limits is therefore refused as quickly as it would be read.
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

use super::answers::Answer;
use super::condition::{Cmp, Condition};
use super::definition::{Citation, Definition, Pathway, QuestionKind, Requirement};
use super::error::{DefinitionError, Issue};
use super::text::{placeholders, Subject, PLACEHOLDERS};

// The limits (docs/definition-format.md, "Limits"). Each is at least five
// times the largest of its kind in the built-in content (tests/limits.rs
// checks it). A definition at every list limit at once (20,000
// requirements, 872,500 `after` entries, 40,000 options, ...) validates in
// about a quarter of a second natively and evaluates in less
// (benches/large.rs): the lists multiply, so each is kept to what a real
// definition could use many times over, no more.

/// Longest id, in characters.
const ID_MAX: usize = 64;
/// Longest language tag (BCP 47 tags are rarely over 35).
const LANG_MAX: usize = 64;
/// Longest name: a title, a label, a section, a unit, the publisher, a source's file.
const NAME_MAX: usize = 1_000;
/// Longest sentence or paragraph: the intro, a question's text and hints,
/// a summary, met/unmet/action, a quote, advice and its points.
const TEXT_MAX: usize = 5_000;
/// Longest address: a source's `url`, `$schema`.
const ADDRESS_MAX: usize = 2_000;
/// Most other languages of one definition.
const TRANSLATIONS_MAX: usize = 20;
/// Most sources.
const SOURCES_MAX: usize = 100;
/// Most questions.
const QUESTIONS_MAX: usize = 500;
/// Most options of one question.
const OPTIONS_MAX: usize = 100;
/// Most pathways.
const PATHWAYS_MAX: usize = 100;
/// Most requirements of one pathway.
const REQUIREMENTS_MAX: usize = 200;
/// Most entries in one requirement's `after`.
const AFTER_MAX: usize = 50;
/// Most advice items.
const ADVICE_MAX: usize = 500;
/// Most points of one advice item.
const POINTS_MAX: usize = 50;
/// Most conditions in one `all`, `any` or `at_least.of`.
const CONDITIONS_MAX: usize = 100;
/// Most option ids in one `one_of.values` or `equals.value`.
const VALUES_MAX: usize = 100;
/// Deepest nesting of conditions: the condition of a `when` is level 1.
const DEPTH_MAX: usize = 32;

/// Collects issues with their paths; validation reports all of them at once
/// so an author fixes a definition in one pass.
struct Checker<'d> {
    issues: Vec<Issue>,
    def: &'d Definition,
    /// Question id -> position (first occurrence), so references resolve in
    /// constant time even in very large definitions.
    positions: HashMap<&'d str, usize>,
    /// The option ids of each question, for the same reason.
    options: Vec<HashSet<&'d str>>,
    /// The source ids.
    sources: HashSet<&'d str>,
    /// Whether each question can ever be asked.
    reachable: Vec<bool>,
    /// Shared step ids with the pathway of each requirement that has one.
    steps: HashSet<(&'d str, &'d str)>,
}

impl Definition {
    /// Checks ids, texts, references, bounds, reachability, cycles and sizes.
    pub fn validate(&self) -> Result<(), DefinitionError> {
        let mut c = Checker {
            issues: Vec::new(),
            def: self,
            positions: HashMap::with_capacity(self.questions.len()),
            options: Vec::with_capacity(self.questions.len()),
            sources: self.sources.iter().map(|s| s.id.as_str()).collect(),
            reachable: Vec::with_capacity(self.questions.len()),
            steps: HashSet::new(),
        };
        c.run();
        if c.issues.is_empty() {
            Ok(())
        } else {
            Err(DefinitionError::Invalid(c.issues))
        }
    }
}

/// An address with no scheme (`our-course.fr-CA.json`, `../fr/course.json`):
/// no `:` before the first `/`, `?` or `#`, and not `//host`.
fn is_relative_address(url: &str) -> bool {
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    !url.is_empty() && !head.contains(':') && !url.starts_with("//") && !url.contains('\\')
}

/// The year, month and day of a date written `YYYY-MM-DD`, if it is one
/// (months of their length, February 29 in leap years only).
pub(crate) fn date_parts(date: &str) -> Option<(u32, u32, u32)> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| date.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m).then_some(())?;
    (1..=days[m as usize - 1]).contains(&d).then_some((y, m, d))
}

fn id_ok(id: &str) -> bool {
    // Ids become DOM ids and storage keys: keep them to a safe alphabet.
    !id.is_empty()
        && id.len() <= ID_MAX
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

/// The number of characters of a text longer than `max` characters.
fn too_long(text: &str, max: usize) -> Option<usize> {
    // A text of at most `max` bytes has at most `max` characters: no need to count.
    if text.len() <= max {
        return None;
    }
    Some(text.chars().count()).filter(|&n| n > max)
}

/// An id or reference as messages show it: whole up to the longest valid
/// id, cut short beyond (a message quoting a megabyte-long word would be as
/// hard to show as the word itself).
fn short(id: &str) -> Cow<'_, str> {
    match id.char_indices().nth(ID_MAX) {
        None => Cow::Borrowed(id),
        Some((end, _)) => Cow::Owned(format!("{}…", &id[..end])),
    }
}

/// An id or reference quoted for a message: `"l2_count"`, or for one longer
/// than any valid id, `"l2_count…" (70 characters)`.
fn quoted(id: &str) -> String {
    match too_long(id, ID_MAX) {
        None => format!("\"{id}\""),
        Some(n) => format!("\"{}\" ({n} characters)", short(id)),
    }
}

impl<'d> Checker<'d> {
    fn issue(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue { path: path.into(), message: message.into() });
    }

    fn id(&mut self, path: &str, id: &'d str, seen: &mut HashSet<&'d str>, what: &str) {
        if !id_ok(id) {
            self.issue(
                format!("{path}.id"),
                format!("{what} id {} must start with a lowercase letter and use only a-z, 0-9, _ and - (at most {ID_MAX})", quoted(id)),
            );
        }
        if !seen.insert(id) {
            self.issue(format!("{path}.id"), format!("duplicate {what} id {}", quoted(id)));
        }
    }

    /// A text that must not be empty, at most `max` characters long.
    fn text(&mut self, path: fmt::Arguments<'_>, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.issue(path.to_string(), "must not be empty");
        }
        self.length(path, text, max);
    }

    /// A text at most `max` characters long. The path is only written out
    /// when there is a problem: most texts have none.
    fn length(&mut self, path: fmt::Arguments<'_>, text: &str, max: usize) {
        if let Some(n) = too_long(text, max) {
            self.issue(path.to_string(), format!("longer than {max} characters (it has {n})"));
        }
    }

    /// A public address: shown as a link, so only `https://` (or `http://`).
    fn address(&mut self, path: fmt::Arguments<'_>, url: &str) {
        self.length(path, url, ADDRESS_MAX);
        if !super::definition::is_web_address(url) {
            self.issue(path.to_string(), "an address must start with https://");
        }
    }

    /// A list of at most `max` `items`.
    fn count(&mut self, path: fmt::Arguments<'_>, len: usize, max: usize, items: &str) {
        if len > max {
            self.issue(path.to_string(), format!("more than {max} {items} (it has {len})"));
        }
    }

    fn run(&mut self) {
        let def = self.def;
        if let Some(schema) = &def.schema {
            self.length(format_args!("$schema"), schema, ADDRESS_MAX);
        }
        if !id_ok(&def.id) {
            self.issue("id", format!("definition id {} must use only a-z, 0-9, _ and -", quoted(&def.id)));
        }
        self.length(format_args!("lang"), &def.lang, LANG_MAX);
        self.text(format_args!("title"), &def.title, NAME_MAX);
        self.length(format_args!("intro"), &def.intro, TEXT_MAX);
        if let Some(publisher) = &def.publisher {
            self.length(format_args!("publisher"), publisher, NAME_MAX);
        }
        self.count(format_args!("translations"), def.translations.len(), TRANSLATIONS_MAX, "translations");
        let mut langs = HashSet::new();
        for (lang, file) in &def.translations {
            self.length(format_args!("translations.{lang}"), lang, LANG_MAX);
            if lang.trim().is_empty() || lang.eq_ignore_ascii_case(&def.lang) {
                self.issue(format!("translations.{lang}"), format!("a translation needs a language other than this file's ({})", quoted(&def.lang)));
            } else if !langs.insert(lang.to_ascii_lowercase()) {
                self.issue(format!("translations.{lang}"), "the same language is listed twice (language tags ignore case)".to_owned());
            }
            self.length(format_args!("translations.{lang}"), file, ADDRESS_MAX);
            if !(file.starts_with("https://") || is_relative_address(file)) || file.chars().any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#')
            {
                self.issue(
                    format!("translations.{lang}"),
                    format!("{} must be a file name relative to this file, or start with https://, with no space, query or fragment", quoted(file)),
                );
            }
        }

        self.count(format_args!("sources"), def.sources.len(), SOURCES_MAX, "sources");
        let mut seen = HashSet::new();
        for (i, s) in def.sources.iter().enumerate() {
            self.id(&format!("sources[{i}]"), &s.id, &mut seen, "source");
            self.text(format_args!("sources[{i}].title"), &s.title, NAME_MAX);
            if let Some(file) = &s.file {
                self.length(format_args!("sources[{i}].file"), file, NAME_MAX);
            }
            if let Some(url) = &s.url {
                self.address(format_args!("sources[{i}].url"), url);
            }
            for (field, date) in [("compared", &s.compared), ("taken", &s.taken)] {
                if let Some(date) = date.as_deref().filter(|d| date_parts(d).is_none()) {
                    self.issue(format!("sources[{i}].{field}"), format!("{} is not a date written YYYY-MM-DD", quoted(date)));
                }
            }
        }

        self.count(format_args!("organizations"), def.organizations.len(), SOURCES_MAX, "organizations");
        let mut seen = HashSet::new();
        for (i, o) in def.organizations.iter().enumerate() {
            self.id(&format!("organizations[{i}]"), &o.id, &mut seen, "organization");
            self.text(format_args!("organizations[{i}].name"), &o.name, NAME_MAX);
            if let Some(url) = &o.url {
                self.address(format_args!("organizations[{i}].url"), url);
            }
        }

        for (i, q) in def.questions.iter().enumerate() {
            self.positions.entry(&q.id).or_insert(i);
            self.options.push(q.kind.options().iter().map(|o| o.id.as_str()).collect());
        }
        if def.questions.is_empty() {
            self.issue("questions", "a definition needs at least one question");
        }
        self.count(format_args!("questions"), def.questions.len(), QUESTIONS_MAX, "questions");
        let mut seen = HashSet::new();
        for (i, q) in def.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(&path, &q.id, &mut seen, "question");
            if let Some(section) = &q.section {
                self.length(format_args!("{path}.section"), section, NAME_MAX);
            }
            self.text(format_args!("{path}.text"), &q.text, TEXT_MAX);
            if let Some(hint) = &q.hint {
                self.length(format_args!("{path}.hint"), hint, TEXT_MAX);
            }
            match &q.kind {
                QuestionKind::YesNo => {}
                QuestionKind::Single { options } | QuestionKind::Multi { options } => {
                    let multi = matches!(q.kind, QuestionKind::Multi { .. });
                    if options.len() < 2 {
                        self.issue(format!("{path}.options"), "a choice question needs at least two options");
                    }
                    self.count(format_args!("{path}.options"), options.len(), OPTIONS_MAX, "options");
                    let mut seen_opt = HashSet::new();
                    for (j, o) in options.iter().enumerate() {
                        self.id(&format!("{path}.options[{j}]"), &o.id, &mut seen_opt, "option");
                        self.text(format_args!("{path}.options[{j}].label"), &o.label, NAME_MAX);
                        if let Some(hint) = &o.hint {
                            self.length(format_args!("{path}.options[{j}].hint"), hint, TEXT_MAX);
                        }
                        if o.exclusive && !multi {
                            self.issue(format!("{path}.options[{j}].exclusive"), "only options of a multi question can be exclusive");
                        }
                    }
                }
                QuestionKind::Number { min, max, unit } => {
                    if min > max {
                        self.issue(format!("{path}.min"), format!("min ({min}) is greater than max ({max})"));
                    }
                    if let Some(unit) = unit {
                        self.length(format_args!("{path}.unit"), unit, NAME_MAX);
                    }
                }
            }
            // A `when` may only read earlier questions (`asker`), and
            // reachability is worked out in order, so it sees theirs.
            let reachable = match &q.when {
                None => true,
                Some(c) => {
                    self.condition(c, &mut format!("{path}.when"), Some(i), 1);
                    self.can_hold(c, 1)
                }
            };
            if !reachable {
                self.issue(format!("{path}.when"), format!("question {} can never be asked: its condition can never hold", quoted(&q.id)));
            }
            self.reachable.push(reachable);
        }

        if def.pathways.is_empty() {
            self.issue("pathways", "a definition needs at least one pathway");
        }
        self.count(format_args!("pathways"), def.pathways.len(), PATHWAYS_MAX, "pathways");
        let mut seen = HashSet::new();
        for (i, p) in def.pathways.iter().enumerate() {
            let path = format!("pathways[{i}]");
            self.id(&path, &p.id, &mut seen, "pathway");
            self.text(format_args!("{path}.title"), &p.title, NAME_MAX);
            self.length(format_args!("{path}.summary"), &p.summary, TEXT_MAX);
            if let Some(goal) = &p.goal {
                self.length(format_args!("{path}.goal"), goal, TEXT_MAX);
            }
            if let Some(c) = &p.applies_when {
                self.condition(c, &mut format!("{path}.applies_when"), None, 1);
                if p.not_applicable.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    self.issue(format!("{path}.not_applicable"), "a pathway with applies_when must say why it may not apply");
                }
            }
            if let Some(text) = &p.not_applicable {
                self.length(format_args!("{path}.not_applicable"), text, TEXT_MAX);
            }
            match (&p.optional_when, &p.optional) {
                (Some(c), Some(why)) => {
                    self.condition(c, &mut format!("{path}.optional_when"), None, 1);
                    self.text(format_args!("{path}.optional"), why, TEXT_MAX);
                }
                (None, None) => {}
                (Some(_), None) => self.issue(format!("{path}.optional"), "a pathway with optional_when must say why it is optional (optional)"),
                (None, Some(_)) => {
                    self.issue(format!("{path}.optional_when"), "optional needs optional_when, the condition under which the pathway is optional")
                }
            }
            self.requirements(p, &path);
        }

        let pathway_ids: HashSet<&str> = def.pathways.iter().map(|p| p.id.as_str()).collect();
        self.count(format_args!("advice"), def.advice.len(), ADVICE_MAX, "advice items");
        let mut seen = HashSet::new();
        for (i, a) in def.advice.iter().enumerate() {
            let path = format!("advice[{i}]");
            self.id(&path, &a.id, &mut seen, "advice");
            self.text(format_args!("{path}.title"), &a.title, NAME_MAX);
            self.text(format_args!("{path}.text"), &a.text, TEXT_MAX);
            self.count(format_args!("{path}.points"), a.points.len(), POINTS_MAX, "points");
            for (j, point) in a.points.iter().enumerate() {
                self.length(format_args!("{path}.points[{j}]"), point, TEXT_MAX);
            }
            if let Some(p) = &a.pathway {
                if !pathway_ids.contains(p.as_str()) {
                    self.issue(format!("{path}.pathway"), format!("unknown pathway {}", quoted(p)));
                }
            }
            if let Some(c) = &a.when {
                self.condition(c, &mut format!("{path}.when"), None, 1);
            }
            // Advice is only shown when `when` holds, so its answer is known.
            self.template(format!("{path}.text"), &a.text, a.when.as_ref().and_then(Subject::of), true);
            if let Some(about) = &a.about {
                let found = about.split_once('/').and_then(|(p, r)| def.pathway(p).map(|p| p.requirements.iter().any(|x| x.id == r)));
                if found != Some(true) {
                    self.issue(format!("{path}.about"), format!("unknown step {}: write pathway_id/requirement_id", quoted(about)));
                }
            }
            self.citation(&a.source, &path);
        }
    }

    /// A pathway's requirements, their `after` references and order.
    fn requirements(&mut self, p: &'d Pathway, path: &str) {
        if !p.requirements.iter().any(|r| r.kind == super::RequirementKind::Required) {
            self.issue(format!("{path}.requirements"), "a pathway needs at least one required requirement");
        }
        self.count(format_args!("{path}.requirements"), p.requirements.len(), REQUIREMENTS_MAX, "requirements");
        // Requirement id -> position (first occurrence): every `after` entry
        // resolves in constant time, here and in the cycle search.
        let mut index = HashMap::with_capacity(p.requirements.len());
        for (j, r) in p.requirements.iter().enumerate() {
            index.entry(r.id.as_str()).or_insert(j);
        }
        // The `after` graph, each entry resolved once: requirement `j` comes
        // after `graph.targets[graph.starts[j]..graph.starts[j + 1]]`.
        let mut graph = Graph { starts: Vec::with_capacity(p.requirements.len() + 1), targets: Vec::new() };
        let mut seen = HashSet::new();
        for (j, r) in p.requirements.iter().enumerate() {
            graph.starts.push(graph.targets.len());
            let rpath = format!("{path}.requirements[{j}]");
            self.id(&rpath, &r.id, &mut seen, "requirement");
            self.text(format_args!("{rpath}.title"), &r.title, NAME_MAX);
            for (field, text) in [("met", &r.met), ("unmet", &r.unmet), ("action", &r.action)] {
                self.text(format_args!("{rpath}.{field}"), text, TEXT_MAX);
            }
            self.condition(&r.met_when, &mut format!("{rpath}.met_when"), None, 1);
            if let Some(url) = &r.url {
                self.address(format_args!("{rpath}.url"), url);
            }
            if let Some(step) = &r.step {
                if !id_ok(step) {
                    self.issue(format!("{rpath}.step"), format!("step id {} must start with a lowercase letter and use only a-z, 0-9, _ and -", quoted(step)));
                } else if !self.steps.insert((step.as_str(), p.id.as_str())) {
                    self.issue(
                        format!("{rpath}.step"),
                        format!("step {} is already a step of this pathway: a shared step joins requirements of different pathways", quoted(step)),
                    );
                }
            }
            match (&r.in_progress_when, &r.in_progress, &r.in_progress_action) {
                (Some(c), Some(why), Some(action)) => {
                    self.condition(c, &mut format!("{rpath}.in_progress_when"), None, 1);
                    self.text(format_args!("{rpath}.in_progress"), why, TEXT_MAX);
                    self.text(format_args!("{rpath}.in_progress_action"), action, TEXT_MAX);
                }
                (None, None, None) => {}
                (None, ..) => self.issue(format!("{rpath}.in_progress_when"), "in_progress and in_progress_action need in_progress_when"),
                (Some(_), ..) => {
                    self.issue(format!("{rpath}.in_progress_when"), "in_progress_when needs both in_progress (why) and in_progress_action (the next step)")
                }
            }
            self.texts(r, &rpath);
            self.confirmation(r, &rpath);
            self.citation(&r.source, &rpath);
            self.count(format_args!("{rpath}.after"), r.after.len(), AFTER_MAX, "requirement ids");
            for (k, after) in r.after.iter().enumerate() {
                if after == &r.id {
                    // Reported, and left out of the graph: not a cycle too.
                    self.issue(format!("{rpath}.after[{k}]"), format!("requirement {} cannot come after itself", quoted(after)));
                    continue;
                }
                match index.get(after.as_str()) {
                    Some(&target) => graph.targets.push(target),
                    None => self.issue(format!("{rpath}.after[{k}]"), format!("unknown requirement {} in pathway {}", quoted(after), quoted(&p.id))),
                }
            }
        }
        graph.starts.push(graph.targets.len());
        if let Some(cycle) = find_cycle(&graph) {
            let ids: Vec<Cow<'_, str>> = cycle.into_iter().map(|k| short(&p.requirements[k].id)).collect();
            self.issue(format!("{path}.requirements"), format!("cyclic order: {}", ids.join(" -> ")));
        }
    }

    /// The placeholders of a requirement's texts, its per-option and
    /// per-alternative texts: each must be one the text's subject can fill.
    fn texts(&mut self, r: &'d Requirement, rpath: &str) {
        let subject = Subject::of(&r.met_when);
        let progress = Subject::of_progress(r);
        for (field, text, subject, answered) in [
            ("met", Some(&r.met), subject, true),
            ("unmet", Some(&r.unmet), subject, false),
            ("action", Some(&r.action), subject, false),
            ("in_progress", r.in_progress.as_ref(), progress, true),
            ("in_progress_action", r.in_progress_action.as_ref(), progress, true),
        ] {
            if let Some(text) = text {
                self.template(format!("{rpath}.{field}"), text, subject, answered);
            }
        }
        if !r.per_option.is_empty() {
            let options =
                subject.and_then(|s| self.def.question(s.question)).filter(|q| matches!(q.kind, QuestionKind::Single { .. })).map(|q| q.kind.options());
            match options {
                None => self.issue(format!("{rpath}.per_option"), "per_option needs a met_when that reads one single-choice question"),
                Some(options) => {
                    for (id, texts) in &r.per_option {
                        let opath = format!("{rpath}.per_option.{id}");
                        if !options.iter().any(|o| &o.id == id) {
                            self.issue(opath.clone(), format!("unknown option {}", quoted(id)));
                        }
                        for (field, text) in [("met", &texts.met), ("unmet", &texts.unmet), ("action", &texts.action)] {
                            if let Some(text) = text {
                                self.text(format_args!("{opath}.{field}"), text, TEXT_MAX);
                                self.template(format!("{opath}.{field}"), text, subject, true);
                            }
                        }
                    }
                }
            }
        }
        if !r.alternatives.is_empty() {
            let of: &[Condition] = match &r.met_when {
                Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs,
                _ => &[],
            };
            if of.len() != r.alternatives.len() {
                self.issue(
                    format!("{rpath}.alternatives"),
                    format!("{} alternatives for a met_when with {} (one per alternative of its any or at_least, in order)", r.alternatives.len(), of.len()),
                );
            }
            for (i, (a, c)) in r.alternatives.iter().zip(of).enumerate() {
                let subject = Subject::of(c);
                let apath = format!("{rpath}.alternatives[{i}]");
                if let Some(text) = &a.met {
                    self.text(format_args!("{apath}.met"), text, TEXT_MAX);
                    self.template(format!("{apath}.met"), text, subject, true);
                }
                if let Some(text) = &a.closest {
                    self.text(format_args!("{apath}.closest"), text, TEXT_MAX);
                    if subject.and_then(|s| s.target).is_none() {
                        self.issue(format!("{apath}.closest"), "closest needs its alternative to be a >= or > comparison of a number");
                    }
                    self.template(format!("{apath}.closest"), text, subject, true);
                }
            }
        }
    }

    /// `confirm_with` on the requirement or its alternatives: a known
    /// organization, and the texts that say it decides.
    fn confirmation(&mut self, r: &'d Requirement, rpath: &str) {
        let mut any = false;
        let whole = r.confirm_with.iter().map(|o| (format!("{rpath}.confirm_with"), o));
        let parts =
            r.alternatives.iter().enumerate().filter_map(|(i, a)| a.confirm_with.as_ref().map(|o| (format!("{rpath}.alternatives[{i}].confirm_with"), o)));
        for (path, org) in whole.chain(parts).collect::<Vec<_>>() {
            any = true;
            if self.def.organization(org).is_none() {
                self.issue(path, format!("unknown organization {} (list it in organizations)", quoted(org)));
            }
        }
        if r.confirm_with.is_some() && r.alternatives.iter().any(|a| a.confirm_with.is_some()) {
            self.issue(format!("{rpath}.confirm_with"), "confirm_with on the requirement already covers every alternative: set it on one or the other");
        }
        for (i, a) in r.alternatives.iter().enumerate() {
            if let Some(text) = &a.confirm {
                if a.confirm_with.is_none() {
                    self.issue(format!("{rpath}.alternatives[{i}].confirm"), "confirm needs confirm_with on the same alternative");
                }
                self.text(format_args!("{rpath}.alternatives[{i}].confirm"), text, TEXT_MAX);
            }
        }
        match (any, &r.confirm, &r.confirm_action) {
            (true, Some(why), Some(action)) => {
                self.text(format_args!("{rpath}.confirm"), why, TEXT_MAX);
                self.text(format_args!("{rpath}.confirm_action"), action, TEXT_MAX);
            }
            (true, ..) => {
                self.issue(format!("{rpath}.confirm"), "confirm_with needs both confirm (why the organization decides) and confirm_action (the next step)")
            }
            (false, None, None) => {}
            (false, ..) => self.issue(format!("{rpath}.confirm_with"), "confirm and confirm_action need confirm_with, on the requirement or an alternative"),
        }
    }

    /// One text's placeholders. `answered`: the text is only shown when its
    /// subject's question is answered.
    fn template(&mut self, path: String, text: &str, subject: Option<Subject<'_>>, answered: bool) {
        for name in placeholders(text) {
            if !PLACEHOLDERS.contains(&name) {
                self.issue(path.clone(), format!("unknown placeholder {{{name}}} (there are {{answer}}, {{target}} and {{remaining}})"));
                continue;
            }
            let why = match subject {
                None => Some("its condition does not read one question directly"),
                Some(s) if s.allows(name, answered, self.def) => None,
                Some(s) if name != "answer" && s.target.is_none() => Some("its condition is not a >= or > comparison of a number"),
                Some(_) if !answered => Some("this text can be shown before the question is answered"),
                Some(_) => Some("a yes/no answer has no words of its own"),
            };
            if let Some(why) = why {
                self.issue(path.clone(), format!("{{{name}}} cannot be filled here: {why}"));
            }
        }
    }

    /// `path`: where the citation is; it is `{path}.source`.
    fn citation(&mut self, c: &Citation, path: &str) {
        if !self.sources.contains(c.source.as_str()) {
            self.issue(format!("{path}.source.source"), format!("unknown source {}", quoted(&c.source)));
        }
        match (c.quote.is_empty(), c.paraphrase.is_empty()) {
            (false, false) => self.issue(format!("{path}.source"), "a citation has a quote or a paraphrase, not both"),
            (true, true) => self.issue(format!("{path}.source.quote"), "a citation needs the quote it rests on (or a paraphrase of a public page)"),
            (false, true) => self.text(format_args!("{path}.source.quote"), &c.quote, TEXT_MAX),
            (true, false) => {
                self.text(format_args!("{path}.source.paraphrase"), &c.paraphrase, TEXT_MAX);
                if self.def.source(&c.source).is_some_and(|s| s.url.is_none()) {
                    self.issue(format!("{path}.source.paraphrase"), format!("a paraphrase cites a public page: source {} needs a url", quoted(&c.source)));
                }
            }
        }
    }

    /// `path`: where the condition is, a buffer that each level extends and
    /// restores (no string is written per condition unless it has a
    /// problem). `asker`: the index of the question whose `when` this is;
    /// such a condition may only read earlier questions. `depth`: 1 for the
    /// condition of a `when`; below the limit, nothing is looked at.
    fn condition(&mut self, c: &Condition, path: &mut String, asker: Option<usize>, depth: usize) {
        if depth > DEPTH_MAX {
            self.issue(path.clone(), format!("conditions nested deeper than {DEPTH_MAX} levels"));
            return;
        }
        let outer = path.len();
        match c {
            Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => {
                path.push_str(match c {
                    Condition::All(_) => ".all",
                    Condition::Any(_) => ".any",
                    _ => ".at_least",
                });
                if let Condition::AtLeast { n, .. } = c {
                    if *n == 0 || *n > cs.len() {
                        self.issue(format!("{path}.n"), format!("n must be between 1 and {} (the number of conditions), not {n}", cs.len()));
                    }
                    path.push_str(".of");
                } else if cs.is_empty() {
                    self.issue(path.clone(), "needs at least one condition");
                }
                self.count(format_args!("{path}"), cs.len(), CONDITIONS_MAX, "conditions");
                let list = path.len();
                for (i, c) in cs.iter().enumerate() {
                    let _ = write!(path, "[{i}]");
                    self.condition(c, path, asker, depth + 1);
                    path.truncate(list);
                }
            }
            Condition::Not(c) => {
                path.push_str(".not");
                self.condition(c, path, asker, depth + 1);
            }
            Condition::Answered(q) => {
                path.push_str(".answered");
                self.reference(q, path, asker);
            }
            Condition::Equals { question, value } => {
                path.push_str(".equals");
                let kind = self.reference(question, path, asker);
                if let Answer::Choices(cs) = value {
                    self.count(format_args!("{path}.value"), cs.len(), VALUES_MAX, "option ids");
                }
                if let Some(kind) = kind {
                    let fits = match (kind, value) {
                        (QuestionKind::YesNo, Answer::Bool(_)) => true,
                        (QuestionKind::Number { .. }, Answer::Number(_)) => true,
                        (QuestionKind::Single { .. }, Answer::Choice(c)) => {
                            self.option(question, c, format_args!("{path}.value"));
                            true
                        }
                        (QuestionKind::Multi { .. }, Answer::Choices(cs)) => {
                            cs.iter().for_each(|c| self.option(question, c, format_args!("{path}.value")));
                            true
                        }
                        _ => false,
                    };
                    if !fits {
                        self.issue(format!("{path}.value"), format!("value does not fit question {} ({})", quoted(question), kind_name(kind)));
                    }
                }
            }
            Condition::OneOf { question, values } => {
                path.push_str(".one_of");
                self.count(format_args!("{path}.values"), values.len(), VALUES_MAX, "option ids");
                self.choices(question, values, path, "values", asker);
            }
            Condition::Includes { question, value } => {
                path.push_str(".includes");
                self.choices(question, std::slice::from_ref(value), path, "value", asker);
            }
            Condition::Compare { question, op, value } => {
                path.push_str(".compare");
                if let Some(kind) = self.reference(question, path, asker) {
                    match kind {
                        QuestionKind::Number { min, max, .. } => {
                            if !compare_possible(*op, *min, *max, *value) {
                                self.issue(format!("{path}.value"), format!("can never be true: {} is between {min} and {max}", quoted(question)));
                            }
                        }
                        other => {
                            self.issue(format!("{path}.question"), format!("compare needs a number question; {} is {}", quoted(question), kind_name(other)))
                        }
                    }
                }
            }
        }
        path.truncate(outer);
    }

    /// `field`: the name of the field holding the option ids (`values` of
    /// one_of, `value` of includes), so the path points at it.
    fn choices(&mut self, question: &str, values: &[String], path: &str, field: &str, asker: Option<usize>) {
        if let Some(kind) = self.reference(question, path, asker) {
            match kind {
                QuestionKind::Single { .. } | QuestionKind::Multi { .. } => {
                    for v in values {
                        self.option(question, v, format_args!("{path}.{field}"));
                    }
                }
                other => self.issue(format!("{path}.question"), format!("needs a choice question; {} is {}", quoted(question), kind_name(other))),
            }
        }
    }

    /// Checks that a question (known to exist) has an option with this id.
    fn option(&mut self, question: &str, id: &str, path: fmt::Arguments<'_>) {
        let known = self.positions.get(question).is_some_and(|&i| self.options[i].contains(id));
        if !known {
            self.issue(path.to_string(), format!("question {} has no option {}", quoted(question), quoted(id)));
        }
    }

    /// Checks a question reference and returns its kind when it resolves.
    fn reference(&mut self, id: &str, path: &str, asker: Option<usize>) -> Option<&'d QuestionKind> {
        let def = self.def;
        let Some(&index) = self.positions.get(id) else {
            self.issue(path, format!("unknown question {}", quoted(id)));
            return None;
        };
        if let Some(asker) = asker {
            if index >= asker {
                let which = if index == asker { "itself" } else { "a later question" };
                self.issue(path, format!("cyclic reference: the question depends on {which} ({}); a question may only depend on earlier ones", quoted(id)));
                return None;
            }
        }
        Some(&def.questions[index].kind)
    }

    /// Conservative: false only when the condition certainly never holds
    /// (a number out of range, or a question that is never asked). Below
    /// the nesting limit (reported by `condition`) it assumes it may hold.
    fn can_hold(&self, c: &Condition, depth: usize) -> bool {
        if depth > DEPTH_MAX {
            return true;
        }
        // Questions not yet checked (not in `reachable`) count as reachable.
        let asked = |q: &str| self.positions.get(q).is_none_or(|&i| self.reachable.get(i).copied().unwrap_or(true));
        match c {
            Condition::All(cs) => cs.iter().all(|c| self.can_hold(c, depth + 1)),
            Condition::Any(cs) => cs.iter().any(|c| self.can_hold(c, depth + 1)),
            Condition::Not(_) => true,
            Condition::AtLeast { n, of } => of.iter().filter(|c| self.can_hold(c, depth + 1)).count() >= *n,
            Condition::Answered(q) | Condition::Equals { question: q, .. } | Condition::OneOf { question: q, .. } | Condition::Includes { question: q, .. } => {
                asked(q)
            }
            Condition::Compare { question, op, value } => {
                asked(question)
                    && match self.positions.get(question.as_str()).map(|&i| &self.def.questions[i].kind) {
                        Some(QuestionKind::Number { min, max, .. }) => compare_possible(*op, *min, *max, *value),
                        _ => true,
                    }
            }
        }
    }
}

/// Whether some n in min..=max satisfies `n op value`.
fn compare_possible(op: Cmp, min: i64, max: i64, value: i64) -> bool {
    if min > max {
        return false;
    }
    match op {
        Cmp::Lt => min < value,
        Cmp::Le => min <= value,
        Cmp::Gt => max > value,
        Cmp::Ge => max >= value,
        Cmp::Eq => (min..=max).contains(&value),
        Cmp::Ne => min != max || min != value,
    }
}

fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "a yes/no question",
        QuestionKind::Single { .. } => "a single-choice question",
        QuestionKind::Multi { .. } => "a multiple-choice question",
        QuestionKind::Number { .. } => "a number question",
    }
}

/// The `after` graph of a pathway, in compressed rows: requirement `i`
/// comes after the requirements at `targets[starts[i]..starts[i + 1]]`.
struct Graph {
    starts: Vec<usize>,
    targets: Vec<usize>,
}

/// Finds a cycle in the `after` graph of a pathway, as the positions of its
/// requirements, the first repeated at the end.
///
/// A depth-first search with its own stack rather than recursion: a chain of
/// `after` is as long as the pathway, which would overflow the call stack
/// (the wasm one first). Each requirement is entered once and each edge
/// followed once: linear in requirements + `after` entries.
fn find_cycle(graph: &Graph) -> Option<Vec<usize>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let n = graph.starts.len() - 1;
    let mut marks = vec![NEW; n];
    // The path being explored: each requirement with its next edge to follow.
    let mut path: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if marks[start] != NEW {
            continue;
        }
        marks[start] = ON_PATH;
        path.push((start, graph.starts[start]));
        while let Some(top) = path.last_mut() {
            let (i, edge) = *top;
            if edge == graph.starts[i + 1] {
                marks[i] = DONE;
                path.pop();
                continue;
            }
            top.1 += 1;
            let j = graph.targets[edge];
            match marks[j] {
                NEW => {
                    marks[j] = ON_PATH;
                    path.push((j, graph.starts[j]));
                }
                ON_PATH => {
                    let from = path.iter().position(|&(k, _)| k == j).unwrap_or(0);
                    let mut cycle: Vec<usize> = path[from..].iter().map(|&(k, _)| k).collect();
                    cycle.push(j);
                    return Some(cycle);
                }
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_longer_than_any_valid_id_are_cut_short_in_messages() {
        assert_eq!(quoted("l2_count"), "\"l2_count\"");
        let long = "é".repeat(ID_MAX + 1);
        assert_eq!(quoted(&long), format!("\"{}…\" (65 characters)", "é".repeat(ID_MAX)));
        assert_eq!(short(&"a".repeat(ID_MAX)), "a".repeat(ID_MAX));
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert_eq!(too_long("ééé", 3), None);
        assert_eq!(too_long("éééé", 3), Some(4));
        assert_eq!(too_long("", 0), None);
    }
}
