//! Finding the OCI runtime, the folders its state goes in, and ending containers (ours, and
//! those a killed run of seccompose left behind).

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The prefix of every container seccompose makes: `seccompose-PID-N`.
pub const PREFIX: &str = "seccompose-";

/// An OCI runtime found on this machine.
#[derive(Debug, Clone)]
pub struct Runtime {
    /// Its path.
    pub path: PathBuf,
    /// `runc` or `crun` (what its file name says; anything else is taken for runc).
    pub kind: seccompose_core::profile::Runtime,
    /// The first line of `--version`.
    pub version: String,
}

/// The Debian package that installs `name`.
fn package(name: &str) -> &'static str {
    if name == "crun" {
        "crun"
    } else {
        "runc"
    }
}

/// The program named by `--runtime` (runc, crun or a path), or runc then crun.
pub fn find(choice: Option<&str>) -> Result<Runtime, String> {
    let candidates: Vec<&str> = match choice {
        Some(c) => vec![c],
        None => vec!["runc", "crun"],
    };
    for name in &candidates {
        if let Some(path) = locate(name) {
            // The kind comes from the name; asking for the version costs a run of the runtime.
            return Ok(Runtime {
                kind: kind_of(&path, ""),
                path,
                version: String::new(),
            });
        }
    }
    Err(match choice {
        Some(c) if c.contains('/') => format!("the container runtime {c} does not exist"),
        Some(c) => format!(
            "the container runtime {c} is not installed (Debian package {}: apt-get install {})",
            package(c),
            package(c)
        ),
        None => "no container runtime is installed: runc or crun is needed (Debian package \
                 runc: apt-get install runc)"
            .into(),
    })
}

/// Every runtime found, for `doctor`.
pub fn found() -> Vec<Result<Runtime, String>> {
    ["runc", "crun"]
        .iter()
        .filter_map(|n| locate(n))
        .map(|p| probe(&p))
        .collect()
}

fn locate(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/sbin:/usr/bin:/sbin:/bin".into());
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.mode() & 0o111 != 0)
        })
}

fn probe(path: &Path) -> Result<Runtime, String> {
    let out = Command::new(path)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.lines().next().unwrap_or_default().trim().to_string();
    Ok(Runtime {
        path: path.to_path_buf(),
        kind: kind_of(path, &version),
        version,
    })
}

/// crun when its file name or version says so, else runc.
fn kind_of(path: &Path, version: &str) -> seccompose_core::profile::Runtime {
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or_default();
    if file.contains("crun") || version.starts_with("crun") {
        seccompose_core::profile::Runtime::Crun
    } else {
        seccompose_core::profile::Runtime::Runc
    }
}

/// seccompose's own folder for container runs: `$XDG_RUNTIME_DIR/seccompose`, or a private
/// `seccompose-UID` in the temporary folder; made with mode 0700 and checked to be ours.
pub fn state_folder() -> Result<PathBuf, String> {
    let uid = nix::unistd::geteuid().as_raw();
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.metadata().is_ok_and(|m| m.is_dir() && m.uid() == uid))
        .map(|d| d.join("seccompose"))
        .unwrap_or_else(|| std::env::temp_dir().join(format!("seccompose-{uid}")));
    match std::fs::DirBuilder::new().mode(0o700).create(&base) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(format!("cannot make {}: {e}", base.display())),
    }
    let meta = std::fs::symlink_metadata(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    if !meta.is_dir() || meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
        return Err(format!(
            "{} is not a private folder of this user: remove it or set XDG_RUNTIME_DIR",
            base.display()
        ));
    }
    Ok(base)
}

impl Runtime {
    /// The runtime's state folder under seccompose's own (`--root`).
    pub fn root(&self, state: &Path) -> PathBuf {
        state.join(self.kind.name())
    }

    /// `RUNTIME --root ROOT ARGS...`.
    pub fn command(&self, root: &Path) -> Command {
        let mut c = Command::new(&self.path);
        c.arg("--root").arg(root);
        c
    }

    /// `kill ID KILL` then `delete --force ID`, quietly (either may find nothing to do).
    pub fn end(&self, root: &Path, id: &str) {
        for args in [&["kill", id, "KILL"][..], &["delete", "--force", id]] {
            let _ = self
                .command(root)
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }

    /// Ends and deletes the containers of seccompose runs that are gone (a SIGKILLed run
    /// leaves its container to this); returns their names.
    pub fn remove_leftovers(&self, root: &Path, state: &Path) -> Vec<String> {
        let mut removed = Vec::new();
        let Ok(entries) = std::fs::read_dir(root) else {
            return removed;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if owner_alive(&name) != Some(false) {
                continue;
            }
            self.end(root, &name);
            let _ = std::fs::remove_dir_all(state.join("bundles").join(&name));
            removed.push(name);
        }
        removed
    }

    /// A process that ends container `id` (and removes `bundle`) when seccompose goes, however
    /// it goes: it waits for the end of a pipe only seccompose holds. In its own process group,
    /// so that a Ctrl-c at the terminal does not end it first.
    pub fn guard(&self, root: &Path, id: &str, bundle: &Path) -> std::io::Result<Guard> {
        // A run that ended cleanly says "done"; anything else (the pipe closing) cleans up.
        let script = "read line; [ \"$line\" = done ] && exit 0; \
                      \"$0\" --root \"$1\" kill \"$2\" KILL; \
                      \"$0\" --root \"$1\" delete --force \"$2\"; rm -rf \"$3\"";
        let child = Command::new("/bin/sh")
            .arg("-c")
            .arg(script)
            .arg(&self.path)
            .arg(root)
            .arg(id)
            .arg(bundle)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        Ok(Guard(child))
    }
}

/// The guard process of a run (see [`Runtime::guard`]): dropping it lets it clean up now.
pub struct Guard(Child);

impl Guard {
    /// The run has ended and deleted its container: the guard goes without doing anything.
    pub fn release(mut self) {
        if let Some(mut pipe) = self.0.stdin.take() {
            let _ = pipe.write_all(b"done\n");
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

/// Whether the seccompose process named in a container name `seccompose-PID-N` is alive
/// (None: not one of ours).
fn owner_alive(name: &str) -> Option<bool> {
    let pid: i32 = name.strip_prefix(PREFIX)?.split('-').next()?.parse().ok()?;
    if pid <= 0 {
        return None;
    }
    // No signal: only whether the process exists.
    let gone = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None)
        == Err(nix::errno::Errno::ESRCH);
    // A pid reused by another program is taken for alive: its container waits for a later run.
    Some(!gone)
}

/// A fresh container name for this process.
pub fn container_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!("{PREFIX}{}-{nanos}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_of_dead_processes_are_leftovers() {
        assert_eq!(owner_alive("mine"), None);
        assert_eq!(owner_alive("seccompose-x-1"), None);
        assert_eq!(owner_alive(&container_name()), Some(true));
        // No process has a pid this large (pid_max is at most 2^22).
        assert_eq!(owner_alive("seccompose-99999999-1"), Some(false));
    }
}
