//! `lint --fix` and the CI formats through the real binary: the seed example (defaultAction
//! ALLOW, mkdir/chmod/chown denied) is fixed through the normal save, and the fixed profile
//! really stops coreutils' chmod and chown in the kernel; `--dry-run`, `--deny`, SARIF.

use crate::common;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = "seed-mkdir-chmod-chown.json";

/// A scratch folder holding a copy of the seed example as p.json.
fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::copy(common::fixture(SEED), &file).unwrap();
    (dir, file)
}

fn lint(dir: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    common::seccompose()
        .current_dir(dir)
        .args(["lint", "p.json", "--arch", "x86_64", "--kernel", "6.1"])
        // A runtime whose libseccomp resolves every name the fixtures use.
        .args(["--libseccomp", "2.6.1"])
        .args(extra)
        .assert()
}

fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// `seccompose run --enforce PROFILE -- CMD...` in `dir`: exit code and stderr.
fn enforce(dir: &Path, profile: &Path, cmd: &[&str]) -> (i32, String) {
    run(dir, profile, &["--enforce"], cmd)
}

/// `seccompose run PROFILE -- CMD...` (observed mode) in `dir`: exit code and stderr.
fn observe(dir: &Path, profile: &Path, cmd: &[&str]) -> (i32, String) {
    run(dir, profile, &[], cmd)
}

fn run(dir: &Path, profile: &Path, mode: &[&str], cmd: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_seccompose"))
        .current_dir(dir)
        .arg("run")
        .arg(profile)
        .args(mode)
        .arg("--")
        .args(cmd)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_seed_example_names_every_sibling_left_open() {
    let (dir, _) = seed_copy();
    let a = lint(dir.path(), &["--format", "json"]).code(1);
    let items: Value = serde_json::from_str(&stdout_of(&a)).unwrap();
    let block = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "incomplete-block")
        .expect("an incomplete block");
    let named: Vec<&str> = block["syscalls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for sibling in [
        "mkdirat",
        "fchmodat",
        "fchmodat2",
        "fchownat",
        "fchown",
        "lchown",
    ] {
        assert!(named.contains(&sibling), "{sibling} in {named:?}");
        assert!(block["message"].as_str().unwrap().contains(sibling));
    }
    assert!(block["fix"].as_str().unwrap().starts_with("deny mkdirat"));
}

#[test]
fn fix_closes_the_hole_in_the_kernel() {
    let (dir, file) = seed_copy();
    let target = dir.path().join("f");
    std::fs::write(&target, "x").unwrap();
    // Before: the block misses what coreutils calls, so chmod works.
    let (code, err) = enforce(dir.path(), &file, &["chmod", "600", "f"]);
    assert_eq!(code, 0, "chmod goes through the seed example: {err}");

    let before = std::fs::read_to_string(&file).unwrap();
    lint(dir.path(), &["--fix"])
        .code(1) // defaultAction ALLOW still lets high-risk calls through
        .stderr(contains("fixed[incomplete-block]: deny mkdirat"))
        .stdout(contains("incomplete-block").not());
    let after = std::fs::read_to_string(&file).unwrap();
    // The normal save: only the names line changed, the old file kept as p.json~.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{after}");
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.json~")).unwrap(),
        before
    );

    for cmd in [["chmod", "600", "f"], ["chown", "0", "f"]] {
        let (code, err) = enforce(dir.path(), &file, &cmd);
        assert_eq!(code, 1, "{cmd:?} fails: {err}");
        assert!(err.contains("Operation not permitted"), "{cmd:?}: {err}");
    }
    let (code, err) = enforce(dir.path(), &file, &["mkdir", "d"]);
    assert_eq!(code, 1, "mkdir fails too: {err}");
}

#[test]
fn dry_run_shows_the_effective_change_and_writes_nothing() {
    let (dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let a = lint(dir.path(), &["--fix", "--dry-run"])
        .code(1)
        .stderr(contains("would fix[incomplete-block]"));
    let out = stdout_of(&a);
    assert!(
        out.contains("fchmodat: SCMP_ACT_ALLOW -> SCMP_ACT_ERRNO(1)"),
        "{out}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!dir.path().join("p.json~").exists());
    // Once fixed, there is nothing left to change.
    lint(dir.path(), &["--fix"]).code(1);
    lint(dir.path(), &["--fix", "--dry-run"])
        .success()
        .stdout("")
        .stderr(contains("nothing to fix"));
}

#[test]
fn fix_refuses_a_file_that_is_not_a_profile_and_dry_run_needs_fix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.json"), "{\"defaultAction\": 1}").unwrap();
    lint(dir.path(), &["--fix"])
        .code(1)
        .stdout(contains("error"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.json")).unwrap(),
        "{\"defaultAction\": 1}"
    );
    lint(dir.path(), &["--dry-run"]).code(2);
}

#[test]
fn deny_chooses_the_exit_threshold() {
    let dir = tempfile::tempdir().unwrap();
    // Only a note: recv and send, which x86_64 lacks.
    std::fs::copy(
        common::fixture("service-4space.json"),
        dir.path().join("p.json"),
    )
    .unwrap();
    lint(dir.path(), &[]).success();
    lint(dir.path(), &["--deny", "warning"]).success();
    lint(dir.path(), &["--deny", "note"]).code(1);
    let (dir, _) = seed_copy();
    lint(dir.path(), &["--deny", "error"]).success();
    lint(dir.path(), &["--deny", "warning"]).code(1);
    lint(dir.path(), &["--deny", "bogus"]).code(2);
}

/// The parts of SARIF 2.1.0 that code-scanning services require, checked by hand against
/// the schema's required properties and types.
#[test]
fn sarif_output_has_the_2_1_0_structure() {
    let (dir, _) = seed_copy();
    let a = lint(dir.path(), &["--format", "sarif"]).code(1);
    let log: Value = serde_json::from_str(&stdout_of(&a)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "seccompose");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in rules {
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 2);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], id, "ruleIndex points at its rule");
        assert!(["none", "note", "warning", "error"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "p.json");
        let region = &physical["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
    let block = results
        .iter()
        .find(|r| r["ruleId"] == "incomplete-block")
        .unwrap();
    assert_eq!(
        block["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    // Only properties the schema knows at the top of a result.
    let known = [
        "ruleId",
        "ruleIndex",
        "level",
        "message",
        "locations",
        "properties",
    ];
    for r in results {
        for k in r.as_object().unwrap().keys() {
            assert!(known.contains(&k.as_str()), "unexpected result key {k}");
        }
    }
}

#[test]
fn runtime_defaults_have_no_errors() {
    for file in common::corpus() {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&file, dir.path().join("p.json")).unwrap();
        let a = lint(dir.path(), &["--format", "json"]);
        let items: Value = serde_json::from_str(&stdout_of(&a)).unwrap();
        let is_runtime_default = common::REALISTIC.contains(&name.as_str())
            || name == "moby-default.json"
            || name == "containers-common-seccomp.json";
        if !is_runtime_default {
            continue;
        }
        let errors: Vec<&Value> = items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// `lint` reads an OCI runtime `config.json` as the other commands do, and refuses a file of
/// several manifests with the way to take one out (exit 2), instead of "invalid JSON".
#[test]
fn lint_reads_an_oci_config_and_names_the_way_out_of_several_manifests() {
    common::seccompose()
        .args([
            "lint".as_ref(),
            common::fixture("oci-config.json").as_os_str(),
        ])
        .assert()
        .stdout(contains("startup-missing"))
        .stderr(contains("oci-config.json: 0 errors"));
    common::seccompose()
        .args([
            "lint".as_ref(),
            common::fixture("spo-profiles.yaml").as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("several SeccompProfiles"))
        .stderr(contains("log-everything"))
        .stderr(contains("invalid JSON").not());
}

/// On a file it may not write, `lint --fix` says what it would fix, never "fixed".
#[test]
fn lint_fix_on_a_read_only_file_says_would_fix() {
    let (dir, file) = seed_copy();
    let mut perms = std::fs::metadata(&file).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o444);
    std::fs::set_permissions(&file, perms).unwrap();
    let before = std::fs::read(&file).unwrap();
    let out = lint(dir.path(), &["--fix"]).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("would fix["), "{err}");
    assert!(!err.contains(": fixed["), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// `lint --format json` on p.json in `dir`: the findings.
fn json_findings(dir: &Path) -> Vec<Value> {
    let a = lint(dir, &["--format", "json"]);
    serde_json::from_str(&stdout_of(&a)).unwrap()
}

/// The findings with this id.
fn with_id<'v>(items: &'v [Value], id: &str) -> Vec<&'v Value> {
    items.iter().filter(|i| i["id"] == id).collect()
}

/// Docker's default shape (the project's fixture) with mkdir, chmod and chown taken out of the
/// allowlist, as a user does with `d` on each in view 1, saved as p.json in a scratch folder.
fn allowlist_less_three() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    let text = std::fs::read_to_string(common::fixture("runtime-default.json")).unwrap();
    let kept: Vec<&str> = text
        .split_inclusive('\n')
        .filter(|l| !["\"mkdir\",", "\"chmod\",", "\"chown\","].contains(&l.trim()))
        .collect();
    assert_eq!(kept.len() + 3, text.split_inclusive('\n').count());
    std::fs::write(&file, kept.concat()).unwrap();
    (dir, file)
}

#[test]
fn an_allowlist_less_mkdir_chmod_and_chown_warns_and_the_fix_stops_chmod_in_the_kernel() {
    let (dir, file) = allowlist_less_three();
    std::fs::write(dir.path().join("f"), "x").unwrap();
    let (code, err) = enforce(dir.path(), &file, &["chmod", "600", "f"]);
    assert_eq!(code, 0, "fchmodat does chmod's job: {err}");
    // Observed, the run says what went through, and why.
    let (code, err) = observe(dir.path(), &file, &["chmod", "600", "f"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("the policy stopped no syscall"), "{err}");
    assert!(
        err.contains(
            "went through: fchmodat(dirfd=AT_FDCWD, pathname=\"f\", mode=S_IRUSR|S_IWUSR), \
             which does what chmod does; the draft denies chmod but allows fchmodat (line 44:3)"
        ),
        "{err}"
    );

    let items = json_findings(dir.path());
    let blocks = with_id(&items, "incomplete-block");
    let denied: Vec<&str> = blocks
        .iter()
        .map(|b| b["syscalls"][0].as_str().unwrap())
        .collect();
    assert_eq!(denied, ["chmod", "chown", "mkdir"], "{blocks:#?}");
    for (block, sibling) in blocks.iter().zip(["fchmodat", "fchownat", "mkdirat"]) {
        let message = block["message"].as_str().unwrap();
        assert!(message.contains(sibling), "{message}");
        assert!(
            message.contains("allowed by syscalls[0] (44:3)"),
            "{message}"
        );
        assert_eq!(block["severity"], "warning");
    }
    // Docker's ENOSYS for clone3 steers C libraries to clone: not a finding of any kind.
    assert!(
        items.iter().all(|i| !i["syscalls"]
            .as_array()
            .unwrap()
            .contains(&Value::from("clone3"))),
        "{items:#?}"
    );

    lint(dir.path(), &["--fix"])
        .stderr(contains(
            "fixed[incomplete-block]: deny fchmod, fchmodat and fchmodat2 like chmod",
        ))
        .stdout(contains("incomplete-block").not());
    let (code, err) = enforce(dir.path(), &file, &["chmod", "600", "f"]);
    assert_eq!(code, 1, "chmod fails after the fix: {err}");
    assert!(err.contains("Operation not permitted"), "{err}");
    let (code, err) = enforce(dir.path(), &file, &["mkdir", "d"]);
    assert_eq!(code, 1, "mkdir fails too: {err}");
    let (code, err) = observe(dir.path(), &file, &["chmod", "600", "f"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("fchmodat") && !err.contains("went through"),
        "{err}"
    );
    // The fix only took names out: the profile still runs ordinary commands.
    let (code, err) = enforce(dir.path(), &file, &["cat", "f"]);
    assert_eq!(code, 0, "{err}");
}

/// The findings of this kind left on podman's default profile when ../shared/corpus has it,
/// each a real inconsistency: podman fails these calls with EPERM (not its default ENOSYS,
/// which would steer programs to the older call) while the older call does their job.
const PODMAN_GAPS: &[(&str, &str)] = &[
    ("futex_requeue", "futex"),        // FUTEX_CMP_REQUEUE
    ("futex_wait", "futex"),           // FUTEX_WAIT
    ("futex_waitv", "futex"),          // several FUTEX_WAITs
    ("futex_wake", "futex"),           // FUTEX_WAKE
    ("io_pgetevents", "io_getevents"), // the same without a signal mask
    ("nice", "setpriority"),           // PRIO_PROCESS of the caller
    ("vmsplice", "splice"),            // moving data into a pipe
];

#[test]
fn docker_s_and_podman_s_defaults_keep_only_real_inconsistencies() {
    for file in common::runtime_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&file, dir.path().join("p.json")).unwrap();
        let out = stdout_of(&lint(dir.path(), &[]));
        assert!(
            !out.contains("incomplete-block"),
            "{}: {out}",
            file.display()
        );
    }
    let Some(podman) = common::shared_corpus()
        .into_iter()
        .find(|p| p.ends_with("containers-common-seccomp.json"))
    else {
        return; // the fixture above is checked on every machine
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&podman, dir.path().join("p.json")).unwrap();
    let items = json_findings(dir.path());
    let blocks = with_id(&items, "incomplete-block");
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    let message = blocks[0]["message"].as_str().unwrap();
    for (denied, sibling) in PODMAN_GAPS {
        assert!(
            message.contains(denied) && message.contains(sibling),
            "{denied}: {message}"
        );
    }
    assert!(message.contains("with SCMP_ACT_ERRNO (EPERM)"), "{message}");
}
