//! Commands run under filters in the real kernel, and the real runc.
//!
//! One test binary per kind of test (as ripgrep does): each links the whole program.

#[path = "../common/mod.rs"]
mod common;

mod cache;
mod concurrent;
mod container;
mod container_attached;
mod container_failures;
mod container_language;
mod container_tools;
mod fidelity;
mod kernel;
mod run_start;
mod sandbox;
mod signals;
mod starters;
