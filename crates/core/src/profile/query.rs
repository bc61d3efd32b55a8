//! The per-syscall view: which rules decide a syscall, and what it gets.

use super::model::{rule_errno, Profile, Rule};
use super::target::Target;
use super::vocab::Action;

/// A rule that mentions a syscall.
#[derive(Debug, Clone, Copy)]
pub struct RuleRef<'p> {
    /// Its index in `syscalls`.
    pub index: usize,
    /// The rule.
    pub rule: &'p Rule,
    /// Whether its `includes`/`excludes` let it apply on the target.
    pub active: bool,
}

/// What applies to one syscall on a target.
#[derive(Debug, Clone)]
pub struct SyscallView<'p> {
    /// The action when no argument condition matches: an active unconditional rule's, else the default.
    pub action: Action,
    /// The errno of that action (for ERRNO and TRACE).
    pub errno: u64,
    /// Whether no active rule without conditions names the syscall, so the default applies.
    pub from_default: bool,
    /// Whether some active rule decides by argument values.
    pub conditional: bool,
    /// The index of the rule whose action applies; None when the default action does.
    pub decided_by: Option<usize>,
    /// Every rule naming the syscall, in profile order.
    pub rules: Vec<RuleRef<'p>>,
}

/// Every rule that names `name`, with whether it is active on `target`.
pub fn rules_for<'p>(p: &'p Profile, name: &str, target: &Target) -> Vec<RuleRef<'p>> {
    p.rules()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.names().iter().any(|n| n == name))
        .map(|(index, rule)| RuleRef {
            index,
            rule,
            active: target.is_active(rule),
        })
        .collect()
}

/// What the profile does with `name` on `target`.
pub fn view<'p>(p: &'p Profile, name: &str, target: &Target) -> SyscallView<'p> {
    decide(p, rules_for(p, name, target))
}

/// The view of a syscall from the rules that name it (as [`rules_for`] lists them).
pub(crate) fn decide<'p>(p: &'p Profile, rules: Vec<RuleRef<'p>>) -> SyscallView<'p> {
    let counts = |r: &&RuleRef| r.active && !p.rule_has_default_action(r.rule);
    let unconditional = rules
        .iter()
        .filter(counts)
        .find(|r| r.rule.conditions().is_empty());
    let conditional = rules
        .iter()
        .filter(counts)
        .any(|r| !r.rule.conditions().is_empty());
    match unconditional {
        Some(r) => SyscallView {
            action: r.rule.action,
            errno: rule_errno(r.rule),
            from_default: false,
            conditional,
            decided_by: Some(r.index),
            rules,
        },
        None => SyscallView {
            action: p.default_action,
            errno: p.default_errno(),
            from_default: true,
            conditional,
            decided_by: None,
            rules,
        },
    }
}
