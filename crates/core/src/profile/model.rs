//! The profile document: every field of the Docker, OCI and podman formats,
//! plus the fields none of them define, kept where they stood.

use super::vocab::{Action, Arch, Op};
use serde_json::Value;

/// A position in the source text, 1-based, column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub col: u32,
}

/// Fields that no known format defines, each remembered with the known key it followed
/// so that saving writes it back in the same place.
#[derive(Debug, Clone, PartialEq, Default, Hash)]
pub struct Extras {
    /// `(known key before it, or None at the start; key; value)`.
    pub fields: Vec<(Option<&'static str>, String, Value)>,
    /// Known keys that the source set to `null` explicitly.
    pub nulls: Vec<&'static str>,
}

impl Extras {
    /// Whether the source wrote `key: null`.
    pub fn is_null(&self, key: &str) -> bool {
        self.nulls.contains(&key)
    }
}

/// A whole seccomp profile. `Hash` (here and in every part) is how the compile cache's key
/// takes in every field, positions included.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Profile {
    /// `defaultAction`.
    pub default_action: Action,
    /// `defaultErrnoRet`: the errno of the default action (EPERM when absent).
    pub default_errno_ret: Option<u64>,
    /// `defaultErrno` (containers/common): the errno by name.
    pub default_errno: Option<String>,
    /// `listenerPath` (OCI): the socket the notify listener fd is sent to.
    pub listener_path: Option<String>,
    /// `listenerMetadata` (OCI).
    pub listener_metadata: Option<String>,
    /// `architectures`.
    pub architectures: Option<Vec<Arch>>,
    /// `archMap` (Docker).
    pub arch_map: Option<Vec<ArchMapEntry>>,
    /// `flags` (OCI): `SECCOMP_FILTER_FLAG_*`.
    pub flags: Option<Vec<String>>,
    /// `syscalls`: the rules, in order.
    pub syscalls: Option<Vec<Rule>>,
    /// Unknown fields and explicit nulls.
    pub extras: Extras,
}

/// One `archMap` entry: an architecture and the ones that run on it.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct ArchMapEntry {
    /// `architecture`.
    pub architecture: Arch,
    /// `subArchitectures`.
    pub sub_architectures: Option<Vec<Arch>>,
    /// Unknown fields and explicit nulls.
    pub extras: Extras,
}

/// How a rule spells its syscall names.
#[derive(Debug, Clone, PartialEq, Hash)]
pub enum Names {
    /// `names: [...]`.
    List(Vec<String>),
    /// The old singular `name: "..."`.
    Single(String),
}

impl Names {
    /// The names, whichever way they are spelled.
    pub fn as_slice(&self) -> &[String] {
        match self {
            Names::List(v) => v,
            Names::Single(s) => std::slice::from_ref(s),
        }
    }
}

/// One entry of `syscalls`.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Rule {
    /// `names` or `name`; None when the rule has neither (an error).
    pub names: Option<Names>,
    /// `action`.
    pub action: Action,
    /// `errnoRet`.
    pub errno_ret: Option<u64>,
    /// `errno` (containers/common): the errno by name.
    pub errno: Option<String>,
    /// `args`: conditions; on different indices they AND, on one index runc ORs them.
    pub args: Option<Vec<ArgCond>>,
    /// `comment`.
    pub comment: Option<String>,
    /// `includes`: the rule applies only when the target matches all of it (boxed: most rules
    /// have none, and a rule is held once per rule of a profile that may have a million).
    pub includes: Option<Box<Filter>>,
    /// `excludes`: the rule does not apply when the target matches any of it.
    pub excludes: Option<Box<Filter>>,
    /// Unknown fields and explicit nulls.
    pub extras: Extras,
    /// Where the rule starts in the source, when it came from a file.
    pub pos: Option<Pos>,
}

impl Rule {
    /// A rule for some names with an action and nothing else.
    pub fn new(names: Vec<String>, action: Action) -> Rule {
        Rule {
            names: Some(Names::List(names)),
            action,
            errno_ret: None,
            errno: None,
            args: None,
            comment: None,
            includes: None,
            excludes: None,
            extras: Extras::default(),
            pos: None,
        }
    }

    /// The syscall names of the rule.
    pub fn names(&self) -> &[String] {
        self.names.as_ref().map(Names::as_slice).unwrap_or(&[])
    }

    /// The argument conditions (empty when none).
    pub fn conditions(&self) -> &[ArgCond] {
        self.args.as_deref().unwrap_or(&[])
    }

    /// Whether the rule depends on neither arguments nor the target.
    pub fn is_unconditional(&self) -> bool {
        self.conditions().is_empty()
            && self.includes.as_deref().is_none_or(Filter::is_empty)
            && self.excludes.as_deref().is_none_or(Filter::is_empty)
    }
}

/// One argument condition.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct ArgCond {
    /// `index`: which argument, 0..=5.
    pub index: u32,
    /// `value` (the mask, for MASKED_EQ).
    pub value: u64,
    /// `valueTwo` (the compared value, for MASKED_EQ).
    pub value_two: Option<u64>,
    /// `op`.
    pub op: Op,
    /// Unknown fields and explicit nulls.
    pub extras: Extras,
}

impl ArgCond {
    /// A condition with no unknown fields.
    pub fn new(index: u32, op: Op, value: u64, value_two: Option<u64>) -> ArgCond {
        ArgCond {
            index,
            value,
            value_two,
            op,
            extras: Extras::default(),
        }
    }

    /// Whether an argument value satisfies the condition (as the kernel compares: unsigned 64-bit).
    pub fn matches(&self, arg: u64) -> bool {
        let two = self.value_two.unwrap_or(0);
        match self.op {
            Op::Ne => arg != self.value,
            Op::Lt => arg < self.value,
            Op::Le => arg <= self.value,
            Op::Eq => arg == self.value,
            Op::Ge => arg >= self.value,
            Op::Gt => arg > self.value,
            Op::MaskedEq => arg & self.value == two,
        }
    }
}

/// `includes` or `excludes`: conditions on the target.
#[derive(Debug, Clone, PartialEq, Default, Hash)]
pub struct Filter {
    /// `caps`: capability names.
    pub caps: Option<Vec<String>>,
    /// `arches`: Go architecture names (`amd64`).
    pub arches: Option<Vec<String>>,
    /// `minKernel`: `X.Y` or `X.Y.Z`.
    pub min_kernel: Option<String>,
    /// Unknown fields and explicit nulls.
    pub extras: Extras,
}

impl Filter {
    /// Whether the filter sets no condition.
    pub fn is_empty(&self) -> bool {
        self.caps.as_ref().is_none_or(Vec::is_empty)
            && self.arches.as_ref().is_none_or(Vec::is_empty)
            && self.min_kernel.as_ref().is_none_or(String::is_empty)
    }
}

impl Profile {
    /// A profile with only a default action.
    pub fn new(default_action: Action) -> Profile {
        Profile {
            default_action,
            default_errno_ret: None,
            default_errno: None,
            listener_path: None,
            listener_metadata: None,
            architectures: None,
            arch_map: None,
            flags: None,
            syscalls: None,
            extras: Extras::default(),
        }
    }

    /// The rules (empty when `syscalls` is absent).
    pub fn rules(&self) -> &[Rule] {
        self.syscalls.as_deref().unwrap_or(&[])
    }

    /// The errno the default action returns: `defaultErrnoRet`, else EPERM.
    pub fn default_errno(&self) -> u64 {
        self.default_errno_ret.unwrap_or(EPERM)
    }

    /// Whether an action with this errno does what the default action does (errno counts only
    /// for ERRNO and TRACE): runc skips a rule like that, so it adds nothing.
    pub fn is_default_action(&self, action: Action, errno: u64) -> bool {
        action.semantic() == self.default_action.semantic()
            && (!action.takes_errno() || errno == self.default_errno())
    }

    /// Whether a rule's action is the default action, so that runc skips the rule.
    pub fn rule_has_default_action(&self, rule: &Rule) -> bool {
        self.is_default_action(rule.action, rule_errno(rule))
    }
}

/// EPERM, the errno runc uses when a rule gives none.
pub const EPERM: u64 = 1;

/// Top-level keys in canonical order (as Docker writes them, OCI and podman fields beside).
pub const PROFILE_KEYS: &[&str] = &[
    "defaultAction",
    "defaultErrnoRet",
    "defaultErrno",
    "listenerPath",
    "listenerMetadata",
    "architectures",
    "archMap",
    "flags",
    "syscalls",
];
/// `archMap` entry keys in canonical order.
pub const ARCH_MAP_KEYS: &[&str] = &["architecture", "subArchitectures"];
/// Rule keys in canonical order.
pub const RULE_KEYS: &[&str] = &[
    "name", "names", "action", "errnoRet", "errno", "args", "comment", "includes", "excludes",
];
/// Argument condition keys in canonical order.
pub const ARG_KEYS: &[&str] = &["index", "value", "valueTwo", "op"];
/// `includes`/`excludes` keys in canonical order.
pub const FILTER_KEYS: &[&str] = &["caps", "arches", "minKernel"];

/// The errno a rule returns (EPERM unless it says otherwise).
pub fn rule_errno(rule: &Rule) -> u64 {
    rule.errno_ret.unwrap_or(EPERM)
}
