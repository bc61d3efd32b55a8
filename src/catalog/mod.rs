//! Facts about syscalls: categories, summaries, signatures, risk, families, groups,
//! numbers per architecture and symbolic constants. The tables are compiled in, so
//! using the catalog costs no loading time.

mod call;
mod constants;
mod describe;
mod lookup;
pub mod man;
mod search;
pub mod signature;

pub use call::{complete_call, parse_call, parse_call_args, typed_arg};
pub use constants::{complete_value, format_value, parse_errno, parse_value};
pub use describe::{arg_name, describe_call, describe_condition, value_text};
pub use lookup::Catalog;
pub use search::Searcher;

use crate::profile::Arch;

/// A primary category.
#[derive(Debug)]
pub struct Category {
    /// Short id (`files`).
    pub id: &'static str,
    /// Title for people (`Files & directories`).
    pub title: &'static str,
    /// One line on what belongs here.
    pub about: &'static str,
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
    /// Name from the signature.
    pub name: &'static str,
    /// C type.
    pub ty: &'static str,
    /// Whether it is a pointer: BPF sees only the address, never what it points to.
    pub pointer: bool,
    /// The constant set its values come from, if any.
    pub constants: Option<&'static str>,
}

/// Everything the catalog knows about one syscall.
#[derive(Debug)]
pub struct Syscall {
    /// Name.
    pub name: &'static str,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    /// One line, in our words.
    pub summary: &'static str,
    /// C prototype.
    pub signature: &'static str,
    /// Arguments, from the signature.
    pub args: &'static [Arg],
    /// Risk of allowing it.
    pub risk: Risk,
    /// Why, for medium and high.
    pub risk_reason: &'static str,
    numbers: [Option<u32>; 9],
    groups: &'static [usize],
    families: &'static [usize],
}

/// A named group of syscalls people already know (systemd `@`-sets, strace `%`-classes).
#[derive(Debug)]
pub struct Group {
    /// `@file-system` or `%net`.
    pub name: &'static str,
    /// `systemd` or `strace`.
    pub source: &'static str,
    /// One line, in our words.
    pub about: &'static str,
    members: &'static [usize],
}

/// Syscalls that do the same job: blocking one while allowing another leaves a hole.
#[derive(Debug)]
pub struct Family {
    /// Short name (`chmod`).
    pub name: &'static str,
    /// What they do.
    pub about: &'static str,
    members: &'static [usize],
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
    /// `CLONE_NEWUSER`.
    pub name: &'static str,
    /// Its value.
    pub value: u64,
    /// In an enum+flags set: whether it is one of the OR-able flags.
    pub flag: bool,
}

/// The symbolic values one kind of argument takes.
#[derive(Debug)]
pub struct ConstantSet {
    /// `clone_flags`.
    pub id: &'static str,
    /// How values combine.
    pub kind: SetKind,
    /// What the set is.
    pub about: &'static str,
    /// The constants; where values repeat, the first name is preferred.
    pub values: &'static [Constant],
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
