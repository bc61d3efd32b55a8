//! Seeded random profiles for the runc trial (tests/kernel/fidelity.rs): what a runtime has to get
//! right, in many combinations.

use seccompose::catalog::Catalog;
use seccompose::profile;

pub use seccompose_core::bpf::testutil::Rng;

/// Names that exercise what the runtime does: unknown to libseccomp 2.5.4 (skipped), the
/// newest it knows (the stub's limit), multiplexed on x86 (pseudo-numbers), and ordinary ones.
pub const SPECIAL: &[&str] = &[
    "mseal",
    "listmount",
    "statmount",
    "uretprobe",
    "lsm_get_self_attr",
    "futex_requeue",
    "cachestat",
    "fchmodat2",
    "map_shadow_stack",
    "socket",
    "semget",
    "semctl",
    "ipc",
    "socketcall",
    "recvmmsg",
    "read",
    "getpid",
    "close",
    "openat",
    "exit_group",
    "clone3",
    "futex_waitv",
];

/// A random profile in Docker's format: default action and errno, architectures (listed,
/// mapped or none), and rules over special and catalog names with actions and conditions.
pub fn random_profile(seed: u64) -> String {
    use serde_json::json;
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let all: Vec<&str> = Catalog.syscalls().iter().map(|s| s.name()).collect();
    let defaults = [
        json!({"defaultAction": "SCMP_ACT_ERRNO"}),
        json!({"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38}),
        json!({"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 0x50026}),
        json!({"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 13}),
        json!({"defaultAction": "SCMP_ACT_KILL_PROCESS"}),
        json!({"defaultAction": "SCMP_ACT_KILL"}),
        json!({"defaultAction": "SCMP_ACT_TRAP"}),
        json!({"defaultAction": "SCMP_ACT_ALLOW"}),
        json!({"defaultAction": "SCMP_ACT_LOG"}),
        json!({"defaultAction": "SCMP_ACT_TRACE"}),
    ];
    let mut p = rng.pick_ref(&defaults).clone();
    let arch_lists: [&[&str]; 7] = [
        &["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
        &["SCMP_ARCH_X86_64"],
        &["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        &["SCMP_ARCH_X86_64", "SCMP_ARCH_X32"],
        &["SCMP_ARCH_X32"],
        &["SCMP_ARCH_X86"],
        &[],
    ];
    match rng.below(4) {
        0 => {
            p["archMap"] = json!([{"architecture": "SCMP_ARCH_X86_64",
                "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
                {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}]);
        }
        _ => {
            let list = rng.pick(&arch_lists);
            if !list.is_empty() {
                p["architectures"] = json!(list);
            }
        }
    }
    let actions = [
        json!({"action": "SCMP_ACT_ALLOW"}),
        json!({"action": "SCMP_ACT_ALLOW"}),
        json!({"action": "SCMP_ACT_ERRNO"}),
        json!({"action": "SCMP_ACT_ERRNO", "errnoRet": 38}),
        json!({"action": "SCMP_ACT_ERRNO", "errnoRet": 22}),
        json!({"action": "SCMP_ACT_KILL_PROCESS"}),
        json!({"action": "SCMP_ACT_KILL_THREAD"}),
        json!({"action": "SCMP_ACT_TRAP"}),
        json!({"action": "SCMP_ACT_LOG"}),
        json!({"action": "SCMP_ACT_TRACE", "errnoRet": 7}),
    ];
    let ops = [
        "SCMP_CMP_EQ",
        "SCMP_CMP_NE",
        "SCMP_CMP_LT",
        "SCMP_CMP_LE",
        "SCMP_CMP_GT",
        "SCMP_CMP_GE",
        "SCMP_CMP_MASKED_EQ",
    ];
    let mut rules = Vec::new();
    for _ in 0..1 + rng.below(8) {
        let mut names = Vec::new();
        for _ in 0..1 + rng.below(24) {
            let name = if rng.below(3) == 0 {
                rng.pick(SPECIAL)
            } else {
                rng.pick(&all)
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let mut rule = rng.pick_ref(&actions).clone();
        rule["names"] = json!(names);
        if rng.below(3) == 0 {
            let mut args = Vec::new();
            for _ in 0..1 + rng.below(2) {
                let values = [0u64, 1, 2, 8, 16, 0x7e02_0000, 0xffff_ffff, 0x1_0000_0001];
                args.push(json!({
                    "index": rng.below(3),
                    "value": rng.pick(&values),
                    "valueTwo": rng.pick(&values),
                    "op": rng.pick(&ops),
                }));
            }
            rule["args"] = json!(args);
        }
        rules.push(rule);
    }
    p["syscalls"] = json!(rules);
    serde_json::to_string_pretty(&p).unwrap()
}

/// The argument vectors a profile is tried with: all zero, and each value its conditions name
/// in the argument they name.
pub fn argument_vectors(p: &profile::Profile) -> Vec<[u64; 6]> {
    let mut out = vec![[0u64; 6]];
    for rule in p.rules() {
        for c in rule.conditions() {
            for v in [Some(c.value), c.value_two].into_iter().flatten() {
                let mut args = [0u64; 6];
                args[c.index as usize] = v;
                if !out.contains(&args) {
                    out.push(args);
                }
            }
        }
    }
    out
}
