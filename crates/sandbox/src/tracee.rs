//! Reading and steering one stopped tracee: the call it is in, its ids, its signal (nix's
//! typed ptrace requests; the waits and resumptions are in [`super::sys::ptrace`]).

use nix::sys::ptrace;
use nix::unistd::Pid;

/// `si_code` of the SIGSYS that seccomp raises.
const SYS_SECCOMP: i32 = 1;

fn pid(tid: i32) -> Pid {
    Pid::from_raw(tid)
}

/// A thread's ids in each PID namespace it is in, outermost first (`NSpid` in its status).
pub fn ns_pids(tid: i32) -> Option<Vec<i32>> {
    let status = std::fs::read_to_string(format!("/proc/{tid}/status")).ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("NSpid:"))?;
    line.split_whitespace().map(|v| v.parse().ok()).collect()
}

/// `PTRACE_GETEVENTMSG`: the message of the event a tracee is stopped at (0 when unreadable).
pub fn event_message(tid: i32) -> u64 {
    ptrace::getevent(pid(tid)).map_or(0, |m| m as u64)
}

/// Makes the syscall a tracee is stopped at (in a seccomp stop) fail with ENOSYS, as the
/// kernel fails a TRACE return when no tracer asked for seccomp stops: number -1 skips it, and
/// the return register already holds -ENOSYS from the syscall entry.
pub fn skip_syscall(tid: i32) {
    #[cfg(target_arch = "x86_64")]
    {
        const ORIG_RAX: usize = 15; // its slot in struct user_regs_struct
        let slot = (ORIG_RAX * 8) as ptrace::AddressType;
        let _ = ptrace::write_user(pid(tid), slot, -1);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = tid; // elsewhere the call goes through (documented in docs/RELIABILITY.md)
}

/// Whether the pending signal of a thread in a signal-delivery stop comes from seccomp.
pub fn raised_by_seccomp(tid: i32) -> bool {
    ptrace::getsiginfo(pid(tid)).is_ok_and(|info| info.si_code == SYS_SECCOMP)
}

/// The syscall a stopped thread is in: its ABI's audit token, number, arguments and address.
pub struct Call {
    /// The audit token of its ABI.
    pub token: u32,
    /// The syscall number.
    pub nr: i32,
    /// The arguments.
    pub args: [u64; 6],
    /// The address after the syscall instruction.
    pub ip: u64,
}

/// The call a thread stopped in: the ABI from `PTRACE_GET_SYSCALL_INFO` (the kernel's own
/// answer, right for `int $0x80` from 64-bit code too), the number and arguments from
/// `/proc/TID/syscall` (the registers as the syscall entry saw them, on every architecture).
pub fn call_of(tid: i32) -> Option<Call> {
    let token = super::sys::ptrace::syscall_abi(tid)?;
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
