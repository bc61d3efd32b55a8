//! Command-line parsing and dispatch; each subcommand is a thin layer over the library.

mod agent;
mod cache;
mod catalog;
mod check;
mod clap_errors;
mod compile;
mod container;
mod convert;
mod diff;
mod doctor;
mod explain;
mod help;
mod language;
mod learn;
mod lint;
mod merge;
mod run;
mod runs;
mod target;
mod usage;

use clap::{Parser, Subcommand};
pub use language::parse;
use std::path::PathBuf;
use std::process::ExitCode;

/// An editor and toolkit for Linux seccomp profiles (Docker/OCI JSON).
#[derive(Debug, Parser)]
#[command(name = "seccompose", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Profile to open in the editor (default: the built-in default profile): Docker/OCI JSON,
    /// an OCI runtime config.json or an SPO manifest; it is saved back in its own format.
    pub file: Option<PathBuf>,
    /// Start from this starter profile (`--new list` lists them); FILE, if given, must not
    /// exist yet and is where the profile is saved.
    #[arg(long, value_name = "STARTER")]
    pub new: Option<String>,
    /// In a manifest file holding several SeccompProfiles, the one to open (metadata.name).
    #[arg(long)]
    pub name: Option<String>,
    /// The language of messages, --help, the lessons and the catalog's texts (en, pt-BR;
    /// default: LC_ALL, LC_MESSAGES or LANG, then English); JSON, SARIF and BPF never change.
    #[arg(long, global = true)]
    pub lang: Option<String>,
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
        /// Also rewrite read-only files (keeping them read-only).
        #[arg(long)]
        force: bool,
        /// Profiles to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List syscalls with category, summary and risk (summaries in the language of
    /// LC_ALL, LC_MESSAGES or LANG; --json is always English).
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
    /// Compile a profile to BPF (raw, libseccomp's PFC, or annotated disassembly).
    Compile {
        /// The profile.
        file: PathBuf,
        #[command(flatten)]
        target: target::TargetArgs,
        #[command(flatten)]
        cache: cache::CacheArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "disasm")]
        format: compile::Format,
        /// Filter layout: linear comparisons or a binary tree.
        #[arg(long, value_enum, default_value = "auto")]
        layout: compile::LayoutArg,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// What the filter does with one call: the action, the instructions taken, the deciding rule.
    Explain {
        /// The profile.
        file: PathBuf,
        /// The syscall name.
        syscall: String,
        /// Up to six arguments: decimal (negative too: -100), 0x hex, or constants such as
        /// AF_INET6, O_RDONLY|O_CLOEXEC or AT_FDCWD.
        #[arg(allow_negative_numbers = true)]
        args: Vec<String>,
        #[command(flatten)]
        call: target::CallArgs,
        #[command(flatten)]
        cache: cache::CacheArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// What this machine offers: seccomp filters, actions, user notification, libseccomp, man
    /// pages; exit 0 when everything the editor needs is there.
    Doctor,
    /// Serve a unix socket as the seccomp agent of the draft for any runtime that connects
    /// (runc under Docker, crun under podman): every stop answered as the draft would, and
    /// printed as it happens, until Ctrl-c. -o writes the profile to hand the engine.
    Agent(agent::AgentArgs),
    /// The exact lines that apply the profile: Docker, podman, Kubernetes (Localhost and the
    /// operator), systemd, bubblewrap with the compiled filter.
    Usage {
        /// The profile.
        file: PathBuf,
        #[command(flatten)]
        target: target::TargetArgs,
        /// Only this section: docker, kubernetes, spo, systemd, bwrap, observe.
        #[arg(long, value_name = "ID")]
        only: Option<String>,
        /// Also print what the commands write (the operator's manifest, systemd's settings).
        #[arg(long)]
        full: bool,
    },
    /// Lessons in the editor, checked as you go: what a syscall is, blocking one, why that is
    /// not enough, argument rules, reading the filter, default deny.
    Learn {
        /// The lesson: its number or id (default: choose in the editor).
        lesson: Option<String>,
        /// Print the lessons instead.
        #[arg(long)]
        list: bool,
    },
    /// Compare what two profiles do (per syscall: action, errno, argument conditions after
    /// runc's reading), not their text; exit 0 when they do the same, 1 when not, 2 on trouble.
    Diff {
        /// The first profile.
        a: PathBuf,
        /// The second profile.
        b: PathBuf,
        #[command(flatten)]
        target: target::TargetArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Find likely mistakes and holes (sibling syscalls left open, risky allows, rules that never
    /// apply); exit 1 on warnings or errors.
    Lint {
        /// The profile.
        file: PathBuf,
        #[command(flatten)]
        target: target::TargetArgs,
        #[command(flatten)]
        cache: cache::CacheArgs,
        #[command(flatten)]
        options: lint::LintArgs,
    },
    /// Run a command under the profile and report what the policy stopped.
    Run {
        /// The profile.
        file: PathBuf,
        /// Install the exact filter and report only how the command ended.
        #[arg(long)]
        enforce: bool,
        #[command(flatten)]
        target: target::TargetArgs,
        #[command(flatten)]
        cache: cache::CacheArgs,
        /// Also write the full report as JSON.
        #[arg(long, value_name = "OUT.json")]
        report: Option<PathBuf>,
        /// End the whole process tree after this many seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
        #[command(flatten)]
        container: container::ContainerArgs,
        /// The command and its arguments.
        #[arg(last = true, required = true)]
        command: Vec<std::ffi::OsString>,
    },
    /// Run a command, note every syscall it uses, and write a profile allowing exactly those.
    Record {
        /// Where to write the profile (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Add to this profile instead of starting from scratch: rules only for the calls it
        /// would stop; its own rules stay as they are.
        #[arg(long)]
        base: Option<PathBuf>,
        /// Allow each syscall by name (every argument) instead of only the values seen.
        #[arg(long)]
        names_only: bool,
        /// Replace OUT even when the command failed (the recording may then be incomplete) or
        /// OUT is read-only.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        target: target::TargetArgs,
        #[command(flatten)]
        cache: cache::CacheArgs,
        #[command(flatten)]
        container: container::ContainerArgs,
        /// The command and its arguments.
        #[arg(last = true, required = true)]
        command: Vec<std::ffi::OsString>,
    },
    /// Convert a profile to another format (Docker JSON, OCI, SPO manifest, systemd settings);
    /// exit 1 when the output cannot express all of it (unless --lossy), 2 when nothing was written.
    Convert(convert::ConvertArgs),
    /// The union of several profiles, rule by rule (a narrow rule stays narrow), keeping the
    /// first one's settings and saying where the files disagree.
    Merge {
        /// The profiles; the first one's default action, architectures and flags are kept.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Where to write the union (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUT even when it is read-only.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        target: target::TargetArgs,
    },
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print seccompose's manual page (roff, for `man -l -`), made from the same definitions
    /// as --help.
    Manpage {
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
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
            force,
            files,
        }) => check::fmt(&files, check, stdout, !no_backup, force),
        Some(Command::Syscalls {
            arch,
            category,
            json,
        }) => catalog::syscalls(arch.as_deref(), category.as_deref(), json),
        Some(Command::Man { syscall, width }) => catalog::man(&syscall, width),
        Some(Command::Explain {
            file,
            syscall,
            args,
            call,
            cache,
            json,
        }) => explain::explain(&file, &syscall, &args, &call, json, cache.cache()),
        Some(Command::Lint {
            file,
            target,
            cache,
            options,
        }) => lint::lint(&file, &target, &options, cache.cache()),
        Some(Command::Doctor) => Ok(doctor::doctor()),
        Some(Command::Agent(args)) => own_failures(agent::agent(&args)),
        Some(Command::Usage {
            file,
            target,
            only,
            full,
        }) => usage::usage(&file, &target, only.as_deref(), full),
        Some(Command::Learn { lesson, list }) => {
            learn::learn(lesson.as_deref(), cli.lang.as_deref(), list)
        }
        Some(Command::Diff { a, b, target, json }) => diff::diff(&a, &b, &target, json),
        Some(Command::Merge {
            files,
            output,
            force,
            target,
        }) => merge::merge(&files, output.as_ref(), force, &target),
        Some(Command::Run {
            file,
            enforce,
            target,
            report,
            timeout,
            container,
            command,
            ..
        }) if container.container.is_some() => own_failures(container::run(
            &file,
            &target,
            &container,
            (enforce, report.as_deref()),
            timeout,
            &command,
        )),
        Some(Command::Run {
            file,
            enforce,
            target,
            cache,
            report,
            timeout,
            command,
            ..
        }) => own_failures(run::run(
            &file,
            &target,
            enforce,
            report.as_ref(),
            timeout,
            &command,
            cache.cache(),
        )),
        Some(Command::Record {
            output,
            base,
            names_only,
            force,
            target,
            cache,
            container,
            command,
        }) => own_failures(run::record(
            output.as_ref(),
            base.as_ref(),
            run::RecordOptions { force, names_only },
            &target,
            &container,
            &command,
            cache.cache(),
        )),
        Some(Command::Compile {
            file,
            target,
            cache,
            format,
            layout,
            output,
        }) => compile::compile(
            &file,
            &target,
            format,
            layout,
            output.as_ref(),
            cache.cache(),
        ),
        Some(Command::Convert(args)) => convert::convert(&args),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "seccompose", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Manpage { output }) => manpage(output.as_deref()),
        None if cli.new.as_deref() == Some("list") => {
            for s in seccompose::profile::starters::STARTERS {
                println!("{:24} {}", s.name, s.about_text().local());
            }
            Ok(ExitCode::SUCCESS)
        }
        None => seccompose::tui::run(seccompose::tui::Open {
            file: cli.file.as_deref(),
            starter: cli.new.as_deref(),
            name: cli.name.as_deref(),
            lang: cli.lang.as_deref(),
            lesson: None,
        }),
    }
}

/// "1 error, 2 warnings, 0 notes": how many of each severity.
pub fn tally(severities: &[seccompose::profile::Severity]) -> String {
    use seccompose::profile::Severity::{Error, Note, Warning};
    let count = |kind| severities.iter().filter(|s| **s == kind).count();
    seccompose::msg!(
        "cli-tally",
        errors = count(Error),
        warnings = count(Warning),
        notes = count(Note)
    )
}

/// `error: WHY` (every cause), in the user's language, after `seccompose: `.
pub fn error_line(e: &anyhow::Error) -> String {
    seccompose::msg!("cli-error", error = format!("{e:#}"))
}

/// `run` and `record` end with 125 for their own failures (a profile with errors, a sandbox
/// that cannot start), as `docker run` does, so that they are never taken for the command's
/// own exit status.
fn own_failures(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    result.or_else(|e| {
        eprintln!("seccompose: {}", error_line(&e));
        Ok(ExitCode::from(125))
    })
}

/// The manual page, from the clap definitions (each subcommand as a section of its own).
fn manpage(output: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("seccompose {}", sub.get_name());
        let sub_man = clap_mangen::Man::new(sub.clone().bin_name(name));
        let mut roff = Vec::new();
        sub_man.render_synopsis_section(&mut roff)?;
        sub_man.render_options_section(&mut roff)?;
        let text = String::from_utf8_lossy(&roff)
            .replace(
                ".SH SYNOPSIS",
                &format!(".SH \"COMMAND: {}\"", sub.get_name().to_uppercase()),
            )
            .replace(".SH OPTIONS", ".SS Options");
        page.extend_from_slice(text.as_bytes());
    }
    man.render_version_section(&mut page)?;
    match output {
        Some(path) => std::fs::write(path, &page)?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &page)?,
    }
    Ok(ExitCode::SUCCESS)
}
