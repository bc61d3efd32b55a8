//! Random drafts and calls for the property tests of record and merge (seeded, x86_64).

use crate::narrow::value_args;
use crate::replay::Call;
use seccompose_core::bpf::testutil::Rng;
use seccompose_core::catalog::Catalog;
use seccompose_core::profile::{Action, Arch, ArgCond, Op, Profile, Rule, Target};

/// Syscalls with and without value arguments.
pub const NAMES: [&str; 9] = [
    "socket",
    "personality",
    "clone",
    "ioctl",
    "fcntl",
    "getpid",
    "kill",
    "mmap",
    "madvise",
];
/// Values for the value arguments (a small pool, so calls and conditions meet).
pub const VALUES: [u64; 9] = [0, 1, 2, 8, 10, 16, 0x80001, 0x5401, 0x1000_0011];

/// x86_64 on this machine's kernel.
pub fn target() -> Target {
    Target {
        arch: Arch::X86_64,
        ..Target::host()
    }
}

/// The x86_64 number of a syscall.
pub fn nr(name: &str) -> u32 {
    Catalog.syscall(name).unwrap().number(Arch::X86_64).unwrap()
}

/// A call of one of [`NAMES`].
pub fn random_call(rng: &mut Rng) -> Call {
    let name = rng.pick(&NAMES);
    let mut args = [0u64; 6];
    for a in &mut args {
        // Value arguments from a small pool (so calls repeat), the rest anything.
        *a = rng.next_u64();
    }
    for i in value_args(name) {
        args[i as usize] = rng.pick(&VALUES);
    }
    Call {
        arch: Arch::X86_64,
        nr: nr(name),
        args,
    }
}

/// A draft (x86_64) with up to five rules, some with conditions on value arguments.
pub fn random_draft(rng: &mut Rng) -> Profile {
    let mut p = Profile::new(rng.pick(&[Action::Errno, Action::Errno, Action::Allow]));
    p.architectures = Some(vec![Arch::X86_64]);
    let mut rules = Vec::new();
    for _ in 0..rng.below(6) {
        let name = rng.pick(&NAMES);
        let mut rule = Rule::new(
            vec![name.to_string()],
            rng.pick(&[Action::Allow, Action::Errno]),
        );
        let indices = value_args(name);
        if !indices.is_empty() {
            let conds: Vec<ArgCond> = (0..rng.below(3))
                .map(|_| {
                    let op = rng.pick(&[Op::Eq, Op::Ne, Op::Ge, Op::MaskedEq]);
                    let two = (op == Op::MaskedEq).then(|| rng.pick(&VALUES));
                    ArgCond::new(rng.pick(&indices), op, rng.pick(&VALUES), two)
                })
                .collect();
            rule.args = (!conds.is_empty()).then_some(conds);
        }
        rules.push(rule);
    }
    p.syscalls = Some(rules);
    p
}
