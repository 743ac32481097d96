//! The results page: one card per pathway, general advice, sources, and ways
//! to change answers or start again.
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::components::{button, ButtonVariant};
use super::context::Settings;
use super::evaluation::Evaluation;
use super::keep_results::KeepResults;
use super::pathway_card::{advice_item, pathway_card, status_tag, CardCallbacks};
use super::what_if::WhatIf;
use crate::pathway::Answer;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The checklist, with the definition and answers it comes from.
    pub evaluation: Rc<Evaluation>,
    /// Steps ticked as done.
    pub done: BTreeSet<String>,
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
    /// Start again.
    pub onrestart: Callback<()>,
    /// Someone else's results, from a share link: shown without the controls
    /// that would change the candidate's own answers.
    #[prop_or_default]
    pub read_only: bool,
    /// What the candidate can do with read-only results, shown under the intro.
    #[prop_or_default]
    pub actions: Html,
}

/// A link to a place in the widget: scrolls to it and moves focus there,
/// inside the widget's own root (a shadow root in the embed, where a plain
/// `#id` jump does nothing), without touching the host page's address or
/// history.
fn jump_within_widget(target: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        e.prevent_default();
        let root = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest(".icp-root").ok().flatten());
        let Some(heading) = root.and_then(|r| r.query_selector(&format!("#{target}")).ok().flatten()) else { return };
        heading.scroll_into_view();
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    })
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
    let onrestart = props.onrestart.reform(|_: MouseEvent| ());
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
            <nav class="icp-overview" aria-label={t.results_title}>
                <ul class="icp-overview__list">
                    { for checklist.pathways.iter().map(|p| html! {
                        <li class="icp-overview__item">
                            <a class="icp-overview__link" href={format!("#{}", settings.id(&["pathway", &p.pathway.id]))}
                                onclick={jump_within_widget(settings.id(&["pathway", &p.pathway.id]))}>{ &p.pathway.title }</a>
                            { status_tag(p.status, &settings) }
                        </li>
                    }) }
                </ul>
            </nav>
            { for checklist.pathways.iter().map(|p| pathway_card(p, def, answers, &props.done, &settings, &callbacks)) }
            if !checklist.advice.is_empty() {
                <section class="icp-general-advice" aria-labelledby={settings.id(&["advice"])}>
                    <h3 class="icp-pathway__title" id={settings.id(&["advice"])}>{ t.general_advice }</h3>
                    <ul class="icp-advice">{ for checklist.advice.iter().map(|a| advice_item(a, "h4", def, &settings)) }</ul>
                </section>
            }
            <KeepResults evaluation={props.evaluation.clone()} />
            if !props.read_only {
                <WhatIf evaluation={props.evaluation.clone()} onset={props.onwhatif.clone()} />
            }
            <section class="icp-sources">
                <h3 class="icp-sources__title">{ t.sources }</h3>
                <ul>{ for def.sources.iter().map(|s| html! {
                    <li>
                        if let Some(url) = s.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                            <a href={url.clone()} rel="noopener noreferrer">{ &s.title }</a>
                        } else {
                            { &s.title }
                        }
                        { s.file.as_ref().map(|f| format!(" ({f})")).unwrap_or_default() }
                    </li>
                }) }</ul>
            </section>
            if !props.read_only {
                <div class="icp-button-group icp-results__actions">
                    { button(ButtonVariant::Secondary, t.review_answers, onreview) }
                    { button(ButtonVariant::Warning, t.start_again, onrestart) }
                </div>
            }
        </div>
    }
}
