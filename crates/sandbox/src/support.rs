//! What this machine offers the tool: seccomp filters, the actions the kernel knows, user
//! notification and tracing (which observed runs need), libseccomp, man pages. `seccompose
//! doctor` prints it; `run` and the run pane fall back to enforce mode when either is missing.

use super::sys::init::in_child;
use super::sys::seccomp::{self, Filter};
use seccompose_core::bpf::Insn;
use seccompose_core::i18n::{Arg, Text};
use seccompose_core::text;
use std::io::Read;
use std::sync::OnceLock;

/// Set (to anything) to make the user-notification probe fail, as on a kernel without it:
/// how tests check the fallback on a machine that has it.
pub const FAKE_NO_USER_NOTIFICATION: &str = "SECCOMPOSE_FAKE_NO_USER_NOTIFICATION";

/// Set (to anything) to make the tracing probe fail, as where ptrace is forbidden (Yama's
/// `ptrace_scope` 3, or a container profile that denies it).
pub const FAKE_NO_TRACING: &str = "SECCOMPOSE_FAKE_NO_TRACING";

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Present and working.
    Ok,
    /// Missing, and something works less well.
    Warning,
    /// Missing, and the tool cannot do its work.
    Failed,
    /// Worth knowing.
    Info,
}

/// One fact about the machine and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What was checked.
    pub name: Text,
    /// How it came out.
    pub status: Status,
    /// What was found.
    pub detail: Text,
    /// What follows for the user, when something is missing.
    pub consequence: Option<Text>,
}

/// Everything `doctor` reports.
#[derive(Debug, Clone)]
pub struct Report {
    /// The checks, in reading order.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether everything the editor needs is there (filters load, libseccomp answers).
    pub fn usable(&self) -> bool {
        self.checks.iter().all(|c| c.status != Status::Failed)
    }
}

/// The classic BPF program that returns ALLOW for everything.
const RET_ALLOW: Insn = Insn {
    code: 0x06,
    jt: 0,
    jf: 0,
    k: 0x7fff_0000,
};

/// Loads `program` (with a listener when `listener`) in a forked child and reports whether
/// the kernel took it.
fn loads_in_child(program: &[Insn], listener: bool) -> bool {
    let filter = Filter::new(program);
    // SAFETY: the child makes two raw syscalls on the filter prepared before fork.
    unsafe {
        in_child(|| {
            let _ = seccomp::set_no_new_privs();
            seccomp::load(&filter, listener).is_ok()
        })
    }
}

/// Whether seccomp filters load here.
pub fn filters_work() -> bool {
    static ANSWER: OnceLock<bool> = OnceLock::new();
    *ANSWER.get_or_init(|| loads_in_child(&[RET_ALLOW], false))
}

/// The value of the test switch `name` (an environment variable), only in builds with the
/// `test-hooks` feature (`cargo test` turns it on): a shipped binary never reads them.
pub fn test_hook(name: &str) -> Option<std::ffi::OsString> {
    if cfg!(feature = "test-hooks") {
        std::env::var_os(name)
    } else {
        None
    }
}

/// Whether a filter can hand a user-notification listener to a supervisor (observed runs).
pub fn user_notification_works() -> bool {
    if test_hook(FAKE_NO_USER_NOTIFICATION).is_some() {
        return false;
    }
    *NOTIFY_ANSWER.get_or_init(probe_user_notification)
}

/// The answer of [`user_notification_works`] if it is already known, without waiting for it.
pub fn user_notification_known() -> Option<bool> {
    if test_hook(FAKE_NO_USER_NOTIFICATION).is_some() {
        return Some(false);
    }
    NOTIFY_ANSWER.get().copied()
}

/// Whether this process may trace a child it starts (observed runs watch TRAP and KILL
/// stops with ptrace).
pub fn tracing_works() -> bool {
    if test_hook(FAKE_NO_TRACING).is_some() {
        return false;
    }
    *TRACE_ANSWER.get_or_init(probe_tracing)
}

/// The answer of [`tracing_works`] if it is already known, without waiting for it.
pub fn tracing_known() -> Option<bool> {
    if test_hook(FAKE_NO_TRACING).is_some() {
        return Some(false);
    }
    TRACE_ANSWER.get().copied()
}

/// Runs the probes on a thread of their own, so that the editor knows what this machine
/// offers soon after start without its first frame waiting for the forks.
pub fn probe_in_background() {
    std::thread::spawn(|| {
        filters_work();
        user_notification_works();
        tracing_works();
    });
}

static NOTIFY_ANSWER: OnceLock<bool> = OnceLock::new();
static TRACE_ANSWER: OnceLock<bool> = OnceLock::new();

fn probe_tracing() -> bool {
    // Without a fork when Yama and the absence of a filter answer (scope 2 wants a capability:
    // try). Another security module (SELinux, AppArmor) may still refuse: the run then ends
    // before the command runs and says so (PTRACE_SEIZE), rather than falling back.
    match yama_ptrace_scope() {
        Some(3) => return false,
        None | Some(0) | Some(1) if !under_a_filter() => return true,
        _ => {}
    }
    seizes_a_child()
}

/// Yama's `ptrace_scope`, when the kernel has Yama.
fn yama_ptrace_scope() -> Option<u8> {
    std::fs::read_to_string("/proc/sys/kernel/yama/ptrace_scope")
        .ok()
        .and_then(|s| s.trim().parse().ok())
}

/// The probe itself: seizes a forked child with ptrace.
fn seizes_a_child() -> bool {
    use nix::sys::{ptrace, signal, wait};
    use nix::unistd::{fork, pause, ForkResult};
    // SAFETY: the child only waits for its end (pause is async-signal-safe).
    let child = match unsafe { fork() } {
        Ok(ForkResult::Parent { child }) => child,
        Ok(ForkResult::Child) => loop {
            pause();
        },
        Err(_) => return false,
    };
    let seized = ptrace::seize(child, ptrace::Options::empty()).is_ok();
    let _ = signal::kill(child, signal::Signal::SIGKILL);
    let _ = wait::waitpid(child, None);
    seized
}

fn probe_user_notification() -> bool {
    // Without a fork when we can tell: the kernel answers SECCOMP_GET_NOTIF_SIZES when it has
    // user notification (both came in Linux 5.0), and a process under no filter has no
    // ancestor filter with a listener (the one thing that makes a second listener fail).
    if notif_sizes_known() && !under_a_filter() {
        return true;
    }
    loads_in_child_with_listener()
}

/// Whether the kernel knows `SECCOMP_GET_NOTIF_SIZES`.
fn notif_sizes_known() -> bool {
    seccomp::notif_sizes_known()
}

/// Whether this process runs under a seccomp filter (or its state cannot be read).
fn under_a_filter() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Seccomp:"))
                .map(|v| v.trim() != "0")
        })
        .unwrap_or(true)
}

/// The probe itself: loads a filter with a listener in a forked child.
fn loads_in_child_with_listener() -> bool {
    // Only the syscall numbered u32::MAX would be notified: nothing the child makes.
    let program = [
        Insn {
            code: 0x20,
            jt: 0,
            jf: 0,
            k: 0,
        },
        Insn {
            code: 0x15,
            jt: 0,
            jf: 1,
            k: u32::MAX,
        },
        Insn {
            code: 0x06,
            jt: 0,
            jf: 0,
            k: 0x7fc0_0000,
        },
        RET_ALLOW,
    ];
    loads_in_child(&program, true)
}

/// The kernel's build configuration, from /proc/config.gz or /boot, when readable.
fn kernel_config() -> Option<(String, String)> {
    if let Ok(file) = std::fs::File::open("/proc/config.gz") {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .is_ok()
        {
            return Some(("/proc/config.gz".into(), text));
        }
    }
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").ok()?;
    let path = format!("/boot/config-{}", release.trim());
    std::fs::read_to_string(&path).ok().map(|t| (path, t))
}

fn config_value<'t>(config: &'t str, key: &str) -> Option<&'t str> {
    config
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

fn check(name: Text, status: Status, detail: Text, consequence: Option<Text>) -> Check {
    Check {
        name,
        status,
        detail,
        consequence,
    }
}

/// Every check, in reading order.
pub fn report() -> Report {
    let mut checks = Vec::new();
    match kernel_config() {
        Some((from, text)) => {
            let filter = config_value(&text, "CONFIG_SECCOMP_FILTER") == Some("y");
            let x32 = config_value(&text, "CONFIG_X86_X32_ABI") == Some("y");
            let value = |key| match config_value(&text, key) {
                Some(v) => Arg::from(v),
                None => Arg::from(text!("cli-doctor-unset")),
            };
            checks.push(check(
                text!("cli-doctor-kernel-config"),
                if filter { Status::Ok } else { Status::Warning },
                text!(
                    "cli-doctor-kernel-config-found",
                    from = from,
                    filter = value("CONFIG_SECCOMP_FILTER"),
                    x32 = value("CONFIG_X86_X32_ABI")
                ),
                (!x32).then(|| text!("cli-doctor-no-x32")),
            ));
        }
        None => checks.push(check(
            text!("cli-doctor-kernel-config"),
            Status::Info,
            text!("cli-doctor-kernel-config-unreadable"),
            None,
        )),
    }
    let mode = seccomp::mode();
    let filters = filters_work();
    checks.push(check(
        text!("cli-doctor-filters"),
        if filters { Status::Ok } else { Status::Failed },
        if filters {
            text!("cli-doctor-filters-load", mode = mode.to_string())
        } else {
            text!("cli-doctor-filters-fail")
        },
        (!filters).then(|| text!("cli-doctor-filters-consequence")),
    ));
    let actions = std::fs::read_to_string("/proc/sys/kernel/seccomp/actions_avail")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let missing: Vec<&str> = [
        "kill_process",
        "kill_thread",
        "trap",
        "errno",
        "user_notif",
        "trace",
        "log",
        "allow",
    ]
    .into_iter()
    .filter(|a| !actions.split_whitespace().any(|x| x == *a))
    .collect();
    checks.push(check(
        text!("cli-doctor-actions"),
        if missing.is_empty() {
            Status::Ok
        } else {
            Status::Warning
        },
        if actions.is_empty() {
            text!("cli-doctor-actions-unreadable")
        } else {
            text!("cli-doctor-actions-offered", actions = actions)
        },
        (!missing.is_empty()).then(|| text!("cli-doctor-actions-consequence")),
    ));
    let notify = user_notification_works();
    checks.push(check(
        text!("cli-doctor-notification"),
        if notify { Status::Ok } else { Status::Warning },
        if notify {
            text!("cli-doctor-notification-works")
        } else {
            text!("cli-doctor-notification-missing")
        },
        (!notify).then(|| text!("cli-doctor-notification-consequence")),
    ));
    let trace = tracing_works();
    checks.push(check(
        text!("cli-doctor-tracing"),
        if trace { Status::Ok } else { Status::Warning },
        if trace {
            text!("cli-doctor-tracing-works")
        } else {
            match yama_ptrace_scope() {
                Some(scope) => text!("cli-doctor-tracing-refused-yama", scope = scope),
                None => text!("cli-doctor-tracing-refused"),
            }
        },
        (!trace).then(|| text!("cli-doctor-tracing-consequence")),
    ));
    let (version, api) = (libseccomp::ScmpVersion::current(), libseccomp::get_api());
    checks.push(match version {
        Ok(v) => check(
            text!("cli-doctor-libseccomp"),
            Status::Ok,
            text!(
                "cli-doctor-libseccomp-version",
                version = format!("{}.{}.{}", v.major, v.minor, v.micro),
                api = api
            ),
            None,
        ),
        Err(e) => check(
            text!("cli-doctor-libseccomp"),
            Status::Failed,
            text!("cli-doctor-libseccomp-error", error = e.to_string()),
            Some(text!("cli-doctor-libseccomp-consequence")),
        ),
    });
    let man = std::process::Command::new("man")
        .args(["-w", "2", "read"])
        .output()
        .is_ok_and(|o| o.status.success());
    checks.push(check(
        text!("cli-doctor-man"),
        if man { Status::Ok } else { Status::Info },
        if man {
            text!("cli-doctor-man-installed")
        } else {
            text!("cli-doctor-man-missing")
        },
        (!man).then(|| text!("cli-doctor-man-consequence")),
    ));
    let root = nix::unistd::geteuid().is_root();
    checks.push(check(
        text!("cli-doctor-user"),
        Status::Info,
        if root {
            text!("cli-doctor-user-root")
        } else {
            text!("cli-doctor-user-ordinary")
        },
        root.then(|| text!("cli-doctor-user-consequence")),
    ));
    Report { checks }
}

/// The mode a run can have on this machine: an observed run falls back to enforcement when
/// user notification is missing, or tracing when it needs a tracer (`traced`: its filter can
/// TRAP or KILL, see `compile::needs_tracer`), with the reason to show; a recording cannot
/// happen without user notification (it traces nothing).
pub fn available_mode(
    requested: super::Mode,
    traced: bool,
) -> Result<(super::Mode, Option<Text>), Text> {
    use super::Mode;
    let enforced = |why| Ok((Mode::Enforce, Some(why)));
    match requested {
        Mode::Enforce => Ok((Mode::Enforce, None)),
        Mode::Observe if !user_notification_works() => enforced(text!("cli-run-fell-back")),
        Mode::Observe if traced && !tracing_works() => {
            enforced(text!("cli-run-fell-back-no-tracing"))
        }
        Mode::Record if !user_notification_works() => Err(text!("cli-run-cannot-record")),
        Mode::Observe if !super::procs::tree_visible() => {
            enforced(text!("cli-run-fell-back-foreign-proc"))
        }
        Mode::Record if !super::procs::tree_visible() => {
            Err(text!("cli-run-cannot-record-foreign-proc"))
        }
        _ => Ok((requested, None)),
    }
}
