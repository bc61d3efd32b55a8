//! Finding things in the compiled-in catalog tables.

use super::data::{CATEGORIES, CONSTANT_SETS, FAMILIES, GROUPS, INDICES, SYSCALLS};
use super::{Category, ConstantSet, Family, Group, Syscall, CATALOG_ARCHES};
use crate::profile::{Arch, Lexicon};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The syscall catalog. All data is static; this is a handle to it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Catalog;

fn arch_column(arch: Arch) -> Option<usize> {
    CATALOG_ARCHES.iter().position(|a| *a == arch)
}

impl Syscall {
    /// The number `seccomp_data.nr` carries on `arch`, if the arch has this call.
    pub fn number(&self, arch: Arch) -> Option<u32> {
        arch_column(arch).and_then(|i| self.numbers[i])
    }

    /// The groups that include this syscall.
    pub fn groups(&self) -> impl Iterator<Item = &'static Group> + '_ {
        self.groups.of(&INDICES).iter().map(|&i| &GROUPS[i])
    }

    /// The families it belongs to.
    pub fn families(&self) -> impl Iterator<Item = &'static Family> + '_ {
        self.families.of(&INDICES).iter().map(|&i| &FAMILIES[i])
    }

    /// Other syscalls that do the same job, in name order, without repeats.
    pub fn siblings(&self) -> Vec<&'static Syscall> {
        let mut out: Vec<&'static Syscall> = self
            .families()
            .flat_map(|f| f.members())
            .filter(|s| s.name() != self.name())
            .collect();
        out.sort_by_key(|s| s.name());
        out.dedup_by_key(|s| s.name());
        out
    }

    /// Its primary category.
    pub fn category(&self) -> &'static Category {
        &CATEGORIES[self.category]
    }
}

impl Group {
    /// The syscalls in the group (nested groups expanded).
    pub fn members(&self) -> impl Iterator<Item = &'static Syscall> + '_ {
        self.members.of(&INDICES).iter().map(|&i| &SYSCALLS[i])
    }
}

impl Family {
    /// The syscalls of the family.
    pub fn members(&self) -> impl Iterator<Item = &'static Syscall> + '_ {
        self.members.of(&INDICES).iter().map(|&i| &SYSCALLS[i])
    }
}

impl Catalog {
    /// Every syscall, sorted by name.
    pub fn syscalls(&self) -> &'static [Syscall] {
        &SYSCALLS
    }

    /// A syscall by name.
    pub fn syscall(&self, name: &str) -> Option<&'static Syscall> {
        SYSCALLS
            .binary_search_by(|s| s.name().cmp(name))
            .ok()
            .map(|i| &SYSCALLS[i])
    }

    /// The categories, in display order.
    pub fn categories(&self) -> &'static [Category] {
        &CATEGORIES
    }

    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&'static Category> {
        CATEGORIES.iter().find(|c| c.id() == id)
    }

    /// The syscalls of a category, by name.
    pub fn in_category(&self, category: &Category) -> impl Iterator<Item = &'static Syscall> + '_ {
        let index = CATEGORIES.iter().position(|c| std::ptr::eq(c, category));
        SYSCALLS.iter().filter(move |s| Some(s.category) == index)
    }

    /// The known groups.
    pub fn groups(&self) -> &'static [Group] {
        &GROUPS
    }

    /// A group by name (`@file-system`, `%net`; `%network` is strace's other name for `%net`).
    pub fn group(&self, name: &str) -> Option<&'static Group> {
        let name = if name == "%network" { "%net" } else { name };
        GROUPS.iter().find(|g| g.name() == name)
    }

    /// The families of syscalls that do the same job.
    pub fn families(&self) -> &'static [Family] {
        &FAMILIES
    }

    /// The name of syscall number `nr` on `arch`.
    pub fn name_of(&self, arch: Arch, nr: u32) -> Option<&'static str> {
        static INDEX: OnceLock<HashMap<(usize, u32), usize>> = OnceLock::new();
        let index = INDEX.get_or_init(|| {
            let mut map = HashMap::new();
            for (i, s) in SYSCALLS.iter().enumerate() {
                for (col, n) in s.numbers.iter().enumerate() {
                    if let Some(n) = n {
                        map.entry((col, *n)).or_insert(i);
                    }
                }
            }
            map
        });
        let col = arch_column(arch)?;
        index.get(&(col, nr)).map(|&i| SYSCALLS[i].name())
    }

    /// The closest syscall name to a misspelled one, if any is close enough.
    pub fn suggest(&self, name: &str) -> Option<&'static str> {
        closest(name, SYSCALLS.iter().map(|s| s.name()))
    }

    /// The errno name closest to a misspelled one (`EACESS` → `EACCES`), if any is close.
    pub fn suggest_errno(&self, name: &str) -> Option<&'static str> {
        let set = self.constant_set("errno")?;
        closest(
            &name.to_ascii_uppercase(),
            set.values().iter().map(|c| c.name()),
        )
    }

    /// A constant set by id (`clone_flags`, `errno`, ...).
    pub fn constant_set(&self, id: &str) -> Option<&'static ConstantSet> {
        CONSTANT_SETS.iter().find(|c| c.id() == id)
    }

    /// Every constant set.
    pub fn constant_sets(&self) -> &'static [ConstantSet] {
        &CONSTANT_SETS
    }

    /// The value of an errno name (`EACCES`).
    pub fn errno_value(&self, name: &str) -> Option<u64> {
        let set = self.constant_set("errno")?;
        set.values()
            .iter()
            .find(|c| c.name().eq_ignore_ascii_case(name))
            .map(|c| c.value)
    }

    /// The preferred name of an errno value.
    pub fn errno_name(&self, value: u64) -> Option<&'static str> {
        let set = self.constant_set("errno")?;
        set.values()
            .iter()
            .find(|c| c.value == value)
            .map(|c| c.name())
    }
}

/// The candidate within a few edits of `name` (two, or a quarter of its length), the closest.
fn closest(name: &str, candidates: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    candidates
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}

impl Lexicon for Catalog {
    fn is_syscall(&self, name: &str) -> bool {
        self.syscall(name).is_some()
    }

    fn suggest_syscall(&self, name: &str) -> Option<String> {
        self.suggest(name).map(str::to_string)
    }

    fn errno_value(&self, name: &str) -> Option<u64> {
        Catalog::errno_value(self, name)
    }

    fn suggest_errno(&self, name: &str) -> Option<String> {
        Catalog::suggest_errno(self, name).map(str::to_string)
    }
}

impl crate::profile::formats::Sets for Catalog {
    fn systemd_sets(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        GROUPS
            .iter()
            .filter(|g| g.source() == "systemd")
            .map(|g| (g.name(), g.members().map(|s| s.name()).collect()))
            .collect()
    }

    fn exists_on(&self, name: &str, arch: Arch) -> bool {
        self.syscall(name).is_some_and(|s| s.number(arch).is_some())
    }

    fn errno_name(&self, value: u64) -> Option<&'static str> {
        Catalog::errno_name(self, value)
    }
}
