//! The editor's views (keys 1-5) and the rule editor window.

pub mod bpf;
pub mod changes;
pub mod lint;
pub mod rules;
pub mod run;
pub mod settings;
pub mod syscalls;

pub use super::tabs::View;

#[cfg(test)]
mod tests;
