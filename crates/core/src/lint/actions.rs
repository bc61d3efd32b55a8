//! Actions that do something other than what their author probably expects: the legacy KILL
//! (one thread), NOTIFY with no listener, ERRNO 0 (a fake success).

use super::finding::{Finding, Fix};
use super::scope::Scope;
use crate::profile::LintId;
use crate::profile::{rule_errno, Action, Edit, Profile, Severity};
use crate::text;

/// A finding for each place the profile writes an action that `pick` (action, errno) selects:
/// `defaultAction` at 1:1, then each rule at its start; `says` words the message for a path.
fn each_use(
    p: &Profile,
    pick: impl Fn(Action, u64) -> bool,
    says: impl Fn(&str) -> Finding,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if pick(p.default_action, p.default_errno()) {
        out.push(says("defaultAction"));
    }
    for (index, rule) in p.rules().iter().enumerate() {
        if pick(rule.action, rule_errno(rule)) {
            let found = says(&format!("syscalls[{index}]")).at_rule(index, rule);
            out.push(found.naming(rule.names()));
        }
    }
    out
}

/// `kill-thread`, `notify-without-listener` and `errno-zero`.
pub(super) fn actions(s: &Scope, out: &mut Vec<Finding>) {
    let p = s.profile;
    let kills = each_use(
        p,
        |a, _| a == Action::Kill,
        |path| {
            Finding::new(
                LintId::KillThread,
                Severity::Note,
                text!("lint-kill-thread", path = path),
                text!("lint-kill-thread-help"),
            )
        },
    );
    out.extend(kills.into_iter().map(|f| {
        let fix = kill_process(p, f.rule);
        f.fixed_by(fix)
    }));
    if p.listener_path.is_none() {
        out.extend(each_use(
            p,
            |a, _| a == Action::Notify,
            |path| {
                Finding::new(
                    LintId::NotifyWithoutListener,
                    Severity::Warning,
                    text!("lint-notify-without-listener", path = path),
                    text!("lint-notify-without-listener-help"),
                )
            },
        ));
    }
    out.extend(each_use(
        p,
        |a, errno| a == Action::Errno && errno == 0,
        |path| {
            Finding::new(
                LintId::ErrnoZero,
                Severity::Warning,
                text!("lint-errno-zero", path = path),
                text!("lint-errno-zero-help"),
            )
        },
    ));
}

/// Renames SCMP_ACT_KILL to SCMP_ACT_KILL_PROCESS in rule `rule` (None: the default action).
fn kill_process(p: &Profile, rule: Option<usize>) -> Fix {
    match rule.and_then(|i| Some((i, p.rules().get(i)?))) {
        Some((index, r)) => {
            let mut fixed = r.clone();
            fixed.action = Action::KillProcess;
            Fix::new(
                text!("lint-fix-kill-process", path = format!("syscalls[{index}]")),
                Edit::ReplaceRule(index, fixed),
            )
        }
        None => Fix::new(
            text!("lint-fix-kill-process", path = "defaultAction"),
            Edit::SetDefault {
                action: Action::KillProcess,
                errno: p.default_errno_ret,
            },
        ),
    }
}
