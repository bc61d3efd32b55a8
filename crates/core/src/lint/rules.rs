//! Every kind of finding lint reports, with what it means: the editor's explanation of a
//! finding and the rule table of SARIF output.

use super::finding::Finding;
use crate::profile::LintId;
use crate::profile::{Pos, Rule, Severity};
use crate::text;

/// A `translation` finding: the compiled filter disagrees with the profile for a call of
/// `syscall`, as `what` describes. The compiler finds these (lint does not compile); it is
/// placed at the first active rule with argument conditions for the syscall.
/// Adds the compiler's translation-check differences (`(syscall, description)`, from the
/// caller, which compiles: lint does not) to `findings`, once each.
pub fn add_translation(
    findings: &mut Vec<Finding>,
    differences: impl IntoIterator<Item = (String, String)>,
    rules: &[Rule],
) {
    for (syscall, what) in differences {
        let found = translation(&syscall, what, rules);
        if !findings.contains(&found) {
            findings.push(found);
        }
    }
}

/// An error for a profile whose filter cannot fit the kernel's limit (`why`, from the caller,
/// which compiles).
pub fn too_long(why: crate::i18n::Text) -> Finding {
    let found = Finding::new(
        LintId::FilterTooLong,
        Severity::Error,
        why,
        text!("lint-filter-too-long-help"),
    );
    Finding {
        pos: Pos { line: 1, col: 1 },
        ..found
    }
}

/// A finding for one translation-check difference, at the first conditional rule naming the
/// syscall.
pub fn translation(syscall: &str, what: String, rules: &[Rule]) -> Finding {
    let rule = rules
        .iter()
        .enumerate()
        .find(|(_, r)| !r.conditions().is_empty() && r.names().iter().any(|n| n == syscall));
    let found = Finding::new(
        LintId::Translation,
        Severity::Warning,
        super::check::message(&what),
        text!("lint-translation-help"),
    );
    let found = match rule {
        Some((index, rule)) => found.at_rule(index, rule),
        None => Finding {
            pos: Pos { line: 1, col: 1 },
            ..found
        },
    };
    found.naming(&[syscall])
}
