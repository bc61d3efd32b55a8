//! The union of several profiles, rule by rule: the first profile as it is (its settings and
//! rules), then every rule of the others that allows something, with the names the result
//! already allows unconditionally taken out. No rule is widened: a narrow rule stays narrow,
//! two narrow rules stay two. Where the files disagree (default action, architectures) the
//! first one's setting is kept and the disagreement is said.

use crate::i18n::Text;
use crate::profile::{Action, Profile, Rule};
use crate::text;

/// The candidate union, with what it says and where each added rule came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The first profile with the others' allowing rules appended.
    pub profile: Profile,
    /// For each appended rule (in order): its file (1 = the second) and its index there.
    pub origins: Vec<(usize, usize)>,
    /// Where the files disagree and what was kept or left out, in sentences.
    pub notes: Vec<Text>,
}

/// Whether `result` already allows `name` with a rule that has no conditions at all.
fn allowed_outright(result: &Profile, name: &str) -> bool {
    result
        .rules()
        .iter()
        .any(|r| r.action.allows() && r.is_unconditional() && r.names().iter().any(|n| n == name))
}

/// Whether `rule` (for `name`) is already in `result`, same conditions, action and filters.
fn already_there(result: &Profile, rule: &Rule, name: &str) -> bool {
    result.rules().iter().any(|r| {
        r.names().iter().any(|n| n == name)
            && r.action == rule.action
            && r.args == rule.args
            && r.includes == rule.includes
            && r.excludes == rule.excludes
    })
}

/// The union of `first` and `others` (`labels` name the files in the notes, first included).
pub fn union(first: &Profile, others: &[&Profile], labels: &[String]) -> Union {
    let mut out = first.clone();
    let mut origins = Vec::new();
    let mut notes = Vec::new();
    let label = |i: usize| {
        labels
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("file {}", i + 1))
    };
    for (k, other) in others.iter().enumerate() {
        let file = k + 1;
        if (other.default_action.semantic(), other.default_errno())
            != (first.default_action.semantic(), first.default_errno())
        {
            notes.push(text!(
                "cli-merge-default",
                file = label(file),
                action = other.default_action.name(),
                first = label(0),
                kept = first.default_action.name()
            ));
        }
        if other.architectures != first.architectures || other.arch_map != first.arch_map {
            notes.push(text!(
                "cli-merge-arches",
                file = label(file),
                first = label(0)
            ));
        }
        if other.flags != first.flags {
            notes.push(text!(
                "cli-merge-flags",
                file = label(file),
                first = label(0)
            ));
        }
        // A syscall the other file also stops by some rule: its allowing rules there may be
        // cut down by that rule, so taking them alone could allow more than the file did.
        let stopped: Vec<&str> = other
            .rules()
            .iter()
            .filter(|r| !r.action.allows() && !other.rule_has_default_action(r))
            .flat_map(|r| r.names().iter().map(String::as_str))
            .collect();
        let mut left_mixed: Vec<&str> = Vec::new();
        let mut left_stopping = 0;
        for (j, rule) in other.rules().iter().enumerate() {
            if !rule.action.allows() {
                left_stopping += 1;
                continue;
            }
            let names: Vec<String> = rule
                .names()
                .iter()
                .filter(|n| {
                    if stopped.contains(&n.as_str()) {
                        if !left_mixed.contains(&n.as_str()) {
                            left_mixed.push(n);
                        }
                        return false;
                    }
                    !allowed_outright(&out, n) && !already_there(&out, rule, n)
                })
                .cloned()
                .collect();
            if names.is_empty() {
                continue;
            }
            let mut taken = rule.clone();
            taken.names = Some(crate::profile::Names::List(names));
            taken.pos = None;
            out.syscalls.get_or_insert_with(Vec::new).push(taken);
            origins.push((file, j));
        }
        if left_stopping > 0 {
            notes.push(text!(
                "cli-merge-stopping",
                file = label(file),
                n = left_stopping
            ));
        }
        if !left_mixed.is_empty() {
            notes.push(text!(
                "cli-merge-mixed",
                file = label(file),
                names = left_mixed.join(", ")
            ));
        }
    }
    if out.default_action == Action::Allow && !others.is_empty() {
        notes.push(text!("cli-merge-allows", first = label(0)));
    }
    Union {
        profile: out,
        origins,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ArgCond, Op};

    fn socket(domain: u64) -> Rule {
        let mut r = Rule::new(vec!["socket".into()], Action::Allow);
        r.args = Some(vec![ArgCond::new(0, Op::Eq, domain, None)]);
        r
    }

    #[test]
    fn two_narrow_rules_stay_two_and_settings_of_the_first_are_kept() {
        let mut a = Profile::new(Action::Errno);
        a.syscalls = Some(vec![
            Rule::new(vec!["read".into(), "write".into()], Action::Allow),
            socket(10),
        ]);
        let mut b = Profile::new(Action::KillProcess);
        b.syscalls = Some(vec![
            Rule::new(vec!["read".into(), "openat".into()], Action::Allow),
            socket(2),
            socket(10),
            Rule::new(vec!["mount".into()], Action::Errno),
        ]);
        let labels = ["a.json".to_string(), "b.json".to_string()];
        let u = union(&a, &[&b], &labels);
        let rules = u.profile.rules();
        assert_eq!(rules.len(), 4);
        assert_eq!(rules[2].names(), ["openat"]);
        assert_eq!(rules[3], socket(2));
        assert_eq!(u.origins, [(1, 0), (1, 1)]);
        assert_eq!(u.profile.default_action, Action::Errno);
        let notes: Vec<String> = u.notes.iter().map(Text::english).collect();
        assert!(notes
            .iter()
            .any(|n| n.contains("b.json has default action SCMP_ACT_KILL_PROCESS")));
        assert!(notes
            .iter()
            .any(|n| n.contains("1 rule that allows nothing was")));
    }

    #[test]
    fn a_syscall_the_other_file_also_stops_is_not_taken() {
        let a = Profile::new(Action::Errno);
        let mut b = Profile::new(Action::Errno);
        let mut vsock = Rule::new(vec!["socket".into()], Action::KillProcess);
        vsock.args = Some(vec![ArgCond::new(0, Op::Eq, 40, None)]);
        b.syscalls = Some(vec![Rule::new(vec!["socket".into()], Action::Allow), vsock]);
        let u = union(&a, &[&b], &[]);
        assert!(u.profile.rules().is_empty());
        assert!(
            u.notes.iter().any(|n| n.english().contains("socket")),
            "{:?}",
            u.notes
        );
    }
}
