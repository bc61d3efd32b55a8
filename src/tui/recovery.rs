//! Recovery files: while the document has unsaved changes it is written every few seconds
//! to the state folder, and offered back when the same file is opened again.
//!
//! Between two writes the latest unsaved text is also kept in memory ([`Recovery::track`]),
//! so that the ways out that cannot reach the editor's state (its terminal gone, a signal
//! the event loop does not get to, a panic) still write it: [`write_remembered`].

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The recovery file and the latest unsaved text of the open document.
static REMEMBERED: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// Writes the latest unsaved text to its recovery file, if there is one; for abrupt exits
/// (a signal watcher, a panic hook). Never blocks on the editor's thread.
pub fn write_remembered() {
    let taken = match REMEMBERED.try_lock() {
        Ok(mut slot) => slot.take(),
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().take(),
        Err(std::sync::TryLockError::WouldBlock) => None,
    };
    if let Some((file, text)) = taken {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = crate::profile::write_private(&file, &text);
    }
}

/// How often unsaved changes are written out.
pub const INTERVAL: Duration = Duration::from_secs(3);

/// The recovery file of one document.
#[derive(Debug, Clone)]
pub struct Recovery {
    file: Option<PathBuf>,
    last_written: Option<String>,
    last_time: Option<Instant>,
    /// The document generation last remembered for [`write_remembered`].
    remembered: Option<u64>,
}

impl Recovery {
    /// The recovery file for `document` (None: the built-in profile) under `state`.
    pub fn for_document(state: Option<&Path>, document: Option<&Path>) -> Recovery {
        let file = state.map(|s| s.join("recovery").join(file_name(document)));
        Recovery {
            file,
            last_written: None,
            last_time: None,
            remembered: None,
        }
    }

    /// Where the file is (or would be).
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The text of an earlier session's recovery file, if there is one.
    pub fn pending(&self) -> Option<String> {
        crate::profile::read_input_text(self.file.as_ref()?).ok()
    }

    /// Writes `text` when it changed and the interval has passed since the last write.
    pub fn maybe_write(&mut self, text: impl FnOnce() -> String, now: Instant) {
        if self
            .last_time
            .is_some_and(|t| now.duration_since(t) < INTERVAL)
        {
            return;
        }
        self.last_time = Some(now);
        self.write(text());
    }

    /// Follows the document: `modified` with its `generation` (see `Session::generation`):
    /// remembers its text at each change (for [`write_remembered`]) and writes it every few
    /// seconds; forgets it when there is nothing unsaved.
    pub fn track(
        &mut self,
        modified: bool,
        generation: u64,
        text: impl Fn() -> String,
        now: Instant,
    ) {
        let Some(file) = &self.file else { return };
        if !modified {
            if self.remembered.take().is_some() {
                forget(file);
            }
            return;
        }
        if self.remembered != Some(generation) {
            if let Ok(mut slot) = REMEMBERED.lock() {
                *slot = Some((file.clone(), text()));
            }
            self.remembered = Some(generation);
        }
        self.maybe_write(text, now);
    }

    /// Writes `text` now (unless it is what the file already holds).
    pub fn write(&mut self, text: String) {
        let Some(file) = &self.file else { return };
        if self.last_written.as_ref() == Some(&text) {
            return;
        }
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if crate::profile::write_private(file, &text).is_ok() {
            self.last_written = Some(text);
        }
    }

    /// Removes the file: the changes were saved or deliberately thrown away.
    pub fn discard(&mut self) {
        if let Some(file) = &self.file {
            forget(file);
            let _ = std::fs::remove_file(file);
        }
        self.last_written = None;
        self.remembered = None;
    }
}

/// Drops the remembered text of `file` (it was saved, discarded or undone).
fn forget(file: &Path) {
    if let Ok(mut slot) = REMEMBERED.lock() {
        if slot.as_ref().is_some_and(|(f, _)| f == file) {
            *slot = None;
        }
    }
}

/// A readable, collision-free name: the file's own name plus a hash of its full path.
fn file_name(document: Option<&Path>) -> String {
    let Some(doc) = document else {
        return "builtin-default.json".into();
    };
    let full = std::fs::canonicalize(doc).unwrap_or_else(|_| doc.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut hasher);
    let stem: String = doc
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{stem}-{:016x}.json", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_pending_and_discarded() {
        let state = tempfile::tempdir().unwrap();
        let doc = Path::new("/tmp/some profile.json");
        let mut r = Recovery::for_document(Some(state.path()), Some(doc));
        assert_eq!(r.pending(), None);
        let t0 = Instant::now();
        r.maybe_write(|| "one".into(), t0);
        assert_eq!(r.pending().as_deref(), Some("one"));
        r.maybe_write(|| "two".into(), t0);
        assert_eq!(
            r.pending().as_deref(),
            Some("one"),
            "too soon for another write"
        );
        r.maybe_write(|| "two".into(), t0 + INTERVAL);
        assert_eq!(r.pending().as_deref(), Some("two"));
        let other = Recovery::for_document(Some(state.path()), Some(Path::new("/tmp/other.json")));
        assert_eq!(other.pending(), None, "each document has its own file");
        r.discard();
        assert_eq!(r.pending(), None);
    }
}
