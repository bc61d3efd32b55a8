//! "What happens when this process calls X with these arguments?": the filter's answer,
//! the instructions it took, and the profile rule behind it.

use super::{ret_action, rules::Plan, Compiled};
use crate::bpf::{self, Program, RetAction, SeccompData};
use crate::catalog::Catalog;
use crate::profile::Arch;

/// The answer for one call.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The ABI of the call.
    pub arch: Arch,
    /// Its number on that ABI.
    pub nr: u32,
    /// What the filter returns.
    pub action: RetAction,
    /// Indices of the instructions executed, in order.
    pub path: Vec<usize>,
    /// The profile rule that decided (index in `syscalls`), or None for the default action
    /// (or the bad-architecture action, when the filter does not cover the ABI).
    pub rule: Option<usize>,
    /// Whether the filter has a section for the call's ABI; when not, the bad-architecture
    /// action decides.
    pub covered: bool,
}

impl Explanation {
    /// Whether the call executed instruction `index` (classic BPF only jumps forward, so the
    /// path is sorted).
    pub fn visits(&self, index: usize) -> bool {
        self.path.binary_search(&index).is_ok()
    }

    /// The last instruction before the return: the test that sent the call there.
    pub fn decision(&self) -> Option<usize> {
        let before_return = self.path.len().checked_sub(2)?;
        self.path.get(before_return).copied()
    }
}

/// Why a call cannot be explained.
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    /// The catalog has no such name.
    #[error("unknown syscall \"{0}\"{1}")]
    UnknownSyscall(String, String),
    /// The architecture has no such call.
    #[error("{0} does not exist on {1}")]
    NotOnArch(String, Arch),
    /// The compiled program could not be read.
    #[error("{0}")]
    Program(#[from] bpf::BpfError),
}

/// The first planned rule naming `name` whose conditions hold for `args` and whose action is
/// the one the filter returned; None when the default action decided.
pub fn deciding_rule(plan: &Plan, name: &str, args: &[u64; 6], action: RetAction) -> Option<usize> {
    plan.rules
        .iter()
        .filter(|r| r.names.iter().any(|n| n == name))
        .filter(|r| ret_action(r.action, r.errno) == action)
        .find(|r| {
            r.alternatives
                .iter()
                .any(|alt| alt.iter().all(|c| c.matches(args[c.index as usize])))
        })
        .map(|r| r.index)
}

/// Runs the compiled filter on `name(args)` as made in the ABI `arch` (which need not be the
/// host's: a 32-bit process on an x86_64 host meets the x86_64 host's filter).
pub fn explain(
    compiled: &Compiled,
    plan: &Plan,
    arch: Arch,
    name: &str,
    args: [u64; 6],
) -> Result<Explanation, ExplainError> {
    let syscall = Catalog.syscall(name).ok_or_else(|| {
        let hint = Catalog
            .suggest(name)
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        ExplainError::UnknownSyscall(name.to_string(), hint)
    })?;
    let nr = syscall
        .number(arch)
        .ok_or_else(|| ExplainError::NotOnArch(name.to_string(), arch))?;
    let program = Program::from_bytes(&compiled.bpf)?;
    let outcome = bpf::emulate(&program, &SeccompData::new(arch, nr, args));
    let covered = compiled.arches.contains(&arch);
    let rule = covered
        .then(|| deciding_rule(plan, name, &args, outcome.action))
        .flatten();
    Ok(Explanation {
        arch,
        nr,
        action: outcome.action,
        path: outcome.path,
        rule,
        covered,
    })
}
