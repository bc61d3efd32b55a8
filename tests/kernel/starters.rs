//! The starter profiles in profiles/: each loads cleanly, says what it is for, and does what
//! its name promises to real commands in the kernel (`seccompose run --enforce`).

use crate::common;

use assert_cmd::assert::Assert;
use common::seccompose;
use predicates::str::contains;
use seccompose::catalog::Catalog;
use seccompose::profile::starters::STARTERS;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn starter(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("profiles")
        .join(format!("{name}.json"))
}

/// `seccompose run --enforce PROFILE -- CMD...` in a scratch folder.
fn run(name: &str, dir: &Path, cmd: &[&str], stdin: &str) -> Assert {
    seccompose()
        .current_dir(dir)
        .args(["run", "--enforce", "--timeout", "60"])
        .arg(starter(name))
        .arg("--")
        .args(cmd)
        .write_stdin(stdin)
        .assert()
}

/// tests/probe/tiny.c built freestanding and static (no C library needed).
fn tiny() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/probe/tiny.c");
        let out = common::process_folder().join("tiny");
        common::probe::freestanding(&src, &out, false).unwrap_or_else(|e| panic!("{e}"));
        out
    })
}

#[test]
fn every_starter_loads_without_findings_and_says_what_it_is_for() {
    let files: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), STARTERS.len(), "every file is a starter");
    for s in STARTERS {
        let parsed = seccompose::profile::parse(s.text, &Catalog);
        assert!(
            parsed.diagnostics.is_empty(),
            "{}: {:?}",
            s.name,
            parsed.diagnostics
        );
        let p = s.profile(&Catalog);
        assert!(
            p.rules()
                .iter()
                .all(|r| r.comment.as_ref().is_some_and(|c| c.len() > 20)),
            "{}: every rule has a comment",
            s.name
        );
        let text: serde_json::Value = serde_json::from_str(s.text).unwrap();
        assert!(
            text["comment"].as_str().is_some_and(|c| c.len() > 40),
            "{}",
            s.name
        );
        seccompose()
            .arg("check")
            .arg(starter(s.name))
            .assert()
            .success();
    }
}

#[test]
fn default_runs_ordinary_programs_and_stops_the_dangerous_corners() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "some text\n").unwrap();
    run(
        "default",
        d,
        &["sh", "-c", "echo hello | tr a-z A-Z | cat"],
        "",
    )
    .success()
    .stdout("HELLO\n");
    run("default", d, &["python3", "-c", "print(1)"], "")
        .success()
        .stdout("1\n");
    run("default", d, &["tar", "-cf", "a.tar", "a.txt"], "").success();
    run("default", d, &["tar", "-tf", "a.tar"], "")
        .success()
        .stdout("a.txt\n");
    run("default", d, &["git", "--version"], "")
        .success()
        .stdout(contains("git version"));
    run("default", d, &["unshare", "-U", "true"], "")
        .failure()
        .stderr(contains("Operation not permitted"));
    run("default", d, &["mount", "-t", "tmpfs", "none", "."], "").failure();
    // A ptrace attach to its own child, which ptrace would allow without the filter.
    let attach = "import os, ctypes, time, signal\n\
        pid = os.fork()\n\
        if pid == 0:\n    time.sleep(30)\n    os._exit(0)\n\
        libc = ctypes.CDLL(None, use_errno=True)\n\
        r = libc.ptrace(16, pid, 0, 0)\n\
        print(r, os.strerror(ctypes.get_errno()))\n\
        os.kill(pid, signal.SIGKILL)\n";
    run("default", d, &["python3", "-c", attach], "")
        .success()
        .stdout("-1 Operation not permitted\n");
    let unfiltered = Command::new("python3")
        .args(["-c", attach])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&unfiltered.stdout),
        "0 Success\n",
        "the attach works without the filter"
    );
}

#[test]
fn deny_mkdir_chmod_chown_denies_every_sibling() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("f"), "x").unwrap();
    for cmd in [
        &["mkdir", "new"][..],
        &["chmod", "600", "f"],
        &["chown", "0", "f"],
        &["python3", "-c", "import os; os.mkdir('n2', dir_fd=os.open('.', os.O_RDONLY))"],
        &["python3", "-c", "import os; os.chmod('f', 0o600, follow_symlinks=True); os.fchmod(os.open('f', os.O_RDONLY), 0o600)"],
        &["python3", "-c", "import os; os.lchown('f', 0, 0)"],
    ] {
        run("deny-mkdir-chmod-chown", d, cmd, "")
            .failure()
            .stderr(contains("not permitted"));
    }
    assert!(!d.join("new").exists() && !d.join("n2").exists());
    run("deny-mkdir-chmod-chown", d, &["ls"], "").success();
}

#[test]
fn no_network_stops_tcp_and_lets_the_rest_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        "no-network",
        dir.path(),
        &["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9"],
        "",
    )
    .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("Permission denied") || stderr.contains("Operation not permitted"),
        "{stderr}"
    );
    run("no-network", dir.path(), &["ls", "/"], "").success();
    // Unix sockets stay.
    run(
        "no-network",
        dir.path(),
        &[
            "python3",
            "-c",
            "import socket; socket.socketpair(); socket.socket(socket.AF_UNIX)",
        ],
        "",
    )
    .success();
}

#[test]
fn read_only_fs_stops_writes_and_lets_reads_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("r.txt"), "readable\n").unwrap();
    run("read-only-fs", d, &["touch", "f"], "")
        .failure()
        .stderr(contains("Read-only file system"));
    assert!(!d.join("f").exists());
    for cmd in [
        &["rm", "r.txt"][..],
        &["mv", "r.txt", "s.txt"],
        &["ln", "-s", "r.txt", "l"],
    ] {
        run("read-only-fs", d, cmd, "").failure();
    }
    run("read-only-fs", d, &["cat", "r.txt"], "")
        .success()
        .stdout("readable\n");
    assert_eq!(
        std::fs::read_to_string(d.join("r.txt")).unwrap(),
        "readable\n"
    );
}

/// The Python interpreter itself (python3 on PATH may be a shim script that forks).
fn python() -> String {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn no_new_processes_stops_fork_but_not_threads() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        "no-new-processes",
        dir.path(),
        &["sh", "-c", "ls /; ls /"],
        "",
    )
    .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("fork"), "{stderr}");
    assert!(out.get_output().stdout.is_empty(), "ls never ran");
    run(
        "no-new-processes",
        dir.path(),
        &[&python(), "-c", "import threading; t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()"],
        "",
    )
    .success()
    .stdout("thread\n");
}

#[test]
fn strict_lets_read_and_write_run_and_kills_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = tiny().to_str().unwrap();
    run("strict", dir.path(), &[tiny, "echo"], "ping\n")
        .success()
        .stdout("ping\n");
    run("strict", dir.path(), &[tiny, "open"], "ping\n")
        .code(128 + libc::SIGSYS)
        .stdout("");
}

#[test]
fn static_hello_runs_a_static_hello() {
    let dir = tempfile::tempdir().unwrap();
    run("static-hello", dir.path(), &[tiny().to_str().unwrap()], "")
        .success()
        .stdout("hello\n");
    // A hello linked statically against the C library, when the machine has one to link.
    let src = dir.path().join("hello.c");
    std::fs::write(
        &src,
        "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n",
    )
    .unwrap();
    let exe = dir.path().join("hello");
    let built = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()))
        .args(["-static", "-O1", "-o"])
        .arg(&exe)
        .arg(&src)
        .output()
        .unwrap();
    if !built.status.success() {
        eprintln!("note: no static C library here; the freestanding hello was tested");
        return;
    }
    run("static-hello", dir.path(), &[exe.to_str().unwrap()], "")
        .success()
        .stdout("hello\n");
    // And it is the least: the same program under strict dies at its first start-up call.
    run("strict", dir.path(), &[exe.to_str().unwrap()], "").code(128 + libc::SIGSYS);
}

#[test]
fn new_starts_from_a_starter() {
    seccompose()
        .args(["--new", "list"])
        .assert()
        .success()
        .stdout(contains("no-network").and(contains("static-hello")));
    seccompose()
        .args(["--new", "nope"])
        .assert()
        .failure()
        .stderr(contains(
            "no starter profile \"nope\"; there are: default, deny-mkdir-chmod-chown",
        ));
    let existing = tempfile::NamedTempFile::new().unwrap();
    seccompose()
        .args(["--new", "strict"])
        .arg(existing.path())
        .assert()
        .failure()
        .stderr(contains("exists already"));
}

use predicates::prelude::PredicateBooleanExt;
