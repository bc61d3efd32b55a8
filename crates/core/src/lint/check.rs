//! `check`'s diagnostics as lint findings: the profile layer owns those checks, lint gives each
//! its id and a hint.

use super::finding::{Finding, Fix};
use crate::profile::LintId;
use crate::profile::{Diagnostic, Edit, Rule};

/// The hint for a diagnostic of `check`, by its code (None: an error without a code).
fn help(code: Option<LintId>) -> &'static str {
    match code {
        Some(LintId::DuplicateKey) => "keep one of the keys; runc reads only the last",
        Some(LintId::UnknownKey) => "correct the spelling: runc ignores keys it does not know",
        Some(LintId::ErrnoOutOfRange | LintId::ErrnoRefused) => {
            "use an errno below 4095, such as EPERM (1) or ENOSYS (38)"
        }
        Some(LintId::ErrnoMismatch) => {
            "make defaultErrno and defaultErrnoRet agree, or drop defaultErrno"
        }
        Some(LintId::ValueTwoIgnored) => "drop valueTwo, or use SCMP_CMP_MASKED_EQ if a mask was meant",
        Some(LintId::UnknownCapability) => "write the capability as a CAP_* name, such as CAP_SYS_ADMIN",
        Some(LintId::ArchNeverMatches) => "use the Go names runc compares: amd64, 386, arm64, arm, ...",
        Some(LintId::ErrnoIgnored) => {
            "drop errnoRet, or use SCMP_ACT_ERRNO if the call should fail with it"
        }
        Some(LintId::DefaultActionRule) => {
            "remove the rule, or give it an action other than the default action"
        }
        Some(LintId::EmptyRule) => "add the syscall names it is meant for, or remove it",
        Some(LintId::UnknownSyscall) => {
            "correct the spelling: runc skips a name its libseccomp cannot resolve, so the rule silently does nothing for it"
        }
        Some(_) => "see `seccompose check`",
        None => "Docker rejects the profile until this is fixed",
    }
}

/// A diagnostic of `check` as a finding, about rule `rule` (index and rule) if any.
pub(super) fn finding(d: &Diagnostic, rule: Option<(usize, &Rule)>) -> Finding {
    let found = Finding {
        pos: d.pos,
        ..Finding::new(
            d.code.unwrap_or(LintId::Invalid),
            d.checked_severity(),
            d.message.english(),
            help(d.code),
        )
    };
    match rule {
        Some((index, rule)) => {
            let found = found.at_rule(index, rule).naming(rule.names());
            match fix(d.code, index, rule) {
                Some(fix) => found.fixed_by(fix),
                None => found,
            }
        }
        None => found,
    }
}

/// The fix for a diagnostic about rule `index`, for the codes that have an obvious one.
fn fix(code: Option<LintId>, index: usize, rule: &Rule) -> Option<Fix> {
    match code? {
        LintId::DefaultActionRule | LintId::EmptyRule => Some(Fix::new(
            format!("remove syscalls[{index}]"),
            Edit::RemoveRule(index),
        )),
        LintId::ErrnoIgnored => {
            let mut fixed = rule.clone();
            fixed.errno_ret = None;
            Some(Fix::new(
                format!("drop errnoRet from syscalls[{index}]"),
                Edit::ReplaceRule(index, fixed),
            ))
        }
        _ => None,
    }
}
