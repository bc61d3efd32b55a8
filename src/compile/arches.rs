//! Which architectures a filter covers, as runc decides.

use crate::profile::{Arch, Profile, Target};

/// The target's native architecture first, then `architectures`, or the `archMap` entry for the
/// native architecture with its sub-architectures (libseccomp filters always include native).
pub fn filter_arches(profile: &Profile, target: &Target) -> Vec<Arch> {
    let mut out = vec![target.arch];
    let mut add = |a: Arch| {
        if !out.contains(&a) {
            out.push(a);
        }
    };
    if let Some(list) = &profile.architectures {
        list.iter().copied().for_each(&mut add);
    } else if let Some(map) = &profile.arch_map {
        for entry in map.iter().filter(|e| e.architecture == target.arch) {
            add(entry.architecture);
            entry
                .sub_architectures
                .iter()
                .flatten()
                .copied()
                .for_each(&mut add);
        }
    }
    out
}
