//! The kept list: every set of answers kept on the device (before a share
//! link's, a restored set or another tab's replaced them), newest first,
//! each with when it was kept, whose it was and how much it holds, and a
//! button that restores that one. On the start page and on the results
//! page, so that no kept set is out of reach (issue 33, point 5). A summary
//! list, as "Check your answers" is: each row's button carries its row's
//! time for screen readers.
use yew::prelude::*;

use super::components::summary_list::{summary_list, SummaryAction, SummaryListProps, SummaryRow};
use super::context::Settings;
use super::storage::{KeptFrom, Saved};

/// The disclosure "Answers kept on this device (n)", or nothing when none is kept.
#[inline(never)]
pub fn kept_answers(kept: &[Saved], settings: &Settings, onrestore: &Callback<Option<usize>>) -> Html {
    if kept.is_empty() {
        return Html::default();
    }
    let t = settings.texts;
    let rows = kept.iter().enumerate().rev().map(|(index, saved)| {
        let when: AttrValue = match saved.kept_at.as_str() {
            "" => t.kept_earlier.into(),
            when => when.to_owned().into(),
        };
        let from = match saved.kept_from.as_str() {
            f if f == KeptFrom::Here.code() => t.kept_here,
            f if f == KeptFrom::OtherTab.code() => t.kept_other_tab,
            _ => "",
        };
        let counts = t.kept_counts.replace("{answers}", &saved.answers.len().to_string()).replace("{ticks}", &saved.done.len().to_string());
        SummaryRow {
            key: when.clone(),
            value: if from.is_empty() { counts } else { format!("{from} · {counts}") }.into(),
            action: Some(SummaryAction {
                label: t.restore_these.into(),
                visually_hidden: when,
                onclick: onrestore.reform(move |()| Some(index)),
                focus: false,
            }),
        }
    });
    html! {
        <details class="icp-details icp-kept">
            <summary class="icp-details__summary">
                <span class="icp-details__summary-text">{ t.kept_list_title.replace("{n}", &kept.len().to_string()) }</span>
            </summary>
            { summary_list(&SummaryListProps { rows: rows.collect() }) }
        </details>
    }
}
