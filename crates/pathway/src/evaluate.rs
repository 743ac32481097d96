//! Evaluation: a definition and a set of answers turned into the
//! personalized checklist, each pathway with its status, each requirement
//! with its state and the steps to take now and later.
//!
//! Linear in the size of the definition: the flow is worked out once, each
//! condition evaluated once, and `after` entries resolved through a map of
//! each pathway's requirement ids built once (looking each one up in the
//! list made 20,000 requirements take tens of seconds; benches/large.rs).
use std::collections::HashMap;

use super::answers::Answers;
use super::condition::{Condition, Truth};
use super::definition::{Advice, Definition, Pathway, Question, Requirement, RequirementKind};
use super::flow::Flow;

/// Where a candidate stands on one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RequirementState {
    /// The answers show it is not met.
    Unmet,
    /// A question it depends on is not answered yet.
    Unknown,
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
    /// Some required requirements are met.
    InProgress,
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
        }
    }
}

/// The verdict on one requirement, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementResult<'d> {
    /// The requirement judged.
    pub requirement: &'d Requirement,
    /// Met, unmet or not answered.
    pub state: RequirementState,
    /// The author's explanation for this state; `None` while unknown.
    pub explanation: Option<&'d str>,
    /// The questions whose answers decided it, so the UI can show "based on your answer to ...".
    pub based_on: Vec<&'d Question>,
    /// Required earlier steps of the same pathway that are not met yet.
    pub waiting_for: Vec<&'d Requirement>,
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
}

/// The verdict on one pathway.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayResult<'d> {
    /// The pathway judged.
    pub pathway: &'d Pathway,
    /// Its status.
    pub status: PathwayStatus,
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
}

impl Checklist<'_> {
    /// The result for the pathway with this id.
    pub fn pathway(&self, id: &str) -> Option<&PathwayResult<'_>> {
        self.pathways.iter().find(|p| p.pathway.id == id)
    }
}

/// Evaluates answers against a definition. Answers to questions that are not
/// asked, or that do not fit their question, are ignored.
pub fn evaluate<'d>(definition: &'d Definition, answers: &'d Answers) -> Checklist<'d> {
    let flow = Flow::new(definition, answers);
    let lookup = |id: &str| flow.lookup(id);
    let truth = |c: &Option<super::Condition>| c.as_ref().map_or(Truth::True, |c| c.eval(&lookup));

    // Advice that applies, grouped by pathway once: filtering all advice for
    // every pathway made evaluation quadratic in large definitions.
    let mut general_advice = Vec::new();
    let mut pathway_advice: HashMap<&str, Vec<&'d Advice>> = HashMap::new();
    for a in &definition.advice {
        if truth(&a.when) == Truth::True {
            match &a.pathway {
                Some(p) => pathway_advice.entry(p.as_str()).or_default().push(a),
                None => general_advice.push(a),
            }
        }
    }
    // Which requirement last listed each question in its `based_on`, so
    // that a question read many times by one condition is listed once
    // without searching the list.
    let mut listed_for = vec![usize::MAX; definition.questions.len()];
    let mut requirement_number = 0;
    let pathways = definition
        .pathways
        .iter()
        .map(|pathway| {
            let states: Vec<RequirementState> = pathway
                .requirements
                .iter()
                .map(|r| match r.met_when.eval(&lookup) {
                    Truth::True => RequirementState::Met,
                    Truth::False => RequirementState::Unmet,
                    Truth::Unknown => RequirementState::Unknown,
                })
                .collect();
            // Requirement id -> position (first occurrence, as validation resolves it).
            let mut index: HashMap<&str, usize> = HashMap::with_capacity(pathway.requirements.len());
            for (i, r) in pathway.requirements.iter().enumerate() {
                index.entry(r.id.as_str()).or_insert(i);
            }
            let state_of = |id: &str| index.get(id).map(|&i| (&pathway.requirements[i], states[i]));
            let requirements: Vec<RequirementResult<'d>> = pathway
                .requirements
                .iter()
                .zip(&states)
                .map(|(r, &state)| RequirementResult {
                    requirement: r,
                    state,
                    explanation: match state {
                        RequirementState::Met => Some(r.met.as_str()),
                        RequirementState::Unmet => Some(r.unmet.as_str()),
                        RequirementState::Unknown => None,
                    },
                    based_on: {
                        requirement_number += 1;
                        let mut based_on = Vec::new();
                        read_by(&r.met_when, &flow, &mut listed_for, requirement_number, &mut based_on);
                        based_on
                    },
                    waiting_for: r
                        .after
                        .iter()
                        .filter_map(|id| state_of(id))
                        .filter(|(_, s)| *s != RequirementState::Met)
                        .map(|(r, _)| r)
                        .collect(),
                })
                .collect();
            let status = pathway_status(
                truth(&pathway.applies_when),
                requirements.iter().map(|r| (r.requirement.kind, r.state)),
            );
            let outstanding = requirements.iter().filter(|r| r.state != RequirementState::Met);
            let (ready, waiting): (Vec<_>, Vec<_>) = outstanding
                .map(|r| NextStep { requirement: r.requirement, ready: r.waiting_for.is_empty(), waiting_for: r.waiting_for.clone() })
                .partition(|s| s.ready);
            PathwayResult {
                pathway,
                status,
                requirements,
                next_steps: ready.into_iter().chain(waiting).collect(),
                // Advice on how to progress in a pathway that is closed to the candidate would mislead.
                advice: if status == PathwayStatus::NotApplicable {
                    Vec::new()
                } else {
                    pathway_advice.get(pathway.id.as_str()).cloned().unwrap_or_default()
                },
            }
        })
        .collect();

    Checklist {
        pathways,
        advice: general_advice,
        complete: flow.is_complete(),
    }
}

/// Collects the questions a condition reads, in order of appearance,
/// without repeats (as [`Condition::questions`], which searches the list for
/// each one): `listed_for[q] == number` marks question `q` as listed.
fn read_by<'d>(c: &Condition, flow: &Flow<'d>, listed_for: &mut [usize], number: usize, out: &mut Vec<&'d Question>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => {
            cs.iter().for_each(|c| read_by(c, flow, listed_for, number, out))
        }
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

/// A pathway's status from whether it applies and the states of its requirements.
///
/// Only required requirements count; preferred ones never lower or raise it.
pub fn pathway_status(
    applies: Truth,
    requirements: impl IntoIterator<Item = (RequirementKind, RequirementState)>,
) -> PathwayStatus {
    if applies == Truth::False {
        return PathwayStatus::NotApplicable;
    }
    let (mut met, mut total) = (0, 0);
    for (kind, state) in requirements {
        if kind == RequirementKind::Required {
            total += 1;
            met += usize::from(state == RequirementState::Met);
        }
    }
    if met == total {
        PathwayStatus::Met
    } else if met > 0 {
        PathwayStatus::InProgress
    } else {
        PathwayStatus::NotYet
    }
}
