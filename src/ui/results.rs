//! The results page: the plan first (what to do now, across the pathways),
//! then one closed card per pathway, general advice, ways to keep the
//! results, sources, and ways to change answers or start again. With every
//! disclosure closed it stays a few phone screens long.
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::components::{button, tag, ButtonVariant};
use super::context::Settings;
use super::evaluation::Evaluation;
use super::keep_results::KeepResults;
use super::pathway_card::{advice_item, pathway_card, status_tag, step_or_ask_link, tick_box, CardCallbacks};
use super::what_if::WhatIf;
use crate::pathway::{is_web_address, Answer, Definition, PathwayStatus, PlanStep};

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
    /// The kept list ([`super::kept_answers`]), after the ways to keep the results.
    #[prop_or_default]
    pub kept: Html,
    /// What the candidate can do with read-only results, shown under the intro.
    #[prop_or_default]
    pub actions: Html,
}

/// How many plan steps show before the rest fold into a disclosure: the
/// first things to do, at a glance on a phone.
const PLAN_SHOWN: usize = 3;

/// How many rows (a route card's requirements, plan steps, advice items) the
/// results page draws in its first pass in the browser. A long checklist is
/// drawn in two passes so that the page shows at once: its title, where the
/// candidate stands, the plan's first steps and the first routes in the
/// first task, everything else in the next (issue 33, point 14). Two, not
/// more: each pass draws the page again from the top, so growing it in
/// steps (twice as many rows each time) made a long checklist's total 2.6
/// times longer (scripts/bench-results.mjs). The built-in content fits in
/// the first. Natively (markup tests) all at once.
const FIRST_DRAWN: usize = 48;

/// One step of the plan.
fn plan_step(step: &PlanStep<'_>, definition: &Definition, settings: &Settings, callbacks: &CardCallbacks) -> Html {
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
                    if let Some(org) = step.confirm_with {
                        { tag(t.to_confirm_by(org, definition), Some("to-confirm")) }{ " " }
                    } else if step.in_progress {
                        { tag(t.req_in_progress, Some("in-progress")) }{ " " }
                    }
                    { step.action() }{ " " }{ step_or_ask_link(step.confirm_with, r.url.as_ref(), definition, settings) }
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
/// first few shown and the rest behind a disclosure; under it, closed, the
/// steps done by a tick, except those ticked since the page was drawn,
/// which stay where the candidate's finger left them.
fn plan(evaluation: &Evaluation, ticked_here: &BTreeSet<String>, drawn: usize, settings: &Settings, callbacks: &CardCallbacks) -> Html {
    let t = settings.texts;
    let definition = &**evaluation.definition();
    let (steps, done): (Vec<&PlanStep<'_>>, Vec<&PlanStep<'_>>) =
        evaluation.checklist().plan.iter().partition(|s| !s.by_tick || ticked_here.contains(&s.key()));
    let title_id = settings.id(&["plan"]);
    let (first, rest) = steps.split_at(steps.len().min(PLAN_SHOWN));
    let step = |s: &&PlanStep<'_>| plan_step(s, definition, settings, callbacks);
    html! {
        <section class="icp-plan" aria-labelledby={title_id.clone()}>
            <h3 class="icp-plan__title" id={title_id}>{ t.plan_title }</h3>
            if steps.is_empty() {
                <p class="icp-plan__empty">{ t.plan_empty }</p>
            } else {
                <p class="icp-plan__intro">{ t.plan_intro }</p>
                <ol class="icp-plan__list">{ for first.iter().map(step) }</ol>
                if !rest.is_empty() {
                    <details class="icp-details icp-plan__more">
                        <summary class="icp-details__summary">
                            <span class="icp-details__summary-text">{ t.more_steps(rest.len()) }</span>
                        </summary>
                        <ol class="icp-plan__list" start={(PLAN_SHOWN + 1).to_string()}>
                            { for rest[..rest.len().min(drawn)].iter().map(step) }
                        </ol>
                    </details>
                }
            }
            if !done.is_empty() {
                <details class="icp-details icp-plan__done">
                    <summary class="icp-details__summary">
                        <span class="icp-details__summary-text">{ t.plan_done.replace("{n}", &done.len().to_string()) }</span>
                    </summary>
                    <ul class="icp-plan__list icp-plan__list--done">{ for done[..done.len().min(drawn)].iter().map(step) }</ul>
                </details>
            }
        </section>
    }
}

/// One line per route the candidate meets, meets if its organization
/// agrees, or does not need, and, when none is met, the one they are
/// closest to: where they stand, before what to do.
fn standing(evaluation: &Evaluation, settings: &Settings) -> Html {
    let definition = &**evaluation.definition();
    let lines: Vec<Html> = evaluation
        .checklist()
        .pathways
        .iter()
        .filter(|p| matches!(p.status, PathwayStatus::Met | PathwayStatus::ToConfirm) || p.optional)
        .map(|p| {
            let optional = p.pathway.optional.as_ref().filter(|_| p.optional && p.status != PathwayStatus::Met);
            html! {
                <li class="icp-standing__item">
                    if let Some(why) = optional {
                        { tag(settings.texts.optional_for_you, Some("optional")) }{ " " }<span class="icp-standing__route">{ &p.pathway.title }</span>
                        <p class="icp-standing__why">{ why }</p>
                    } else {
                        { status_tag(p, definition, settings) }{ " " }<span class="icp-standing__route">{ &p.pathway.title }</span>
                    }
                </li>
            }
        })
        .collect();
    // No route met yet: the begun one with the fewest steps left, where going on pays most.
    let pathways = &evaluation.checklist().pathways;
    let none_met = !pathways.iter().any(|p| matches!(p.status, PathwayStatus::Met | PathwayStatus::ToConfirm));
    let closest = pathways.iter().filter(|p| none_met && p.status == PathwayStatus::InProgress && !p.optional && p.progress().0 > 0).min_by_key(|p| {
        let (done, total) = p.progress();
        total - done
    });
    let closest = closest.map(|p| {
        let (done, total) = p.progress();
        html! {
            <li class="icp-standing__item">
                { tag(settings.texts.closest, None) }{ " " }<span class="icp-standing__route">{ &p.pathway.title }</span>{ ", " }<span class="icp-standing__progress">{ settings.texts.progress(done, total) }</span>
            </li>
        }
    });
    if lines.is_empty() && closest.is_none() {
        return Html::default();
    }
    let title_id = settings.id(&["standing"]);
    html! {
        <section class="icp-standing" aria-labelledby={title_id.clone()}>
            <h3 class="icp-standing__title" id={title_id}>{ settings.texts.standing_title }</h3>
            <ul class="icp-standing__list">{ closest }{ for lines }</ul>
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
    // Steps ticked since this page was drawn: they stay in the plan until
    // it is drawn again (a reload, a return, a changed answer).
    let ticked_here = use_state(BTreeSet::<String>::new);
    {
        let ticked_here = ticked_here.clone();
        use_effect_with(answers.clone(), move |_| ticked_here.set(BTreeSet::new()));
    }
    let ontoggle = {
        let (ticked_here, ontoggle) = (ticked_here.clone(), props.ontoggle.clone());
        Callback::from(move |key: String| {
            let mut keys = (*ticked_here).clone();
            keys.insert(key.clone());
            ticked_here.set(keys);
            ontoggle.emit(key);
        })
    };
    let callbacks = CardCallbacks { ontoggle, onchange: props.onchange.clone(), read_only: props.read_only };
    // In the browser, the first pass draws FIRST_DRAWN rows and the next everything.
    let whole = use_state(|| !cfg!(target_arch = "wasm32"));
    let drawn = if *whole { usize::MAX } else { FIRST_DRAWN };
    // The route cards whose requirements fit in the rows drawn (the first always).
    let mut rows = 0;
    let cards = checklist.pathways.iter().take_while(|p| {
        let first = rows == 0;
        rows += p.requirements.len().max(1);
        first || rows <= drawn
    });
    // Slices, not iterator adapters: their loops are the ones the bundle already has.
    let cards = &checklist.pathways[..cards.count()];
    let advice = &checklist.advice[..checklist.advice.len().min(drawn)];
    let all_drawn = cards.len() == checklist.pathways.len() && checklist.plan.len().max(checklist.advice.len()) <= drawn;
    {
        let whole = whole.clone();
        use_effect_with(all_drawn, move |&all_drawn| {
            let rest = (!all_drawn).then(|| gloo::timers::callback::Timeout::new(0, move || whole.set(true)));
            move || drop(rest)
        });
    }
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
            if !checklist.complete && !props.read_only {
                <div class="icp-notice icp-notice--action">
                    <p class="icp-notice__text">{ t.new_questions }</p>
                    { button(ButtonVariant::Primary, t.answer_new_questions, oncontinue) }
                </div>
            }
            { standing(&props.evaluation, &settings) }
            { plan(&props.evaluation, &ticked_here, drawn, &settings, &callbacks) }
            <section class="icp-routes" aria-labelledby={routes_id.clone()}>
                <h3 class="icp-routes__title" id={routes_id}>{ t.routes_title }</h3>
                { for cards.iter().map(|p| pathway_card(p, def, answers, &settings, &callbacks)) }
            </section>
            if !checklist.advice.is_empty() {
                <section class="icp-general-advice" aria-labelledby={settings.id(&["advice"])}>
                    <h3 class="icp-general-advice__title" id={settings.id(&["advice"])}>{ t.general_advice }</h3>
                    <ul class="icp-advice">{ for advice.iter().map(|a| advice_item(a, def, answers, &settings)) }</ul>
                </section>
            }
            <KeepResults evaluation={props.evaluation.clone()} />
            { props.kept.clone() }
            if !props.read_only {
                <WhatIf evaluation={props.evaluation.clone()} onset={props.onwhatif.clone()} />
            }
            <details class="icp-details icp-sources">
                <summary class="icp-details__summary">
                    <span class="icp-details__summary-text">{ format!("{} ({})", t.sources, def.sources.len()) }</span>
                </summary>
                // With the sources: when the rules were compared with them, and that they may have changed since.
                if let Some(compared) = def.rules_compared().and_then(|d| t.compared_on(d)) {
                    <p class="icp-results__checked">{ compared }</p>
                }
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
