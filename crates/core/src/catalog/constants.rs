//! Reading and writing argument values: numbers in any base or symbolic constants.

use super::{Catalog, ConstantSet, SetKind};

/// Why a typed value (a number, constants, an errno) does not read (said in the user's
/// language: it only ever reaches people, in the editor's forms and `explain`'s calls).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Nothing was typed.
    #[error("{}", crate::msg!("value-empty"))]
    Empty,
    /// A negative number below -2^63.
    #[error("{}", crate::msg!("value-too-large", text = .0.as_str()))]
    TooLarge(String),
    /// Starts like a number but is not one.
    #[error("{}", crate::msg!("value-not-a-number", text = .0.as_str()))]
    NotANumber(String),
    /// A name no constant set of the catalog has (`set`: the argument's own set, if any).
    #[error("{}", unknown_constant(name, *.set))]
    UnknownConstant {
        /// The name as typed.
        name: String,
        /// The id of the set looked in first.
        set: Option<&'static str>,
    },
    /// An errno name the catalog does not know.
    #[error("{}", unknown_errno(text, *.close))]
    UnknownErrno {
        /// The name as typed.
        text: String,
        /// The closest known name, if one is close.
        close: Option<&'static str>,
    },
    /// An errno above what the kernel takes.
    #[error("{}", crate::msg!("value-errno-too-large", errno = .0.to_string()))]
    ErrnoTooLarge(u64),
}

/// An unknown constant, with the set looked in first.
fn unknown_constant(name: &str, set: Option<&str>) -> String {
    match set {
        Some(set) => crate::msg!("value-unknown-constant-in", name = name, set = set),
        None => crate::msg!("value-unknown-constant", name = name),
    }
}

/// An unknown errno, with the closest name or what to try.
fn unknown_errno(text: &str, close: Option<&str>) -> String {
    match close {
        Some(close) => crate::msg!("value-unknown-errno-close", text = text, close = close),
        None => crate::msg!("value-unknown-errno", text = text),
    }
}

/// Parses `42`, `0x2a`, `0o52`, `0b101010`, `CLONE_NEWUSER`, or `A|B|0x10`.
/// Names are looked up in `set` first, then in every set of the catalog.
pub fn parse_value(text: &str, set: Option<&ConstantSet>) -> Result<u64, ValueError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ValueError::Empty);
    }
    let mut total = 0u64;
    for part in text.split('|').map(str::trim) {
        total |= parse_one(part, set)?;
    }
    Ok(total)
}

fn parse_one(part: &str, set: Option<&ConstantSet>) -> Result<u64, ValueError> {
    // A negative number, as C passes it: two's complement over 64 bits (-1 is all ones).
    if let Some(magnitude) = part.strip_prefix('-') {
        return match parse_one(magnitude, None) {
            Ok(n) if n <= i64::MAX as u64 => Ok((n as i64).wrapping_neg() as u64),
            _ => Err(ValueError::TooLarge(part.to_string())),
        };
    }
    let lower = part.to_ascii_lowercase();
    let number = if let Some(h) = lower.strip_prefix("0x") {
        u64::from_str_radix(&h.replace('_', ""), 16).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        u64::from_str_radix(o, 8).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        u64::from_str_radix(b, 2).ok()
    } else if lower.len() > 1 && lower.starts_with('0') && lower.bytes().all(|b| b.is_ascii_digit())
    {
        // C's convention, as in file modes: 0755 is octal.
        u64::from_str_radix(&lower[1..], 8).ok()
    } else if lower.starts_with(|c: char| c.is_ascii_digit()) {
        lower.replace('_', "").parse().ok()
    } else {
        None
    };
    if let Some(n) = number {
        return Ok(n);
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(ValueError::NotANumber(part.to_string()));
    }
    let find = |s: &ConstantSet| {
        s.values()
            .iter()
            .find(|c| c.name() == part)
            .map(|c| c.value)
    };
    if let Some(v) = set.and_then(find) {
        return Ok(v);
    }
    Catalog
        .constant_sets()
        .iter()
        .find_map(find)
        .ok_or_else(|| ValueError::UnknownConstant {
            name: part.to_string(),
            set: set.map(|s| s.id()),
        })
}

/// Shows a value with the set's names (`O_WRONLY|O_CREAT`), falling back to hex for what is left.
pub fn format_value(value: u64, set: &ConstantSet) -> String {
    match set.kind {
        SetKind::Enum => enum_name(value, set, false).map_or_else(|| number(value), str::to_string),
        SetKind::Flags => flags(value, set, |_| true).unwrap_or_else(|| number(value)),
        SetKind::EnumFlags => {
            let flag_bits: u64 = set
                .values()
                .iter()
                .filter(|c| c.flag)
                .fold(0, |a, c| a | c.value);
            let base = value & !flag_bits;
            let mut parts = Vec::new();
            match enum_name(base, set, false) {
                Some(n) => parts.push(n.to_string()),
                // No name for the base value: naming the flag bits would only mislead.
                None if base != 0 => return number(value),
                None if value == 0 => parts.push(number(base)),
                None => {}
            }
            if let Some(f) =
                flags(value & flag_bits, set, |c| c.flag).filter(|_| value & flag_bits != 0)
            {
                parts.push(f);
            }
            parts.join("|")
        }
    }
}

fn number(v: u64) -> String {
    if v < 10 {
        v.to_string()
    } else {
        format!("{v:#x}")
    }
}

fn enum_name(value: u64, set: &ConstantSet, flag: bool) -> Option<&'static str> {
    set.values()
        .iter()
        .find(|c| c.value == value && c.flag == flag)
        .map(|c| c.name())
}

fn flags(value: u64, set: &ConstantSet, keep: impl Fn(&super::Constant) -> bool) -> Option<String> {
    if value == 0 {
        return set
            .values()
            .iter()
            .find(|c| c.value == 0 && keep(c))
            .map(|c| c.name().to_string());
    }
    let mut rest = value;
    let mut names = Vec::new();
    for c in set.values().iter().filter(|c| keep(c) && c.value != 0) {
        if rest & c.value == c.value {
            names.push(c.name().to_string());
            rest &= !c.value;
        }
    }
    if rest != 0 {
        names.push(number(rest));
    }
    Some(names.join("|"))
}

/// Parses an errno as people give it: a name (`EACCES`, any case) or a number in any base,
/// no larger than the kernel's 4095.
pub fn parse_errno(text: &str) -> Result<u64, ValueError> {
    let text = text.trim();
    let value = match Catalog.errno_value(text) {
        Some(v) => v,
        None if text.starts_with(|c: char| c.is_ascii_digit()) => parse_value(text, None)?,
        None => {
            return Err(ValueError::UnknownErrno {
                text: text.to_string(),
                close: Catalog.suggest_errno(text),
            })
        }
    };
    if value > crate::profile::MAX_ERRNO {
        return Err(ValueError::ErrnoTooLarge(value));
    }
    Ok(value)
}

/// Completions for the last `|`-separated part of a value being typed: the whole text with
/// that part replaced by each constant of `set` that starts with it (any case), in set order.
pub fn complete_value(text: &str, set: &ConstantSet) -> Vec<String> {
    let (head, last) = match text.rfind('|') {
        Some(i) => (&text[..=i], text[i + 1..].trim_start()),
        None => ("", text.trim_start()),
    };
    let last = last.to_ascii_uppercase();
    set.values()
        .iter()
        .filter(|c| c.name().starts_with(&last) && c.name() != last)
        .map(|c| format!("{head}{}", c.name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_by_name_or_number() {
        assert_eq!(parse_errno("EACCES"), Ok(13));
        assert_eq!(parse_errno("eperm"), Ok(1));
        assert_eq!(parse_errno("0x26"), Ok(38));
        assert!(parse_errno("4096").is_err());
        assert!(parse_errno("ENOPE").is_err());
        // A misspelled name gets the closest one.
        assert_eq!(
            parse_errno("EACESS").unwrap_err().to_string(),
            "unknown errno \"EACESS\": did you mean EACCES?"
        );
        assert_eq!(Catalog.suggest_errno("enosyss"), Some("ENOSYS"));
        assert_eq!(Catalog.suggest_errno("XYZZYQQ"), None);
    }

    #[test]
    fn completion_replaces_only_the_last_part() {
        let set = Catalog.constant_set("clone_flags").expect("clone flags");
        let all = complete_value("CLONE_NEWU", set);
        assert!(all.contains(&"CLONE_NEWUSER".to_string()), "{all:?}");
        let piped = complete_value("CLONE_VM|clone_newu", set);
        assert!(
            piped.contains(&"CLONE_VM|CLONE_NEWUSER".to_string()),
            "{piped:?}"
        );
        assert!(
            complete_value("CLONE_NEWUSER", set).is_empty(),
            "already complete"
        );
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;
    use crate::i18n::set_thread_language;
    use crate::lang::Language;

    /// A value that does not read is explained in the reader's language, the typed text and
    /// the names as they are; English word for word as before.
    #[test]
    fn a_bad_value_is_explained_in_the_readers_language() {
        set_thread_language(Language::PtBr);
        let close = parse_errno("EPRM").unwrap_err().to_string();
        assert_eq!(close, "errno desconhecido \"EPRM\": você quis dizer EPERM?");
        let big = parse_errno("5000").unwrap_err().to_string();
        assert_eq!(big, "o errno 5000 passa do limite de 4095 do kernel");
        let nan = parse_value("0xZZ", None).unwrap_err().to_string();
        assert!(nan.starts_with("\"0xZZ\" não é um número"), "{nan}");
        set_thread_language(Language::En);
        let close = parse_errno("EPRM").unwrap_err().to_string();
        assert_eq!(close, "unknown errno \"EPRM\": did you mean EPERM?");
        let big = parse_errno("5000").unwrap_err().to_string();
        assert_eq!(big, "errno 5000 is above the kernel's limit of 4095");
    }
}
