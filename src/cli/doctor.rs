//! `doctor`: what this machine offers seccompose, and what follows from it, in the user's
//! language.

use seccompose::i18n::Text;
use seccompose::msg;
use seccompose::sandbox::support::{self, Check, Status};
use seccompose::text;
use std::process::ExitCode;

/// Where compiled filters are kept, and how much they take.
fn cache_check() -> Check {
    let (status, detail) = match super::cache::user_cache() {
        Some(cache) if !cache.usable() => (
            Status::Warning,
            text!(
                "cli-doctor-cache-not-yours",
                dir = cache.dir().display().to_string()
            ),
        ),
        Some(cache) => {
            let usage = cache.usage();
            (
                Status::Info,
                text!(
                    "cli-doctor-cache-usage",
                    dir = cache.dir().display().to_string(),
                    n = usage.entries,
                    size = usage.bytes.div_ceil(1024)
                ),
            )
        }
        None => (Status::Info, text!("cli-doctor-cache-none")),
    };
    Check {
        name: text!("cli-doctor-cache"),
        status,
        detail,
        consequence: None,
    }
}

/// One printed check: its mark, its name and what was found; what follows on a line of its own.
struct Line {
    status: Status,
    name: String,
    detail: String,
    consequence: Option<String>,
}

/// Prints every check; exit 0 when everything the editor needs is there.
pub fn doctor() -> ExitCode {
    let mut report = support::report();
    report.checks.push(cache_check());
    let mut lines: Vec<Line> = report.checks.iter().map(line).collect();
    lines.extend(runtimes());
    // English keeps its columns (7 and 18); longer words widen them.
    let mark_width = [Status::Ok, Status::Warning, Status::Failed, Status::Info]
        .map(|s| mark(s).chars().count())
        .into_iter()
        .fold(7, usize::max);
    let name_width = lines
        .iter()
        .map(|l| l.name.chars().count())
        .fold(18, usize::max);
    for l in &lines {
        println!(
            "{:<mark_width$} {:<name_width$} {}",
            mark(l.status),
            l.name,
            l.detail
        );
        if let Some(what) = &l.consequence {
            println!("{:<mark_width$} {:<name_width$} → {what}", "", "");
        }
    }
    if report.usable() {
        println!("{}", msg!("cli-doctor-usable"));
        ExitCode::SUCCESS
    } else {
        println!("{}", msg!("cli-doctor-unusable"));
        ExitCode::from(1)
    }
}

/// A check in the user's language.
fn line(c: &Check) -> Line {
    Line {
        status: c.status,
        name: c.name.local(),
        detail: c.detail.local(),
        consequence: c.consequence.as_ref().map(Text::local),
    }
}

/// The word before each check.
fn mark(status: Status) -> String {
    match status {
        Status::Ok => msg!("cli-doctor-mark-ok"),
        Status::Warning => msg!("cli-doctor-mark-warning"),
        Status::Failed => msg!("cli-doctor-mark-failed"),
        Status::Info => msg!("cli-doctor-mark-note"),
    }
}

/// The container runtimes `run --container` can use, with their versions and whether each
/// passed the listener probe (a tiny container whose profile notifies: the runtime must
/// connect to seccompose's listener and hand over the notification fd).
fn runtimes() -> Vec<Line> {
    let name = msg!("cli-doctor-runtime");
    let line = |status, detail, consequence| Line {
        status,
        name: name.clone(),
        detail,
        consequence,
    };
    let found = seccompose::sandbox::container::runtime::found();
    if found.is_empty() {
        return vec![line(Status::Info, msg!("cli-doctor-runtime-none"), None)];
    }
    found
        .into_iter()
        .map(|r| match r {
            Ok(r) => {
                let (version, path) = (version_of(&r), r.path.display().to_string());
                match seccompose::sandbox::container::listener_probe(&r) {
                    Ok(()) => line(
                        Status::Ok,
                        msg!("cli-doctor-runtime-passed", version = version, path = path),
                        None,
                    ),
                    Err(why) => line(
                        Status::Warning,
                        msg!(
                            "cli-doctor-runtime-failed",
                            version = version,
                            path = path,
                            why = why.to_string()
                        ),
                        Some(msg!("cli-doctor-runtime-failed-consequence")),
                    ),
                }
            }
            Err(e) => line(Status::Warning, e.to_string(), None),
        })
        .collect()
}

/// The runtime's first `--version` line, or that it said none.
fn version_of(r: &seccompose::sandbox::container::Runtime) -> String {
    if r.version.is_empty() {
        msg!("cli-doctor-runtime-no-version")
    } else {
        r.version.clone()
    }
}
