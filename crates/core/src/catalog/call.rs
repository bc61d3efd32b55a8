//! A call as a person types it, `socket AF_INET6 SOCK_STREAM 0`: read into a name and six
//! argument values, and completed word by word (syscall names, then the constants that fit
//! each argument). The CLI's `explain` and the editor's explain prompt share these.

use super::{complete_value, parse_value, Catalog, ConstantSet, ValueError};

/// Why a typed call does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// Nothing was typed.
    #[error("{}", crate::msg!("cli-call-empty"))]
    Empty,
    /// More than six arguments.
    #[error("{}", crate::msg!("cli-call-too-many", most = MAX_ARGS, given = *.0))]
    TooManyArguments(usize),
    /// One argument does not read.
    #[error("{}", crate::msg!("cli-call-argument", index = *.index, error = .error.to_string()))]
    Argument {
        /// Its position, from 0.
        index: usize,
        /// Why.
        error: ValueError,
    },
}

/// The most arguments a syscall takes.
const MAX_ARGS: usize = 6;

/// The constant set argument `index` of `name` takes its values from, if the catalog knows one.
fn arg_set(name: &str, index: usize) -> Option<&'static ConstantSet> {
    let id = Catalog.syscall(name)?.args().get(index)?.constants()?;
    Catalog.constant_set(id)
}

/// Reads argument texts (numbers in any base, constants, `A|B`) for `name`; missing arguments
/// are 0. Constants are looked up in the argument's own set first.
pub fn parse_call_args<S: AsRef<str>>(name: &str, raw: &[S]) -> Result<[u64; 6], CallError> {
    if raw.len() > MAX_ARGS {
        return Err(CallError::TooManyArguments(raw.len()));
    }
    let mut args = [0u64; MAX_ARGS];
    for (i, text) in raw.iter().enumerate() {
        let dirfd = Catalog
            .syscall(name)
            .and_then(|s| s.args().get(i))
            .is_some_and(|a| a.is_dirfd());
        // The form `explain` prints a directory descriptor in reads back.
        if dirfd && text.as_ref().trim() == "AT_FDCWD" {
            args[i] = super::describe::AT_FDCWD;
            continue;
        }
        args[i] = parse_value(text.as_ref(), arg_set(name, i))
            .map_err(|error| CallError::Argument { index: i, error })?;
    }
    Ok(args)
}

/// Reads a whole typed call: the syscall's name, then its arguments separated by spaces or
/// commas (`socket(AF_INET6, SOCK_STREAM, 0)` reads too). The name is not checked here.
pub fn parse_call(line: &str) -> Result<(String, [u64; 6]), CallError> {
    let mut words = words(line);
    if words.is_empty() {
        return Err(CallError::Empty);
    }
    let name = words.remove(0);
    let args = parse_call_args(&name, &words)?;
    Ok((name, args))
}

/// The words of a call line; `|` joins a word with its neighbours even when spaced.
fn words(line: &str) -> Vec<String> {
    let line = line.replace(['(', ')', ','], " ");
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for w in line.split_whitespace() {
        match out.last_mut() {
            Some(last) if glue || w.starts_with('|') => last.push_str(w),
            _ => out.push(w.to_string()),
        }
        glue = w.ends_with('|');
    }
    out
}

/// Completions of the word being typed at the end of `line`: syscall names for the first
/// word, the constants of the argument's set for the others; each is the whole new line.
pub fn complete_call(line: &str) -> Vec<String> {
    let start = line.rfind([' ', '(', ',']).map_or(0, |i| i + 1);
    let (head, word) = line.split_at(start);
    let before = words(head);
    match before.first() {
        None => {
            let calls = Catalog.syscalls();
            let from = calls.partition_point(|s| s.name() < word);
            calls[from..]
                .iter()
                .take_while(|s| s.name().starts_with(word))
                .filter(|s| s.name() != word)
                .map(|s| format!("{head}{}", s.name()))
                .collect()
        }
        Some(name) => match arg_set(name, before.len() - 1) {
            Some(set) => complete_value(word, set)
                .into_iter()
                .map(|w| format!("{head}{w}"))
                .collect(),
            None => Vec::new(),
        },
    }
}

/// What argument the word being typed at the end of `line` is, as `domain (address_families)`,
/// for the prompt's hint; None on the name or past the last argument.
pub fn typed_arg(line: &str) -> Option<String> {
    let start = line.rfind([' ', '(', ',']).map_or(0, |i| i + 1);
    let before = words(&line[..start]);
    let name = before.first()?;
    let index = before.len() - 1;
    let arg = Catalog.syscall(name)?.args().get(index)?;
    Some(match arg.constants() {
        Some(set) => format!("{} {} ({set})", arg.ty(), arg.name()),
        None => format!("{} {}", arg.ty(), arg.name()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_numbers_and_constants_of_the_arguments_set() {
        let (name, args) = parse_call("socket AF_INET6 SOCK_STREAM 0").unwrap();
        assert_eq!((name.as_str(), &args[..3]), ("socket", &[10, 1, 0][..]));
        let (_, same) = parse_call("socket(AF_INET6, SOCK_STREAM, 0)").unwrap();
        assert_eq!(same, args);
        let (_, clone) = parse_call("clone CLONE_NEWUSER | CLONE_NEWNS 0x10 0o7 0b11").unwrap();
        assert_eq!(clone[..4], [0x1000_0000 | 0x0002_0000, 16, 7, 3]);
        assert!(parse_call("").is_err());
        let err = parse_call("socket AF_NOPE").unwrap_err().to_string();
        assert!(err.starts_with("argument 0: unknown constant"), "{err}");
        assert!(parse_call_args("read", &["1"; 7]).is_err());
    }

    /// What explain prints reads back: AT_FDCWD for a directory descriptor, negative numbers.
    #[test]
    fn reads_at_fdcwd_and_negative_numbers() {
        let (_, args) = parse_call("openat AT_FDCWD 0 O_RDONLY").unwrap();
        assert_eq!(args[0], super::super::describe::AT_FDCWD);
        let (_, minus) = parse_call("openat -100 0 0").unwrap();
        assert_eq!(minus[0], args[0]);
        let (_, kill) = parse_call("kill -1 SIGKILL").unwrap();
        assert_eq!(kill[..2], [u64::MAX, 9]);
        assert!(parse_call("kill --1 0").is_err());
    }

    #[test]
    fn completes_names_then_the_constants_each_argument_takes() {
        let names = complete_call("sock");
        assert!(names.contains(&"socket".to_string()), "{names:?}");
        assert!(names.contains(&"socketpair".to_string()));
        assert!(names.iter().all(|n| n.starts_with("sock")));
        let families = complete_call("socket AF_INET");
        assert!(
            families.contains(&"socket AF_INET6".to_string()),
            "{families:?}"
        );
        let types = complete_call("socket AF_INET6 SOCK_ST");
        assert_eq!(
            types.first().map(String::as_str),
            Some("socket AF_INET6 SOCK_STREAM")
        );
        assert!(
            complete_call("read 1 ").is_empty(),
            "a pointer has no constants"
        );
        assert_eq!(
            typed_arg("socket AF_INET6 ").as_deref(),
            Some("int type (socket_type)")
        );
        assert_eq!(typed_arg("sock"), None);
    }
}
