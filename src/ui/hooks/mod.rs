//! The widget's effects, one hook per file, in the style of Yew's
//! `examples/function_todomvc`: each owns one concern of the root component.
pub mod use_completion;
pub mod use_draft;
pub mod use_events;
pub mod use_history;
pub mod use_kept_records;
pub mod use_live;
pub mod use_page_focus;
pub mod use_persistence;
pub mod use_share_link;
pub mod use_translation;
pub mod use_widget_state;

pub use use_completion::use_completion;
pub use use_draft::{use_draft, UseDraftHandle};
pub use use_events::{use_events, WidgetEvent};
pub use use_history::use_history;
pub use use_kept_records::{use_kept_records, KeptRecords};
pub use use_live::use_live;
pub use use_page_focus::use_page_focus;
pub use use_persistence::use_persistence;
pub use use_share_link::use_share_link;
pub use use_translation::{use_translation, Languages};
pub use use_widget_state::{use_widget_state, WidgetState};
