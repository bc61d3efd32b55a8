//! What the editor says the moment an edit denies a syscall whose same-job siblings stay
//! allowed: the `incomplete-block` findings about those syscalls, merged into one sentence and
//! one fix.

use super::finding::{Finding, Fix};
use super::scope::{names, push_new, Scope};
use crate::catalog::Catalog;
use crate::i18n::Text;
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
    pub fn sentence(&self, key: &str) -> Text {
        crate::text!(
            "lint-siblings-left-open",
            denied = names(&self.denied),
            open = names(&self.open),
            n = self.open.len(),
            key = key,
        )
    }
}

/// The siblings left open beside those of `names` that the profile now denies (None: none).
pub fn siblings_left_open(
    profile: &Profile,
    target: &Target,
    edited: &[String],
) -> Option<SiblingsLeftOpen> {
    let scope = Scope::new(profile, target);
    let mut findings: Vec<Finding> = Vec::new();
    super::holes::incomplete_blocks(&scope, &mut findings);
    super::allowlist::default_gaps(&scope, Some(edited), &mut findings);
    let denied = |n: &String| scope.effects.of(n).action.blocks();
    let (mut all_denied, mut all_open, mut edits) = (Vec::new(), Vec::new(), Vec::new());
    for f in findings.iter().filter(|f| f.id == LintId::IncompleteBlock) {
        let Some(fix) = &f.fix else { continue };
        let ours: Vec<&String> = f
            .syscalls
            .iter()
            .filter(|n| edited.contains(n) && denied(n))
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
                        .is_some_and(|sc| sc.siblings().iter().any(|s| s.name() == n.as_str()))
                })
            })
            .cloned()
            .collect();
        for n in ours {
            push_new(&mut all_denied, n.clone());
        }
        for n in &siblings {
            push_new(&mut all_open, n.clone());
        }
        edits.extend(fix.edits.iter().map(|e| {
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
    if all_denied.is_empty() {
        return None;
    }
    // Each fix names its syscalls (never rule indices), so they apply one after another.
    let label = crate::text!(
        "lint-fix-deny-like",
        names = names(&all_open),
        like = names(&all_denied)
    );
    Some(SiblingsLeftOpen {
        denied: all_denied,
        open: all_open,
        fix: Fix { label, edits },
    })
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
    // Each allowed sibling with the denied syscalls whose job it does, in the order found.
    let mut found: Vec<(&String, Vec<String>)> = Vec::new();
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
                .filter(|d| siblings.iter().any(|s| s.name() == d.as_str()));
            let at = match found.iter().position(|(n, _)| *n == name) {
                Some(i) => i,
                None => {
                    found.push((name, Vec::new()));
                    found.len() - 1
                }
            };
            for d in theirs {
                push_new(&mut found[at].1, (*d).clone());
            }
        }
    }
    let mut out: Vec<OpenSibling> = found
        .into_iter()
        .filter(|(_, denied)| !denied.is_empty())
        .map(|(name, denied)| OpenSibling {
            fix: deny_like(&scope, name, &denied[0]),
            rule: scope.effects.decided_by(name),
            name: name.clone(),
            denied,
        })
        .collect();
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
        crate::text!("lint-fix-deny-like", names = name, like = like),
        Edit::SetAction {
            names: vec![name.to_string()],
            action,
            errno,
        },
    )
}
