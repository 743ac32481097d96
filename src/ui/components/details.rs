//! Details: a disclosure the candidate opens when they want more (the
//! What-if panel, longer explanations). The native `<details>`, which
//! keyboards, screen readers and find-in-page handle without script.
use yew::prelude::*;

/// What [`details`] shows.
#[derive(PartialEq, Default)]
pub struct DetailsProps {
    /// The summary, always shown: what opening it gives.
    pub summary: AttrValue,
    /// What it shows when open.
    pub children: Html,
    /// Open from the start.
    pub open: bool,
    /// Opened (`true`) or closed (`false`), by the candidate or by the page.
    pub ontoggle: Callback<bool>,
}

/// A disclosure.
pub fn details(props: &DetailsProps) -> Html {
    let ontoggle = props.ontoggle.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().has_attribute("open"));
    html! {
        <details class="icp-details" open={props.open} {ontoggle}>
            <summary class="icp-details__summary">
                <span class="icp-details__summary-text">{ props.summary.clone() }</span>
            </summary>
            <div class="icp-details__text">{ props.children.clone() }</div>
        </details>
    }
}
