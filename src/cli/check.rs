//! `check` and `fmt`.

use anyhow::Context;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, has_errors, Parsed};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads a file, printing its diagnostics to stderr; Err(()) when it cannot be read.
fn load_reporting(path: &Path) -> Result<Parsed, ()> {
    let name = path.display().to_string();
    match profile::load(path, &Catalog) {
        Ok(parsed) => {
            for d in &parsed.diagnostics {
                eprintln!("{}", d.render(&name));
            }
            Ok(parsed)
        }
        Err(e) => {
            eprintln!("{name}: error: cannot read the file: {e}");
            Err(())
        }
    }
}

pub fn check(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match load_reporting(path) {
            Ok(parsed) if !has_errors(&parsed.diagnostics) => {}
            _ => failed = true,
        }
    }
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
            let current =
                profile::read_input(path).with_context(|| format!("reading {}", path.display()))?;
            if current == text.as_bytes() {
                continue;
            }
            if check {
                eprintln!(
                    "{}: not in canonical form (run `seccompose fmt` on it)",
                    path.display()
                );
                failed = true;
            } else {
                let options = profile::WriteOptions {
                    keep_backup: backup,
                    force,
                };
                match profile::write_file(path, &text, options) {
                    Ok(()) => eprintln!("{}: formatted", path.display()),
                    Err(e) if profile::read_only_error(&e).is_some() => {
                        eprintln!("seccompose: {e}; `fmt --force` replaces it");
                        failed = true;
                    }
                    Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
                }
            }
        }
    }
    Ok(ExitCode::from(u8::from(failed)))
}
