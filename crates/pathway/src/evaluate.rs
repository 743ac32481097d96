//! Evaluation: a definition and a set of answers turned into the
//! personalized checklist, each pathway with its status, each requirement
//! with its state and the steps to take now and later.
//!
//! Ticks ("I have done this") count as met for everything that follows from
//! a requirement: the pathway's status, its next step, the steps waiting for
//! it and the plan. Each result says whether it rests on a tick, so the
//! candidate sees the difference from what their answers show.
//!
//! Linear in the size of the definition: the flow is worked out once, each
//! condition evaluated once, and `after` entries resolved through a map of
//! each pathway's requirement ids built once (looking each one up in the
//! list made 20,000 requirements take tens of seconds; benches/large.rs).
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::answers::{Answer, Answers};
use super::condition::{Condition, Lookup, Truth};
use super::definition::{Advice, Definition, Pathway, Question, Requirement, RequirementKind};
use super::flow::Flow;
use super::text::{fill, Subject};

/// Where a candidate stands on one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RequirementState {
    /// The answers show it is not met.
    Unmet,
    /// A question it depends on is not answered yet.
    Unknown,
    /// The answers meet it only in a way its organization decides on
    /// (`confirm_with`: "or equivalent experience"): met if they agree.
    ToConfirm,
    /// The answers show it is met.
    Met,
}

/// Where a candidate stands on a pathway. Ordered from worst to best, which
/// the monotonicity property test relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PathwayStatus {
    /// The pathway is not open to the candidate (e.g. a residence rule).
    NotApplicable,
    /// No required requirement is met yet.
    NotYet,
    /// Some required requirements are met, or one is under way.
    InProgress,
    /// Every required requirement is met or for its organization to
    /// confirm, and at least one is to confirm: met if they agree.
    ToConfirm,
    /// Every required requirement is met.
    Met,
}

impl PathwayStatus {
    /// Stable machine name, used in fixtures, events and saved data.
    pub fn as_str(self) -> &'static str {
        match self {
            PathwayStatus::NotApplicable => "not_applicable",
            PathwayStatus::NotYet => "not_yet",
            PathwayStatus::InProgress => "in_progress",
            PathwayStatus::ToConfirm => "to_confirm",
            PathwayStatus::Met => "met",
        }
    }
}

impl RequirementState {
    /// Stable machine name, used in fixtures and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementState::Met => "met",
            RequirementState::Unmet => "unmet",
            RequirementState::Unknown => "unknown",
            RequirementState::ToConfirm => "to_confirm",
        }
    }
}

/// Steps the candidate ticked as done, each as `pathway_id/requirement_id`.
pub type Ticks = BTreeSet<String>;

/// The verdict on one requirement, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementResult<'d> {
    /// The requirement judged.
    pub requirement: &'d Requirement,
    /// Met, unmet or not answered; met also when ticked.
    pub state: RequirementState,
    /// Met only because the candidate ticked it: the answers do not show it.
    pub by_tick: bool,
    /// Not met, and the answers say it is under way (`in_progress_when`).
    pub in_progress: bool,
    /// While [`RequirementState::ToConfirm`]: the id of the organization
    /// that decides.
    pub confirm_with: Option<&'d str>,
    /// The author's explanation for this state, in the candidate's terms;
    /// `None` while unknown and when met by a tick.
    pub explanation: Option<Cow<'d, str>>,
    /// The questions whose answers decided it, so the UI can show "based on your answer to ...".
    pub based_on: Vec<&'d Question>,
    /// Required earlier steps of the same pathway that are not met yet.
    pub waiting_for: Vec<&'d Requirement>,
    /// What to do, in the candidate's terms: the text for their option, the
    /// continuation of a step under way, or the requirement's own action,
    /// with their answers filled in.
    pub action: Cow<'d, str>,
}

/// One outstanding step of a pathway.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep<'d> {
    /// The requirement to work on.
    pub requirement: &'d Requirement,
    /// Whether it can be worked on now (its earlier steps are met).
    pub ready: bool,
    /// The earlier steps it waits for.
    pub waiting_for: Vec<&'d Requirement>,
    /// The answers say it is under way.
    pub in_progress: bool,
    /// What to do, in the candidate's terms (see [`RequirementResult::action`]).
    pub action: Cow<'d, str>,
}

impl NextStep<'_> {
    /// What to do, in the candidate's terms.
    pub fn action(&self) -> &str {
        &self.action
    }
}

/// One action of the candidate's plan: a step that can be taken now, listed
/// once across the pathways it advances.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep<'d> {
    /// The requirement whose action is shown: the first, in definition
    /// order, of those sharing the step.
    pub requirement: &'d Requirement,
    /// Its pathway.
    pub pathway: &'d Pathway,
    /// Every open pathway the step advances, `pathway` first.
    pub pathways: Vec<&'d Pathway>,
    /// The answers say it is under way.
    pub in_progress: bool,
    /// Done by the candidate's tick: kept in place, shown as done.
    pub by_tick: bool,
    /// The step is for this organization (an id) to confirm: the action
    /// is to ask them.
    pub confirm_with: Option<&'d str>,
    /// What to do, in the candidate's terms (see [`RequirementResult::action`]).
    pub action: Cow<'d, str>,
}

impl PlanStep<'_> {
    /// What to do, in the candidate's terms.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// The tick key of the step (`pathway_id/requirement_id`).
    pub fn key(&self) -> String {
        tick_key(self.pathway, self.requirement)
    }
}

/// The tick key of a requirement of a pathway.
pub fn tick_key(pathway: &Pathway, requirement: &Requirement) -> String {
    format!("{}/{}", pathway.id, requirement.id)
}

/// The explanation and the next step of a requirement in the candidate's
/// terms: the texts of their option, of their step under way, of the
/// alternative they meet or are closest to, or the requirement's own, with
/// their answers filled in. A text whose placeholders cannot be filled is
/// passed over for the next one, so none reaches the page half-filled.
fn texts<'d, 'a>(
    r: &'d Requirement,
    (state, by_tick, in_progress, confirm_alternative): (RequirementState, bool, bool, Option<usize>),
    lookup: &impl Fn(&str) -> Lookup<'a>,
    definition: &Definition,
) -> (Option<Cow<'d, str>>, Cow<'d, str>) {
    let subject = Subject::of(&r.met_when);
    let progress_subject = Subject::of_progress(r);
    let option = match (subject, r.per_option.is_empty()) {
        (Some(s), false) => match lookup(s.question) {
            Lookup::Answered(Answer::Choice(c)) => r.per_option.get(c),
            _ => None,
        },
        _ => None,
    };
    let first = |candidates: &mut dyn Iterator<Item = (Option<&'d String>, Option<Subject<'d>>)>| {
        for (text, subject) in candidates {
            if let Some(filled) = text.and_then(|t| fill(t, subject, lookup, definition)) {
                return Some(filled);
            }
        }
        None
    };
    let alternatives: &'d [Condition] = match &r.met_when {
        Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs,
        _ => &[],
    };
    let met_alternative = || {
        let left_to_organization = |i: usize| r.alternatives.get(i).is_some_and(|a| a.confirm_with.is_some());
        let i = alternatives.iter().enumerate().position(|(i, c)| !left_to_organization(i) && c.eval(lookup) == Truth::True)?;
        Some((r.alternatives.get(i)?.met.as_ref(), Subject::of(&alternatives[i])))
    };
    let closest_alternative = || {
        let mut best: Option<(usize, i64, i64)> = None;
        for (i, c) in alternatives.iter().enumerate() {
            let (Some(_), Some(s)) = (r.alternatives.get(i).and_then(|a| a.closest.as_ref()), Subject::of(c)) else { continue };
            let (Some(target), Lookup::Answered(Answer::Number(n))) = (s.target.filter(|t| *t > 0), lookup(s.question)) else { continue };
            // n / target > best.n / best.target, without division.
            if best.is_none_or(|(_, bn, bt)| i128::from(*n) * i128::from(bt) > i128::from(bn) * i128::from(target)) {
                best = Some((i, *n, target));
            }
        }
        let (i, ..) = best?;
        Some((r.alternatives[i].closest.as_ref(), Subject::of(&alternatives[i])))
    };
    let confirm_subject = || match confirm_alternative {
        Some(i) => Subject::of(&alternatives[i]),
        None => subject,
    };
    let explanation = match state {
        _ if by_tick => None,
        RequirementState::ToConfirm => first(
            &mut [(confirm_alternative.and_then(|i| r.alternatives.get(i)?.confirm.as_ref()), confirm_subject()), (r.confirm.as_ref(), confirm_subject())]
                .into_iter(),
        ),
        RequirementState::Met => {
            first(&mut [(option.and_then(|o| o.met.as_ref()), subject)].into_iter().chain(met_alternative()).chain([(Some(&r.met), subject)]))
        }
        _ if in_progress => first(&mut [(option.and_then(|o| o.unmet.as_ref()), subject), (r.in_progress.as_ref(), progress_subject)].into_iter()),
        RequirementState::Unmet => {
            first(&mut [(option.and_then(|o| o.unmet.as_ref()), subject)].into_iter().chain(closest_alternative()).chain([(Some(&r.unmet), subject)]))
        }
        RequirementState::Unknown => None,
    };
    let mut actions = [
        (r.confirm_action.as_ref().filter(|_| state == RequirementState::ToConfirm), confirm_subject()),
        (option.and_then(|o| o.action.as_ref()), subject),
        (r.in_progress_action.as_ref().filter(|_| in_progress), progress_subject),
        (Some(&r.action), subject),
    ]
    .into_iter();
    let action = first(&mut actions).unwrap_or(Cow::Borrowed(r.action.as_str()));
    (explanation, action)
}

/// The verdict on one pathway.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayResult<'d> {
    /// The pathway judged.
    pub pathway: &'d Pathway,
    /// Its status.
    pub status: PathwayStatus,
    /// The candidate does not need it (`optional_when` holds): its steps
    /// are not in the plan.
    pub optional: bool,
    /// Every requirement with its verdict, in definition order.
    pub requirements: Vec<RequirementResult<'d>>,
    /// Outstanding steps: those ready now first, then those waiting, each group in definition order.
    pub next_steps: Vec<NextStep<'d>>,
    /// Advice attached to this pathway that applies (none while the pathway is not applicable).
    pub advice: Vec<&'d Advice>,
}

/// A piece of advice that applies.
pub type AdviceResult<'d> = &'d Advice;

/// The personalized checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist<'d> {
    /// One result per pathway, in definition order.
    pub pathways: Vec<PathwayResult<'d>>,
    /// General advice (not attached to a pathway) that applies.
    pub advice: Vec<AdviceResult<'d>>,
    /// Whether every question asked has been answered.
    pub complete: bool,
    /// What to do now, across the open pathways: each step once, only steps
    /// whose earlier steps are met (in every pathway that shares them),
    /// required ones only, in definition order; with the steps ticked as
    /// done where they were (`by_tick`).
    pub plan: Vec<PlanStep<'d>>,
}

impl<'d> PathwayResult<'d> {
    /// The first step that can be taken now.
    pub fn next_step(&self) -> Option<&NextStep<'d>> {
        self.next_steps.iter().find(|s| s.ready)
    }

    /// The verdict on the requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&RequirementResult<'d>> {
        self.requirements.iter().find(|r| r.requirement.id == id)
    }

    /// How many required requirements are met (answers or ticks), of how many.
    pub fn progress(&self) -> (usize, usize) {
        let required = self.requirements.iter().filter(|r| r.requirement.kind == RequirementKind::Required);
        let (met, total) = required.fold((0, 0), |(m, t), r| (m + usize::from(r.state == RequirementState::Met), t + 1));
        (met, total)
    }
}

impl RequirementResult<'_> {
    /// What to do, in the candidate's terms.
    pub fn action(&self) -> &str {
        &self.action
    }
}

impl<'d> Checklist<'d> {
    /// The result for the pathway with this id.
    pub fn pathway(&self, id: &str) -> Option<&PathwayResult<'_>> {
        self.pathways.iter().find(|p| p.pathway.id == id)
    }

    /// Every piece of advice that applies: each pathway's, in order, then the general.
    pub fn all_advice(&self) -> impl Iterator<Item = &'d Advice> + '_ {
        self.pathways.iter().flat_map(|p| p.advice.iter().copied()).chain(self.advice.iter().copied())
    }
}

/// Evaluates answers against a definition. Answers to questions that are not
/// asked, or that do not fit their question, are ignored.
pub fn evaluate<'d>(definition: &'d Definition, answers: &'d Answers) -> Checklist<'d> {
    evaluate_with_ticks(definition, answers, &Ticks::new())
}

/// Evaluates answers and the steps the candidate ticked as done. A tick on a
/// requirement that does not exist is ignored; a tick on one requirement of
/// a shared `step` counts for every requirement of that step.
pub fn evaluate_with_ticks<'d>(definition: &'d Definition, answers: &'d Answers, ticks: &Ticks) -> Checklist<'d> {
    let flow = Flow::new(definition, answers);
    let lookup = |id: &str| flow.lookup(id);
    let truth = |c: &Option<super::Condition>| c.as_ref().map_or(Truth::True, |c| c.eval(&lookup));

    let ticked_steps: HashSet<&str> = ticks.iter().filter_map(|k| definition.requirement_by_key(k)?.1.step.as_deref()).collect();
    let ticked =
        |p: &Pathway, r: &Requirement| !ticks.is_empty() && (r.step.as_deref().is_some_and(|s| ticked_steps.contains(s)) || ticks.contains(&tick_key(p, r)));

    // Which requirement last listed each question in its `based_on`, so
    // that a question read many times by one condition is listed once
    // without searching the list.
    let mut listed_for = vec![usize::MAX; definition.questions.len()];
    let mut requirement_number = 0;
    let mut pathways: Vec<PathwayResult<'d>> = definition
        .pathways
        .iter()
        .map(|pathway| {
            // (state, by tick, in progress, alternative left to an organization) of each requirement.
            let states: Vec<(RequirementState, bool, bool, Option<usize>)> = pathway
                .requirements
                .iter()
                .map(|r| {
                    let (by_answers, confirm_alternative) = judge(r, &lookup);
                    if by_answers == RequirementState::Met {
                        (by_answers, false, false, None)
                    } else if ticked(pathway, r) {
                        // A tick on a step to confirm says the organization agreed.
                        (RequirementState::Met, true, false, None)
                    } else {
                        let in_progress =
                            by_answers != RequirementState::ToConfirm && r.in_progress_when.is_some() && truth(&r.in_progress_when) == Truth::True;
                        (by_answers, false, in_progress, confirm_alternative)
                    }
                })
                .collect();
            // Requirement id -> position (first occurrence, as validation resolves it).
            let mut index: HashMap<&str, usize> = HashMap::with_capacity(pathway.requirements.len());
            for (i, r) in pathway.requirements.iter().enumerate() {
                index.entry(r.id.as_str()).or_insert(i);
            }
            let state_of = |id: &str| index.get(id).map(|&i| (&pathway.requirements[i], states[i].0));
            let requirements: Vec<RequirementResult<'d>> = pathway
                .requirements
                .iter()
                .zip(&states)
                .map(|(r, &(state, by_tick, in_progress, confirm_alternative))| {
                    let (explanation, action) = texts(r, (state, by_tick, in_progress, confirm_alternative), &lookup, definition);
                    RequirementResult {
                        requirement: r,
                        state,
                        by_tick,
                        in_progress,
                        confirm_with: (state == RequirementState::ToConfirm).then(|| {
                            let alternative = confirm_alternative.and_then(|i| r.alternatives.get(i)?.confirm_with.as_deref());
                            alternative.or(r.confirm_with.as_deref()).unwrap_or_default()
                        }),
                        explanation,
                        action,
                        based_on: {
                            requirement_number += 1;
                            let mut based_on = Vec::new();
                            read_by(&r.met_when, &flow, &mut listed_for, requirement_number, &mut based_on);
                            // Under way: the answers that say so are what the verdict rests on too.
                            if let Some(under_way) = r.in_progress_when.as_ref().filter(|_| in_progress) {
                                read_by(under_way, &flow, &mut listed_for, requirement_number, &mut based_on);
                            }
                            based_on
                        },
                        waiting_for: r.after.iter().filter_map(|id| state_of(id)).filter(|(_, s)| *s != RequirementState::Met).map(|(r, _)| r).collect(),
                    }
                })
                .collect();
            let status = pathway_status(truth(&pathway.applies_when), requirements.iter().map(|r| (r.requirement.kind, r.state, r.in_progress)));
            let outstanding = requirements.iter().filter(|r| r.state != RequirementState::Met);
            let (ready, waiting): (Vec<_>, Vec<_>) = outstanding
                .map(|r| NextStep {
                    requirement: r.requirement,
                    ready: r.waiting_for.is_empty(),
                    waiting_for: r.waiting_for.clone(),
                    in_progress: r.in_progress,
                    action: r.action.clone(),
                })
                .partition(|s| s.ready);
            let optional = status != PathwayStatus::NotApplicable && pathway.optional_when.is_some() && truth(&pathway.optional_when) == Truth::True;
            PathwayResult { pathway, status, optional, requirements, next_steps: ready.into_iter().chain(waiting).collect(), advice: Vec::new() }
        })
        .collect();

    // Advice that applies, grouped by pathway once: filtering all advice for
    // every pathway made evaluation quadratic in large definitions.
    let position: HashMap<&str, usize> = if definition.advice.iter().any(|a| a.pathway.is_some() || a.about.is_some()) {
        definition.pathways.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect()
    } else {
        HashMap::new()
    };
    let still_to_start = |about: &str| {
        let Some((p, r)) = about.split_once('/') else { return false };
        let Some(p) = position.get(p).map(|&i| &pathways[i]) else { return false };
        p.status != PathwayStatus::NotApplicable
            && p.requirement(r).is_some_and(|r| !matches!(r.state, RequirementState::Met | RequirementState::ToConfirm) && !r.in_progress)
    };
    let mut general_advice = Vec::new();
    let mut pathway_advice: Vec<(usize, &'d Advice)> = Vec::new();
    for a in &definition.advice {
        if truth(&a.when) != Truth::True || a.about.as_deref().is_some_and(|s| !still_to_start(s)) {
            continue;
        }
        match &a.pathway {
            Some(p) => pathway_advice.extend(position.get(p.as_str()).map(|&i| (i, a))),
            None => general_advice.push(a),
        }
    }
    for (i, a) in pathway_advice {
        // Advice on how to progress in a pathway that is closed to the candidate would mislead.
        if pathways[i].status != PathwayStatus::NotApplicable {
            pathways[i].advice.push(a);
        }
    }

    let plan = plan(&pathways);
    Checklist { pathways, advice: general_advice, complete: flow.is_complete(), plan }
}

/// The plan: the ready, required steps of the open pathways, each shared
/// step once and only when it is ready in every pathway that shares it.
/// Steps met by a tick stay where they were, marked, so that ticking one
/// does not make it vanish from under the candidate's finger.
fn plan<'d>(pathways: &[PathwayResult<'d>]) -> Vec<PlanStep<'d>> {
    // An optional pathway's steps are not the candidate's to take now; a
    // step it shares with a pathway they need is listed for that one.
    let open = || pathways.iter().filter(|p| p.status != PathwayStatus::NotApplicable && !p.optional);
    fn candidates<'a, 'd>(p: &'a PathwayResult<'d>) -> impl Iterator<Item = &'a RequirementResult<'d>> {
        p.requirements.iter().filter(|r| r.requirement.kind == RequirementKind::Required && (r.state != RequirementState::Met || r.by_tick))
    }
    let waiting: HashSet<&str> = open().flat_map(candidates).filter(|r| !r.waiting_for.is_empty()).filter_map(|r| r.requirement.step.as_deref()).collect();
    let mut plan: Vec<PlanStep<'d>> = Vec::new();
    let mut planned: HashMap<&str, usize> = HashMap::new();
    for p in open() {
        for r in candidates(p).filter(|r| r.waiting_for.is_empty()) {
            // A step for an organization to confirm is its own action (ask
            // them), not the shared step the others take.
            if let Some(step) = r.requirement.step.as_deref().filter(|_| r.confirm_with.is_none()) {
                if waiting.contains(step) {
                    continue;
                }
                if let Some(&i) = planned.get(step) {
                    plan[i].pathways.push(p.pathway);
                    plan[i].in_progress |= r.in_progress;
                    continue;
                }
                planned.insert(step, plan.len());
            }
            plan.push(PlanStep {
                requirement: r.requirement,
                pathway: p.pathway,
                pathways: vec![p.pathway],
                in_progress: r.in_progress,
                by_tick: r.by_tick,
                confirm_with: r.confirm_with,
                action: r.action.clone(),
            });
        }
    }
    plan
}

/// A requirement's state from the answers alone, and the alternative left
/// to an organization when that is what holds.
///
/// Alternatives with `confirm_with` count only towards "to confirm": the
/// requirement is met when enough of the others hold, to confirm when
/// those left to an organization make up the number, and otherwise
/// unknown or unmet as its condition is.
fn judge<'a>(r: &Requirement, lookup: &impl Fn(&str) -> Lookup<'a>) -> (RequirementState, Option<usize>) {
    let state = |t: Truth| match t {
        Truth::True => RequirementState::Met,
        Truth::False => RequirementState::Unmet,
        Truth::Unknown => RequirementState::Unknown,
    };
    let (of, n) = match &r.met_when {
        Condition::Any(cs) => (cs.as_slice(), 1),
        Condition::AtLeast { n, of } => (of.as_slice(), *n),
        _ => (&[][..], 0),
    };
    if !r.alternatives.iter().any(|a| a.confirm_with.is_some()) || of.is_empty() {
        return match state(r.met_when.eval(lookup)) {
            RequirementState::Met if r.confirm_with.is_some() => (RequirementState::ToConfirm, None),
            s => (s, None),
        };
    }
    let (mut plain, mut left, mut open, mut first_left) = (0, 0, 0, None);
    for (i, c) in of.iter().enumerate() {
        let decided = r.alternatives.get(i).is_some_and(|a| a.confirm_with.is_some());
        match c.eval(lookup) {
            Truth::True if decided => {
                left += 1;
                first_left.get_or_insert(i);
            }
            Truth::True => plain += 1,
            Truth::Unknown => open += 1,
            Truth::False => {}
        }
    }
    if plain >= n {
        (RequirementState::Met, None)
    } else if plain + left >= n {
        (RequirementState::ToConfirm, first_left)
    } else if plain + left + open >= n {
        (RequirementState::Unknown, None)
    } else {
        (RequirementState::Unmet, None)
    }
}

/// Collects the questions a condition reads, in order of appearance,
/// without repeats (as [`Condition::questions`], which searches the list for
/// each one): `listed_for[q] == number` marks question `q` as listed.
fn read_by<'d>(c: &Condition, flow: &Flow<'d>, listed_for: &mut [usize], number: usize, out: &mut Vec<&'d Question>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs.iter().for_each(|c| read_by(c, flow, listed_for, number, out)),
        Condition::Not(c) => read_by(c, flow, listed_for, number, out),
        Condition::Answered(q)
        | Condition::Equals { question: q, .. }
        | Condition::OneOf { question: q, .. }
        | Condition::Includes { question: q, .. }
        | Condition::Compare { question: q, .. } => {
            if let Some(i) = flow.index(q) {
                if listed_for[i] != number {
                    listed_for[i] = number;
                    out.extend(flow.question(q));
                }
            }
        }
    }
}

/// A pathway's status from whether it applies and, for each requirement,
/// its kind, its state and whether it is under way.
///
/// Only required requirements count; preferred ones never lower or raise it.
/// A required step under way is a start: the pathway is in progress, never
/// "Not started" beside a step that says "In progress".
pub fn pathway_status(applies: Truth, requirements: impl IntoIterator<Item = (RequirementKind, RequirementState, bool)>) -> PathwayStatus {
    if applies == Truth::False {
        return PathwayStatus::NotApplicable;
    }
    let (mut met, mut to_confirm, mut total, mut under_way) = (0, 0, 0, false);
    for (kind, state, in_progress) in requirements {
        if kind == RequirementKind::Required {
            total += 1;
            met += usize::from(state == RequirementState::Met);
            to_confirm += usize::from(state == RequirementState::ToConfirm);
            under_way |= in_progress;
        }
    }
    if met == total {
        PathwayStatus::Met
    } else if met + to_confirm == total {
        PathwayStatus::ToConfirm
    } else if met + to_confirm > 0 || under_way {
        PathwayStatus::InProgress
    } else {
        PathwayStatus::NotYet
    }
}
