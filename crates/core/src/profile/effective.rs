//! The effective policy: what a profile does with each syscall on a target once runc has read
//! it (inactive rules dropped, default-action rules skipped, conditions split into runc's OR
//! alternatives, errno values as runc passes them), and the difference between two profiles in
//! those terms rather than in their text. `diff`, `lint --fix --dry-run`, record proposals and
//! the editor's unsaved-changes view all use it.

use super::model::rule_errno;
use super::model::{ArgCond, Profile};
use super::semantic::{alternatives, filter_arches};
use super::target::Target;
use super::vocab::{Action, Arch, Op, RuncErrno};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// An action with the errno it returns (0 unless ERRNO or TRACE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Verdict {
    /// The action, by meaning (`SCMP_ACT_KILL` is kill-thread).
    pub action: Action,
    /// Its errno as runc passes it on.
    pub errno: u16,
}

impl Verdict {
    /// The verdict of an action and the errno written for it.
    pub fn new(action: Action, errno: u64) -> Verdict {
        let action = action.semantic();
        let errno = if action.takes_errno() {
            RuncErrno::of(errno, action).data
        } else {
            0
        };
        Verdict { action, errno }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.action.takes_errno() {
            write!(f, "{}({})", self.action.name(), self.errno)
        } else {
            f.write_str(self.action.name())
        }
    }
}

/// One condition, normalized for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Condition {
    /// Argument index.
    pub index: u32,
    /// The comparison.
    pub op: Op,
    /// The value (the mask for MASKED_EQ).
    pub value: u64,
    /// The compared value for MASKED_EQ.
    pub value_two: u64,
}

impl From<&ArgCond> for Condition {
    fn from(c: &ArgCond) -> Condition {
        Condition {
            index: c.index,
            op: c.op,
            value: c.value,
            value_two: if c.op == Op::MaskedEq {
                c.value_two.unwrap_or(0)
            } else {
                0
            },
        }
    }
}

impl Condition {
    /// Whether an argument value satisfies it, compared as the profile says: unsigned 64-bit.
    pub fn matches(&self, arg: u64) -> bool {
        ArgCond::new(self.index, self.op, self.value, Some(self.value_two)).matches(arg)
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = self.op.name().trim_start_matches("SCMP_CMP_");
        if self.op == Op::MaskedEq {
            write!(
                f,
                "arg{} & {:#x} == {:#x}",
                self.index, self.value, self.value_two
            )
        } else {
            write!(f, "arg{} {op} {:#x}", self.index, self.value)
        }
    }
}

/// What one syscall gets: conditional verdicts tried in order, then the verdict otherwise.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Treatment {
    /// `(conditions that all hold, verdict)`, in profile order.
    pub when: Vec<(Vec<Condition>, Verdict)>,
    /// The verdict when no conditional one applies.
    pub otherwise: Verdict,
}

impl Treatment {
    /// The verdict for a call with these arguments, by the profile's meaning.
    pub fn decide(&self, args: &[u64; 6]) -> Verdict {
        self.when
            .iter()
            .find(|(conds, _)| {
                conds
                    .iter()
                    .all(|c| args.get(c.index as usize).is_some_and(|a| c.matches(*a)))
            })
            .map_or(self.otherwise, |(_, v)| *v)
    }
}

impl fmt::Display for Treatment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (conds, verdict) in &self.when {
            let conds: Vec<String> = conds.iter().map(ToString::to_string).collect();
            write!(f, "{verdict} if {}; ", conds.join(" && "))?;
        }
        if self.when.is_empty() {
            write!(f, "{}", self.otherwise)
        } else {
            write!(f, "else {}", self.otherwise)
        }
    }
}

/// A whole profile's effective policy on a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The default verdict.
    pub default: Verdict,
    /// The architectures the filter covers.
    pub arches: Vec<Arch>,
    /// What each syscall named by an active rule gets.
    pub syscalls: BTreeMap<String, Treatment>,
}

impl Policy {
    /// What `name` gets (the default when no active rule names it).
    pub fn treatment(&self, name: &str) -> Treatment {
        self.syscalls.get(name).cloned().unwrap_or(Treatment {
            when: Vec::new(),
            otherwise: self.default,
        })
    }
}

/// The effective policy of `profile` on `target`.
pub fn policy(profile: &Profile, target: &Target) -> Policy {
    let default = Verdict::new(profile.default_action, profile.default_errno());
    let mut rules: BTreeMap<String, Vec<(Vec<Condition>, Verdict)>> = BTreeMap::new();
    for rule in profile.rules() {
        if !target.is_active(rule) || profile.rule_has_default_action(rule) {
            continue;
        }
        let verdict = Verdict::new(rule.action, rule_errno(rule));
        for name in rule.names() {
            let entry = rules.entry(name.clone()).or_default();
            for alt in alternatives(rule.conditions()) {
                let mut conds: Vec<Condition> = alt.iter().map(Condition::from).collect();
                conds.sort();
                conds.dedup();
                entry.push((conds, verdict));
            }
        }
    }
    let syscalls = rules
        .into_iter()
        .map(|(name, list)| (name, resolve(list, default)))
        .collect();
    Policy {
        default,
        arches: filter_arches(profile, target),
        syscalls,
    }
}

/// Orders a syscall's alternatives into a treatment, as libseccomp merges them: the first
/// unconditional one decides every call (it clears the conditional ones before it and the
/// ones after it are dropped); otherwise conditional ones are tried in order, and one that
/// ends in the default changes nothing.
fn resolve(list: Vec<(Vec<Condition>, Verdict)>, default: Verdict) -> Treatment {
    if let Some((_, verdict)) = list.iter().find(|(conds, _)| conds.is_empty()) {
        return Treatment {
            when: Vec::new(),
            otherwise: *verdict,
        };
    }
    let mut when: Vec<(Vec<Condition>, Verdict)> = Vec::new();
    for item in list {
        if !when.contains(&item) {
            when.push(item);
        }
    }
    while when.last().is_some_and(|(_, v)| *v == default) {
        when.pop();
    }
    Treatment {
        when,
        otherwise: default,
    }
}

/// One syscall whose treatment differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The syscall.
    pub name: String,
    /// In the first profile.
    pub before: Treatment,
    /// In the second.
    pub after: Treatment,
}

/// How two profiles differ in effect.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyDiff {
    /// The default verdicts, when they differ.
    pub default: Option<(Verdict, Verdict)>,
    /// The covered architectures, when they differ.
    pub arches: Option<(Vec<Arch>, Vec<Arch>)>,
    /// Syscalls named by either profile whose treatment differs.
    pub syscalls: Vec<Change>,
}

impl PolicyDiff {
    /// Whether the two profiles do the same.
    pub fn is_empty(&self) -> bool {
        self.default.is_none() && self.arches.is_none() && self.syscalls.is_empty()
    }

    /// The difference in lines for people (`- before` / `+ after` per syscall), in the
    /// current language.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some((a, b)) = &self.default {
            let change = format!("{a} -> {b}");
            out.push(crate::msg!("cli-diff-default", change = change));
        }
        if let Some((a, b)) = &self.arches {
            let names = |v: &[Arch]| {
                v.iter()
                    .map(|a| a.short_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let change = format!("{} -> {}", names(a), names(b));
            out.push(crate::msg!("cli-diff-arches", change = change));
        }
        for c in &self.syscalls {
            out.push(format!("{}: {} -> {}", c.name, c.before, c.after));
        }
        out
    }
}

/// What differs between the effects of two profiles on one target.
pub fn diff(a: &Profile, b: &Profile, target: &Target) -> PolicyDiff {
    let (pa, pb) = (policy(a, target), policy(b, target));
    let names: BTreeSet<&String> = pa.syscalls.keys().chain(pb.syscalls.keys()).collect();
    let syscalls = names
        .into_iter()
        .filter_map(|name| {
            let (before, after) = (pa.treatment(name), pb.treatment(name));
            (before != after).then(|| Change {
                name: name.clone(),
                before,
                after,
            })
        })
        .collect();
    PolicyDiff {
        default: (pa.default != pb.default).then_some((pa.default, pb.default)),
        arches: (pa.arches != pb.arches).then(|| (pa.arches.clone(), pb.arches.clone())),
        syscalls,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Edit, Rule};

    fn base() -> Profile {
        let mut p = Profile::new(Action::Errno);
        p.syscalls = Some(vec![
            Rule::new(vec!["read".into(), "write".into()], Action::Allow),
            Rule::new(vec!["mkdir".into()], Action::Errno), // the default: adds nothing
        ]);
        p
    }

    #[test]
    fn text_changes_without_effect_are_no_difference() {
        let a = base();
        let mut b = base();
        // Splitting a rule, dropping a rule with the default action, KILL vs KILL_THREAD.
        b.syscalls = Some(vec![
            Rule::new(vec!["write".into()], Action::Allow),
            Rule::new(vec!["read".into()], Action::Allow),
        ]);
        assert!(diff(&a, &b, &Target::host()).is_empty());
        let mut k1 = base();
        Edit::SetAction {
            names: vec!["ptrace".into()],
            action: Some(Action::Kill),
            errno: None,
        }
        .apply(&mut k1)
        .unwrap();
        let mut k2 = base();
        Edit::SetAction {
            names: vec!["ptrace".into()],
            action: Some(Action::KillThread),
            errno: None,
        }
        .apply(&mut k2)
        .unwrap();
        assert!(diff(&k1, &k2, &Target::host()).is_empty());
    }

    #[test]
    fn a_changed_syscall_is_named_with_both_treatments() {
        let a = base();
        let mut b = base();
        Edit::SetAction {
            names: vec!["write".into()],
            action: None,
            errno: None,
        }
        .apply(&mut b)
        .unwrap();
        let d = diff(&a, &b, &Target::host());
        assert_eq!(d.syscalls.len(), 1);
        assert_eq!(
            d.lines(),
            vec!["write: SCMP_ACT_ALLOW -> SCMP_ACT_ERRNO(1)"]
        );
    }

    #[test]
    fn the_first_unconditional_rule_decides() {
        let mut a = base();
        let mut cond = Rule::new(vec!["read".into()], Action::Log);
        cond.args = Some(vec![ArgCond::new(0, Op::Eq, 3, None)]);
        a.syscalls.as_mut().unwrap().push(cond);
        assert!(
            diff(&a, &base(), &Target::host()).is_empty(),
            "after ALLOW read, nothing more counts"
        );
    }
}
