//! Inset text: a side note set off by a rule on its left, for what differs
//! from the surrounding text (answers kept aside, why a pathway is closed).
use yew::prelude::*;

/// A side note: text, or paragraphs and a button.
pub fn inset_text(children: Html) -> Html {
    html! { <div class="icp-inset">{ children }</div> }
}
