//! "Check your answers": a summary list per section, each answer changeable,
//! composed from [`super::components`].
use std::rc::Rc;

use yew::prelude::*;

use super::components::{button, summary_list, ButtonVariant, SummaryAction, SummaryListProps, SummaryRow};
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
    /// The question just changed from this page, whose row takes the focus.
    #[prop_or_default]
    pub changed: Option<String>,
}

/// The check-answers page.
#[function_component(CheckAnswers)]
pub fn check_answers(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let flow = Flow::new(&props.definition, &props.answers);
    let changed = props.changed.as_deref().filter(|id| flow.is_asked(id));
    // Group consecutive questions of the same section.
    let mut sections: Vec<(Option<&str>, Vec<SummaryRow>)> = Vec::new();
    for (q, a) in flow.asked() {
        let row = SummaryRow {
            key: q.text.clone().into(),
            value: a.map(|a| answer_text(q, a, t)).unwrap_or_default().into(),
            action: Some(SummaryAction {
                label: t.change.into(),
                visually_hidden: q.text.clone().into(),
                onclick: props.onchange.reform({
                    let id = q.id.clone();
                    move |()| id.clone()
                }),
                focus: changed == Some(q.id.as_str()),
            }),
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
            <h2 class="icp-check__title" id={settings.id(&["heading"])} tabindex="-1" data-icp-focus={changed.is_none().then_some("")}>{ t.check_title }</h2>
            { for sections.into_iter().map(|(section, rows)| html! {
                <>
                if let Some(s) = section {
                    <h3 class="icp-check__section">{ s }</h3>
                }
                { summary_list(&SummaryListProps { rows }) }
                </>
            }) }
            { button(ButtonVariant::Primary, t.see_results, oncontinue) }
        </div>
    }
}
