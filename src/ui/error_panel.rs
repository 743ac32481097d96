//! Shown instead of the questionnaire when the widget cannot start.
//!
//! Not an [error summary](super::components::error_summary): there is no
//! field to link to, and it must not take focus, since it appears as the
//! page loads and would pull the host page's focus into the widget. Its
//! markup is also what `panic.rs` builds by hand for a crash, and the two
//! must stay alike (`role="alert"` on the panel itself, `.icp-error-panel`).
use yew::prelude::*;

use super::context::Settings;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// One line per problem.
    pub problems: Vec<String>,
}

/// A clear error instead of a blank widget.
#[function_component(ErrorPanel)]
pub fn error_panel(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    html! {
        <div class="icp-error-panel" role="alert">
            <h2 class="icp-error-panel__title">{ t.error_title }</h2>
            <p>{ t.error_help }</p>
            <ul class="icp-error-panel__list">
                { for props.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }
            </ul>
        </div>
    }
}
