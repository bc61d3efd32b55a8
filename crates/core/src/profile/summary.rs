//! What a profile does with many syscalls at once: the numbers behind the editor's
//! per-category bars and sibling hints, computed in one pass over the rules.

use super::model::{ArgCond, Profile};
use super::query::{decide, RuleRef};
use super::target::Target;
use super::vocab::Action;
use std::collections::HashMap;

/// The outcome for one syscall, without the rules that led to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effect {
    /// The action when no argument condition matches.
    pub action: Action,
    /// Its errno (meaningful for ERRNO and TRACE).
    pub errno: u64,
    /// Whether the default action decides.
    pub from_default: bool,
    /// Whether an active rule decides by argument values.
    pub conditional: bool,
}

impl Effect {
    /// Whether two effects do the same thing to a process (legacy KILL equals KILL_THREAD;
    /// errno only counts for actions that carry one).
    pub fn same_as(&self, other: &Effect) -> bool {
        self.action.semantic() == other.action.semantic()
            && (!self.action.takes_errno() || self.errno == other.errno)
    }
}

/// How a set of syscalls splits across actions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionSplit {
    /// How many syscalls were counted.
    pub total: usize,
    /// How many of them also have argument conditions.
    pub conditional: usize,
    /// Count per semantic action, in [`Action::ALL`] order, zero counts left out.
    pub by_action: Vec<(Action, usize)>,
}

/// A sibling syscall and whether it ends up where the syscall does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiblingCoverage<'n> {
    /// The sibling's name.
    pub name: &'n str,
    /// What it gets.
    pub effect: Effect,
    /// Whether that is the same as what the syscall itself gets.
    pub same: bool,
}

/// The effect of every syscall a profile names, for one target; the rest get the default.
#[derive(Debug, Clone)]
pub struct Effects {
    /// Each named syscall's effect, with the index of the rule that decides it (None: the default).
    named: HashMap<String, (Effect, Option<usize>)>,
    default: Effect,
}

impl Effects {
    /// Evaluates a profile once; looking a name up afterwards costs a hash probe.
    pub fn new(p: &Profile, target: &Target) -> Effects {
        let mut by_name: HashMap<&str, Vec<RuleRef<'_>>> = HashMap::new();
        for (index, rule) in p.rules().iter().enumerate() {
            let active = target.is_active(rule);
            for name in rule.names() {
                by_name.entry(name).or_default().push(RuleRef {
                    index,
                    rule,
                    active,
                });
            }
        }
        let named = by_name
            .into_iter()
            .map(|(name, rules)| {
                let v = decide(p, rules);
                let effect = Effect {
                    action: v.action,
                    errno: v.errno,
                    from_default: v.from_default,
                    conditional: v.conditional,
                };
                (name.to_string(), (effect, v.decided_by))
            })
            .collect();
        let default = Effect {
            action: p.default_action,
            errno: p.default_errno(),
            from_default: true,
            conditional: false,
        };
        Effects { named, default }
    }

    /// What `name` gets.
    pub fn of(&self, name: &str) -> Effect {
        self.named.get(name).map_or(self.default, |&(e, _)| e)
    }

    /// The index of the rule whose action `name` gets; None when the default action applies.
    pub fn decided_by(&self, name: &str) -> Option<usize> {
        self.named.get(name).and_then(|&(_, rule)| rule)
    }

    /// How the named syscalls split across actions.
    pub fn split<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> ActionSplit {
        let mut counts: HashMap<Action, usize> = HashMap::new();
        let mut split = ActionSplit::default();
        for name in names {
            let e = self.of(name);
            split.total += 1;
            split.conditional += usize::from(e.conditional);
            *counts.entry(e.action.semantic()).or_default() += 1;
        }
        split.by_action = Action::ALL
            .into_iter()
            .filter_map(|a| counts.get(&a).map(|&n| (a, n)))
            .collect();
        split
    }

    /// For each sibling of `name`, what it gets and whether that matches `name`.
    pub fn sibling_coverage<'n>(
        &self,
        name: &str,
        siblings: &[&'n str],
    ) -> Vec<SiblingCoverage<'n>> {
        let own = self.of(name);
        siblings
            .iter()
            .map(|&s| {
                let effect = self.of(s);
                SiblingCoverage {
                    name: s,
                    effect,
                    same: effect.same_as(&own),
                }
            })
            .collect()
    }
}

/// The argument indices that more than one condition uses: runc turns each of those into
/// separate rules, so they OR where a reader expects AND.
pub fn repeated_arguments(conditions: &[ArgCond]) -> Vec<u32> {
    let mut seen = Vec::new();
    let mut repeated = Vec::new();
    for c in conditions {
        if seen.contains(&c.index) {
            if !repeated.contains(&c.index) {
                repeated.push(c.index);
            }
        } else {
            seen.push(c.index);
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{parse, view, Op};

    struct Names;
    impl crate::profile::Lexicon for Names {
        fn is_syscall(&self, _: &str) -> bool {
            true
        }
        fn suggest_syscall(&self, _: &str) -> Option<String> {
            None
        }
        fn errno_value(&self, _: &str) -> Option<u64> {
            None
        }
    }

    fn profile() -> Profile {
        let text = r#"{
          "defaultAction": "SCMP_ACT_ERRNO",
          "syscalls": [
            {"names": ["read", "write", "chmod"], "action": "SCMP_ACT_ALLOW"},
            {"names": ["fchmodat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
            {"names": ["reboot"], "action": "SCMP_ACT_KILL"},
            {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]},
            {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}}
          ]
        }"#;
        parse(text, &Names).profile.expect("valid")
    }

    #[test]
    fn effects_agree_with_the_per_syscall_view() {
        let p = profile();
        let target = Target::host();
        let effects = Effects::new(&p, &target);
        for name in ["read", "fchmodat", "reboot", "personality", "mount", "open"] {
            let v = view(&p, name, &target);
            let e = effects.of(name);
            assert_eq!(
                (e.action, e.errno, e.from_default, e.conditional),
                (v.action, v.errno, v.from_default, v.conditional),
                "{name}"
            );
            assert_eq!(effects.decided_by(name), v.decided_by, "{name}");
        }
    }

    #[test]
    fn split_counts_semantic_actions_and_conditions() {
        let p = profile();
        let effects = Effects::new(&p, &Target::host());
        let split = effects.split([
            "read",
            "write",
            "fchmodat",
            "reboot",
            "personality",
            "mount",
        ]);
        assert_eq!(split.total, 6);
        assert_eq!(split.conditional, 1);
        assert_eq!(
            split.by_action,
            vec![
                (Action::Allow, 2),
                (Action::Errno, 3),
                (Action::KillThread, 1)
            ]
        );
    }

    #[test]
    fn siblings_with_another_errno_are_not_covered() {
        let p = profile();
        let effects = Effects::new(&p, &Target::host());
        let cov = effects.sibling_coverage("chmod", &["fchmodat", "read"]);
        assert_eq!(cov.len(), 2);
        assert!(
            !cov[0].same,
            "fchmodat fails with EACCES while chmod is allowed"
        );
        assert!(cov[1].same);
        let cov = effects.sibling_coverage("open", &["fchmodat"]);
        assert!(!cov[0].same, "EPERM and EACCES differ");
    }

    #[test]
    fn repeated_arguments_are_reported_once() {
        let c = |i| ArgCond::new(i, Op::Eq, 1, None);
        assert!(repeated_arguments(&[c(0), c(1)]).is_empty());
        assert_eq!(repeated_arguments(&[c(1), c(0), c(1), c(1)]), vec![1]);
    }
}
