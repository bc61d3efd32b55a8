//! seccompose: the application (the editor and the lessons) on top of the engine crates.
//!
//! The engine is re-exported under its old paths, so `seccompose::profile` and
//! `seccompose_core::profile` name the same thing.

pub use seccompose_core::{bpf, catalog, compile, lang, lint, profile};
pub use seccompose_sandbox as sandbox;

pub mod i18n;
pub mod learn;
pub mod tui;
