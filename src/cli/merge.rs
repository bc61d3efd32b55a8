//! `merge`: the union of several profiles (recordings of several runs, machines or
//! containers), rule by rule, checked in the emulator.

use super::target::{load_profile, TargetArgs};
use anyhow::{bail, Context};
use seccompose::msg;
use seccompose::profile;
use seccompose::sandbox::merge::merge as checked_merge;
use std::path::PathBuf;
use std::process::ExitCode;

/// `seccompose merge A B ... [-o OUT]`.
pub fn merge(
    files: &[PathBuf],
    out: Option<&PathBuf>,
    force: bool,
    target: &TargetArgs,
) -> anyhow::Result<ExitCode> {
    if files.len() < 2 {
        bail!(msg!("cli-merge-two"));
    }
    let mut targets = target.targets()?;
    if targets.len() != 1 {
        bail!(msg!("cli-merge-one-arch"));
    }
    let target = targets.remove(0);
    let profiles = files
        .iter()
        .map(|f| load_profile(f))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let labels: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let merged = checked_merge(&profiles, &labels, &target)
        .map_err(|e| anyhow::anyhow!("{}", e.render(&msg!("cli-merge-a-profile"))))?;
    for note in &merged.notes {
        eprintln!("seccompose: {}", note.local());
    }
    let text = profile::to_canonical_string(&merged.profile);
    match out {
        Some(path) => {
            let options = profile::WriteOptions {
                keep_backup: true,
                force,
            };
            profile::write_file(path, &text, options)
                .with_context(|| msg!("cli-writing", file = path.display().to_string()))?;
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
