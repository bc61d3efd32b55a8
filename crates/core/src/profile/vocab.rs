//! The closed vocabularies of a profile: actions, comparison operators,
//! architectures and filter flags, with their spellings in the JSON formats.

use crate::i18n::Text;
use crate::text;
use std::fmt;

/// What the kernel does with a matching syscall (`SCMP_ACT_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// `SCMP_ACT_KILL`: the legacy spelling; runc treats it as kill-thread.
    Kill,
    /// `SCMP_ACT_KILL_THREAD`.
    KillThread,
    /// `SCMP_ACT_KILL_PROCESS`.
    KillProcess,
    /// `SCMP_ACT_TRAP`: deliver SIGSYS.
    Trap,
    /// `SCMP_ACT_ERRNO`: fail with an errno.
    Errno,
    /// `SCMP_ACT_TRACE`: notify a ptrace tracer.
    Trace,
    /// `SCMP_ACT_ALLOW`.
    Allow,
    /// `SCMP_ACT_LOG`: allow and log.
    Log,
    /// `SCMP_ACT_NOTIFY`: ask a user-space supervisor.
    Notify,
}

impl Action {
    /// Every action, in the order the editor offers them.
    pub const ALL: [Action; 9] = [
        Action::Allow,
        Action::Errno,
        Action::KillProcess,
        Action::KillThread,
        Action::Kill,
        Action::Trap,
        Action::Log,
        Action::Trace,
        Action::Notify,
    ];

    /// The JSON spelling, e.g. `SCMP_ACT_ALLOW`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Kill => "SCMP_ACT_KILL",
            Action::KillThread => "SCMP_ACT_KILL_THREAD",
            Action::KillProcess => "SCMP_ACT_KILL_PROCESS",
            Action::Trap => "SCMP_ACT_TRAP",
            Action::Errno => "SCMP_ACT_ERRNO",
            Action::Trace => "SCMP_ACT_TRACE",
            Action::Allow => "SCMP_ACT_ALLOW",
            Action::Log => "SCMP_ACT_LOG",
            Action::Notify => "SCMP_ACT_NOTIFY",
        }
    }

    /// Parses a JSON spelling.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The action as the kernel sees it: the legacy `KILL` is kill-thread.
    pub fn semantic(self) -> Action {
        match self {
            Action::Kill => Action::KillThread,
            other => other,
        }
    }

    /// What the action does to the calling program, in one line for people.
    pub fn meaning(self) -> Text {
        match self {
            Action::Allow => text!("ed-action-allow"),
            Action::Errno => text!("ed-action-errno"),
            Action::KillProcess => text!("ed-action-kill-process"),
            Action::KillThread | Action::Kill => text!("ed-action-kill-thread"),
            Action::Trap => text!("ed-action-trap"),
            Action::Log => text!("ed-action-log"),
            Action::Trace => text!("ed-action-trace"),
            Action::Notify => text!("ed-action-notify"),
        }
    }

    /// Whether the action carries an errno-like value (`errnoRet`).
    pub fn takes_errno(self) -> bool {
        matches!(self, Action::Errno | Action::Trace)
    }

    /// Whether the call goes ahead (ALLOW or LOG).
    pub fn allows(self) -> bool {
        matches!(self, Action::Allow | Action::Log)
    }

    /// Whether the call is stopped outright (ERRNO, TRAP, a kill); TRACE and NOTIFY leave the
    /// decision to another process.
    pub fn blocks(self) -> bool {
        matches!(
            self,
            Action::Errno | Action::Trap | Action::Kill | Action::KillThread | Action::KillProcess
        )
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A comparison of one syscall argument (`SCMP_CMP_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    /// `SCMP_CMP_NE`.
    Ne,
    /// `SCMP_CMP_LT`.
    Lt,
    /// `SCMP_CMP_LE`.
    Le,
    /// `SCMP_CMP_EQ`.
    Eq,
    /// `SCMP_CMP_GE`.
    Ge,
    /// `SCMP_CMP_GT`.
    Gt,
    /// `SCMP_CMP_MASKED_EQ`: `(arg & value) == valueTwo`.
    MaskedEq,
}

impl Op {
    /// Every operator.
    pub const ALL: [Op; 7] = [Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::MaskedEq];

    /// The JSON spelling, e.g. `SCMP_CMP_EQ`.
    pub fn name(self) -> &'static str {
        match self {
            Op::Ne => "SCMP_CMP_NE",
            Op::Lt => "SCMP_CMP_LT",
            Op::Le => "SCMP_CMP_LE",
            Op::Eq => "SCMP_CMP_EQ",
            Op::Ge => "SCMP_CMP_GE",
            Op::Gt => "SCMP_CMP_GT",
            Op::MaskedEq => "SCMP_CMP_MASKED_EQ",
        }
    }

    /// The operator as people write it (`==`, `&`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Eq => "==",
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::MaskedEq => "&",
        }
    }

    /// Parses a JSON spelling or a symbol.
    pub fn from_name(name: &str) -> Option<Op> {
        Op::ALL
            .into_iter()
            .find(|o| o.name() == name || o.symbol() == name)
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One architecture that a filter can cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Arch(u8);

struct ArchInfo {
    scmp: &'static str,
    go: &'static str,
    short: &'static str,
    audit: u32,
}

// AUDIT_ARCH_* tokens are facts from <linux/audit.h>; Go names are GOARCH values
// as runc matches them in `includes.arches`.
const ARCHES: &[ArchInfo] = &[
    ArchInfo {
        scmp: "SCMP_ARCH_X86_64",
        go: "amd64",
        short: "x86_64",
        audit: 0xC000_003E,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_X86",
        go: "386",
        short: "x86",
        audit: 0x4000_0003,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_X32",
        go: "x32",
        short: "x32",
        audit: 0xC000_003E,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_AARCH64",
        go: "arm64",
        short: "aarch64",
        audit: 0xC000_00B7,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_ARM",
        go: "arm",
        short: "arm",
        audit: 0x4000_0028,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_RISCV64",
        go: "riscv64",
        short: "riscv64",
        audit: 0xC000_00F3,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_PPC64LE",
        go: "ppc64le",
        short: "ppc64le",
        audit: 0xC000_0015,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_PPC64",
        go: "ppc64",
        short: "ppc64",
        audit: 0x8000_0015,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_PPC",
        go: "ppc",
        short: "ppc",
        audit: 0x0000_0014,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_S390X",
        go: "s390x",
        short: "s390x",
        audit: 0x8000_0016,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_S390",
        go: "s390",
        short: "s390",
        audit: 0x0000_0016,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_LOONGARCH64",
        go: "loong64",
        short: "loongarch64",
        audit: 0xC000_0102,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPS",
        go: "mips",
        short: "mips",
        audit: 0x0000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPS64",
        go: "mips64",
        short: "mips64",
        audit: 0x8000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPS64N32",
        go: "mips64n32",
        short: "mips64n32",
        audit: 0xA000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPSEL",
        go: "mipsle",
        short: "mipsel",
        audit: 0x4000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPSEL64",
        go: "mips64le",
        short: "mipsel64",
        audit: 0xC000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_MIPSEL64N32",
        go: "mips64len32",
        short: "mipsel64n32",
        audit: 0xE000_0008,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_PARISC",
        go: "parisc",
        short: "parisc",
        audit: 0x0000_000F,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_PARISC64",
        go: "parisc64",
        short: "parisc64",
        audit: 0x8000_000F,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_M68K",
        go: "m68k",
        short: "m68k",
        audit: 0x0000_0004,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_SH",
        go: "sh",
        short: "sh",
        audit: 0x4000_002A,
    },
    ArchInfo {
        scmp: "SCMP_ARCH_SHEB",
        go: "sheb",
        short: "sheb",
        audit: 0x0000_002A,
    },
];

impl Arch {
    /// x86-64.
    pub const X86_64: Arch = Arch(0);
    /// i386.
    pub const X86: Arch = Arch(1);
    /// The x32 ABI of x86-64.
    pub const X32: Arch = Arch(2);
    /// 64-bit ARM.
    pub const AARCH64: Arch = Arch(3);
    /// 32-bit ARM (EABI).
    pub const ARM: Arch = Arch(4);
    /// 64-bit RISC-V.
    pub const RISCV64: Arch = Arch(5);
    /// 64-bit little-endian POWER.
    pub const PPC64LE: Arch = Arch(6);
    /// 64-bit IBM Z.
    pub const S390X: Arch = Arch(9);
    /// 64-bit LoongArch.
    pub const LOONGARCH64: Arch = Arch(11);

    /// Whether the ABI passes 32-bit arguments, so libseccomp compares only their low word:
    /// the 32-bit ABIs (no `__AUDIT_ARCH_64BIT`) and x32.
    pub fn compares_low_word(self) -> bool {
        self.audit_token() & 0x8000_0000 == 0 || self == Arch::X32
    }

    /// Every architecture a profile may name.
    pub fn all() -> impl Iterator<Item = Arch> {
        (0..ARCHES.len() as u8).map(Arch)
    }

    fn info(self) -> &'static ArchInfo {
        &ARCHES[self.0 as usize]
    }

    /// The JSON spelling, e.g. `SCMP_ARCH_X86_64`.
    pub fn scmp_name(self) -> &'static str {
        self.info().scmp
    }

    /// The Go (GOARCH) name that `includes.arches` uses, e.g. `amd64`.
    pub fn go_name(self) -> &'static str {
        self.info().go
    }

    /// The short name used on the command line and by libseccomp, e.g. `x86_64`.
    pub fn short_name(self) -> &'static str {
        self.info().short
    }

    /// The `AUDIT_ARCH_*` token that `seccomp_data.arch` carries.
    pub fn audit_token(self) -> u32 {
        self.info().audit
    }

    /// Parses `SCMP_ARCH_*`.
    pub fn from_scmp_name(name: &str) -> Option<Arch> {
        Arch::all().find(|a| a.scmp_name() == name)
    }

    /// Parses a Go name (`amd64`).
    pub fn from_go_name(name: &str) -> Option<Arch> {
        Arch::all().find(|a| a.go_name() == name)
    }

    /// Parses any spelling: `SCMP_ARCH_X86_64`, `x86_64`, `amd64`, `i386`.
    pub fn parse(name: &str) -> Option<Arch> {
        let lower = name.to_ascii_lowercase();
        let lower = match lower.as_str() {
            "i386" | "i686" => "x86",
            "arm64" => "aarch64",
            other => other,
        };
        Arch::all().find(|a| {
            a.scmp_name().eq_ignore_ascii_case(name)
                || a.short_name() == lower
                || a.go_name() == lower
        })
    }

    /// The architecture this program runs on.
    pub fn native() -> Arch {
        match std::env::consts::ARCH {
            "x86" => Arch::X86,
            "aarch64" => Arch::AARCH64,
            "arm" => Arch::ARM,
            "riscv64" => Arch::RISCV64,
            "powerpc64" => Arch::PPC64LE,
            "s390x" => Arch::S390X,
            "loongarch64" => Arch::LOONGARCH64,
            _ => Arch::X86_64,
        }
    }

    /// The architectures whose programs run on this one, as Docker's `archMap` lists them.
    pub fn sub_architectures(self) -> &'static [Arch] {
        match self {
            Arch::X86_64 => &[Arch::X86, Arch::X32],
            Arch::AARCH64 => &[Arch::ARM],
            Arch::PPC64LE => &[Arch(7), Arch(8)],
            Arch::S390X => &[Arch(10)],
            _ => &[],
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name())
    }
}

/// The seccomp filter flags that runc accepts in `flags`.
pub const FILTER_FLAGS: &[&str] = &[
    "SECCOMP_FILTER_FLAG_TSYNC",
    "SECCOMP_FILTER_FLAG_LOG",
    "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
    "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV",
];

/// The largest errno the kernel accepts in a `SECCOMP_RET_ERRNO` (`MAX_ERRNO`).
pub const MAX_ERRNO: u64 = 4095;

/// The largest errno libseccomp accepts in SCMP_ACT_ERRNO (it refuses MAX_ERRNO itself).
pub const LIBSECCOMP_MAX_ERRNO: u64 = MAX_ERRNO - 1;

/// What runc does with an `errnoRet` (or `defaultErrnoRet`) of an ERRNO or TRACE action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuncErrno {
    /// The value the filter returns: runc converts to `int16`, so only the low 16 bits stay.
    pub data: u16,
    /// Whether that differs from what was written.
    pub wrapped: bool,
    /// Whether libseccomp refuses it (ERRNO above 4094): runc then cannot load the profile
    /// and the container does not start.
    pub refused: bool,
}

impl RuncErrno {
    /// runc's reading of `value` for `action` (only ERRNO has libseccomp's limit).
    pub fn of(value: u64, action: Action) -> RuncErrno {
        let data = (value & 0xFFFF) as u16;
        RuncErrno {
            data,
            wrapped: u64::from(data) != value,
            refused: action.semantic() == Action::Errno && u64::from(data) > LIBSECCOMP_MAX_ERRNO,
        }
    }

    /// A plain sentence about what will happen, when something unusual will; `what` names the field.
    pub fn problem(&self, what: &str, value: u64) -> Option<String> {
        let wrap = if self.wrapped {
            let zero = if self.data == 0 {
                " (ERRNO(0): the call does not run, yet reports success)"
            } else {
                ""
            };
            format!(
                "runc keeps only its low 16 bits, so it becomes {}{zero}",
                self.data
            )
        } else {
            String::new()
        };
        match (self.refused, self.wrapped) {
            (true, true) => Some(format!("{what} is {value}: {wrap}, and libseccomp refuses errno values above {LIBSECCOMP_MAX_ERRNO}, so runc cannot load this profile and the container will not start")),
            (true, false) => Some(format!("{what} is {value}: libseccomp refuses errno values above {LIBSECCOMP_MAX_ERRNO}, so runc cannot load this profile and the container will not start")),
            (false, true) => Some(format!("{what} is {value}: {wrap}")),
            (false, false) => None,
        }
    }
}

/// Every Linux capability, in number order (CAP_CHOWN is 0).
pub const CAPABILITIES: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// The capabilities Docker grants a container by default.
pub const DOCKER_DEFAULT_CAPS: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FSETID",
    "CAP_FOWNER",
    "CAP_MKNOD",
    "CAP_NET_RAW",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETFCAP",
    "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE",
    "CAP_SYS_CHROOT",
    "CAP_KILL",
    "CAP_AUDIT_WRITE",
];

/// Normalizes a capability name: `sys_admin` and `CAP_SYS_ADMIN` are the same; None if unknown.
pub fn capability(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    let full = if upper.starts_with("CAP_") {
        upper
    } else {
        format!("CAP_{upper}")
    };
    CAPABILITIES.iter().copied().find(|c| *c == full)
}
