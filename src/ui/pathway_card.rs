//! One pathway on the results page: status, next step, checklist with reasons
//! and sources, steps to tick off, and the advice that applies.
//!
//! A view function rather than a component: its input borrows from the
//! checklist, which is recomputed on every render (it takes microseconds).
use std::collections::BTreeSet;

use yew::prelude::*;

use super::components::{inset_text, tag};
use super::context::Settings;
use super::format::answer_text;
use crate::pathway::{
    Advice, Answers, Citation, Definition, PathwayResult, PathwayStatus, RequirementKind, RequirementState,
};

/// Callbacks the card needs.
#[derive(Clone, PartialEq)]
pub struct CardCallbacks {
    /// Tick or untick `pathway/requirement`.
    pub ontoggle: Callback<String>,
    /// Change the answer to a question.
    pub onchange: Callback<String>,
    /// Someone else's results (a share link): nothing to tick or change.
    pub read_only: bool,
}

/// The status tag of a pathway.
pub fn status_tag(status: PathwayStatus, settings: &Settings) -> Html {
    tag(settings.texts.status(status), Some(&status.as_str().replace('_', "-")))
}

/// A citation: the quoted sentence and its source's title.
pub fn citation(c: &Citation, definition: &Definition, settings: &Settings) -> Html {
    let title = definition.source(&c.source).map(|s| s.title.as_str()).unwrap_or(c.source.as_str());
    html! {
        <figure class="icp-citation">
            <blockquote class="icp-citation__quote">{ format!("\u{201c}{}\u{201d}", c.quote.trim()) }</blockquote>
            <figcaption class="icp-citation__source">{ settings.texts.source }{ " " }{ title }</figcaption>
        </figure>
    }
}

/// One advice item; `heading` is its title's tag, one level below the section's heading.
pub fn advice_item(a: &Advice, heading: &'static str, definition: &Definition, settings: &Settings) -> Html {
    html! {
        <li class="icp-advice__item">
            <@{heading} class="icp-advice__title">{ &a.title }</@>
            <p class="icp-advice__text">{ &a.text }</p>
            if !a.points.is_empty() {
                <ul class="icp-advice__points">{ for a.points.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            { citation(&a.source, definition, settings) }
        </li>
    }
}

/// The card of one pathway.
pub fn pathway_card(
    result: &PathwayResult<'_>,
    definition: &Definition,
    answers: &Answers,
    done: &BTreeSet<String>,
    settings: &Settings,
    callbacks: &CardCallbacks,
) -> Html {
    let t = settings.texts;
    let p = result.pathway;
    let heading_id = settings.id(&["pathway", &p.id]);
    let step_key = |rid: &str| format!("{}/{}", p.id, rid);

    let requirement_rows = result.requirements.iter().map(|r| {
        let req = r.requirement;
        let (label, modifier) = match (r.state, req.kind) {
            (RequirementState::Met, _) => (t.req_met, "met"),
            (_, RequirementKind::Preferred) => (t.req_optional, "optional"),
            (RequirementState::Unmet, _) => (t.req_unmet, "unmet"),
            (RequirementState::Unknown, _) => (t.req_unknown, "unknown"),
        };
        let based_on: Vec<Html> = r
            .based_on
            .iter()
            .filter_map(|q| answers.get(&q.id).filter(|a| q.accepts(a)).map(|a| (q, a)))
            .map(|(q, a)| {
                let id = q.id.clone();
                let onchange = callbacks.onchange.clone();
                let onclick = Callback::from(move |_: MouseEvent| onchange.emit(id.clone()));
                html! {
                    <li>
                        { &q.text }{ " " }<strong>{ answer_text(q, a, t) }</strong>{ " " }
                        if !callbacks.read_only {
                            <button type="button" class="icp-link-button" {onclick}>
                                { t.change }<span class="icp-visually-hidden">{ format!(" {}", q.text) }</span>
                            </button>
                        }
                    </li>
                }
            })
            .collect();
        html! {
            <li class={format!("icp-task icp-task--{modifier}")}>
                <div class="icp-task__header">
                    <span class="icp-task__name">{ &req.title }</span>
                    { tag(label, Some(modifier)) }
                </div>
                <p class="icp-task__why">{ r.explanation.unwrap_or(t.not_answered) }</p>
                if !based_on.is_empty() {
                    <div class="icp-task__based-on">
                        <span class="icp-task__based-on-label">{ t.based_on }</span>
                        <ul class="icp-task__answers">{ for based_on }</ul>
                    </div>
                }
                { citation(&req.source, definition, settings) }
            </li>
        }
    });

    let steps = result.next_steps.iter().map(|s| {
        let key = step_key(&s.requirement.id);
        let checkbox_id = settings.id(&["step", &p.id, &s.requirement.id]);
        let ticked = done.contains(&key);
        let ontoggle = callbacks.ontoggle.clone();
        let onchange = Callback::from(move |_: Event| ontoggle.emit(key.clone()));
        let optional = s.requirement.kind == RequirementKind::Preferred;
        html! {
            <li class={classes!("icp-step", ticked.then_some("icp-step--done"), (!s.ready).then_some("icp-step--waiting"))}>
                <p class="icp-step__action">
                    <strong class="icp-step__title">{ &s.requirement.title }</strong>
                    if optional { { " " }<span class="icp-tag icp-tag--optional">{ t.req_optional }</span> }
                    <br />
                    { &s.requirement.action }
                </p>
                <p class="icp-step__when">
                    if s.ready {
                        { t.step_now }
                    } else {
                        { t.step_after }{ " " }{ s.waiting_for.iter().map(|w| w.title.as_str()).collect::<Vec<_>>().join("; ") }
                    }
                </p>
                if !callbacks.read_only {
                    <div class="icp-checkboxes__item icp-checkboxes__item--small">
                        <input class="icp-checkboxes__input" type="checkbox" id={checkbox_id.clone()} checked={ticked} {onchange} />
                        <label class="icp-checkboxes__label" for={checkbox_id}>
                            { t.mark_done }<span class="icp-visually-hidden">{ format!(" ({})", s.requirement.title) }</span>
                        </label>
                    </div>
                }
            </li>
        }
    });

    let closed = result.status == PathwayStatus::NotApplicable;
    let next = result.next_step().filter(|_| !closed);
    html! {
        <section class={format!("icp-pathway icp-pathway--{}", result.status.as_str().replace('_', "-"))} aria-labelledby={heading_id.clone()}>
            <div class="icp-pathway__header">
                <h3 class="icp-pathway__title" id={heading_id} tabindex="-1">{ &p.title }</h3>
                { status_tag(result.status, settings) }
            </div>
            if !p.summary.is_empty() {
                <p class="icp-pathway__summary">{ &p.summary }</p>
            }
            if closed {
                if let Some(why) = &p.not_applicable {
                    { inset_text(html! { why }) }
                }
            }
            if let Some(goal) = &p.goal {
                <p class="icp-pathway__goal"><strong>{ t.goal }</strong>{ " " }{ goal }</p>
            }
            if let Some(next) = next {
                <div class="icp-next">
                    <h4 class="icp-next__title">{ t.next_step }</h4>
                    <p class="icp-next__action">{ &next.requirement.action }</p>
                </div>
            } else if result.status == PathwayStatus::Met {
                <div class="icp-next icp-next--done"><p class="icp-next__action">{ t.all_done }</p></div>
            }
            <h4 class="icp-pathway__subtitle">{ t.checklist }</h4>
            <ul class="icp-task-list">{ for requirement_rows }</ul>
            // A pathway not open to the candidate hands out no steps to take or tick.
            if !result.next_steps.is_empty() && !closed {
                <h4 class="icp-pathway__subtitle">{ t.steps }</h4>
                <ol class="icp-steps">{ for steps }</ol>
            }
            if !result.advice.is_empty() {
                <h4 class="icp-pathway__subtitle">{ t.advice }</h4>
                <ul class="icp-advice">{ for result.advice.iter().map(|a| advice_item(a, "h5", definition, settings)) }</ul>
            }
        </section>
    }
}
