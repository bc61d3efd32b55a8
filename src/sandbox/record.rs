//! Turning the syscalls a command used into a profile that allows exactly them.

use super::Stop;
use crate::profile::{view, Action, Document, Edit, Profile, Rule, Target};

/// The syscalls in `used` that `base` does not allow on `target`, by name, sorted: what a
/// recording proposes to add.
pub fn missing_allows(used: &[Stop], base: &Profile, target: &Target) -> Vec<String> {
    let mut names: Vec<&'static str> = used.iter().filter_map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .filter(|n| view(base, n, target).action.semantic() != Action::Allow)
        .map(str::to_string)
        .collect()
}

/// A profile allowing every syscall in `used` (default ERRNO, the architectures seen,
/// native first), or `base` with those syscalls allowed where it did not allow them already.
pub fn recorded_profile(used: &[Stop], base: Option<&Profile>, target: &Target) -> Profile {
    let mut names: Vec<&'static str> = used.iter().filter_map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    match base {
        None => {
            let mut p = Profile::new(Action::Errno);
            let mut arches = vec![target.arch];
            for s in used {
                if !arches.contains(&s.arch) {
                    arches.push(s.arch);
                }
            }
            p.architectures = Some(arches);
            p.syscalls = Some(vec![Rule::new(
                names.iter().map(|n| n.to_string()).collect(),
                Action::Allow,
            )]);
            p
        }
        Some(base) => {
            let missing = missing_allows(used, base, target);
            let mut doc = Document::new(base.clone());
            // Setting a plain ALLOW never fails (no errno involved).
            let _ = doc.apply(&Edit::SetAction {
                names: missing,
                action: Some(Action::Allow),
                errno: None,
            });
            doc.profile().clone()
        }
    }
}
