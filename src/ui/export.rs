//! The checklist as plain text (Markdown), for "Copy" and "Download".
use super::evaluation::Evaluation;
use super::format::answer_text;
use super::texts::Texts;
use crate::pathway::{Definition, Flow, PathwayStatus, RequirementKind, RequirementState};

/// The whole checklist, with the answers it rests on and every source sentence.
pub fn markdown(evaluation: &Evaluation, t: &Texts) -> String {
    let (definition, answers, checklist) = (&**evaluation.definition(), evaluation.answers(), evaluation.checklist());
    let mut out = format!("# {}\n\n", definition.title);
    if !checklist.plan.is_empty() {
        out.push_str(&format!("## {}\n\n", t.plan_title));
        for (i, step) in checklist.plan.iter().enumerate() {
            let pathways = step.pathways.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("; ");
            let link = step.requirement.url.as_ref().map(|u| format!(" <{u}>")).unwrap_or_default();
            if step.by_tick {
                out.push_str(&format!("{}. [x] {} ({}). {} {pathways}\n", i + 1, step.requirement.title, t.req_by_tick, t.plan_for));
            } else {
                out.push_str(&format!("{}. [ ] {}: {}{link} {} {pathways}\n", i + 1, step.requirement.title, step.action(), t.plan_for));
            }
        }
        out.push('\n');
    }
    for p in &checklist.pathways {
        let status = t.status(p.status);
        out.push_str(&format!("## {} ({status})\n\n", p.pathway.title));
        if p.status == PathwayStatus::NotApplicable {
            if let Some(why) = &p.pathway.not_applicable {
                out.push_str(&format!("{why}\n\n"));
            }
            continue;
        } else if let Some(next) = p.next_step() {
            out.push_str(&format!("**{}** {}\n\n", t.next_step, next.action()));
        }
        for r in &p.requirements {
            let mark = match r.state {
                RequirementState::Met => "[x]",
                RequirementState::Unmet => "[ ]",
                RequirementState::Unknown => "[?]",
            };
            let optional = if r.requirement.kind == RequirementKind::Preferred { format!(" ({})", t.req_optional) } else { String::new() };
            let why = if r.by_tick { format!("{} {}", t.req_by_tick, t.by_tick_why) } else { r.explanation.as_deref().unwrap_or(t.not_answered).to_owned() };
            out.push_str(&format!("- {mark} {}{optional}: {why}\n", r.requirement.title));
            out.push_str(&format!("  > \u{201c}{}\u{201d} ({})\n", r.requirement.source.quote.trim(), source_title(definition, &r.requirement.source.source)));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", t.check_title));
    for (q, a) in Flow::new(definition, answers).asked() {
        if let Some(a) = a {
            out.push_str(&format!("- {} **{}**\n", q.text, answer_text(q, a, t)));
        }
    }
    out.push_str(&format!("\n## {}\n\n", t.sources));
    for s in &definition.sources {
        out.push_str(&format!("- {}{}\n", s.title, s.url.as_ref().map(|u| format!(" <{u}>")).unwrap_or_default()));
    }
    out
}

fn source_title<'d>(definition: &'d Definition, id: &'d str) -> &'d str {
    definition.source(id).map(|s| s.title.as_str()).unwrap_or(id)
}
