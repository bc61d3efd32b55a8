//! Syscalls that none of the filter's architectures has: runc skips them, so a rule about them
//! does nothing (often the call has another name there, as open is openat on aarch64).

use super::check;
use super::finding::{Finding, Fix};
use super::scope::{names, unique_names, Scope};
use crate::catalog::Catalog;
use crate::profile::LintId;
use crate::profile::{arch_never_matches, Arch, Edit, Filter, Severity};
use crate::text;

/// `not-on-arch`, a note: portable profiles name calls of other architectures on purpose, and a
/// block that misses because of it is reported as `incomplete-block`.
pub(super) fn not_on_arch(s: &Scope, out: &mut Vec<Finding>) {
    let arches: Vec<String> = s.arches.iter().map(|a| a.to_string()).collect();
    for (index, rule) in s.active_rules() {
        let absent: Vec<&str> = unique_names(rule)
            .into_iter()
            .filter(|n| Catalog.syscall(n).is_some_and(|sc| !s.exists(sc)))
            .collect();
        if absent.is_empty() {
            continue;
        }
        let message = text!(
            "lint-not-on-arch",
            path = format!("syscalls[{index}]"),
            names = names(&absent),
            n = absent.len(),
            arches = arches.join(", "),
        );
        let help = text!("lint-not-on-arch-help");
        out.push(
            Finding::new(LintId::NotOnArch, Severity::Note, message, help)
                .at_rule(index, rule)
                .naming(&absent),
        );
    }
}

/// `arch-never-matches`: an `includes`/`excludes` architecture that is not a Go name, so runc
/// never matches it (`x86` where runc compares `386`); the fix writes the Go name. `check`
/// reports the same from the file with the string's own position, which `lint_parsed` keeps.
pub(super) fn go_names(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.profile.rules().iter().enumerate() {
        let filters = [("includes", &rule.includes), ("excludes", &rule.excludes)];
        let mut problems = Vec::new();
        for (key, filter) in filters {
            let arches = filter.as_ref().and_then(|f| f.arches.as_ref());
            for (i, name) in arches.into_iter().flatten().enumerate() {
                let path = format!("syscalls[{index}].{key}.arches[{i}]");
                problems.extend(arch_never_matches(name, &path).map(|t| t.english()));
            }
        }
        if problems.is_empty() {
            continue;
        }
        let mut fixed = rule.clone();
        let renamed = [fixed.includes.as_deref_mut(), fixed.excludes.as_deref_mut()]
            .into_iter()
            .flatten()
            .map(go_named)
            .fold(false, |a, b| a | b);
        for problem in problems {
            let (message, help) = (check::message(&problem), text!("lint-help-go-names"));
            let mut found =
                Finding::new(LintId::ArchNeverMatches, Severity::Warning, message, help)
                    .at_rule(index, rule)
                    .naming(rule.names());
            if renamed {
                found = found.fixed_by(Fix::new(
                    text!("lint-fix-go-names", path = format!("syscalls[{index}]")),
                    Edit::ReplaceRule(index, fixed.clone()),
                ));
            }
            out.push(found);
        }
    }
}

/// Rewrites a filter's architectures that name a known architecture another way as Go
/// names; true when something changed.
fn go_named(filter: &mut Filter) -> bool {
    let mut changed = false;
    for name in filter.arches.iter_mut().flatten() {
        if Arch::from_go_name(name).is_some() {
            continue;
        }
        if let Some(arch) = Arch::parse(name) {
            *name = arch.go_name().to_string();
            changed = true;
        }
    }
    changed
}
