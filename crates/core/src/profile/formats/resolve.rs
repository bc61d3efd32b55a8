//! What Docker does to its own profile before runc sees it: rules whose `includes`/`excludes`
//! do not match the target are dropped and the others lose those fields, the `archMap` entry
//! of the native architecture becomes `architectures`, `name` becomes `names`. The OCI and SPO
//! formats know only the result, so export goes through here.

use crate::i18n::Text;
use crate::profile::model::{Extras, Names, Profile, Rule};
use crate::profile::target::Target;
use crate::text;

/// A profile in the terms every runtime reads, and what was left behind on the way.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The profile without Docker-only fields.
    pub profile: Profile,
    /// One line per thing dropped or decided for the target (for stderr).
    pub notes: Vec<Text>,
}

/// Resolves Docker-only fields of `profile` for `target`; the effective policy on that target
/// does not change.
pub fn resolve(profile: &Profile, target: &Target) -> Resolved {
    let mut notes = Vec::new();
    let mut out = profile.clone();
    if !profile.extras.fields.is_empty() {
        let keys: Vec<&str> = profile
            .extras
            .fields
            .iter()
            .map(|(_, k, _)| k.as_str())
            .collect();
        notes.push(text!("cli-convert-unknown-fields", keys = keys.join(", ")));
    }
    out.extras = Extras::default();
    if let Some(map) = &profile.arch_map {
        out.arch_map = None;
        let mut arches = Vec::new();
        if let Some(entry) = map.iter().find(|e| e.architecture == target.arch) {
            arches.push(entry.architecture);
            arches.extend(entry.sub_architectures.iter().flatten().copied());
        }
        let arch = target.arch.to_string();
        notes.push(if arches.is_empty() {
            text!("cli-convert-arch-map-native", arch = arch)
        } else {
            let names: Vec<&str> = arches.iter().map(|a| a.scmp_name()).collect();
            text!(
                "cli-convert-arch-map",
                arch = arch,
                arches = names.join(", ")
            )
        });
        out.architectures = (!arches.is_empty()).then_some(arches);
    }
    let (mut dropped, mut decided, mut comments, mut errno_names) = (0, 0, 0, 0);
    if let Some(rules) = &profile.syscalls {
        let mut kept = Vec::new();
        for rule in rules {
            let conditional = rule.includes.is_some() || rule.excludes.is_some();
            if !target.is_active(rule) {
                dropped += 1;
                continue;
            }
            decided += usize::from(conditional);
            comments += usize::from(rule.comment.is_some());
            errno_names += usize::from(rule.errno.is_some());
            kept.push(Rule {
                names: Some(Names::List(rule.names().to_vec())),
                includes: None,
                excludes: None,
                comment: None,
                errno: None,
                extras: Extras::default(),
                ..rule.clone()
            });
        }
        out.syscalls = Some(kept);
    }
    if dropped + decided > 0 {
        notes.push(text!(
            "cli-convert-decided",
            arch = target.arch.to_string(),
            caps = target.caps.len(),
            kernel = target.kernel.to_string(),
            dropped = dropped,
            kept = decided
        ));
    }
    if comments > 0 {
        notes.push(text!("cli-convert-comments", n = comments));
    }
    if errno_names > 0 || profile.default_errno.is_some() {
        notes.push(text!("cli-convert-errno-names"));
    }
    out.default_errno = None;
    Resolved {
        profile: out,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{diff, Action, Arch, ArchMapEntry, Filter};

    #[test]
    fn the_policy_on_the_target_stays() {
        let mut p = Profile::new(Action::Errno);
        p.arch_map = Some(vec![ArchMapEntry {
            architecture: Arch::X86_64,
            sub_architectures: Some(vec![Arch::X86]),
            extras: Extras::default(),
        }]);
        let mut amd = Rule::new(vec!["arch_prctl".into()], Action::Allow);
        amd.includes = Some(Box::new(Filter {
            arches: Some(vec!["amd64".into()]),
            ..Filter::default()
        }));
        let mut admin = Rule::new(vec!["mount".into()], Action::Allow);
        admin.includes = Some(Box::new(Filter {
            caps: Some(vec!["CAP_SYS_ADMIN".into()]),
            ..Filter::default()
        }));
        p.syscalls = Some(vec![amd, admin]);
        let mut target = Target::host();
        target.arch = Arch::X86_64;
        let r = resolve(&p, &target);
        assert!(diff(&p, &r.profile, &target).is_empty());
        assert_eq!(r.profile.rules().len(), 1);
        assert_eq!(r.profile.architectures, Some(vec![Arch::X86_64, Arch::X86]));
    }
}
