//! Progress told honestly (issue "The flow on a phone"): walked through every
//! scenario fixture, question by question, in both languages, no count grows
//! and the bar never goes back; and the start page's promise of how many
//! questions and minutes matches the median over those fixtures.
use std::path::PathBuf;

use pathway::{answers_from_json, default_definitions, Answers, Definition, Flow};

/// What a question page shows of the progress: step, most, and part number and total.
type Shown = (usize, usize, Option<(usize, usize)>);

/// The answers of every scenario fixture, by file name.
fn fixtures() -> Vec<(String, Answers)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut found: Vec<(String, Answers)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let answers = answers_from_json(&value["answers"].to_string()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), answers)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// The progress shown on each question a candidate with `answers` is asked,
/// in order, each worked out from the answers given before it.
fn walk(definition: &Definition, answers: &Answers) -> Vec<(String, Shown)> {
    let mut given = Answers::new();
    let mut shown = Vec::new();
    loop {
        let flow = Flow::new(definition, &given);
        let Some(q) = flow.next_question() else { return shown };
        let Some(answer) = answers.get(&q.id) else { return shown };
        let p = flow.progress(&q.id);
        let (id, answer) = (q.id.clone(), answer.clone());
        shown.push((id.clone(), (p.step, p.most, p.part.map(|part| (part.number, part.total)))));
        given.insert(id, answer);
    }
}

#[test]
fn going_forward_no_count_grows_and_the_bar_never_goes_back_in_any_fixture() {
    let definitions = default_definitions().unwrap();
    let mut steps = 0;
    for definition in &definitions {
        for (file, answers) in fixtures() {
            let shown = walk(definition, &answers);
            for pair in shown.windows(2) {
                let ((a_id, a), (b_id, b)) = (&pair[0], &pair[1]);
                let at = format!("{file} ({}), from {a_id} to {b_id}", definition.lang);
                let ((a_step, a_most, a_part), (b_step, b_most, b_part)) = (*a, *b);
                assert_eq!(b_step, a_step + 1, "{at}: one step at a time");
                assert!(b_most <= a_most, "{at}: the most questions grew from {a_most} to {b_most}");
                assert!(b_step * a_most > a_step * b_most, "{at}: the bar went back");
                let ((a_number, a_total), (b_number, b_total)) = (a_part.expect("every question has a section"), b_part.expect("a section"));
                assert!(b_total <= a_total, "{at}: the parts grew from {a_total} to {b_total}");
                assert!(b_number >= a_number && b_number <= b_total, "{at}: part {a_number} then {b_number} of {b_total}");
                steps += 1;
            }
        }
    }
    assert!(steps > 500, "the walk covered {steps} steps");
}

#[test]
fn the_most_grows_only_by_the_questions_the_last_answer_opened() {
    let definition = &default_definitions().unwrap()[0];
    // Neither Canadian citizenship nor permanent residence rules the ICC questions out; nothing else does.
    let usa: Answers = [("region".to_owned(), pathway::Answer::Choice("usa".into()))].into_iter().collect();
    let before = Flow::new(definition, &usa).progress("canada_status");
    let mut neither = usa.clone();
    neither.insert("canada_status".to_owned(), pathway::Answer::Choice("neither".into()));
    let after = Flow::new(definition, &neither).progress("idc_level1");
    assert!(after.most < before.most, "neither Canadian citizenship nor residence rules the Canadian questions out");
    assert_eq!(after.step, before.step + 1, "no ICC question is asked after it");
}

/// How many questions a candidate is asked, fewest and most, over the
/// fixtures that answer the whole questionnaire: a UK newcomer answers far
/// fewer than a Canadian who is part-way through IDC.
fn question_range(definition: &Definition) -> (usize, usize) {
    let counts: Vec<usize> =
        fixtures().iter().filter(|(_, a)| Flow::new(definition, a).is_complete()).map(|(_, a)| Flow::new(definition, a).asked().count()).collect();
    assert!(counts.len() >= 20, "{} complete fixtures", counts.len());
    (*counts.iter().min().unwrap(), *counts.iter().max().unwrap())
}

#[test]
fn the_start_page_promises_the_range_of_questions_the_fixtures_are_asked_and_its_minutes() {
    for definition in default_definitions().unwrap() {
        let (fewest, most) = question_range(&definition);
        // About 15 seconds a question, rounded up to whole minutes.
        let (short, long) = ((fewest * 15).div_ceil(60), (most * 15).div_ceil(60));
        let (questions, time) = match definition.lang.as_str() {
            // French puts a no-break space between a number and its unit.
            "fr-CA" => (format!("de {fewest} à {most}\u{a0}questions"), format!("de {short} à {long}\u{a0}minutes")),
            _ => (format!("{fewest} to {most} questions"), format!("{short} to {long} minutes")),
        };
        assert!(
            definition.intro.contains(&questions) && definition.intro.contains(&time),
            "the intro should promise {questions} and {time}: {}",
            definition.intro
        );
    }
}
