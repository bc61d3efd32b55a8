//! Edits that switch one setting on or off: an architecture (with the ones that run on it)
//! or a filter flag, written the way the profile already spells it.

use super::edit::Edit;
use super::model::{ArchMapEntry, Extras, Profile};
use super::vocab::Arch;

/// The native architectures a profile covers (from `archMap`, else `architectures`).
pub fn covered_arches(p: &Profile) -> Vec<Arch> {
    match (&p.arch_map, &p.architectures) {
        (Some(map), _) => map.iter().map(|e| e.architecture).collect(),
        (None, Some(list)) => list.clone(),
        (None, None) => Vec::new(),
    }
}

/// The edit that adds `native` (and its sub-architectures) to the profile, or removes it
/// when it is there. A profile with a plain `architectures` list keeps that form.
pub fn toggle_arch(p: &Profile, native: Arch) -> Edit {
    let subs = native.sub_architectures();
    if let (None, Some(list)) = (&p.arch_map, &p.architectures) {
        let mut list = list.clone();
        if list.contains(&native) {
            list.retain(|a| *a != native && !subs.contains(a));
        } else {
            list.push(native);
            list.extend(
                subs.iter()
                    .filter(|s| !list.contains(s))
                    .copied()
                    .collect::<Vec<_>>(),
            );
        }
        return Edit::SetArchitectures(Some(list));
    }
    let mut map = p.arch_map.clone().unwrap_or_default();
    if map.iter().any(|e| e.architecture == native) {
        map.retain(|e| e.architecture != native);
    } else {
        map.push(ArchMapEntry {
            architecture: native,
            sub_architectures: (!subs.is_empty()).then(|| subs.to_vec()),
            extras: Extras::default(),
        });
    }
    Edit::SetArchMap((!map.is_empty()).then_some(map))
}

/// The edit that sets `flag` in `flags`, or clears it when set.
pub fn toggle_flag(p: &Profile, flag: &str) -> Edit {
    let mut flags = p.flags.clone().unwrap_or_default();
    if flags.iter().any(|f| f == flag) {
        flags.retain(|f| f != flag);
    } else {
        flags.push(flag.to_string());
    }
    Edit::SetFlags((!flags.is_empty()).then_some(flags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Action;

    #[test]
    fn arch_map_entries_come_and_go_with_their_sub_architectures() {
        let mut p = Profile::new(Action::Errno);
        toggle_arch(&p, Arch::X86_64).apply(&mut p).unwrap();
        let map = p.arch_map.clone().unwrap();
        assert_eq!(map[0].sub_architectures, Some(vec![Arch::X86, Arch::X32]));
        assert_eq!(covered_arches(&p), vec![Arch::X86_64]);
        toggle_arch(&p, Arch::X86_64).apply(&mut p).unwrap();
        assert_eq!(p.arch_map, None, "an empty map is left out");
    }

    #[test]
    fn a_plain_architectures_list_stays_plain() {
        let mut p = Profile::new(Action::Errno);
        p.architectures = Some(vec![Arch::AARCH64, Arch::ARM]);
        toggle_arch(&p, Arch::X86_64).apply(&mut p).unwrap();
        assert_eq!(
            p.architectures,
            Some(vec![
                Arch::AARCH64,
                Arch::ARM,
                Arch::X86_64,
                Arch::X86,
                Arch::X32
            ])
        );
        toggle_arch(&p, Arch::AARCH64).apply(&mut p).unwrap();
        assert_eq!(
            p.architectures,
            Some(vec![Arch::X86_64, Arch::X86, Arch::X32])
        );
        assert_eq!(p.arch_map, None);
    }

    #[test]
    fn flags_toggle() {
        let mut p = Profile::new(Action::Errno);
        toggle_flag(&p, "SECCOMP_FILTER_FLAG_LOG")
            .apply(&mut p)
            .unwrap();
        assert_eq!(p.flags, Some(vec!["SECCOMP_FILTER_FLAG_LOG".to_string()]));
        toggle_flag(&p, "SECCOMP_FILTER_FLAG_LOG")
            .apply(&mut p)
            .unwrap();
        assert_eq!(p.flags, None);
    }
}
