//! Formats: OCI runtime configurations, Security Profiles Operator manifests and systemd unit
//! settings, through `seccompose convert`, checked with `seccompose diff` (effects, not text).

use crate::common;
use crate::editor_support;

use common::{fixture, seccompose};
use predicates::str::contains;
use seccompose::catalog::Catalog;
use seccompose::profile::formats::Container;
use seccompose::profile::{self, Action, Edit};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every profile the round trips are checked on: the project's fixtures that load, and the
/// real-world profiles in ../shared/corpus when that folder exists.
fn profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.ends_with("oci-config.json"))
        .collect();
    files.sort();
    files.extend(common::shared_corpus());
    files
        .into_iter()
        .filter(|p| {
            let parsed = profile::load(p, &Catalog).unwrap();
            parsed
                .profile
                .is_some_and(|prof| !common::runc_refuses(&prof))
        })
        .collect()
}

fn convert(input: &Path, args: &[&str], out: &Path) -> assert_cmd::assert::Assert {
    seccompose()
        .arg("convert")
        .arg(input)
        .args(args)
        .arg("-o")
        .arg(out)
        .assert()
}

fn same_effect(a: &Path, b: &Path, extra: &[&str]) {
    seccompose()
        .arg("diff")
        .arg(a)
        .arg(b)
        .args(extra)
        .assert()
        .code(0);
}

#[test]
fn docker_to_oci_to_docker_keeps_the_effective_policy() {
    let dir = tempfile::tempdir().unwrap();
    let files = profiles();
    assert!(files.len() >= 4, "{files:?}");
    for (i, p) in files.iter().enumerate() {
        for arch in [None, Some("aarch64")] {
            let extra: Vec<&str> = arch.map(|a| vec!["--arch", a]).unwrap_or_default();
            let oci = dir.path().join(format!("{i}.oci.json"));
            let back = dir.path().join(format!("{i}.back.json"));
            let args: Vec<&str> = [&["--to", "oci"][..], &extra].concat();
            convert(p, &args, &oci).success();
            convert(&oci, &["--to", "docker"], &back).success();
            same_effect(p, &back, &extra);
            // The OCI object has only OCI fields.
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&oci).unwrap()).unwrap();
            for rule in v["syscalls"].as_array().into_iter().flatten() {
                for key in rule.as_object().unwrap().keys() {
                    assert!(
                        ["names", "action", "errnoRet", "args"].contains(&key.as_str()),
                        "{}: {key} in the OCI output",
                        p.display()
                    );
                }
            }
        }
    }
}

#[test]
fn docker_to_spo_to_docker_keeps_the_effective_policy_or_says_what_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let mut lossless = 0;
    for (i, p) in profiles().iter().enumerate() {
        let spo = dir.path().join(format!("{i}.yaml"));
        let back = dir.path().join(format!("{i}.back.json"));
        let out = convert(p, &["--to", "spo", "--name", "round-trip"], &spo);
        let code = out.get_output().status.code();
        convert(&spo, &["--to", "docker"], &back).success();
        let text = std::fs::read_to_string(&spo).unwrap();
        assert!(text.starts_with("apiVersion: security-profiles-operator.x-k8s.io/v1\nkind: SeccompProfile\nmetadata:\n  name: round-trip\nspec:\n"), "{text}");
        match code {
            Some(0) => {
                same_effect(p, &back, &[]);
                lossless += 1;
            }
            Some(1) => {
                // Only what the operator's schema lacks may differ, and it was named: with the
                // original's default errno set to EPERM, the effect is the same.
                let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
                assert!(
                    stderr.contains("spo cannot express: defaultErrnoRet"),
                    "{stderr}"
                );
                let mut v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                v["defaultErrnoRet"] = 1.into();
                let eperm = dir.path().join(format!("{i}.eperm.json"));
                std::fs::write(&eperm, v.to_string()).unwrap();
                same_effect(&eperm, &back, &[]);
                // Written with --lossy, the same manifest is accepted.
                convert(p, &["--to", "spo", "--lossy"], &spo).success();
            }
            other => panic!("{}: convert --to spo exited {other:?}", p.display()),
        }
    }
    assert!(lossless >= 3);
}

#[test]
fn patching_a_runtime_config_changes_nothing_but_linux_seccomp() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture("oci-config.json");
    let text = std::fs::read_to_string(&config).unwrap();
    let (start, end) = (
        text.find("\"seccomp\": ").unwrap() + "\"seccomp\": ".len(),
        text.find("\n\t\t},\n\t\t\"readonlyPaths\"").unwrap() + "\n\t\t}".len(),
    );
    for p in profiles() {
        let out = dir.path().join("config.json");
        seccompose()
            .arg("convert")
            .arg(&p)
            .args(["--to", "oci", "--patch"])
            .arg(&config)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let patched = std::fs::read_to_string(&out).unwrap();
        assert!(patched.starts_with(&text[..start]), "{}", p.display());
        assert!(patched.ends_with(&text[end..]), "{}", p.display());
        // Read back out of the whole configuration, the profile does what it did.
        same_effect(&p, &out, &[]);
    }
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        text,
        "the input stays"
    );
}

#[test]
fn a_runtime_config_is_read_with_positions_in_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("oci-config.json")).unwrap();
    let bad = dir.path().join("config.json");
    std::fs::write(&bad, text.replace("SCMP_CMP_EQ", "SCMP_CMP_EQUALS")).unwrap();
    let line = 1 + text[..text.find("SCMP_CMP_EQ").unwrap()]
        .matches('\n')
        .count();
    seccompose()
        .args(["convert", "--to", "docker"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(contains(format!("config.json:{line}:")));
    let out = dir.path().join("p.json");
    convert(&fixture("oci-config.json"), &["--to", "docker"], &out).success();
    let p = profile::load(&out, &Catalog).unwrap().profile.unwrap();
    assert_eq!(p.default_errno_ret, Some(38));
    assert_eq!(p.rules().len(), 2);
}

#[test]
fn manifests_import_by_name() {
    let file = fixture("spo-profiles.yaml");
    seccompose()
        .args(["convert", "--to", "docker"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("web-frontend, log-everything"));
    seccompose()
        .args(["convert", "--to", "docker", "--name", "nope"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("no SeccompProfile named \"nope\""));
    let out = seccompose()
        .args(["convert", "--to", "docker", "--name", "web-frontend"])
        .arg(&file)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let p = profile::parse(&text, &Catalog).profile.unwrap();
    assert_eq!(p.rules()[2].errno_ret, Some(13));
    assert_eq!(p.rules()[1].conditions()[0].value, 10);
    // An error points at the YAML line and column.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&bad, yaml.replace("- epoll_wait", "- epol_wait")).unwrap();
    let line = 1 + yaml[..yaml.find("- epoll_wait").unwrap()]
        .matches('\n')
        .count();
    seccompose()
        .args(["convert", "--to", "docker", "--name", "web-frontend"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "bad.yaml:{line}:7: error: unknown syscall \"epol_wait\""
        )));
}

#[test]
fn the_operators_examples_import() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/spo-crd");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} not found; the fixture manifest is tested",
            dir.display()
        );
        return;
    };
    let mut seen = 0;
    for file in entries.flatten().map(|e| e.path()) {
        let text = std::fs::read_to_string(&file).unwrap();
        let prefix = match file.file_name().unwrap().to_str().unwrap() {
            "seccompprofile.yaml" => "spo-ex-",
            "seccompprofile-allowed-syscalls-validation.yaml" => "spo-ex-validation-",
            "seccompprofile-allowed-syscalls-change.yaml" => "spo-ex-change-",
            other => panic!("a manifest this test does not know: {other}"),
        };
        let names: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  name: "))
            .collect();
        assert!(!names.is_empty());
        for name in names {
            let out = tempfile::NamedTempFile::new().unwrap();
            seccompose()
                .args(["convert", "--to", "docker", "--name", name])
                .arg(&file)
                .arg("-o")
                .arg(out.path())
                .assert()
                .success();
            // The corpus has each spec as JSON too: the same effect.
            let json = dir.join(format!("../{prefix}{name}.json"));
            same_effect(&json, out.path(), &[]);
            seen += 1;
        }
    }
    assert!(seen >= 9, "{seen}");
}

#[test]
fn the_editor_saves_a_manifest_and_a_config_back_in_their_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, pick) in [
        ("spo-profiles.yaml", Some("log-everything")),
        ("spo-profiles.yaml", Some("web-frontend")),
        ("oci-config.json", None),
    ] {
        let path = dir.path().join(name);
        let original = std::fs::read_to_string(fixture(name)).unwrap();
        std::fs::write(&path, &original).unwrap();
        let opened = seccompose::profile::open(&path, None, pick, &Catalog).unwrap();
        let source = opened.source.expect("loads");
        let mut doc = profile::Document::new(opened.imported.parsed.profile.unwrap());
        doc.apply(&Edit::SetAction {
            names: vec!["mkdir".into()],
            action: Some(Action::KillProcess),
            errno: None,
        })
        .unwrap();
        let saved = profile::save_document(
            &path,
            Some(&source),
            doc.profile(),
            &Catalog,
            Default::default(),
            false,
        )
        .unwrap();
        assert_eq!(saved.rendering, profile::Rendering::Minimal, "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        let again = seccompose::profile::open(&path, None, pick, &Catalog).unwrap();
        let again = again.imported.parsed.profile.expect("reads back");
        assert_eq!(profile::to_value(&again), profile::to_value(doc.profile()));
        // Only the profile's part changed: whole lines were added, none outside it lost.
        let old: Vec<&str> = original.lines().collect();
        let new: Vec<&str> = text.lines().collect();
        let removed: Vec<&&str> = old.iter().filter(|l| !new.contains(l)).collect();
        // The edited spec block is written in block style again: a quoted scalar in it may
        // lose its quotes, nothing else may change.
        let allowed: &[&str] = match pick {
            Some("log-everything") => &["  defaultAction: \"SCMP_ACT_LOG\""],
            _ => &[],
        };
        assert!(
            removed.iter().all(|l| allowed.contains(l)),
            "{name}: lines lost: {removed:?}\n{text}"
        );
        match opened.imported.container {
            Container::Spo { .. } => assert!(text.contains("- mkdir"), "{text}"),
            _ => assert!(text.contains("\"mkdir\""), "{text}"),
        }
        // A second save goes through the source the first one left: the same format again.
        doc.apply(&Edit::SetAction {
            names: vec!["rmdir".into()],
            action: Some(Action::KillProcess),
            errno: None,
        })
        .unwrap();
        let second = profile::save_document(
            &path,
            Some(&saved.source),
            doc.profile(),
            &Catalog,
            Default::default(),
            false,
        )
        .unwrap();
        assert_eq!(second.rendering, profile::Rendering::Minimal, "{name}");
        let again = seccompose::profile::open(&path, None, pick, &Catalog).unwrap();
        assert_eq!(again.imported.container, opened.imported.container);
        let again = again.imported.parsed.profile.expect("reads back");
        assert_eq!(profile::to_value(&again), profile::to_value(doc.profile()));
    }
}

fn systemd(input: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    seccompose()
        .arg("convert")
        .arg(input)
        .args(["--to", "systemd"])
        .args(extra)
        .assert()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn systemd_lists_what_it_cannot_express_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let args = write(
        dir.path(),
        "args.json",
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
            {"names": ["read", "write", "exit_group"], "action": "SCMP_ACT_ALLOW"},
            {"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#,
    );
    let out = systemd(&args, &[]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("#   socket: SCMP_ACT_ALLOW if arg0 EQ 0x1"),
        "{text}"
    );
    assert!(text.contains("SystemCallErrorNumber=EPERM\n"), "{text}");
    systemd(&args, &["--lossy"]).code(0);
    // A deny list without argument rules says it all.
    let plain = fixture("deny-mkdir.json");
    let out = systemd(&plain, &[]).code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("SystemCallFilter=~"), "{text}");
    assert!(!text.contains("cannot express"), "{text}");
}

#[test]
fn systemd_uses_whole_sets_and_systemd_analyze_accepts_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = Catalog
        .group("@mount")
        .unwrap()
        .members()
        .map(|s| s.name().to_string())
        .collect();
    names.push("ptrace".into());
    let profile = serde_json::json!({
        "defaultAction": "SCMP_ACT_ALLOW",
        "syscalls": [
            {"names": names, "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
            {"names": ["kexec_load"], "action": "SCMP_ACT_KILL_PROCESS"},
        ]
    });
    let file = write(dir.path(), "p.json", &profile.to_string());
    let out = systemd(&file, &[]).code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("@mount:EACCES"), "{text}");
    assert!(text.contains("ptrace:EACCES"), "{text}");
    assert!(text.contains("SystemCallFilter=~kexec_load\n"), "{text}");
    let allow = systemd(&fixture("runtime-default.json"), &["--lossy"]).code(0);
    let allow_text = String::from_utf8_lossy(&allow.get_output().stdout).to_string();
    assert!(
        allow_text.contains("SystemCallErrorNumber="),
        "{allow_text}"
    );

    let Ok(found) = std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
    else {
        common::skipped("systemd-analyze is not installed (Debian package systemd)");
        return;
    };
    assert!(found.status.success());
    for (n, settings) in [text, allow_text].iter().enumerate() {
        let unit = write(
            dir.path(),
            &format!("seccompose-test{n}.service"),
            &format!("[Unit]\nDescription=test\n\n[Service]\nExecStart=/bin/true\n{settings}"),
        );
        let verify = std::process::Command::new("systemd-analyze")
            .arg("verify")
            .arg(&unit)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&verify.stderr);
        // A systemd older than a syscall ignores its name with a warning (only the allow
        // list, written from a profile of current Linux, may meet that); nothing else.
        let about_ours: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("seccompose-test"))
            .filter(|l| n == 0 || !l.contains("Failed to parse system call, ignoring: "))
            .collect();
        assert!(
            verify.status.success() && about_ours.is_empty(),
            "{stderr}\n{settings}"
        );
    }
}

#[test]
fn completions_and_the_manual_are_generated_from_the_command_line_definitions() {
    for shell in ["bash", "zsh", "fish"] {
        let out = seccompose().args(["completions", shell]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            text.contains("convert") && text.contains("--lossy"),
            "{shell}"
        );
    }
    let bash = seccompose()
        .args(["completions", "bash"])
        .assert()
        .success();
    let script = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(script.path(), &bash.get_output().stdout).unwrap();
    std::process::Command::new("bash")
        .arg("-n")
        .arg(script.path())
        .status()
        .map(|s| assert!(s.success(), "bash -n refuses the script"))
        .unwrap();
    let man = seccompose().arg("manpage").assert().success();
    let page = String::from_utf8_lossy(&man.get_output().stdout).to_string();
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH seccompose"),
        "{page}"
    );
    for section in [
        "COMMAND: CONVERT",
        "COMMAND: DIFF",
        "\\-\\-lossy",
        "\\-\\-patch",
    ] {
        assert!(page.contains(section), "{section} missing:\n{page}");
    }
}

#[test]
fn view_5_shows_what_the_unsaved_changes_do() {
    use editor_support::{press, screen, type_text};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    std::fs::copy(fixture("spo-profiles.yaml"), &path).unwrap();
    let opened_file = seccompose::profile::open(&path, None, None, &Catalog).unwrap();
    let mut app = seccompose::tui::app::App::new(
        opened_file.imported.parsed.profile.unwrap(),
        Some(path.clone()),
        editor_support::options(true, None, None),
    );
    app.session.source = opened_file.source;
    press(&mut app, &["5", "c"]);
    assert!(screen(&mut app, 160, 48).contains("No unsaved changes."));
    press(&mut app, &["1", "/"]);
    type_text(&mut app, "read");
    press(&mut app, &["enter", "esc", "x", "5"]);
    let text = screen(&mut app, 160, 48);
    assert!(text.contains("against the saved file"), "{text}");
    assert!(
        text.contains("read: SCMP_ACT_ALLOW -> SCMP_ACT_KILL_PROCESS"),
        "{text}"
    );
    press(&mut app, &["ctrl-s"]);
    let text = screen(&mut app, 160, 48);
    assert!(text.contains("No unsaved changes."), "{text}");
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("kind: SeccompProfile"));
    press(&mut app, &["c"]);
    assert!(!screen(&mut app, 160, 48).contains("Unsaved changes:"));
}

/// A file `convert -o` creates gets the user's umask (0644 under 022, 0600 under 077), as any
/// program's new file does; a file that exists keeps its own mode.
#[test]
fn new_files_get_the_users_umask_and_old_ones_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = common::fixture("deny-mkdir.json");
    let bin = env!("CARGO_BIN_EXE_seccompose");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let out = dir.path().join(format!("out-{umask}.json"));
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" convert \"$1\" --to oci -o \"$2\""
            ))
            .args([bin.as_ref(), input.as_os_str(), out.as_os_str()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&out), expected, "umask {umask}");
    }
    let kept = dir.path().join("out-022.json");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 000 && exec \"$0\" convert \"$1\" --to docker -o \"$2\"")
        .args([bin.as_ref(), input.as_os_str(), kept.as_os_str()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(mode(&kept), 0o640);
}
