//! `doctor`: what this machine offers seccompose, and what follows from it.

use seccompose::sandbox::support::{self, Status};
use std::process::ExitCode;

/// Prints every check; exit 0 when everything the editor needs is there.
pub fn doctor() -> ExitCode {
    let report = support::report();
    for c in &report.checks {
        let mark = match c.status {
            Status::Ok => "ok     ",
            Status::Warning => "warning",
            Status::Failed => "FAILED ",
            Status::Info => "note   ",
        };
        println!("{mark} {:<18} {}", c.name, c.detail);
        if let Some(what) = &c.consequence {
            println!("        {:<18} → {what}", "");
        }
    }
    if report.usable() {
        println!("seccompose has what it needs here.");
        ExitCode::SUCCESS
    } else {
        println!("seccompose cannot do all of its work here (see FAILED above).");
        ExitCode::from(1)
    }
}
