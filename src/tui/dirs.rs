//! Where the editor keeps its own files: the user's keymap (config folder), and the tour
//! and recovery files (state folder), following the XDG base directories.

use std::path::PathBuf;

/// The editor's folders; None where the platform has no such folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// `$XDG_CONFIG_HOME/seccompose`: `keys.toml`.
    pub config: Option<PathBuf>,
    /// `$XDG_STATE_HOME/seccompose`: what the editor remembers, recovery files.
    pub state: Option<PathBuf>,
}

impl Dirs {
    /// The folders of this user.
    pub fn of_user() -> Dirs {
        match directories::ProjectDirs::from("", "", "seccompose") {
            Some(p) => Dirs {
                config: Some(p.config_dir().to_path_buf()),
                state: Some(
                    p.state_dir()
                        .unwrap_or_else(|| p.data_local_dir())
                        .to_path_buf(),
                ),
            },
            None => Dirs::default(),
        }
    }

    /// The user's keymap overrides, if the file exists.
    pub fn user_keys(&self) -> Option<PathBuf> {
        self.config
            .as_ref()
            .map(|c| c.join("keys.toml"))
            .filter(|p| p.exists())
    }
}
