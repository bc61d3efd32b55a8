//! `check` and `fmt`.

use anyhow::Context;
use seccompose::catalog::Catalog;
use seccompose::msg;
use seccompose::profile::formats::{self, Format, Imported};
use seccompose::profile::{self, has_errors, Parsed};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads a file, printing its diagnostics to stderr; Err(()) when it cannot be read.
fn load_reporting(path: &Path) -> Result<Parsed, ()> {
    let name = path.display().to_string();
    match profile::load(path, &Catalog) {
        Ok(parsed) => {
            report(&name, &parsed);
            Ok(parsed)
        }
        Err(e) => {
            cannot_read(&name, &e);
            Err(())
        }
    }
}

/// The line for a file that cannot be read, in the user's language (the severity word and the
/// file name as every diagnostic has them).
fn cannot_read(name: &str, e: &std::io::Error) {
    let why = msg!("load-cannot-read", error = e.to_string());
    eprintln!("{name}: error: {why}");
}

fn report(name: &str, parsed: &Parsed) {
    for d in &parsed.diagnostics {
        eprintln!("{}", d.render(name));
    }
}

/// `check` asks whether the runtime will load the profile: a finding that stops it (an errno
/// libseccomp refuses) is an error here, though the document still opens to be fixed.
fn as_checked(mut parsed: Parsed) -> Parsed {
    for d in &mut parsed.diagnostics {
        d.severity = d.checked_severity();
    }
    parsed
}

/// Checks one file in any format seccompose reads (a profile, an OCI `config.json`, a
/// manifest with every `SeccompProfile` in it); whether it has no error.
fn check_file(path: &Path) -> bool {
    let name = path.display().to_string();
    let imported = match profile::import_file(path, None, None, &Catalog) {
        Ok(i) => i,
        Err(e) => {
            cannot_read(&name, &e);
            return false;
        }
    };
    let Imported { parsed, others, .. } = imported;
    let parsed = as_checked(parsed);
    report(&name, &parsed);
    let mut ok = !has_errors(&parsed.diagnostics);
    let mut severities: Vec<_> = parsed.diagnostics.iter().map(|d| d.severity).collect();
    if others.is_empty() {
        eprintln!("{name}: {}", super::tally(&severities));
        return ok;
    }
    // The first manifest was read above; read the others by name from the same text.
    let text = match profile::read_input(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        _ => return false,
    };
    for other in &others {
        let parsed = as_checked(formats::import(&text, Format::Spo, Some(other), &Catalog).parsed);
        report(&name, &parsed);
        ok &= !has_errors(&parsed.diagnostics);
        severities.extend(parsed.diagnostics.iter().map(|d| d.severity));
    }
    eprintln!("{name}: {}", super::tally(&severities));
    ok
}

pub fn check(files: &[PathBuf]) -> ExitCode {
    let failed = files
        .iter()
        .fold(false, |failed, f| !check_file(f) | failed);
    ExitCode::from(u8::from(failed))
}

pub fn fmt(
    files: &[PathBuf],
    check: bool,
    stdout: bool,
    backup: bool,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in files {
        let Ok(Parsed {
            profile: Some(p), ..
        }) = load_reporting(path)
        else {
            failed = true;
            continue;
        };
        let text = profile::to_canonical_string(&p);
        if stdout {
            print!("{text}");
        } else {
            let current = profile::read_input(path)
                .with_context(|| msg!("load-fmt-reading", file = path.display().to_string()))?;
            if current == text.as_bytes() {
                continue;
            }
            if check {
                eprintln!("{}: {}", path.display(), msg!("load-fmt-not-canonical"));
                failed = true;
            } else {
                let options = profile::WriteOptions {
                    keep_backup: backup,
                    force,
                };
                match profile::write_file(path, &text, options) {
                    Ok(()) => eprintln!("{}: {}", path.display(), msg!("load-fmt-formatted")),
                    Err(e) if profile::read_only_error(&e).is_some() => {
                        let why = msg!("load-fmt-read-only", error = e.to_string());
                        eprintln!("seccompose: {why}");
                        failed = true;
                    }
                    Err(e) => {
                        let file = path.display().to_string();
                        return Err(e).with_context(|| msg!("load-fmt-writing", file = file));
                    }
                }
            }
        }
    }
    Ok(ExitCode::from(u8::from(failed)))
}
