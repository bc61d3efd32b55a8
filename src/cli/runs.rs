//! What `run`, `record` and their container twins share: the one target, stopping on
//! signals, exit statuses and a finished recording.

use super::target::TargetArgs;
use anyhow::{bail, Context};
use seccompose::profile::Target;
use seccompose::sandbox;
use std::process::ExitCode;

pub(super) fn one_target(args: &TargetArgs) -> anyhow::Result<Target> {
    let mut targets = args.targets()?;
    if targets.len() != 1 {
        bail!(seccompose::msg!("cli-run-one-arch"));
    }
    Ok(targets.remove(0))
}

/// Sets `flag` when seccompose is interrupted or told to stop.
pub(super) fn stop_on(flag: &std::sync::Arc<std::sync::atomic::AtomicBool>) -> anyhow::Result<()> {
    for sig in [
        signal_hook_consts::SIGINT,
        signal_hook_consts::SIGTERM,
        signal_hook_consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, flag.clone())
            .with_context(|| seccompose::msg!("cli-run-signal-handlers"))?;
    }
    Ok(())
}

mod signal_hook_consts {
    pub const SIGINT: i32 = libc::SIGINT;
    pub const SIGTERM: i32 = libc::SIGTERM;
    pub const SIGHUP: i32 = libc::SIGHUP;
}

pub(super) fn exit(code: i32) -> ExitCode {
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// What a recorded run leaves for the proposal, on the host or in a container.
pub(super) struct Recorded {
    /// Every distinct call.
    pub calls: sandbox::replay::Recording,
    /// How the command ended.
    pub termination: sandbox::Termination,
    /// Whether seccompose was asked to stop it.
    pub stopped: bool,
    /// The report's last lines (how it ended).
    pub ending: String,
}

/// Writes a run's JSON report (`--report`).
pub(super) fn write_report(
    path: &std::path::Path,
    report: &serde_json::Value,
) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(report)?;
    std::fs::write(path, text + "\n")
        .with_context(|| seccompose::msg!("cli-writing", file = path.display().to_string()))
}
