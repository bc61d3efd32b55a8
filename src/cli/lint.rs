//! `lint`.

use super::target::TargetArgs;
use seccompose::catalog::Catalog;
use seccompose::lint::{fails, lint_parsed};
use seccompose::profile::{self, Severity};
use std::path::Path;
use std::process::ExitCode;

/// Exit status for a file that cannot be read or target options that make no sense.
const USAGE: u8 = 2;

/// `seccompose lint`: findings to stdout; exit 1 when any is a warning or an error.
pub fn lint(file: &Path, target: &TargetArgs, json: bool) -> anyhow::Result<ExitCode> {
    let name = file.display().to_string();
    let targets = match target.targets() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("seccompose: error: {e:#}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let parsed = match profile::load(file, &Catalog) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{name}: error: cannot read the file: {e}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let findings = lint_parsed(&parsed, &targets);
    if json {
        let items: Vec<_> = findings.iter().map(|f| f.to_json()).collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else {
        for f in &findings {
            println!("{}", f.render(&name));
        }
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        eprintln!(
            "{name}: {} errors, {} warnings, {} notes",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        );
    }
    Ok(ExitCode::from(u8::from(fails(&findings))))
}
