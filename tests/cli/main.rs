//! The command line and the files it reads and writes, against the real binary.
//!
//! One test binary per kind of test (as ripgrep does): each links the whole program.

#[path = "../common/mod.rs"]
mod common;
#[path = "../editor_support/mod.rs"]
mod editor_support;

mod agent;
mod catalog;
mod check;
mod cli_language;
mod cli_language_runs;
mod compile;
mod corpus;
mod diff;
mod doctor;
mod edit;
mod escapes;
mod formats;
mod fuzz_regressions;
mod inputs;
mod language;
mod lessons;
mod lint;
mod lint_fix;
mod nested;
mod preserve;
mod saves;
mod structure;
mod usage;
