//! The widget's effects, one hook per file, in the style of Yew's
//! `examples/function_todomvc`: each owns one concern of the root component.
pub mod use_completion;
pub mod use_page_focus;
pub mod use_persistence;
pub mod use_share_link;

pub use use_completion::use_completion;
pub use use_page_focus::use_page_focus;
pub use use_persistence::use_persistence;
pub use use_share_link::use_share_link;
