//! Argument conditions that cannot work as written: on pointers (the filter sees the address,
//! never the data), on arguments the syscall does not have, and several on one argument (runc
//! ORs those where a reader expects AND).

use super::finding::Finding;
use super::scope::{list, rule_syscalls, Scope};
use crate::catalog::{arg_name, Syscall};
use crate::profile::LintId;
use crate::profile::{repeated_arguments, ArgCond, Op, Rule, Severity};

/// `pointer-argument`, `missing-argument` and `repeated-argument`, for the active rules (the
/// catalog's signatures are the common ones; an inactive rule may be for an architecture that
/// orders arguments differently, as s390x does clone's).
pub(super) fn conditions(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.active_rules() {
        let syscalls = rule_syscalls(rule);
        for (at, cond) in rule.conditions().iter().enumerate() {
            let path = format!("syscalls[{index}].args[{at}]");
            let found = [
                pointer(&path, cond, &syscalls),
                missing(&path, cond, &syscalls),
            ];
            out.extend(found.into_iter().flatten().map(|f| f.at_rule(index, rule)));
        }
        out.extend(repeated(index, rule, &syscalls));
    }
}

/// `pointer-argument`: the condition compares a pointer argument of some of the syscalls.
fn pointer(path: &str, cond: &ArgCond, syscalls: &[&'static Syscall]) -> Option<Finding> {
    // Comparing a pointer with 0 asks whether it is NULL, which a filter can answer.
    if matches!(cond.op, Op::Eq | Op::Ne) && cond.value == 0 {
        return None;
    }
    let at = cond.index as usize;
    let hit: Vec<&Syscall> = syscalls
        .iter()
        .copied()
        .filter(|sc| sc.args.get(at).is_some_and(|a| a.pointer))
        .collect();
    let arg = &hit.first()?.args[at];
    let hit: Vec<&str> = hit.iter().map(|sc| sc.name).collect();
    let message = format!(
        "{path} compares argument {} of {} ({}: {}), a pointer: the filter sees only the address, never the data it points to",
        cond.index,
        list(&hit),
        arg.name,
        arg.ty
    );
    let help = "seccomp cannot filter by path or by any pointed-to data; drop the condition and restrict paths with Landlock, AppArmor/SELinux or mounts";
    Some(Finding::new(LintId::PointerArgument, Severity::Warning, message, help).naming(&hit))
}

/// `missing-argument`: the condition tests an argument some of the syscalls do not take.
fn missing(path: &str, cond: &ArgCond, syscalls: &[&'static Syscall]) -> Option<Finding> {
    let short: Vec<&Syscall> = syscalls
        .iter()
        .copied()
        .filter(|sc| cond.index as usize >= sc.args.len())
        .collect();
    let first = short.first()?;
    let described: Vec<String> = short
        .iter()
        .map(|sc| match sc.args.len() {
            0 => format!("{} takes no arguments", sc.name),
            n => format!("{} takes {n}", sc.name),
        })
        .collect();
    let message = format!(
        "{path} tests argument {} (counting from 0), but {}: the register holds whatever the caller left there",
        cond.index,
        list(&described)
    );
    let help = format!(
        "check the index against the signature (seccompose man {})",
        first.name
    );
    let names: Vec<&str> = short.iter().map(|sc| sc.name).collect();
    Some(Finding::new(LintId::MissingArgument, Severity::Warning, message, help).naming(&names))
}

/// `repeated-argument`: several conditions on one argument index, which runc ORs.
fn repeated(index: usize, rule: &Rule, syscalls: &[&'static Syscall]) -> Option<Finding> {
    let twice = repeated_arguments(rule.conditions());
    if twice.is_empty() {
        return None;
    }
    let args: Vec<String> = twice
        .iter()
        .map(|&i| format!("argument {i} ({})", arg_name(syscalls.first().copied(), i)))
        .collect();
    let message = format!(
        "syscalls[{index}] has several conditions on {}; runc makes each of them a rule of its own, so they OR (any one holding is enough) instead of AND",
        list(&args)
    );
    let help = "to require all, fold them into one SCMP_CMP_MASKED_EQ or split the range across rules; if OR is meant, write one rule per condition";
    let names: Vec<&str> = syscalls.iter().map(|sc| sc.name).collect();
    Some(
        Finding::new(LintId::RepeatedArgument, Severity::Warning, message, help)
            .at_rule(index, rule)
            .naming(&names),
    )
}
