//! A lower bound on a filter's length, known before libseccomp is asked. libseccomp needs
//! minutes for tens of thousands of argument rules before it finds that the filter is longer
//! than the kernel takes (1.4 s for 5,000, 88 s for 20,000); the bound refuses such a profile
//! at once.
//!
//! It counts only what libseccomp cannot share or drop: for a syscall with no unconditional
//! rule, every distinct low word compared for equality by a one-condition alternative needs a
//! jump of its own in every architecture's part of the filter that has the syscall (libseccomp
//! tests values one by one, and 32-bit ABIs compare low words only). Everything else (the
//! architecture and syscall checks, other operators, longer chains) is left out, so the bound
//! never exceeds the real length: a test holds it below libseccomp's count.

use super::rules::Plan;
use crate::catalog::Catalog;
use crate::profile::{Arch, Op};
use std::collections::{HashMap, HashSet};

/// At least how many instructions the filter of `plan` has, covering `arches`.
pub fn lower_bound(plan: &Plan, arches: &[Arch]) -> usize {
    let mut unconditional: HashSet<&str> = HashSet::new();
    let mut values: HashMap<&str, HashSet<(u32, u32)>> = HashMap::new();
    for rule in &plan.rules {
        for name in &rule.names {
            for alternative in &rule.alternatives {
                match alternative.as_slice() {
                    [] => {
                        unconditional.insert(name);
                    }
                    [only] if only.op == Op::Eq => {
                        let low = only.value as u32;
                        values.entry(name).or_default().insert((only.index, low));
                    }
                    _ => {}
                }
            }
        }
    }
    let mut bound = 0;
    for (name, compared) in values {
        if unconditional.contains(name) {
            continue; // libseccomp may drop conditions an unconditional rule covers
        }
        let Some(syscall) = Catalog.syscall(name) else {
            continue;
        };
        // Values on different arguments may share nothing; on one argument each is a jump.
        let mut per_index: HashMap<u32, usize> = HashMap::new();
        for (index, _) in compared {
            *per_index.entry(index).or_default() += 1;
        }
        let widest = per_index.into_values().max().unwrap_or(0);
        let present = arches.iter().filter(|a| syscall.number(**a).is_some());
        bound += widest * present.count();
    }
    bound
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{build, plan, Options};
    use crate::profile::{filter_arches, Action, ArgCond, Profile, Rule, Target};

    fn target() -> Target {
        Target::host_as(Arch::X86_64)
    }

    /// Random profiles of argument rules (equal values, masks, chains, unconditional rules
    /// beside conditional ones, 64-bit values, several ABIs): the bound is never above the
    /// length libseccomp gives, and it grows with the values compared.
    #[test]
    fn the_bound_never_exceeds_libseccomp() {
        let names = [
            "read", "ioctl", "socket", "clone", "prctl", "fcntl", "mmap", "kill",
        ];
        let arch_sets: [&[Arch]; 3] = [
            &[Arch::X86_64],
            &[Arch::X86_64, Arch::X86, Arch::X32],
            &[Arch::AARCH64],
        ];
        let mut rng = crate::bpf::testutil::Rng(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: u64| rng.next_u64() % n;
        let (mut tightest, mut refused) = (0, 0);
        for case in 0..60 {
            let mut p = Profile::new(Action::Errno);
            p.architectures = Some(arch_sets[case % 3].to_vec());
            let mut rules = Vec::new();
            for _ in 0..1 + next(12) {
                let name = names[next(names.len() as u64) as usize].to_string();
                let action = [Action::Allow, Action::Log, Action::Trap][next(3) as usize];
                let mut rule = Rule::new(vec![name], action);
                let value = |next: &mut dyn FnMut(u64) -> u64| match next(3) {
                    0 => next(40),
                    1 => next(40) | (next(3) << 32),
                    _ => u64::MAX - next(4),
                };
                let conditions = match next(5) {
                    0 => None,
                    1 => Some(vec![ArgCond::new(0, Op::MaskedEq, 0xff, Some(next(8)))]),
                    2 => Some(vec![
                        ArgCond::new(0, Op::Eq, value(&mut next), None),
                        ArgCond::new(1, Op::Eq, value(&mut next), None),
                    ]),
                    _ => Some(
                        (0..1 + next(30))
                            .map(|_| ArgCond::new(next(2) as u32, Op::Eq, value(&mut next), None))
                            .collect(),
                    ),
                };
                rule.args = conditions;
                rules.push(rule);
            }
            p.syscalls = Some(rules);
            let t = target();
            let least = lower_bound(&plan(&p, &t), &filter_arches(&p, &t));
            match build(&p, &t, &Options::default()) {
                Ok(compiled) => {
                    let real = compiled.instruction_count();
                    assert!(least <= real, "case {case}: bound {least} > {real}: {p:?}");
                    tightest = tightest.max(least);
                }
                // libseccomp refuses some mixes (a rule that conflicts with another).
                Err(crate::compile::CompileError::Rule { .. }) => refused += 1,
                Err(e) => panic!("case {case}: {e}"),
            }
        }
        assert!(tightest > 20, "the cases compared values ({tightest})");
        assert!(
            refused < 30,
            "most cases compiled ({refused} of 60 refused; about a fifth is usual)"
        );
    }

    /// 20,000 values compared: refused at once, with the bound in the message.
    #[test]
    fn twenty_thousand_values_are_refused_before_libseccomp_is_asked() {
        let mut p = Profile::new(Action::Errno);
        let mut rule = Rule::new(vec!["ioctl".into()], Action::Allow);
        rule.args = Some(
            (0..20_000)
                .map(|v| ArgCond::new(1, Op::Eq, v, None))
                .collect(),
        );
        p.syscalls = Some(vec![rule]);
        match build(&p, &target(), &Options::default()) {
            Err(e @ crate::compile::CompileError::AtLeastTooLong(n)) => {
                assert!(n >= 20_000, "{n}");
                assert!(e.to_string().contains("4096"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }
}
