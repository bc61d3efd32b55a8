//! seccompose: read, check, edit, compile and try Linux seccomp profiles.
//!
//! The library is the whole engine; the command line and the editor are thin front-ends.

pub mod bpf;
pub mod catalog;
pub mod compile;
pub mod learn;
pub mod lint;
pub mod profile;
pub mod sandbox;
pub mod tui;
