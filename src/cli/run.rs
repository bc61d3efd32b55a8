//! `run` and `record`.

use super::runs::{exit, one_target, stop_on, Recorded};
use super::target::{load_profile, load_profile_bytes, read_profile, TargetArgs};
use anyhow::{bail, Context};
use seccompose::catalog::Catalog;
use seccompose::compile::{Cache, Compiled, Options};
use seccompose::msg;
use seccompose::profile::{self, Target};
use seccompose::sandbox::{
    self, exit_code, recorded_profile, support, Mode, Observation, Report, RunOptions, Session,
};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::{Arc, LazyLock};
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

/// What a run of a profile file starts from.
struct Ready {
    source: Source,
    target: Target,
    /// Observing: what the run watches, with the rules that name a stop's rule.
    observation: Option<Arc<Observation>>,
}

/// Where the run's filter comes from.
enum Source {
    /// The profile, read and checked, with its filter when a cache gave it (None without a
    /// cache, or when it does not compile: the run compiles it, and says why it cannot).
    Read(Box<profile::Profile>, Option<Compiled>),
    /// A warm cache's filter, found by the file's bytes: the profile was not read (it had no
    /// error then, or nothing would have been kept).
    Warm(Compiled),
}

/// Finds by the file's `bytes` in a warm cache what the run needs (the filter; observing, also
/// the syscalls to watch), so that it neither parses nor checks the profile: that was most of
/// a warm run's own work. Otherwise reads the profile, and from its second run on keeps what
/// the next run will look for by the bytes (a cold run writes one entry, not three).
fn prepare(
    file: &Path,
    bytes: &[u8],
    target: &TargetArgs,
    enforce: bool,
    cache: Option<&Cache>,
) -> anyhow::Result<Ready> {
    let kind = file.extension().and_then(|e| e.to_str());
    let defaults = Options::default();
    if let Some(cache) = cache {
        let target = one_target(target)?;
        let watched = match enforce {
            true => Some(Vec::new()),
            false => cache.watched_by_file(bytes, kind, &target),
        };
        let found = watched.zip(cache.by_file(bytes, kind, &target, &defaults));
        if let Some((watched, compiled)) = found {
            let observation = match enforce {
                true => None,
                false => {
                    let rules = rules_when_needed(file, bytes, &target);
                    Some(Arc::new(Observation::ahead(&compiled, watched, rules)?))
                }
            };
            return Ok(Ready {
                source: Source::Warm(compiled),
                target,
                observation,
            });
        }
    }
    let profile = load_profile_bytes(file, bytes.to_vec())?;
    let target = one_target(target)?;
    // An error is left to the run, which reports it as any other.
    let built = match cache {
        Some(cache) => cache.build_or_find(&profile, &target, &defaults).ok(),
        None => seccompose::compile::build(&profile, &target, &defaults)
            .ok()
            .map(|compiled| (compiled, false)),
    };
    let observation = match (&built, enforce) {
        (Some((compiled, _)), false) => {
            Some(Arc::new(Observation::new(&profile, &target, compiled)?))
        }
        _ => None,
    };
    if let (Some(cache), Some((compiled, true))) = (cache, &built) {
        cache.remember_file(bytes, kind, &target, &defaults, compiled);
        if let Some(o) = &observation {
            let names: Vec<&str> = o.watched.iter().map(String::as_str).collect();
            cache.remember_watched(bytes, kind, &target, &names);
        }
    }
    Ok(Ready {
        source: Source::Read(Box::new(profile), built.map(|(compiled, _)| compiled)),
        target,
        observation,
    })
}

/// The rules of the profile in `bytes`, read only when a first stop needs them (on the thread
/// that reports it); the bytes read as a profile before, with no error.
fn rules_when_needed(file: &Path, bytes: &[u8], target: &Target) -> sandbox::Rules {
    let (file, bytes, target) = (file.to_path_buf(), bytes.to_vec(), target.clone());
    Arc::new(LazyLock::new(Box::new(move || {
        let imported = profile::import_bytes(&file, bytes, None, None, &Catalog);
        let read = imported.parsed.profile;
        let profile = read.unwrap_or_else(|| profile::Profile::new(profile::Action::Allow));
        seccompose::compile::plan(&profile, &target)
    })))
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
    let ready = prepare(file, &bytes, target, enforce, cache.as_ref())?;
    say_if_root();
    let requested = if enforce {
        Mode::Enforce
    } else {
        Mode::Observe
    };
    // Unknown only when the profile does not compile (the run then says why).
    let traced = ready.observation.as_ref().is_none_or(|o| o.traced());
    let (mode, fell_back) = support::available_mode(requested, traced)
        .map_err(|why| anyhow::Error::msg(why.local()))?;
    if let Some(why) = fell_back {
        eprintln!("seccompose: {}", why.local());
    }
    let enforce = mode == Mode::Enforce;
    let Ready {
        source,
        target,
        observation,
    } = ready;
    let options = RunOptions {
        mode,
        timeout: timeout.map(Duration::from_secs_f64),
        cache,
        observation,
        ..RunOptions::default()
    };
    let (profile, started) = match source {
        Source::Warm(compiled) => (
            None,
            started(Session::start_ready(compiled, &target, command, options)),
        ),
        Source::Read(profile, compiled) => {
            let options = RunOptions {
                compiled,
                ..options
            };
            let session = start(&profile, &target, command, options);
            (Some(*profile), session)
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
        // A warm run did not read the profile: it is needed only to word what went through.
        let went_through = match (&profile, rep.went_through.is_empty()) {
            (_, true) => String::new(),
            (Some(p), false) => sandbox::render_went_through(&rep.went_through, p, &target),
            (None, false) => {
                let p = load_profile_bytes(file, bytes)?;
                sandbox::render_went_through(&rep.went_through, &p, &target)
            }
        };
        eprint!(
            "{}{went_through}{}",
            rep.render_stops(),
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
    support::available_mode(Mode::Record, false).map_err(|why| anyhow::Error::msg(why.local()))?;
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
