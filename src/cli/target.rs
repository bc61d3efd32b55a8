//! The options that choose a target and load a profile, shared by compile, explain and run.

use anyhow::{anyhow, bail, Context};
use clap::Args;
use seccompose::catalog::Catalog;
use seccompose::compile;
use seccompose::msg;
use seccompose::profile::{self, Arch, KernelVersion, LibseccompVersion, Profile, Runtime, Target};
use std::path::Path;

/// `--cap`, `--kernel`: the machine a profile is judged for, beyond its architecture.
#[derive(Debug, Args, Clone, Default)]
pub struct MachineArgs {
    /// Add a capability to Docker's default set (CAP_SYS_ADMIN or sys_admin); repeatable.
    #[arg(long = "cap", value_name = "CAP")]
    pub caps: Vec<String>,
    /// Kernel version that `minKernel` is compared with (default: the running kernel).
    #[arg(long, value_name = "X.Y")]
    pub kernel: Option<String>,
    /// The runtime that loads the profile: runc (Docker, containerd, Kubernetes; adds its
    /// -ENOSYS stub; the default), crun (podman), none (bwrap, systemd, a program's own
    /// seccomp()); with `run --container`, the program that runs the container (runc, crun or
    /// its path; default: runc, else crun).
    #[arg(long, value_name = "R")]
    pub runtime: Option<String>,
    /// The runtime's libseccomp version (default: this machine's); names it cannot resolve
    /// are skipped by runc and crun.
    #[arg(long, value_name = "X.Y.Z")]
    pub libseccomp: Option<String>,
}

impl MachineArgs {
    /// This machine with the capabilities and kernel asked for, on `arch` (default: native).
    pub fn target(&self, arch: Option<&str>) -> anyhow::Result<Target> {
        let mut base = Target::host();
        for cap in &self.caps {
            base.add_cap(cap)?;
        }
        if let Some(k) = &self.kernel {
            base.kernel = KernelVersion::parse(k)
                .ok_or_else(|| anyhow!(msg!("cli-bad-kernel", kernel = k.as_str())))?;
        }
        if let Some(a) = arch {
            base.arch = parse_arch(a)?;
        }
        let runtime = self.runtime.as_deref().unwrap_or("runc");
        base.runtime = Runtime::parse(runtime)
            .ok_or_else(|| anyhow!(msg!("cli-bad-runtime", runtime = runtime)))?;
        if let Some(v) = &self.libseccomp {
            let version = LibseccompVersion::parse(v)
                .ok_or_else(|| anyhow!(msg!("cli-bad-libseccomp", version = v.as_str())))?;
            if version < compile::OLDEST_KNOWN && version != base.libseccomp {
                bail!(msg!(
                    "cli-old-libseccomp",
                    version = v.as_str(),
                    oldest = compile::OLDEST_KNOWN.to_string()
                ));
            }
            base.libseccomp = version;
        }
        Ok(base)
    }
}

/// An architecture by any of its names, or an error listing some.
pub fn parse_arch(name: &str) -> anyhow::Result<Arch> {
    Arch::parse(name).ok_or_else(|| anyhow!(msg!("cli-unknown-arch", name = name)))
}

/// `--arch`, `--cap`, `--kernel`.
#[derive(Debug, Args, Clone, Default)]
pub struct TargetArgs {
    /// The machine's native architecture (default: this one); repeat to cover several.
    #[arg(long = "arch", value_name = "A")]
    pub arches: Vec<String>,
    #[command(flatten)]
    pub machine: MachineArgs,
}

impl TargetArgs {
    /// One target per `--arch` (or the host's).
    pub fn targets(&self) -> anyhow::Result<Vec<Target>> {
        if self.arches.is_empty() {
            return Ok(vec![self.machine.target(None)?]);
        }
        self.arches
            .iter()
            .map(|a| self.machine.target(Some(a)))
            .collect()
    }
}

/// `explain`'s choice of call and machine: the ABI a call is made in is one question, the
/// host the profile is loaded on (which decides includes/excludes and the filter's sections)
/// another; a 32-bit process on an x86_64 host meets the x86_64 host's filter.
#[derive(Debug, Args, Clone, Default)]
pub struct CallArgs {
    /// The ABI the call is made in (default: the host's); repeat to ask for several.
    #[arg(long = "arch", value_name = "A")]
    pub abis: Vec<String>,
    /// The architecture of the host the profile is loaded on (default: this machine's).
    #[arg(long = "host-arch", value_name = "A")]
    pub host: Option<String>,
    #[command(flatten)]
    pub machine: MachineArgs,
}

impl CallArgs {
    /// The host's target and the ABIs to ask about.
    pub fn resolve(&self) -> anyhow::Result<(Target, Vec<Arch>)> {
        let target = self.machine.target(self.host.as_deref())?;
        let abis = if self.abis.is_empty() {
            vec![target.arch]
        } else {
            self.abis
                .iter()
                .map(|a| parse_arch(a))
                .collect::<anyhow::Result<_>>()?
        };
        Ok((target, abis))
    }
}

/// Loads a profile for a command that needs a valid one (any format `convert` reads):
/// diagnostics to stderr, errors fail.
pub fn load_profile(path: &Path) -> anyhow::Result<Profile> {
    load_profile_bytes(path, read_profile(path)?)
}

/// The bytes of the profile file at `path`, or why they cannot be read.
pub fn read_profile(path: &Path) -> anyhow::Result<Vec<u8>> {
    profile::read_input(path)
        .with_context(|| msg!("cli-cannot-read", file = path.display().to_string()))
}

/// As [`load_profile`], with the file's bytes already read.
pub fn load_profile_bytes(path: &Path, bytes: Vec<u8>) -> anyhow::Result<Profile> {
    // Read only: no source kept for writing back (`import_bytes`, not `open`).
    let imported = profile::import_bytes(path, bytes, None, None, &Catalog);
    let parsed = imported.parsed;
    let name = path.display().to_string();
    for d in &parsed.diagnostics {
        if d.severity == profile::Severity::Error
            || d.code == Some(profile::LintId::BackupAvailable)
        {
            eprintln!("{}", d.render(&name));
        }
    }
    if !imported.others.is_empty() {
        bail!(msg!("cli-several-profiles", file = name));
    }
    match parsed.profile {
        Some(p) => Ok(p),
        None => bail!(msg!("cli-has-errors", file = name)),
    }
}
