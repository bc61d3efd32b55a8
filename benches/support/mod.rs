//! What several benchmarks share: Docker's default profile and the editor on it.

#![allow(dead_code)] // each benchmark uses its own part

use seccompose::catalog::Catalog;
use seccompose::profile::{self, Profile, Target};
use seccompose::tui::app::{App, Options};
use seccompose::tui::keymap::KeyMap;
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::Theme;
use std::path::PathBuf;

/// Docker's default from the shared corpus (or the profile in SECCOMPOSE_BENCH_PROFILE); the
/// built-in profile, with a note, when neither is there.
pub fn docker_profile() -> Profile {
    let path = std::env::var_os("SECCOMPOSE_BENCH_PROFILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/moby-default.json")
        });
    match profile::load(&path, &Catalog).ok().and_then(|p| p.profile) {
        Some(p) => p,
        None => {
            eprintln!(
                "note: {} not found; using the built-in profile",
                path.display()
            );
            seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog)
        }
    }
}

/// The editor on `profile` with the tour seen, nothing kept on disk, and man pages from `man`.
pub fn editor(profile: Profile, man: ManSource) -> App {
    let options = Options {
        target: Target::host(),
        memory: Memory::in_memory(true),
        keymap: KeyMap::builtin(),
        theme: Theme::from_env(),
        man,
        recovery: Recovery::for_document(None, None),
        run_history: None,
        container_dirs: None,
    };
    App::new(profile, None, options)
}
