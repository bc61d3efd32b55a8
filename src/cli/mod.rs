//! Command-line parsing and dispatch; each subcommand is a thin layer over the library.

mod catalog;
mod check;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// An editor and toolkit for Linux seccomp profiles (Docker/OCI JSON).
#[derive(Debug, Parser)]
#[command(name = "seccompose", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Profile to open in the editor (default: the built-in default profile).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate profiles; prints FILE:LINE:COL diagnostics; exit 1 on errors.
    Check {
        /// Profiles to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite profiles in canonical form, keeping meaning, order and unknown fields.
    Fmt {
        /// Only report files that are not canonical (exit 1 if any).
        #[arg(long, conflicts_with = "stdout")]
        check: bool,
        /// Print the canonical text instead of rewriting the file.
        #[arg(long)]
        stdout: bool,
        /// Do not keep the previous version as FILE~.
        #[arg(long)]
        no_backup: bool,
        /// Profiles to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List syscalls with category, summary and risk.
    Syscalls {
        /// Only syscalls that exist on this architecture (x86_64, aarch64, ...).
        #[arg(long)]
        arch: Option<String>,
        /// Only this category id (files, network, ...) or group (@file-system, %net).
        #[arg(long)]
        category: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the manual page of a syscall (or the catalog's description when none is installed).
    Man {
        /// The syscall.
        syscall: String,
        /// Wrap to this width (default: the terminal's, or 80).
        #[arg(long)]
        width: Option<u16>,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { files }) => Ok(check::check(&files)),
        Some(Command::Fmt {
            check,
            stdout,
            no_backup,
            files,
        }) => check::fmt(&files, check, stdout, !no_backup),
        Some(Command::Syscalls {
            arch,
            category,
            json,
        }) => catalog::syscalls(arch.as_deref(), category.as_deref(), json),
        Some(Command::Man { syscall, width }) => catalog::man(&syscall, width),
        None => {
            let _ = cli.file;
            anyhow::bail!("the interactive editor is not built yet; see `seccompose --help` for the commands that are")
        }
    }
}
