//! `seccompose usage`: the Docker and podman lines name the profile's absolute path, the
//! Kubernetes YAML parses and says what the kubelet needs, the SPO manifest and the systemd
//! settings are what `convert` writes, and the bubblewrap lines really load the compiled
//! filter and run a command under it.

use crate::common;

use saphyr::{LoadableYamlNode, Yaml};
use seccompose::catalog::Catalog;
use seccompose::profile::formats::Format;
use seccompose::profile::usage::{usage, Kind, Section};
use seccompose::profile::{self, Target};
use std::path::{Path, PathBuf};
use std::process::Command;

const DENY_MKDIR: &str = r#"{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    { "names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO" }
  ]
}
"#;

/// A folder holding `deny mkdir.json` (a space, so the lines must quote it).
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deny mkdir.json");
    std::fs::write(&file, DENY_MKDIR).unwrap();
    (dir, file)
}

fn sections(file: &Path) -> Vec<Section> {
    let p = profile::load(file, &Catalog).unwrap().profile.unwrap();
    usage(&p, &Target::host(), Some(file), Format::Docker, &Catalog)
}

fn section<'a>(all: &'a [Section], id: &str) -> &'a Section {
    all.iter().find(|s| s.id == id).unwrap()
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn docker_and_podman_lines_name_the_absolute_file() {
    let (dir, file) = folder();
    // Given relative, the lines still name the file wherever they are run.
    let out = stdout(common::seccompose().current_dir(dir.path()).args([
        "usage",
        "deny mkdir.json",
        "--only",
        "docker",
    ]));
    let quoted = format!("'{}'", file.display());
    for runtime in ["docker", "podman"] {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{runtime} run")))
            .unwrap_or_else(|| panic!("no {runtime} line in:\n{out}"));
        assert!(
            line.contains(&format!("--security-opt seccomp={quoted}")),
            "{line}"
        );
        let words = shlex::split(line).unwrap();
        assert!(
            words.contains(&format!("seccomp={}", file.display())),
            "{words:?}"
        );
    }
    assert!(!out.contains("Kubernetes"), "--only shows one section");
}

fn yaml_docs(text: &str) -> Vec<Yaml<'_>> {
    Yaml::load_from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

#[test]
fn the_kubernetes_yaml_parses_and_names_the_profile_under_the_kubelet_root() {
    let (_dir, file) = folder();
    let all = sections(&file);
    let kube = section(&all, "kubernetes");
    let copy = &kube.blocks[0];
    assert_eq!(copy.kind, Kind::Shell);
    let words = shlex::split(copy.text.trim()).unwrap();
    assert_eq!(
        words,
        [
            "install",
            "-D",
            "-m",
            "0644",
            &file.display().to_string(),
            "/var/lib/kubelet/seccomp/profiles/deny-mkdir.json"
        ]
    );
    let docs = yaml_docs(&kube.blocks[1].text);
    let pod = &docs[0];
    assert_eq!(pod["kind"].as_str(), Some("Pod"));
    let sp = &pod["spec"]["securityContext"]["seccompProfile"];
    assert_eq!(sp["type"].as_str(), Some("Localhost"));
    assert_eq!(
        sp["localhostProfile"].as_str(),
        Some("profiles/deny-mkdir.json")
    );

    let spo = section(&all, "spo");
    let yaml = spo.blocks.iter().find(|b| b.kind == Kind::Yaml).unwrap();
    let docs = yaml_docs(&yaml.text);
    assert_eq!(docs.len(), 2, "the manifest and a pod");
    assert_eq!(docs[0]["kind"].as_str(), Some("SeccompProfile"));
    assert_eq!(docs[0]["metadata"]["name"].as_str(), Some("deny-mkdir"));
    let names = &docs[0]["spec"]["syscalls"][0]["names"];
    assert_eq!(names[0].as_str(), Some("mkdir"));
    assert_eq!(
        docs[1]["spec"]["securityContext"]["seccompProfile"]["localhostProfile"].as_str(),
        Some("operator/default/deny-mkdir.json")
    );
    // The manifest is what the shown convert line writes.
    let converted = stdout(common::seccompose().args([
        "convert",
        &file.display().to_string(),
        "--to",
        "spo",
        "--name",
        "deny-mkdir",
        "--namespace",
        "default",
    ]));
    assert!(
        yaml.text.starts_with(&converted),
        "{}\n---\n{converted}",
        yaml.text
    );
    assert!(spo.blocks[0]
        .text
        .contains("--to spo --name deny-mkdir --namespace default"));
}

#[test]
fn the_systemd_settings_are_what_convert_writes() {
    let (_dir, file) = folder();
    let all = sections(&file);
    let systemd = section(&all, "systemd");
    let unit = systemd
        .blocks
        .iter()
        .find(|b| b.kind == Kind::Unit)
        .unwrap();
    let converted = stdout(common::seccompose().args([
        "convert",
        &file.display().to_string(),
        "--to",
        "systemd",
    ]));
    assert_eq!(unit.text, converted);
    assert!(
        unit.text.contains("SystemCallFilter=~mkdir mkdirat"),
        "{}",
        unit.text
    );
}

#[test]
fn the_bwrap_lines_load_the_compiled_filter_and_run_a_command_under_it() {
    if Command::new("bwrap").arg("--version").output().is_err() {
        common::skipped("bwrap is not installed (Debian package bubblewrap)");
        return;
    }
    if Command::new("bash").arg("--version").output().is_err() {
        common::skipped("bash is not installed");
        return;
    }
    let (dir, file) = folder();
    let out = stdout(common::seccompose().args([
        "usage",
        &file.display().to_string(),
        "--only",
        "bwrap",
    ]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[1].starts_with("bwrap "), "{out}");
    let bin = env!("CARGO_BIN_EXE_seccompose");
    let compile = lines[0].replacen("seccompose", bin, 1);
    let run = |command: &str| {
        let script = format!("{compile} && {}", lines[1].replace("COMMAND", command));
        Command::new("bash")
            .arg("-c")
            .arg(&script)
            .output()
            .unwrap()
    };
    let made = dir.path().join("made");
    let denied = run(&format!("mkdir {}", made.display()));
    let err = String::from_utf8_lossy(&denied.stderr);
    assert_eq!(denied.status.code(), Some(1), "{err}");
    // Inside, the file system is read-only: without the filter mkdir would fail with EROFS.
    assert!(err.contains("Operation not permitted"), "{err}");
    assert!(!made.exists());
    assert!(
        dir.path().join("deny mkdir.bpf").is_file(),
        "the compile line wrote the filter"
    );
    let fine = run("echo under the filter");
    assert_eq!(
        fine.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fine.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&fine.stdout), "under the filter\n");
}

#[test]
fn an_unknown_section_is_an_error() {
    let (_dir, file) = folder();
    common::seccompose()
        .args(["usage", &file.display().to_string(), "--only", "lxc"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no section \"lxc\""));
}

/// By default `usage` prints the commands, not what they write: under 60 lines for a
/// runtime default's profile; `--full` adds the operator's manifest and systemd's settings.
#[test]
fn usage_prints_the_commands_and_full_adds_what_they_write() {
    let file = common::fixture("runtime-default.json");
    let short = stdout(common::seccompose().arg("usage").arg(&file));
    assert!(short.lines().count() < 60, "{short}");
    assert!(short.contains("kubectl apply -f"), "{short}");
    assert!(short.contains("--to systemd"), "{short}");
    assert!(!short.contains("kind: SeccompProfile"), "{short}");
    assert!(!short.contains("SystemCallFilter="), "{short}");
    let full = stdout(common::seccompose().arg("usage").arg(&file).arg("--full"));
    assert!(full.contains("kind: SeccompProfile"), "{full}");
    assert!(full.contains("SystemCallFilter="), "{full}");
}

/// The observe section's lines run as printed: the agent line (quoted for the space in the
/// name) serves the socket it names and writes the rewrite that the docker and podman lines
/// hand the engine, with listenerPath naming that socket; podman's agent models crun.
#[test]
fn the_observe_lines_start_an_agent_whose_rewrite_the_engine_lines_name() {
    let (dir, file) = folder();
    let out = stdout(
        common::seccompose()
            .arg("usage")
            .arg(&file)
            .args(["--only", "observe"]),
    );
    let words_of = |prefix: &str| -> Vec<Vec<String>> {
        out.lines()
            .filter(|l| l.starts_with(prefix))
            .map(|l| shlex::split(l.trim_end_matches('&')).unwrap())
            .collect()
    };
    let agents = words_of("seccompose agent ");
    assert_eq!(agents.len(), 2, "{out}");
    assert!(
        agents[1].windows(2).any(|w| w == ["--runtime", "crun"]),
        "{out}"
    );
    let after = |words: &[String], flag: &str| -> String {
        let at = words.iter().position(|w| w == flag).unwrap();
        words[at + 1].clone()
    };
    let (socket, observed) = (after(&agents[0], "--socket"), after(&agents[0], "-o"));
    for engine in ["docker run ", "podman run "] {
        let line = &words_of(engine)[0];
        assert!(line.contains(&format!("seccomp={observed}")), "{line:?}");
    }
    assert_eq!(agents[0][2], file.display().to_string());
    let mut agent = std::process::Command::new(env!("CARGO_BIN_EXE_seccompose"))
        .args(&agents[0][1..])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(agent.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("serving") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut err, &mut line).unwrap() == 0 {
            break;
        }
        said.push_str(&line);
    }
    let serving = Path::new(&socket).exists();
    // SAFETY: signals the agent this test started.
    unsafe { libc::kill(agent.id() as i32, libc::SIGINT) };
    let status = agent.wait().unwrap();
    assert!(said.contains("serving"), "{said}");
    assert!(serving, "no socket at {socket}: {said}");
    assert_eq!(status.code(), Some(0), "{said}");
    let rewrite: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&observed).unwrap()).unwrap();
    assert_eq!(rewrite["listenerPath"], socket.as_str(), "{rewrite}");
    assert!(rewrite.to_string().contains("SCMP_ACT_NOTIFY"), "{rewrite}");
    assert!(!Path::new(&socket).exists(), "the socket is removed");
}
