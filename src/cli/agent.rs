//! `seccompose agent PROFILE --socket PATH [-o OBSERVED.json]`: the draft observed under an
//! engine that passes `listenerPath` to its runtime (Docker, podman): seccompose serves the
//! socket, the engine gets the observed rewrite, every stop is printed as it happens.

use super::target::{load_profile, TargetArgs};
use anyhow::{bail, Context};
use seccompose::msg;
use seccompose::profile::{self, Profile};
use seccompose::sandbox::container::{self, AgentEvent, Phase};
use seccompose::sandbox::{describe_action, rule_place, Finished, Report, Stop, Termination};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What `agent` takes.
#[derive(Debug, clap::Args)]
pub struct AgentArgs {
    /// The profile (the draft).
    pub file: PathBuf,
    /// The unix socket to serve; the rewritten profile names it as its listenerPath.
    #[arg(long, value_name = "PATH")]
    pub socket: PathBuf,
    /// Write the profile to hand the engine here: the draft rewritten for observed mode, with
    /// listenerPath set to the socket (an existing file is kept as FILE~).
    #[arg(short, long, value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub target: TargetArgs,
}

/// Serves the socket until Ctrl-c (or SIGTERM), printing each stop as it comes.
pub fn agent(args: &AgentArgs) -> anyhow::Result<ExitCode> {
    let profile = load_profile(&args.file)?;
    let target = super::runs::one_target(&args.target)?;
    let socket = std::path::absolute(&args.socket)?;
    let (observed, notes) =
        container::seccomp::observed(&profile, &target, &socket.to_string_lossy());
    if !container::seccomp::notifies(&observed) {
        bail!(msg!(
            "cli-agent-nothing",
            file = args.file.display().to_string()
        ));
    }
    for n in &notes {
        eprintln!("seccompose: {}", msg!("cli-note", note = n.local()));
    }
    if let Some(out) = &args.output {
        write_observed(out, &args.file, &observed)?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    super::runs::stop_on(&stop)?;
    let agent = container::serve_socket(&profile, &target, &socket, stop.clone())?;
    let serving = msg!(
        "cli-agent-serving",
        socket = socket.display().to_string(),
        file = args.file.display().to_string()
    );
    eprintln!("seccompose: {serving}");
    while !stop.load(Ordering::Acquire) {
        match agent.events.recv_timeout(Duration::from_millis(100)) {
            Ok(event) => eprint!("{}", event_text(&event, &profile)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let events: Vec<AgentEvent> = agent.events.try_iter().collect();
    for event in &events {
        eprint!("{}", event_text(event, &profile));
    }
    let live = agent.wait();
    if live > 0 {
        eprintln!("seccompose: {}", msg!("cli-agent-live", n = live));
    }
    let ended = msg!("cli-agent-ended", socket = socket.display().to_string());
    eprintln!("seccompose: {ended}");
    Ok(ExitCode::SUCCESS)
}

/// Writes the observed rewrite for the engine, never over the draft itself.
fn write_observed(out: &Path, draft: &Path, observed: &serde_json::Value) -> anyhow::Result<()> {
    let same = out
        .canonicalize()
        .ok()
        .is_some_and(|o| draft.canonicalize().is_ok_and(|d| d == o));
    if same {
        bail!(msg!(
            "cli-agent-draft-itself",
            file = out.display().to_string()
        ));
    }
    let text = serde_json::to_string_pretty(observed)? + "\n";
    let options = profile::WriteOptions {
        keep_backup: true,
        force: false,
    };
    profile::write_file(out, &text, options)
        .with_context(|| msg!("cli-writing", file = out.display().to_string()))?;
    let wrote = msg!(
        "cli-agent-wrote",
        file = out.display().to_string(),
        draft = draft.display().to_string()
    );
    eprintln!("seccompose: {wrote}");
    Ok(())
}

/// The lines one event prints.
fn event_text(event: &AgentEvent, profile: &Profile) -> String {
    match event {
        AgentEvent::Connected { container } => {
            let connected = msg!("cli-agent-connected", container = container.as_str());
            format!("seccompose: {connected}\n")
        }
        AgentEvent::Unusable => format!("seccompose: {}\n", msg!("cli-agent-unusable")),
        AgentEvent::Stop {
            container,
            phase,
            stop,
        } => format!(
            "seccompose: {container}: {}\n",
            stop_line(*phase, stop, profile)
        ),
        AgentEvent::Ended { container, stops } => {
            let report = Report::new(&Finished {
                termination: Termination::Exited(0),
                stops: stops.iter().map(|(_, s)| s.clone()).collect(),
                calls: Default::default(),
                containment: Default::default(),
            });
            let body: String = report
                .render_stops()
                .lines()
                .map(|l| format!("  {}\n", l.trim_start_matches("seccompose: ")))
                .collect();
            let ended = msg!("cli-agent-last-ended", container = container.as_str());
            format!("seccompose: {ended}\n{body}")
        }
    }
}

/// `in the command: mkdir ERRNO(EPERM) by syscalls[0] (line 4:5): mkdir(pathname="/tmp/x", …)`.
fn stop_line(phase: Phase, s: &Stop, profile: &Profile) -> String {
    let name = s
        .name
        .map_or_else(|| format!("nr {}", s.nr), str::to_string);
    let by = match (s.rule, s.stub) {
        (Some(i), _) => match rule_place(Some(i), profile) {
            Some(place) if place != format!("syscalls[{i}]") => {
                format!("syscalls[{i}] ({place})")
            }
            _ => format!("syscalls[{i}]"),
        },
        (None, true) => msg!("cli-run-by-stub"),
        (None, false) => msg!("cli-run-the-default"),
    };
    let phase = match phase {
        Phase::Runtime => msg!("cli-agent-phase-runtime"),
        Phase::Command => msg!("cli-agent-phase-command"),
    };
    let call = seccompose::catalog::describe_call(&name, &s.args, &s.texts);
    msg!(
        "cli-agent-stop",
        phase = phase,
        name = name.as_str(),
        action = describe_action(s.action),
        by = by,
        call = call
    )
}
