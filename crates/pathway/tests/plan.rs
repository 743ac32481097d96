//! The plan across pathways, ticks, steps under way and advice about a step:
//! what a candidate is told to do next follows their answers and their ticks.
use pathway::{evaluate_with_ticks, Answer, Answers, Definition, PathwayStatus, RequirementState, Ticks};
use serde_json::json;

/// Two pathways sharing the Level 1 step; B's second step waits for its first.
fn definition() -> Definition {
    let req = |id: &str, q: &str, extra: serde_json::Value| {
        let mut r = json!({
            "id": id, "title": id, "met_when": {"equals": {"question": q, "value": true}},
            "met": "met", "unmet": "unmet", "action": format!("do {id}"),
            "source": {"source": "s", "quote": "q"}
        });
        r.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        r
    };
    let v = json!({
        "id": "t", "version": 1, "title": "T",
        "sources": [{"id": "s", "title": "S"}],
        "questions": [
            {"id": "l1", "text": "Level 1?", "type": "yes_no"},
            {"id": "l1_booked", "text": "Booked?", "type": "yes_no"},
            {"id": "l2", "text": "Level 2?", "type": "yes_no"},
            {"id": "other", "text": "Other?", "type": "yes_no"}
        ],
        "pathways": [
            {"id": "a", "title": "A", "requirements": [
                req("l1", "l1", json!({"step": "level1", "url": "https://example.org/l1",
                    "in_progress_when": {"equals": {"question": "l1_booked", "value": true}},
                    "in_progress": "booked", "in_progress_action": "go to your Level 1"})),
                req("l2", "l2", json!({"after": ["l1"]}))
            ]},
            {"id": "b", "title": "B", "requirements": [
                req("b_l1", "l1", json!({"step": "level1"})),
                req("other", "other", json!({}))
            ]}
        ],
        "advice": [
            {"id": "start", "title": "Start with Level 1", "text": "Begin here.", "about": "a/l1", "source": {"source": "s", "quote": "q"}}
        ]
    });
    Definition::from_json(&v.to_string()).expect("valid")
}

fn answers(pairs: &[(&str, bool)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), Answer::Bool(*v))).collect()
}

fn ticks(keys: &[&str]) -> Ticks {
    keys.iter().map(|k| k.to_string()).collect()
}

/// The plan as "action [pathways]" lines.
fn plan_of(def: &Definition, a: &Answers, t: &Ticks) -> Vec<String> {
    let c = evaluate_with_ticks(def, a, t);
    c.plan
        .iter()
        .map(|s| {
            let done = if s.by_tick { " (ticked)" } else { "" };
            format!("{}{done} [{}]", s.action(), s.pathways.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(","))
        })
        .collect()
}

#[test]
fn a_step_shared_by_two_pathways_is_planned_once_naming_both() {
    let def = definition();
    let a = answers(&[("l1", false), ("l1_booked", false), ("other", false)]);
    assert_eq!(plan_of(&def, &a, &Ticks::new()), ["do l1 [a,b]", "do other [b]"]);
}

#[test]
fn a_step_waiting_for_an_earlier_one_is_not_in_the_plan_until_that_is_met() {
    let def = definition();
    let a = answers(&[("l1", true), ("l2", false), ("other", true)]);
    assert_eq!(plan_of(&def, &a, &Ticks::new()), ["do l2 [a]"]);
    let a = answers(&[("l1", false), ("l1_booked", false), ("l2", false), ("other", true)]);
    assert!(!plan_of(&def, &a, &Ticks::new()).iter().any(|s| s.starts_with("do l2")));
}

#[test]
fn a_step_under_way_is_continued_not_started_and_its_start_advice_is_withheld() {
    let def = definition();
    let a = answers(&[("l1", false), ("l1_booked", true), ("other", true)]);
    let c = evaluate_with_ticks(&def, &a, &Ticks::new());
    assert_eq!(c.plan[0].action(), "go to your Level 1");
    let l1 = c.pathway("a").unwrap().requirement("l1").unwrap();
    assert!(l1.in_progress);
    assert_eq!(l1.explanation.as_deref(), Some("booked"));
    assert!(c.advice.is_empty(), "advice about starting Level 1 shown to someone booked on it");

    let a = answers(&[("l1", false), ("l1_booked", false), ("other", true)]);
    let c = evaluate_with_ticks(&def, &a, &Ticks::new());
    assert_eq!(c.advice.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["start"]);
}

#[test]
fn a_tick_counts_as_met_for_the_status_the_plan_and_the_steps_waiting_for_it() {
    let def = definition();
    let a = answers(&[("l1", false), ("l1_booked", false), ("l2", false), ("other", false)]);
    let c = evaluate_with_ticks(&def, &a, &ticks(&["a/l1"]));
    let pa = c.pathway("a").unwrap();
    let l1 = pa.requirement("l1").unwrap();
    assert_eq!((l1.state, l1.by_tick, l1.explanation.as_deref()), (RequirementState::Met, true, None));
    assert_eq!(pa.status, PathwayStatus::InProgress);
    assert_eq!(pa.next_step().map(|s| s.requirement.id.as_str()), Some("l2"));
    assert_eq!(pa.progress(), (1, 2));
    // The shared step is ticked for B too, and the start advice is gone.
    let b_l1 = c.pathway("b").unwrap().requirement("b_l1").unwrap();
    assert_eq!((b_l1.state, b_l1.by_tick), (RequirementState::Met, true));
    assert!(c.advice.is_empty());
    // The ticked step stays where it was, marked; the step it unlocks follows.
    assert_eq!(plan_of(&def, &a, &ticks(&["a/l1"])), ["do l1 (ticked) [a,b]", "do l2 [a]", "do other [b]"]);
}

#[test]
fn answers_win_over_ticks_and_unknown_ticks_are_ignored() {
    let def = definition();
    let a = answers(&[("l1", true), ("l2", false), ("other", false)]);
    let c = evaluate_with_ticks(&def, &a, &ticks(&["a/l1", "a/nope", "zz/l1", "junk"]));
    let l1 = c.pathway("a").unwrap().requirement("l1").unwrap();
    assert_eq!((l1.state, l1.by_tick, l1.explanation.as_deref()), (RequirementState::Met, false, Some("met")));
    assert_eq!(c.pathway("b").unwrap().requirement("other").unwrap().state, RequirementState::Unmet);
}

#[test]
fn a_step_under_way_rests_on_the_answers_that_say_so_as_well_as_those_that_would_meet_it() {
    let def = definition();
    let based_on = |a: &Answers| {
        let c = evaluate_with_ticks(&def, a, &Ticks::new());
        c.pathways[0].requirements[0].based_on.iter().map(|q| q.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(based_on(&answers(&[("l1", false), ("l1_booked", true)])), ["l1", "l1_booked"], "under way: both");
    assert_eq!(based_on(&answers(&[("l1", false), ("l1_booked", false)])), ["l1"], "not under way: only what would meet it");
}
