//! A tag: a status in a word or two ("Met", "Optional"). Its colour is a
//! modifier, so a theme can restyle a status without touching the others.
use yew::prelude::*;

/// A status tag: `text`, coloured by `modifier` (`met`, `in-progress`,
/// `not-yet`, `unmet`, `unknown`, `optional`, `not-applicable`, which becomes
/// `icp-tag--<modifier>`; grey without one). A `<strong>`, as in GOV.UK: the
/// status is what the row is about, and it stays emphasized where the
/// colours are lost (forced colours, print).
pub fn tag(text: impl Into<Html>, modifier: Option<&str>) -> Html {
    let modifier = modifier.map(|m| format!("icp-tag--{m}"));
    html! { <strong class={classes!("icp-tag", modifier)}>{ text.into() }</strong> }
}
