//! The Yew interface: one component per file, one reducer at the root
//! ([`state`]), settings through a context ([`context`]).
pub mod app;
pub mod check_answers;
pub mod components;
pub mod confirm;
pub mod context;
pub mod decode;
pub mod error_panel;
pub mod evaluation;
pub mod export;
pub mod fetch;
pub mod format;
pub mod hooks;
pub mod keep_results;
pub mod kept_answers;
pub mod language_switch;
pub mod loaded;
pub mod log;
pub mod notices;
pub mod panic;
pub mod pathway_card;
pub mod prerender;
pub mod question_page;
pub mod restore;
pub mod results;
pub mod share;
pub mod start_page;
pub mod state;
pub mod storage;
pub mod texts;
pub mod texts_fr;
pub mod what_if;
pub mod writers;

pub use app::{App, AppProps, Loaded};
