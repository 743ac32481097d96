//! Properties of the engine over random answers: it never panics, stale or
//! ill-typed answers are ignored, and more "yes" never makes things worse.
use pathway::{
    answers_from_json, answers_to_json, default_definition, evaluate, pathway_status, Answer, Answers, Definition, DefinitionError, Flow, Issue, PathwayStatus,
    QuestionKind, RequirementKind, RequirementState, Truth,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::sync::OnceLock;

fn def() -> &'static Definition {
    static DEF: OnceLock<Definition> = OnceLock::new();
    DEF.get_or_init(|| default_definition().expect("default definition is valid"))
}

const JUNK: &[&str] = &["", "junk", "idc_level", "IDC_LEVEL1", "none", "no", "passed", "l2_count", "💥"];

/// Any answer at all: every variant, any number, real option ids and junk.
fn any_answer() -> impl Strategy<Value = Answer> {
    let mut words: Vec<String> = JUNK.iter().map(|s| s.to_string()).collect();
    words.extend(def().questions.iter().flat_map(|q| q.kind.options().iter().map(|o| o.id.clone())));
    let word = select(words);
    prop_oneof![
        any::<bool>().prop_map(Answer::Bool),
        any::<i64>().prop_map(Answer::Number),
        (-5i64..400).prop_map(Answer::Number),
        word.clone().prop_map(Answer::Choice),
        prop::collection::vec(word, 0..4).prop_map(Answer::Choices),
    ]
}

/// Any answer map: real question ids and junk ids, any values.
fn any_answers() -> impl Strategy<Value = Answers> {
    let mut ids: Vec<String> = JUNK.iter().map(|s| s.to_string()).collect();
    ids.extend(def().questions.iter().map(|q| q.id.clone()));
    prop::collection::btree_map(select(ids), any_answer(), 0..40)
}

/// A plausible answer set: each question unanswered or answered with a value
/// that fits it (numbers biased towards the thresholds the rules use).
fn fitting_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<BoxedStrategy<Option<(String, Answer)>>> = def()
        .questions
        .iter()
        .map(|q| {
            let id = q.id.clone();
            let value: BoxedStrategy<Answer> = match &q.kind {
                QuestionKind::YesNo => any::<bool>().prop_map(Answer::Bool).boxed(),
                QuestionKind::Single { options } => select(options.iter().map(|o| o.id.clone()).collect::<Vec<_>>()).prop_map(Answer::Choice).boxed(),
                QuestionKind::Multi { options } => {
                    let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                    let n = ids.len();
                    subsequence(ids, 1..=n).prop_map(Answer::Choices).boxed()
                }
                QuestionKind::Number { min, max, .. } => {
                    let (min, max) = (*min, *max);
                    let near: Vec<i64> = [0, 1, 2, 3, 4, 9, 10, 11, 14, 15, 16, 299, 300, 301].into_iter().filter(|n| (min..=max).contains(n)).collect();
                    prop_oneof![select(near), min..=max].prop_map(Answer::Number).boxed()
                }
            };
            prop::option::weighted(0.75, value.prop_map(move |a| (id.clone(), a))).boxed()
        })
        .collect();
    per_question.prop_map(|pairs| pairs.into_iter().flatten().collect())
}

fn statuses(d: &Definition, a: &Answers) -> Vec<(String, PathwayStatus)> {
    evaluate(d, a).pathways.iter().map(|p| (p.pathway.id.clone(), p.status)).collect()
}

fn requirement_states(d: &Definition, a: &Answers) -> Vec<(String, RequirementState)> {
    evaluate(d, a).pathways.iter().flat_map(|p| p.requirements.iter().map(|r| (r.requirement.id.clone(), r.state))).collect()
}

/// Yes/no questions whose "yes" is the good answer. Each was checked in the
/// content: a `true` only ever helps a requirement (equals true inside any/all,
/// never under a not) and only opens questions that help in turn.
const GOOD_YES: &[&str] = &[
    "movement_instruction",
    "sex_ed_advocacy",
    "leadership",
    "knows_why",
    "knows_role",
    "communication_skills",
    "idc_external",
    "foundational_training",
    "icc_equivalent",
    "actra_member",
];

fn status_rank(s: PathwayStatus) -> u8 {
    s as u8
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_written_as_json_read_back_unchanged(answers in any_answers()) {
        prop_assert_eq!(answers_from_json(&answers_to_json(&answers)), Ok(answers));
    }

    #[test]
    fn any_text_is_a_definition_or_a_located_error_never_a_panic(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,40}") {
        match Definition::from_json(&text) {
            Err(DefinitionError::Parse(Issue { path, message })) => {
                prop_assert!(!path.is_empty() && !message.is_empty(), "{:?} {:?} in {:?}", path, message, text);
            }
            other => prop_assert!(false, "{:?} from {:?}", other, text),
        }
    }

    #[test]
    fn any_answers_evaluate_and_drive_the_flow_without_panicking(answers in any_answers()) {
        let d = def();
        let checklist = evaluate(d, &answers);
        prop_assert_eq!(checklist.pathways.len(), d.pathways.len());
        let flow = Flow::new(d, &answers);
        let next = flow.next_question();
        prop_assert_eq!(next.is_none(), flow.is_complete());
        prop_assert_eq!(checklist.complete, flow.is_complete());
        for id in d.questions.iter().map(|q| q.id.as_str()).chain(JUNK.iter().copied()) {
            let p = flow.progress(id);
            prop_assert!(p.step >= 1 && p.step <= p.most, "progress {:?} for {}", p, id);
            let _ = flow.previous(id);
            let _ = flow.is_asked(id);
        }
        if let Some(q) = next {
            prop_assert!(flow.is_asked(&q.id));
        }
    }

    #[test]
    fn stale_and_ill_typed_answers_are_ignored(answers in any_answers()) {
        // Keeping only the answers to asked questions that fit them changes nothing.
        let d = def();
        let effective = Flow::new(d, &answers).effective_answers();
        for (id, a) in &effective {
            prop_assert!(d.question(id).is_some_and(|q| q.accepts(a)), "{} = {:?} kept", id, a);
        }
        prop_assert_eq!(requirement_states(d, &answers), requirement_states(d, &effective));
        prop_assert_eq!(statuses(d, &answers), statuses(d, &effective));
    }

    #[test]
    fn meeting_one_more_requirement_never_lowers_a_pathway_status(
        applies in select(vec![Truth::True, Truth::Unknown, Truth::False]),
        reqs in prop::collection::vec(
            (select(vec![RequirementKind::Required, RequirementKind::Preferred]),
             select(vec![RequirementState::Met, RequirementState::Unmet, RequirementState::Unknown]),
             any::<bool>()),
            0..8),
        which in any::<prop::sample::Index>(),
    ) {
        let before = pathway_status(applies, reqs.clone());
        if !reqs.is_empty() {
            let mut after = reqs.clone();
            after[which.index(reqs.len())].1 = RequirementState::Met;
            let after = pathway_status(applies, after);
            prop_assert!(status_rank(after) >= status_rank(before), "{:?} -> {:?} for {:?}", before, after, reqs);
        }
        // Preferred requirements never change the status.
        let required: Vec<_> = reqs.iter().copied().filter(|(k, _, _)| *k == RequirementKind::Required).collect();
        prop_assert_eq!(before, pathway_status(applies, required));
    }

    #[test]
    fn answering_yes_instead_of_no_to_a_good_question_never_lowers_a_pathway(answers in fitting_answers()) {
        // Checked on requirements too (a met one stays met), which is
        // stronger and finds counterexamples far more often than statuses alone.
        let d = def();
        let before = statuses(d, &answers);
        let states_before = requirement_states(d, &answers);
        for q in GOOD_YES {
            if answers.get(*q) == Some(&Answer::Bool(false)) {
                let mut better = answers.clone();
                better.insert(q.to_string(), Answer::Bool(true));
                for ((id, b), (_, a)) in before.iter().zip(statuses(d, &better)) {
                    prop_assert!(a >= *b, "{}: false -> true lowered {} from {:?} to {:?}", q, id, b, a);
                }
                for ((id, b), (_, a)) in states_before.iter().zip(requirement_states(d, &better)) {
                    prop_assert!(*b != RequirementState::Met || a == RequirementState::Met,
                        "{}: false -> true made requirement {} {:?}", q, id, a);
                }
            }
        }
    }

    #[test]
    fn the_ally_certificate_never_lowers_a_pathway_once_level3_is_answered(answers in fitting_answers()) {
        // Getting the certificate opens the Level 3 question. While that one is
        // unanswered, "equivalent experience" may or may not be asked, so ICC's
        // Level 3 requirement is honestly unknown (see the test below); once
        // Level 3 is answered, a yes never hurts.
        let d = def();
        if answers.get("idc_ally_certificate") == Some(&Answer::Bool(false)) && answers.contains_key("idc_level3") {
            let before = statuses(d, &answers);
            let mut better = answers.clone();
            better.insert("idc_ally_certificate".into(), Answer::Bool(true));
            for ((id, b), (_, a)) in before.iter().zip(statuses(d, &better)) {
                prop_assert!(a >= *b, "idc_ally_certificate: lowered {} from {:?} to {:?}", id, b, a);
            }
            for ((id, b), (_, a)) in requirement_states(d, &answers).iter().zip(requirement_states(d, &better)) {
                prop_assert!(*b != RequirementState::Met || a == RequirementState::Met,
                    "idc_ally_certificate: made requirement {} {:?}", id, a);
            }
        }
    }
}

#[test]
fn the_ally_certificate_makes_icc_level3_unknown_until_level3_is_answered() {
    // The one yes/no answer that is not monotone on partial answers, pinned
    // down so a change in the semantics is noticed.
    let d = def();
    let mut answers: Answers = [
        ("region", Answer::Choice("canada".into())),
        ("canada_status", Answer::Choice("citizen".into())),
        ("idc_level1", Answer::Choice("idc".into())),
        ("idc_level2_count", Answer::Number(3)),
        ("idc_ally_certificate", Answer::Bool(false)),
        ("icc_equivalent", Answer::Bool(true)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let state = |a: &Answers| evaluate(d, a).pathway("icc").unwrap().requirement("icc_level3").unwrap().state;
    // Equivalent experience is the candidate's own judgment: ICC's to confirm, never plainly met.
    assert_eq!(state(&answers), RequirementState::ToConfirm);
    answers.insert("idc_ally_certificate".into(), Answer::Bool(true));
    assert_eq!(state(&answers), RequirementState::Unknown);
    for (l3, expected) in [("passed", RequirementState::Met), ("attended", RequirementState::ToConfirm)] {
        answers.insert("idc_level3".into(), Answer::Choice(l3.into()));
        assert_eq!(state(&answers), expected, "idc_level3 = {l3}");
    }
}

/// The default content with every requirement left to an organization as a whole.
fn all_left_to_icc(d: &Definition) -> Definition {
    let mut d = d.clone();
    for r in d.pathways.iter_mut().flat_map(|p| p.requirements.iter_mut()) {
        r.alternatives.iter_mut().for_each(|a| a.confirm_with = None);
        r.confirm_with = Some("icc".into());
        r.confirm = Some("ICC decides.".into());
        r.confirm_action = Some("Ask ICC.".into());
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_answers_make_a_step_an_organization_decides_plainly_met(answers in fitting_answers(), ticks in any_ticks()) {
        for definition in pathway::default_definitions().unwrap() {
            // Alternatives left to an organization: met only through one that is not.
            let flow = pathway::Flow::new(&definition, &answers);
            let checklist = pathway::evaluate_with_ticks(&definition, &answers, &ticks);
            for p in &checklist.pathways {
                for r in p.requirements.iter().filter(|r| r.requirement.alternatives.iter().any(|a| a.confirm_with.is_some())) {
                    if r.state == RequirementState::Met && !r.by_tick {
                        let of = match &r.requirement.met_when { pathway::Condition::Any(of) | pathway::Condition::AtLeast { of, .. } => of, _ => unreachable!() };
                        let plain = of.iter().zip(&r.requirement.alternatives)
                            .any(|(c, a)| a.confirm_with.is_none() && c.eval(&|id: &str| flow.lookup(id)) == pathway::Truth::True);
                        prop_assert!(plain, "{}/{} is met only through alternatives an organization decides ({})", p.pathway.id, r.requirement.id, serde_json::to_string(&answers).unwrap());
                    }
                    prop_assert_eq!(r.confirm_with.is_some(), r.state == RequirementState::ToConfirm);
                }
            }
            // Whole requirements left to an organization: never met but by a tick, and no pathway met without one.
            let left = all_left_to_icc(&definition);
            let checklist = pathway::evaluate_with_ticks(&left, &answers, &ticks);
            for p in &checklist.pathways {
                for r in &p.requirements {
                    prop_assert!(r.state != RequirementState::Met || r.by_tick, "{}/{} plainly met", p.pathway.id, r.requirement.id);
                }
                if p.requirements.iter().all(|r| !r.by_tick) {
                    prop_assert!(p.status != pathway::PathwayStatus::Met, "{} met without a tick", p.pathway.id);
                }
            }
        }
    }
}

/// Every tick key of the default content, and some that match nothing.
fn any_ticks() -> impl Strategy<Value = pathway::Ticks> {
    let mut keys: Vec<String> = def().pathways.iter().flat_map(|p| p.requirements.iter().map(move |r| pathway::tick_key(p, r))).collect();
    keys.extend(["idc/nope", "junk", "nope/idc_l1"].map(String::from));
    let n = keys.len();
    subsequence(keys, 0..=n).prop_map(|k| k.into_iter().collect())
}

/// What contradicts the answers or ticks in a checklist: a plan action or a
/// next step for a requirement already met, a step under way shown with its
/// "start" action, a plan action whose earlier steps are not met, a step
/// planned twice, and advice about starting a step that is done, ticked or
/// under way.
fn contradictions(definition: &Definition, answers: &Answers, c: &pathway::Checklist<'_>) -> Vec<String> {
    let flow = Flow::new(definition, answers);
    let lookup = |id: &str| flow.lookup(id);
    let under_way = |r: &pathway::Requirement| r.in_progress_when.as_ref().is_some_and(|w| w.eval(&lookup) == Truth::True);
    let step_problems = |what: &str, p: &pathway::PathwayResult<'_>, r: &pathway::Requirement, shown: &str| {
        let result = p.requirement(&r.id).expect("a step of its own pathway");
        let mut out = Vec::new();
        if result.state == RequirementState::Met {
            out.push(format!("{what} {}/{} is already met", p.pathway.id, r.id));
        }
        if under_way(r) && shown == r.action && r.in_progress_action.is_some() {
            out.push(format!("{what} {}/{} is under way but shown as a start", p.pathway.id, r.id));
        }
        out
    };
    let mut out = Vec::new();
    for p in &c.pathways {
        for s in &p.next_steps {
            out.extend(step_problems("next step", p, s.requirement, s.action()));
        }
    }
    let mut planned = std::collections::HashSet::new();
    for step in &c.plan {
        for pathway in &step.pathways {
            let p = c.pathway(&pathway.id).unwrap();
            let r = if pathway.id == step.pathway.id {
                step.requirement
            } else {
                p.pathway.requirements.iter().find(|r| r.step.is_some() && r.step == step.requirement.step).expect("shares the step")
            };
            if !step.by_tick {
                out.extend(step_problems("plan action", p, r, step.action()));
            } else if !p.requirement(&r.id).unwrap().by_tick {
                out.push(format!("plan action {}/{} is marked as ticked but is not", p.pathway.id, r.id));
            }
            if !p.requirement(&r.id).unwrap().waiting_for.is_empty() {
                out.push(format!("plan action {}/{} waits for an earlier step", p.pathway.id, r.id));
            }
        }
        // A step for an organization to confirm is its own action (ask them), not the shared step.
        let shared = step.requirement.step.clone().filter(|_| step.confirm_with.is_none());
        if !planned.insert(shared.unwrap_or_else(|| step.key())) {
            out.push(format!("plan action {} is listed twice", step.key()));
        }
    }
    for a in c.advice.iter().chain(c.pathways.iter().flat_map(|p| p.advice.iter())) {
        let Some((pid, rid)) = a.about.as_deref().and_then(|s| s.split_once('/')) else { continue };
        let p = c.pathway(pid).unwrap();
        let r = p.requirement(rid).unwrap();
        if r.state == RequirementState::Met || r.in_progress || p.status == PathwayStatus::NotApplicable {
            out.push(format!("advice {} is about starting {pid}/{rid}, which is met, ticked, under way or closed", a.id));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_plan_action_next_step_or_advice_contradicts_the_answers_or_ticks_in_either_language(
        answers in fitting_answers(),
        ticks in any_ticks(),
    ) {
        for definition in pathway::default_definitions().unwrap() {
            let checklist = pathway::evaluate_with_ticks(&definition, &answers, &ticks);
            let found = contradictions(&definition, &answers, &checklist);
            prop_assert!(found.is_empty(), "{} ({}): {found:?}", definition.lang, serde_json::to_string(&answers).unwrap());
        }
    }
}

#[test]
fn the_contradiction_check_catches_advice_to_start_a_done_step_and_a_plan_action_already_met() {
    let definition = def();
    // Level 1 done, in Canada: the old content told this person to start with Level 1.
    let answers: Answers =
        [("canada_status", Answer::Choice("citizen".into())), ("idc_level1", Answer::Choice("idc".into())), ("idc_level2_count", Answer::Number(1))]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
    let mut checklist = pathway::evaluate(definition, &answers);
    assert_eq!(contradictions(definition, &answers, &checklist), Vec::<String>::new());

    let start_with_level1 = definition.advice.iter().find(|a| a.id == "icc_start_with_idc").unwrap();
    let idc = definition.pathway("idc").unwrap();
    let level1 = idc.requirements.iter().find(|r| r.id == "idc_l1").unwrap();
    let icc = checklist.pathways.iter_mut().find(|p| p.pathway.id == "icc").unwrap();
    icc.advice.push(start_with_level1);
    checklist.plan.push(pathway::PlanStep {
        requirement: level1,
        pathway: idc,
        pathways: vec![idc],
        in_progress: false,
        by_tick: false,
        confirm_with: None,
        action: level1.action.as_str().into(),
    });
    assert_eq!(
        contradictions(definition, &answers, &checklist),
        ["plan action idc/idc_l1 is already met", "advice icc_start_with_idc is about starting idc/idc_l1, which is met, ticked, under way or closed",]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_placeholder_of_the_default_content_ever_reaches_a_candidate_in_either_language(
        answers in fitting_answers(),
        ticks in any_ticks(),
    ) {
        for definition in pathway::default_definitions().unwrap() {
            let c = pathway::evaluate_with_ticks(&definition, &answers, &ticks);
            let mut shown: Vec<&str> = Vec::new();
            for p in &c.pathways {
                for r in &p.requirements {
                    shown.extend(r.explanation.as_deref());
                    shown.push(r.action());
                }
                shown.extend(p.next_steps.iter().map(|s| s.action()));
            }
            shown.extend(c.plan.iter().map(|s| s.action()));
            for text in shown {
                prop_assert!(pathway::placeholders(text).next().is_none(), "{}: {text:?} ({})", definition.lang, serde_json::to_string(&answers).unwrap());
            }
        }
    }
}
