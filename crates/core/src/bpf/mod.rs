//! Classic BPF as seccomp runs it: read, validate, disassemble, emulate and measure
//! `sock_filter` programs, in pure Rust.
//!
//! A program is what libseccomp's `seccomp_export_bpf` writes and `bwrap --seccomp`
//! reads: an array of 8-byte `struct sock_filter` records in native byte order.
//! [`Program::validate`] accepts exactly what the kernel accepts when the filter is
//! installed, [`emulate`] runs it the way the kernel does, [`disassemble`] explains it
//! instruction by instruction, and [`stats`] tells what it costs per syscall.

mod cache;
mod disasm;
mod emulate;
pub(crate) mod flow;
pub mod op;
mod stats;
mod validate;

#[cfg(test)]
mod tests;
/// Test helpers, for this crate's tests and (with the `testutil` feature) the other crates'.
#[cfg(any(test, feature = "testutil"))]
pub mod testutil;

pub use cache::{const_allow, skips_filter, workload_cost, WorkloadCost, CACHED_NR_LIMIT};
pub use disasm::{disassemble, disassemble_with, listing, listing_with, Line};
pub use emulate::{emulate, run, run_counted, Outcome, SeccompData};
pub use flow::may_return;
pub use stats::{stats, ArchStats, CostSummary, Stats, SyscallCost};
pub use validate::BpfError;

use std::fmt;

/// The size of one `struct sock_filter` record in bytes.
pub const INSN_SIZE: usize = 8;
/// The most instructions the kernel accepts in one program (`BPF_MAXINSNS`).
pub const MAX_INSNS: usize = 4096;
/// The size of `struct seccomp_data`, the only data a seccomp filter can read.
pub const SECCOMP_DATA_SIZE: u32 = 64;
/// The number of scratch memory words (`BPF_MEMWORDS`).
pub const MEM_WORDS: usize = 16;

/// The index a jump at `pc` with this offset lands on (None if it does not fit in usize).
fn jump_target(pc: usize, offset: u32) -> Option<usize> {
    pc.checked_add(1)?
        .checked_add(usize::try_from(offset).ok()?)
}

/// One instruction: the kernel's `struct sock_filter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Insn {
    /// The opcode: class, size, mode, operation and source bits.
    pub code: u16,
    /// Jump offset when a conditional jump is true (relative to the next instruction).
    pub jt: u8,
    /// Jump offset when a conditional jump is false.
    pub jf: u8,
    /// The generic operand: a constant, an offset or a return value.
    pub k: u32,
}

impl Insn {
    /// Builds an instruction from its four fields.
    pub const fn new(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
        Insn { code, jt, jf, k }
    }

    /// A non-jump instruction (`BPF_STMT`).
    pub const fn stmt(code: u16, k: u32) -> Insn {
        Insn {
            code,
            jt: 0,
            jf: 0,
            k,
        }
    }

    /// A jump instruction (`BPF_JUMP`).
    pub const fn jump(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn { code, jt, jf, k }
    }

    /// Decodes one native-endian 8-byte record.
    pub fn from_record(record: [u8; INSN_SIZE]) -> Insn {
        let [c0, c1, jt, jf, k0, k1, k2, k3] = record;
        Insn {
            code: u16::from_ne_bytes([c0, c1]),
            jt,
            jf,
            k: u32::from_ne_bytes([k0, k1, k2, k3]),
        }
    }

    /// Encodes the instruction as one native-endian 8-byte record.
    pub fn to_record(self) -> [u8; INSN_SIZE] {
        let [c0, c1] = self.code.to_ne_bytes();
        let [k0, k1, k2, k3] = self.k.to_ne_bytes();
        [c0, c1, self.jt, self.jf, k0, k1, k2, k3]
    }
}

impl From<Insn> for libc::sock_filter {
    /// The kernel's own struct, as `seccomp(SECCOMP_SET_MODE_FILTER)` takes it.
    fn from(i: Insn) -> libc::sock_filter {
        libc::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        }
    }
}

/// A classic BPF program: the instructions of one `struct sock_fprog`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Program {
    /// The instructions, executed from index 0.
    pub insns: Vec<Insn>,
}

impl Program {
    /// Wraps a list of instructions.
    pub fn new(insns: Vec<Insn>) -> Program {
        Program { insns }
    }

    /// Reads native-endian 8-byte `sock_filter` records (`seccomp_export_bpf` output).
    ///
    /// Only the framing is checked here; call [`Program::validate`] for the rest.
    pub fn from_bytes(bytes: &[u8]) -> Result<Program, BpfError> {
        let chunks = bytes.chunks_exact(INSN_SIZE);
        if !chunks.remainder().is_empty() {
            return Err(BpfError::TrailingBytes {
                index: bytes.len() / INSN_SIZE,
                extra: chunks.remainder().len(),
            });
        }
        let insns = chunks
            .map(|c| {
                let mut record = [0u8; INSN_SIZE];
                record.copy_from_slice(c);
                Insn::from_record(record)
            })
            .collect();
        Ok(Program { insns })
    }

    /// Writes the program as native-endian 8-byte records, as the kernel and bwrap read them.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.insns.iter().flat_map(|i| i.to_record()).collect()
    }

    /// The number of instructions.
    pub fn len(&self) -> usize {
        self.insns.len()
    }

    /// Whether the program has no instructions (the kernel refuses such a program).
    pub fn is_empty(&self) -> bool {
        self.insns.is_empty()
    }

    /// The same program with every constant return value passed through `f`; the control
    /// flow is untouched, so each call reaches the same return as before.
    pub fn map_returns(&self, f: impl Fn(RetAction) -> RetAction) -> Program {
        let insns = self
            .insns
            .iter()
            .map(|i| match i.code {
                op::RET_K => Insn {
                    k: f(RetAction::from_raw(i.k)).to_raw(),
                    ..*i
                },
                _ => *i,
            })
            .collect();
        Program { insns }
    }
}

/// `SECCOMP_RET_ACTION_FULL`: the action part of a filter's return value.
pub const RET_ACTION_FULL: u32 = 0xffff_0000;
/// `SECCOMP_RET_DATA`: the data part of a filter's return value.
pub const RET_DATA: u32 = 0x0000_ffff;
/// `SECCOMP_RET_KILL_PROCESS`.
pub const RET_KILL_PROCESS: u32 = 0x8000_0000;
/// `SECCOMP_RET_KILL_THREAD` (formerly `SECCOMP_RET_KILL`).
pub const RET_KILL_THREAD: u32 = 0x0000_0000;
/// `SECCOMP_RET_TRAP`.
pub const RET_TRAP: u32 = 0x0003_0000;
/// `SECCOMP_RET_ERRNO`.
pub const RET_ERRNO: u32 = 0x0005_0000;
/// `SECCOMP_RET_USER_NOTIF`.
pub const RET_USER_NOTIF: u32 = 0x7fc0_0000;
/// `SECCOMP_RET_TRACE`.
pub const RET_TRACE: u32 = 0x7ff0_0000;
/// `SECCOMP_RET_LOG`.
pub const RET_LOG: u32 = 0x7ffc_0000;
/// `SECCOMP_RET_ALLOW`.
pub const RET_ALLOW: u32 = 0x7fff_0000;

/// What the kernel does with a filter's 32-bit return value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetAction {
    /// Kill the whole process with SIGSYS.
    KillProcess,
    /// Kill the calling thread (the process too when it is the last thread).
    KillThread,
    /// Send SIGSYS; the data goes to `si_errno`.
    Trap(u16),
    /// Fail the call with this errno (the kernel caps values above 4095 to 4095).
    Errno(u16),
    /// Ask the user-space supervisor (`SCMP_ACT_NOTIFY`).
    UserNotif,
    /// Hand the call to a ptrace tracer with this message; without a tracer it fails with ENOSYS.
    Trace(u16),
    /// Allow the call and log it.
    Log,
    /// Allow the call.
    Allow,
    /// A value with no known action (the whole raw value): the kernel kills the process.
    Unknown(u32),
}

impl RetAction {
    /// Decodes a filter's return value as the kernel does.
    pub fn from_raw(ret: u32) -> RetAction {
        let data = (ret & RET_DATA) as u16;
        match ret & RET_ACTION_FULL {
            RET_KILL_PROCESS => RetAction::KillProcess,
            RET_KILL_THREAD => RetAction::KillThread,
            RET_TRAP => RetAction::Trap(data),
            RET_ERRNO => RetAction::Errno(data),
            RET_USER_NOTIF => RetAction::UserNotif,
            RET_TRACE => RetAction::Trace(data),
            RET_LOG => RetAction::Log,
            RET_ALLOW => RetAction::Allow,
            _ => RetAction::Unknown(ret),
        }
    }

    /// The return value that encodes this action (data bits zero for actions without data).
    pub fn to_raw(self) -> u32 {
        match self {
            RetAction::KillProcess => RET_KILL_PROCESS,
            RetAction::KillThread => RET_KILL_THREAD,
            RetAction::Trap(d) => RET_TRAP | u32::from(d),
            RetAction::Errno(d) => RET_ERRNO | u32::from(d),
            RetAction::UserNotif => RET_USER_NOTIF,
            RetAction::Trace(d) => RET_TRACE | u32::from(d),
            RetAction::Log => RET_LOG,
            RetAction::Allow => RET_ALLOW,
            RetAction::Unknown(raw) => raw,
        }
    }

    /// The libseccomp name; an unknown value reports `SCMP_ACT_KILL_PROCESS`, which is what happens.
    pub fn scmp_name(&self) -> &'static str {
        match self {
            RetAction::KillProcess | RetAction::Unknown(_) => "SCMP_ACT_KILL_PROCESS",
            RetAction::KillThread => "SCMP_ACT_KILL_THREAD",
            RetAction::Trap(_) => "SCMP_ACT_TRAP",
            RetAction::Errno(_) => "SCMP_ACT_ERRNO",
            RetAction::UserNotif => "SCMP_ACT_NOTIFY",
            RetAction::Trace(_) => "SCMP_ACT_TRACE",
            RetAction::Log => "SCMP_ACT_LOG",
            RetAction::Allow => "SCMP_ACT_ALLOW",
        }
    }

    /// The 16-bit data of TRAP, ERRNO and TRACE; None for the others.
    pub fn data(&self) -> Option<u16> {
        match self {
            RetAction::Trap(d) | RetAction::Errno(d) | RetAction::Trace(d) => Some(*d),
            _ => None,
        }
    }

    /// The profile action with the same effect (an unknown value kills the process).
    pub fn profile_action(&self) -> crate::profile::Action {
        use crate::profile::Action;
        match self {
            RetAction::KillProcess | RetAction::Unknown(_) => Action::KillProcess,
            RetAction::KillThread => Action::KillThread,
            RetAction::Trap(_) => Action::Trap,
            RetAction::Errno(_) => Action::Errno,
            RetAction::UserNotif => Action::Notify,
            RetAction::Trace(_) => Action::Trace,
            RetAction::Log => Action::Log,
            RetAction::Allow => Action::Allow,
        }
    }

    /// Whether the call goes ahead (ALLOW or LOG).
    pub fn allows(&self) -> bool {
        matches!(self, RetAction::Allow | RetAction::Log)
    }
}

impl fmt::Display for RetAction {
    /// Short form as the disassembly prints it: `ALLOW`, `ERRNO(13)`, `TRACE(5)`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetAction::KillProcess => f.write_str("KILL_PROCESS"),
            RetAction::KillThread => f.write_str("KILL_THREAD"),
            RetAction::Trap(0) => f.write_str("TRAP"),
            RetAction::Trap(d) => write!(f, "TRAP({d})"),
            RetAction::Errno(d) => write!(f, "ERRNO({d})"),
            RetAction::UserNotif => f.write_str("NOTIFY"),
            RetAction::Trace(d) => write!(f, "TRACE({d})"),
            RetAction::Log => f.write_str("LOG"),
            RetAction::Allow => f.write_str("ALLOW"),
            RetAction::Unknown(raw) => write!(f, "{raw:#010x} (unknown action: kills the process)"),
        }
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn bytes_round_trip_native_endian() {
        let prog = Program::new(vec![
            Insn::stmt(op::LD_W_ABS, 4),
            Insn::jump(op::JEQ_K, 0xc000_003e, 1, 0),
            Insn::stmt(op::RET_K, RET_KILL_PROCESS),
            Insn::stmt(op::RET_K, RET_ALLOW),
        ]);
        let bytes = prog.to_bytes();
        assert_eq!(bytes.len(), 32);
        let mut expected_second = Vec::new();
        expected_second.extend_from_slice(&0x15u16.to_ne_bytes());
        expected_second.extend_from_slice(&[1, 0]);
        expected_second.extend_from_slice(&0xc000_003eu32.to_ne_bytes());
        assert_eq!(&bytes[8..16], expected_second.as_slice());
        assert_eq!(Program::from_bytes(&bytes), Ok(prog));
        assert_eq!(Program::from_bytes(&[]), Ok(Program::default()));
    }

    #[test]
    fn truncated_bytes_name_the_partial_record() {
        let bytes = [0u8; 8 * 3 + 5];
        assert_eq!(
            Program::from_bytes(&bytes),
            Err(BpfError::TrailingBytes { index: 3, extra: 5 })
        );
        assert_eq!(
            Program::from_bytes(&[1, 2, 3]).map_err(|e| e.to_string()),
            Err("instruction 0: truncated record (3 of 8 bytes)".to_string())
        );
    }

    #[test]
    fn ret_action_round_trips_every_action() {
        let all = [
            (
                RetAction::KillProcess,
                0x8000_0000,
                "SCMP_ACT_KILL_PROCESS",
                "KILL_PROCESS",
            ),
            (
                RetAction::KillThread,
                0,
                "SCMP_ACT_KILL_THREAD",
                "KILL_THREAD",
            ),
            (RetAction::Trap(0), 0x0003_0000, "SCMP_ACT_TRAP", "TRAP"),
            (RetAction::Trap(7), 0x0003_0007, "SCMP_ACT_TRAP", "TRAP(7)"),
            (
                RetAction::Errno(13),
                0x0005_000d,
                "SCMP_ACT_ERRNO",
                "ERRNO(13)",
            ),
            (
                RetAction::Errno(0),
                0x0005_0000,
                "SCMP_ACT_ERRNO",
                "ERRNO(0)",
            ),
            (
                RetAction::UserNotif,
                0x7fc0_0000,
                "SCMP_ACT_NOTIFY",
                "NOTIFY",
            ),
            (
                RetAction::Trace(5),
                0x7ff0_0005,
                "SCMP_ACT_TRACE",
                "TRACE(5)",
            ),
            (RetAction::Log, 0x7ffc_0000, "SCMP_ACT_LOG", "LOG"),
            (RetAction::Allow, 0x7fff_0000, "SCMP_ACT_ALLOW", "ALLOW"),
            (
                RetAction::Unknown(0x1234_5678),
                0x1234_5678,
                "SCMP_ACT_KILL_PROCESS",
                "0x12345678 (unknown action: kills the process)",
            ),
        ];
        for (action, raw, name, shown) in all {
            assert_eq!(action.to_raw(), raw, "{action:?}");
            assert_eq!(RetAction::from_raw(raw), action, "{raw:#x}");
            assert_eq!(action.scmp_name(), name);
            assert_eq!(action.to_string(), shown);
        }
        assert_eq!(RetAction::Errno(13).data(), Some(13));
        assert_eq!(RetAction::Trace(5).data(), Some(5));
        assert_eq!(RetAction::Trap(2).data(), Some(2));
        assert_eq!(RetAction::Allow.data(), None);
        assert_eq!(RetAction::Unknown(3).data(), None);
        // Data bits of actions without data are ignored, as the kernel ignores them.
        assert_eq!(RetAction::from_raw(0x7fff_0005), RetAction::Allow);
        assert_eq!(RetAction::from_raw(0x8000_0009), RetAction::KillProcess);
        assert_eq!(RetAction::from_raw(0x0000_0009), RetAction::KillThread);
        assert_eq!(
            RetAction::from_raw(0x7ffd_0000),
            RetAction::Unknown(0x7ffd_0000)
        );
        assert_eq!(
            RetAction::Unknown(1).profile_action(),
            crate::profile::Action::KillProcess
        );
        assert_eq!(
            RetAction::UserNotif.profile_action(),
            crate::profile::Action::Notify
        );
        assert!(RetAction::Log.allows() && RetAction::Allow.allows());
        assert!(!RetAction::Errno(0).allows());
    }

    #[test]
    fn ret_action_from_raw_round_trips_all_action_values() {
        for hi in [
            0u32, 0x3, 0x5, 0x7fc0, 0x7ff0, 0x7ffc, 0x7fff, 0x8000, 0x1, 0xffff,
        ] {
            for lo in [0u32, 1, 0xffff] {
                let raw = hi << 16 | lo;
                let action = RetAction::from_raw(raw);
                let back = RetAction::from_raw(action.to_raw());
                assert_eq!(back, action, "{raw:#x}");
                if action.data().is_some() || matches!(action, RetAction::Unknown(_)) {
                    assert_eq!(action.to_raw(), raw);
                }
            }
        }
    }

    use super::testutil::Rng;

    const VALUES: [u32; 10] = [
        0,
        1,
        4,
        16,
        257,
        0x4000_0000,
        0x4000_0101,
        0x4000_0003,
        0xc000_003e,
        0x8000_0016,
    ];

    fn random_data(rng: &mut Rng) -> SeccompData {
        let arch = rng.pick(&[0xc000_003e, 0x4000_0003, 0x8000_0016, 0xc000_00b7, 7]);
        let mut args = [0u64; 6];
        for a in args.iter_mut() {
            *a = if rng.below(2) == 0 {
                rng.next_u64()
            } else {
                rng.below(5) as u64
            };
        }
        SeccompData {
            nr: rng.pick(&VALUES) as i32,
            arch,
            instruction_pointer: rng.next_u64(),
            args,
        }
    }

    /// Programs built mostly from real opcodes, so many of them are valid.
    fn plausible(rng: &mut Rng) -> Program {
        let len = 1 + rng.below(24);
        let classic: Vec<u16> = (0..=0xffu16).filter(|&c| op::is_classic(c)).collect();
        let seccomp: Vec<u16> = (0..=0xffu16).filter(|&c| op::is_seccomp(c)).collect();
        let mut insns: Vec<Insn> = (0..len)
            .map(|pc| {
                let code = match rng.below(12) {
                    0 if rng.below(4) == 0 => rng.next_u64() as u16,
                    0 => rng.pick(&classic),
                    1..=3 => op::LD_W_ABS,
                    4..=6 => rng.pick(&[op::JEQ_K, op::JGE_K, op::JGT_K, op::JSET_K]),
                    7 => op::RET_K,
                    _ => rng.pick(&seccomp),
                };
                let k = match rng.below(6) {
                    0 => rng.next_u64() as u32,
                    1 => 4 * rng.below(16) as u32,
                    2 => rng.pick(&[0, 4]),
                    3 => rng.below(16) as u32,
                    // Values next to the ones the data holds, to probe range narrowing.
                    _ => rng
                        .pick(&VALUES)
                        .wrapping_add(rng.below(3) as u32)
                        .wrapping_sub(1),
                };
                // Mostly in-range jumps: at most to the last instruction.
                let room = len - pc - 1;
                let mut offset = || match rng.below(10) {
                    0 => rng.below(256) as u8,
                    _ => rng.below(room.clamp(1, 6)) as u8,
                };
                let (jt, jf) = (offset(), offset());
                let k = if code == op::JMP_JA {
                    k % (room as u32).max(1)
                } else {
                    k
                };
                Insn::new(code, jt, jf, k)
            })
            .collect();
        if rng.below(10) != 0 {
            if let Some(last) = insns.last_mut() {
                *last = Insn::stmt(rng.pick(&[op::RET_K, op::RET_A]), rng.next_u64() as u32);
            }
        }
        Program::new(insns)
    }

    fn exercise(prog: &Program, rng: &mut Rng) -> bool {
        let valid = prog.validate().is_ok();
        let lines = disassemble(prog);
        assert_eq!(lines.len(), prog.len());
        let text = listing(prog);
        if valid {
            assert!(!text.contains("???"), "{text}");
        }
        for _ in 0..4 {
            let data = random_data(rng);
            let out = emulate(prog, &data);
            assert_eq!(run(prog, &data), out.ret);
            assert_eq!(run_counted(prog, &data), (out.ret, out.path.len()));
            assert_eq!(out.action, RetAction::from_raw(out.ret));
            if !valid {
                continue;
            }
            // Valid programs run forward and end on a return (or a division by X = 0).
            assert!(out.path.windows(2).all(|w| w[0] < w[1]), "{:?}", out.path);
            let last = out.path.last().map(|&i| prog.insns[i].code);
            let div_x = op::ALU | op::DIV | op::X;
            let ended = matches!(last, Some(op::RET_K | op::RET_A))
                || (last == Some(div_x) && out.ret == 0);
            assert!(ended, "{:?}\n{text}", out.path);
            // The flow analysis never calls an executed instruction unreachable.
            for &i in &out.path {
                assert!(lines[i].reachable, "{i} in {:?}\n{text}", out.path);
            }
            let fixed = match data.arch {
                0xc000_003e if (data.nr as u32) < 0x4000_0000 => Some(crate::profile::Arch::X86_64),
                0xc000_003e => Some(crate::profile::Arch::X32),
                0x4000_0003 => Some(crate::profile::Arch::X86),
                0x8000_0016 => Some(crate::profile::Arch::S390X),
                _ => None,
            };
            if let Some(arch) = fixed {
                let states = flow::analyze(prog, Some(arch));
                for &i in &out.path {
                    assert!(states[i].is_some(), "{arch} {i} {:?}\n{text}", out.path);
                }
            }
        }
        valid
    }

    #[test]
    fn no_input_makes_anything_panic() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let mut valid = 0;
        for round in 0..6000 {
            let prog = plausible(&mut rng);
            if exercise(&prog, &mut rng) {
                valid += 1;
            }
            // Raw bytes, whole and cut short anywhere.
            let mut bytes = prog.to_bytes();
            let len = bytes.len();
            bytes.truncate(rng.below(len + 1));
            for b in bytes.iter_mut() {
                if rng.below(8) == 0 {
                    *b = rng.next_u64() as u8;
                }
            }
            match Program::from_bytes(&bytes) {
                Ok(p) => {
                    assert_eq!(p.len() * INSN_SIZE, bytes.len());
                    exercise(&p, &mut rng);
                }
                Err(e) => assert_eq!(
                    e,
                    BpfError::TrailingBytes {
                        index: bytes.len() / 8,
                        extra: bytes.len() % 8
                    }
                ),
            }
            if round % 500 == 0 {
                let st = stats(
                    &prog,
                    &[crate::profile::Arch::X86_64, crate::profile::Arch::S390X],
                );
                assert!(st.arches.iter().all(|a| a.reachable <= a.total));
            }
        }
        // The generator must produce enough valid programs for the checks above to bite.
        assert!(valid > 600, "only {valid} valid programs");
    }
}
