//! The results page: the plan first (what to do now, across the pathways),
//! then one closed card per pathway, general advice, ways to keep the
//! results, sources, and ways to change answers or start again. With every
//! disclosure closed it stays a few phone screens long.
use std::rc::Rc;

use yew::prelude::*;

use super::components::{button, tag, ButtonVariant};
use super::context::Settings;
use super::evaluation::Evaluation;
use super::keep_results::KeepResults;
use super::pathway_card::{advice_item, pathway_card, step_link, tick_box, CardCallbacks};
use super::what_if::WhatIf;
use crate::pathway::{is_web_address, Answer, PlanStep};

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The checklist, with the definition and answers it comes from.
    pub evaluation: Rc<Evaluation>,
    /// Tick or untick a step.
    pub ontoggle: Callback<String>,
    /// Change one answer on its page.
    pub onchange: Callback<String>,
    /// Set an answer in place.
    pub onwhatif: Callback<(String, Answer)>,
    /// Answer questions opened by a change.
    pub oncontinue: Callback<()>,
    /// Back to check answers.
    pub onreview: Callback<()>,
    /// "Start again" and its confirmation.
    #[prop_or_default]
    pub restart: Html,
    /// Someone else's results, from a share link: shown without the controls
    /// that would change the candidate's own answers.
    #[prop_or_default]
    pub read_only: bool,
    /// What the candidate can do with read-only results, shown under the intro.
    #[prop_or_default]
    pub actions: Html,
}

/// How many plan steps show before the rest fold into a disclosure: the
/// first things to do, at a glance on a phone.
const PLAN_SHOWN: usize = 3;

/// One step of the plan.
fn plan_step(step: &PlanStep<'_>, settings: &Settings, callbacks: &CardCallbacks) -> Html {
    let t = settings.texts;
    let r = step.requirement;
    let pathways = step.pathways.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("; ");
    html! {
        <li class={classes!("icp-plan__item", step.by_tick.then_some("icp-plan__item--done"))}>
            // The action says what to do; the requirement's name would
            // only repeat it (it is on the route's card).
            if step.by_tick {
                <p class="icp-plan__action">{ tag(t.req_by_tick, Some("ticked")) }{ " " }<span class="icp-plan__name">{ &r.title }</span></p>
            } else {
                <p class="icp-plan__action">
                    if step.in_progress {
                        { tag(t.req_in_progress, Some("in-progress")) }{ " " }
                    }
                    { step.action() }{ " " }{ step_link(r.url.as_ref(), settings) }
                </p>
            }
            <p class="icp-plan__for">{ t.plan_for }{ " " }{ pathways }</p>
            if !callbacks.read_only {
                { tick_box(step.key(), settings.id(&["plan", &step.pathway.id, &r.id]), step.by_tick, &r.title, settings, &callbacks.ontoggle) }
            }
        </li>
    }
}

/// The plan: what to do now across the open pathways, each step once, the
/// first few shown and the rest behind a disclosure.
fn plan(evaluation: &Evaluation, settings: &Settings, callbacks: &CardCallbacks) -> Html {
    let t = settings.texts;
    let steps = &evaluation.checklist().plan;
    let title_id = settings.id(&["plan"]);
    let (first, rest) = steps.split_at(steps.len().min(PLAN_SHOWN));
    html! {
        <section class="icp-plan" aria-labelledby={title_id.clone()}>
            <h3 class="icp-plan__title" id={title_id}>{ t.plan_title }</h3>
            if steps.is_empty() {
                <p class="icp-plan__empty">{ t.plan_empty }</p>
            } else {
                <p class="icp-plan__intro">{ t.plan_intro }</p>
                <ol class="icp-plan__list">{ for first.iter().map(|s| plan_step(s, settings, callbacks)) }</ol>
                if !rest.is_empty() {
                    <details class="icp-details icp-plan__more">
                        <summary class="icp-details__summary">
                            <span class="icp-details__summary-text">{ t.more_steps(rest.len()) }</span>
                        </summary>
                        <ol class="icp-plan__list" start={(PLAN_SHOWN + 1).to_string()}>
                            { for rest.iter().map(|s| plan_step(s, settings, callbacks)) }
                        </ol>
                    </details>
                }
            }
        </section>
    }
}

/// The personalized checklist.
#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let def = props.evaluation.definition();
    let answers = props.evaluation.answers();
    let checklist = props.evaluation.checklist();
    let callbacks =
        CardCallbacks { ontoggle: props.ontoggle.clone(), onchange: props.onchange.clone(), read_only: props.read_only };
    let oncontinue = props.oncontinue.reform(|_: MouseEvent| ());
    let onreview = props.onreview.reform(|_: MouseEvent| ());
    let routes_id = settings.id(&["routes"]);
    html! {
        <div class="icp-results">
            if props.read_only {
                <h2 class="icp-results__title" id={settings.id(&["heading"])} tabindex="-1" data-icp-focus="">{ t.shared_title }</h2>
                <p class="icp-results__intro">{ t.shared_intro }</p>
                { props.actions.clone() }
            } else {
                <h2 class="icp-results__title" id={settings.id(&["heading"])} tabindex="-1" data-icp-focus="">{ t.results_title }</h2>
                <p class="icp-results__intro">{ t.results_intro }</p>
            }
            if let Some(checked) = def.rules_checked().and_then(|d| t.checked_on(d)) {
                <p class="icp-results__checked">{ checked }</p>
            }
            if !checklist.complete && !props.read_only {
                <div class="icp-notice icp-notice--action">
                    <p class="icp-notice__text">{ t.new_questions }</p>
                    { button(ButtonVariant::Primary, t.answer_new_questions, oncontinue) }
                </div>
            }
            { plan(&props.evaluation, &settings, &callbacks) }
            <section class="icp-routes" aria-labelledby={routes_id.clone()}>
                <h3 class="icp-routes__title" id={routes_id}>{ t.routes_title }</h3>
                { for checklist.pathways.iter().map(|p| pathway_card(p, def, answers, &settings, &callbacks)) }
            </section>
            if !checklist.advice.is_empty() {
                <section class="icp-general-advice" aria-labelledby={settings.id(&["advice"])}>
                    <h3 class="icp-general-advice__title" id={settings.id(&["advice"])}>{ t.general_advice }</h3>
                    <ul class="icp-advice">{ for checklist.advice.iter().map(|a| advice_item(a, def, answers, &settings)) }</ul>
                </section>
            }
            <KeepResults evaluation={props.evaluation.clone()} />
            if !props.read_only {
                <WhatIf evaluation={props.evaluation.clone()} onset={props.onwhatif.clone()} />
            }
            <details class="icp-details icp-sources">
                <summary class="icp-details__summary">
                    <span class="icp-details__summary-text">{ format!("{} ({})", t.sources, def.sources.len()) }</span>
                </summary>
                <ul class="icp-sources__list">{ for def.sources.iter().map(|s| html! {
                    <li>
                        if let Some(url) = s.url.as_ref().filter(|u| is_web_address(u)) {
                            <a class="icp-link" href={url.clone()} rel="noopener noreferrer">{ &s.title }</a>
                        } else {
                            { &s.title }
                        }
                    </li>
                }) }</ul>
            </details>
            if !props.read_only {
                <div class="icp-button-group icp-results__actions">
                    { button(ButtonVariant::Secondary, t.review_answers, onreview) }
                    { props.restart.clone() }
                </div>
            }
        </div>
    }
}
