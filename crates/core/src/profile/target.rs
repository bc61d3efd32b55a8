//! The machine a profile is evaluated for: architecture, capabilities, kernel version.
//! It decides which `includes`/`excludes` rules are active, as runc decides.

use super::model::{Filter, Rule};
use super::vocab::{capability, Arch, DOCKER_DEFAULT_CAPS};
use std::collections::BTreeSet;
use std::fmt;

/// A capability name runc does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::msg!("err-unknown-capability", cap = .0.as_str()))]
pub struct UnknownCapability(pub String);

/// A kernel version `major.minor[.patch]`, compared numerically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KernelVersion {
    /// Major.
    pub major: u32,
    /// Minor.
    pub minor: u32,
    /// Patch (0 when not given).
    pub patch: u32,
}

impl KernelVersion {
    /// Parses `5.8`, `6.1.0`, or a release string like `6.18.44-fc-v657`.
    pub fn parse(s: &str) -> Option<KernelVersion> {
        let mut parts = s.trim().splitn(3, '.');
        let major = parts.next()?.parse().ok()?;
        let minor_text = parts.next()?;
        let minor_digits: String = minor_text
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if minor_digits.is_empty()
            || (minor_digits.len() != minor_text.len() && parts.clone().next().is_some())
        {
            return None;
        }
        let minor = minor_digits.parse().ok()?;
        let patch = match parts.next() {
            Some(p) => {
                let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().unwrap_or(0)
            }
            None => 0,
        };
        Some(KernelVersion {
            major,
            minor,
            patch,
        })
    }

    /// The running kernel's version (`uname -r`), if it can be read.
    pub fn host() -> Option<KernelVersion> {
        let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").ok()?;
        KernelVersion::parse(&release)
    }
}

impl fmt::Display for KernelVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The program that turns the profile into a filter and loads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Runtime {
    /// runc (Docker, containerd, Kubernetes): libseccomp skips names it does not know, and
    /// runc puts its -ENOSYS stub before the filter.
    #[default]
    Runc,
    /// crun (podman): libseccomp skips names it does not know; no stub.
    Crun,
    /// A loader of seccompose's own filter (bwrap, systemd, a program's `seccomp()`): every
    /// name is compiled by the catalog's number, no stub.
    None,
}

impl Runtime {
    /// Every runtime, in the order the settings view cycles through them.
    pub const ALL: [Runtime; 3] = [Runtime::Runc, Runtime::Crun, Runtime::None];

    /// The name `--runtime` takes.
    pub fn name(self) -> &'static str {
        match self {
            Runtime::Runc => "runc",
            Runtime::Crun => "crun",
            Runtime::None => "none",
        }
    }

    /// The runtime named `runc`, `crun` or `none`.
    pub fn parse(name: &str) -> Option<Runtime> {
        Runtime::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether the runtime builds the filter with its own libseccomp (and so skips the names
    /// that libseccomp does not know).
    pub fn uses_libseccomp(self) -> bool {
        self != Runtime::None
    }
}

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A libseccomp version `major.minor.micro`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LibseccompVersion {
    /// Major.
    pub major: u32,
    /// Minor.
    pub minor: u32,
    /// Micro (0 when not given).
    pub micro: u32,
}

impl LibseccompVersion {
    /// Parses `2.5`, `2.5.4`.
    pub fn parse(s: &str) -> Option<LibseccompVersion> {
        let mut parts = s.trim().split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let micro = match parts.next() {
            Some(p) => p.parse().ok()?,
            None => 0,
        };
        parts.next().is_none().then_some(LibseccompVersion {
            major,
            minor,
            micro,
        })
    }

    /// The version of the libseccomp this program uses.
    pub fn host() -> LibseccompVersion {
        let v = libseccomp::ScmpVersion::current().ok();
        LibseccompVersion {
            major: v.as_ref().map_or(2, |v| v.major),
            minor: v.as_ref().map_or(5, |v| v.minor),
            micro: v.as_ref().map_or(0, |v| v.micro),
        }
    }
}

impl fmt::Display for LibseccompVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.micro)
    }
}

/// What a profile is evaluated against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The native architecture (its Go name is what `arches` match).
    pub arch: Arch,
    /// The capability set (`CAP_*` names).
    pub caps: BTreeSet<String>,
    /// The kernel version that `minKernel` is compared with.
    pub kernel: KernelVersion,
    /// The runtime that loads the profile.
    pub runtime: Runtime,
    /// The libseccomp that runtime builds the filter with.
    pub libseccomp: LibseccompVersion,
}

impl Default for Target {
    fn default() -> Self {
        Target::host()
    }
}

impl Target {
    /// This machine: native arch, Docker's default capabilities, the running kernel, runc with
    /// this machine's libseccomp.
    pub fn host() -> Target {
        Target {
            arch: Arch::native(),
            caps: DOCKER_DEFAULT_CAPS.iter().map(|c| c.to_string()).collect(),
            kernel: KernelVersion::host().unwrap_or(KernelVersion {
                major: 6,
                minor: 0,
                patch: 0,
            }),
            runtime: Runtime::Runc,
            libseccomp: LibseccompVersion::host(),
        }
    }

    /// This machine's target with another native architecture.
    pub fn host_as(arch: Arch) -> Target {
        Target {
            arch,
            ..Target::host()
        }
    }

    /// Adds a capability (`sys_admin` or `CAP_SYS_ADMIN`); Err names the unknown one.
    pub fn add_cap(&mut self, name: &str) -> Result<(), UnknownCapability> {
        let cap = capability(name).ok_or_else(|| UnknownCapability(name.to_string()))?;
        self.caps.insert(cap.to_string());
        Ok(())
    }

    /// Whether runc would apply the rule on this target.
    pub fn is_active(&self, rule: &Rule) -> bool {
        !rule
            .excludes
            .as_deref()
            .is_some_and(|f| self.excluded_by(f))
            && rule.includes.as_deref().is_none_or(|f| self.included_by(f))
    }

    fn kernel_at_least(&self, min: &str) -> bool {
        // runc treats an unparsable minKernel as an error; check reports it, and here it never matches.
        KernelVersion::parse(min).is_some_and(|v| {
            (self.kernel.major, self.kernel.minor) >= (v.major, v.minor) && self.kernel >= v
        })
    }

    fn excluded_by(&self, f: &Filter) -> bool {
        f.arches
            .as_ref()
            .is_some_and(|a| a.iter().any(|x| x == self.arch.go_name()))
            || f.caps
                .as_ref()
                .is_some_and(|c| c.iter().any(|x| self.caps.contains(x)))
            || f.min_kernel
                .as_ref()
                .is_some_and(|k| !k.is_empty() && self.kernel_at_least(k))
    }

    fn included_by(&self, f: &Filter) -> bool {
        f.arches
            .as_ref()
            .is_none_or(|a| a.is_empty() || a.iter().any(|x| x == self.arch.go_name()))
            && f.caps
                .as_ref()
                .is_none_or(|c| c.iter().all(|x| self.caps.contains(x)))
            && f.min_kernel
                .as_ref()
                .is_none_or(|k| k.is_empty() || self.kernel_at_least(k))
    }
}
