//! Rules from recorded calls: for each syscall, the narrowest rule that allows exactly the
//! calls seen, compared on the arguments the catalog knows as values (a socket's domain and
//! type, clone's flags, an ioctl request); or, as the alternative, the syscall by name.
//!
//! runc turns a rule that names one argument index twice into one rule per condition (OR),
//! and ANDs conditions on different indices. So the values of a syscall narrowed on one
//! argument share a rule (one EQ per value), and a syscall narrowed on several gets a rule per
//! distinct combination seen.

use seccompose_core::catalog::{describe_condition, Catalog};
use seccompose_core::profile::{Action, Arch, ArgCond, Op, Rule};
use std::collections::{BTreeMap, BTreeSet};

/// The argument indices of a syscall that a narrow rule compares: those the catalog knows as
/// values (empty for a syscall unknown to the catalog, or with pointers and sizes only).
pub fn value_args(name: &str) -> Vec<u32> {
    Catalog.syscall(name).map_or_else(Vec::new, |s| {
        (0u32..)
            .zip(s.args())
            .filter(|(_, a)| a.value)
            .map(|(i, _)| i)
            .collect()
    })
}

/// What an argument holds as a filter on `arch` compares it: libseccomp compares only the low
/// word on 32-bit ABIs, so a value recorded there is kept as its low word.
fn compared(arch: Arch, value: u64) -> u64 {
    if arch.compares_low_word() {
        value & 0xFFFF_FFFF
    } else {
        value
    }
}

/// The proposed addition for one syscall: a narrow rule set and the name-only alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Addition {
    /// The syscall.
    pub name: String,
    /// Rules allowing exactly the values seen; a single name-only rule when no argument can
    /// be judged (then `why_by_name` says why).
    pub narrow: Vec<Rule>,
    /// Why the narrow form is the name alone, when it is.
    pub why_by_name: Option<seccompose_core::i18n::Text>,
    /// How many distinct calls it covers.
    pub distinct: usize,
}

impl Addition {
    /// The name-only alternative: the syscall allowed for every argument.
    pub fn by_name(&self) -> Rule {
        Rule::new(vec![self.name.clone()], Action::Allow)
    }

    /// Whether the narrow form compares any argument.
    pub fn is_narrow(&self) -> bool {
        self.why_by_name.is_none()
    }

    /// The narrow rules in words, one per rule: `domain == AF_INET6 && type == SOCK_STREAM`,
    /// with the values of one argument joined by `||`.
    pub fn describe(&self) -> Vec<String> {
        let syscall = Catalog.syscall(&self.name);
        self.narrow
            .iter()
            .map(|rule| {
                let conds = rule.conditions();
                if conds.is_empty() {
                    return seccompose_core::msg!("cli-record-every-call-bare");
                }
                let same_index = conds.iter().all(|c| c.index == conds[0].index);
                let words: Vec<String> = conds
                    .iter()
                    .map(|c| describe_condition(syscall, c))
                    .collect();
                words.join(if same_index && conds.len() > 1 {
                    " || "
                } else {
                    " && "
                })
            })
            .collect()
    }
}

/// The additions allowing `calls` (ABI, syscall name, arguments), one per syscall in name order.
pub fn additions<'a>(calls: impl IntoIterator<Item = (Arch, &'a str, [u64; 6])>) -> Vec<Addition> {
    let mut seen: BTreeMap<&str, (Vec<u32>, BTreeSet<Vec<u64>>)> = BTreeMap::new();
    let mut distinct: BTreeMap<&str, usize> = BTreeMap::new();
    for (arch, name, args) in calls {
        // The catalog is asked once per syscall, not once per call.
        let (indices, tuples) = seen
            .entry(name)
            .or_insert_with(|| (value_args(name), BTreeSet::new()));
        tuples.insert(
            indices
                .iter()
                .map(|&i| compared(arch, args[i as usize]))
                .collect(),
        );
        *distinct.entry(name).or_default() += 1;
    }
    seen.into_iter()
        .map(|(name, (indices, tuples))| {
            let why_by_name = indices.is_empty().then(|| by_name_reason(name));
            let narrow = if indices.is_empty() {
                vec![Rule::new(vec![name.to_string()], Action::Allow)]
            } else {
                narrow_rules(name, &indices, &tuples)
            };
            Addition {
                name: name.to_string(),
                narrow,
                why_by_name,
                distinct: distinct[name],
            }
        })
        .collect()
}

/// One rule with an EQ per value when one argument is compared; else a rule per combination.
fn narrow_rules(name: &str, indices: &[u32], tuples: &BTreeSet<Vec<u64>>) -> Vec<Rule> {
    let rule = |conds: Vec<ArgCond>| {
        let mut r = Rule::new(vec![name.to_string()], Action::Allow);
        r.args = Some(conds);
        r
    };
    if let [index] = indices {
        let conds = tuples
            .iter()
            .map(|t| ArgCond::new(*index, Op::Eq, t[0], None))
            .collect();
        return vec![rule(conds)];
    }
    tuples
        .iter()
        .map(|t| {
            rule(
                indices
                    .iter()
                    .zip(t)
                    .map(|(&i, &v)| ArgCond::new(i, Op::Eq, v, None))
                    .collect(),
            )
        })
        .collect()
}

fn by_name_reason(name: &str) -> seccompose_core::i18n::Text {
    match name {
        "clone3" => seccompose_core::text!("cli-record-by-name-clone3"),
        _ if Catalog.syscall(name).is_none() => {
            seccompose_core::text!("cli-record-by-name-unknown")
        }
        _ => seccompose_core::text!("cli-record-by-name-pointers"),
    }
}

/// The rules that allow the chosen form of each addition: narrow ones as they are, the
/// name-only ones gathered into one rule (in the order given).
pub fn chosen_rules<'a>(chosen: impl IntoIterator<Item = (&'a Addition, bool)>) -> Vec<Rule> {
    let mut names = Vec::new();
    let mut narrow = Vec::new();
    for (addition, narrowed) in chosen {
        if narrowed && addition.is_narrow() {
            narrow.extend(addition.narrow.iter().cloned());
        } else {
            names.push(addition.name.clone());
        }
    }
    let mut out = Vec::new();
    if !names.is_empty() {
        out.push(Rule::new(names, Action::Allow));
    }
    out.extend(narrow);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const AF_INET: u64 = 2;
    const AF_INET6: u64 = 10;
    const SOCK_STREAM: u64 = 1;

    #[test]
    fn values_of_one_argument_share_a_rule_and_combinations_get_their_own() {
        let calls = [
            (Arch::X86_64, "socket", [AF_INET6, SOCK_STREAM, 0, 0, 0, 0]),
            (Arch::X86_64, "socket", [AF_INET, SOCK_STREAM, 0, 0, 0, 0]),
            (Arch::X86_64, "socket", [AF_INET6, SOCK_STREAM, 0, 7, 7, 7]),
            (Arch::X86_64, "personality", [8, 0, 0, 0, 0, 0]),
            (Arch::X86_64, "personality", [0xffff_ffff, 0, 0, 0, 0, 0]),
            (Arch::X86_64, "getpid", [0; 6]),
        ];
        let adds = additions(calls);
        let names: Vec<&str> = adds.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["getpid", "personality", "socket"]);
        let getpid = &adds[0];
        assert!(!getpid.is_narrow() && getpid.narrow[0].conditions().is_empty());
        let persona = &adds[1];
        assert_eq!(persona.narrow.len(), 1);
        let values: Vec<u64> = persona.narrow[0]
            .conditions()
            .iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(values, [8, 0xffff_ffff]);
        let socket = &adds[2];
        // Two combinations (the unjudged arguments 3..5 do not count), each ANDed.
        assert_eq!((socket.narrow.len(), socket.distinct), (2, 3));
        assert!(socket.narrow.iter().all(|r| r.conditions().len() == 3));
        let words = socket.describe();
        assert!(
            words
                .iter()
                .any(|w| w.contains("AF_INET6") && w.contains(" && ")),
            "{words:?}"
        );
        assert_eq!(persona.describe().len(), 1);
        assert!(persona.describe()[0].contains(" || "));
    }

    #[test]
    fn a_32_bit_call_is_kept_as_its_low_word_and_clone3_says_why() {
        let adds = additions([
            (
                Arch::X86,
                "personality",
                [0xdead_0000_0000_0008, 0, 0, 0, 0, 0],
            ),
            (Arch::X86_64, "clone3", [0x7ffc_0000, 88, 0, 0, 0, 0]),
        ]);
        let clone3 = &adds[0];
        assert!(clone3
            .why_by_name
            .as_ref()
            .unwrap()
            .english()
            .contains("clone_args"));
        assert_eq!(adds[1].narrow[0].conditions()[0].value, 8);
        let rules = chosen_rules([(&adds[0], true), (&adds[1], false)]);
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].names(), ["clone3", "personality"]);
        let rules = chosen_rules([(&adds[0], true), (&adds[1], true)]);
        assert_eq!(rules.len(), 2);
    }

    #[test]
    fn the_catalog_marks_the_value_arguments() {
        assert_eq!(value_args("socket"), [0, 1, 2]);
        assert_eq!(value_args("clone"), [0]);
        assert_eq!(value_args("ioctl"), [1]);
        assert_eq!(value_args("setsockopt"), [1, 2]);
        assert_eq!(value_args("tgkill"), [2]);
        assert_eq!(value_args("mprotect"), [2]);
        assert!(value_args("clone3").is_empty());
        // SO_REUSEADDR on the socket level: the level by name, the option (no set) by number.
        let opt = additions([(Arch::X86_64, "setsockopt", [3, 1, 2, 0x7ffd_0000, 4, 0])]);
        assert_eq!(opt[0].describe(), ["level == SOL_SOCKET && optname == 2"]);
        assert!(value_args("read").is_empty());
    }
}
