//! The start page: what this is, how long it takes, privacy, Start;
//! composed from [`super::components`].
use yew::prelude::*;

use super::components::{button, button_group, inset_text, ButtonVariant};
use super::context::Settings;
use super::storage::StorageMode;

/// Props of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Title of the definition.
    pub title: AttrValue,
    /// Introductory text.
    pub intro: AttrValue,
    /// Whether saved answers exist.
    pub resumable: bool,
    /// Start or resume.
    pub onstart: Callback<()>,
    /// "Start again" and its confirmation (only offered when resumable).
    #[prop_or_default]
    pub restart: Html,
    /// Whether earlier answers are kept on the device (kept when shared
    /// answers were taken as the candidate's own).
    #[prop_or_default]
    pub kept: bool,
    /// Restore the earlier answers.
    #[prop_or_default]
    pub onrestore: Callback<()>,
    /// The kept list ([`super::kept_answers`]), each set restorable.
    #[prop_or_default]
    pub kept_list: Html,
    /// Where answers are kept, which the privacy line says.
    #[prop_or_default]
    pub storage: StorageMode,
}

/// The first page.
#[function_component(StartPage)]
pub fn start_page(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let onstart = props.onstart.reform(|_: MouseEvent| ());
    let onrestore = props.onrestore.reform(|_: MouseEvent| ());
    html! {
        <div class="icp-start">
            <h2 class="icp-start__title" id={settings.id(&["heading"])} tabindex="-1" data-icp-focus="">{ props.title.clone() }</h2>
            <p class="icp-start__intro">{ props.intro.clone() }</p>
            <p class="icp-start__privacy">{ match props.storage {
                StorageMode::Local => t.privacy,
                StorageMode::Session => t.privacy_session,
                StorageMode::None => t.privacy_none,
            } }</p>
            if props.resumable {
                <p class="icp-hint">{ t.resume_hint }</p>
                { button_group(html! { <>
                    { button(ButtonVariant::Start, t.resume, onstart.clone()) }
                    { props.restart.clone() }
                </> }) }
            } else {
                { button(ButtonVariant::Start, t.start, onstart) }
            }
            if props.kept {
                { inset_text(html! { <>
                    <p class="icp-hint">{ t.kept_hint }</p>
                    { button(ButtonVariant::Secondary, t.restore_kept, onrestore) }
                </> }) }
            }
            { props.kept_list.clone() }
        </div>
    }
}
