//! One pathway on the results page: a disclosure, closed by default, whose
//! summary gives the status, the progress and the next step's name (its
//! full text is in the plan and in the list); open, it lists
//! each requirement once, with why, the answers it rests on, what to do, a
//! box to tick, and its source sentence behind "Why?".
//!
//! View functions rather than components: their input borrows from the
//! checklist, which is evaluated once per change at the root.
use yew::prelude::*;

use super::components::{inset_text, tag};
use super::context::Settings;
use super::format::answer_text;
use super::texts::Texts;
use crate::pathway::{
    advice_text, is_web_address, tick_key, Advice, Answers, Citation, Definition, PathwayResult, PathwayStatus, RequirementKind, RequirementResult,
    RequirementState,
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

/// The status tag of a pathway, naming who decides when it is theirs to confirm.
pub fn status_tag(result: &PathwayResult<'_>, definition: &Definition, settings: &Settings) -> Html {
    tag(settings.texts.pathway_status(result, definition), Some(&result.status.as_str().replace('_', "-")))
}

/// A link to where a step is taken, when the definition gives a web address.
pub fn step_link(url: Option<&String>, settings: &Settings) -> Html {
    match url.filter(|u| is_web_address(u)) {
        Some(url) => html! {
            <a class="icp-link icp-step-link" href={url.clone()} rel="noopener noreferrer" target="_blank">
                { settings.texts.where_to }<span class="icp-visually-hidden">{ settings.texts.new_tab }</span>
            </a>
        },
        None => Html::default(),
    }
}

/// "I have done this", ticked when the step is done by a tick.
pub fn tick_box(key: String, id: String, ticked: bool, what: &str, settings: &Settings, ontoggle: &Callback<String>) -> Html {
    let ontoggle = ontoggle.clone();
    let onchange = Callback::from(move |_: Event| ontoggle.emit(key.clone()));
    html! {
        <div class="icp-checkboxes__item icp-checkboxes__item--small">
            <input class="icp-checkboxes__input" type="checkbox" id={id.clone()} checked={ticked} {onchange} />
            <label class="icp-checkboxes__label" for={id}>
                { settings.texts.mark_done }<span class="icp-visually-hidden">{ format!(" ({what})") }</span>
            </label>
        </div>
    }
}

/// A citation: the quoted sentence and its source's title (a link when the
/// source has a public address); or a paraphrase of a public page, said to
/// be in our words, without quotation marks, with the day the page was read.
pub fn citation(c: &Citation, definition: &Definition, settings: &Settings) -> Html {
    let t = settings.texts;
    let source = definition.source(&c.source);
    let title = source.map(|s| s.title.as_str()).unwrap_or(c.source.as_str());
    let url = source.and_then(|s| s.url.as_ref()).filter(|u| is_web_address(u));
    let name = match url {
        Some(url) => html! { <a class="icp-link" href={url.clone()} rel="noopener noreferrer">{ title }</a> },
        None => html! { title },
    };
    // Quotations keep the source's language: English inside a French page says so.
    let source_lang = (!definition.lang.starts_with("en")).then_some("en");
    if c.is_paraphrase() {
        let read = source.and_then(|s| s.taken.as_deref()).and_then(|d| t.read_date(d));
        return html! {
            <figure class="icp-citation icp-citation--paraphrase">
                <p class="icp-citation__paraphrase">{ c.paraphrase.trim() }</p>
                <figcaption class="icp-citation__source">
                    { t.paraphrased_from }{ " " }{ name }
                    if let Some(read) = read {
                        { format!(", {read}") }
                    }
                </figcaption>
            </figure>
        };
    }
    html! {
        <figure class="icp-citation">
            <blockquote class="icp-citation__quote" lang={source_lang}>{ format!("\u{201c}{}\u{201d}", c.quote.trim()) }</blockquote>
            <figcaption class="icp-citation__source">{ t.source }{ " " }{ name }</figcaption>
        </figure>
    }
}

/// A disclosure whose summary is a short text: "Why?" before a source, an
/// advice item's title.
fn disclosure(summary: Html, class: &'static str, body: Html) -> Html {
    html! {
        <details class={classes!("icp-details", class)}>
            <summary class="icp-details__summary"><span class="icp-details__summary-text">{ summary }</span></summary>
            <div class="icp-details__text">{ body }</div>
        </details>
    }
}

/// One advice item, its title opening the text and its source.
pub fn advice_item(a: &Advice, definition: &Definition, answers: &Answers, settings: &Settings) -> Html {
    let body = html! {
        <>
            <p class="icp-advice__text">{ advice_text(a, definition, answers).into_owned() }</p>
            if !a.points.is_empty() {
                <ul class="icp-advice__points">{ for a.points.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            { citation(&a.source, definition, settings) }
        </>
    };
    html! { <li class="icp-advice__item">{ disclosure(html! { &a.title }, "icp-advice__details", body) }</li> }
}

/// The tag of a requirement and its modifier class.
pub fn requirement_tag(r: &RequirementResult<'_>, t: &Texts, definition: &Definition) -> (String, &'static str) {
    let (text, modifier) = match (r.state, r.requirement.kind) {
        (RequirementState::Met, _) if r.by_tick => (t.req_by_tick, "ticked"),
        (RequirementState::Met, _) => (t.req_met, "met"),
        (RequirementState::ToConfirm, _) => return (t.to_confirm_by(r.confirm_with.unwrap_or_default(), definition), "to-confirm"),
        (RequirementState::Unknown, _) => (t.req_unknown, "unknown"),
        _ if r.in_progress => (t.req_in_progress, "in-progress"),
        (_, RequirementKind::Preferred) => (t.req_optional, "optional"),
        (RequirementState::Unmet, _) => (t.req_unmet, "unmet"),
    };
    (text.to_owned(), modifier)
}

/// Where to take a step: for one an organization decides (`confirm_with`),
/// a link to that organization when it has an address (nothing when it has
/// none: the step's own link is for taking it, not for asking); else the
/// step's own link.
pub fn step_or_ask_link(confirm_with: Option<&str>, url: Option<&String>, definition: &Definition, settings: &Settings) -> Html {
    let Some(org) = confirm_with else { return step_link(url, settings) };
    match definition.organization(org).and_then(|o| o.url.as_ref()).filter(|u| is_web_address(u)) {
        Some(url) => html! {
            <a class="icp-link icp-step-link" href={url.clone()} rel="noopener noreferrer" target="_blank">
                { settings.texts.where_to_ask }<span class="icp-visually-hidden">{ settings.texts.new_tab }</span>
            </a>
        },
        None => Html::default(),
    }
}

/// One requirement of an open pathway.
fn requirement_row(
    r: &RequirementResult<'_>,
    result: &PathwayResult<'_>,
    answers: &Answers,
    definition: &Definition,
    settings: &Settings,
    callbacks: &CardCallbacks,
) -> Html {
    let t = settings.texts;
    let req = r.requirement;
    let (label, modifier) = requirement_tag(r, settings.texts, definition);
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
    let outstanding = r.state != RequirementState::Met;
    let why = if r.by_tick { Some(t.by_tick_why) } else { r.explanation.as_deref() };
    let key = tick_key(result.pathway, req);
    html! {
        <li class={format!("icp-task icp-task--{modifier}")}>
            <div class="icp-task__header">
                <span class="icp-task__name">{ &req.title }</span>
                { tag(label, Some(modifier)) }
            </div>
            <p class="icp-task__why">{ why.unwrap_or(t.not_answered) }</p>
            if !based_on.is_empty() {
                <div class="icp-task__based-on">
                    <span class="icp-task__based-on-label">{ t.based_on }</span>
                    <ul class="icp-task__answers">{ for based_on }</ul>
                </div>
            }
            if outstanding {
                <p class="icp-task__action">{ r.action() }{ " " }{ step_or_ask_link(r.confirm_with, req.url.as_ref(), definition, settings) }</p>
                if !r.waiting_for.is_empty() {
                    <p class="icp-task__when">
                        { t.step_after }{ " " }{ r.waiting_for.iter().map(|w| w.title.as_str()).collect::<Vec<_>>().join("; ") }
                    </p>
                }
            }
            if (outstanding || r.by_tick) && !callbacks.read_only {
                { tick_box(key, settings.id(&["step", &result.pathway.id, &req.id]), r.by_tick, &req.title, settings, &callbacks.ontoggle) }
            }
            { disclosure(html! { <>{ t.why }<span class="icp-visually-hidden">{ format!(" {}", req.title) }</span></> }, "icp-why", citation(&req.source, definition, settings)) }
        </li>
    }
}

/// The card of one pathway.
pub fn pathway_card(result: &PathwayResult<'_>, definition: &Definition, answers: &Answers, settings: &Settings, callbacks: &CardCallbacks) -> Html {
    let t = settings.texts;
    let p = result.pathway;
    let closed = result.status == PathwayStatus::NotApplicable;
    let (done, total) = result.progress();
    // A met pathway may still have optional steps: it says it is done.
    let next = result.next_step().filter(|_| !closed && result.status != PathwayStatus::Met);
    html! {
        <details class={format!("icp-pathway icp-pathway--{}", result.status.as_str().replace('_', "-"))} id={settings.id(&["pathway", &p.id])}>
            <summary class="icp-pathway__summary">
                <span class="icp-pathway__title">{ &p.title }</span>
                <span class="icp-pathway__state">
                    { status_tag(result, definition, settings) }
                    if result.optional {
                        { tag(t.optional_for_you, Some("optional")) }
                    }
                    if !closed {
                        <span class="icp-pathway__progress">{ t.progress(done, total) }</span>
                    }
                </span>
                if let Some(next) = next {
                    <span class="icp-pathway__next"><strong>{ t.next_label }</strong>{ " " }{ &next.requirement.title }</span>
                } else if result.status == PathwayStatus::Met {
                    <span class="icp-pathway__next">{ t.all_done }</span>
                }
            </summary>
            <div class="icp-pathway__body">
                if !p.summary.is_empty() {
                    <p class="icp-pathway__about">{ &p.summary }</p>
                }
                if closed {
                    // A pathway not open to the candidate hands out no steps to take or tick.
                    if let Some(why) = &p.not_applicable {
                        { inset_text(html! { why }) }
                    }
                } else {
                    if let Some(why) = p.optional.as_ref().filter(|_| result.optional) {
                        { inset_text(html! { why }) }
                    }
                    if let Some(goal) = &p.goal {
                        <p class="icp-pathway__goal"><strong>{ t.goal }</strong>{ " " }{ goal }</p>
                    }
                    <ul class="icp-task-list">
                        { for result.requirements.iter().map(|r| requirement_row(r, result, answers, definition, settings, callbacks)) }
                    </ul>
                    if !result.advice.is_empty() {
                        <h4 class="icp-pathway__subtitle">{ t.advice }</h4>
                        <ul class="icp-advice">{ for result.advice.iter().map(|a| advice_item(a, definition, answers, settings)) }</ul>
                    }
                }
            </div>
        </details>
    }
}
