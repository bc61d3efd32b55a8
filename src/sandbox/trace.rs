//! Seeing what the kernel itself does with TRAP and KILL, at no cost to any syscall.
//!
//! Observed mode leaves TRAP and KILL in the filter, so that the kernel delivers them exactly
//! as enforcement would (the `siginfo` a SIGSYS handler reads, one thread killed and not its
//! process, a SIGSYS nothing can catch). To still report them, a tracer thread seizes the
//! command with ptrace before it execs: `PTRACE_SEIZE` stops nothing, and without syscall
//! stops (no `PTRACE_SYSCALL`, no `PTRACE_O_TRACESYSGOOD`) a syscall costs what it costs
//! untraced. The options follow the command's threads and children (`TRACECLONE`, `TRACEFORK`,
//! `TRACEVFORK`) and stop each thread as it exits (`TRACEEXIT`), so the only stops are signal
//! deliveries, forks and exits:
//!
//! - a SIGSYS whose `si_code` is `SYS_SECCOMP`: the thread's syscall is run through the real
//!   filter and reported when the filter traps it; the signal then goes on unchanged;
//! - a thread exiting by SIGSYS: the same, for the kill actions (its registers still hold the
//!   call that killed it);
//! - anything else is resumed as it came: signals delivered, group-stops kept with
//!   `PTRACE_LISTEN` until SIGCONT, as if nobody traced.
//!
//! A signal raised by other means (kill, or the command's own filters) does not name a call
//! the real filter traps or kills, so it is not reported. The tracer is a thread of its own
//! because ptrace requests must come from the thread that seized; it waits only for its own
//! tracees (`__WNOTHREAD`), never for seccompose's children, and ends when none is left.
//! `PTRACE_O_EXITKILL`: should the tracer die, the command dies too rather than run unseen.

use super::supervise::Observer;
use super::Stop;
use crate::bpf::RetAction;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

/// `PTRACE_EVENT_EXIT`: a thread is about to exit (its registers are still there).
const EVENT_EXIT: i32 = 6;
/// `PTRACE_EVENT_STOP`: a group-stop, or the first stop of a thread attached automatically.
const EVENT_STOP: i32 = 128;
/// `si_code` of the SIGSYS that seccomp raises.
const SYS_SECCOMP: i32 = 1;

/// What the session learns from the tracer about the process it seized.
#[derive(Debug, Default)]
pub struct Seized {
    /// Set once the command is seized (and so before it execs).
    pub done: AtomicBool,
    /// Its wait status once it ended. Without a PID namespace that process is seccompose's own
    /// child, which only the tracer may wait for (a wait from another thread could take its
    /// ptrace stops), so the session reads its status here.
    pub status: Mutex<Option<i32>>,
}

/// The type of a ptrace request in the C library's prototype.
#[cfg(target_env = "gnu")]
type Request = libc::c_uint;
#[cfg(not(target_env = "gnu"))]
type Request = libc::c_int;

/// One ptrace request; errors (a tracee killed meanwhile) are the caller's to ignore.
fn ptrace(request: Request, tid: i32, addr: usize, data: usize) -> libc::c_long {
    // SAFETY: requests on our own tracees; pointers, when passed, point to live buffers of the
    // size the request writes.
    unsafe {
        libc::ptrace(
            request,
            tid,
            addr as *mut libc::c_void,
            data as *mut libc::c_void,
        )
    }
}

/// Seizes `pid` from a new thread that then follows it until nothing it traces is left;
/// returns that thread, whose result is the stops it saw. Fails when the kernel refuses.
pub fn start(
    pid: i32,
    observer: Observer,
    seized: std::sync::Arc<Seized>,
) -> std::io::Result<std::thread::JoinHandle<Vec<Stop>>> {
    let (tell, told) = mpsc::sync_channel(1);
    let thread = std::thread::Builder::new()
        .name("seccompose-tracer".into())
        .spawn(move || {
            let options = libc::PTRACE_O_TRACECLONE
                | libc::PTRACE_O_TRACEFORK
                | libc::PTRACE_O_TRACEVFORK
                | libc::PTRACE_O_TRACEEXIT
                | libc::PTRACE_O_EXITKILL;
            let ok = ptrace(libc::PTRACE_SEIZE, pid, 0, options as usize) == 0;
            let _ = tell.send(if ok {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            });
            if !ok {
                return Vec::new();
            }
            seized.done.store(true, Ordering::Release);
            follow(pid, &observer, &seized)
        })?;
    match told.recv() {
        Ok(Ok(())) => Ok(thread),
        Ok(Err(e)) => {
            let _ = thread.join();
            Err(e)
        }
        Err(_) => Err(std::io::Error::other("the tracer thread ended")),
    }
}

/// Resumes every stop as it came, reporting the ones seccomp caused, until no tracee is left.
fn follow(root: i32, observer: &Observer, seized: &Seized) -> Vec<Stop> {
    let mut stops = Vec::new();
    loop {
        let mut status = 0;
        // SAFETY: waits only for this thread's tracees (it has no children of its own).
        let tid = unsafe { libc::waitpid(-1, &mut status, libc::__WALL | libc::__WNOTHREAD) };
        if tid < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            break; // ECHILD: nothing left to follow
        }
        if !libc::WIFSTOPPED(status) {
            if tid == root {
                if let Ok(mut slot) = seized.status.lock() {
                    *slot = Some(status);
                }
            }
            continue;
        }
        let signal = libc::WSTOPSIG(status);
        let deliver = match status >> 16 {
            0 => {
                if signal == libc::SIGSYS && raised_by_seccomp(tid) {
                    stops.extend(observe(tid, observer, |a| matches!(a, RetAction::Trap(_))));
                }
                signal
            }
            EVENT_STOP if is_stop_signal(signal) => {
                // A group-stop: stay stopped until SIGCONT, as an untraced process would.
                ptrace(libc::PTRACE_LISTEN, tid, 0, 0);
                continue;
            }
            EVENT_EXIT => {
                let mut code: libc::c_ulong = 0;
                ptrace(
                    libc::PTRACE_GETEVENTMSG,
                    tid,
                    0,
                    &mut code as *mut _ as usize,
                );
                if code & 0x7f == libc::SIGSYS as libc::c_ulong {
                    stops.extend(observe(tid, observer, kills));
                }
                0
            }
            _ => 0,
        };
        ptrace(libc::PTRACE_CONT, tid, 0, deliver as usize);
    }
    stops
}

fn is_stop_signal(signal: i32) -> bool {
    matches!(
        signal,
        libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
    )
}

fn kills(action: RetAction) -> bool {
    matches!(
        action,
        RetAction::KillThread | RetAction::KillProcess | RetAction::Unknown(_)
    )
}

/// Whether the pending signal of a thread in a signal-delivery stop comes from seccomp.
fn raised_by_seccomp(tid: i32) -> bool {
    let mut info = [0u8; 128]; // sizeof(siginfo_t)
    if ptrace(libc::PTRACE_GETSIGINFO, tid, 0, info.as_mut_ptr() as usize) != 0 {
        return false;
    }
    // si_signo, si_errno, si_code: three ints at the start on every Linux ABI.
    i32::from_ne_bytes([info[8], info[9], info[10], info[11]]) == SYS_SECCOMP
}

/// The syscall a stopped thread is in: its ABI's audit token, number, arguments and address.
struct Call {
    token: u32,
    nr: i32,
    args: [u64; 6],
    ip: u64,
}

/// The call a thread stopped in: the ABI from `PTRACE_GET_SYSCALL_INFO` (the kernel's own
/// answer, right for `int $0x80` from 64-bit code too), the number and arguments from
/// `/proc/TID/syscall` (the registers as the syscall entry saw them, on every architecture).
fn call_of(tid: i32) -> Option<Call> {
    // struct ptrace_syscall_info: u8 op, 3 bytes of padding, u32 arch, then the rest.
    let mut info = [0u64; 12];
    let got = ptrace(
        libc::PTRACE_GET_SYSCALL_INFO,
        tid,
        std::mem::size_of_val(&info),
        info.as_mut_ptr() as usize,
    );
    if got < 8 {
        return None;
    }
    let token = (info[0] >> 32) as u32;
    let text = std::fs::read_to_string(format!("/proc/{tid}/syscall")).ok()?;
    parse_proc_syscall(&text).map(|(nr, args, ip)| Call {
        token,
        nr,
        args,
        ip,
    })
}

/// `NR 0xA0 ... 0xA5 0xSP 0xPC` from `/proc/TID/syscall`; None outside a syscall.
fn parse_proc_syscall(text: &str) -> Option<(i32, [u64; 6], u64)> {
    let mut fields = text.split_whitespace();
    let nr: i32 = fields.next()?.parse().ok()?;
    if nr < 0 {
        return None;
    }
    let mut numbers = fields.map(|f| u64::from_str_radix(f.trim_start_matches("0x"), 16));
    let mut args = [0u64; 6];
    for a in &mut args {
        *a = numbers.next()?.ok()?;
    }
    let _sp = numbers.next()?.ok()?;
    let ip = numbers.next()?.ok()?;
    Some((nr, args, ip))
}

/// Reports the call `tid` stopped in when the real filter's action for it is one `wanted`.
fn observe(tid: i32, observer: &Observer, wanted: fn(RetAction) -> bool) -> Option<Stop> {
    let call = call_of(tid)?;
    let action = observer.action(call.token, call.nr, call.ip, call.args);
    if !wanted(action) {
        return None;
    }
    let stop = observer.stop(tid as u32, call.token, call.nr, call.args, action)?;
    observer.report(&stop);
    Some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_syscall() {
        let line = "39 0x1 0x2 0x3 0x4 0x5 0xffffffffffffffff 0x7ffc1000 0x401000\n";
        assert_eq!(
            parse_proc_syscall(line),
            Some((39, [1, 2, 3, 4, 5, u64::MAX], 0x401000))
        );
        assert_eq!(parse_proc_syscall("-1 0x7ffc1000 0x401000\n"), None);
        assert_eq!(parse_proc_syscall("running\n"), None);
    }
}
