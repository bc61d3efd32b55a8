//! Facts about syscalls: categories, summaries, signatures, risk, families, groups,
//! numbers per architecture and symbolic constants. The tables are compiled in, so
//! using the catalog costs no loading time.

mod call;
mod constants;
mod describe;
mod fields;
mod lookup;
pub mod man;
mod search;
pub mod signature;
mod text;
#[cfg(test)]
mod translations_tests;

pub use call::{complete_call, parse_call, parse_call_args, typed_arg, CallError};
pub use constants::{complete_value, format_value, parse_errno, parse_value, ValueError};
pub use describe::{arg_name, describe_call, describe_condition, value_text};
pub use lookup::Catalog;
pub use search::Searcher;

pub use crate::lang::Language;
use crate::profile::Arch;
use fields::{Span, Str};

/// A text in every language but English, in [`Language::ALL`] order ("" where not written
/// yet: the accessors such as [`Syscall::summary_in`] fall back to English).
type Translations = [Str; Language::ALL.len() - 1];

/// A primary category.
#[derive(Debug)]
pub struct Category {
    id: Str,
    title: Str,
    about: Str,
    tr_title: Translations,
    tr_about: Translations,
}

/// How risky it is to allow a syscall in a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Risk {
    /// Ordinary.
    Low,
    /// Needs care.
    Medium,
    /// Can weaken isolation or affect the host.
    High,
}

impl Risk {
    /// `low`, `medium` or `high`.
    pub fn name(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// One argument of a syscall.
#[derive(Debug)]
pub struct Arg {
    name: Str,
    ty: Str,
    /// Whether it is a pointer: BPF sees only the address, never what it points to.
    pub pointer: bool,
    constants: Option<Str>,
    /// Whether the filter can judge it as a value (a code, a flag word): a constant set names
    /// its values, or the catalog says so (`values`); a recording narrows rules on these.
    pub value: bool,
}

impl Arg {
    /// A directory descriptor (`dirfd`, `olddirfd`, `dfd`): its one named value is
    /// `AT_FDCWD` (-100).
    pub fn is_dirfd(&self) -> bool {
        let name = self.name();
        self.is_signed_int() && (name.ends_with("dirfd") || name == "dfd")
    }

    /// Whether the argument is a signed 32-bit integer in C (`int`, `pid_t`, `clockid_t`, ...):
    /// a negative value reaches the filter sign-extended to 64 bits or not, depending on how
    /// the caller's C library and compiler widen it.
    pub fn is_signed_int(&self) -> bool {
        matches!(
            self.ty(),
            "int"
                | "pid_t"
                | "clockid_t"
                | "mqd_t"
                | "timer_t"
                | "key_t"
                | "key_serial_t"
                | "idtype_t"
        )
    }
}

/// What a dynamically linked program calls before `main` (the dynamic loader mapping its
/// libraries, glibc setting up memory and thread state) and to exit, besides `execve`: each
/// entry lists calls that do the job, any one of which is enough (older C libraries use
/// `open` and `fstat`, newer ones `openat` and `newfstatat`).
pub const STARTUP: &[&[&str]] = &[
    &["brk"],
    &["arch_prctl", "set_thread_area"],
    &["mmap", "mmap2"],
    &["mprotect"],
    &["munmap"],
    &["openat", "open"],
    &["read"],
    &["pread64"],
    &["close"],
    &["newfstatat", "fstat", "fstat64", "fstatat64", "statx"],
    &["exit_group", "exit"],
];

/// The multiplexers of 32-bit ABIs and the calls they reach with arguments in memory, which
/// a filter cannot see: `socketcall(SYS_SOCKET, args)` is `socket(...)`.
pub const MULTIPLEXERS: &[(&str, &[&str])] = &[
    (
        "socketcall",
        &[
            "socket",
            "bind",
            "connect",
            "listen",
            "accept",
            "accept4",
            "getsockname",
            "getpeername",
            "socketpair",
            "send",
            "sendto",
            "recv",
            "recvfrom",
            "shutdown",
            "setsockopt",
            "getsockopt",
            "sendmsg",
            "recvmsg",
            "recvmmsg",
            "sendmmsg",
        ],
    ),
    (
        "ipc",
        &[
            "semop",
            "semget",
            "semctl",
            "semtimedop",
            "msgsnd",
            "msgrcv",
            "msgget",
            "msgctl",
            "shmat",
            "shmdt",
            "shmget",
            "shmctl",
        ],
    ),
];

/// Calls of 32-bit ABIs that do what a 64-bit call does under another name, beyond the ones
/// whose name only adds a suffix (`chown32`, `fcntl64`, `clock_settime64`).
const RENAMED_TWINS: &[(&str, &str)] = &[
    ("lseek", "_llseek"),
    ("select", "_newselect"),
    ("newfstatat", "fstatat64"),
];

impl Syscall {
    /// Its twins on 32-bit ABIs: siblings named after it with a suffix (`chown32`, `fcntl64`,
    /// `mmap2`, `clock_gettime64`) or renamed (`_llseek` for lseek).
    pub fn twins(&self) -> Vec<&'static Syscall> {
        let name = self.name();
        self.siblings()
            .into_iter()
            .filter(|s| {
                s.name().strip_prefix(name).is_some_and(|rest| {
                    matches!(rest, "32" | "64" | "2" | "_64" | "_time64") || rest == "64_64"
                }) || RENAMED_TWINS.contains(&(name, s.name()))
            })
            .collect()
    }
}

/// Everything the catalog knows about one syscall.
#[derive(Debug)]
pub struct Syscall {
    name: Str,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    summary: Str,
    tr_summary: Translations,
    signature: Str,
    args: Span,
    /// Risk of allowing it.
    pub risk: Risk,
    risk_reason: Str,
    tr_risk_reason: Translations,
    cap: Option<Str>,
    numbers: [Option<u32>; 9],
    groups: Span,
    families: Span,
}

/// A named group of syscalls people already know (systemd `@`-sets, strace `%`-classes).
#[derive(Debug)]
pub struct Group {
    name: Str,
    source: Str,
    about: Str,
    tr_about: Translations,
    members: Span,
}

/// Syscalls that do the same job: blocking one while allowing another leaves a hole.
#[derive(Debug)]
pub struct Family {
    name: Str,
    about: Str,
    tr_about: Translations,
    members: Span,
}

/// How a constant set's values combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    /// One value.
    Enum,
    /// A bitmask of flags.
    Flags,
    /// One value in the low bits plus OR-able flags.
    EnumFlags,
}

/// A named constant.
#[derive(Debug)]
pub struct Constant {
    name: Str,
    /// Its value.
    pub value: u64,
    /// In an enum+flags set: whether it is one of the OR-able flags.
    pub flag: bool,
}

/// The symbolic values one kind of argument takes.
#[derive(Debug)]
pub struct ConstantSet {
    id: Str,
    /// How values combine.
    pub kind: SetKind,
    about: Str,
    values: Span,
}

/// The architectures the catalog has numbers for, in table column order.
pub const CATALOG_ARCHES: [Arch; 9] = [
    Arch::X86_64,
    Arch::X86,
    Arch::X32,
    Arch::AARCH64,
    Arch::ARM,
    Arch::RISCV64,
    Arch::PPC64LE,
    Arch::S390X,
    Arch::LOONGARCH64,
];

mod data {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
}
