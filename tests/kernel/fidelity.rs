//! What the tool says is what the kernel does: a name the installed libseccomp does not know
//! (compiled by seccompose's own block) behaves exactly like a name it knows given the same
//! rules (its twin).

use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Target};

/// The profile text with `NAME` standing for the syscall.
fn profile_for(template: &str, name: &str) -> profile::Profile {
    let text = template.replace("NAME", name);
    profile::parse(&text, &Catalog)
        .profile
        .unwrap_or_else(|| panic!("valid: {text}"))
}

fn action(p: &profile::Profile, arch: Arch, name: &str, args: [u64; 6]) -> String {
    // A runtime whose libseccomp knows the names this machine's does not.
    let target = Target {
        libseccomp: profile::LibseccompVersion::parse("2.6.0").unwrap(),
        ..Target::host()
    };
    let compiled = compile::build(p, &target, &Options::default()).unwrap();
    let plan = compile::plan(p, &target);
    let e = compile::explain(&compiled, &plan, arch, name, args).unwrap();
    format!("{:?}", e.action)
}

/// `listmount` and `mseal` are unknown to this machine's libseccomp 2.5; `getppid` and `sync`
/// it knows.
const UNKNOWN: &[&str] = &["listmount", "mseal"];
const TWINS: &[&str] = &["getppid", "sync"];

fn same_as_twin(template: &str, calls: &[[u64; 6]]) {
    for (unknown, twin) in UNKNOWN.iter().zip(TWINS) {
        let lacking = profile_for(template, unknown);
        let known = profile_for(template, twin);
        for arch in [Arch::X86_64, Arch::X86] {
            for args in calls {
                assert_eq!(
                    action(&lacking, arch, unknown, *args),
                    action(&known, arch, twin, *args),
                    "{unknown} vs {twin} on {arch} with {args:x?} under {template}"
                );
            }
        }
    }
}

const ARCHES: &str = r#""architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]"#;

#[test]
fn an_unconditional_rule_wins_over_conditional_ones_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 1, "value": 6575, "op": "SCMP_CMP_LE"}}]}},
        {{"names": ["NAME"], "action": "SCMP_ACT_KILL_THREAD"}}]}}"#
    );
    same_as_twin(&template, &[[0; 6], [0, 7000, 0, 0, 0, 0]]);
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "errnoRet": 77, "args": [{{"index": 0, "value": 5, "op": "SCMP_CMP_EQ"}}]}},
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "errnoRet": 88}}]}}"#
    );
    same_as_twin(&template, &[[5, 0, 0, 0, 0, 0], [6, 0, 0, 0, 0, 0]]);
}

#[test]
fn masked_eq_masks_the_datum_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 0, "value": 255, "valueTwo": 480, "op": "SCMP_CMP_MASKED_EQ"}}]}}]}}"#
    );
    same_as_twin(
        &template,
        &[[0xe0, 0, 0, 0, 0, 0], [0x1e0, 0, 0, 0, 0, 0], [0; 6]],
    );
}

#[test]
fn thirty_two_bit_calls_compare_the_low_word_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 0, "value": 4294967301, "op": "SCMP_CMP_EQ"}}]}}]}}"#
    );
    same_as_twin(
        &template,
        &[[5, 0, 0, 0, 0, 0], [0x1_0000_0005, 0, 0, 0, 0, 0], [6; 6]],
    );
}

use crate::common;

/// `explain ... --json` for a profile text, as the CLI prints it.
fn explain_json(profile_text: &str, args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, profile_text).unwrap();
    common::explain_json(&path, args)
}

#[test]
fn explain_arch_is_the_calling_abi_under_the_hosts_filter() {
    if Arch::native() != Arch::X86_64 {
        common::skipped("the host is not x86_64, so there is no x86 ABI beside it");
        return;
    }
    let includes = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        "syscalls": [{"names": ["prctl"], "action": "SCMP_ACT_KILL", "includes": {"arches": ["amd64"]}}]}"#;
    let x86 = explain_json(includes, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(x86["action"], "SCMP_ACT_KILL_THREAD", "{x86}");
    assert_eq!(x86["host_arch"], "x86_64");
    // Loaded on an i386 host the rule is not active: that is --host-arch's question.
    let on_i386 = explain_json(
        includes,
        &["prctl", "0", "--arch", "x86", "--host-arch", "x86"],
    );
    assert_eq!(on_i386["action"], "SCMP_ACT_ALLOW", "{on_i386}");

    let excludes = includes.replace("includes", "excludes");
    let x86 = explain_json(&excludes, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(
        x86["action"], "SCMP_ACT_ALLOW",
        "excluded on the amd64 host: {x86}"
    );

    let arch_map = r#"{"defaultAction": "SCMP_ACT_ALLOW", "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
        "syscalls": [{"names": ["prctl"], "action": "SCMP_ACT_KILL", "includes": {"arches": ["amd64"]}}]}"#;
    let x86 = explain_json(arch_map, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(x86["action"], "SCMP_ACT_KILL_THREAD", "{x86}");

    // No x86 section: the bad-architecture action decides, not the profile's default.
    let only_64 = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": []}"#;
    let x86 = explain_json(only_64, &["prctl", "0", "--arch", "x86"]);
    assert_ne!(x86["action"], "SCMP_ACT_ALLOW", "{x86}");
    assert!(x86["rule"].is_null());
}

fn compile_text(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, text).unwrap();
    common::seccompose()
        .arg("compile")
        .arg(&path)
        .output()
        .unwrap()
}

#[test]
fn errno_values_are_handled_as_runc_and_libseccomp_do() {
    // libseccomp refuses ERRNO above 4094, so runc cannot load it: no silent clamp.
    for text in [
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 4096}]}"#,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 4095}"#,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 65535}"#,
    ] {
        let out = compile_text(text);
        assert!(!out.status.success(), "{text} compiled");
        assert!(String::from_utf8_lossy(&out.stderr).contains("container will not start"));
    }
    // runc ignores errnoRet on ALLOW; it wraps 65536 to 0 and 65537 to 1.
    let ignored = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 70000}]}"#;
    assert!(compile_text(ignored).status.success());
    for (value, errno) in [(65536, 0), (65537, 1)] {
        let text = format!(
            r#"{{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": {value}}}]}}"#
        );
        let v = explain_json(&text, &["read"]);
        assert_eq!(v["action"], "SCMP_ACT_ERRNO");
        assert_eq!(v["errno"], errno, "{value}");
    }
}

#[test]
fn compile_reports_where_the_filter_does_not_do_what_the_profile_says() {
    // libseccomp mis-orders these OR'ed ranges: getpgid(0x61ba44a7) is denied in the kernel
    // although the second condition holds.
    let ranges = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["getpgid"], "action": "SCMP_ACT_ALLOW", "args": [
            {"index": 0, "value": 20319, "op": "SCMP_CMP_LT"},
            {"index": 0, "value": 5935572135, "op": "SCMP_CMP_LE"}]}]}"#;
    let v = explain_json(ranges, &["getpgid", "0x61ba44a7"]);
    assert_eq!(
        v["action"], "SCMP_ACT_ERRNO",
        "the miscompilation is still there"
    );
    let out = compile_text(ranges);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[translation]: on x86_64, getpgid(")
            && stderr.contains("the profile says SCMP_ACT_ALLOW"),
        "{stderr}"
    );
    // A 64-bit constant on a 32-bit ABI is compared on its low word only.
    let high = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        "syscalls": [{"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 4294967301, "op": "SCMP_CMP_EQ"}]}]}"#;
    let stderr = String::from_utf8_lossy(&compile_text(high).stderr).into_owned();
    assert!(
        stderr.contains("on x86, getppid(0x5) gets SCMP_ACT_ERRNO(1)"),
        "{stderr}"
    );
    assert!(!stderr.contains("on x86_64"), "{stderr}");
    // A profile the filter follows exactly: nothing to report.
    let clean = std::fs::read_to_string(common::fixture("runtime-default.json")).unwrap();
    let stderr = String::from_utf8_lossy(&compile_text(&clean).stderr).into_owned();
    assert!(!stderr.contains("translation"), "{stderr}");
}

#[test]
fn lint_reports_the_translation_check_at_the_rule() {
    let out = common::seccompose()
        .arg("lint")
        .arg(common::fixture("miscompiled-ranges.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("miscompiled-ranges.json:13:5: warning[translation]: on x86_64, getpgid("),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("warning[translation]").count(),
        1,
        "once: {stdout}"
    );
}

/// Calls tried and the differences between the filter runc installed, the compiled one and
/// `explain` (action, and that what explain says decided gives that action), for every
/// syscall number below 1024 of every architecture of the filter.
fn differences(
    name: &str,
    p: &profile::Profile,
    installed: &seccompose::bpf::Program,
) -> (usize, Vec<String>) {
    use seccompose::bpf::{emulate, Program, RetAction, SeccompData};
    let target = Target::host();
    let compiled = compile::build(p, &target, &Options::default()).unwrap();
    let plan = compile::plan(p, &target);
    let ours = Program::from_bytes(&compiled.bpf).unwrap();
    let default = compile::ret_action(
        p.default_action,
        u64::from(profile::RuncErrno::of(p.default_errno(), p.default_action).data),
    );
    let mut calls = 0;
    let mut diffs = Vec::new();
    for &arch in &compiled.arches {
        let base = if arch == Arch::X32 { 0x4000_0000 } else { 0 };
        for n in 0..1024u32 {
            for args in common::variants::argument_vectors(p) {
                calls += 1;
                let data = SeccompData::new(arch, base + n, args);
                let runc = emulate(installed, &data).action;
                let mine = emulate(&ours, &data).action;
                let ex = compile::explain_nr(&compiled, &plan, arch, base + n, args).unwrap();
                let claimed = if ex.stub.is_some() {
                    Some(RetAction::Errno(38))
                } else if let Some(i) = ex.rule {
                    plan.rules
                        .iter()
                        .find(|r| r.index == i)
                        .map(|r| compile::ret_action(r.action, r.errno))
                } else if ex.covered {
                    Some(default)
                } else {
                    None
                };
                // explain attributes a call made through socketcall or ipc (32-bit ABIs) to
                // no rule, so its "default" there is not checked; every other claim is.
                let multiplexed = ex.rule.is_none()
                    && ex.stub.is_none()
                    && Catalog.syscalls().iter().any(|s| {
                        s.number(arch) == Some(base + n)
                            && ["socketcall", "ipc"].contains(&s.name())
                    });
                let claim_wrong = claimed.is_some_and(|c| c != runc) && !multiplexed;
                // The stub, checked against runc's own: its return is inside runc's stub,
                // which is as long as ours whatever order runc's map gives its sections.
                let runc_path = emulate(installed, &data).path;
                let runc_stub = runc_path
                    .last()
                    .is_some_and(|at| *at < compiled.stub.range.len());
                if runc != mine
                    || ex.action != runc
                    || claim_wrong
                    || runc_stub != ex.stub.is_some()
                {
                    diffs.push(format!(
                        "{name}: {arch} nr {n} args {args:x?}: runc {runc:?}, compiled {mine:?}, explain {:?} (stub {:?}, rule {:?})",
                        ex.action, ex.stub, ex.rule
                    ));
                }
            }
        }
    }
    (calls, diffs)
}

/// How many random variants the runc trial loads (SECCOMPOSE_RUNC_VARIANTS, at least 30).
fn variant_count() -> u64 {
    std::env::var("SECCOMPOSE_RUNC_VARIANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30)
        .max(30)
}

#[test]
fn runc_installs_what_compile_and_explain_say() {
    if let Some(why) = common::runc::unavailable() {
        common::skipped(&why);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut files = vec![
        common::fixture("runtime-default.json"),
        common::fixture("containers-default.json"),
    ];
    let starters = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut starter_files: Vec<_> = std::fs::read_dir(&starters)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    starter_files.sort();
    files.extend(starter_files);
    files.extend(
        common::shared_corpus().into_iter().filter(|p| {
            common::is_moby_default(p) || p.ends_with("containers-common-seccomp.json")
        }),
    );
    for f in files {
        texts.push((
            f.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(&f).unwrap(),
        ));
    }
    for seed in 0..variant_count() {
        texts.push((
            format!("variant {seed}"),
            common::variants::random_profile(seed),
        ));
    }
    let bundle = common::runc::Bundle::new();
    let mut calls = 0;
    let mut refused = 0;
    let mut diffs = Vec::new();
    let mut first_text = None;
    let mut per_profile = Vec::new();
    for (i, (name, text)) in texts.iter().enumerate() {
        let path = dir.path().join(format!("p{i}.json"));
        std::fs::write(&path, text).unwrap();
        let p = profile::parse(text, &Catalog)
            .profile
            .unwrap_or_else(|| panic!("{name} is valid"));
        // The profile as the Docker daemon hands it to runc.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_seccompose"))
            .arg("convert")
            .arg(&path)
            .args(["--to", "oci"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: convert --to oci: {out:?}");
        let oci: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let id = |attempt: u32| format!("seccompose-{}-{i}-{attempt}", std::process::id());
        let built = compile::build(&p, &Target::host(), &Options::default());
        // runc was seen to load no filter and say nothing, once in a dozen full runs: an
        // uncontained run of a test beside this one ended runc's processes as its own leftovers
        // (that test now runs in a process of its own). When compile accepts the profile, a
        // refusal is still tried once more before it counts.
        let loaded = match bundle.installed_filter(&oci, &id(0)) {
            Err(_) if built.is_ok() => bundle.installed_filter(&oci, &id(1)),
            first => first,
        };
        let raw = match loaded {
            Ok(raw) => raw,
            Err(why) => {
                // What runc cannot load, compile refuses too.
                assert!(
                    built.is_err(),
                    "{name}: runc refused (twice), compile did not: {why}"
                );
                refused += 1;
                continue;
            }
        };
        let installed = seccompose::bpf::Program::from_bytes(&raw).unwrap();
        let (n, d) = differences(name, &p, &installed);
        calls += n;
        if !d.is_empty() {
            per_profile.push(format!("{name} ({})", d.len()));
            if first_text.is_none() {
                first_text = Some(format!("{name}:\n{text}"));
            }
        }
        diffs.extend(d);
    }
    eprintln!(
        "runc trial: {} profiles ({refused} refused by runc and compile alike), {calls} calls, {} differences",
        texts.len(),
        diffs.len()
    );
    assert!(
        diffs.is_empty(),
        "{} of {calls} calls differ, in {}; for example:\n{}\nthe first profile with differences, {}",
        diffs.len(),
        per_profile.join(", "),
        diffs[..diffs.len().min(20)].join("\n"),
        first_text.unwrap_or_default()
    );
}

/// On Docker's default, a syscall above the newest name the runtime resolves is answered by
/// runc's stub (ERRNO(ENOSYS)), and explain says so; with `--runtime none` the default action
/// answers it. The call is the highest-numbered one the catalog has that the profile does
/// not name.
#[test]
fn explain_names_runcs_stub_for_a_call_newer_than_the_profile() {
    for path in common::runtime_defaults() {
        let p = profile::load(&path, &Catalog).unwrap().profile.unwrap();
        let target = Target {
            arch: Arch::X86_64,
            ..Target::host()
        };
        let compiled = compile::build(&p, &target, &Options::default()).unwrap();
        let limit = compiled
            .stub
            .limit(Arch::X86_64)
            .expect("runc's stub covers x86_64")
            .clone();
        let named: Vec<&str> = p
            .rules()
            .iter()
            .flat_map(|r| r.names())
            .map(String::as_str)
            .collect();
        let newer = Catalog
            .syscalls()
            .iter()
            .filter(|s| !named.contains(&s.name()))
            .filter_map(|s| s.number(Arch::X86_64).map(|n| (n, s.name())))
            .filter(|(n, _)| *n > limit.nr && *n < 1024)
            .max()
            .unwrap_or_else(|| {
                panic!(
                    "{}: the catalog has a call above {}",
                    path.display(),
                    limit.nr
                )
            });
        let args = [newer.1, "--arch", "x86_64", "--host-arch", "x86_64"];
        let runc = common::explain_json(&path, &args);
        assert_eq!(runc["action"], "SCMP_ACT_ERRNO", "{runc}");
        assert_eq!(runc["errno"], 38, "{runc}");
        assert_eq!(runc["stub"]["above"], limit.nr, "{runc}");
        assert_eq!(runc["stub"]["name"], limit.name.as_str(), "{runc}");
        let mut none_args = args.to_vec();
        none_args.extend(["--runtime", "none"]);
        let none = common::explain_json(&path, &none_args);
        assert_eq!(none["action"], "SCMP_ACT_ERRNO", "{none}");
        assert_eq!(none["errno"], p.default_errno(), "{none}");
        assert!(none["stub"].is_null() && none["rule"].is_null(), "{none}");
        // The sentence people read.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_seccompose"))
            .arg("explain")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let want = format!(
            "decided by runc's -ENOSYS stub: {} is above {}, {}, the newest syscall this profile names that the runtime resolves for x86_64",
            newer.0, limit.nr, limit.name
        );
        assert!(text.contains(&want), "{text}");
    }
}
