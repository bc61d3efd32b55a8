//! What the runtime adds to libseccomp's filter: which names its libseccomp resolves (runc
//! and crun skip the others) and runc's -ENOSYS stub, which answers ENOSYS for syscall
//! numbers above the largest one the profile names, so that programs fall back from calls
//! newer than the profile instead of failing with EPERM.

use super::resolve::libseccomp_number;
use super::scmp_arch;
use crate::bpf::{op, Insn, RetAction};
use crate::catalog::Catalog;
use crate::profile::{listed_arches, Action, Arch, LibseccompVersion, Profile, Runtime, Target};
use std::ops::Range;

/// A libseccomp release as `(major, minor, micro)`.
type Release = (u32, u32, u32);

/// Syscall names libseccomp's table (`src/syscalls.csv`) gained after 2.5.4, by the release
/// that first has them.
const ADDED: &[(Release, &[&str])] = &[
    (
        (2, 5, 5),
        &[
            "cachestat",
            "fchmodat2",
            "futex_requeue",
            "futex_wait",
            "futex_wake",
            "map_shadow_stack",
        ],
    ),
    (
        (2, 5, 6),
        &[
            "getxattrat",
            "listmount",
            "listxattrat",
            "lsm_get_self_attr",
            "lsm_list_modules",
            "lsm_set_self_attr",
            "mseal",
            "removexattrat",
            "riscv_hwprobe",
            "setxattrat",
            "statmount",
            "uretprobe",
        ],
    ),
    (
        (2, 6, 0),
        &["atomic_barrier", "atomic_cmpxchg_32", "getpagesize"],
    ),
    (
        (2, 6, 1),
        &[
            "file_getattr",
            "file_setattr",
            "listns",
            "open_tree_attr",
            "rseq_slice_yield",
            "uprobe",
        ],
    ),
];

/// The oldest libseccomp whose table seccompose can tell apart from newer ones.
pub const OLDEST_KNOWN: LibseccompVersion = LibseccompVersion {
    major: 2,
    minor: 5,
    micro: 4,
};

/// The x32 ABI's bit in syscall numbers.
const X32_BIT: u32 = 0x4000_0000;

/// The first libseccomp release that resolves `name`, for the names added after 2.5.4.
pub fn known_since(name: &str) -> Option<LibseccompVersion> {
    ADDED
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|((major, minor, micro), _)| LibseccompVersion {
            major: *major,
            minor: *minor,
            micro: *micro,
        })
}

/// What the target's libseccomp resolves `name` to on `arch`: None when it does not know the
/// name, a negative pseudo-number where it knows the name but the architecture has no such
/// call (or reaches it through `socketcall`/`ipc`), x32 numbers with the x32 bit. This
/// machine's libseccomp answers for its own version; for another one the table of names
/// added since 2.5.4 says what differs (a distribution may have backported newer names,
/// which is why the machine's own answer is not overridden for its own version).
pub fn target_number(name: &str, arch: Arch, target: &Target) -> Option<i32> {
    let sarch = scmp_arch(arch)?;
    let here = libseccomp_number(name, Some(sarch));
    let wanted = target.libseccomp;
    let host = LibseccompVersion::host();
    let since = known_since(name);
    if wanted == host {
        return here;
    }
    match since {
        Some(s) if wanted < s => None,
        Some(_) if here.is_none() => {
            let nr = Catalog.syscall(name).and_then(|s| s.number(arch));
            // libseccomp gives a pseudo-number where the architecture lacks the call.
            Some(nr.map_or(-1_000, |n| {
                (if arch == Arch::X32 { n | X32_BIT } else { n }) as i32
            }))
        }
        _ => here,
    }
}

/// Whether the target's libseccomp knows `name` at all (runc and crun skip the rules of a
/// name it does not).
pub fn target_knows(name: &str, target: &Target) -> bool {
    let arch = if scmp_arch(target.arch).is_some() {
        target.arch
    } else {
        Arch::native()
    };
    target_number(name, arch, target).is_some()
}

/// Where runc's stub starts answering ENOSYS on one calling ABI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// The calling ABI.
    pub arch: Arch,
    /// The largest number the profile names there, as that ABI numbers its calls (x32
    /// without its bit).
    pub nr: u32,
    /// The name with that number.
    pub name: String,
}

impl Limit {
    /// The number as the filter compares it (x32 with its bit).
    fn raw(&self) -> u32 {
        if self.arch == Arch::X32 {
            self.nr | X32_BIT
        } else {
            self.nr
        }
    }
}

/// runc's stub in a compiled filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stub {
    /// Where it is: the start of the program (empty when there is none).
    pub range: Range<usize>,
    /// Its limits, per calling ABI (none for an ABI the stub lets through).
    pub limits: Vec<Limit>,
}

impl Stub {
    /// The limit for a calling ABI.
    pub fn limit(&self, arch: Arch) -> Option<&Limit> {
        self.limits.iter().find(|l| l.arch == arch)
    }
}

/// Whether runc puts its stub before this profile's filter: not for a permissive default
/// (ALLOW, LOG, TRACE), nor when `defaultErrnoRet` equals the constant runc compares it with,
/// which is libseccomp's whole ERRNO(ENOSYS) action value (0x50026), not the errno 38.
pub fn stub_applies(profile: &Profile, target: &Target) -> bool {
    const ACT_ERRNO_ENOSYS: u64 = 0x0005_0026;
    target.runtime == Runtime::Runc
        && profile.default_errno_ret != Some(ACT_ERRNO_ENOSYS)
        && !matches!(
            profile.default_action.semantic(),
            Action::Allow | Action::Log | Action::Trace
        )
}

/// runc's limits: per listed architecture, the largest positive number its libseccomp
/// resolves for any name of an active rule (rules whose action is the default count too).
pub fn limits(profile: &Profile, target: &Target) -> Vec<Limit> {
    let mut out: Vec<Limit> = Vec::new();
    for arch in listed_arches(profile, target) {
        if scmp_arch(arch).is_none() || out.iter().any(|l| l.arch == arch) {
            continue;
        }
        let mut best: Option<(i32, &str)> = None;
        for rule in profile.rules().iter().filter(|r| target.is_active(r)) {
            for name in rule.names() {
                let Some(n) = target_number(name, arch, target) else {
                    continue;
                };
                if n > best.map_or(0, |(b, _)| b) {
                    best = Some((n, name));
                }
            }
        }
        if let Some((n, name)) = best {
            out.push(Limit {
                arch,
                nr: n as u32 & !if arch == Arch::X32 { X32_BIT } else { 0 },
                name: name.to_string(),
            });
        }
    }
    out
}

/// The architectures runc groups by audit token, each with its limits, in listing order;
/// a token whose architectures name nothing keeps an empty group, as in runc.
fn groups(profile: &Profile, target: &Target, limits: &[Limit]) -> Vec<(u32, Vec<Limit>)> {
    let mut out: Vec<(u32, Vec<Limit>)> = Vec::new();
    for arch in listed_arches(profile, target) {
        if scmp_arch(arch).is_none() {
            continue;
        }
        let token = arch.audit_token();
        let at = match out.iter().position(|(t, _)| *t == token) {
            Some(i) => i,
            None => {
                out.push((token, Vec::new()));
                out.len() - 1
            }
        };
        if let Some(l) = limits.iter().find(|l| l.arch == arch) {
            if !out[at].1.contains(l) {
                out[at].1.push(l.clone());
            }
        }
    }
    out
}

/// The stub for a profile on a target (None when runc adds none), built the way runc's
/// `generateEnosysStub` builds it; it ends by falling through to the filter that follows.
pub fn stub(profile: &Profile, target: &Target) -> Option<(Vec<Insn>, Vec<Limit>)> {
    if !stub_applies(profile, target) {
        return None;
    }
    let limits = limits(profile, target);
    let groups = groups(profile, target, &limits);
    Some((program(&groups), limits))
}

fn ja(k: usize) -> Insn {
    Insn::stmt(op::JMP_JA, k as u32)
}

/// The instructions, assembled back to front as runc does (a section is put before what
/// is already there, so jump distances are known when it is written).
fn program(groups: &[(u32, Vec<Limit>)]) -> Vec<Insn> {
    let enosys = RetAction::Errno(38).to_raw();
    let load_nr = Insn::stmt(op::LD_W_ABS, 0);
    let x86_64 = Arch::X86_64.audit_token();
    let mut tail = vec![ja(1), Insn::stmt(op::RET_K, enosys)];
    let mut starts: Vec<(u32, usize)> = Vec::new();
    for (token, members) in groups {
        let to_enosys = tail.len() - 1;
        let to_filter = to_enosys + 1;
        let mut section = vec![load_nr];
        match members.as_slice() {
            [] => continue,
            [one] => {
                if matches!(one.arch.scmp_name(), "SCMP_ARCH_S390" | "SCMP_ARCH_S390X") {
                    // Syscall 0 is s390's multiplexer.
                    section.push(Insn::jump(op::JEQ_K, 0, 0, 1));
                    section.push(Insn::stmt(op::RET_K, enosys));
                }
                let mut end = if to_enosys < 255 {
                    vec![
                        Insn::jump(op::JGT_K, one.raw(), (to_enosys + 1) as u8, 0),
                        ja(to_filter),
                    ]
                } else {
                    vec![
                        Insn::jump(op::JGT_K, one.raw(), 0, 1),
                        ja(to_enosys + 1),
                        ja(to_filter),
                    ]
                };
                if *token == x86_64 {
                    // x86-64 and x32 share the token: the x32 bit says which ABI called.
                    let skip = (end.len() - 1) as u8;
                    let check = if one.arch == Arch::X32 {
                        Insn::jump(op::JSET_K, X32_BIT, 0, skip)
                    } else {
                        Insn::jump(op::JSET_K, X32_BIT, skip, 0)
                    };
                    end.insert(0, check);
                }
                section.extend(end);
            }
            [a, b] => {
                let (wide, x32) = if a.arch == Arch::X32 { (b, a) } else { (a, b) };
                section.push(Insn::jump(op::JSET_K, X32_BIT, 1, 0));
                if to_enosys + 2 <= 255 {
                    section.extend([
                        Insn::jump(op::JGT_K, wide.raw(), (to_enosys + 2) as u8, 1),
                        Insn::jump(op::JGT_K, x32.raw(), (to_enosys + 1) as u8, 0),
                        ja(to_filter),
                    ]);
                } else {
                    section.extend([
                        Insn::jump(op::JGT_K, wide.raw(), 1, 2),
                        Insn::jump(op::JGT_K, x32.raw(), 0, 1),
                        ja(to_enosys + 1),
                        ja(to_filter),
                    ]);
                }
            }
            // Only x86-64 and x32 share a token; runc refuses anything else.
            _ => continue,
        }
        section.extend(tail);
        tail = section;
        starts.push((*token, tail.len()));
    }
    let mut whole = vec![ja(tail.len())];
    whole.extend(tail);
    for (token, _) in groups {
        let start = starts.iter().find(|(t, _)| t == token).map_or(0, |s| s.1);
        let jump = whole.len() - start;
        let head = if jump <= 255 {
            vec![Insn::jump(op::JEQ_K, *token, jump as u8, 0)]
        } else {
            vec![Insn::jump(op::JEQ_K, *token, 0, 1), ja(jump)]
        };
        whole.splice(0..0, head);
    }
    whole.insert(0, Insn::stmt(op::LD_W_ABS, 4));
    whole
}

/// runc's stub before `program`; returns the whole program and where the stub is.
pub fn prepend(stub: &[Insn], program: &crate::bpf::Program) -> crate::bpf::Program {
    let mut insns = stub.to_vec();
    insns.extend_from_slice(&program.insns);
    crate::bpf::Program::new(insns)
}

#[cfg(test)]
mod unit {
    use super::*;
    use crate::bpf::{emulate, Program, SeccompData, RET_ALLOW};

    fn limit(arch: Arch, nr: u32) -> Limit {
        Limit {
            arch,
            nr,
            name: "x".into(),
        }
    }

    fn verdict(p: &Program, arch: Arch, nr: u32) -> RetAction {
        let nr = if arch == Arch::X32 { nr | X32_BIT } else { nr };
        emulate(p, &SeccompData::new(arch, nr, [0; 6])).action
    }

    #[test]
    fn the_stub_answers_enosys_above_each_abis_limit_and_nothing_else() {
        let x86_64 = Arch::X86_64.audit_token();
        let x86 = Arch::X86.audit_token();
        let groups = vec![
            (
                x86_64,
                vec![limit(Arch::X86_64, 456), limit(Arch::X32, 547)],
            ),
            (x86, vec![limit(Arch::X86, 440)]),
        ];
        let mut insns = program(&groups);
        insns.push(Insn::stmt(op::RET_K, RET_ALLOW));
        let p = Program::new(insns);
        assert!(p.validate().is_ok());
        let enosys = RetAction::Errno(38);
        assert_eq!(verdict(&p, Arch::X86_64, 456), RetAction::Allow);
        assert_eq!(verdict(&p, Arch::X86_64, 457), enosys);
        assert_eq!(verdict(&p, Arch::X32, 547), RetAction::Allow);
        assert_eq!(verdict(&p, Arch::X32, 548), enosys);
        assert_eq!(verdict(&p, Arch::X86, 440), RetAction::Allow);
        assert_eq!(verdict(&p, Arch::X86, 441), enosys);
        // An ABI the stub has no section for goes straight to the filter.
        assert_eq!(verdict(&p, Arch::AARCH64, 9999), RetAction::Allow);
        // x86-64 alone: x32 calls pass the stub.
        let mut insns = program(&[(x86_64, vec![limit(Arch::X86_64, 300)])]);
        insns.push(Insn::stmt(op::RET_K, RET_ALLOW));
        let p = Program::new(insns);
        assert_eq!(verdict(&p, Arch::X86_64, 301), enosys);
        assert_eq!(verdict(&p, Arch::X32, 900), RetAction::Allow);
    }
}
