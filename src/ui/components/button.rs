//! A button, and a row of them. Always a real `<button>`: links styled as
//! buttons would not be announced as buttons nor pressed with Space.
use yew::prelude::*;

/// The look of a [`button`], by how much the action matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ButtonVariant {
    /// The main action of the page.
    #[default]
    Primary,
    /// Any other action.
    Secondary,
    /// An action that destroys something (start again, discard).
    Warning,
    /// The call to action of a start page, larger.
    Start,
}

impl ButtonVariant {
    /// The class that gives the look, beside `icp-button`.
    pub fn modifier(self) -> Option<&'static str> {
        match self {
            ButtonVariant::Primary => None,
            ButtonVariant::Secondary => Some("icp-button--secondary"),
            ButtonVariant::Warning => Some("icp-button--warning"),
            ButtonVariant::Start => Some("icp-button--start"),
        }
    }
}

/// A button: `label`, looking as `variant` says, doing `onclick` (the event
/// is passed on, so that a submit button's handler can prevent the form's own
/// submission). `type="button"`, so that it never submits a form by accident.
pub fn button(variant: ButtonVariant, label: impl Into<Html>, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class={classes!("icp-button", variant.modifier())} {onclick}>{ label.into() }</button>
    }
}

/// The button that submits a form (`type="submit"`), primary.
pub fn submit_button(label: impl Into<Html>, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="submit" class="icp-button" {onclick}>{ label.into() }</button> }
}

/// Buttons (and links) side by side, wrapping on narrow screens.
pub fn button_group(children: Html) -> Html {
    html! { <div class="icp-button-group">{ children }</div> }
}
