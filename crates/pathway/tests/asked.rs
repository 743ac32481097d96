//! Only questions that can still apply are asked (issue "The flow on a
//! phone"): walked through every scenario fixture in both languages, no
//! question is asked once earlier answers have closed every use of it.
use std::path::PathBuf;

use pathway::{answers_from_json, default_definitions, Answers, Condition, Definition, Flow, Truth};

fn fixtures() -> Vec<(String, Answers)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), answers_from_json(&value["answers"].to_string()).unwrap())
        })
        .collect()
}

/// Whether something that reads question `id` may still matter after the
/// answers in `flow`: a route that is not closed, a later question, or advice
/// of a route that is not closed.
fn still_used(definition: &Definition, flow: &Flow<'_>, id: &str) -> bool {
    let reads = |c: Option<&Condition>| c.is_some_and(|c| c.questions().contains(&id));
    let open = |pathway: Option<&str>| {
        let Some(p) = pathway.and_then(|p| definition.pathway(p)) else { return true };
        p.applies_when.as_ref().is_none_or(|c| c.eval(&|q| flow.lookup(q)) != Truth::False)
    };
    definition.pathways.iter().any(|p| {
        reads(p.applies_when.as_ref()) || (open(Some(&p.id)) && p.requirements.iter().any(|r| reads(Some(&r.met_when)) || reads(r.in_progress_when.as_ref())))
    }) || definition.questions.iter().any(|q| reads(q.when.as_ref()))
        || definition.advice.iter().any(|a| reads(a.when.as_ref()) && open(a.pathway.as_deref()))
}

#[test]
fn no_fixture_is_asked_a_question_whose_every_use_an_earlier_answer_closed() {
    let mut checked = 0;
    for definition in default_definitions().unwrap() {
        for (file, answers) in fixtures() {
            let mut given = Answers::new();
            loop {
                let flow = Flow::new(&definition, &given);
                let Some(q) = flow.next_question() else { break };
                assert!(still_used(&definition, &flow, &q.id), "{file} ({}): {} is asked, but earlier answers closed every use of it", definition.lang, q.id);
                checked += 1;
                let Some(a) = answers.get(&q.id) else { break };
                let (id, a) = (q.id.clone(), a.clone());
                given.insert(id, a);
            }
        }
    }
    assert!(checked > 500, "{checked} questions checked");
}
