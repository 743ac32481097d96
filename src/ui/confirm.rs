//! Actions that destroy something ("Start again", "Forget my answers on this
//! device") and their confirmation, which opens right under the button
//! pressed: on a phone, the results page is thousands of pixels long, and a
//! confirmation at its top would be out of sight.
use yew::prelude::*;

use super::components::{button, ButtonVariant};
use super::context::Settings;

/// Which destructive action: its words, its look, and where focus returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destroy {
    /// "Start again": clears the answers here.
    Restart,
    /// "Forget my answers on this device": removes every record.
    Forget,
}

impl Destroy {
    /// The selector of its button, where focus returns when the
    /// confirmation is cancelled (use_page_focus).
    pub fn button_selector(self) -> &'static str {
        match self {
            Destroy::Restart => "[data-icp-restart]",
            Destroy::Forget => "[data-icp-forget]",
        }
    }
}

/// The button of `what` (looking as `variant` says), and under it, while
/// `confirming`, the question whether to go ahead.
pub fn confirm_control(
    settings: &Settings,
    what: Destroy,
    variant: ButtonVariant,
    confirming: bool,
    onask: Callback<()>,
    onconfirm: Callback<()>,
    oncancel: Callback<()>,
) -> Html {
    let t = settings.texts;
    let (label, question, yes) = match what {
        Destroy::Restart => (t.start_again, t.confirm_restart, t.confirm_restart_yes),
        Destroy::Forget => (t.forget, t.confirm_forget, t.confirm_forget_yes),
    };
    let id = settings.id(&["confirm"]);
    // Focus comes back to the button that opened a cancelled confirmation (use_page_focus).
    let trigger = html! {
        <button type="button" class={classes!("icp-button", variant.modifier())} aria-expanded={confirming.to_string()}
            data-icp-restart={(what == Destroy::Restart).then_some("")} data-icp-forget={(what == Destroy::Forget).then_some("")}
            onclick={onask.reform(|_: MouseEvent| ())}>{ label }</button>
    };
    html! {
        <>
            { trigger }
            if confirming {
                <div class="icp-confirm" role="alertdialog" aria-labelledby={id.clone()} tabindex="-1">
                    <p class="icp-confirm__text" {id}>{ question }</p>
                    <div class="icp-button-group">
                        { button(ButtonVariant::Warning, yes, onconfirm.reform(|_: MouseEvent| ())) }
                        { button(ButtonVariant::Secondary, t.cancel, oncancel.reform(|_: MouseEvent| ())) }
                    </div>
                </div>
            }
        </>
    }
}
