use std::collections::{HashMap, HashSet};

use super::answers::Answer;
use super::condition::{Cmp, Condition};
use super::definition::{Citation, Definition, QuestionKind};
use super::error::{DefinitionError, Issue};

/// Collects issues with their paths; validation reports all of them at once
/// so an author fixes a definition in one pass.
struct Checker<'d> {
    issues: Vec<Issue>,
    def: &'d Definition,
    /// Question id -> position (first occurrence), so references resolve in
    /// constant time even in very large definitions.
    positions: HashMap<String, usize>,
    /// Whether each question can ever be asked.
    reachable: Vec<bool>,
}

impl Definition {
    /// Checks references, ids, texts, bounds, reachability and cycles.
    pub fn validate(&self) -> Result<(), DefinitionError> {
        let mut c = Checker { issues: Vec::new(), def: self, positions: HashMap::new(), reachable: Vec::new() };
        c.run();
        if c.issues.is_empty() {
            Ok(())
        } else {
            Err(DefinitionError::Invalid(c.issues))
        }
    }
}

fn id_ok(id: &str) -> bool {
    // Ids become DOM ids and storage keys: keep them to a safe alphabet.
    !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

impl<'d> Checker<'d> {
    fn issue(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue { path: path.into(), message: message.into() });
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>, what: &str) {
        if !id_ok(id) {
            self.issue(
                format!("{path}.id"),
                format!("{what} id \"{id}\" must start with a lowercase letter and use only a-z, 0-9, _ and - (at most 64)"),
            );
        }
        if !seen.insert(id.to_owned()) {
            self.issue(format!("{path}.id"), format!("duplicate {what} id \"{id}\""));
        }
    }

    fn text(&mut self, path: String, text: &str) {
        if text.trim().is_empty() {
            self.issue(path, "must not be empty");
        }
    }

    fn run(&mut self) {
        let def = self.def;
        if !id_ok(&def.id) {
            self.issue("id", format!("definition id \"{}\" must use only a-z, 0-9, _ and -", def.id));
        }
        self.text("title".into(), &def.title);

        let mut seen = HashSet::new();
        for (i, s) in def.sources.iter().enumerate() {
            self.id(&format!("sources[{i}]"), &s.id, &mut seen, "source");
            self.text(format!("sources[{i}].title"), &s.title);
        }

        for (i, q) in def.questions.iter().enumerate() {
            self.positions.entry(q.id.clone()).or_insert(i);
        }
        if def.questions.is_empty() {
            self.issue("questions", "a definition needs at least one question");
        }
        let mut seen = HashSet::new();
        for (i, q) in def.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(&path, &q.id, &mut seen, "question");
            self.text(format!("{path}.text"), &q.text);
            match &q.kind {
                QuestionKind::YesNo => {}
                QuestionKind::Single { options } | QuestionKind::Multi { options } => {
                    let multi = matches!(q.kind, QuestionKind::Multi { .. });
                    if options.len() < 2 {
                        self.issue(format!("{path}.options"), "a choice question needs at least two options");
                    }
                    let mut seen_opt = HashSet::new();
                    for (j, o) in options.iter().enumerate() {
                        self.id(&format!("{path}.options[{j}]"), &o.id, &mut seen_opt, "option");
                        self.text(format!("{path}.options[{j}].label"), &o.label);
                        if o.exclusive && !multi {
                            self.issue(format!("{path}.options[{j}].exclusive"), "only options of a multi question can be exclusive");
                        }
                    }
                }
                QuestionKind::Number { min, max, .. } => {
                    if min > max {
                        self.issue(format!("{path}.min"), format!("min ({min}) is greater than max ({max})"));
                    }
                }
            }
            // Positions are registered as we go, so a `when` can only see earlier questions.
            let reachable = match &q.when {
                None => true,
                Some(c) => {
                    self.condition(c, &format!("{path}.when"), Some(i));
                    self.can_hold(c)
                }
            };
            if !reachable {
                self.issue(format!("{path}.when"), format!("question \"{}\" can never be asked: its condition can never hold", q.id));
            }
            self.reachable.push(reachable);
        }

        if def.pathways.is_empty() {
            self.issue("pathways", "a definition needs at least one pathway");
        }
        let mut seen = HashSet::new();
        for (i, p) in def.pathways.iter().enumerate() {
            let path = format!("pathways[{i}]");
            self.id(&path, &p.id, &mut seen, "pathway");
            self.text(format!("{path}.title"), &p.title);
            if let Some(c) = &p.applies_when {
                self.condition(c, &format!("{path}.applies_when"), None);
                if p.not_applicable.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    self.issue(format!("{path}.not_applicable"), "a pathway with applies_when must say why it may not apply");
                }
            }
            if !p.requirements.iter().any(|r| r.kind == super::RequirementKind::Required) {
                self.issue(format!("{path}.requirements"), "a pathway needs at least one required requirement");
            }
            let mut seen_req = HashSet::new();
            for (j, r) in p.requirements.iter().enumerate() {
                let rpath = format!("{path}.requirements[{j}]");
                self.id(&rpath, &r.id, &mut seen_req, "requirement");
                for (field, text) in [("title", &r.title), ("met", &r.met), ("unmet", &r.unmet), ("action", &r.action)] {
                    self.text(format!("{rpath}.{field}"), text);
                }
                self.condition(&r.met_when, &format!("{rpath}.met_when"), None);
                self.citation(&r.source, &format!("{rpath}.source"));
                for (k, after) in r.after.iter().enumerate() {
                    if after == &r.id {
                        self.issue(format!("{rpath}.after[{k}]"), format!("requirement \"{after}\" cannot come after itself"));
                    } else if !p.requirements.iter().any(|o| &o.id == after) {
                        self.issue(format!("{rpath}.after[{k}]"), format!("unknown requirement \"{after}\" in pathway \"{}\"", p.id));
                    }
                }
            }
            if let Some(cycle) = find_cycle(p) {
                self.issue(format!("{path}.requirements"), format!("cyclic order: {}", cycle.join(" -> ")));
            }
        }

        let pathway_ids: HashSet<&str> = def.pathways.iter().map(|p| p.id.as_str()).collect();
        let mut seen = HashSet::new();
        for (i, a) in def.advice.iter().enumerate() {
            let path = format!("advice[{i}]");
            self.id(&path, &a.id, &mut seen, "advice");
            self.text(format!("{path}.title"), &a.title);
            self.text(format!("{path}.text"), &a.text);
            if let Some(p) = &a.pathway {
                if !pathway_ids.contains(p.as_str()) {
                    self.issue(format!("{path}.pathway"), format!("unknown pathway \"{p}\""));
                }
            }
            if let Some(c) = &a.when {
                self.condition(c, &format!("{path}.when"), None);
            }
            self.citation(&a.source, &format!("{path}.source"));
        }
    }

    fn citation(&mut self, c: &Citation, path: &str) {
        if self.def.source(&c.source).is_none() {
            self.issue(format!("{path}.source"), format!("unknown source \"{}\"", c.source));
        }
        self.text(format!("{path}.quote"), &c.quote);
    }

    /// `asker`: the index of the question whose `when` this is; such a
    /// condition may only read earlier questions.
    fn condition(&mut self, c: &Condition, path: &str, asker: Option<usize>) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                let name = if matches!(c, Condition::All(_)) { "all" } else { "any" };
                if cs.is_empty() {
                    self.issue(format!("{path}.{name}"), "needs at least one condition");
                }
                for (i, c) in cs.iter().enumerate() {
                    self.condition(c, &format!("{path}.{name}[{i}]"), asker);
                }
            }
            Condition::Not(c) => self.condition(c, &format!("{path}.not"), asker),
            Condition::AtLeast { n, of } => {
                if *n == 0 || *n > of.len() {
                    self.issue(format!("{path}.at_least.n"), format!("n must be between 1 and {} (the number of conditions), not {n}", of.len()));
                }
                for (i, c) in of.iter().enumerate() {
                    self.condition(c, &format!("{path}.at_least.of[{i}]"), asker);
                }
            }
            Condition::Answered(q) => {
                self.reference(q, &format!("{path}.answered"), asker);
            }
            Condition::Equals { question, value } => {
                let path = format!("{path}.equals");
                if let Some(kind) = self.reference(question, &path, asker) {
                    let fits = match (kind, value) {
                        (QuestionKind::YesNo, Answer::Bool(_)) => true,
                        (QuestionKind::Number { .. }, Answer::Number(_)) => true,
                        (QuestionKind::Single { options }, Answer::Choice(c)) => {
                            self.option(options, c, question, &format!("{path}.value"));
                            true
                        }
                        (QuestionKind::Multi { options }, Answer::Choices(cs)) => {
                            cs.iter().for_each(|c| self.option(options, c, question, &format!("{path}.value")));
                            true
                        }
                        _ => false,
                    };
                    if !fits {
                        self.issue(format!("{path}.value"), format!("value does not fit question \"{question}\" ({})", kind_name(kind)));
                    }
                }
            }
            Condition::OneOf { question, values } => {
                let path = format!("{path}.one_of");
                self.choices(question, values, &path, "values", asker);
            }
            Condition::Includes { question, value } => {
                let path = format!("{path}.includes");
                self.choices(question, std::slice::from_ref(value), &path, "value", asker);
            }
            Condition::Compare { question, op, value } => {
                let path = format!("{path}.compare");
                if let Some(kind) = self.reference(question, &path, asker) {
                    match kind {
                        QuestionKind::Number { min, max, .. } => {
                            if !compare_possible(*op, *min, *max, *value) {
                                self.issue(format!("{path}.value"), format!("can never be true: \"{question}\" is between {min} and {max}"));
                            }
                        }
                        other => self.issue(format!("{path}.question"), format!("compare needs a number question; \"{question}\" is {}", kind_name(other))),
                    }
                }
            }
        }
    }

    /// `field`: the name of the field holding the option ids (`values` of
    /// one_of, `value` of includes), so the path points at it.
    fn choices(&mut self, question: &str, values: &[String], path: &str, field: &str, asker: Option<usize>) {
        if let Some(kind) = self.reference(question, path, asker) {
            match kind {
                QuestionKind::Single { options } | QuestionKind::Multi { options } => {
                    for v in values {
                        self.option(options, v, question, &format!("{path}.{field}"));
                    }
                }
                other => self.issue(format!("{path}.question"), format!("needs a choice question; \"{question}\" is {}", kind_name(other))),
            }
        }
    }

    fn option(&mut self, options: &[super::Choice], id: &str, question: &str, path: &str) {
        if !options.iter().any(|o| o.id == id) {
            self.issue(path.to_owned(), format!("question \"{question}\" has no option \"{id}\""));
        }
    }

    /// Checks a question reference and returns its kind when it resolves.
    fn reference(&mut self, id: &str, path: &str, asker: Option<usize>) -> Option<&'d QuestionKind> {
        let def = self.def;
        let Some(&index) = self.positions.get(id) else {
            self.issue(path, format!("unknown question \"{id}\""));
            return None;
        };
        if let Some(asker) = asker {
            if index >= asker {
                let which = if index == asker { "itself" } else { "a later question" };
                self.issue(
                    path,
                    format!("cyclic reference: the question depends on {which} (\"{id}\"); a question may only depend on earlier ones"),
                );
                return None;
            }
        }
        Some(&def.questions[index].kind)
    }

    /// Conservative: false only when the condition certainly never holds
    /// (a number out of range, or a question that is never asked).
    fn can_hold(&self, c: &Condition) -> bool {
        // Questions not yet checked (not in `reachable`) count as reachable.
        let asked = |q: &str| self.positions.get(q).is_none_or(|&i| self.reachable.get(i).copied().unwrap_or(true));
        match c {
            Condition::All(cs) => cs.iter().all(|c| self.can_hold(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.can_hold(c)),
            Condition::Not(_) => true,
            Condition::AtLeast { n, of } => of.iter().filter(|c| self.can_hold(c)).count() >= *n,
            Condition::Answered(q) | Condition::Equals { question: q, .. } | Condition::OneOf { question: q, .. } | Condition::Includes { question: q, .. } => asked(q),
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

/// Finds a cycle in the `after` graph of a pathway, as a list of ids.
fn find_cycle(p: &super::Pathway) -> Option<Vec<String>> {
    fn visit(p: &super::Pathway, i: usize, marks: &mut [u8], stack: &mut Vec<usize>) -> Option<Vec<String>> {
        marks[i] = 1;
        stack.push(i);
        for after in &p.requirements[i].after {
            let Some(j) = p.requirements.iter().position(|r| &r.id == after) else { continue };
            if j == i {
                continue; // reported as "after itself"
            }
            if marks[j] == 1 {
                let start = stack.iter().position(|&k| k == j).unwrap_or(0);
                let mut ids: Vec<String> = stack[start..].iter().map(|&k| p.requirements[k].id.clone()).collect();
                ids.push(p.requirements[j].id.clone());
                return Some(ids);
            }
            if marks[j] == 0 {
                if let Some(c) = visit(p, j, marks, stack) {
                    return Some(c);
                }
            }
        }
        stack.pop();
        marks[i] = 2;
        None
    }
    let mut marks = vec![0u8; p.requirements.len()];
    for i in 0..p.requirements.len() {
        if marks[i] == 0 {
            if let Some(c) = visit(p, i, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}
