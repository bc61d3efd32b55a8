//! `lint --fix` and the CI formats through the real binary: the seed example (defaultAction
//! ALLOW, mkdir/chmod/chown denied) is fixed through the normal save, and the fixed profile
//! really stops coreutils' chmod and chown in the kernel; `--dry-run`, `--deny`, SARIF.

mod common;

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
    let out = Command::new(env!("CARGO_BIN_EXE_seccompose"))
        .current_dir(dir)
        .arg("run")
        .arg(profile)
        .arg("--enforce")
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
