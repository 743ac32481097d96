//! Large-definition benchmarks: validation and evaluation of 20,000
//! requirements with `after` chains and fan-in, where work that grew with
//! requirements × `after` entries used to hang the page.
//!
//! - "limits": 100 pathways of 200 requirements, each after the (up to) 50
//!   before it: the pathway, requirement and `after` limits all reached at
//!   once (872,000 `after` entries).
//! - "every list limit": the same, and every other list at its limit at
//!   once too (500 questions, 40,000 options, conditions 32 levels deep
//!   and 100 wide, 500 advice items of 50 points; texts short).
//! - "one pathway": the same 20,000 requirements in a single pathway, each
//!   after the one before and every fifth after the 50 before: far over the
//!   limits, the shape of the definition that hung the page. Validation
//!   refuses it, and must do so as quickly as it accepts the first one.
//!   Evaluating it shows the engine's cost on a chain that long.
//!
//! `cargo bench -p pathway --bench large` (add `-- --quick` for a short run;
//! see benches/engine.rs on `--bench` and `panic = "abort"`).
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use pathway::{evaluate, Answer, Answers, Citation, Cmp, Condition, Definition, Pathway, Question, QuestionKind, Requirement, Source};

#[path = "../tests/common/mod.rs"]
mod common;
use common::definition;

const REQUIREMENTS: usize = 20_000;

fn requirement(i: usize, question: &str, after: impl Iterator<Item = usize>) -> Requirement {
    let met_when = Condition::Compare { question: question.into(), op: Cmp::Gt, value: i as i64 };
    common::requirement(format!("r{i}"), format!("Step {i}"), met_when, after.map(|j| format!("r{j}")).collect())
}

fn question(id: String, max: usize) -> Question {
    Question {
        id,
        section: None,
        text: "How many steps have you done?".into(),
        hint: None,
        kind: QuestionKind::Number { min: 0, max: max as i64, unit: None },
        when: None,
    }
}

fn pathway(id: String, requirements: Vec<Requirement>) -> Pathway {
    Pathway {
        id,
        title: "Pathway".into(),
        summary: String::new(),
        goal: None,
        applies_when: None,
        not_applicable: None,
        optional_when: None,
        optional: None,
        requirements,
    }
}

/// 100 pathways of 200 requirements, each after the up to 50 before it;
/// halfway through each pathway.
fn at_the_limits() -> (Definition, Answers) {
    let (pathways, per) = (100, REQUIREMENTS / 100);
    let questions = (0..pathways).map(|k| question(format!("done_{k}"), per)).collect();
    let pathways = (0..pathways)
        .map(|k| {
            let q = format!("done_{k}");
            pathway(format!("p{k}"), (0..per).map(|i| requirement(i, &q, i.saturating_sub(50)..i)).collect())
        })
        .collect();
    let answers = (0..100).map(|k| (format!("done_{k}"), Answer::Number(per as i64 / 2))).collect();
    (definition(questions, pathways), answers)
}

/// 20,000 requirements in one pathway: each after the one before, every
/// fifth after the 50 before; halfway through.
fn one_pathway() -> (Definition, Answers) {
    let after = |i: usize| if i.is_multiple_of(5) { i.saturating_sub(50)..i } else { i.saturating_sub(1)..i };
    let requirements = (0..REQUIREMENTS).map(|i| requirement(i, "done", after(i))).collect();
    let answers = Answers::from([("done".to_owned(), Answer::Number(REQUIREMENTS as i64 / 2))]);
    (definition(vec![question("done".into(), REQUIREMENTS)], vec![pathway("p".into(), requirements)]), answers)
}

/// Every list at its limit at once (texts short): `at_the_limits`, plus 100
/// sources, 400 single-choice questions of 100 options, each pathway open
/// when a condition 32 levels deep holds whose innermost `any` has 100
/// `one_of`s of 100 option ids, and 500 advice items of 50 points, each
/// shown when one of 100 `includes` holds.
fn every_list_limit() -> (Definition, Answers) {
    let (mut def, mut answers) = at_the_limits();
    def.sources.extend((1..100).map(|i| Source { id: format!("s{i}"), title: "Source".into(), file: None, url: None, compared: None, taken: None }));
    let choice = |j: usize| Question {
        id: format!("c{j}"),
        section: None,
        text: "Which one?".into(),
        hint: None,
        kind: QuestionKind::Single {
            options: (0..100).map(|o| pathway::Choice { id: format!("o{o}"), label: format!("Option {o}"), hint: None, exclusive: false }).collect(),
        },
        when: None,
    };
    def.questions.extend((0..400).map(choice));
    answers.extend((0..400).map(|j| (format!("c{j}"), Answer::Choice("o0".into()))));
    let values: Vec<String> = (0..100).map(|o| format!("o{o}")).collect();
    for (k, p) in def.pathways.iter_mut().enumerate() {
        let mut c = Condition::Any((0..100).map(|j| Condition::OneOf { question: format!("c{}", (k + j) % 400), values: values.clone() }).collect());
        for _ in 0..30 {
            c = Condition::All(vec![c]);
        }
        p.applies_when = Some(c);
        p.not_applicable = Some("Not for you.".into());
    }
    def.advice = (0..500)
        .map(|i| pathway::Advice {
            id: format!("a{i}"),
            pathway: Some(format!("p{}", i % 100)),
            title: "Advice".into(),
            text: "Some advice.".into(),
            points: (0..50).map(|j| format!("Point {j}.")).collect(),
            about: None,
            when: Some(Condition::AtLeast {
                n: 1,
                of: (0..100).map(|j| Condition::Includes { question: format!("c{}", (i + j) % 400), value: "o0".into() }).collect(),
            }),
            // `src` and s1 to s99: every source is cited.
            source: Citation { source: def.sources[i % 100].id.clone(), quote: "Advice.".into(), paraphrase: String::new() },
        })
        .collect();
    (def, answers)
}

fn benches(c: &mut Criterion) {
    let cases = [("limits", at_the_limits(), true), ("every list limit", every_list_limit(), true), ("one pathway", one_pathway(), false)];
    for (name, (def, answers), valid) in cases {
        let after: usize = def.pathways.iter().flat_map(|p| &p.requirements).map(|r| r.after.len()).sum();
        println!("{name}: {} requirements, {after} after entries", def.pathways.iter().map(|p| p.requirements.len()).sum::<usize>());
        match def.validate() {
            Ok(()) => println!("{name}: valid"),
            Err(e) => println!("{name}: {}", e.to_string().lines().take(3).collect::<Vec<_>>().join(" / ")),
        }
        assert!(def.validate().is_ok() || !valid, "{name} is within the limits");
        let checklist = evaluate(&def, &answers);
        let ready = checklist.pathways.iter().filter_map(|p| p.next_step()).count();
        assert_eq!(ready, def.pathways.len(), "{name}: one step ready per pathway");

        let mut group = c.benchmark_group(format!("20k requirements, {name}"));
        group.sample_size(10);
        group.bench_function("validate", |b| b.iter(|| black_box(&def).validate().is_ok()));
        group.bench_function("evaluate", |b| b.iter(|| evaluate(black_box(&def), black_box(&answers)).pathways.len()));
        group.finish();
    }
}

criterion_group!(large, benches);
criterion_main!(large);
