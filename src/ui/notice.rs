//! A notice above the page: things the candidate should know, not errors of
//! theirs, with the choices they have (if any) and a way to dismiss it.
use yew::prelude::*;

/// A button of a notice: its label and what it does.
#[derive(Clone, PartialEq)]
pub struct NoticeAction {
    /// The button's label.
    pub label: AttrValue,
    /// What pressing it does.
    pub onclick: Callback<()>,
}

/// Props of [`NoticeBanner`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The message.
    pub message: AttrValue,
    /// Choices offered with the message, in order.
    #[prop_or_default]
    pub actions: Vec<NoticeAction>,
    /// Dismiss button label; no dismiss button when the candidate must choose.
    #[prop_or_default]
    pub dismiss: Option<AttrValue>,
    /// Dismiss.
    #[prop_or_default]
    pub ondismiss: Callback<()>,
}

/// A notification banner.
#[function_component(NoticeBanner)]
pub fn notice_banner(props: &Props) -> Html {
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="icp-notice" role="status">
            <p class="icp-notice__text">{ props.message.clone() }</p>
            if !props.actions.is_empty() {
                <div class="icp-button-group">
                    { for props.actions.iter().enumerate().map(|(i, a)| html! {
                        <button type="button" class={if i == 0 { "icp-button" } else { "icp-button icp-button--secondary" }}
                            onclick={a.onclick.reform(|_: MouseEvent| ())}>{ a.label.clone() }</button>
                    }) }
                </div>
            }
            if let Some(dismiss) = &props.dismiss {
                <button type="button" class="icp-link-button icp-notice__dismiss" onclick={ondismiss}>{ dismiss.clone() }</button>
            }
        </div>
    }
}
