//! The default content (content/default.en.json) is valid, true to its
//! sources, and has no dead parts.
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use pathway::{Answer, Answers, Condition, Definition, Flow, QuestionKind, DEFAULT_DEFINITION_JSON};

fn def() -> Definition {
    // Validated here, since the widget trusts the built-in content and does not.
    Definition::from_json(DEFAULT_DEFINITION_JSON).unwrap_or_else(|e| panic!("the default definition must validate:\n{e}"))
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every condition of the definition, with where it is.
fn conditions(d: &Definition) -> Vec<(String, &Condition)> {
    let mut out = Vec::new();
    for q in &d.questions {
        if let Some(c) = &q.when {
            out.push((format!("question {}", q.id), c));
        }
    }
    for p in &d.pathways {
        if let Some(c) = &p.applies_when {
            out.push((format!("pathway {}", p.id), c));
        }
        for r in &p.requirements {
            out.push((format!("requirement {}.{}", p.id, r.id), &r.met_when));
            if let Some(c) = &r.in_progress_when {
                out.push((format!("requirement {}.{} in progress", p.id, r.id), c));
            }
        }
    }
    for a in &d.advice {
        if let Some(c) = &a.when {
            out.push((format!("advice {}", a.id), c));
        }
    }
    out
}

/// (question, option) pairs a condition names.
fn options_used(c: &Condition, out: &mut BTreeSet<(String, String)>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs.iter().for_each(|c| options_used(c, out)),
        Condition::Not(c) => options_used(c, out),
        Condition::Answered(_) | Condition::Compare { .. } => {}
        Condition::Equals { question, value } => match value {
            Answer::Choice(v) => {
                out.insert((question.clone(), v.clone()));
            }
            Answer::Choices(vs) => vs.iter().for_each(|v| {
                out.insert((question.clone(), v.clone()));
            }),
            _ => {}
        },
        Condition::OneOf { question, values } => values.iter().for_each(|v| {
            out.insert((question.clone(), v.clone()));
        }),
        Condition::Includes { question, value } => {
            out.insert((question.clone(), value.clone()));
        }
    }
}

fn numbers_compared(c: &Condition, out: &mut BTreeMap<String, BTreeSet<i64>>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs.iter().for_each(|c| numbers_compared(c, out)),
        Condition::Not(c) => numbers_compared(c, out),
        Condition::Compare { question, value, .. } => {
            out.entry(question.clone()).or_default().extend([value - 1, *value, value + 1]);
        }
        Condition::Equals { question, value: Answer::Number(n) } => {
            out.entry(question.clone()).or_default().insert(*n);
        }
        _ => {}
    }
}

#[test]
fn the_default_definition_validates() {
    let d = def();
    assert!(d.questions.len() >= 20 && d.pathways.len() >= 4, "the default content looks truncated");
}

#[test]
fn every_quotation_is_verbatim_in_its_source_file_and_every_paraphrase_cites_a_checked_public_page() {
    let d = def();
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("content/sources");
    // The seeds' README lists the public pages checked for links: a paraphrase may only cite those.
    let checked_pages = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let mut texts = BTreeMap::new();
    for s in &d.sources {
        match (&s.file, &s.url) {
            (Some(file), _) => {
                let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("source {}: cannot read {file}: {e}", s.id));
                texts.insert(s.id.clone(), normalize(&text));
            }
            (None, Some(url)) => assert!(checked_pages.contains(&format!("`{url}`")), "source {}: {url} is not among the checked public pages", s.id),
            (None, None) => panic!("source {} has neither a file under content/sources nor an address", s.id),
        }
    }
    let mut citations = Vec::new();
    for p in &d.pathways {
        for r in &p.requirements {
            citations.push((format!("requirement {}.{}", p.id, r.id), &r.source));
        }
    }
    for a in &d.advice {
        citations.push((format!("advice {}", a.id), &a.source));
    }
    let mut problems = Vec::new();
    for (what, c) in &citations {
        let source = d.source(&c.source).unwrap();
        match texts.get(&c.source) {
            _ if c.is_paraphrase() && source.file.is_some() => problems.push(format!("{what}: a paraphrase of a stored text: quote it")),
            _ if c.is_paraphrase() => assert!(source.taken.is_some(), "{what}: a paraphrased page needs the date it was read"),
            None => problems.push(format!("{what}: a quotation of {} whose text is not stored", c.source)),
            Some(text) if !text.contains(&normalize(&c.quote)) => problems.push(format!("{what}: quote not found verbatim in {}: {:?}", c.source, c.quote)),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for s in &d.sources {
        assert!(citations.iter().any(|(_, c)| c.source == s.id), "source {} is never cited", s.id);
    }
}

#[test]
fn every_address_the_content_links_is_a_checked_public_page() {
    let checked_pages = std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/sources/README.md"))).unwrap();
    let d = def();
    let addresses = d
        .pathways
        .iter()
        .flat_map(|p| p.requirements.iter().filter_map(|r| r.url.as_deref()))
        .chain(d.sources.iter().filter_map(|s| s.url.as_deref()))
        .chain(d.organizations.iter().filter_map(|o| o.url.as_deref()));
    for url in addresses {
        assert!(checked_pages.contains(&format!("`{url}`")), "{url} is not among the public pages the seeds' README lists as checked");
    }
}

#[test]
fn every_question_is_asked_for_some_answers() {
    let d = def();
    // Candidate values per question: every option, both booleans, the bounds
    // and the values around every number a condition compares with.
    let mut numbers = BTreeMap::new();
    for (_, c) in conditions(&d) {
        numbers_compared(c, &mut numbers);
    }
    let candidates = |id: &str| -> Vec<Answer> {
        let q = d.question(id).unwrap();
        match &q.kind {
            QuestionKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false)],
            QuestionKind::Single { options } => options.iter().map(|o| Answer::Choice(o.id.clone())).collect(),
            QuestionKind::Multi { options } => options.iter().map(|o| Answer::Choices(vec![o.id.clone()])).collect(),
            QuestionKind::Number { min, max, .. } => {
                let mut v: BTreeSet<i64> = [*min, *max].into();
                v.extend(numbers.get(id).into_iter().flatten().filter(|n| (*min..=*max).contains(*n)));
                v.into_iter().map(Answer::Number).collect()
            }
        }
    };
    for q in &d.questions {
        let Some(when) = &q.when else { continue };
        // The questions the condition reads, transitively.
        let mut deps: Vec<String> = Vec::new();
        let mut todo: Vec<String> = when.questions().into_iter().map(str::to_owned).collect();
        while let Some(id) = todo.pop() {
            if deps.contains(&id) {
                continue;
            }
            if let Some(c) = &d.question(&id).unwrap().when {
                todo.extend(c.questions().into_iter().map(str::to_owned));
            }
            deps.push(id);
        }
        let values: Vec<Vec<Answer>> = deps.iter().map(|id| candidates(id)).collect();
        let mut index = vec![0usize; deps.len()];
        let found = 'search: loop {
            let answers: Answers = deps.iter().zip(&index).zip(&values).map(|((id, &i), v)| (id.clone(), v[i].clone())).collect();
            if Flow::new(&d, &answers).is_asked(&q.id) {
                break 'search true;
            }
            // Next combination.
            let mut k = 0;
            loop {
                if k == index.len() {
                    break 'search false;
                }
                index[k] += 1;
                if index[k] < values[k].len() {
                    break;
                }
                index[k] = 0;
                k += 1;
            }
        };
        assert!(found, "question {} is never asked, whatever the answers to {deps:?}", q.id);
    }
}

#[test]
fn every_question_is_read_by_some_condition() {
    let d = def();
    let read: HashSet<&str> = conditions(&d).iter().flat_map(|(_, c)| c.questions()).collect();
    let unread: Vec<&str> = d.questions.iter().map(|q| q.id.as_str()).filter(|id| !read.contains(id)).collect();
    assert!(unread.is_empty(), "questions whose answer nothing reads: {unread:?}");
}

/// Options no condition names. Each is a "no", "not yet" or "none" answer
/// whose meaning is simply that a rule is not met; a new option outside this
/// list is probably a rule that was forgotten. An answer that says a step is
/// under way ("training now", "I have an advisor") is not one of them: it
/// must reach a requirement's `in_progress_when` or an advice's condition.
const OPTIONS_ONLY_MEANING_NOT_MET: &[(&str, &str)] = &[
    ("backgrounds", "none"),
    ("experience_shown", "none"),
    ("idc_level1", "no"),
    ("idc_level3_track", "not_chosen"),
    ("idc_level4", "not_accepted"),
    ("idc_level4", "not_started"),
    ("industry_experience", "none"),
    ("industry_experience", "one_two"),
    ("industry_experience", "under_one"),
    ("mhfa", "basic"),
    ("mhfa", "no"),
    ("sag_program", "no"),
];

#[test]
fn every_option_is_named_by_a_condition_except_the_ones_that_only_mean_not_met() {
    let d = def();
    let mut used = BTreeSet::new();
    for (_, c) in conditions(&d) {
        options_used(c, &mut used);
    }
    let unused: BTreeSet<(&str, &str)> = d
        .questions
        .iter()
        .flat_map(|q| q.kind.options().iter().map(move |o| (q.id.as_str(), o.id.as_str())))
        .filter(|(q, o)| !used.contains(&(q.to_string(), o.to_string())))
        .collect();
    let expected: BTreeSet<(&str, &str)> = OPTIONS_ONLY_MEANING_NOT_MET.iter().copied().collect();
    assert_eq!(unused, expected, "options that no condition names (left) differ from the reviewed list (right)");
}

#[test]
fn every_requirement_has_a_title_explanations_and_an_action() {
    let d = def();
    for p in &d.pathways {
        assert!(!p.summary.trim().is_empty(), "pathway {} has no summary", p.id);
        for r in &p.requirements {
            for (field, text) in [("title", &r.title), ("met", &r.met), ("unmet", &r.unmet), ("action", &r.action)] {
                assert!(!text.trim().is_empty(), "requirement {}.{}: empty {field}", p.id, r.id);
            }
        }
    }
    for a in &d.advice {
        assert!(!a.title.trim().is_empty() && !a.text.trim().is_empty(), "advice {} has an empty title or text", a.id);
    }
}

#[test]
fn ids_are_unique() {
    let d = def();
    fn unique<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            assert!(seen.insert(id), "duplicate {what} id {id}");
        }
    }
    unique("source", d.sources.iter().map(|s| s.id.as_str()));
    unique("question", d.questions.iter().map(|q| q.id.as_str()));
    unique("pathway", d.pathways.iter().map(|p| p.id.as_str()));
    unique("advice", d.advice.iter().map(|a| a.id.as_str()));
    // Requirement ids are unique across pathways too, so the UI can use them as DOM ids.
    unique("requirement", d.pathways.iter().flat_map(|p| p.requirements.iter().map(|r| r.id.as_str())));
    for q in &d.questions {
        unique(&format!("option of {}", q.id), q.kind.options().iter().map(|o| o.id.as_str()));
    }
}

#[test]
fn the_source_texts_are_the_shared_seed_texts_when_those_are_present() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let seeds = root.join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else { return };
    let mut compared = 0;
    for e in entries {
        let path = e.unwrap().path();
        // The texts, and the README whole: its table of checked public pages backs every link.
        if path.extension().is_some_and(|x| x == "txt") || path.file_name().is_some_and(|n| n == "README.md") {
            let name = path.file_name().unwrap();
            let ours = std::fs::read(root.join("content/sources").join(name))
                .unwrap_or_else(|_| panic!("seed {} has no copy in content/sources", name.to_string_lossy()));
            assert!(ours == std::fs::read(&path).unwrap(), "content/sources/{} differs from the seed", name.to_string_lossy());
            compared += 1;
        }
    }
    assert!(compared > 0, "no seed texts found in {}", seeds.display());
}
