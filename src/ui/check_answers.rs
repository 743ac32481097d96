//! "Check your answers": a summary list per section, each answer changeable.
use std::rc::Rc;

use yew::prelude::*;

use super::context::Settings;
use super::format::answer_text;
use crate::pathway::{Answers, Definition, Flow};

/// Props of [`CheckAnswers`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The definition.
    pub definition: Rc<Definition>,
    /// The answers.
    pub answers: Answers,
    /// Change the answer to a question.
    pub onchange: Callback<String>,
    /// Continue to results.
    pub oncontinue: Callback<()>,
    /// Back.
    pub onback: Callback<()>,
}

/// The check-answers page.
#[function_component(CheckAnswers)]
pub fn check_answers(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let flow = Flow::new(&props.definition, &props.answers);
    // Group consecutive questions of the same section.
    let mut sections: Vec<(Option<&str>, Vec<Html>)> = Vec::new();
    for (q, a) in flow.asked() {
        let row = {
            let id = q.id.clone();
            let onchange = props.onchange.clone();
            let onclick = Callback::from(move |_: MouseEvent| onchange.emit(id.clone()));
            html! {
                <div class="icp-summary-list__row">
                    <dt class="icp-summary-list__key">{ &q.text }</dt>
                    <dd class="icp-summary-list__value">{ a.map(|a| answer_text(q, a, t)).unwrap_or_default() }</dd>
                    <dd class="icp-summary-list__actions">
                        <button type="button" class="icp-link-button" {onclick}>
                            { t.change }<span class="icp-visually-hidden">{ format!(" {}", q.text) }</span>
                        </button>
                    </dd>
                </div>
            }
        };
        match sections.last_mut() {
            Some((s, rows)) if *s == q.section.as_deref() => rows.push(row),
            _ => sections.push((q.section.as_deref(), vec![row])),
        }
    }
    let onback = props.onback.reform(|e: MouseEvent| e.prevent_default());
    let oncontinue = props.oncontinue.reform(|_: MouseEvent| ());
    html! {
        <div class="icp-check">
            <a href="#" class="icp-back-link" onclick={onback}>{ t.back }</a>
            <h2 class="icp-check__title" id={settings.id(&["heading"])} tabindex="-1" data-icp-focus="">{ t.check_title }</h2>
            { for sections.into_iter().map(|(section, rows)| html! {
                <>
                if let Some(s) = section {
                    <h3 class="icp-check__section">{ s }</h3>
                }
                <dl class="icp-summary-list">{ for rows }</dl>
                </>
            }) }
            <button type="button" class="icp-button" onclick={oncontinue}>{ t.see_results }</button>
        </div>
    }
}
