//! A summary list: rows of a key, its value and an action, as on "Check
//! your answers". A description list, so each value is announced with its
//! key.
use yew::prelude::*;

/// The action of a [`SummaryRow`] ("Change").
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryAction {
    /// What it says ("Change").
    pub label: AttrValue,
    /// Said only to screen readers after the label: the row's key, since
    /// "Change, Change, Change" heard out of context says nothing.
    pub visually_hidden: AttrValue,
    /// Pressed.
    pub onclick: Callback<()>,
    /// Takes the focus when the page is shown (the row just changed).
    pub focus: bool,
}

/// One row of a [`SummaryList`].
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// The key (a question).
    pub key: AttrValue,
    /// Its value (the answer).
    pub value: AttrValue,
    /// What can be done with it, if anything.
    pub action: Option<SummaryAction>,
}

/// What [`summary_list`] shows.
#[derive(PartialEq, Default)]
pub struct SummaryListProps {
    /// The rows, in order.
    pub rows: Vec<SummaryRow>,
}

/// A summary list.
pub fn summary_list(props: &SummaryListProps) -> Html {
    let rows = props.rows.iter().map(|row| {
        html! {
            <div class="icp-summary-list__row">
                <dt class="icp-summary-list__key">{ row.key.clone() }</dt>
                <dd class="icp-summary-list__value">{ row.value.clone() }</dd>
                if let Some(action) = &row.action {
                    <dd class="icp-summary-list__actions">
                        // A button, not a link: it changes the page inside
                        // the widget and has no address of its own.
                        <button type="button" class="icp-link-button" onclick={action.onclick.reform(|_: MouseEvent| ())}
                            data-icp-focus={action.focus.then_some("")}>
                            { action.label.clone() }<span class="icp-visually-hidden">{ format!(" {}", action.visually_hidden) }</span>
                        </button>
                    </dd>
                }
            </div>
        }
    });
    html! { <dl class="icp-summary-list">{ for rows }</dl> }
}
