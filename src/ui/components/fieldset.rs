//! The form group of a question: a fieldset whose legend is the question,
//! then its hint and error message, then its controls. Radios, checkboxes
//! and the text input share it, so every question page has the same
//! structure and the same ids.
//!
//! Ids derive from the field's id: `<id>-hint` and `<id>-error`; the first
//! control takes `<id>` itself, which is where the error summary's link goes.
use yew::prelude::*;

use super::error_message::error_message;
use crate::ui::texts::Texts;

/// Id of the hint of the field `id`.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// Id of the error message of the field `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// What `aria-describedby` names for the field `id`: its hint, then its
/// error, those it has; nothing when it has neither (an empty attribute
/// would be an error for some checkers).
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [hint.then(|| hint_id(id)), error.then(|| error_id(id))].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A question's field, as radios, checkboxes and the text input all have it.
#[derive(PartialEq, Default)]
pub struct Field {
    /// The field's id, from which the hint's and error's ids derive; the
    /// first control's id, and the inputs' `name`.
    pub id: AttrValue,
    /// Inside the `<legend>`: the question, usually as the page heading.
    pub legend: Html,
    /// A hint under the question.
    pub hint: Option<AttrValue>,
    /// The error message, when the last answer was refused.
    pub error: Option<AttrValue>,
}

/// A question's form group around `children` (its controls); `t` gives the
/// error message's hidden prefix. `describe`: whether the fieldset itself
/// names the hint and error in `aria-describedby`. Right for radios and
/// checkboxes, which screen readers announce with their group; a text input
/// names them itself instead, or they would be read twice.
pub fn fieldset(props: &Field, describe: bool, children: Html, t: &Texts) -> Html {
    let id = props.id.as_str();
    let described = describe.then(|| described_by(id, props.hint.is_some(), props.error.is_some())).flatten();
    html! {
        <div class={classes!("icp-form-group", props.error.is_some().then_some("icp-form-group--error"))}>
            <fieldset class="icp-fieldset" aria-describedby={described}>
                <legend class="icp-fieldset__legend">{ props.legend.clone() }</legend>
                if let Some(h) = &props.hint {
                    <div id={hint_id(id)} class="icp-hint">{ h.clone() }</div>
                }
                if let Some(message) = &props.error {
                    { error_message(error_id(id), message.clone(), t) }
                }
                { children }
            </fieldset>
        </div>
    }
}
