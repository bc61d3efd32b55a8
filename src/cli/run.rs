//! `run` and `record`.

use super::runs::{exit, one_target, stop_on, Recorded};
use super::target::{load_profile, TargetArgs};
use anyhow::{bail, Context};
use seccompose::compile::Cache;
use seccompose::profile::{self, Target};
use seccompose::sandbox::{
    self, exit_code, recorded_profile, support, Mode, Report, RunOptions, Session,
};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Ends the run when seccompose is interrupted or told to stop, so no process outlives it.
fn stop_on_signals(session: &Session) -> anyhow::Result<()> {
    stop_on(&session.stopper())
}

/// Starts a run; a command that is missing or not executable is reported here and gives the
/// shell's exit status (127 or 126) instead of a session.
fn start(
    profile: &profile::Profile,
    target: &Target,
    command: &[OsString],
    options: RunOptions,
) -> anyhow::Result<Result<Session, ExitCode>> {
    match Session::start(profile, target, command, options) {
        Ok(s) => Ok(Ok(s)),
        Err(sandbox::SandboxError::CannotStart(why)) => {
            eprintln!("seccompose: cannot run {why}: the command was not run");
            Ok(Err(exit(why.exit_code())))
        }
        Err(e) => Err(e.into()),
    }
}

/// Run as root, says so once, as the editor does: what the command does, it does as root.
fn say_if_root() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!(
            "seccompose: running as root: the command runs as root too (try it as an ordinary \
             user when you can)"
        );
    }
}

/// `seccompose run`.
pub fn run(
    file: &Path,
    target: &TargetArgs,
    enforce: bool,
    report: Option<&PathBuf>,
    timeout: Option<f64>,
    command: &[OsString],
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    let profile = load_profile(file)?;
    say_if_root();
    let target = one_target(target)?;
    let requested = if enforce {
        Mode::Enforce
    } else {
        Mode::Observe
    };
    let (mode, fell_back) = support::available_mode(requested).map_err(anyhow::Error::msg)?;
    if let Some(why) = fell_back {
        eprintln!("seccompose: {why}");
    }
    let enforce = mode == Mode::Enforce;
    let options = RunOptions {
        mode,
        timeout: timeout.map(Duration::from_secs_f64),
        cache,
        ..RunOptions::default()
    };
    let session = match start(&profile, &target, command, options)? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    stop_on_signals(&session)?;
    let finished = session.wait()?;
    let rep = Report::new(&finished);
    if enforce {
        // Only how it ended: enforcement sees no individual stops.
        eprint!("{}", rep.render_ending());
    } else {
        eprint!(
            "{}{}{}",
            rep.render_stops(),
            sandbox::render_went_through(&rep.went_through, &profile, &target),
            rep.render_ending()
        );
    }
    if let Some(path) = report {
        super::runs::write_report(path, &rep.to_json())?;
    }
    Ok(exit(exit_code(finished.termination)))
}

/// How `record` writes what it saw.
pub struct RecordOptions {
    /// Replace the output even when the command failed or it is read-only.
    pub force: bool,
    /// Allow syscalls by name instead of by the values seen.
    pub names_only: bool,
}

/// `seccompose record`.
pub fn record(
    out: Option<&PathBuf>,
    base: Option<&PathBuf>,
    options: RecordOptions,
    target: &TargetArgs,
    container: &super::container::ContainerArgs,
    command: &[OsString],
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    let base = base.map(|b| load_profile(b)).transpose()?;
    if container.container.is_some() {
        let recorded = match super::container::record(target, container, command)? {
            Ok(r) => r,
            Err(code) => return Ok(code),
        };
        let target = super::container::model(target)?;
        return write_recording(&recorded, out, base.as_ref(), options, &target);
    }
    let target = one_target(target)?;
    // The recording filter allows everything; the profile only matters for the target.
    let placeholder = profile::Profile::new(profile::Action::Allow);
    support::available_mode(Mode::Record).map_err(anyhow::Error::msg)?;
    say_if_root();
    let run_options = RunOptions {
        mode: Mode::Record,
        cache,
        ..RunOptions::default()
    };
    let session = match start(&placeholder, &target, command, run_options)? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    stop_on_signals(&session)?;
    let stopper = session.stopper();
    let finished = session.wait()?;
    let recorded = Recorded {
        termination: finished.termination,
        stopped: stopper.load(Ordering::Acquire),
        ending: Report::new(&finished).render_ending(),
        calls: finished.calls,
    };
    write_recording(&recorded, out, base.as_ref(), options, &target)
}

/// Proposes the profile of a recording and writes it (or prints it); the command's status.
fn write_recording(
    recorded: &Recorded,
    out: Option<&PathBuf>,
    base: Option<&profile::Profile>,
    RecordOptions { force, names_only }: RecordOptions,
    target: &Target,
) -> anyhow::Result<ExitCode> {
    let (proposed, proposal) = recorded_profile(&recorded.calls, base, target, names_only)?;
    eprint!("{}", proposal_text(&proposal, base.is_some(), names_only));
    let text = profile::to_canonical_string(&proposed);
    let failed = recorded.termination != sandbox::Termination::Exited(0);
    match out {
        // A failed command may not have done all it does: keep the profile the user had.
        Some(path) if failed && !force && path.is_file() => eprintln!(
            "seccompose: {} was not changed: the command failed ({}), so the recording may be \
             incomplete; --force writes it anyway",
            path.display(),
            recorded
                .ending
                .lines()
                .last()
                .unwrap_or_default()
                .trim_start_matches("seccompose: ")
        ),
        Some(path) => {
            let options = profile::WriteOptions {
                keep_backup: true,
                force,
            };
            match profile::write_file(path, &text, options) {
                Err(e) if profile::read_only_error(&e).is_some() => {
                    bail!("{e}; `record --force` replaces it")
                }
                written => written.with_context(|| format!("writing {}", path.display()))?,
            }
        }
        None => print!("{text}"),
    }
    if recorded.stopped && !matches!(recorded.termination, sandbox::Termination::Exited(_)) {
        eprintln!(
            "seccompose: the command was stopped before it finished; the profile may be incomplete"
        );
    }
    Ok(exit(exit_code(recorded.termination)))
}

/// What a recording proposes, in lines for standard error.
fn proposal_text(p: &sandbox::Proposal, based: bool, names_only: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let allowed = p.distinct - p.stopped;
    let _ = write!(out, "seccompose: recorded {} distinct calls", p.distinct);
    if based {
        let _ = write!(out, "; the base already allows {allowed} of them");
    }
    out.push('\n');
    if p.additions.is_empty() {
        let _ = writeln!(out, "seccompose: nothing to add");
    }
    let mut by_name = Vec::new();
    for a in &p.additions {
        match (&a.why_by_name, names_only) {
            (_, true) => by_name.push(a.name.as_str()),
            // Every syscall without value arguments would repeat the same reason.
            (Some(_), false) if a.name != "clone3" => by_name.push(a.name.as_str()),
            (Some(why), false) => {
                let _ = writeln!(out, "  + {}: every call ({why})", a.name);
            }
            (None, false) => {
                let _ = writeln!(out, "  + {}: {}", a.name, a.describe().join("; or "));
            }
        }
    }
    if !by_name.is_empty() {
        let _ = writeln!(out, "  + every call of: {}", by_name.join(", "));
    }
    if !p.unseen.is_empty() {
        let names: Vec<String> = p
            .unseen
            .iter()
            .map(|(n, of)| format!("{n} (for {of})"))
            .collect();
        let _ = writeln!(
            out,
            "seccompose: note, not added: the run did not call these, which do the same job as calls it made and which another C library, kernel or error path may use: {}",
            names.join(", ")
        );
    }
    for h in &p.held {
        let _ = writeln!(
            out,
            "seccompose: not added: {} stays stopped: {}; change that rule by hand if the command needs it",
            h.name, h.why
        );
    }
    for c in &p.unnamed {
        let _ = writeln!(
            out,
            "seccompose: syscall number {} ({}) has no name in the catalog, so no rule can allow it",
            c.nr,
            c.arch.short_name()
        );
    }
    out
}
