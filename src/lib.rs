//! IC Pathfinder: an embeddable, fully client-side self-assessment for people
//! who want to become intimacy coordinators.
//!
//! - [`pathway`]: the domain core (definitions, answers, evaluation), plain Rust.
pub mod pathway;
