//! What reads a question's answer: the requirements, routes, questions and
//! advice whose conditions name it. The widget says from this why each
//! question is asked, so the reason is always the rule itself, never a
//! second text to keep in step with it.
use super::definition::{Definition, Pathway, Requirement};

/// Everything in a definition that reads one question's answer.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Uses<'d> {
    /// Requirements whose `met_when` or `in_progress_when` reads it, with
    /// their pathway; a step shared by several pathways (one `step` id)
    /// once, with the first pathway that has it.
    pub requirements: Vec<(&'d Pathway, &'d Requirement)>,
    /// Pathways whose `applies_when` reads it: the answer opens or closes them.
    pub pathways: Vec<&'d Pathway>,
    /// Whether another question's `when` reads it (it decides what is asked next).
    pub questions: bool,
    /// Whether an advice's `when` reads it (it chooses advice).
    pub advice: bool,
}

impl Definition {
    /// What reads the answer to the question `id`.
    pub fn uses(&self, id: &str) -> Uses<'_> {
        let reads = |c: Option<&super::condition::Condition>| c.is_some_and(|c| c.questions().contains(&id));
        let mut uses = Uses::default();
        for p in &self.pathways {
            if reads(p.applies_when.as_ref()) {
                uses.pathways.push(p);
            }
            for r in &p.requirements {
                let shared = |(_, seen): &(&Pathway, &Requirement)| r.step.is_some() && seen.step == r.step;
                if (reads(Some(&r.met_when)) || reads(r.in_progress_when.as_ref())) && !uses.requirements.iter().any(shared) {
                    uses.requirements.push((p, r));
                }
            }
        }
        uses.questions = self.questions.iter().any(|q| reads(q.when.as_ref()));
        uses.advice = self.advice.iter().any(|a| reads(a.when.as_ref()));
        uses
    }
}
