//! Runs leak no descriptor and no zombie: alone in its process, because it counts the process's own.
//!
//! One test binary per kind of test (as ripgrep does): each links the whole program.

mod leaks;
