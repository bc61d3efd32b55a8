//! `compile`.

use super::target::{load_profile, TargetArgs};
use anyhow::Context;
use clap::ValueEnum;
use seccompose::bpf::{self, Program};
use seccompose::compile::Cache;
use seccompose::compile::{self, Layout, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `compile`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// The raw sock_filter array (what `bwrap --seccomp FD` loads).
    Bpf,
    /// libseccomp's pseudo filter code.
    Pfc,
    /// seccompose's annotated disassembly.
    Disasm,
}

/// Filter layouts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LayoutArg {
    /// Binary tree above 8 rules, as runc.
    Auto,
    /// Linear.
    Linear,
    /// Binary tree.
    Tree,
}

pub fn compile(
    file: &Path,
    target: &TargetArgs,
    format: Format,
    layout: LayoutArg,
    out: Option<&PathBuf>,
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    let profile = load_profile(file)?;
    let layout = match layout {
        LayoutArg::Auto => Layout::Auto,
        LayoutArg::Linear => Layout::Linear,
        LayoutArg::Tree => Layout::Tree,
    };
    let options = Options {
        layout,
        observe: false,
    };
    let targets = target.targets()?;
    if targets.len() > 1 && matches!(format, Format::Bpf) {
        anyhow::bail!(seccompose::msg!("cli-compile-one-arch"));
    }
    let mut bytes = Vec::new();
    for t in targets {
        let name = file.display().to_string();
        let compiled = match compile::build_with(cache.as_ref(), &profile, &t, &options) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}", e.render(&name));
                return Ok(ExitCode::from(1));
            }
        };
        for w in &compiled.warnings {
            eprintln!("{}", w.render(&name));
        }
        for m in compile::translation_check(&profile, &t, &compiled) {
            eprintln!("{name}: warning[translation]: {}", m.describe());
        }
        match format {
            Format::Bpf => bytes.extend_from_slice(&compiled.bpf),
            Format::Pfc => bytes.extend(compile::pfc(&profile, &t, &options)?.into_bytes()),
            Format::Disasm => {
                let program = Program::from_bytes(&compiled.bpf)?;
                let layout = if compiled.tree {
                    "binary tree"
                } else {
                    "linear"
                };
                let arches: Vec<_> = compiled.arches.iter().map(|a| a.short_name()).collect();
                let mut text = format!(
                    "# {}: {} instructions for {} ({layout})\n",
                    file.display(),
                    program.len(),
                    arches.join(", ")
                );
                if !compiled.own.is_empty() {
                    text.push_str(&format!(
                        "# instructions {}..{} are seccompose's own, for calls the installed libseccomp does not know\n",
                        compiled.own.start, compiled.own.end
                    ));
                }
                let cost = bpf::stats(&program, &[t.arch]).arches.pop();
                if let Some(c) = cost {
                    text.push_str(&format!(
                        "# on {}: {} instructions reachable",
                        c.arch, c.reachable
                    ));
                    if let Some(s) = c.summary {
                        text.push_str(&format!(
                            "; instructions run per call: min {} ({}), median {}, max {} ({})",
                            s.min, s.min_syscall, s.median, s.max, s.max_syscall
                        ));
                    }
                    text.push('\n');
                }
                text.push_str(&bpf::listing(&program));
                bytes.extend(text.into_bytes());
            }
        }
    }
    match out {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| seccompose::msg!("cli-writing", file = path.display().to_string()))?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
