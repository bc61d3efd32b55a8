//! `run --container DIR`: the draft tried inside a real OCI runtime (see
//! `sandbox::container`).

use super::target::{load_profile, TargetArgs};
use anyhow::Context;
use seccompose::sandbox::container::{self, bundle, ContainerError, ContainerOptions};
use seccompose::sandbox::Mode;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// What `run --container` takes beyond `run`'s own options.
#[derive(Debug, clap::Args, Clone, Default)]
pub struct ContainerArgs {
    /// Run the command in a container made from DIR: an OCI bundle (config.json beside its
    /// rootfs; only a private copy is changed) or a bare root filesystem.
    #[arg(long, value_name = "DIR")]
    pub container: Option<PathBuf>,
    /// With a bare root filesystem: turn noNewPrivileges on (Docker leaves it off).
    #[arg(long, requires = "container")]
    pub no_new_privileges: bool,
    /// With a bare root filesystem: the working directory in the container (default /).
    #[arg(long, value_name = "PATH", requires = "container")]
    pub workdir: Option<String>,
}

/// The target a container run models: the runtime chosen is the program, not the model
/// (`container::run` sets the model from the program it finds).
pub fn model(target: &TargetArgs) -> anyhow::Result<seccompose::profile::Target> {
    let mut model = target.clone();
    model.machine.runtime = None;
    super::runs::one_target(&model)
}

/// Runs `command` in the container; a command missing from its root filesystem is reported
/// here and gives 127 instead.
fn contained(
    profile: &seccompose::profile::Profile,
    target: &TargetArgs,
    args: &ContainerArgs,
    mode: Mode,
    timeout: Option<f64>,
    command: &[OsString],
) -> anyhow::Result<Result<container::ContainerFinished, ExitCode>> {
    let choice = target.machine.runtime.clone();
    let target = model(target)?;
    let stop = Arc::new(AtomicBool::new(false));
    super::runs::stop_on(&stop)?;
    let options = ContainerOptions {
        dir: args.container.clone().context("no --container")?,
        runtime: choice,
        mode,
        timeout: timeout.map(Duration::from_secs_f64),
        settings: bundle::Settings {
            no_new_privileges: args.no_new_privileges,
            workdir: args.workdir.clone(),
            caps: target.caps.iter().cloned().collect(),
        },
    };
    match container::run(profile, &target, command, &options, stop) {
        Ok(f) => Ok(Ok(f)),
        Err(ContainerError::Bundle(bundle::BundleError::NoCommand(why))) => {
            let words = seccompose::msg!("cli-run-cannot-start", why = why.local());
            eprintln!("seccompose: {words}");
            Ok(Err(ExitCode::from(127)))
        }
        Err(e) => Err(e.into()),
    }
}

/// `seccompose run PROFILE --container DIR -- CMD...`.
pub fn run(
    file: &std::path::Path,
    target: &TargetArgs,
    args: &ContainerArgs,
    (enforce, report): (bool, Option<&std::path::Path>),
    timeout: Option<f64>,
    command: &[OsString],
) -> anyhow::Result<ExitCode> {
    let profile = load_profile(file)?;
    let mode = if enforce {
        Mode::Enforce
    } else {
        Mode::Observe
    };
    let finished = match contained(&profile, target, args, mode, timeout, command)? {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    eprint!("{}", finished.render(&profile));
    if let Some(path) = report {
        super::runs::write_report(path, &finished.to_json())?;
    }
    Ok(super::runs::exit(finished.exit_code()))
}

/// `seccompose record --container DIR -- CMD...`: every call of the runtime's start-up after
/// its filter and of the command.
pub fn record(
    target: &TargetArgs,
    args: &ContainerArgs,
    command: &[OsString],
) -> anyhow::Result<Result<super::runs::Recorded, ExitCode>> {
    // The recording filter allows everything; the profile only matters for the target.
    let placeholder = seccompose::profile::Profile::new(seccompose::profile::Action::Allow);
    let finished = match contained(&placeholder, target, args, Mode::Record, None, command)? {
        Ok(f) => f,
        Err(code) => return Ok(Err(code)),
    };
    let ending = finished.render(&placeholder);
    if finished.failed() {
        eprint!("{ending}");
        return Ok(Err(ExitCode::from(125)));
    }
    eprint!("{ending}");
    Ok(Ok(super::runs::Recorded {
        calls: finished.calls,
        termination: finished.termination,
        stopped: false,
        ending,
    }))
}
