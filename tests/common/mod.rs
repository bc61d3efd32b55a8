//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The project's own profiles in the shape of real ones (tests/fixtures/README.md): every
/// test that reads real-world profiles reads these, on every machine.
pub const REALISTIC: &[&str] = &["runtime-default.json", "service-4space.json"];

/// The fixtures of [`REALISTIC`], then the real-world profiles in ../shared/corpus when that
/// folder exists (an extra: without it the tests still check the fixtures).
pub fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = REALISTIC.iter().map(|name| fixture(name)).collect();
    files.extend(shared_corpus());
    files
}

/// The real-world profiles in ../shared/corpus; empty when the folder is not there.
pub fn shared_corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} not found; testing the project's fixtures only",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Whether runc could not load the profile (an errno value libseccomp refuses), so compile
/// refuses it too.
pub fn runc_refuses(p: &seccompose::profile::Profile) -> bool {
    use seccompose::profile::{RuncErrno, Target};
    let default = RuncErrno::of(p.default_errno(), p.default_action);
    (p.default_action.takes_errno() && default.refused)
        || !seccompose::compile::plan(p, &Target::host())
            .refusals
            .is_empty()
}

/// The fixture in Docker's default shape, then Docker's own default profile when
/// ../shared/corpus has it.
pub fn runtime_defaults() -> Vec<PathBuf> {
    let mut files = vec![fixture("runtime-default.json")];
    files.extend(shared_corpus().into_iter().find(|p| is_moby_default(p)));
    files
}

/// Whether `path` is Docker's (moby's) default profile from ../shared/corpus.
pub fn is_moby_default(path: &Path) -> bool {
    path.ends_with("moby-default.json")
}

/// A path under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Reports that a test (or part of one) did not run, and why: a `SKIPPED:` line on stderr, and
/// the same line appended to the file named by `SECCOMPOSE_SKIP_LOG` when that is set.
/// `cargo test` swallows the stderr of passing tests, so `.ci/run` sets the variable and fails
/// when the file is not empty: a skip in CI is lost coverage, never a silent pass.
pub fn skipped(reason: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let line = format!("SKIPPED: {test}: {reason}");
    eprintln!("{line}");
    if let Some(log) = std::env::var_os("SECCOMPOSE_SKIP_LOG") {
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| writeln!(f, "{} {line}", env!("CARGO_CRATE_NAME")));
        if let Err(e) = written {
            panic!("cannot note the skip in {}: {e}", Path::new(&log).display());
        }
    }
}

/// The seccompose binary as an assert_cmd command.
pub fn seccompose() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("seccompose").expect("binary built")
}

/// `seccompose explain FILE ARGS... --json`, run and read; panics with stderr on failure.
pub fn explain_json(file: &Path, args: &[&str]) -> serde_json::Value {
    let out = seccompose()
        .arg("explain")
        .arg(file)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `seccompose fmt --check FILE`, run: exit 0 when FILE is canonical, 1 when not.
pub fn fmt_check(file: &Path) -> assert_cmd::assert::Assert {
    seccompose().args(["fmt", "--check"]).arg(file).assert()
}

pub mod probe;
pub mod runc;
pub mod users;
pub mod variants;

/// This test process's world-readable folder for what it builds or copies (the probes, the
/// binary where nobody can reach it), removed when the process exits: a folder left behind
/// by every test process filled the disk.
pub fn process_folder() -> &'static Path {
    static FOLDER: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    extern "C" fn remove_folder() {
        if let Some(dir) = FOLDER.get() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("seccompose-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::process::Command::new("chmod")
            .arg("0755")
            .arg(&dir)
            .status()
            .unwrap();
        // SAFETY: registers a function without arguments that only removes a folder.
        unsafe { libc::atexit(remove_folder) };
        dir
    })
}

/// The Python interpreter itself, not a launcher in front of it: a version manager's shim
/// (pyenv's is a bash script) makes its own calls, and without SHELL in the environment it
/// looks the user up through NSS, opening AF_UNIX sockets that a recording rightly proposes.
pub fn python3() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let out = std::process::Command::new("python3")
            .args(["-c", "import sys; print(sys.executable)"])
            .output()
            .expect("python3 runs");
        let path = String::from_utf8(out.stdout).expect("a path in UTF-8");
        assert!(
            out.status.success() && !path.trim().is_empty(),
            "python3 names itself"
        );
        path.trim().to_string()
    })
}

/// Lines of `ls -la /` but those of /tmp and /proc, whose link counts (files made, processes
/// started) and times change while tests run, with runs of spaces made one: `ls` pads its
/// columns to the widest value, /tmp's link count too (99 or 100 folders in /tmp).
pub fn listing_without_tmp(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.ends_with(" tmp") && !l.ends_with(" proc"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}
