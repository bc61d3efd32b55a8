//! What runc makes of a profile beyond single fields: which architectures its filter covers,
//! how argument conditions group, and the rule-level warnings that need only the profile
//! itself (`check` reports them while loading, and lint for any profile, edited or not).

use super::diag::Diagnostic;
use super::model::{ArgCond, Profile};
use super::target::Target;
use super::vocab::{Arch, RuncErrno, LIBSECCOMP_MAX_ERRNO};
use super::LintId;
use crate::i18n::Text;
use crate::text;

/// Warnings about rules Docker accepts but that are probably mistakes, each tagged with its code
/// and paired with the index of its rule.
pub fn rule_warnings(p: &Profile) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (i, rule) in p.rules().iter().enumerate() {
        let pos = rule.pos.unwrap_or_default();
        let path = format!("syscalls[{i}]");
        let mut warn = |code, message: Text| {
            out.push((i, Diagnostic::warning(pos, message).with_code(code)));
        };
        if rule.errno_ret.is_some() && !rule.action.takes_errno() {
            warn(
                LintId::ErrnoIgnored,
                text!(
                    "load-errno-ignored",
                    path = &path,
                    action = rule.action.to_string()
                ),
            );
        }
        if p.rule_has_default_action(rule) {
            warn(
                LintId::DefaultActionRule,
                text!(
                    "load-default-action-rule",
                    path = &path,
                    action = rule.action.to_string()
                ),
            );
        }
        if rule.names().is_empty() {
            warn(LintId::EmptyRule, text!("load-empty-rule", path = &path));
        }
    }
    out
}

/// runc: when any argument index appears twice, every condition becomes a rule of its own (OR);
/// otherwise all conditions AND in one rule.
pub fn alternatives(conds: &[ArgCond]) -> Vec<Vec<ArgCond>> {
    let repeated = conds
        .iter()
        .enumerate()
        .any(|(i, c)| conds[..i].iter().any(|d| d.index == c.index));
    if repeated {
        conds.iter().map(|c| vec![c.clone()]).collect()
    } else {
        vec![conds.to_vec()]
    }
}

/// The target's native architecture first, then `architectures`, or the `archMap` entry for the
/// native architecture with its sub-architectures (libseccomp filters always include native).
pub fn filter_arches(profile: &Profile, target: &Target) -> Vec<Arch> {
    let mut out = vec![target.arch];
    for a in listed_arches(profile, target) {
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// The architectures the runtime is handed, as Docker resolves them: `architectures`, or the
/// `archMap` entry of the target's architecture with its sub-architectures (runc's -ENOSYS
/// stub covers these and no others; the native one is in the filter even when not listed).
pub fn listed_arches(profile: &Profile, target: &Target) -> Vec<Arch> {
    let mut out = Vec::new();
    let mut add = |a: Arch| {
        if !out.contains(&a) {
            out.push(a);
        }
    };
    if let Some(list) = &profile.architectures {
        list.iter().copied().for_each(&mut add);
    } else if let Some(map) = &profile.arch_map {
        for entry in map.iter().filter(|e| e.architecture == target.arch) {
            add(entry.architecture);
            entry
                .sub_architectures
                .iter()
                .flatten()
                .copied()
                .for_each(&mut add);
        }
    }
    out
}

/// The warning for an `includes`/`excludes` architecture at `path` that runc never matches
/// (it compares Go names such as `amd64`), or None for a Go name.
pub fn arch_never_matches(name: &str, path: &str) -> Option<Text> {
    if Arch::from_go_name(name).is_some() {
        return None;
    }
    Some(match Arch::parse(name) {
        Some(a) => text!(
            "load-arch-never-matches-write",
            name = name,
            path = path,
            go = a.go_name()
        ),
        None => {
            let names: Vec<&str> = Arch::all().take(6).map(Arch::go_name).collect();
            text!(
                "load-arch-never-matches",
                name = name,
                path = path,
                names = names.join(", ")
            )
        }
    })
}

/// What runc will do with the errno `value` of the field `what` when it is unusual (`runc`
/// is runc's reading of it): it wraps to its low 16 bits, or libseccomp refuses it.
pub fn errno_problem(runc: RuncErrno, what: &str, value: u64) -> Option<Text> {
    let wrap = match runc.data {
        0 => text!("load-errno-wraps-to-zero"),
        data => text!("load-errno-wraps-to", data = data.to_string()),
    };
    let (what, value, max) = (what, value.to_string(), LIBSECCOMP_MAX_ERRNO.to_string());
    match (runc.refused, runc.wrapped) {
        (true, true) => Some(text!(
            "load-errno-wrapped-and-refused",
            what = what,
            value = value,
            wrap = wrap,
            max = max
        )),
        (true, false) => Some(text!(
            "load-errno-refused",
            what = what,
            value = value,
            max = max
        )),
        (false, true) => Some(text!(
            "load-errno-wrapped",
            what = what,
            value = value,
            wrap = wrap
        )),
        (false, false) => None,
    }
}
