//! Argument conditions in words, with the argument's name from the signature and its
//! value spelled with the catalog's constants.

use super::{format_value, Catalog, Syscall};
use crate::profile::{ArgCond, Op};

/// The name of argument `index` of a syscall (`arg2` when the catalog has none).
pub fn arg_name(syscall: Option<&Syscall>, index: u32) -> String {
    syscall
        .and_then(|s| s.args().get(index as usize))
        .map(|a| a.name())
        .filter(|n| !n.is_empty())
        .map_or_else(|| format!("arg{index}"), str::to_string)
}

/// The value of `AT_FDCWD`, as the C library passes it (an int, sign-extended to 64 bits).
pub const AT_FDCWD: u64 = -100i64 as u64;

/// A value as its argument's constants spell it, else a number.
pub fn value_text(syscall: Option<&Syscall>, index: u32, value: u64) -> String {
    let arg = syscall.and_then(|s| s.args().get(index as usize));
    // AT_FDCWD (-100) is a directory descriptor's one named value; an int reaches the filter
    // sign-extended or not, so the low 32 bits decide.
    if arg.is_some_and(|a| a.is_dirfd()) && value as u32 as i32 == AT_FDCWD as i32 {
        return "AT_FDCWD".into();
    }
    let set = arg
        .and_then(|a| a.constants())
        .and_then(|id| Catalog.constant_set(id));
    // clone(2)'s low byte is the child's exit signal (CSIGNAL), named as strace names it.
    if syscall.is_some_and(|s| s.name() == "clone") && index == 0 {
        if let (Some(flags), Some(signals)) = (set, Catalog.constant_set("signal")) {
            let parts = [
                (value & !0xff != 0).then(|| format_value(value & !0xff, flags)),
                (value & 0xff != 0).then(|| format_value(value & 0xff, signals)),
            ];
            let parts: Vec<String> = parts.into_iter().flatten().collect();
            return if parts.is_empty() {
                "0".into()
            } else {
                parts.join("|")
            };
        }
    }
    match set {
        Some(set) => format_value(value, set),
        // A negative int, sign-extended or not, as C wrote it.
        None if arg.is_some_and(|a| a.is_signed_int()) && negative_int(value) => {
            (value as u32 as i32).to_string()
        }
        None if value < 10 => value.to_string(),
        None => format!("{value:#x}"),
    }
}

/// Whether a register holds a negative 32-bit int: its low word negative, its high word the
/// sign extension or zero.
fn negative_int(value: u64) -> bool {
    (value as u32 as i32) < 0 && matches!(value >> 32, 0 | 0xffff_ffff)
}

/// A whole call with argument names and constants, e.g.
/// `socket(domain=AF_INET6, type=SOCK_STREAM, protocol=IPPROTO_IP)`; `texts` holds strings
/// read from pointer arguments, shown quoted instead of the address.
pub fn describe_call(name: &str, args: &[u64; 6], texts: &[Option<String>; 6]) -> String {
    let syscall = Catalog.syscall(name);
    let count = syscall.map_or(6, |s| s.args().len());
    let parts: Vec<String> = (0..count)
        .map(|i| {
            let shown = match (&texts[i], syscall.and_then(|s| s.args().get(i))) {
                (Some(text), _) => format!("{text:?}"),
                (None, Some(a)) if a.pointer => format!("{:#x}", args[i]),
                _ => value_text(syscall, i as u32, args[i]),
            };
            format!("{}={shown}", arg_name(syscall, i as u32))
        })
        .collect();
    format!("{name}({})", parts.join(", "))
}

/// `flags & CLONE_NEWUSER == 0`, `persona == 0x8`.
pub fn describe_condition(syscall: Option<&Syscall>, cond: &ArgCond) -> String {
    let name = arg_name(syscall, cond.index);
    let value = value_text(syscall, cond.index, cond.value);
    match cond.op {
        Op::MaskedEq => {
            let two = value_text(syscall, cond.index, cond.value_two.unwrap_or(0));
            format!("{name} & {value} == {two}")
        }
        op => format!("{name} {} {value}", op.symbol()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_constants_from_the_catalog() {
        let clone = Catalog.syscall("clone");
        let flags = clone
            .unwrap()
            .args()
            .iter()
            .position(|a| a.constants() == Some("clone_flags"))
            .expect("clone has a flags argument") as u32;
        let cond = ArgCond::new(flags, Op::MaskedEq, 0x1000_0000, Some(0));
        let text = describe_condition(clone, &cond);
        assert!(text.contains("CLONE_NEWUSER"), "{text}");
        assert!(text.ends_with("== 0"), "{text}");
        let plain = ArgCond::new(5, Op::Gt, 4096, None);
        assert_eq!(describe_condition(None, &plain), "arg5 > 0x1000");
    }

    /// As strace shows them: clone's exit signal by name, negative ints as numbers.
    #[test]
    fn exit_signals_and_negative_ints_read_as_strace_writes_them() {
        let clone = Catalog.syscall("clone");
        let newuser_sigchld = 0x1000_0000 | 17;
        assert_eq!(
            value_text(clone, 0, newuser_sigchld),
            "CLONE_NEWUSER|SIGCHLD"
        );
        assert_eq!(value_text(clone, 0, 17), "SIGCHLD");
        assert_eq!(value_text(clone, 0, 0), "0");
        let kill = Catalog.syscall("kill");
        assert_eq!(value_text(kill, 0, u64::MAX), "-1");
        assert_eq!(value_text(kill, 0, 0xffff_ffff), "-1", "not sign-extended");
        assert_eq!(value_text(kill, 0, 1234), "0x4d2");
        let openat = Catalog.syscall("openat");
        assert_eq!(value_text(openat, 0, AT_FDCWD), "AT_FDCWD");
    }

    #[test]
    fn calls_show_names_constants_and_strings() {
        let none: [Option<String>; 6] = Default::default();
        assert_eq!(
            describe_call("socket", &[10, 0x80001, 0, 0, 0, 0], &none),
            "socket(domain=AF_INET6, type=SOCK_STREAM|SOCK_CLOEXEC, protocol=IPPROTO_IP)"
        );
        let mut texts = none.clone();
        texts[0] = Some("/tmp/x".into());
        assert_eq!(
            describe_call("mkdir", &[0x7ffd_0000, 0o755, 0, 0, 0, 0], &texts),
            r#"mkdir(pathname="/tmp/x", mode=S_IRWXU|S_IRGRP|S_IXGRP|S_IROTH|S_IXOTH)"#
        );
        assert_eq!(
            describe_call("mkdir", &[0x7ffd_0000, 0, 0, 0, 0, 0], &none),
            "mkdir(pathname=0x7ffd0000, mode=0)"
        );
        texts[0] = None;
        texts[1] = Some("f".into());
        for at_fdcwd in [0xffff_ff9c, 0xffff_ffff_ffff_ff9c] {
            assert_eq!(
                describe_call("fchmodat", &[at_fdcwd, 0x7ffd_0000, 0o600, 0, 0, 0], &texts),
                r#"fchmodat(dirfd=AT_FDCWD, pathname="f", mode=S_IRUSR|S_IWUSR)"#
            );
        }
        assert_eq!(
            describe_call("fchmodat", &[3, 0x7ffd_0000, 0o600, 0, 0, 0], &texts),
            r#"fchmodat(dirfd=3, pathname="f", mode=S_IRUSR|S_IWUSR)"#
        );
    }
}
