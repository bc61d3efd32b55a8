//! The engine of seccompose: read, check, compile and explain Linux seccomp profiles.
//!
//! Nothing here touches a terminal; the command line, the editor and the sandbox build on it.

pub mod bpf;
pub mod catalog;
pub mod compile;
pub mod i18n;
pub mod lang;
pub mod lint;
pub mod profile;
