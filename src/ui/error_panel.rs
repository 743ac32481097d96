//! Shown instead of the questionnaire when the widget cannot start.
//!
//! The candidate reads plain words (the checker is not available, whom to
//! contact if the page gives a `contact`); the located problems are for the
//! site's editors, in a closed "Details" disclosure and in the console.
//!
//! Not an [error summary](super::components::error_summary): there is no
//! field to link to, and it must not take focus, since it appears as the
//! page loads and would pull the host page's focus into the widget. Its
//! markup is also what `panic.rs` builds by hand for a crash, and the two
//! must stay alike (`role="alert"` on the panel itself, `.icp-error-panel`).
use yew::prelude::*;

use super::components::{details, DetailsProps};
use super::context::Settings;
use crate::pathway::is_web_address;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// One line per problem, for the site's editors.
    pub problems: Vec<String>,
    /// Whom candidates may contact (an email address or a web address), as the page gives it.
    #[prop_or_default]
    pub contact: Option<AttrValue>,
}

/// A clear message instead of a blank widget.
#[function_component(ErrorPanel)]
pub fn error_panel(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let editors = html! {
        <>
            <p>{ t.error_editors }</p>
            <ul class="icp-error-panel__list">
                { for props.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }
            </ul>
        </>
    };
    html! {
        <div class="icp-error-panel" role="alert">
            <h2 class="icp-error-panel__title">{ t.error_title }</h2>
            <p>{ t.error_help }</p>
            if let Some(contact) = props.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                <p class="icp-error-panel__contact">{ t.error_contact }{ " " }{ contact_link(contact) }</p>
            }
            { details(&DetailsProps { summary: t.error_details.into(), children: editors, ..Default::default() }) }
        </div>
    }
}

/// An email address as a `mailto:` link, a web address as a link, anything else as text.
fn contact_link(contact: &str) -> Html {
    let href = if is_web_address(contact) {
        Some(contact.to_owned())
    } else if contact.contains('@') && !contact.contains([':', '/', ' ']) {
        Some(format!("mailto:{contact}"))
    } else {
        None
    };
    match href {
        Some(href) => html! { <a class="icp-link" {href} rel="noopener noreferrer">{ contact }</a> },
        None => html! { contact },
    }
}
