//! Loading a profile through the real runc and reading back the filter the kernel then holds
//! for the container: `runc create` runs under ptrace, and when its init process has loaded
//! the filter (the exit of its `prctl(PR_SET_SECCOMP)` or `seccomp(SET_MODE_FILTER)`) the
//! filter is read with `PTRACE_SECCOMP_GET_FILTER`. Catching it there works whatever the
//! profile denies afterwards, even the calls runc's init still needs.

use std::collections::HashMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PTRACE_SECCOMP_GET_FILTER: libc::c_uint = 0x420c;
const PTRACE_GET_SYSCALL_INFO: libc::c_uint = 0x420e;
const SYSCALL_INFO_ENTRY: u8 = 1;
const SYSCALL_INFO_EXIT: u8 = 2;
const NR_PRCTL: u64 = 157;
const NR_SECCOMP: u64 = 317;
const PR_SET_SECCOMP: u64 = 22;
const SECCOMP_SET_MODE_FILTER: u64 = 1;

/// Why the runc trial cannot run on this machine, or None when it can.
pub fn unavailable() -> Option<String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some("runc needs root".into());
    }
    if !cfg!(target_arch = "x86_64") {
        return Some("the runc trial reads x86-64 syscall numbers".into());
    }
    if Command::new("runc").arg("--version").output().is_err() {
        return Some("runc is not installed (Debian package runc)".into());
    }
    if !Path::new("/bin/busybox").exists() {
        return Some("/bin/busybox is missing (Debian package busybox-static)".into());
    }
    None
}

/// `DIR/rootfs` with a statically linked busybox as `/bin/busybox`, its applets `sh`, `sleep`,
/// `mkdir` and `true` as links to it, and an empty `/tmp`; returns the rootfs.
pub fn busybox_rootfs(dir: &Path) -> PathBuf {
    let rootfs = dir.join("rootfs");
    std::fs::create_dir_all(rootfs.join("bin")).unwrap();
    std::fs::create_dir_all(rootfs.join("tmp")).unwrap();
    std::fs::copy("/bin/busybox", rootfs.join("bin/busybox")).unwrap();
    for applet in ["sh", "sleep", "mkdir", "true"] {
        let link = rootfs.join("bin").join(applet);
        if !link.exists() {
            std::os::unix::fs::symlink("busybox", link).unwrap();
        }
    }
    rootfs
}

/// Why a container run cannot be tried here (runc or busybox missing), or None.
pub fn container_unavailable() -> Option<String> {
    if Command::new("runc").arg("--version").output().is_err() {
        return Some("runc is not installed (Debian package runc)".into());
    }
    if !Path::new("/bin/busybox").exists() {
        return Some("/bin/busybox is missing (Debian package busybox-static)".into());
    }
    None
}

/// A bundle folder with a busybox root filesystem and runc's own spec as the template.
pub struct Bundle {
    dir: PathBuf,
    spec: serde_json::Value,
}

impl Bundle {
    /// Lays out the root filesystem and asks runc for its default spec.
    pub fn new() -> Bundle {
        let dir = super::process_folder().join("runc-bundle");
        let rootfs = busybox_rootfs(&dir);
        let out = Command::new("runc")
            .args(["spec", "--bundle"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "runc spec: {out:?}");
        let text = std::fs::read_to_string(dir.join("config.json")).unwrap();
        let mut spec: serde_json::Value = serde_json::from_str(&text).unwrap();
        spec["process"]["args"] = serde_json::json!(["/bin/busybox", "sleep", "1000"]);
        spec["process"]["terminal"] = serde_json::json!(false);
        spec["root"]["path"] = serde_json::json!(rootfs);
        spec["root"]["readonly"] = serde_json::json!(true);
        Bundle { dir, spec }
    }

    /// The filter runc installs for `seccomp` (the `linux.seccomp` object of an OCI config),
    /// as raw `sock_filter` bytes; Err with runc's words when runc does not load one.
    pub fn installed_filter(
        &self,
        seccomp: &serde_json::Value,
        id: &str,
    ) -> Result<Vec<u8>, String> {
        let mut spec = self.spec.clone();
        spec["linux"]["seccomp"] = seccomp.clone();
        std::fs::write(
            self.dir.join("config.json"),
            serde_json::to_string_pretty(&spec).unwrap(),
        )
        .unwrap();
        let log = self.dir.join(format!("{id}.stderr"));
        let mut cmd = Command::new("runc");
        cmd.args(["create", "--bundle"])
            .arg(&self.dir)
            .arg(id)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        // SAFETY: PTRACE_TRACEME is async-signal-safe and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                if libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().map_err(|e| format!("cannot start runc: {e}"))?;
        let delete = || {
            Command::new("runc")
                .args(["delete", "--force", id])
                .stderr(Stdio::null())
                .spawn()
                .ok()
        };
        let mut deleting = None;
        let filter = trace(child.id() as libc::pid_t, || deleting = delete());
        if let Some(mut d) = deleting {
            let _ = d.wait();
        }
        filter.ok_or_else(|| {
            format!(
                "runc loaded no filter: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        })
    }
}

#[repr(C)]
#[derive(Default)]
struct SyscallInfo {
    op: u8,
    pad: [u8; 3],
    arch: u32,
    ip: u64,
    sp: u64,
    // entry: nr, args[6]; exit: rval, is_error
    data: [u64; 7],
}

fn syscall_info(pid: libc::pid_t) -> SyscallInfo {
    let mut info = SyscallInfo::default();
    // SAFETY: the buffer is as large as the size passed.
    unsafe {
        libc::ptrace(
            PTRACE_GET_SYSCALL_INFO,
            pid,
            std::mem::size_of::<SyscallInfo>(),
            &mut info as *mut SyscallInfo,
        );
    }
    info
}

fn read_filter(pid: libc::pid_t) -> Option<Vec<u8>> {
    // SAFETY: a null buffer asks for the length only.
    let count = unsafe { libc::ptrace(PTRACE_SECCOMP_GET_FILTER, pid, 0usize, 0usize) };
    if count <= 0 {
        return None;
    }
    let mut buf = vec![0u8; count as usize * 8];
    // SAFETY: the buffer holds `count` instructions of 8 bytes.
    let got = unsafe { libc::ptrace(PTRACE_SECCOMP_GET_FILTER, pid, 0usize, buf.as_mut_ptr()) };
    (got == count).then_some(buf)
}

/// Follows `root` and every task it makes until all are gone (`delete` starts ending the
/// container once `root`, `runc create`, has returned: without waiting, since runc's kill
/// waits for the init this loop has to reap); returns the first filter a task installed.
/// Waits on known tasks only (never `waitpid(-1)`, which would reap the children of tests
/// running beside this one).
fn trace(root: libc::pid_t, mut delete: impl FnMut()) -> Option<Vec<u8>> {
    let options = libc::PTRACE_O_TRACESYSGOOD
        | libc::PTRACE_O_TRACEFORK
        | libc::PTRACE_O_TRACEVFORK
        | libc::PTRACE_O_TRACECLONE
        | libc::PTRACE_O_TRACEEXEC
        | libc::PTRACE_O_EXITKILL;
    let mut tasks: Vec<libc::pid_t> = vec![root];
    let mut fresh: Vec<libc::pid_t> = Vec::new();
    let mut entered: HashMap<libc::pid_t, (u64, u64)> = HashMap::new();
    let mut filter: Option<Vec<u8>> = None;
    let mut first = true;
    while !tasks.is_empty() {
        let mut progressed = false;
        for pid in tasks.clone() {
            let mut status = 0;
            // SAFETY: waits on a task this thread traces.
            let got = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG | libc::__WALL) };
            if got == 0 {
                continue;
            }
            progressed = true;
            if got < 0 || libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
                tasks.retain(|t| *t != pid);
                if pid == root {
                    delete(); // the container's init waits for `runc start` otherwise
                }
                continue;
            }
            let sig = libc::WSTOPSIG(status);
            let event = status >> 16;
            let mut inject = 0;
            if first && pid == root {
                first = false;
                // SAFETY: the tracee is stopped.
                unsafe { libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, options) };
            } else if sig == libc::SIGTRAP | 0x80 {
                let info = syscall_info(pid);
                if info.op == SYSCALL_INFO_ENTRY {
                    entered.insert(pid, (info.data[0], info.data[1]));
                } else if info.op == SYSCALL_INFO_EXIT {
                    let loads = matches!(
                        entered.remove(&pid),
                        Some((NR_PRCTL, PR_SET_SECCOMP))
                            | Some((NR_SECCOMP, SECCOMP_SET_MODE_FILTER))
                    );
                    if loads && filter.is_none() && (info.data[0] as i64) >= 0 {
                        filter = read_filter(pid);
                        if filter.is_some() {
                            // Enough: what runs next may hang for good (a profile that kills
                            // one thread of runc's init leaves the others waiting).
                            for t in tasks.iter().filter(|t| **t > 0) {
                                // SAFETY: signals tasks this thread traces (never 0 or -1,
                                // which would reach this process's group or everyone).
                                unsafe { libc::kill(*t, libc::SIGKILL) };
                            }
                        }
                    }
                }
            } else if event != 0 {
                if matches!(
                    event,
                    libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE
                ) {
                    let mut new: libc::c_ulong = 0;
                    // SAFETY: the tracee is in an event stop; the message is one c_ulong.
                    let got = unsafe { libc::ptrace(libc::PTRACE_GETEVENTMSG, pid, 0, &mut new) };
                    // A pid of 0 would make the kill below signal this process's own group.
                    if got == 0 && new > 0 {
                        tasks.push(new as libc::pid_t);
                        fresh.push(new as libc::pid_t);
                    }
                }
            } else if sig == libc::SIGSTOP && fresh.contains(&pid) {
                fresh.retain(|t| *t != pid); // the stop every new tracee starts with
            } else {
                inject = sig;
            }
            // Once the filter is in hand, the rest runs without syscall stops.
            let request = if filter.is_some() {
                libc::PTRACE_CONT
            } else {
                libc::PTRACE_SYSCALL
            };
            // SAFETY: the tracee is stopped.
            unsafe { libc::ptrace(request, pid, 0, inject) };
        }
        if !progressed {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
    filter
}
