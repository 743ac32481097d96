//! A notification banner: something the candidate should know that is not
//! an error of theirs (saved answers unreadable, content changed, answers
//! changed in another tab), with the choices they have and a way to dismiss
//! it. Its classes stay `.icp-notice*`, which the print stylesheet and the
//! results page already use.
use yew::prelude::*;

use super::button::{button, button_group, ButtonVariant};

/// A button of a banner: its label and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct BannerAction {
    /// The button's label.
    pub label: AttrValue,
    /// What pressing it does.
    pub onclick: Callback<()>,
}

/// What [`notification_banner`] shows.
#[derive(PartialEq, Default)]
pub struct NotificationBannerProps {
    /// The message.
    pub message: AttrValue,
    /// Choices offered with the message, in order; the first is the primary one.
    pub actions: Vec<BannerAction>,
    /// Dismiss button label; no dismiss button when the candidate must choose.
    pub dismiss: Option<AttrValue>,
    /// Dismissed.
    pub ondismiss: Callback<()>,
    /// No `status` role. By default the banner has one, so that it is
    /// announced politely when it appears, since it appears after something
    /// the candidate did not do themselves; `quiet` for a banner that is part
    /// of the page from the start.
    pub quiet: bool,
    /// Styled as an invitation to act (`icp-notice--action`) rather than as
    /// information.
    pub action: bool,
}

/// A notification banner.
pub fn notification_banner(props: &NotificationBannerProps) -> Html {
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("icp-notice", props.action.then_some("icp-notice--action"))} role={(!props.quiet).then_some("status")}>
            <p class="icp-notice__text">{ props.message.clone() }</p>
            if !props.actions.is_empty() {
                { button_group(props.actions.iter().enumerate().map(|(i, a)| {
                    let variant = if i == 0 { ButtonVariant::Primary } else { ButtonVariant::Secondary };
                    button(variant, a.label.clone(), a.onclick.reform(|_: MouseEvent| ()))
                }).collect()) }
            }
            if let Some(dismiss) = &props.dismiss {
                <button type="button" class="icp-link-button icp-notice__dismiss" onclick={ondismiss}>{ dismiss.clone() }</button>
            }
        </div>
    }
}
