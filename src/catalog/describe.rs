//! Argument conditions in words, with the argument's name from the signature and its
//! value spelled with the catalog's constants.

use super::{format_value, Catalog, Syscall};
use crate::profile::{ArgCond, Op};

/// The name of argument `index` of a syscall (`arg2` when the catalog has none).
pub fn arg_name(syscall: Option<&Syscall>, index: u32) -> String {
    syscall
        .and_then(|s| s.args.get(index as usize))
        .map(|a| a.name)
        .filter(|n| !n.is_empty())
        .map_or_else(|| format!("arg{index}"), str::to_string)
}

/// A value as its argument's constants spell it, else a number.
pub fn value_text(syscall: Option<&Syscall>, index: u32, value: u64) -> String {
    let set = syscall
        .and_then(|s| s.args.get(index as usize))
        .and_then(|a| a.constants)
        .and_then(|id| Catalog.constant_set(id));
    match set {
        Some(set) => format_value(value, set),
        None if value < 10 => value.to_string(),
        None => format!("{value:#x}"),
    }
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
            .args
            .iter()
            .position(|a| a.constants == Some("clone_flags"))
            .expect("clone has a flags argument") as u32;
        let cond = ArgCond::new(flags, Op::MaskedEq, 0x1000_0000, Some(0));
        let text = describe_condition(clone, &cond);
        assert!(text.contains("CLONE_NEWUSER"), "{text}");
        assert!(text.ends_with("== 0"), "{text}");
        let plain = ArgCond::new(5, Op::Gt, 4096, None);
        assert_eq!(describe_condition(None, &plain), "arg5 > 0x1000");
    }
}
