//! The error message at a field: what to fix, in the field's own words.
use yew::prelude::*;

use crate::ui::texts::Texts;

/// An error message, `id` being the id the field (or its fieldset) names in
/// `aria-describedby`. It starts with a visually hidden "Error:" (in `t`'s
/// language) because screen readers do not announce its colour, and the
/// message alone ("Select one option") could be taken for a hint.
pub fn error_message(id: String, message: impl Into<Html>, t: &Texts) -> Html {
    html! {
        <p {id} class="icp-error-message">
            <span class="icp-visually-hidden">{ t.error_prefix }{ " " }</span>{ message.into() }
        </p>
    }
}
