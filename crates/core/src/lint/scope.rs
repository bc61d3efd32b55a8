//! What every lint pass needs to know about a profile on a target, computed once.

use crate::catalog::{Syscall, CATALOG_ARCHES};
use crate::i18n::Text;
use crate::profile::filter_arches;
use crate::profile::{Action, Arch, Effects, Profile, Rule, Target};
use std::collections::BTreeSet;

/// A profile evaluated on a target: effects of all syscalls, filter architectures, active rules.
pub(super) struct Scope<'p> {
    /// The profile.
    pub profile: &'p Profile,
    /// What every named syscall gets, and from which rule.
    pub effects: Effects,
    /// The architectures the filter covers (native first), as runc chooses them.
    pub arches: Vec<Arch>,
    /// The capabilities the target holds.
    pub caps: BTreeSet<String>,
    /// The target's native architecture.
    pub arch: Arch,
    active: Vec<bool>,
}

impl<'p> Scope<'p> {
    /// Evaluates the profile once for all passes.
    pub fn new(profile: &'p Profile, target: &Target) -> Scope<'p> {
        Scope {
            profile,
            effects: Effects::new(profile, target),
            arches: filter_arches(profile, target),
            caps: target.caps.clone(),
            arch: target.arch,
            active: profile
                .rules()
                .iter()
                .map(|r| target.is_active(r))
                .collect(),
        }
    }

    /// The rules runc applies on the target, with their indices.
    pub fn active_rules(&self) -> impl Iterator<Item = (usize, &'p Rule)> + '_ {
        let rules = self.profile.rules();
        rules.iter().enumerate().filter(|(i, _)| self.active[*i])
    }

    /// Whether some architecture of the filter has the syscall (assumed for architectures the
    /// catalog has no numbers for).
    pub fn exists(&self, syscall: &Syscall) -> bool {
        self.arches
            .iter()
            .any(|&a| !CATALOG_ARCHES.contains(&a) || syscall.number(a).is_some())
    }

    /// Whether the target's native architecture has the syscall (assumed when the catalog has
    /// no numbers for it).
    pub fn on_native(&self, syscall: &Syscall) -> bool {
        !CATALOG_ARCHES.contains(&self.arch) || syscall.number(self.arch).is_some()
    }

    /// `syscalls[3] (12:5)`: a rule's path and where it starts in the file.
    pub fn rule_at(&self, index: usize) -> String {
        match self.profile.rules().get(index).and_then(|r| r.pos) {
            Some(pos) => format!("syscalls[{index}] ({}:{})", pos.line, pos.col),
            None => format!("syscalls[{index}]"),
        }
    }

    /// The capability a syscall needs to do harm, when the target does not hold it.
    pub fn lacks_cap(&self, syscall: &Syscall) -> Option<&'static str> {
        syscall.cap().filter(|c| !self.caps.contains(*c))
    }

    /// Where `name` gets its action: `syscalls[3]` or `defaultAction`.
    pub fn origin(&self, name: &str) -> String {
        self.effects
            .decided_by(name)
            .map_or_else(|| "defaultAction".to_string(), |i| format!("syscalls[{i}]"))
    }
}

/// Appends `item` unless `v` has it already.
pub(super) fn push_new<T: PartialEq>(v: &mut Vec<T>, item: T) {
    if !v.contains(&item) {
        v.push(item);
    }
}

/// The names of a rule without repeats, in order.
pub(super) fn unique_names(rule: &Rule) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for name in rule.names() {
        push_new(&mut out, name.as_str());
    }
    out
}

/// The catalog's entries for a rule's names (names it does not know left out), without repeats.
pub(super) fn rule_syscalls(rule: &Rule) -> Vec<&'static Syscall> {
    unique_names(rule)
        .into_iter()
        .filter_map(|n| crate::catalog::Catalog.syscall(n))
        .collect()
}

/// `a, b and c` for people, in their language (`a, b e c`); empty for no item.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return String::new();
    }
    names(items).local()
}

/// `a, b and c` as a message, so the last joint follows the language (`a, b e c`); never
/// called with no item.
pub(super) fn names<S: AsRef<str>>(items: &[S]) -> Text {
    match items {
        [init @ .., last] if !init.is_empty() => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            crate::text!("lint-list", init = init.join(", "), last = last.as_ref())
        }
        _ => {
            let one = items.first().map_or("", AsRef::as_ref);
            crate::text!("lint-list-one", item = one)
        }
    }
}

/// `a, b and c` for items that are messages themselves.
pub(super) fn texts(items: Vec<Text>) -> Text {
    let mut items = items.into_iter();
    let Some(last) = items.next_back() else {
        return names::<&str>(&[]);
    };
    match items.reduce(|a, b| crate::text!("lint-list-comma", first = a, next = b)) {
        Some(init) => crate::text!("lint-list", init = init, last = last),
        None => last,
    }
}

/// An action with its errno where it has one: `SCMP_ACT_ERRNO (EPERM)`.
pub(super) fn action_text(action: Action, errno: u64) -> String {
    if !action.takes_errno() {
        return action.to_string();
    }
    match crate::catalog::Catalog.errno_name(errno) {
        Some(name) => format!("{action} ({name})"),
        None => format!("{action} ({errno})"),
    }
}
