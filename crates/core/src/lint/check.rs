//! `check`'s diagnostics as lint findings: the profile layer owns those checks, lint gives each
//! its id and a hint.

use super::finding::{Finding, Fix};
use crate::i18n::Text;
use crate::profile::LintId;
use crate::profile::{Diagnostic, Edit, Rule};
use crate::text;

/// The hint for a diagnostic of `check`, by its code (None: an error without a code).
fn help(code: Option<LintId>) -> Text {
    match code {
        Some(LintId::DuplicateKey) => text!("lint-help-duplicate-key"),
        Some(LintId::UnknownKey) => text!("lint-help-unknown-key"),
        Some(LintId::ErrnoOutOfRange | LintId::ErrnoRefused) => text!("lint-help-errno-range"),
        Some(LintId::ErrnoMismatch) => text!("lint-help-errno-mismatch"),
        Some(LintId::ValueTwoIgnored) => text!("lint-help-value-two-ignored"),
        Some(LintId::UnknownCapability) => text!("lint-help-unknown-capability"),
        Some(LintId::ArchNeverMatches) => text!("lint-help-go-names"),
        Some(LintId::ErrnoIgnored) => text!("lint-help-errno-ignored"),
        Some(LintId::DefaultActionRule) => text!("lint-help-default-action-rule"),
        Some(LintId::EmptyRule) => text!("lint-help-empty-rule"),
        Some(LintId::UnknownSyscall) => text!("lint-help-unknown-syscall"),
        Some(_) => text!("lint-help-see-check"),
        None => text!("lint-help-invalid"),
    }
}

/// A text of the profile layer (a diagnostic's message) as a finding's message: the profile
/// layer words it, lint only carries it.
pub(super) fn message(text: &str) -> Text {
    text!("lint-diagnostic", text = text)
}

/// A diagnostic of `check` as a finding, about rule `rule` (index and rule) if any.
pub(super) fn finding(d: &Diagnostic, rule: Option<(usize, &Rule)>) -> Finding {
    let found = Finding {
        pos: d.pos,
        ..Finding::new(
            d.code.unwrap_or(LintId::Invalid),
            d.checked_severity(),
            d.message.clone(),
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
            text!("lint-fix-remove-rule", path = format!("syscalls[{index}]")),
            Edit::RemoveRule(index),
        )),
        LintId::ErrnoIgnored => {
            let mut fixed = rule.clone();
            fixed.errno_ret = None;
            Some(Fix::new(
                text!(
                    "lint-fix-drop-errno-ret",
                    path = format!("syscalls[{index}]")
                ),
                Edit::ReplaceRule(index, fixed),
            ))
        }
        _ => None,
    }
}
