//! A notice above the page: things the candidate should know, not errors of theirs.
use yew::prelude::*;

/// Props of [`NoticeBanner`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The message.
    pub message: AttrValue,
    /// Dismiss button label.
    pub dismiss: AttrValue,
    /// Dismiss.
    pub ondismiss: Callback<()>,
}

/// A dismissible notification banner.
#[function_component(NoticeBanner)]
pub fn notice_banner(props: &Props) -> Html {
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="icp-notice" role="status">
            <p class="icp-notice__text">{ props.message.clone() }</p>
            <button type="button" class="icp-link-button icp-notice__dismiss" onclick={ondismiss}>{ props.dismiss.clone() }</button>
        </div>
    }
}
