//! Applying lint's fixes to a profile until none is left: what `seccompose lint --fix` writes.

use super::finding::Finding;
use crate::i18n::Text;
use crate::profile::LintId;
use crate::profile::{to_value, Profile, Target};

/// One fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The id of the finding it resolved.
    pub id: LintId,
    /// What it did.
    pub label: Text,
}

/// Enough for any real profile: each round resolves at least one finding.
const MAX_ROUNDS: usize = 500;

/// Applies the fixes of the findings on `targets` one at a time, linting again after each
/// (a fix's rule indices refer to the profile it was found on), until no finding has a fix
/// that changes the profile into one not seen before. Returns the fixed profile and what was
/// done, in order.
pub fn fix_all(profile: &Profile, targets: &[Target]) -> (Profile, Vec<Applied>) {
    let mut current = profile.clone();
    let mut seen = vec![to_value(&current)];
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let findings: Vec<Finding> = targets
            .iter()
            .flat_map(|t| super::lint(&current, t))
            .collect();
        let next = findings.iter().find_map(|f| {
            let fix = f.fix.as_ref()?;
            let mut next = current.clone();
            fix.edit().apply(&mut next).ok()?;
            let value = to_value(&next);
            (!seen.contains(&value)).then_some((f, next, value))
        });
        let Some((finding, next, value)) = next else {
            break;
        };
        let Some(fix) = &finding.fix else { break };
        applied.push(Applied {
            id: finding.id,
            label: fix.label.clone(),
        });
        seen.push(value);
        current = next;
    }
    (current, applied)
}
