//! Profiles that stop programs in ways their authors rarely foresee: a default-deny profile
//! without what every program calls before `main`, a killing default action that meets the
//! calls newer C libraries probe for, clone3 left open beside filtered clone flags.

use super::finding::{Finding, Fix};
use super::scope::{action_text, names, Scope};
use crate::catalog::{Catalog, STARTUP};
use crate::profile::LintId;
use crate::profile::{Action, Edit, Severity};
use crate::text;

/// ENOSYS: "no such call", the answer programs fall back from.
const ENOSYS: u64 = 38;

/// `startup-missing`: the default action stops calls a dynamically linked program makes
/// before `main` and no rule allows them (execve has `exec-blocked`). The fix allows them.
pub(super) fn startup(s: &Scope, out: &mut Vec<Finding>) {
    let default = s.profile.default_action;
    if !default.blocks() {
        return;
    }
    let allowed = |name: &str| {
        let e = s.effects.of(name);
        e.action.allows() || e.conditional
    };
    let mut missing: Vec<&str> = Vec::new();
    for choices in STARTUP {
        // The calls of this job that exist on the target's own architecture.
        let here: Vec<&str> = choices
            .iter()
            .copied()
            .filter(|n| {
                Catalog
                    .syscall(n)
                    .is_some_and(|sc| sc.number(s.arches[0]).is_some())
            })
            .collect();
        if let Some(first) = here.first() {
            if !here.iter().any(|n| allowed(n)) {
                missing.push(first);
            }
        }
    }
    if missing.is_empty() {
        return;
    }
    let message = text!(
        "lint-startup-missing",
        action = action_text(default, s.profile.default_errno()),
        names = names(&missing),
        n = missing.len(),
    );
    let help = text!("lint-allow-help", names = names(&missing));
    let fix = Fix::new(
        text!("lint-allow", names = names(&missing)),
        Edit::SetAction {
            names: missing.iter().map(|n| n.to_string()).collect(),
            action: Some(Action::Allow),
            errno: None,
        },
    );
    out.push(
        Finding::new(LintId::StartupMissing, Severity::Warning, message, help)
            .naming(&missing)
            .fixed_by(fix),
    );
}

/// `default-kill`: a killing default action. The fix makes unknown calls fail with ENOSYS.
pub(super) fn default_kill(s: &Scope, out: &mut Vec<Finding>) {
    let default = s.profile.default_action;
    if !matches!(default.semantic(), Action::KillThread | Action::KillProcess) {
        return;
    }
    let message = text!("lint-default-kill", action = default.to_string());
    let help = text!("lint-default-kill-help");
    let fix = Fix::new(
        text!("lint-fix-default-enosys"),
        Edit::SetDefault {
            action: Action::Errno,
            errno: Some(ENOSYS),
        },
    );
    out.push(Finding::new(LintId::DefaultKill, Severity::Warning, message, help).fixed_by(fix));
}

/// `clone3-open`: clone3 allowed while a rule tests clone's flags; its flags are in a struct
/// the filter cannot read. The fix does what Docker does: clone3 fails with ENOSYS, so
/// programs fall back to clone, whose flags the rules test.
pub(super) fn clone3(s: &Scope, out: &mut Vec<Finding>) {
    let clone3 = s.effects.of("clone3");
    if !clone3.action.allows() || Catalog.syscall("clone3").is_none_or(|sc| !s.exists(sc)) {
        return;
    }
    let Some((index, rule)) = s
        .active_rules()
        .find(|(_, r)| !r.conditions().is_empty() && r.names().iter().any(|n| n == "clone"))
    else {
        return;
    };
    let message = text!(
        "lint-clone3-open",
        path = format!("syscalls[{index}]"),
        action = action_text(clone3.action, clone3.errno),
        origin = s.origin("clone3"),
    );
    let help = text!("lint-clone3-open-help");
    let fix = Fix::new(
        text!("lint-fix-clone3-enosys"),
        Edit::SetAction {
            names: vec!["clone3".into()],
            action: Some(Action::Errno),
            errno: Some(ENOSYS),
        },
    );
    out.push(
        Finding::new(LintId::Clone3Open, Severity::Warning, message, help)
            .at_rule(index, rule)
            .naming(&["clone", "clone3"])
            .fixed_by(fix),
    );
}
