//! The options that choose a target and load a profile, shared by compile, explain and run.

use anyhow::{anyhow, bail, Context};
use clap::Args;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Arch, KernelVersion, Profile, Target};
use std::path::Path;

/// `--arch`, `--cap`, `--kernel`.
#[derive(Debug, Args, Clone, Default)]
pub struct TargetArgs {
    /// The machine's native architecture (default: this one); repeat to cover several.
    #[arg(long = "arch", value_name = "A")]
    pub arches: Vec<String>,
    /// Add a capability to Docker's default set (CAP_SYS_ADMIN or sys_admin); repeatable.
    #[arg(long = "cap", value_name = "CAP")]
    pub caps: Vec<String>,
    /// Kernel version that `minKernel` is compared with (default: the running kernel).
    #[arg(long, value_name = "X.Y")]
    pub kernel: Option<String>,
}

impl TargetArgs {
    /// One target per `--arch` (or the host's).
    pub fn targets(&self) -> anyhow::Result<Vec<Target>> {
        let mut base = Target::host();
        for cap in &self.caps {
            base.add_cap(cap).map_err(|e| anyhow!(e))?;
        }
        if let Some(k) = &self.kernel {
            base.kernel = KernelVersion::parse(k)
                .ok_or_else(|| anyhow!("--kernel {k}: expected a version such as 5.8"))?;
        }
        if self.arches.is_empty() {
            return Ok(vec![base]);
        }
        self.arches
            .iter()
            .map(|a| {
                let arch = Arch::parse(a).ok_or_else(|| {
                    anyhow!("unknown architecture \"{a}\"; for example x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x")
                })?;
                Ok(Target { arch, ..base.clone() })
            })
            .collect()
    }
}

/// Loads a profile for a command that needs a valid one: diagnostics to stderr, errors fail.
pub fn load_profile(path: &Path) -> anyhow::Result<Profile> {
    let parsed =
        profile::load(path, &Catalog).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    for d in &parsed.diagnostics {
        if d.severity == profile::Severity::Error {
            eprintln!("{}", d.render(&name));
        }
    }
    match parsed.profile {
        Some(p) => Ok(p),
        None => bail!("{name} has errors; run `seccompose check {name}` for all of them"),
    }
}
