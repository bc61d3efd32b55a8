//! What the editor says the moment an edit denies a syscall whose same-job siblings stay
//! allowed: the `incomplete-block` findings about those syscalls, merged into one sentence and
//! one fix.

use super::finding::{Finding, Fix};
use super::scope::{list, push_new, Scope};
use crate::catalog::Catalog;
use crate::profile::{Edit, Profile, Target};

/// Siblings an edit left allowed beside the syscalls it denied, and the fix that denies them.
#[derive(Debug, Clone, PartialEq)]
pub struct SiblingsLeftOpen {
    /// The syscalls the edit denied that have such siblings.
    pub denied: Vec<String>,
    /// The siblings that still do their job.
    pub open: Vec<String>,
    /// Denies the siblings the same way (one edit).
    pub fix: Fix,
}

impl SiblingsLeftOpen {
    /// `chmod denied, but fchmodat and fchmodat2 still do the same job: f denies them too`,
    /// with `key` the key that applies the fix.
    pub fn sentence(&self, key: &str) -> String {
        format!(
            "{} denied, but {} still {} the same job: {key} denies {} too",
            list(&self.denied),
            list(&self.open),
            if self.open.len() == 1 { "does" } else { "do" },
            if self.open.len() == 1 { "it" } else { "them" },
        )
    }
}

/// The siblings left open beside those of `names` that the profile now denies (None: none).
pub fn siblings_left_open(
    profile: &Profile,
    target: &Target,
    names: &[String],
) -> Option<SiblingsLeftOpen> {
    let scope = Scope::new(profile, target);
    let mut findings: Vec<Finding> = Vec::new();
    super::holes::incomplete_blocks(&scope, &mut findings);
    super::allowlist::default_gaps(&scope, names, &mut findings);
    let denied = |n: &String| scope.effects.of(n).action.blocks();
    let mut out = SiblingsLeftOpen {
        denied: Vec::new(),
        open: Vec::new(),
        fix: Fix {
            label: String::new(),
            edits: Vec::new(),
        },
    };
    for f in findings.iter().filter(|f| f.id == "incomplete-block") {
        let Some(fix) = &f.fix else { continue };
        let ours: Vec<&String> = f
            .syscalls
            .iter()
            .filter(|n| names.contains(n) && denied(n))
            .collect();
        if ours.is_empty() {
            continue;
        }
        // A rule's finding may also name other calls the rule blocks: keep the siblings of
        // these ones only.
        let siblings: Vec<String> = f
            .syscalls
            .iter()
            .filter(|n| scope.effects.of(n).action.allows())
            .filter(|n| {
                ours.iter().any(|d| {
                    Catalog
                        .syscall(d)
                        .is_some_and(|sc| sc.siblings().iter().any(|s| s.name == n.as_str()))
                })
            })
            .cloned()
            .collect();
        for n in ours {
            push_new(&mut out.denied, n.clone());
        }
        for n in &siblings {
            push_new(&mut out.open, n.clone());
        }
        out.fix.edits.extend(fix.edits.iter().map(|e| {
            match e {
                Edit::SetAction {
                    names,
                    action,
                    errno,
                } => Edit::SetAction {
                    names: names
                        .iter()
                        .filter(|n| siblings.contains(n))
                        .cloned()
                        .collect(),
                    action: *action,
                    errno: *errno,
                },
                other => other.clone(),
            }
        }));
    }
    if out.denied.is_empty() {
        return None;
    }
    // Each fix names its syscalls (never rule indices), so they apply one after another.
    out.fix.label = format!("deny {} like {}", list(&out.open), list(&out.denied));
    Some(out)
}
