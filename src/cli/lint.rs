//! `lint`: findings as text, JSON or SARIF; `--fix` writes lint's fixes through the normal save.

use super::target::TargetArgs;
use clap::{Args, ValueEnum};
use seccompose::catalog::Catalog;
use seccompose::compile;
use seccompose::compile::Cache;
use seccompose::lint::{self, fix_all, lint_parsed, Finding};
use seccompose::profile::{self, Parsed, Profile, Rendering, SaveError, Severity, Source, Target};
use std::path::Path;
use std::process::ExitCode;

/// Exit status for a file that cannot be read or target options that make no sense.
const USAGE: u8 = 2;

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `FILE:LINE:COL: warning[ID]: MESSAGE` and a help line, like a compiler.
    Text,
    /// An array of objects.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

/// The least severity that makes `lint` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Only errors.
    Error,
    /// Warnings and errors (the default).
    Warning,
    /// Any finding.
    Note,
}

impl Deny {
    fn severity(self) -> Severity {
        match self {
            Deny::Error => Severity::Error,
            Deny::Warning => Severity::Warning,
            Deny::Note => Severity::Note,
        }
    }
}

/// `lint`'s options beyond the file and the target.
#[derive(Debug, Args, Clone)]
pub struct LintArgs {
    /// Print JSON (the same as --format json).
    #[arg(long)]
    pub json: bool,
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Exit 1 when a finding of this severity or above remains.
    #[arg(long, value_enum, default_value = "warning", value_name = "LEVEL")]
    pub deny: Deny,
    /// Apply every fix lint knows and save the file (only what the fixes change; FILE~ keeps
    /// the previous version).
    #[arg(long)]
    pub fix: bool,
    /// With --fix: write nothing, print what the fixes would change in the effective policy;
    /// exit 1 when they would change something.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

/// `seccompose lint`: findings to stdout; exit 1 when any reaches the --deny level.
pub fn lint(
    file: &Path,
    target: &TargetArgs,
    args: &LintArgs,
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    let name = file.display().to_string();
    let targets = match target.targets() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("seccompose: error: {e:#}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let (parsed, source) = match read(file) {
        Ok(x) => x,
        Err(code) => return Ok(ExitCode::from(code)),
    };
    let parsed = match (&parsed.profile, args.fix) {
        (Some(profile), true) => match fix(file, profile, source.as_ref(), &targets, args) {
            Ok(fixed) => fixed,
            Err(code) => return Ok(ExitCode::from(code)),
        },
        _ => parsed,
    };
    let findings = findings(&parsed, &targets, cache.as_ref());
    print(&findings, &name, args)?;
    let threshold = args.deny.severity();
    Ok(ExitCode::from(u8::from(
        findings.iter().any(|f| f.severity >= threshold),
    )))
}

/// lint's findings for every target, and the compiler's translation check where the profile
/// compiles (lint itself does not compile).
fn findings(parsed: &Parsed, targets: &[Target], cache: Option<&Cache>) -> Vec<Finding> {
    let mut out = lint_parsed(parsed, targets);
    let Some(profile) = &parsed.profile else {
        return out;
    };
    for t in targets {
        let compiled = match compile::build_with(cache, profile, t, &compile::Options::default()) {
            Ok(compiled) => compiled,
            Err(
                e @ (compile::CompileError::TooLong(_) | compile::CompileError::AtLeastTooLong(_)),
            ) => {
                let found = lint::too_long(e.text());
                if !out.contains(&found) {
                    out.push(found);
                }
                continue;
            }
            Err(_) => continue, // lint says why libseccomp refuses the rules
        };
        let differences = compile::translation_check(profile, t, &compiled);
        let differences = differences.iter().map(|m| (m.name.clone(), m.describe()));
        lint::add_translation(&mut out, differences, profile.rules());
    }
    out.sort_by_key(|f| f.pos);
    out
}

/// Prints the findings in the chosen format (counts on stderr for text).
fn print(findings: &[Finding], name: &str, args: &LintArgs) -> anyhow::Result<()> {
    let format = args.format.unwrap_or(if args.json {
        Format::Json
    } else {
        Format::Text
    });
    match format {
        Format::Json => {
            let items: Vec<_> = findings.iter().map(Finding::to_json).collect();
            println!("{}", serde_json::to_string_pretty(&items)?);
        }
        Format::Sarif => {
            println!(
                "{}",
                serde_json::to_string_pretty(&lint::sarif(findings, name))?
            );
        }
        Format::Text => {
            for f in findings {
                println!("{}", f.render(name));
            }
            let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
            eprintln!("{name}: {}", super::tally(&severities));
        }
    }
    Ok(())
}

/// Applies every fix and saves through the normal save. Returns the fixed file read back, or
/// the exit status to end with: a failure, or a dry run's (which prints the change of the
/// effective policy and exits 1 when the fixes would change something).
fn fix(
    file: &Path,
    profile: &Profile,
    source: Option<&Source>,
    targets: &[Target],
    args: &LintArgs,
) -> Result<Parsed, u8> {
    let name = file.display().to_string();
    let (fixed, applied) = fix_all(profile, targets);
    // What was fixed is said once it is written; before that, what would be.
    let tell = |done: bool| {
        for a in &applied {
            let (id, fix) = (a.id.as_str(), a.label.local());
            eprintln!(
                "{}",
                if done {
                    seccompose::msg!(
                        "lint-report-fixed",
                        file = name.as_str(),
                        id = id,
                        fix = fix
                    )
                } else {
                    seccompose::msg!(
                        "lint-report-would-fix",
                        file = name.as_str(),
                        id = id,
                        fix = fix
                    )
                }
            );
        }
    };
    if applied.is_empty() {
        eprintln!(
            "{}",
            seccompose::msg!("lint-report-nothing-to-fix", file = name.as_str())
        );
    }
    if args.dry_run {
        tell(false);
        for t in targets {
            for line in profile::diff(profile, &fixed, t).lines() {
                println!("{line}");
            }
        }
        return Err(u8::from(!applied.is_empty()));
    }
    if !applied.is_empty() {
        match profile::save_document(file, source, &fixed, &Catalog, Default::default(), true) {
            Ok(saved) => {
                tell(true);
                if let Rendering::Fallback(why) = saved.rendering {
                    eprintln!("{name}: saved in canonical form ({why})");
                }
            }
            Err(SaveError::ChangedOnDisk(state)) => {
                tell(false);
                eprintln!(
                    "{name}: error: not saved: {}",
                    SaveError::ChangedOnDisk(state)
                );
                return Err(USAGE);
            }
            Err(e) => {
                tell(false);
                eprintln!("{name}: error: cannot save: {e}");
                return Err(USAGE);
            }
        }
    }
    read(file).map(|(parsed, _)| parsed)
}

/// Reads the file in any format (one profile: a manifest holding several is refused with the
/// way to take one out), or the exit status to end with.
fn read(file: &Path) -> Result<(Parsed, Option<Source>), u8> {
    let name = file.display().to_string();
    let opened = match profile::open(file, None, None, &Catalog) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{name}: error: cannot read the file: {e}");
            return Err(USAGE);
        }
    };
    let others = &opened.imported.others;
    if !others.is_empty() {
        eprintln!(
            "{name}: error: the file holds several SeccompProfiles ({} more besides the first: \
             {}); lint one at a time: `seccompose convert {name} --name NAME --to docker -o \
             NAME.json`",
            others.len(),
            others.join(", ")
        );
        return Err(USAGE);
    }
    Ok((opened.imported.parsed, opened.source))
}
