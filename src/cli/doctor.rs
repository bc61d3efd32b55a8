//! `doctor`: what this machine offers seccompose, and what follows from it.

use seccompose::sandbox::support::{self, Check, Status};
use std::process::ExitCode;

/// Where compiled filters are kept, and how much they take.
fn cache_check() -> Check {
    let (status, detail) = match super::cache::user_cache() {
        Some(cache) if !cache.usable() => (
            Status::Warning,
            format!(
                "{} is not yours, or others may write to it: every run compiles its filter \
                 (set XDG_CACHE_HOME to a folder of your own)",
                cache.dir().display()
            ),
        ),
        Some(cache) => {
            let usage = cache.usage();
            let size = usage.bytes.div_ceil(1024);
            (
                Status::Info,
                format!(
                    "{}: {} compiled filters, {size} KiB (--no-cache compiles anew)",
                    cache.dir().display(),
                    usage.entries
                ),
            )
        }
        None => (
            Status::Info,
            "no cache folder (no home folder): every run compiles its filter".to_string(),
        ),
    };
    Check {
        name: "compile cache",
        status,
        detail,
        consequence: None,
    }
}

/// Prints every check; exit 0 when everything the editor needs is there.
pub fn doctor() -> ExitCode {
    let mut report = support::report();
    report.checks.push(cache_check());
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
    runtimes();
    if report.usable() {
        println!("seccompose has what it needs here.");
        ExitCode::SUCCESS
    } else {
        println!("seccompose cannot do all of its work here (see FAILED above).");
        ExitCode::from(1)
    }
}

/// The container runtimes `run --container` can use, with their versions and whether each
/// passed the listener probe (a tiny container whose profile notifies: the runtime must
/// connect to seccompose's listener and hand over the notification fd).
fn runtimes() {
    let found = seccompose::sandbox::container::runtime::found();
    if found.is_empty() {
        println!(
            "note    {:<18} none found: run --container needs runc or crun (Debian package runc)",
            "container runtime"
        );
    }
    for r in found {
        match r {
            Ok(r) => match seccompose::sandbox::container::listener_probe(&r) {
                Ok(()) => println!(
                    "ok      {:<18} {} ({}): passed the listener probe (it handed over the \
                     notification fd and a call came through it): run --container can use it",
                    "container runtime",
                    version_of(&r),
                    r.path.display()
                ),
                Err(why) => println!(
                    "warning {:<18} {} ({}): failed the listener probe: {why}\n        {:<18} → \
                     run --container can enforce with it, but not observe or record",
                    "container runtime",
                    version_of(&r),
                    r.path.display(),
                    ""
                ),
            },
            Err(e) => println!("warning {:<18} {e}", "container runtime"),
        }
    }
}

/// The runtime's first `--version` line, or that it said none.
fn version_of(r: &seccompose::sandbox::container::Runtime) -> &str {
    if r.version.is_empty() {
        "(no version given)"
    } else {
        &r.version
    }
}
