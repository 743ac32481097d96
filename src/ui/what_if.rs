//! "What if your answers change?": compact controls that set an answer in
//! place so the checklist re-evaluates at once.
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::context::Settings;
use super::evaluation::Evaluation;
use crate::pathway::{Answer, Flow, QuestionKind};

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
    let flow = Flow::new(props.evaluation.definition(), props.evaluation.answers());
    let rows = flow.asked().filter_map(|(q, a)| {
        let id = settings.id(&["whatif", &q.id]);
        let qid = q.id.clone();
        let onset = props.onset.clone();
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
                    <select class="icp-select" id={id.clone()} {onchange}>
                        if current.is_empty() { <option value="" selected=true>{ t.choose }</option> }
                        { for options.iter().map(|(k, label, _)| html! {
                            <option value={k.clone()} selected={*k == current}>{ label }</option>
                        }) }
                    </select>
                }
            }
            QuestionKind::Number { min, max, .. } => {
                let (min, max) = (*min, *max);
                let value = match a { Some(Answer::Number(n)) => n.to_string(), _ => String::new() };
                let onchange = Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    if let Ok(n) = input.value().trim().parse::<i64>() {
                        if (min..=max).contains(&n) {
                            onset.emit((qid.clone(), Answer::Number(n)));
                        }
                    }
                });
                html! {
                    <input class="icp-input icp-input--width-5" type="text" inputmode="numeric" id={id.clone()} {value} {onchange} />
                }
            }
            // Multiple choices are changed on their own page ("Change").
            QuestionKind::Multi { .. } => return None,
        };
        Some(html! {
            <div class="icp-what-if__row">
                <label class="icp-what-if__label" for={id}>{ &q.text }</label>
                { control }
            </div>
        })
    });
    html! {
        <details class="icp-what-if">
            <summary class="icp-what-if__summary">{ t.what_if }</summary>
            <div class="icp-what-if__body">
                <p class="icp-hint">{ t.what_if_hint }</p>
                { for rows }
            </div>
        </details>
    }
}
