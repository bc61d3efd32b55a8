//! Argument conditions that cannot work as written: on pointers (the filter sees the address,
//! never the data), on arguments the syscall does not have, and several on one argument (runc
//! ORs those where a reader expects AND).

use super::finding::Finding;
use super::scope::{names, rule_syscalls, texts, Scope};
use crate::catalog::{arg_name, Syscall};
use crate::i18n::Text;
use crate::profile::LintId;
use crate::profile::{repeated_arguments, ArgCond, Op, Rule, Severity};
use crate::text;

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
        .filter(|sc| sc.args().get(at).is_some_and(|a| a.pointer))
        .collect();
    let arg = &hit.first()?.args()[at];
    let hit: Vec<&str> = hit.iter().map(|sc| sc.name()).collect();
    let message = text!(
        "lint-pointer-argument",
        path = path,
        index = cond.index.to_string(),
        names = names(&hit),
        arg = arg.name(),
        ty = arg.ty(),
    );
    let help = text!("lint-pointer-argument-help");
    Some(Finding::new(LintId::PointerArgument, Severity::Warning, message, help).naming(&hit))
}

/// `missing-argument`: the condition tests an argument some of the syscalls do not take.
fn missing(path: &str, cond: &ArgCond, syscalls: &[&'static Syscall]) -> Option<Finding> {
    let short: Vec<&Syscall> = syscalls
        .iter()
        .copied()
        .filter(|sc| cond.index as usize >= sc.args().len())
        .collect();
    let first = short.first()?;
    let described: Vec<Text> = short
        .iter()
        .map(|sc| {
            text!(
                "lint-takes-arguments",
                name = sc.name(),
                n = sc.args().len()
            )
        })
        .collect();
    let message = text!(
        "lint-missing-argument",
        path = path,
        index = cond.index.to_string(),
        takes = texts(described),
    );
    let help = text!("lint-missing-argument-help", name = first.name());
    let short: Vec<&str> = short.iter().map(|sc| sc.name()).collect();
    Some(Finding::new(LintId::MissingArgument, Severity::Warning, message, help).naming(&short))
}

/// `repeated-argument`: several conditions on one argument index, which runc ORs.
fn repeated(index: usize, rule: &Rule, syscalls: &[&'static Syscall]) -> Option<Finding> {
    let twice = repeated_arguments(rule.conditions());
    if twice.is_empty() {
        return None;
    }
    let args: Vec<Text> = twice
        .iter()
        .map(|&i| {
            let name = arg_name(syscalls.first().copied(), i);
            text!("lint-argument-named", index = i.to_string(), name = name)
        })
        .collect();
    let message = text!(
        "lint-repeated-argument",
        path = format!("syscalls[{index}]"),
        args = texts(args),
    );
    let help = text!("lint-repeated-argument-help");
    let named: Vec<&str> = syscalls.iter().map(|sc| sc.name()).collect();
    Some(
        Finding::new(LintId::RepeatedArgument, Severity::Warning, message, help)
            .at_rule(index, rule)
            .naming(&named),
    )
}
