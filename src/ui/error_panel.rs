//! Shown instead of the questionnaire when the widget cannot start.
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
