//! Engine benchmarks: parsing and validating the default content, evaluating
//! it for a full answer set, and the same on a definition 100 times larger
//! (over the size limits, which validation reports; benches/large.rs has
//! definitions at the limits).
//!
//! `cargo bench --bench engine` (add `-- --warm-up-time 1 --measurement-time 2`
//! for a quick run). Pass `--bench engine`: the library's own libtest bench
//! harness rejects criterion's options. With the release profile's
//! `panic = "abort"`, building the binaries and this bench together can race
//! on the library's output file; `CARGO_PROFILE_RELEASE_PANIC=unwind` avoids it.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use pathway::{default_definition, evaluate, Answers, Condition, Definition, DEFAULT_DEFINITION_JSON};

/// A candidate who has answered every question asked (the "everything met" scenario).
fn full_answers() -> Answers {
    let fixture: serde_json::Value = serde_json::from_str(include_str!("../tests/fixtures/scenarios/icc_01_everything_met.json")).unwrap();
    pathway::answers_from_json(&fixture["answers"].to_string()).unwrap()
}

fn suffix_condition(c: &mut Condition, s: &str) {
    match c {
        Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs.iter_mut().for_each(|c| suffix_condition(c, s)),
        Condition::Not(c) => suffix_condition(c, s),
        Condition::Answered(q)
        | Condition::Equals { question: q, .. }
        | Condition::OneOf { question: q, .. }
        | Condition::Includes { question: q, .. }
        | Condition::Compare { question: q, .. } => q.push_str(s),
    }
}

/// `copies` copies of the default questions, pathways and advice, with
/// suffixed ids and every reference rewritten to its own copy.
fn scaled(copies: usize) -> (Definition, Answers) {
    let base = default_definition().unwrap();
    let answers = full_answers();
    let mut big = base.clone();
    big.questions.clear();
    big.pathways.clear();
    big.advice.clear();
    let mut big_answers = Answers::new();
    for k in 0..copies {
        let s = format!("_{k}");
        for q in &base.questions {
            let mut q = q.clone();
            q.id.push_str(&s);
            if let Some(c) = &mut q.when {
                suffix_condition(c, &s);
            }
            big.questions.push(q);
        }
        for p in &base.pathways {
            let mut p = p.clone();
            p.id.push_str(&s);
            if let Some(c) = &mut p.applies_when {
                suffix_condition(c, &s);
            }
            for r in &mut p.requirements {
                r.id.push_str(&s);
                r.after.iter_mut().for_each(|a| a.push_str(&s));
                suffix_condition(&mut r.met_when, &s);
            }
            big.pathways.push(p);
        }
        for a in &base.advice {
            let mut a = a.clone();
            a.id.push_str(&s);
            if let Some(p) = &mut a.pathway {
                p.push_str(&s);
            }
            if let Some(c) = &mut a.when {
                suffix_condition(c, &s);
            }
            big.advice.push(a);
        }
        big_answers.extend(answers.iter().map(|(id, a)| (format!("{id}{s}"), a.clone())));
    }
    (big, big_answers)
}

fn benches(c: &mut Criterion) {
    c.bench_function("default: parse + validate", |b| b.iter(|| Definition::from_json(black_box(DEFAULT_DEFINITION_JSON)).unwrap()));

    let def = default_definition().unwrap();
    c.bench_function("default: validate", |b| b.iter(|| black_box(&def).validate().is_ok()));
    let answers = full_answers();
    c.bench_function("default: evaluate full answers", |b| b.iter(|| evaluate(black_box(&def), black_box(&answers)).pathways.len()));

    let (big, big_answers) = scaled(100);
    // 100 copies are over the limits of questions, pathways and advice
    // (validate.rs); validation still does all its work, and says only that.
    let Err(pathway::DefinitionError::Invalid(issues)) = big.validate() else { panic!("100 copies are over the limits") };
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["questions", "pathways", "advice"], "the scaled definition is otherwise valid: {issues:?}");
    assert_eq!(
        evaluate(&big, &big_answers).pathways.iter().filter(|p| p.status.as_str() == "met").count(),
        big.pathways.len(),
        "every copy of the 'everything met' candidate meets every pathway"
    );
    let mut group = c.benchmark_group("100x default");
    group.sample_size(20);
    group.bench_function("validate", |b| b.iter(|| black_box(&big).validate().is_ok()));
    group.bench_function("evaluate full answers", |b| b.iter(|| evaluate(black_box(&big), black_box(&big_answers)).pathways.len()));
    group.bench_function("validate + evaluate", |b| {
        b.iter(|| {
            black_box(&big).validate().unwrap_err();
            evaluate(black_box(&big), black_box(&big_answers)).pathways.len()
        })
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
