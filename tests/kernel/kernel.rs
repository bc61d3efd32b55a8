//! Differential tests against the real kernel: what `explain` predicts for a call is what the
//! kernel does when the compiled filter is loaded.

use crate::common;

use seccompose::bpf::RetAction;
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Profile, Target};

/// One call to make under the filter.
#[derive(Debug, Clone, Copy)]
struct Case {
    nr: i64,
    args: [u64; 6],
}

/// What a call observably did: returned (with errno 0 on success), trapped, or was killed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Errno(i64),
    Trapped,
    Killed,
}

/// What the kernel is expected to do for a filter verdict with no tracer and no listener;
/// `unfiltered` is what the call did with no filter at all.
fn expected(action: RetAction, unfiltered: Seen) -> Seen {
    match action {
        RetAction::Allow | RetAction::Log => unfiltered,
        RetAction::Errno(e) => Seen::Errno(i64::from(e).min(4095)),
        RetAction::Trace(_) | RetAction::UserNotif => Seen::Errno(libc::ENOSYS as i64),
        RetAction::Trap(_) => Seen::Trapped,
        RetAction::KillThread | RetAction::KillProcess | RetAction::Unknown(_) => Seen::Killed,
    }
}

const MAX_CASES: usize = 4096;
const TRAP_EXIT: i32 = 77;

/// Shared between the test and its forked children: the cases and the results.
#[repr(C)]
struct Shared {
    cases: [Case; MAX_CASES],
    results: [(i64, i64); MAX_CASES],
    done: usize,
}

extern "C" fn on_sigsys(_: libc::c_int) {
    // SAFETY: _exit is async-signal-safe.
    unsafe { libc::_exit(TRAP_EXIT) };
}

/// Runs every case under the filter (none when `bpf` is empty) in forked children,
/// restarting after each trap or kill.
fn run_in_kernel(bpf: &[u8], cases: &[Case]) -> Vec<Seen> {
    assert!(cases.len() <= MAX_CASES);
    let insns: Vec<libc::sock_filter> = bpf
        .chunks_exact(8)
        .map(|c| libc::sock_filter {
            code: u16::from_ne_bytes([c[0], c[1]]),
            jt: c[2],
            jf: c[3],
            k: u32::from_ne_bytes([c[4], c[5], c[6], c[7]]),
        })
        .collect();
    let fprog = libc::sock_fprog {
        len: insns.len() as u16,
        filter: insns.as_ptr() as *mut _,
    };
    // SAFETY: a shared anonymous mapping sized for Shared, checked below.
    let shared = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            std::mem::size_of::<Shared>(),
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    } as *mut Shared;
    assert_ne!(shared as *mut libc::c_void, libc::MAP_FAILED);
    // SAFETY: the mapping is ours and large enough.
    let sh = unsafe { &mut *shared };
    sh.cases[..cases.len()].copy_from_slice(cases);
    let mut seen = Vec::with_capacity(cases.len());
    let mut next = 0;
    while next < cases.len() {
        sh.done = next;
        // SAFETY: the child only makes async-signal-safe raw syscalls and touches the shared page.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            unsafe {
                libc::signal(libc::SIGSYS, on_sigsys as *const () as libc::sighandler_t);
                libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
                if fprog.len > 0
                    && libc::syscall(libc::SYS_seccomp, libc::SECCOMP_SET_MODE_FILTER, 0, &fprog)
                        != 0
                {
                    libc::_exit(99);
                }
                let n = cases.len();
                let sh = &mut *shared;
                while sh.done < n {
                    let c = sh.cases[sh.done];
                    let a = c.args;
                    let r = libc::syscall(c.nr, a[0], a[1], a[2], a[3], a[4], a[5]);
                    let e = if r == -1 {
                        *libc::__errno_location() as i64
                    } else {
                        0
                    };
                    sh.results[sh.done] = (r, e);
                    sh.done += 1;
                }
                libc::_exit(0);
            }
        }
        let mut status = 0;
        // SAFETY: waiting for the child just forked.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert!(
            !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 99),
            "the kernel refused the filter"
        );
        for i in next..sh.done {
            let (r, e) = sh.results[i];
            seen.push(Seen::Errno(if r == -1 { e } else { 0 }));
        }
        next = sh.done;
        if next < cases.len() {
            // The child died on case `next`.
            let how = if libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == TRAP_EXIT {
                Seen::Trapped
            } else if libc::WIFSIGNALED(status) && libc::WTERMSIG(status) == libc::SIGSYS {
                Seen::Killed
            } else {
                panic!("child ended unexpectedly at case {next}: status {status:#x}");
            };
            seen.push(how);
            next += 1;
        }
    }
    // SAFETY: unmapping what we mapped.
    unsafe { libc::munmap(shared.cast(), std::mem::size_of::<Shared>()) };
    seen
}

/// Compiles, predicts every case with explain, runs them in the kernel, and compares.
/// Err when libseccomp refuses the profile (as runc would).
fn check_profile(
    p: &Profile,
    target: &Target,
    calls: &[(&str, [u64; 6])],
) -> Result<Vec<Seen>, compile::CompileError> {
    let plan = compile::plan(p, target);
    let mut cases = Vec::new();
    for (name, args) in calls {
        let nr = Catalog
            .syscall(name)
            .and_then(|s| s.number(Arch::X86_64))
            .expect("x86_64 call");
        cases.push(Case {
            nr: i64::from(nr),
            args: *args,
        });
    }
    let unfiltered = run_in_kernel(&[], &cases);
    let mut outcomes = Vec::new();
    for layout in [compile::Layout::Linear, compile::Layout::Tree] {
        let compiled = compile::build(
            p,
            target,
            &Options {
                layout,
                observe: false,
            },
        )?;
        let predicted: Vec<Seen> = calls
            .iter()
            .zip(&unfiltered)
            .map(|((name, args), base)| {
                let ex = compile::explain(&compiled, &plan, Arch::X86_64, name, *args)
                    .expect("explainable");
                expected(ex.action, *base)
            })
            .collect();
        let got = run_in_kernel(&compiled.bpf, &cases);
        for (i, (want, got)) in predicted.iter().zip(&got).enumerate() {
            assert_eq!(
                want, got,
                "{layout:?}: {}{:x?} predicted {want:?}, kernel did {got:?}",
                calls[i].0, calls[i].1
            );
        }
        outcomes.extend(got);
    }
    Ok(outcomes)
}

use seccompose_core::bpf::testutil::Rng;

/// Calls that ignore their arguments and have no effect, so any argument values are safe.
const HARMLESS: &[&str] = &[
    "getppid", "getpid", "getuid", "geteuid", "getgid", "getegid", "gettid", "getpgrp",
];

/// Calls the installed libseccomp 2.5 does not know, so seccompose compiles them itself; with
/// these argument values they only fail (bad pointers, bad flags) and change nothing that matters.
const NEWER: &[&str] = &[
    "mseal",
    "listmount",
    "statmount",
    "lsm_get_self_attr",
    "lsm_list_modules",
    "getxattrat",
    "listxattrat",
    "file_getattr",
];

/// Interesting argument values: around 0, the 32-bit boundary, the high word.
const VALUES: &[u64] = &[
    0,
    1,
    2,
    7,
    8,
    0xff,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    0x1_0000_0000,
    0x1_0000_0001,
    0xffff_ffff_0000_0000,
    0xffff_ffff_ffff_ffff,
    0x8000_0000_0000_0000,
    0x0000_0005_0000_0007,
];

fn generated_profile(rng: &mut Rng) -> String {
    generated_profile_for(rng, "", &["exit", "exit_group"])
}

/// A random profile; `extra` goes at the top level (`"architectures": [...], `) and `allowed`
/// are allowed first of all (what the process needs to start and end).
fn generated_profile_for(rng: &mut Rng, extra: &str, allowed: &[&str]) -> String {
    let actions = [
        "SCMP_ACT_ALLOW",
        "SCMP_ACT_ERRNO",
        "SCMP_ACT_KILL_PROCESS",
        "SCMP_ACT_KILL_THREAD",
        "SCMP_ACT_KILL",
        "SCMP_ACT_TRAP",
        "SCMP_ACT_LOG",
        "SCMP_ACT_TRACE",
    ];
    let ops = [
        "SCMP_CMP_NE",
        "SCMP_CMP_LT",
        "SCMP_CMP_LE",
        "SCMP_CMP_EQ",
        "SCMP_CMP_GE",
        "SCMP_CMP_GT",
        "SCMP_CMP_MASKED_EQ",
    ];
    let default = rng.pick(&[
        "SCMP_ACT_ALLOW",
        "SCMP_ACT_ERRNO",
        "SCMP_ACT_TRACE",
        "SCMP_ACT_LOG",
    ]);
    let names: Vec<String> = allowed.iter().map(|n| format!("\"{n}\"")).collect();
    let mut rules = vec![format!(
        r#"{{"names": [{}], "action": "SCMP_ACT_ALLOW"}}"#,
        names.join(", ")
    )];
    let pool: Vec<&str> = HARMLESS.iter().chain(NEWER).copied().collect();
    for _ in 0..(2 + rng.next_u64() % 6) {
        let name = rng.pick(&pool);
        let action = rng.pick(&actions);
        let errno = if action == "SCMP_ACT_ERRNO" || action == "SCMP_ACT_TRACE" {
            format!(
                r#", "errnoRet": {}"#,
                rng.pick(&[1u64, 2, 13, 22, 95, 4000])
            )
        } else {
            String::new()
        };
        let mut args = Vec::new();
        for _ in 0..(rng.next_u64() % 4) {
            let index = rng.next_u64() % 3;
            let op = rng.pick(&ops);
            let value = rng.pick(VALUES);
            let two = if op == "SCMP_CMP_MASKED_EQ" {
                format!(r#", "valueTwo": {}"#, value & rng.pick(VALUES))
            } else {
                String::new()
            };
            args.push(format!(
                r#"{{"index": {index}, "value": {value}{two}, "op": "{op}"}}"#
            ));
        }
        rules.push(format!(
            r#"{{"names": ["{name}"], "action": "{action}"{errno}, "args": [{}]}}"#,
            args.join(", ")
        ));
    }
    format!(
        r#"{{"defaultAction": "{default}", "defaultErrnoRet": 7, {extra}"syscalls": [{}]}}"#,
        rules.join(",\n")
    )
}

/// A generated profile libseccomp (and so runc) refuses: two rules with the same conditions
/// and different actions. Only that refusal is expected, and not too often.
fn count_refusal(e: &compile::CompileError, text: &str, refused: &mut usize) {
    assert!(e.to_string().contains("existence"), "{e}\n{text}");
    *refused += 1;
    assert!(
        *refused < 50,
        "the generator keeps making conflicting profiles"
    );
}

/// `n` calls of the harmless and newer syscalls with interesting values in the first three
/// arguments.
fn random_calls(rng: &mut Rng, n: usize) -> Vec<(&'static str, [u64; 6])> {
    let pool: Vec<&str> = HARMLESS.iter().chain(NEWER).copied().collect();
    (0..n)
        .map(|_| {
            let name = rng.pick(&pool);
            let mut args = [0u64; 6];
            for a in args.iter_mut().take(3) {
                *a = rng.pick(VALUES);
            }
            (name, args)
        })
        .collect()
}

#[test]
fn generated_profiles_match_the_kernel() {
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let target = Target::host();
    let mut total = 0;
    let mut refused = 0;
    let mut kinds = std::collections::BTreeMap::new();
    while total < 2400 {
        let text = generated_profile(&mut rng);
        let p = match profile::parse(&text, &Catalog).profile {
            Some(p) => p,
            None => panic!("generated profile invalid:\n{text}"),
        };
        let calls = random_calls(&mut rng, 60);
        match check_profile(&p, &target, &calls) {
            Ok(seen) => {
                total += seen.len();
                for s in seen {
                    let kind = match s {
                        Seen::Errno(0) => "ran",
                        Seen::Errno(_) => "errno",
                        Seen::Trapped => "trapped",
                        Seen::Killed => "killed",
                    };
                    *kinds.entry(kind).or_insert(0) += 1;
                }
            }
            Err(e) => count_refusal(&e, &text, &mut refused),
        }
    }
    // Every kind of outcome was exercised, many times.
    for kind in ["ran", "errno", "trapped", "killed"] {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) >= 20,
            "{kind}: {kinds:?}"
        );
    }
}

#[test]
fn corpus_profiles_match_the_kernel() {
    let target = Target::host();
    let mut calls: Vec<(&str, [u64; 6])> = HARMLESS.iter().map(|n| (*n, [0; 6])).collect();
    for persona in [
        0u64,
        8,
        0x20000,
        0x20008,
        0xffff_ffff,
        0x0040_0000,
        1,
        0x1_0000_0000,
    ] {
        calls.push(("personality", [persona, 0, 0, 0, 0, 0]));
    }
    for domain in [1u64, 2, 10, 16, 38, 39, 40, 44, 45] {
        for ty in [1u64, 2, 3, 0x80001] {
            calls.push(("socket", [domain, ty, 0, 0, 0, 0]));
        }
    }
    let (mut fixtures, mut shared) = (0, 0);
    let shared_files = common::shared_corpus();
    for path in common::corpus() {
        let p = profile::load(&path, &Catalog).unwrap().profile.unwrap();
        let Ok(compiled) = compile::build(&p, &target, &Options::default()) else {
            assert!(
                common::runc_refuses(&p),
                "{} does not compile",
                path.display()
            );
            continue;
        };
        let plan = compile::plan(&p, &target);
        // The child needs exit_group to finish; profiles that deny it cannot host the probe.
        let exits = compile::explain(&compiled, &plan, Arch::X86_64, "exit_group", [0; 6]).unwrap();
        if !exits.action.allows() {
            continue;
        }
        check_profile(&p, &target, &calls).unwrap();
        if shared_files.contains(&path) {
            shared += 1;
        } else {
            fixtures += 1;
        }
    }
    assert_eq!(fixtures, common::REALISTIC.len(), "every fixture is probed");
    assert!(
        shared_files.is_empty() || shared >= 5,
        "only {shared} corpus profiles could be probed"
    );
}

/// What the i386 probe printed for one call, or how it ended.
fn probe_outcome(line: &str) -> String {
    line.trim().to_string()
}

/// Runs `calls` (i386 numbers, 32-bit arguments) in the 32-bit probe under `file`'s filter
/// (enforced by `seccompose run`, which loads the x86_64 host's filter with its x86 section),
/// restarting after each trap or kill.
fn run_i386(file: &std::path::Path, calls: &[(u32, [u64; 6])]) -> Vec<String> {
    let probe = common::probe::probe(true);
    let mut seen = Vec::new();
    while seen.len() < calls.len() {
        let rest = &calls[seen.len()..];
        let mut argv: Vec<String> = Vec::new();
        for (nr, args) in rest {
            argv.push(nr.to_string());
            argv.extend(args.iter().map(|a| format!("{:#x}", a & 0xFFFF_FFFF)));
        }
        let out = common::seccompose()
            .args(["run", "--enforce", "--runtime", "none"])
            .arg(file)
            .arg("--")
            .arg(&probe)
            .args(&argv)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut lines: Vec<String> = stdout
            .lines()
            .filter(|l| l.starts_with("ok ") || l.starts_with("errno "))
            .map(probe_outcome)
            .collect();
        let ran = lines.len();
        seen.append(&mut lines);
        if seen.len() < calls.len() {
            match out.status.code() {
                Some(77) => seen.push("trapped".into()),
                Some(159) => seen.push("killed".into()),
                other => panic!(
                    "the probe ended at call {} with {other:?} after {ran} calls: {} {argv:?}",
                    seen.len(),
                    String::from_utf8_lossy(&out.stderr)
                ),
            }
        }
    }
    seen
}

/// What the probe prints for a filter verdict, given what the call printed with no filter.
fn expected_line(action: RetAction, unfiltered: &str) -> String {
    match action {
        RetAction::Allow | RetAction::Log => unfiltered.to_string(),
        RetAction::Errno(0) => "ok 0".into(),
        RetAction::Errno(e) => format!("errno {}", e.min(4095)),
        RetAction::Trace(_) | RetAction::UserNotif => format!("errno {}", libc::ENOSYS),
        RetAction::Trap(_) => "trapped".into(),
        RetAction::KillThread | RetAction::KillProcess | RetAction::Unknown(_) => "killed".into(),
    }
}

/// Known to libseccomp on both x86 ABIs, not multiplexed, and not in the generator's pool:
/// stand-ins for the names of `NEWER`, to compare the two compilations.
const TWINS: &[&str] = &[
    "sync",
    "getcpu",
    "sched_yield",
    "getrusage",
    "times",
    "umask",
    "getpriority",
    "sysinfo",
];

/// How many random profiles the differential test tries (more with
/// SECCOMPOSE_DIFFERENTIAL_PROFILES).
fn differential_profiles() -> usize {
    std::env::var("SECCOMPOSE_DIFFERENTIAL_PROFILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// Seeded random profiles over both x86 ABIs: the kernel does what `explain` says on x86_64
/// and on i386 (a 32-bit program under the x86_64 host's filter); a name libseccomp lacks
/// behaves exactly like a name it knows given the same rules; and wherever the filter does
/// not do what the profile says (evaluated directly), the translation check reports it.
#[test]
fn differential_random_profiles_on_both_abis() {
    if Arch::native() != Arch::X86_64 {
        common::skipped("the differential test runs i386 programs beside x86_64 ones");
        return;
    }
    let mut rng = Rng(0xd1ff_e4e0_71a1_0001);
    // seccompose's own filter as compiled (no runtime's stub, every name by number): what
    // this test checks against the kernel.
    let target = Target {
        runtime: seccompose::profile::Runtime::None,
        ..Target::host()
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut profiles, mut kernel_calls, mut refused, mut twin_calls) = (0, 0, 0, 0);
    let (mut miscompiled, mut caught) = (0, 0);
    while profiles < differential_profiles() {
        // The probe is exec'd, writes its lines and may set a SIGSYS handler.
        let text = generated_profile_for(
            &mut rng,
            r#""architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"], "#,
            &[
                "exit",
                "exit_group",
                "execve",
                "write",
                "rt_sigaction",
                "rt_sigreturn",
            ],
        );
        let p = profile::parse(&text, &Catalog)
            .profile
            .unwrap_or_else(|| panic!("generated profile invalid:\n{text}"));
        let calls = random_calls(&mut rng, 30);
        // x86_64, both layouts, in the kernel.
        match check_profile(&p, &target, &calls) {
            Ok(seen) => kernel_calls += seen.len(),
            Err(e) => {
                count_refusal(&e, &text, &mut refused);
                continue;
            }
        }
        profiles += 1;
        let compiled = compile::build(&p, &target, &Options::default()).unwrap();
        let plan = compile::plan(&p, &target);

        // i386 in the kernel, through `seccompose run --enforce` of the 32-bit probe.
        let i386: Vec<(u32, [u64; 6])> = calls
            .iter()
            .take(12)
            .map(|(name, args)| {
                let nr = Catalog
                    .syscall(name)
                    .and_then(|s| s.number(Arch::X86))
                    .unwrap();
                (nr, args.map(|a| a & 0xFFFF_FFFF))
            })
            .collect();
        let file = dir.path().join(format!("p{profiles}.json"));
        std::fs::write(&file, &text).unwrap();
        // The baseline runs the same way (same containment: a fresh PID namespace as root).
        let allow_all = dir.path().join("allow-all.json");
        std::fs::write(&allow_all, r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"]}"#).unwrap();
        let unfiltered = run_i386(&allow_all, &i386);
        let got = run_i386(&file, &i386);
        for (i, ((name, _), (_, args))) in calls.iter().zip(&i386).enumerate() {
            let ex = compile::explain(&compiled, &plan, Arch::X86, name, *args).unwrap();
            let want = expected_line(ex.action, &unfiltered[i]);
            assert_eq!(want, got[i], "i386 {name}{args:x?} under\n{text}");
        }
        kernel_calls += i386.len();

        // A name libseccomp lacks and its twin, given the same rules, on both ABIs.
        let mut twin_text = text.clone();
        let mut twin_of = std::collections::BTreeMap::new();
        for (newer, twin) in NEWER.iter().zip(TWINS) {
            twin_text = twin_text.replace(&format!("\"{newer}\""), &format!("\"{twin}\""));
            twin_of.insert(*newer, *twin);
        }
        let twin_profile = profile::parse(&twin_text, &Catalog).profile.unwrap();
        let twin_compiled = compile::build(&twin_profile, &target, &Options::default()).unwrap();
        let twin_plan = compile::plan(&twin_profile, &target);
        for (name, args) in calls.iter().filter(|(n, _)| twin_of.contains_key(n)) {
            for arch in [Arch::X86_64, Arch::X86] {
                let args = if arch == Arch::X86 {
                    args.map(|a| a & 0xFFFF_FFFF)
                } else {
                    *args
                };
                let lacking = compile::explain(&compiled, &plan, arch, name, args).unwrap();
                let known = compile::explain(&twin_compiled, &twin_plan, arch, twin_of[name], args)
                    .unwrap();
                assert_eq!(
                    lacking.action, known.action,
                    "{name} vs {} on {arch} {args:x?}\n{text}",
                    twin_of[name]
                );
                twin_calls += 1;
            }
        }

        // Where the filter and the profile's meaning differ, the translation check says so.
        let policy = profile::policy(&p, &target);
        let mismatches = compile::translation_check(&p, &target, &compiled);
        for (name, args) in &calls {
            for arch in [Arch::X86_64, Arch::X86] {
                let args = if arch == Arch::X86 {
                    args.map(|a| a & 0xFFFF_FFFF)
                } else {
                    *args
                };
                let filter = compile::explain(&compiled, &plan, arch, name, args)
                    .unwrap()
                    .action;
                let meaning = policy.treatment(name).decide(&args);
                if filter != compile::ret_action(meaning.action, u64::from(meaning.errno)) {
                    miscompiled += 1;
                    assert!(
                        mismatches.iter().any(|m| m.name == *name && m.arch == arch),
                        "{name}{args:x?} on {arch}: filter {filter:?}, profile {meaning}, not reported\n{text}"
                    );
                    caught += 1;
                }
            }
        }
    }
    eprintln!(
        "differential: {profiles} profiles, {kernel_calls} kernel calls, {twin_calls} twin comparisons, \
         {miscompiled} calls where libseccomp's filter differs from the profile (all {caught} reported), \
         {refused} profiles refused as runc would"
    );
    assert!(
        kernel_calls >= 10_000 || differential_profiles() < 200,
        "{kernel_calls} kernel calls"
    );
    assert!(twin_calls > 0);
}
