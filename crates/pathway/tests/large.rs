//! Definitions as large as the limits allow, and larger: they validate and
//! evaluate to the right checklist, and the `after` order of requirements is
//! followed through long chains and long lists without stack overflow. How
//! fast is measured by `benches/large.rs`, not here.
use pathway::{
    evaluate, Answer, Answers, Cmp, Condition, Definition, DefinitionError, Pathway, PathwayStatus, Question, QuestionKind, Requirement, RequirementState,
};

mod common;
use common::definition;

const PATHWAYS: usize = 100;
const REQUIREMENTS: usize = 200;
/// Every `FAN_IN_EVERY`th requirement from the `FAN_IN`th on comes after the `FAN_IN` before it.
const FAN_IN: usize = 50;
const FAN_IN_EVERY: usize = 5;

fn requirement(id: String, met_when: Condition, after: Vec<String>) -> Requirement {
    common::requirement(id, "Step".into(), met_when, after)
}

/// The indices of the requirements requirement `i` comes after: the one
/// before it (a chain through the whole pathway), and for some the
/// `FAN_IN` before it.
fn after_of(i: usize) -> Vec<usize> {
    if i >= FAN_IN && i.is_multiple_of(FAN_IN_EVERY) {
        (i - FAN_IN..i).collect()
    } else if i > 0 {
        vec![i - 1]
    } else {
        vec![]
    }
}

/// 100 pathways of 200 requirements (20,000 in all, with 166,900 `after`
/// entries). Pathway `k` asks "how many steps have you done" (`done_k`);
/// its requirement `i` is met when that is more than `i`.
fn twenty_thousand_requirements() -> Definition {
    let questions = (0..PATHWAYS)
        .map(|k| Question {
            id: format!("done_{k}"),
            section: None,
            text: format!("How many steps of pathway {k} have you done?"),
            hint: None,
            kind: QuestionKind::Number { min: 0, max: REQUIREMENTS as i64, unit: None },
            when: None,
        })
        .collect();
    let pathways = (0..PATHWAYS)
        .map(|k| Pathway {
            id: format!("p{k}"),
            title: format!("Pathway {k}"),
            summary: String::new(),
            goal: None,
            applies_when: None,
            not_applicable: None,
            optional_when: None,
            optional: None,
            requirements: (0..REQUIREMENTS)
                .map(|i| {
                    let met_when = Condition::Compare { question: format!("done_{k}"), op: Cmp::Gt, value: i as i64 };
                    requirement(format!("r{i}"), met_when, after_of(i).into_iter().map(|j| format!("r{j}")).collect())
                })
                .collect(),
        })
        .collect();
    definition(questions, pathways)
}

#[test]
fn twenty_thousand_requirements_with_long_after_lists_validate_and_evaluate_to_the_right_steps() {
    let def = twenty_thousand_requirements();
    let after_entries: usize = def.pathways.iter().flat_map(|p| &p.requirements).map(|r| r.after.len()).sum();
    assert_eq!((def.pathways.len() * REQUIREMENTS, after_entries), (20_000, 166_900));
    def.validate().unwrap_or_else(|e| panic!("{}", e.to_string().chars().take(2000).collect::<String>()));

    // Pathway k: 2k steps done; every tenth pathway not answered yet.
    let answers: Answers = (0..PATHWAYS).filter(|k| k % 10 != 9).map(|k| (format!("done_{k}"), Answer::Number(2 * k as i64))).collect();
    let checklist = evaluate(&def, &answers);
    assert_eq!(checklist.pathways.len(), PATHWAYS);
    for (k, result) in checklist.pathways.iter().enumerate() {
        let answered = k % 10 != 9;
        // The steps done; while unanswered, none is known to be done.
        let done = if answered { 2 * k } else { 0 };
        let expected_status = match (answered, done) {
            (false, _) | (true, 0) => PathwayStatus::NotYet,
            _ => PathwayStatus::InProgress,
        };
        assert_eq!(result.status, expected_status, "pathway {k}");
        for (i, r) in result.requirements.iter().enumerate() {
            let expected_state = match (answered, i < done) {
                (false, _) => RequirementState::Unknown,
                (true, true) => RequirementState::Met,
                (true, false) => RequirementState::Unmet,
            };
            assert_eq!(r.state, expected_state, "pathway {k}, requirement {i}");
            // Only the steps not done are waited for.
            let waiting: Vec<&str> = r.waiting_for.iter().map(|w| w.id.as_str()).collect();
            let expected: Vec<String> = after_of(i).into_iter().filter(|&j| j >= done).map(|j| format!("r{j}")).collect();
            assert_eq!(waiting, expected, "pathway {k}, requirement {i}");
        }
        // The next step is the first one not done; the others wait, in order.
        let ready: Vec<&str> = result.next_steps.iter().filter(|s| s.ready).map(|s| s.requirement.id.as_str()).collect();
        assert_eq!(ready, [format!("r{done}")], "pathway {k}");
        let steps: Vec<String> = result.next_steps.iter().map(|s| s.requirement.id.clone()).collect();
        let expected: Vec<String> = (done..REQUIREMENTS).map(|i| format!("r{i}")).collect();
        assert_eq!(steps, expected, "pathway {k}");
        assert_eq!(result.next_step().map(|s| s.requirement.id.as_str()), Some(format!("r{done}").as_str()));
    }
}

/// One pathway of `n` requirements, each after the next one, and the last
/// after the first: a single cycle through all of them.
fn one_long_cycle(n: usize) -> Definition {
    let questions = vec![Question { id: "q".into(), section: None, text: "Done?".into(), hint: None, kind: QuestionKind::YesNo, when: None }];
    let pathway = Pathway {
        id: "p".into(),
        title: "Pathway".into(),
        summary: String::new(),
        goal: None,
        applies_when: None,
        not_applicable: None,
        optional_when: None,
        optional: None,
        requirements: (0..n).map(|i| requirement(format!("r{i}"), Condition::Answered("q".into()), vec![format!("r{}", (i + 1) % n)])).collect(),
    };
    definition(questions, vec![pathway])
}

#[test]
fn a_cycle_through_twenty_thousand_requirements_of_one_pathway_is_reported_not_a_stack_overflow() {
    let n = 20_000;
    let Err(DefinitionError::Invalid(issues)) = one_long_cycle(n).validate() else { panic!("a cycle is invalid") };
    let messages: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    let cycle: Vec<String> = (0..n).chain([0]).map(|i| format!("r{i}")).collect();
    assert_eq!(
        messages,
        [
            format!("pathways[0].requirements: more than 200 requirements (it has {n})"),
            format!("pathways[0].requirements: cyclic order: {}", cycle.join(" -> ")),
        ]
    );
}

#[test]
fn a_cycle_through_a_whole_pathway_at_the_limit_is_reported_with_every_step() {
    let Err(DefinitionError::Invalid(issues)) = one_long_cycle(REQUIREMENTS).validate() else { panic!("a cycle is invalid") };
    let cycle: Vec<String> = (0..REQUIREMENTS).chain([0]).map(|i| format!("r{i}")).collect();
    assert_eq!(issues.iter().map(|i| i.to_string()).collect::<Vec<_>>(), [format!("pathways[0].requirements: cyclic order: {}", cycle.join(" -> "))]);
}
