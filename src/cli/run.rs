//! `run` and `record`.

use super::runs::{exit, one_target, stop_on, Recorded};
use super::target::{load_profile, load_profile_bytes, read_profile, TargetArgs};
use anyhow::{bail, Context};
use seccompose::compile::Cache;
use seccompose::msg;
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
    started(Session::start(profile, target, command, options))
}

/// What [`start`] makes of a session's start (also one enforcing a filter given ready).
fn started(
    session: Result<Session, sandbox::SandboxError>,
) -> anyhow::Result<Result<Session, ExitCode>> {
    match session {
        Ok(s) => Ok(Ok(s)),
        Err(sandbox::SandboxError::CannotStart(why)) => {
            let words = msg!("cli-run-cannot-start", why = why.text().local());
            eprintln!("seccompose: {words}");
            Ok(Err(exit(why.exit_code())))
        }
        Err(e) => Err(e.into()),
    }
}

/// Run as root, says so once, as the editor does: what the command does, it does as root.
fn say_if_root() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("seccompose: {}", msg!("cli-run-as-root"));
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
    let bytes = read_profile(file)?;
    let kind = file.extension().and_then(|e| e.to_str());
    let defaults = seccompose::compile::Options::default();
    // Enforcing with a warm cache, the filter is found by the file's bytes: the profile is
    // neither parsed nor checked again (it had no error, or nothing would have been kept).
    let ready = match (enforce, &cache) {
        (true, Some(cache)) => {
            let target = one_target(target)?;
            cache
                .by_file(&bytes, kind, &target, &defaults)
                .map(|compiled| (compiled, target))
        }
        _ => None,
    };
    let (profile, target, compiled) = match ready {
        Some((compiled, target)) => (None, target, Some(compiled)),
        None => {
            let profile = load_profile_bytes(file, bytes.clone())?;
            let target = one_target(target)?;
            let compiled = match (enforce, &cache) {
                // Built here so that, from the second run of the same file on, the filter is
                // also kept by its bytes (not on the first: a cold run writes one entry, not
                // two). An error is left to the run, which reports it as any other.
                (true, Some(cache)) => match cache.build_or_find(&profile, &target, &defaults) {
                    Ok((compiled, found)) => {
                        if found {
                            cache.remember_file(&bytes, kind, &target, &defaults, &compiled);
                        }
                        Some(compiled)
                    }
                    Err(_) => None,
                },
                _ => None,
            };
            (Some(profile), target, compiled)
        }
    };
    say_if_root();
    let requested = if enforce {
        Mode::Enforce
    } else {
        Mode::Observe
    };
    let (mode, fell_back) =
        support::available_mode(requested).map_err(|why| anyhow::Error::msg(why.local()))?;
    if let Some(why) = fell_back {
        eprintln!("seccompose: {}", why.local());
    }
    let enforce = mode == Mode::Enforce;
    let options = RunOptions {
        mode,
        timeout: timeout.map(Duration::from_secs_f64),
        cache,
        ..RunOptions::default()
    };
    let (profile, started) = match (profile, compiled) {
        (None, Some(compiled)) if enforce => (
            None,
            started(Session::start_enforcing(
                compiled, &target, command, options,
            )),
        ),
        (profile, compiled) => {
            let profile = match profile {
                Some(p) => p,
                None => load_profile_bytes(file, bytes)?,
            };
            let options = RunOptions {
                compiled,
                ..options
            };
            let session = start(&profile, &target, command, options);
            (Some(profile), session)
        }
    };
    let session = match started? {
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
            profile.as_ref().map_or_else(String::new, |p| {
                sandbox::render_went_through(&rep.went_through, p, &target)
            }),
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
    support::available_mode(Mode::Record).map_err(|why| anyhow::Error::msg(why.local()))?;
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
        Some(path) if failed && !force && path.is_file() => {
            let ending = recorded.ending.lines().last().unwrap_or_default();
            let unchanged = msg!(
                "cli-record-unchanged",
                file = path.display().to_string(),
                ending = ending.trim_start_matches("seccompose: ")
            );
            eprintln!("seccompose: {unchanged}");
        }
        Some(path) => {
            let options = profile::WriteOptions {
                keep_backup: true,
                force,
            };
            match profile::write_file(path, &text, options) {
                Err(e) if profile::read_only_error(&e).is_some() => {
                    bail!(msg!("cli-record-read-only", error = e.to_string()))
                }
                written => written
                    .with_context(|| msg!("cli-writing", file = path.display().to_string()))?,
            }
        }
        None => print!("{text}"),
    }
    if recorded.stopped && !matches!(recorded.termination, sandbox::Termination::Exited(_)) {
        eprintln!("seccompose: {}", msg!("cli-record-interrupted"));
    }
    Ok(exit(exit_code(recorded.termination)))
}

/// What a recording proposes, in lines for standard error.
fn proposal_text(p: &sandbox::Proposal, based: bool, names_only: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let allowed = p.distinct - p.stopped;
    let recorded = if based {
        msg!(
            "cli-record-distinct-based",
            n = p.distinct,
            allowed = allowed
        )
    } else {
        msg!("cli-record-distinct", n = p.distinct)
    };
    let _ = writeln!(out, "seccompose: {recorded}");
    if p.additions.is_empty() {
        let _ = writeln!(out, "seccompose: {}", msg!("cli-record-nothing"));
    }
    let mut by_name = Vec::new();
    for a in &p.additions {
        match (&a.why_by_name, names_only) {
            (_, true) => by_name.push(a.name.as_str()),
            // Every syscall without value arguments would repeat the same reason.
            (Some(_), false) if a.name != "clone3" => by_name.push(a.name.as_str()),
            (Some(why), false) => {
                let every = msg!("cli-record-every-call", why = why.local());
                let _ = writeln!(out, "  + {}: {every}", a.name);
            }
            (None, false) => {
                let or = msg!("cli-record-or");
                let _ = writeln!(
                    out,
                    "  + {}: {}",
                    a.name,
                    a.describe().join(&format!("; {or} "))
                );
            }
        }
    }
    if !by_name.is_empty() {
        let names = by_name.join(", ");
        let _ = writeln!(
            out,
            "  + {}",
            msg!("cli-record-every-call-of", names = names)
        );
    }
    if !p.unseen.is_empty() {
        let names: Vec<String> = p
            .unseen
            .iter()
            .map(|(n, of)| msg!("cli-record-unseen-for", name = *n, of = *of))
            .collect();
        let names = names.join(", ");
        let _ = writeln!(
            out,
            "seccompose: {}",
            msg!("cli-record-unseen", names = names)
        );
    }
    for h in &p.held {
        let held = msg!(
            "cli-record-not-added",
            name = h.name.as_str(),
            why = h.why.local()
        );
        let _ = writeln!(out, "seccompose: {held}");
    }
    for c in &p.unnamed {
        let unnamed = msg!(
            "cli-record-unnamed",
            nr = c.nr.to_string(),
            arch = c.arch.short_name()
        );
        let _ = writeln!(out, "seccompose: {unnamed}");
    }
    out
}
