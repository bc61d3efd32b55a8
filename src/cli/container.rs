//! `run --container DIR`: the draft tried inside a real OCI runtime (see
//! `sandbox::container`).

use super::target::{load_profile, TargetArgs};
use anyhow::Context;
use seccompose::sandbox::container::{self, bundle, ContainerError, ContainerOptions};
use seccompose::sandbox::{exit_code, Mode};
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
    #[arg(long, value_name = "DIR", conflicts_with = "report")]
    pub container: Option<PathBuf>,
    /// With a bare root filesystem: turn noNewPrivileges on (Docker leaves it off).
    #[arg(long, requires = "container")]
    pub no_new_privileges: bool,
    /// With a bare root filesystem: the working directory in the container (default /).
    #[arg(long, value_name = "PATH", requires = "container")]
    pub workdir: Option<String>,
}

/// `seccompose run PROFILE --container DIR -- CMD...`.
pub fn run(
    file: &std::path::Path,
    target: &TargetArgs,
    args: &ContainerArgs,
    enforce: bool,
    timeout: Option<f64>,
    command: &[OsString],
) -> anyhow::Result<ExitCode> {
    let profile = load_profile(file)?;
    let choice = target.machine.runtime.clone();
    // The target's runtime model follows the program chosen; the container run sets it.
    let mut model = target.clone();
    model.machine.runtime = None;
    let target = super::run::one_target(&model)?;
    let stop = Arc::new(AtomicBool::new(false));
    super::run::stop_on(&stop)?;
    let options = ContainerOptions {
        dir: args.container.clone().context("no --container")?,
        runtime: choice,
        mode: if enforce {
            Mode::Enforce
        } else {
            Mode::Observe
        },
        timeout: timeout.map(Duration::from_secs_f64),
        settings: bundle::Settings {
            no_new_privileges: args.no_new_privileges,
            workdir: args.workdir.clone(),
            caps: target.caps.iter().cloned().collect(),
        },
    };
    let finished = match container::run(&profile, &target, command, &options, stop) {
        Ok(f) => f,
        Err(ContainerError::Bundle(bundle::BundleError::NoCommand(why))) => {
            eprintln!("seccompose: cannot run {why}: the command was not run");
            return Ok(ExitCode::from(127));
        }
        Err(e) => return Err(e.into()),
    };
    eprint!("{}", finished.render(&profile));
    if finished.did_not_start() {
        return Ok(ExitCode::from(125));
    }
    Ok(ExitCode::from(
        exit_code(finished.termination).clamp(0, 255) as u8,
    ))
}
