//! The kept list: every set of answers kept on the device (before a share
//! link's, a restored set or another tab's replaced them), newest first,
//! each with when it was kept, whose it was and how much it holds, and a
//! button that restores that one. On the start page and on the results
//! page, so that no kept set is out of reach (issue 33, point 5).
use yew::prelude::*;

use super::context::Settings;
use super::storage::{KeptFrom, Saved};

/// The disclosure "Answers kept on this device (n)", or nothing when none is kept.
#[inline(never)]
pub fn kept_answers(kept: &[Saved], settings: &Settings, onrestore: &Callback<Option<usize>>) -> Html {
    if kept.is_empty() {
        return Html::default();
    }
    let t = settings.texts;
    let item = |(index, saved): (usize, &Saved)| {
        let when = saved.kept_at.as_deref().map_or(t.kept_earlier.to_owned(), |when| t.kept_on.replace("{when}", when));
        let from = match saved.kept_from {
            Some(KeptFrom::OtherTab) => Some(t.kept_other_tab),
            Some(KeptFrom::Here) => Some(t.kept_here),
            None => None,
        };
        let counts = t.kept_counts.replace("{answers}", &saved.answers.len().to_string()).replace("{ticks}", &saved.done.len().to_string());
        let description = [Some(when.as_str()), from, Some(counts.as_str())].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let id = settings.id(&["kept", &index.to_string()]);
        let restore = onrestore.reform(move |_: MouseEvent| Some(index));
        html! {
            <li class="icp-kept__item">
                <p class="icp-kept__description" id={id.clone()}>{ description }</p>
                // The description says which set the button restores.
                <button type="button" class="icp-button icp-button--secondary" aria-describedby={id} onclick={restore}>{ t.restore_these }</button>
            </li>
        }
    };
    html! {
        <details class="icp-details icp-kept">
            <summary class="icp-details__summary">
                <span class="icp-details__summary-text">{ t.kept_list_title.replace("{n}", &kept.len().to_string()) }</span>
            </summary>
            <ul class="icp-kept__list">{ for kept.iter().enumerate().rev().map(item) }</ul>
        </details>
    }
}
