//! What the target runtime does beyond the profile: names its libseccomp cannot resolve (runc
//! and crun skip them) and runc's -ENOSYS stub for syscalls newer than the profile.

use super::finding::Finding;
use super::scope::{list, them, unique_names, Scope};
use crate::catalog::Catalog;
use crate::compile::{self, known_since, target_knows};
use crate::profile::{Runtime, Severity, Target};

/// `runtime-unknown-name`: a rule names a syscall the target runtime's libseccomp cannot
/// resolve, so the runtime skips it and the rule does not apply to it.
pub(super) fn unknown_names(s: &Scope, target: &Target, out: &mut Vec<Finding>) {
    if !target.runtime.uses_libseccomp() {
        return;
    }
    for (index, rule) in s.active_rules() {
        let skipped: Vec<&str> = unique_names(rule)
            .into_iter()
            .filter(|n| Catalog.syscall(n).is_some() && !target_knows(n, target))
            .collect();
        if skipped.is_empty() {
            continue;
        }
        let newer: Vec<String> = skipped
            .iter()
            .filter_map(|n| known_since(n).map(|v| format!("{n} from {v}")))
            .collect();
        let known = if newer.is_empty() {
            String::new()
        } else {
            format!(" (libseccomp knows {})", list(&newer))
        };
        let message = format!(
            "syscalls[{index}] names {}, which {}'s libseccomp {} cannot resolve{known}: {} skips {}, so the rule does not apply to {}",
            list(&skipped),
            target.runtime,
            target.libseccomp,
            target.runtime,
            them(skipped.len()),
            them(skipped.len()),
        );
        let help = "run the profile where the runtime's libseccomp is new enough, or judge it for that host with --libseccomp X.Y.Z";
        out.push(
            Finding::new("runtime-unknown-name", Severity::Warning, message, help)
                .at_rule(index, rule)
                .naming(&skipped),
        );
    }
}

/// `enosys-stub`, a note once per profile: from which number on runc answers new syscalls
/// with ENOSYS, per architecture.
pub(super) fn enosys_stub(
    profile: &crate::profile::Profile,
    target: &Target,
    out: &mut Vec<Finding>,
) {
    if target.runtime != Runtime::Runc || !compile::stub_applies(profile, target) {
        return;
    }
    let limits = compile::limits(profile, target);
    if limits.is_empty() {
        return;
    }
    let each: Vec<String> = limits
        .iter()
        .map(|l| {
            format!(
                "from {} on {} (above {}, {})",
                l.nr + 1,
                l.arch,
                l.name,
                l.nr
            )
        })
        .collect();
    let message = format!(
        "under runc, syscalls newer than the profile's newest name get ENOSYS from runc's stub, not the default action: {}",
        list(&each)
    );
    let help = "programs fall back from ENOSYS; name a newer call in the profile to move the limit";
    out.push(Finding::new("enosys-stub", Severity::Note, message, help));
}
