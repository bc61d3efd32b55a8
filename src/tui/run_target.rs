//! Where view 3 runs a command: on this machine (under the sandbox), or in a container made
//! from a DIR (a root filesystem or an OCI bundle) by a real OCI runtime. The DIR chosen for a
//! profile is kept in the state folder, keyed by the profile's path, so that the next session
//! offers it again. The checks are the engine's (`sandbox::container`); this module only
//! keeps the choice.

use crate::msg;
use crate::sandbox::container::{self, bundle};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where commands run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RunTarget {
    /// On this machine, under the sandbox (the editor's working directory and environment).
    #[default]
    Host,
    /// In a container made from this DIR.
    Container(PathBuf),
}

/// The DIR last chosen for each profile, kept in a small JSON file.
#[derive(Debug, Clone, Default)]
pub struct ContainerDirs {
    file: Option<PathBuf>,
    dirs: BTreeMap<String, PathBuf>,
}

/// The key of a profile: its full path, or "" for a document not saved anywhere yet.
fn key(profile: Option<&Path>) -> String {
    profile
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl ContainerDirs {
    /// The DIRs kept in `file` (None: nothing kept; a missing or unreadable file: none yet).
    pub fn load(file: Option<PathBuf>) -> ContainerDirs {
        let dirs = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        ContainerDirs { file, dirs }
    }

    /// The DIR last chosen for the profile at `profile`.
    pub fn get(&self, profile: Option<&Path>) -> Option<&Path> {
        self.dirs.get(&key(profile)).map(PathBuf::as_path)
    }

    /// Keeps `dir` as the profile's DIR (and writes the file: failing to is not worth
    /// interrupting anyone, the worst case is typing the DIR again).
    pub fn remember(&mut self, profile: Option<&Path>, dir: &Path) {
        self.dirs.insert(key(profile), dir.to_path_buf());
        let Some(file) = &self.file else { return };
        if let Some(parent) = file.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Ok(text) = serde_json::to_string_pretty(&self.dirs) {
            let _ = crate::profile::write_private(file, &(text + "\n"));
        }
    }
}

/// The DIR as typed (`~/` is the home folder; relative to the working directory), made
/// absolute once the engine has found it to be a bundle or a root filesystem; Err says why
/// it is neither.
pub fn container_dir(typed: &str) -> Result<PathBuf, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(msg!("ed-container-type-folder"));
    }
    let path = match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(typed),
    };
    bundle::inspect(&path).map_err(|e| msg!("ed-container-not-one", why = e.to_string()))?;
    std::path::absolute(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The runtime container runs would use (its name), or what is missing to have one and how
/// to install it.
pub fn container_runtime() -> Result<&'static str, String> {
    container::usable(None)
        .map(|rt| rt.kind.name())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dir_is_remembered_per_profile_across_sessions() {
        let state = tempfile::tempdir().unwrap();
        let file = state.path().join("container-dirs.json");
        let (one, two) = (state.path().join("one.json"), state.path().join("two.json"));
        std::fs::write(&one, "{}").unwrap();
        let mut dirs = ContainerDirs::load(Some(file.clone()));
        assert_eq!(dirs.get(Some(&one)), None);
        dirs.remember(Some(&one), Path::new("/srv/alpine"));
        dirs.remember(None, Path::new("/srv/busybox"));
        let again = ContainerDirs::load(Some(file.clone()));
        assert_eq!(again.get(Some(&one)), Some(Path::new("/srv/alpine")));
        // The same file by another spelling of its path.
        let other_spelling = state.path().join(".").join("one.json");
        assert_eq!(
            again.get(Some(&other_spelling)),
            Some(Path::new("/srv/alpine"))
        );
        assert_eq!(again.get(Some(&two)), None);
        assert_eq!(again.get(None), Some(Path::new("/srv/busybox")));
        // A file that does not read is no memory, not an error.
        std::fs::write(&file, "not json").unwrap();
        assert_eq!(ContainerDirs::load(Some(file)).get(Some(&one)), None);
    }

    #[test]
    fn a_dir_that_is_neither_a_bundle_nor_a_root_filesystem_is_refused_with_the_reason() {
        let place = tempfile::tempdir().unwrap();
        let rootfs = place.path().join("rootfs");
        std::fs::create_dir_all(rootfs.join("bin")).unwrap();
        assert_eq!(container_dir(&rootfs.to_string_lossy()), Ok(rootfs.clone()));
        let e = container_dir(&place.path().join("empty").to_string_lossy()).unwrap_err();
        assert!(e.starts_with("Not a container: "), "{e}");
        let e = container_dir(&rootfs.join("bin").to_string_lossy()).unwrap_err();
        assert!(e.contains("neither an OCI bundle"), "{e}");
        assert!(container_dir("  ").is_err());
    }
}
