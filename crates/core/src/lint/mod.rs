//! Lint: findings about a profile that is valid but probably does not do what its author meant
//! (holes left by sibling syscalls, dangerous allows, rules that never apply, conditions BPF
//! cannot evaluate). A superset of `check`: its diagnostics come along with ids and hints.

mod abi;
mod actions;
mod after_deny;
mod allowlist;
mod arches;
mod check;
mod conditions;
mod finding;
mod fix;
mod holes;
mod overlap;
mod rules;
mod runtime;
mod sarif;
mod scope;
mod startup;
#[cfg(test)]
mod tests;

pub use crate::profile::{LintId, UnknownLintId};
pub use after_deny::{open_siblings, siblings_left_open, OpenSibling, SiblingsLeftOpen};
pub use finding::{fails, Finding, Fix};
pub use fix::{fix_all, Applied};
pub use rules::{add_translation, too_long, translation};
pub use sarif::sarif;
pub use scope::list;

use crate::profile::{rule_warnings, Parsed, Profile, Target};
use crate::text;
use scope::Scope;

/// Every finding about a profile on one target, in source order.
pub fn lint(profile: &Profile, target: &Target) -> Vec<Finding> {
    let scope = Scope::new(profile, target);
    let rules = profile.rules();
    let mut out: Vec<Finding> = rule_warnings(profile)
        .iter()
        .map(|(i, d)| check::finding(d, Some((*i, &rules[*i]))))
        .collect();
    holes::incomplete_blocks(&scope, &mut out);
    allowlist::default_gaps(&scope, None, &mut out);
    holes::dangerous_allows(&scope, &mut out);
    holes::filters_nothing(&scope, &mut out);
    holes::exec_blocked(&scope, &mut out);
    overlap::overlapping_rules(&scope, &mut out);
    conditions::conditions(&scope, &mut out);
    actions::actions(&scope, &mut out);
    arches::not_on_arch(&scope, &mut out);
    arches::go_names(&scope, &mut out);
    abi::twins(&scope, &mut out);
    abi::multiplexers(&scope, &mut out);
    abi::high_bits(&scope, &mut out);
    abi::sign_extension(&scope, &mut out);
    startup::startup(&scope, &mut out);
    startup::default_kill(&scope, &mut out);
    startup::clone3(&scope, &mut out);
    runtime::unknown_names(&scope, target, &mut out);
    runtime::enosys_stub(profile, target, &mut out);
    finding::sort(&mut out);
    out
}

/// The findings for a loaded file on each target: `check`'s diagnostics (all of them when the
/// profile has errors) and, for a valid profile, [`lint`]'s, each reported once.
pub fn lint_parsed(parsed: &Parsed, targets: &[Target]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    if let Some(profile) = &parsed.profile {
        let each: Vec<Vec<Finding>> = targets.iter().map(|t| lint(profile, t)).collect();
        for (target, findings) in targets.iter().zip(&each) {
            for mut f in findings.iter().cloned() {
                // A finding some targets lack says which architecture it is about.
                if !each.iter().all(|other| other.contains(&f)) {
                    let arch = target.arch.to_string();
                    f.message = text!("lint-on-arch", message = f.message, arch = arch);
                }
                out.push(f);
            }
        }
    }
    let rules = parsed.profile.as_ref().map_or(&[][..], Profile::rules);
    for d in &parsed.diagnostics {
        // lint() recomputes the rule-level warnings, so those are already in `out`; some it
        // places at their rule, where the file knows the exact spot.
        let message = d.message.clone();
        if let Some(same) = out
            .iter_mut()
            .find(|f| f.message == message && Some(f.id) == d.code)
        {
            same.pos = d.pos;
            continue;
        }
        if !out.iter().any(|f| f.pos == d.pos && f.message == message) {
            let rule = rules.iter().enumerate().find(|(_, r)| r.pos == Some(d.pos));
            out.push(check::finding(d, rule));
        }
    }
    finding::sort(&mut out);
    out.dedup();
    out
}
