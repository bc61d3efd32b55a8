//! `usage`: the exact lines that apply a profile (Docker, podman, Kubernetes, the operator,
//! systemd, bubblewrap), computed by `profile::usage`.

use super::target::TargetArgs;
use anyhow::{bail, Context};
use seccompose::catalog::Catalog;
use seccompose::msg;
use seccompose::profile::usage::usage as sections;
use std::path::Path;
use std::process::ExitCode;

/// Prints every section (or the one asked for); what the commands write only when `full`.
pub fn usage(
    file: &Path,
    target: &TargetArgs,
    only: Option<&str>,
    full: bool,
) -> anyhow::Result<ExitCode> {
    let targets = target.targets()?;
    let [target] = targets.as_slice() else {
        bail!(msg!("cli-usage-one-arch"));
    };
    let opened = seccompose::profile::open(file, None, None, &Catalog)
        .with_context(|| msg!("cli-cannot-read", file = file.display().to_string()))?;
    let profile = match opened.imported.parsed.profile {
        Some(p) if opened.imported.others.is_empty() => p,
        Some(_) => bail!(msg!(
            "cli-several-profiles",
            file = file.display().to_string()
        )),
        None => bail!(msg!("cli-has-errors", file = file.display().to_string())),
    };
    let absolute = std::path::absolute(file)?;
    let format = opened.imported.container.format();
    let all = sections(&profile, target, Some(&absolute), format, &Catalog);
    let ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    if let Some(id) = only.filter(|id| !ids.contains(id)) {
        bail!(msg!("cli-usage-no-section", id = id, ids = ids.join(", ")));
    }
    let mut first = true;
    for s in all.iter().filter(|s| only.is_none_or(|id| id == s.id)) {
        if !first {
            println!();
        }
        first = false;
        println!("# {}", s.title.local());
        for b in &s.blocks {
            if b.inlined && !full {
                println!("# {}", msg!("cli-usage-inlined"));
            } else {
                print!("{}", b.text);
            }
        }
        for n in &s.notes {
            println!("# {}", msg!("cli-note", note = n.local()));
        }
    }
    Ok(ExitCode::SUCCESS)
}
