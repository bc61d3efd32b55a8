//! What the editor says the moment an edit denies a syscall whose same-job siblings stay
//! allowed: the `incomplete-block` findings about those syscalls, merged into one sentence and
//! one fix.

use super::finding::{Finding, Fix};
use super::scope::{list, push_new, Scope};
use crate::catalog::Catalog;
use crate::profile::LintId;
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
    super::allowlist::default_gaps(&scope, Some(names), &mut findings);
    let denied = |n: &String| scope.effects.of(n).action.blocks();
    let mut out = SiblingsLeftOpen {
        denied: Vec::new(),
        open: Vec::new(),
        fix: Fix {
            label: String::new(),
            edits: Vec::new(),
        },
    };
    for f in findings.iter().filter(|f| f.id == LintId::IncompleteBlock) {
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

/// An allowed syscall that does the job of syscalls the profile denies (what lint's
/// `incomplete-block` names), and how to deny it the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenSibling {
    /// The allowed syscall.
    pub name: String,
    /// The denied syscalls whose job it does.
    pub denied: Vec<String>,
    /// The rule that allows it (None: the default action).
    pub rule: Option<usize>,
    /// Denies it as the first of `denied` is denied (one edit).
    pub fix: Fix,
}

/// Every allowed sibling beside a denied syscall that lint reports, in name order: what an
/// observed run watches, to show the calls that went through.
pub fn open_siblings(profile: &Profile, target: &Target) -> Vec<OpenSibling> {
    let scope = Scope::new(profile, target);
    let mut findings: Vec<Finding> = Vec::new();
    super::holes::incomplete_blocks(&scope, &mut findings);
    super::allowlist::default_gaps(&scope, None, &mut findings);
    let mut out: Vec<OpenSibling> = Vec::new();
    for f in findings.iter().filter(|f| f.id == LintId::IncompleteBlock) {
        let (denied, allowed): (Vec<&String>, Vec<&String>) = f
            .syscalls
            .iter()
            .partition(|n| scope.effects.of(n).action.blocks());
        for name in allowed {
            let Some(syscall) = Catalog.syscall(name) else {
                continue;
            };
            let siblings = syscall.siblings();
            let theirs = denied
                .iter()
                .filter(|d| siblings.iter().any(|s| s.name == d.as_str()));
            let entry = match out.iter().position(|o| &o.name == name) {
                Some(i) => &mut out[i],
                None => {
                    out.push(OpenSibling {
                        name: name.clone(),
                        denied: Vec::new(),
                        rule: scope.effects.decided_by(name),
                        fix: Fix {
                            label: String::new(),
                            edits: Vec::new(),
                        },
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            for d in theirs {
                push_new(&mut entry.denied, (*d).clone());
            }
        }
    }
    out.retain(|o| !o.denied.is_empty());
    for o in &mut out {
        o.fix = deny_like(&scope, &o.name, &o.denied[0]);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Gives `name` what `like` gets: back to the default action when the default denies it,
/// else the same action and errno in a rule.
fn deny_like(scope: &Scope, name: &str, like: &str) -> Fix {
    let effect = scope.effects.of(like);
    let (action, errno) = match scope.effects.decided_by(like) {
        None => (None, None),
        Some(_) => (
            Some(effect.action),
            effect.action.takes_errno().then_some(effect.errno),
        ),
    };
    Fix::new(
        format!("deny {name} like {like}"),
        Edit::SetAction {
            names: vec![name.to_string()],
            action,
            errno,
        },
    )
}
