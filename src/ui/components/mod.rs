//! The widget's building blocks, in the manner of govuk-frontend: one file
//! per component, each with narrow props, `on<event>` callbacks, its ids and
//! ARIA wiring in its own markup, and its stylesheet beside the others in
//! `styles/components/<name>.css` (classes under `.icp-<name>`).
//!
//! Like govuk-frontend's macros, they are functions that return markup, not
//! Yew components: a Yew component costs about 3 KB of wasm for its
//! lifecycle code, and none of these needs state of its own (the error
//! summary's focus is a hook its page calls, [`error_summary::use_focus_on_attempt`]).
//! As functions, they cost what their markup costs (the bundle budget,
//! README "Size").
//!
//! - [`button`]: a button, primary, secondary, warning or start; and a group of them.
//! - [`fieldset`]: the form group around a question's controls: legend, hint, error message.
//! - [`radios`]: one choice among several, in a fieldset.
//! - [`checkboxes`]: any number of choices, with an exclusive "None of these".
//! - [`text_input`]: a one-line field, with its suffix.
//! - [`error_summary`]: what to fix, at the top of the page; takes focus, links to the fields.
//! - [`error_message`]: what to fix, at the field.
//! - [`tag`]: a short status.
//! - [`summary_list`]: key, value and action rows ("Check your answers").
//! - [`notification_banner`]: something the candidate should know, with choices.
//! - [`inset_text`]: a side note set off from the text.
//! - [`details`]: a disclosure, closed until the candidate opens it.
//!
//! Interface texts a component shows itself (the hidden "Error:" of an error
//! message, the "or" before an exclusive checkbox) come from the `Texts` the
//! caller passes, the widget's language, like every other text of the widget.
pub mod button;
pub mod checkboxes;
pub mod details;
pub mod error_message;
pub mod error_summary;
pub mod fieldset;
pub mod inset_text;
pub mod notification_banner;
pub mod radios;
pub mod summary_list;
pub mod tag;
pub mod text_input;

pub use button::{button, button_group, submit_button, ButtonVariant};
pub use checkboxes::{checkboxes, CheckboxItem, CheckboxesProps};
pub use details::{details, DetailsProps};
pub use error_message::error_message;
pub use error_summary::{error_summary, use_focus_on_attempt, ErrorLink, ErrorSummaryProps};
pub use fieldset::{fieldset, Field};
pub use inset_text::inset_text;
pub use notification_banner::{notification_banner, BannerAction, NotificationBannerProps};
pub use radios::{radios, RadioItem, RadiosProps};
pub use summary_list::{summary_list, SummaryAction, SummaryListProps, SummaryRow};
pub use tag::tag;
pub use text_input::{text_input, TextInputProps};
