//! Turning a stopped call into a reported [`Stop`]: what the real filter does with it, the
//! rule that decided, the strings its arguments point to. Shared by the supervisor (notified
//! calls) and the tracer (TRAP and KILL, which the kernel delivers itself), so that neither
//! imports the other.

use super::{Event, Stop};
use seccompose_core::bpf::{self, Program, RetAction, SeccompData};
use seccompose_core::catalog::Catalog;
use seccompose_core::compile::deciding_rule;
use seccompose_core::profile::Arch;
use std::sync::{mpsc, Arc};
use std::time::Instant;

/// What turning a stopped call into a reported [`Stop`] needs; shared by the supervisor (for
/// notified calls) and the tracer (for TRAP and KILL, which the kernel delivers itself).
#[derive(Clone)]
pub struct Observer {
    /// The real filter.
    pub program: Arc<Program>,
    /// How long runc's -ENOSYS stub at its start is (0: none).
    pub stub_len: usize,
    /// The compiled rules, for naming the rule that decided.
    pub plan: super::observation::Rules,
    /// Where events go.
    pub events: mpsc::Sender<Event>,
    /// When the run started.
    pub started: Instant,
}

impl Observer {
    /// What the real filter does with a call.
    pub fn action(&self, token: u32, nr: i32, ip: u64, args: [u64; 6]) -> RetAction {
        let data = SeccompData {
            nr,
            arch: token,
            instruction_pointer: ip,
            args,
        };
        RetAction::from_raw(bpf::run(&self.program, &data))
    }

    /// The stop of thread `pid` at a call (None for an ABI we do not know).
    pub fn stop(
        &self,
        pid: u32,
        token: u32,
        nr: i32,
        args: [u64; 6],
        action: RetAction,
    ) -> Option<Stop> {
        let arch = arch_of(token, nr)?;
        let nr = nr as u32;
        let name = Catalog.name_of(arch, nr);
        let data = SeccompData {
            nr: nr as i32,
            arch: token,
            instruction_pointer: 0,
            args,
        };
        let stub = self.stub_len > 0
            && bpf::emulate(&self.program, &data)
                .path
                .last()
                .is_some_and(|at| *at < self.stub_len);
        let rule = (!stub)
            .then(|| name.and_then(|n| deciding_rule(&self.plan, n, &args, action)))
            .flatten();
        let texts = name
            .map(|n| read_strings(pid, n, &args))
            .unwrap_or_default();
        Some(Stop {
            elapsed: self.started.elapsed(),
            pid,
            arch,
            nr,
            name,
            args,
            texts,
            action,
            rule,
            stub,
        })
    }

    /// Streams a stop to whoever shows the run.
    pub fn report(&self, stop: &Stop) {
        let _ = self.events.send(Event::Stop(Box::new(stop.clone())));
    }
}

/// The architecture of a notification: x32 shares x86-64's token and sets bit 30 of nr.
pub fn arch_of(token: u32, nr: i32) -> Option<Arch> {
    if token == Arch::X86_64.audit_token() && nr as u32 & 0x4000_0000 != 0 {
        return Some(Arch::X32);
    }
    Arch::all().find(|a| a.audit_token() == token && *a != Arch::X32)
}

/// The strings that the `char *` arguments of a stopped call point to (paths, names), read
/// from the caller's memory while it waits; arguments that are not strings, or cannot be
/// read, stay None. Reports only: the call itself is decided on the raw arguments.
fn read_strings(pid: u32, name: &str, args: &[u64; 6]) -> [Option<String>; 6] {
    let mut out: [Option<String>; 6] = Default::default();
    let Some(syscall) = Catalog.syscall(name) else {
        return out;
    };
    for (i, arg) in syscall.args().iter().enumerate().take(6) {
        // `const char *` is a string; `char *const *argv` is an array of them, not shown.
        let is_string = arg.ty().contains("char") && arg.ty().matches('*').count() == 1;
        if is_string && args[i] != 0 {
            out[i] = read_c_string(pid, args[i]);
        }
    }
    out
}

/// Up to 256 bytes of a NUL-terminated string in another process.
fn read_c_string(pid: u32, address: u64) -> Option<String> {
    use nix::sys::uio::{process_vm_readv, RemoteIoVec};
    let mut buf = [0u8; 256];
    // A string near the end of a mapping is shorter than the buffer: read up to the page end.
    let to_page_end = 4096 - (address as usize % 4096);
    let remote = RemoteIoVec {
        base: address as usize,
        len: buf.len().min(to_page_end),
    };
    let pid = nix::unistd::Pid::from_raw(pid as i32);
    let n = process_vm_readv(pid, &mut [std::io::IoSliceMut::new(&mut buf)], &[remote]).ok()?;
    if n == 0 {
        return None;
    }
    let bytes = &buf[..n as usize];
    let end = bytes.iter().position(|&b| b == 0)?;
    Some(String::from_utf8_lossy(&bytes[..end]).into_owned())
}
