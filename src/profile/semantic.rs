//! Rule-level warnings that need only the profile itself: `check` reports them while loading, and
//! lint reports them for any profile, including one edited in memory.

use super::diag::Diagnostic;
use super::model::Profile;

/// Warnings about rules Docker accepts but that are probably mistakes, each tagged with its code
/// and paired with the index of its rule.
pub fn rule_warnings(p: &Profile) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (i, rule) in p.rules().iter().enumerate() {
        let pos = rule.pos.unwrap_or_default();
        let path = format!("syscalls[{i}]");
        let mut warn = |code, message: String| {
            out.push((i, Diagnostic::warning(pos, message).with_code(code)));
        };
        if rule.errno_ret.is_some() && !rule.action.takes_errno() {
            warn(
                "errno-ignored",
                format!(
                    "{path}.errnoRet has no effect on {}; only SCMP_ACT_ERRNO and SCMP_ACT_TRACE use it",
                    rule.action
                ),
            );
        }
        if p.rule_has_default_action(rule) {
            warn(
                "default-action-rule",
                format!(
                    "{path} has the default action {}, so it adds nothing",
                    rule.action
                ),
            );
        }
        if rule.names().is_empty() {
            warn(
                "empty-rule",
                format!("{path} names no syscall, so it has no effect"),
            );
        }
    }
    out
}
