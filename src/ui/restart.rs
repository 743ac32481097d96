//! "Start again" and its confirmation, which opens right under the button
//! pressed: on a phone, the results page is thousands of pixels long, and a
//! confirmation at its top would be out of sight.
use yew::prelude::*;

use super::components::{button, ButtonVariant};
use super::context::Settings;

/// The "Start again" button (looking as `variant` says), and under it, while
/// `confirming`, the question whether to delete everything.
pub fn restart_control(
    settings: &Settings,
    variant: ButtonVariant,
    confirming: bool,
    onask: Callback<()>,
    onconfirm: Callback<()>,
    oncancel: Callback<()>,
) -> Html {
    let t = settings.texts;
    let id = settings.id(&["confirm"]);
    let class = classes!("icp-button", variant.modifier());
    html! {
        <>
            // Focus comes back here when the confirmation is cancelled (use_page_focus).
            <button type="button" {class} data-icp-restart="" aria-expanded={confirming.to_string()}
                onclick={onask.reform(|_: MouseEvent| ())}>{ t.start_again }</button>
            if confirming {
                <div class="icp-confirm" role="alertdialog" aria-labelledby={id.clone()} tabindex="-1">
                    <p class="icp-confirm__text" {id}>{ t.confirm_restart }</p>
                    <div class="icp-button-group">
                        { button(ButtonVariant::Warning, t.confirm_restart_yes, onconfirm.reform(|_: MouseEvent| ())) }
                        { button(ButtonVariant::Secondary, t.cancel, oncancel.reform(|_: MouseEvent| ())) }
                    </div>
                </div>
            }
        </>
    }
}
