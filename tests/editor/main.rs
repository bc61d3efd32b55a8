//! The editor: drawn into a test backend, and the real binary in a pseudo-terminal.
//!
//! One test binary per kind of test (as ripgrep does): each links the whole program.

#[path = "../common/mod.rs"]
mod common;
#[path = "../editor_support/mod.rs"]
mod editor_support;
#[path = "../pty/mod.rs"]
mod pty;

mod bpf;
mod bpf_views;
mod exits;
mod in_pty;
mod keys;
mod language;
mod language_pty;
mod learn;
mod lint;
mod load_language;
mod run;
mod snapshots;
mod usage;
