//! "What happens when this process calls X with these arguments?": the filter's answer,
//! the instructions it took, and the profile rule behind it.

use super::{ret_action, rules::Plan, Compiled, Limit, Skipped};
use crate::bpf::{self, Program, RetAction, SeccompData};
use crate::catalog::Catalog;
use crate::i18n::Text;
use crate::profile::Arch;
use crate::text;

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
    /// runc's -ENOSYS stub decided, and this is its limit for the call's ABI (None with the
    /// limit: syscall 0 of s390, its multiplexer).
    pub stub: Option<Option<Limit>>,
    /// Rules naming the call that the runtime skipped (its libseccomp cannot resolve the name).
    pub skipped: Vec<Skipped>,
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

/// Why a call cannot be explained (in the current language).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExplainError {
    /// The catalog has no such name (and the closest one it has, if any).
    #[error("{}", unknown_syscall(.0, .1.as_deref()))]
    UnknownSyscall(String, Option<String>),
    /// The architecture has no such call.
    #[error("{}", crate::msg!("cli-explain-not-on-arch", name = .0.as_str(), arch = .1.to_string()))]
    NotOnArch(String, Arch),
    /// The compiled program could not be read.
    #[error("{0}")]
    Program(#[from] bpf::BpfError),
    /// A typed call does not read.
    #[error(transparent)]
    Call(#[from] crate::catalog::CallError),
}

/// `unknown syscall "NAME"`, with the closest name when there is one.
fn unknown_syscall(name: &str, hint: Option<&str>) -> String {
    match hint {
        Some(hint) => crate::msg!("cli-unknown-syscall-hint", name = name, hint = hint),
        None => crate::msg!("cli-unknown-syscall", name = name),
    }
}

/// The catalog's syscall of this name, or an error naming the closest one.
pub fn known_syscall(name: &str) -> Result<&'static crate::catalog::Syscall, ExplainError> {
    Catalog.syscall(name).ok_or_else(|| {
        let hint = Catalog.suggest(name).map(str::to_string);
        ExplainError::UnknownSyscall(name.to_string(), hint)
    })
}

/// The first planned rule naming `name` whose conditions hold for `args` and whose action is
/// the one the filter returned; None when the default action decided.
pub fn deciding_rule(plan: &Plan, name: &str, args: &[u64; 6], action: RetAction) -> Option<usize> {
    rule_deciding(plan, name, args, action, false)
}

/// The rule behind what the filter returned, each comparison made as libseccomp's code makes
/// it: MASKED_EQ's datum under the mask, and only low words when `narrow` (32-bit ABIs, x32).
fn rule_deciding(
    plan: &Plan,
    name: &str,
    args: &[u64; 6],
    action: RetAction,
    narrow: bool,
) -> Option<usize> {
    const LOW: u64 = 0xFFFF_FFFF;
    let holds = |c: &crate::profile::ArgCond| {
        let mut c = c.clone();
        let mut arg = args[c.index as usize];
        // libseccomp's MASKED_EQ compares the datum under the mask too.
        if c.op == crate::profile::Op::MaskedEq {
            c.value_two = Some(c.value_two.unwrap_or(0) & c.value);
        }
        if narrow {
            c.value &= LOW;
            c.value_two = c.value_two.map(|v| v & LOW);
            arg &= LOW;
        }
        c.matches(arg)
    };
    plan.rules
        .iter()
        .filter(|r| r.names.iter().any(|n| n == name))
        .filter(|r| ret_action(r.action, r.errno) == action)
        .find(|r| r.alternatives.iter().any(|alt| alt.iter().all(holds)))
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
    let syscall = known_syscall(name)?;
    let nr = syscall
        .number(arch)
        .ok_or_else(|| ExplainError::NotOnArch(name.to_string(), arch))?;
    explain_nr(compiled, plan, arch, nr, args)
}

/// [`explain`] for a syscall number, named or not, as the catalog numbers it (x32 with its
/// bit).
pub fn explain_nr(
    compiled: &Compiled,
    plan: &Plan,
    arch: Arch,
    nr: u32,
    args: [u64; 6],
) -> Result<Explanation, ExplainError> {
    let program = Program::from_bytes(&compiled.bpf)?;
    let outcome = bpf::emulate(&program, &SeccompData::new(arch, nr, args));
    let covered = compiled.arches.contains(&arch);
    let by_stub = outcome
        .path
        .last()
        .is_some_and(|at| compiled.stub.range.contains(at));
    let name = Catalog
        .syscalls()
        .iter()
        .find(|s| s.number(arch) == Some(nr))
        .map(|s| s.name());
    // libseccomp compares only low words on 32-bit ABIs and x32.
    let narrow = arch.audit_token() & 0x8000_0000 == 0 || arch == Arch::X32;
    let rule = (covered && !by_stub)
        .then(|| name.and_then(|n| rule_deciding(plan, n, &args, outcome.action, narrow)))
        .flatten();
    let skipped = name
        .map(|n| {
            plan.skipped
                .iter()
                .filter(|s| s.name == n)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    Ok(Explanation {
        arch,
        nr,
        action: outcome.action,
        path: outcome.path,
        rule,
        covered,
        stub: by_stub.then(|| compiled.stub.limit(arch).cloned()),
        skipped,
    })
}

impl Explanation {
    /// What decided, in one line for people: the stub, a rule (`rule` renders its place),
    /// the bad-architecture action or the default (`default` names it).
    pub fn decided_by(&self, rule: impl Fn(usize) -> String, default: &str) -> Text {
        if let Some(limit) = &self.stub {
            return match limit {
                Some(l) => text!(
                    "cli-explain-stub",
                    nr = (self.nr & !0x4000_0000).to_string(),
                    limit = l.nr.to_string(),
                    name = l.name.as_str(),
                    arch = l.arch.to_string()
                ),
                None => text!(
                    "cli-explain-stub-multiplexer",
                    nr = self.nr.to_string(),
                    arch = self.arch.to_string()
                ),
            };
        }
        match self.rule {
            Some(i) => text!("cli-explain-rule", rule = rule(i)),
            None if !self.covered => {
                text!("cli-explain-bad-arch", arch = self.arch.to_string())
            }
            None => text!("cli-explain-default", action = default),
        }
    }
}
