//! "What if your answers change?": compact controls that set an answer in
//! place so the checklist re-evaluates at once. On a phone the checklist is
//! far above, so what the change did is said under the control that made it
//! ("This changes: ..."), and focus stays on the control.
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::components::error_message;
use super::context::Settings;
use super::evaluation::Evaluation;
use super::pathway_card::requirement_tag;
use super::question_page::read_number;
use crate::pathway::{Answer, Flow, PathwayResult, QuestionKind};

/// Props of [`WhatIf`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The answers (and the checklist they give) it starts from.
    pub evaluation: Rc<Evaluation>,
    /// Set an answer.
    pub onset: Callback<(String, Answer)>,
}

/// Controls for every asked yes/no, single-choice and number question.
#[function_component(WhatIf)]
pub fn what_if(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    // The question last changed here, and the checklist before the change.
    let changed = use_state(|| None::<(String, Rc<Evaluation>)>);
    let panel = use_node_ref();
    {
        // The rows around the control change with the answers (new questions
        // open): focus stays on the control, and what it did is brought into view.
        let control = changed.as_ref().map(|(id, _)| settings.id(&["whatif", id]));
        let panel = panel.clone();
        use_effect_with((control, Rc::as_ptr(&props.evaluation) as usize), move |(control, _)| {
            if let Some(id) = control {
                keep_in_view(&panel, id);
            }
        });
    }
    // Numbers typed here that were refused, with the message, by question id.
    // A short list, not a map: a map's code would weigh on every visitor's download.
    let refused_state = use_state(Vec::<(String, String, String)>::new);
    let refused = (*refused_state).clone();
    let flow = Flow::new(props.evaluation.definition(), props.evaluation.answers());
    let rows = flow.asked().filter_map(|(q, a)| {
        let id = settings.id(&["whatif", &q.id]);
        let qid = q.id.clone();
        let onset = {
            let (onset, changed, before, qid) = (props.onset.clone(), changed.clone(), props.evaluation.clone(), q.id.clone());
            Callback::from(move |set: (String, Answer)| {
                changed.set(Some((qid.clone(), before.clone())));
                onset.emit(set);
            })
        };
        let effect = match &*changed {
            Some((changed_id, before)) if *changed_id == q.id => Some(effect(before, &props.evaluation, &settings)),
            _ => None,
        };
        let effect_id = settings.id(&["whatif", &q.id, "effect"]);
        let control = match &q.kind {
            QuestionKind::YesNo | QuestionKind::Single { .. } => {
                let options: Vec<(String, String, Answer)> = match &q.kind {
                    QuestionKind::YesNo => vec![
                        ("yes".into(), t.yes.into(), Answer::Bool(true)),
                        ("no".into(), t.no.into(), Answer::Bool(false)),
                    ],
                    _ => q.kind.options().iter().map(|o| (o.id.clone(), o.label.clone(), Answer::Choice(o.id.clone()))).collect(),
                };
                let current = options.iter().find(|(_, _, v)| Some(v) == a).map(|(k, _, _)| k.clone()).unwrap_or_default();
                let lookup = options.clone();
                let onchange = Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    if let Some((_, _, v)) = lookup.iter().find(|(k, _, _)| *k == select.value()) {
                        onset.emit((qid.clone(), v.clone()));
                    }
                });
                html! {
                    <select class="icp-select" id={id.clone()} aria-describedby={effect.is_some().then(|| effect_id.clone())} {onchange}>
                        if current.is_empty() { <option value="" selected=true>{ t.choose }</option> }
                        { for options.iter().map(|(k, label, _)| html! {
                            <option value={k.clone()} selected={*k == current}>{ label }</option>
                        }) }
                    </select>
                }
            }
            QuestionKind::Number { min, max, .. } => {
                let (min, max) = (*min, *max);
                // What was typed and refused stays in the field, with the
                // question page's message, instead of the old verdict silently.
                let refused = refused.iter().find(|(id, ..)| *id == q.id).map(|(_, typed, message)| (typed.clone(), message.clone()));
                let value = match (&refused, a) {
                    (Some((typed, _)), _) => typed.clone(),
                    (None, Some(Answer::Number(n))) => n.to_string(),
                    _ => String::new(),
                };
                let onchange = {
                    let (refused, t) = (refused_state.clone(), t);
                    Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        let mut now = (*refused).clone();
                        now.retain(|(id, ..)| *id != qid);
                        match read_number(&input.value(), min, max, t) {
                            Ok(n) => {
                                refused.set(now);
                                onset.emit((qid.clone(), Answer::Number(n)));
                            }
                            Err(message) => {
                                now.push((qid.clone(), input.value(), message));
                                refused.set(now);
                            }
                        }
                    })
                };
                let error_id = settings.id(&["whatif", &q.id, "error"]);
                let described = [refused.as_ref().map(|_| error_id.clone()), effect.is_some().then(|| effect_id.clone())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                html! {
                    <>
                        if let Some((_, message)) = &refused {
                            { error_message(error_id.clone(), message.clone(), t) }
                        }
                        <input class={classes!("icp-input", "icp-input--width-5", refused.is_some().then_some("icp-input--error"))} type="text" inputmode="numeric" id={id.clone()}
                            aria-invalid={refused.is_some().then_some("true")}
                            aria-describedby={(!described.is_empty()).then_some(described)} {value} {onchange} />
                    </>
                }
            }
            // Multiple choices are changed on their own page ("Change").
            QuestionKind::Multi { .. } => return None,
        };
        Some(html! {
            <div class="icp-what-if__row" key={q.id.clone()}>
                <label class="icp-what-if__label" for={id}>{ &q.text }</label>
                { control }
                // A status region: read out once, without moving focus off the control.
                <div class="icp-what-if__effect" id={effect_id} role="status">{ for effect }</div>
            </div>
        })
    });
    html! {
        <details class="icp-what-if" ref={panel}>
            <summary class="icp-what-if__summary">{ t.what_if }</summary>
            <div class="icp-what-if__body">
                <p class="icp-hint">{ t.what_if_hint }</p>
                { for rows }
            </div>
        </details>
    }
}

/// What a change did to the checklist: each route whose status changed,
/// each step whose verdict changed (once, even when routes share it), each
/// route whose next step changed, and whether the advice changed; or that
/// nothing did.
fn effect(before: &Evaluation, after: &Evaluation, settings: &Settings) -> Html {
    let t = settings.texts;
    let (before_def, after_def) = (&**before.definition(), &**after.definition());
    let (before, after) = (before.checklist(), after.checklist());
    let mut changes: Vec<String> = Vec::new();
    let mut steps_seen = std::collections::BTreeSet::new();
    for now in &after.pathways {
        let Some(was) = before.pathway(&now.pathway.id) else { continue };
        if was.status != now.status {
            changes.push(t.status_change(&now.pathway.title, &t.pathway_status(was, before_def), &t.pathway_status(now, after_def)));
        }
        for r in &now.requirements {
            let Some(old) = was.requirement(&r.requirement.id) else { continue };
            let (old_tag, new_tag) = (requirement_tag(old, t, before_def).0, requirement_tag(r, t, after_def).0);
            if old_tag != new_tag && steps_seen.insert(r.requirement.title.as_str()) {
                changes.push(t.requirement_change(&r.requirement.title, &old_tag, &new_tag));
            }
        }
        let next = |p: &PathwayResult<'_>| p.next_step().map(|n| n.requirement.title.clone());
        if was.status == now.status && next(was) != next(now) {
            if let Some(step) = next(now) {
                changes.push(t.next_change(&now.pathway.title, &step));
            }
        }
    }
    if !before.all_advice().map(|a| &a.id).eq(after.all_advice().map(|a| &a.id)) {
        changes.push(t.what_if_advice.to_owned());
    }
    if changes.is_empty() {
        return html! { <p class="icp-what-if__effect-text">{ t.what_if_no_change }</p> };
    }
    html! {
        <>
            <p class="icp-what-if__effect-text">{ t.what_if_changes }</p>
            <ul class="icp-what-if__changes">{ for changes.into_iter().map(|c| html! { <li>{ c }</li> }) }</ul>
        </>
    }
}

/// Focuses the control `id` under `panel` if focus has left it, and scrolls
/// what it changed into view.
fn keep_in_view(panel: &NodeRef, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(panel) = panel.cast::<web_sys::Element>() else { return };
    let find = |selector: String| panel.query_selector(&selector).ok().flatten();
    if let Some(control) = find(format!("[id='{id}']")).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let focused = gloo::utils::document().active_element();
        let shadow_focused = control.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().and_then(|r| r.active_element());
        if shadow_focused.or(focused).as_ref() != Some(control.unchecked_ref()) {
            let _ = control.focus();
        }
    }
    if let Some(effect) = find(format!("[id='{id}-effect']")) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        effect.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
