//! Running the built binary as the current user or, when we are root, as `nobody` (through
//! setpriv), in folders both can use.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Who runs seccompose: the current user, or `nobody` through setpriv (when we are root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum As {
    /// Whoever runs the tests.
    Me,
    /// uid and gid 65534, no supplementary groups.
    Nobody,
}

/// Everyone the tests can run the binary as here (a skipped half says so).
pub fn users() -> Vec<As> {
    // SAFETY: getuid has no preconditions.
    let root = unsafe { libc::getuid() } == 0;
    let setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if root && setpriv {
        vec![As::Me, As::Nobody]
    } else {
        super::skipped(if root {
            "the unprivileged half: setpriv (util-linux) is missing"
        } else {
            "the unprivileged half runs only when the tests run as root (the current user is unprivileged already)"
        });
        vec![As::Me]
    }
}

/// A world-readable scratch folder (tempfile makes 0700 ones).
pub fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Command::new("chmod")
        .arg("0777")
        .arg(dir.path())
        .status()
        .unwrap();
    dir
}

/// The binary where an unprivileged user can run it: where cargo built it when they can reach
/// it there, else a copy in the test process's folder (the binary is over 100 MB with debug
/// information, so the copy goes when the process ends, with the folder).
pub fn binary() -> PathBuf {
    static BINARY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BINARY
        .get_or_init(|| {
            let built = PathBuf::from(env!("CARGO_BIN_EXE_seccompose"));
            if !is_root() || nobody_can_run(&built) {
                return built;
            }
            let to = super::process_folder().join("seccompose");
            std::fs::copy(&built, &to).unwrap();
            Command::new("chmod").arg("0755").arg(&to).status().unwrap();
            to
        })
        .clone()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Whether nobody (uid 65534) can run `binary` where it is.
fn nobody_can_run(binary: &Path) -> bool {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(binary)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The copied binary, run as `who`.
pub fn seccompose(who: As) -> Command {
    match who {
        As::Me => Command::new(binary()),
        As::Nobody => {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(binary());
            c
        }
    }
}

/// Writes a world-readable `profile.json` into `dir`.
pub fn write_profile(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("profile.json");
    std::fs::write(&p, text).unwrap();
    Command::new("chmod").arg("0644").arg(&p).status().unwrap();
    p
}

/// A command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The `sleep MARKER` processes alive.
pub fn processes_with(marker: &str) -> Vec<i32> {
    let wanted = format!("sleep\0{marker}\0");
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c == wanted.as_bytes())
        })
        .collect()
}

/// `seccompose run PROFILE`, observed or (`enforce`) enforced, as `who`; the caller adds
/// options, `--` and the command.
pub fn run_as(who: As, profile: &Path, enforce: bool) -> Command {
    let mut cmd = seccompose(who);
    cmd.arg("run").arg(profile);
    if enforce {
        cmd.arg("--enforce");
    }
    cmd
}

/// `cmd` with its messages in the language of the locale `lang` (`pt_BR.UTF-8`, `C`): LANG
/// set, and nothing above it (LC_ALL, LC_MESSAGES).
pub fn in_language<'c>(cmd: &'c mut Command, lang: &str) -> &'c mut Command {
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
}
