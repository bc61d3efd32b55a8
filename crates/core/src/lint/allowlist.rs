//! `incomplete-block` in an allowlist: a syscall the default action denies (it is simply not
//! listed) while a sibling that does the same job is listed. Docker's profile less mkdir,
//! chmod and chown stops nothing, because coreutils calls mkdirat, fchmodat and fchownat.

use super::finding::{Finding, Fix};
use super::holes::{is_obsolete, open_siblings, Gap};
use super::scope::{action_text, names, push_new, Scope};
use crate::catalog::{Catalog, Syscall, MULTIPLEXERS, STARTUP};
use crate::profile::Edit;
use crate::profile::LintId;
use crate::text;

/// ENOSYS: "no such call", the answer programs fall back from.
const ENOSYS: u64 = 38;

/// The largest native syscall number the active rules name. runc fails every syscall numbered
/// above it with ENOSYS (its stub for calls newer than the profile), unless the default action
/// allows: such a call is steered to an older sibling on purpose, not denied.
fn stub_floor(s: &Scope) -> Option<u32> {
    s.active_rules()
        .flat_map(|(_, r)| r.names())
        .filter_map(|n| Catalog.syscall(n)?.number(s.arch))
        .max()
}

/// Every syscall of the native architecture that the default action denies with something
/// other than ENOSYS, while a sibling doing the same job is allowed for every call. With
/// `meant`, only those syscalls, which the user just denied on purpose (an edit in the
/// editor): the intent is known, so a partial family counts too.
pub(super) fn default_gaps(s: &Scope, meant: Option<&[String]>, out: &mut Vec<Finding>) {
    let default = s.profile.default_action;
    let errno = s.profile.default_errno();
    if !default.blocks() || (default.takes_errno() && errno == ENOSYS) {
        return;
    }
    let floor = stub_floor(s);
    let syscalls: Vec<&'static Syscall> = match meant {
        Some(names) => names.iter().filter_map(|n| Catalog.syscall(n)).collect(),
        None => Catalog.syscalls().iter().collect(),
    };
    for syscall in syscalls {
        let effect = s.effects.of(syscall.name());
        // Named by a rule: the rule pass judges it. Siblings only some architectures have are
        // how those architectures do the job, so both must exist on the native one.
        if s.effects.decided_by(syscall.name()).is_some() || effect.conditional {
            continue;
        }
        let Some(number) = syscall.number(s.arch) else {
            continue;
        };
        if floor.is_some_and(|f| number > f) {
            continue;
        }
        if is_obsolete(syscall) || every_program_does(syscall) {
            continue;
        }
        let open: Vec<&'static Syscall> = open_siblings(s, syscall, true)
            .into_iter()
            .filter(|sib| s.on_native(sib) && !s.effects.of(sib.name()).conditional)
            .collect();
        if open.is_empty() || !(meant.is_some() || odd_one_out(s, syscall, &open)) {
            continue;
        }
        let mut gap = Gap::default();
        gap.add(syscall, &open);
        out.push(finding(s, &gap));
    }
}

/// Whether the syscall does a job every program does (start, map its libraries, exit: the
/// catalog's startup calls, and execve): an allowlist must allow one form of it, and leaving
/// the other forms out cannot be meant to stop the job.
fn every_program_does(syscall: &Syscall) -> bool {
    let startup = |name: &str| name == "execve" || STARTUP.iter().any(|job| job.contains(&name));
    startup(syscall.name())
        || syscall
            .families()
            .any(|f| f.members().any(|m| startup(m.name())))
}

/// Whether the profile allows every other form of one of the syscall's jobs that the native
/// architecture has: then leaving it out is an inconsistency (meant to stop the job, which it
/// does not, or forgotten). A short allowlist that lists only the forms a program uses (one
/// recorded from a run) leaves several forms out of most families, and that is its point.
fn odd_one_out(s: &Scope, syscall: &Syscall, open: &[&'static Syscall]) -> bool {
    // 32-bit twins are not on the native architecture; a call named like one that is (dup2
    // beside dup) counts as a form of the job.
    syscall.families().any(|family| {
        let others: Vec<&Syscall> = family
            .members()
            .filter(|m| m.name() != syscall.name() && s.on_native(m))
            .filter(|m| !MULTIPLEXERS.iter().any(|(x, _)| *x == m.name()))
            .filter(|m| !is_obsolete(m))
            .collect();
        !others.is_empty()
            && others
                .iter()
                .all(|m| open.iter().any(|o| o.name() == m.name()))
    })
}

/// The finding for one denied syscall, placed at the first rule that allows a sibling.
fn finding(s: &Scope, gap: &Gap) -> Finding {
    let default = s.profile.default_action;
    let name = gap.blocked[0];
    let mut rules: Vec<usize> = Vec::new();
    for n in &gap.allowed {
        if let Some(i) = s.effects.decided_by(n) {
            push_new(&mut rules, i);
        }
    }
    let places: Vec<String> = rules.iter().map(|&i| s.rule_at(i)).collect();
    let paths: Vec<String> = rules.iter().map(|i| format!("syscalls[{i}]")).collect();
    let count = gap.allowed.len();
    let siblings = names(&gap.allowed);
    let message = text!(
        "lint-default-gap",
        name = name,
        action = action_text(default, s.profile.default_errno()),
        siblings = siblings.clone(),
        n = count,
        families = names(&gap.families),
        families_n = gap.families.len(),
        places = names(&places),
    );
    let help = text!(
        "lint-default-gap-help",
        siblings = siblings.clone(),
        n = count,
        paths = names(&paths),
        name = name,
    );
    let label = text!(
        "lint-fix-default-gap",
        siblings = siblings,
        n = count,
        paths = names(&paths),
        name = name,
    );
    // Back to the default action: the names leave the rules that allow them, nothing is added.
    let fix = Fix::new(
        label,
        Edit::SetAction {
            names: gap.allowed.iter().map(|n| n.to_string()).collect(),
            action: None,
            errno: None,
        },
    );
    let named = [&gap.blocked[..], &gap.allowed[..]].concat();
    let mut found = Finding::new(
        LintId::IncompleteBlock,
        crate::profile::Severity::Warning,
        message,
        help,
    )
    .naming(&named)
    .fixed_by(fix);
    if let Some(&first) = rules.first() {
        found = found.at_rule(first, &s.profile.rules()[first]);
    }
    found
}
