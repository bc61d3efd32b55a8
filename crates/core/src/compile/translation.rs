//! The translation check: does the compiled filter do what the profile says? For every
//! syscall with argument rules, calls at the edges of each rule's constants (each value, one
//! below and above, with the high word set and clear, under each mask) go through the BPF
//! emulator and through the profile's meaning evaluated directly; any difference is reported
//! with the concrete call and both answers. libseccomp compiles only the low word of a
//! comparison on 32-bit ABIs, and has been seen to mis-order OR'ed ranges: this is how the
//! user finds out before the kernel does.

use super::{ret_action, Compiled};
use crate::bpf::{self, Program, RetAction, SeccompData};
use crate::catalog::Catalog;
use crate::profile::{policy, Arch, Profile, Target, Treatment, Verdict};
use std::collections::BTreeSet;

/// How many calls one syscall on one ABI is tried with, at most.
const MAX_CALLS: usize = 2048;

/// A call for which the filter and the profile disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The calling ABI.
    pub arch: Arch,
    /// The syscall.
    pub name: String,
    /// Its arguments.
    pub args: [u64; 6],
    /// What the filter returns.
    pub filter: RetAction,
    /// What the profile says.
    pub meaning: Verdict,
}

impl Mismatch {
    /// One line for people.
    pub fn describe(&self) -> String {
        let used = self.args.iter().rposition(|a| *a != 0).map_or(0, |i| i + 1);
        let args: Vec<String> = self.args[..used]
            .iter()
            .map(|a| format!("{a:#x}"))
            .collect();
        let filter = match self.filter.data() {
            Some(d) => format!("{}({d})", self.filter.scmp_name()),
            None => self.filter.scmp_name().to_string(),
        };
        format!(
            "on {}, {}({}) gets {filter} from the filter, but the profile says {}",
            self.arch,
            self.name,
            args.join(", "),
            self.meaning
        )
    }
}

/// Whether a calling ABI passes 32-bit arguments: the kernel zero-extends them on 32-bit ABIs,
/// and x32 programs are expected to (libseccomp compiles x32 comparisons on the low word).
fn passes_32_bit_args(arch: Arch) -> bool {
    arch.compares_low_word()
}

/// The edge values of each argument a treatment tests.
fn edges(t: &Treatment) -> [BTreeSet<u64>; 6] {
    let mut out: [BTreeSet<u64>; 6] = Default::default();
    for (conds, _) in &t.when {
        for c in conds {
            let set = &mut out[c.index as usize];
            for v in [c.value, c.value_two, c.value_two & c.value] {
                for x in [v, v.wrapping_sub(1), v.wrapping_add(1)] {
                    set.insert(x);
                    set.insert(x & 0xFFFF_FFFF);
                    set.insert(x | 0xFFFF_FFFF_0000_0000);
                }
            }
        }
    }
    for set in out.iter_mut() {
        set.insert(0);
    }
    out
}

/// Every combination of the edge values, up to [`MAX_CALLS`] (later arguments vary fastest).
fn calls(edges: &[BTreeSet<u64>; 6], narrow: bool) -> Vec<[u64; 6]> {
    let lists: Vec<Vec<u64>> = edges
        .iter()
        .map(|s| {
            let mut v: Vec<u64> = s
                .iter()
                .map(|x| if narrow { x & 0xFFFF_FFFF } else { *x })
                .collect();
            v.dedup();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut out = vec![[0u64; 6]];
    for (i, list) in lists.iter().enumerate() {
        if list.len() <= 1 {
            continue;
        }
        let mut next = Vec::with_capacity(out.len() * list.len());
        for base in &out {
            for v in list {
                let mut c = *base;
                c[i] = *v;
                next.push(c);
            }
        }
        next.truncate(MAX_CALLS);
        out = next;
    }
    out
}

/// Every disagreement between `compiled` and the profile's meaning on `target`. What the
/// runtime does on purpose is no miscompilation: names it skips (its libseccomp cannot
/// resolve them) and calls runc's -ENOSYS stub answers are left out (lint and `explain`
/// report those).
pub fn translation_check(profile: &Profile, target: &Target, compiled: &Compiled) -> Vec<Mismatch> {
    let Ok(program) = Program::from_bytes(&compiled.bpf) else {
        return Vec::new();
    };
    let policy = policy(profile, target);
    let skipped = super::plan(profile, target).skipped;
    let mut out = Vec::new();
    for (name, treatment) in &policy.syscalls {
        let Some(syscall) = Catalog.syscall(name) else {
            continue;
        };
        if skipped.iter().any(|s| &s.name == name) {
            continue;
        }
        let edges = edges(treatment);
        for &arch in &compiled.arches {
            let Some(nr) = syscall.number(arch) else {
                continue;
            };
            // The runtime's libseccomp has no number for it here: left out on purpose.
            if target.runtime.uses_libseccomp()
                && !super::resolve::multiplexed(name)
                && super::target_number(name, arch, target).is_none_or(|n| n < 0)
            {
                continue;
            }
            for args in calls(&edges, passes_32_bit_args(arch)) {
                let meaning = treatment.decide(&args);
                let outcome = bpf::emulate(&program, &SeccompData::new(arch, nr, args));
                if outcome
                    .path
                    .last()
                    .is_some_and(|at| compiled.stub.range.contains(at))
                {
                    break; // runc's stub answers this call whatever its arguments
                }
                let filter = outcome.action;
                if filter != ret_action(meaning.action, u64::from(meaning.errno)) {
                    out.push(Mismatch {
                        arch,
                        name: name.clone(),
                        args,
                        filter,
                        meaning,
                    });
                    break; // one example per syscall and ABI is enough to act on
                }
            }
        }
    }
    out
}
