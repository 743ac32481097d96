//! Texts in the candidate's own terms: counts with what remains, the
//! alternative met or the closest one, texts per option, and validation that
//! refuses a placeholder its text cannot fill.
use pathway::{evaluate, Answer, Answers, Definition, DefinitionError, RequirementState};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "id": "t", "version": 1, "title": "T", "lang": "en",
        "sources": [{"id": "s", "title": "S"}],
        "questions": [
            {"id": "workshops", "text": "How many?", "type": "number", "min": 0, "max": 10000},
            {"id": "hours", "text": "Hours?", "type": "number", "min": 0, "max": 100000},
            {"id": "years", "text": "Years?", "type": "number", "min": 0, "max": 80},
            {"id": "stage", "text": "Where are you?", "type": "single", "options": [
                {"id": "not_applied", "label": "Not applied"}, {"id": "applied", "label": "Applied"}, {"id": "passed", "label": "Passed"}]},
            {"id": "ok", "text": "OK?", "type": "yes_no"}
        ],
        "pathways": [{"id": "p", "title": "P", "requirements": [
            {"id": "count", "title": "Three workshops",
             "met_when": {"compare": {"question": "workshops", "op": ">=", "value": 3}},
             "met": "You attended {answer} workshops.", "unmet": "Three are needed: {target}.", "action": "Attend {target} workshops.",
             "in_progress_when": {"compare": {"question": "workshops", "op": ">=", "value": 1}},
             "in_progress": "You attended {answer} of the {target} workshops.",
             "in_progress_action": "Attend {remaining} more.",
             "source": {"source": "s", "quote": "q"}},
            {"id": "either", "title": "Hours or years",
             "met_when": {"at_least": {"n": 1, "of": [
                 {"compare": {"question": "hours", "op": ">=", "value": 300}},
                 {"compare": {"question": "years", "op": ">=", "value": 10}}]}},
             "met": "Met.", "unmet": "Not met.", "action": "Work more.",
             "alternatives": [
                 {"met": "Your {answer} hours meet the 300-hour route.", "closest": "{answer} of {target} hours is your closest route: {remaining} more."},
                 {"met": "Your {answer} years meet the 10-year route.", "closest": "{answer} of {target} years is your closest route: {remaining} more."}],
             "source": {"source": "s", "quote": "q"}},
            {"id": "stage", "title": "Pass", "met_when": {"equals": {"question": "stage", "value": "passed"}},
             "met": "Passed.", "unmet": "Not passed.", "action": "Apply.",
             "per_option": {"applied": {"unmet": "You answered “{answer}”: wait for the answer.", "action": "Wait for the reply."}},
             "source": {"source": "s", "quote": "q"}}
        ]}]
    })
}

fn def(v: &Value) -> Definition {
    Definition::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// (explanation, action) of requirement `rid`.
fn said(d: &Definition, a: &Answers, rid: &str) -> (Option<String>, String) {
    let c = evaluate(d, a);
    let r = c.pathway("p").unwrap().requirement(rid).unwrap();
    (r.explanation.as_deref().map(str::to_owned), r.action().to_owned())
}

#[test]
fn a_partial_count_says_where_the_candidate_is_and_what_remains() {
    let d = def(&base());
    let (why, action) = said(&d, &answers(&[("workshops", Answer::Number(1))]), "count");
    assert_eq!(why.as_deref(), Some("You attended 1 of the 3 workshops."));
    assert_eq!(action, "Attend 2 more.");
    let (why, action) = said(&d, &answers(&[("workshops", Answer::Number(0))]), "count");
    assert_eq!((why.as_deref(), action.as_str()), (Some("Three are needed: 3."), "Attend 3 workshops."));
    let (why, _) = said(&d, &answers(&[("workshops", Answer::Number(1250))]), "count");
    assert_eq!(why.as_deref(), Some("You attended 1,250 workshops."), "numbers grouped as the language writes them");
}

#[test]
fn the_alternative_met_is_named_and_when_none_is_the_closest_one() {
    let d = def(&base());
    let a = answers(&[("hours", Answer::Number(100)), ("years", Answer::Number(12))]);
    assert_eq!(said(&d, &a, "either").0.as_deref(), Some("Your 12 years meet the 10-year route."));
    let a = answers(&[("hours", Answer::Number(150)), ("years", Answer::Number(2))]);
    assert_eq!(said(&d, &a, "either").0.as_deref(), Some("150 of 300 hours is your closest route: 150 more."));
    let a = answers(&[("hours", Answer::Number(30)), ("years", Answer::Number(8))]);
    assert_eq!(said(&d, &a, "either").0.as_deref(), Some("8 of 10 years is your closest route: 2 more."));
}

#[test]
fn an_option_with_its_own_texts_is_told_them_and_others_the_requirements_own() {
    let d = def(&base());
    let (why, action) = said(&d, &answers(&[("stage", Answer::Choice("applied".into()))]), "stage");
    assert_eq!((why.as_deref(), action.as_str()), (Some("You answered “Applied”: wait for the answer."), "Wait for the reply."));
    let (why, action) = said(&d, &answers(&[("stage", Answer::Choice("not_applied".into()))]), "stage");
    assert_eq!((why.as_deref(), action.as_str()), (Some("Not passed."), "Apply."));
    let passed = answers(&[("stage", Answer::Choice("passed".into()))]);
    let c = evaluate(&d, &passed);
    assert_eq!(c.pathway("p").unwrap().requirement("stage").unwrap().state, RequirementState::Met);
}

fn issues(v: &Value) -> Vec<String> {
    match Definition::from_json(&v.to_string()) {
        Ok(_) => vec![],
        Err(DefinitionError::Invalid(i)) => i.iter().map(|i| i.to_string()).collect(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_placeholder_the_text_cannot_fill_is_refused_with_its_path() {
    let mut v = base();
    v["pathways"][0]["requirements"][0]["unmet"] = json!("You have {answer}.");
    v["pathways"][0]["requirements"][0]["action"] = json!("Attend {remaining} more.");
    v["pathways"][0]["requirements"][2]["met"] = json!("{target} passed.");
    v["pathways"][0]["requirements"][1]["met"] = json!("{answer} met.");
    v["pathways"][0]["requirements"][2]["unmet"] = json!("Not {answr}.");
    assert_eq!(
        issues(&v),
        [
            "pathways[0].requirements[0].unmet: {answer} cannot be filled here: this text can be shown before the question is answered",
            "pathways[0].requirements[0].action: {remaining} cannot be filled here: this text can be shown before the question is answered",
            "pathways[0].requirements[1].met: {answer} cannot be filled here: its condition does not read one question directly",
            "pathways[0].requirements[2].met: {target} cannot be filled here: its condition is not a >= or > comparison of a number",
            "pathways[0].requirements[2].unmet: unknown placeholder {answr} (there are {answer}, {target} and {remaining})",
        ]
    );
}

#[test]
fn per_option_and_alternative_texts_must_fit_their_requirement() {
    let mut v = base();
    v["pathways"][0]["requirements"][2]["per_option"]["maybe"] = json!({"unmet": "?"});
    v["pathways"][0]["requirements"][1]["alternatives"].as_array_mut().unwrap().pop();
    v["pathways"][0]["requirements"][0]["per_option"] = json!({"x": {"met": "m"}});
    assert_eq!(
        issues(&v),
        [
            "pathways[0].requirements[0].per_option: per_option needs a met_when that reads one single-choice question",
            "pathways[0].requirements[1].alternatives: 1 alternatives for a met_when with 2 (one per alternative of its any or at_least, in order)",
            r#"pathways[0].requirements[2].per_option.maybe: unknown option "maybe""#,
        ]
    );
    let mut v = base();
    v["pathways"][0]["requirements"][2]["per_option"]["applied"] = json!({"unmet": "{answer} on a yes/no", "met": "ok"});
    v["questions"][4]["type"] = json!("yes_no");
    assert_eq!(issues(&v), Vec::<String>::new());
}

#[test]
fn advice_can_say_the_answer_its_condition_reads_and_nothing_it_cannot_fill() {
    let mut v = base();
    v["advice"] = json!([{"id": "a", "title": "Hours", "text": "With {answer} hours, {remaining} remain to {target}.",
        "when": {"compare": {"question": "hours", "op": ">=", "value": 300}}, "source": {"source": "s", "quote": "q"}}]);
    let d = def(&v);
    let a = answers(&[("hours", Answer::Number(1200))]);
    assert_eq!(pathway::advice_text(&d.advice[0], &d, &a), "With 1,200 hours, 0 remain to 300.");
    v["advice"][0]["when"] = json!({"any": [{"equals": {"question": "ok", "value": true}}]});
    assert_eq!(
        issues(&v),
        [
            "advice[0].text: {answer} cannot be filled here: its condition does not read one question directly",
            "advice[0].text: {remaining} cannot be filled here: its condition does not read one question directly",
            "advice[0].text: {target} cannot be filled here: its condition does not read one question directly",
        ]
    );
}
