//! seccompose: the application (the editor and the lessons) on top of the engine crates.
//!
//! The engine is re-exported under its old paths, so `seccompose::profile` and
//! `seccompose_core::profile` name the same thing.

pub use seccompose_core::{bpf, catalog, compile, i18n, lang, lint, msg, profile, text};
pub use seccompose_sandbox as sandbox;

#[cfg(test)]
mod i18n_tests;
pub mod learn;
pub mod tui;
