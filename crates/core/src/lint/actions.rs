//! Actions that do something other than what their author probably expects: the legacy KILL
//! (one thread), NOTIFY with no listener, ERRNO 0 (a fake success).

use super::finding::{Finding, Fix};
use super::scope::Scope;
use crate::profile::LintId;
use crate::profile::{rule_errno, Action, Edit, Profile, Severity};

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
            format!("{path} uses SCMP_ACT_KILL, which kills only the calling thread: the rest of the process goes on, possibly holding locks the dead thread took"),
            "write SCMP_ACT_KILL_PROCESS to stop the whole process, or SCMP_ACT_KILL_THREAD if one thread is really meant",
        )
        },
    );
    out.extend(kills.into_iter().map(|f| {
        let fix = kill_process(p, f.rule);
        f.fixed_by(fix)
    }));
    if p.listener_path.is_none() {
        out.extend(each_use(p, |a, _| a == Action::Notify, |path| {
            Finding::new(
                LintId::NotifyWithoutListener,
                Severity::Warning,
                format!("{path} uses SCMP_ACT_NOTIFY, but the profile has no listenerPath: runc refuses to start the container, and a filter loaded with no supervisor fails these calls with ENOSYS"),
                "set listenerPath to the socket of the seccomp agent, or choose another action",
            )
        }));
    }
    out.extend(each_use(p, |a, errno| a == Action::Errno && errno == 0, |path| {
        Finding::new(
            LintId::ErrnoZero,
            Severity::Warning,
            format!("{path} fails calls with errno 0, so they return 0: the program believes the call succeeded although the kernel did nothing"),
            "use a real errno such as EPERM (1) or ENOSYS (38); keep 0 only to fake success on purpose",
        )
    }));
}

/// Renames SCMP_ACT_KILL to SCMP_ACT_KILL_PROCESS in rule `rule` (None: the default action).
fn kill_process(p: &Profile, rule: Option<usize>) -> Fix {
    match rule.and_then(|i| Some((i, p.rules().get(i)?))) {
        Some((index, r)) => {
            let mut fixed = r.clone();
            fixed.action = Action::KillProcess;
            Fix::new(
                format!("make syscalls[{index}] SCMP_ACT_KILL_PROCESS"),
                Edit::ReplaceRule(index, fixed),
            )
        }
        None => Fix::new(
            "make defaultAction SCMP_ACT_KILL_PROCESS",
            Edit::SetDefault {
                action: Action::KillProcess,
                errno: p.default_errno_ret,
            },
        ),
    }
}
