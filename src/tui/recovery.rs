//! Recovery files: while the document has unsaved changes it is written every few seconds
//! to the state folder, and offered back when the same document (the same file, starter or
//! lesson) is opened again.
//!
//! Each session writes a file of its own (`NAME-HASH.SESSION.json`) and holds an advisory
//! lock on `NAME-HASH.SESSION.lock` from before its first write: a draft whose lock nobody holds
//! belongs to a session that ended without saving, and only such a draft is offered. The
//! draft of an editor still running on the same document is never offered, nor touched.
//!
//! Between two writes the latest unsaved text is also kept in memory ([`Recovery::track`]),
//! so that the ways out that cannot reach the editor's state (its terminal gone, a signal
//! the event loop does not get to, a panic) still write it: [`write_remembered`].

use nix::fcntl::{Flock, FlockArg};
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

/// What a document is, for its recovery file: the file it is saved to, or else the starter
/// or lesson it began from, or the built-in profile.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A file (it may not exist yet).
    File(&'a Path),
    /// `--new STARTER` without a file.
    Starter(&'a str),
    /// A lesson's starting profile (its number, from 1).
    Lesson(usize),
    /// The built-in profile.
    Builtin,
}

impl<'a> From<Option<&'a Path>> for Origin<'a> {
    fn from(document: Option<&'a Path>) -> Origin<'a> {
        document.map_or(Origin::Builtin, Origin::File)
    }
}

/// The recovery file of one document in one session.
#[derive(Debug)]
pub struct Recovery {
    /// This session's draft (None: nowhere to keep one).
    file: Option<PathBuf>,
    last_written: Option<String>,
    last_time: Option<Instant>,
    /// The document generation last remembered for [`write_remembered`].
    remembered: Option<u64>,
    /// This session's lock, taken before its first write.
    lock: Option<Flock<std::fs::File>>,
    /// The draft of an ended session that was offered, removed once answered.
    offered: Option<PathBuf>,
}

impl Recovery {
    /// The recovery file for `document` (None: the built-in profile) under `state`.
    pub fn for_document(state: Option<&Path>, document: Option<&Path>) -> Recovery {
        Recovery::for_origin(state, document.into())
    }

    /// The recovery file for a document of this origin under `state`.
    pub fn for_origin(state: Option<&Path>, origin: Origin) -> Recovery {
        // The process and a count: two documents of one process are two sessions too.
        static SESSIONS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("{}-{n}", std::process::id());
        let file = state.map(|s| {
            s.join("recovery")
                .join(format!("{}.{session}.json", document_key(origin)))
        });
        Recovery {
            file,
            last_written: None,
            last_time: None,
            remembered: None,
            lock: None,
            offered: None,
        }
    }

    /// Where this session's draft is (or would be).
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The newest draft that an ended session left of this document, if there is one. It is
    /// removed by [`Recovery::answered`] (restored or not, it is then this session's).
    pub fn pending(&mut self) -> Option<String> {
        let own = self.file.as_ref()?;
        let dir = own.parent()?;
        let name = own.file_name()?.to_str()?;
        let (key, _) = name.strip_suffix(".json")?.rsplit_once('.')?;
        let mut drafts: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p != own && is_draft_of(p, key))
            .filter(|p| !held(p))
            .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
            .collect();
        drafts.sort();
        let (_, newest) = drafts.pop()?;
        let text = crate::profile::read_input_text(&newest).ok()?;
        self.offered = Some(newest);
        Some(text)
    }

    /// The offered draft was restored or declined: it and its lock file go.
    pub fn answered(&mut self) {
        if let Some(draft) = self.offered.take() {
            let _ = std::fs::remove_file(lock_path(&draft));
            let _ = std::fs::remove_file(draft);
        }
    }

    /// Takes this session's lock before its first write; false when it cannot be had.
    fn hold(&mut self) -> bool {
        if self.lock.is_some() {
            return true;
        }
        let Some(file) = &self.file else { return false };
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let opened = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(file));
        self.lock = opened
            .ok()
            .and_then(|f| Flock::lock(f, FlockArg::LockExclusiveNonblock).ok());
        self.lock.is_some()
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
        let Some(file) = self.file.clone() else {
            return;
        };
        if !modified {
            if self.remembered.take().is_some() {
                forget(&file);
            }
            return;
        }
        if self.remembered != Some(generation) && self.hold() {
            if let Ok(mut slot) = REMEMBERED.lock() {
                *slot = Some((file, text()));
            }
            self.remembered = Some(generation);
        }
        self.maybe_write(text, now);
    }

    /// Writes `text` now (unless it is what the file already holds).
    pub fn write(&mut self, text: String) {
        if self.last_written.as_ref() == Some(&text) || !self.hold() {
            return;
        }
        let Some(file) = &self.file else { return };
        if crate::profile::write_private(file, &text).is_ok() {
            self.last_written = Some(text);
        }
    }

    /// Removes the file: the changes were saved or deliberately thrown away.
    pub fn discard(&mut self) {
        if let Some(file) = &self.file {
            forget(file);
            let _ = std::fs::remove_file(file);
            if self.lock.take().is_some() {
                let _ = std::fs::remove_file(lock_path(file));
            }
        }
        self.last_written = None;
        self.remembered = None;
    }
}

/// The lock file beside a draft.
fn lock_path(draft: &Path) -> PathBuf {
    draft.with_extension("lock")
}

/// Whether `path` is a draft of the document `key`: `KEY.SESSION.json` (SESSION: the process
/// id and a count), or `KEY.json` as versions before per-session files named it.
fn is_draft_of(path: &Path, key: &str) -> bool {
    let Some(stem) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
    else {
        return false;
    };
    stem == key
        || stem
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
}

/// Whether a running session holds the lock of this draft.
fn held(draft: &Path) -> bool {
    let Ok(file) = std::fs::File::open(lock_path(draft)) else {
        return false; // no lock file: its session ended (or predates the locks)
    };
    match Flock::lock(file, FlockArg::LockSharedNonblock) {
        Ok(_) => false,
        Err((_, errno)) => errno == nix::errno::Errno::EWOULDBLOCK,
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

/// A readable, collision-free name for a document: a file's own name plus a hash of its full
/// path, `starter-NAME`, `lesson-N` or `builtin-default`.
fn document_key(origin: Origin) -> String {
    let doc = match origin {
        Origin::File(doc) => doc,
        Origin::Starter(name) => return format!("starter-{}", safe(name)),
        Origin::Lesson(n) => return format!("lesson-{n}"),
        Origin::Builtin => return "builtin-default".into(),
    };
    let full = std::fs::canonicalize(doc).unwrap_or_else(|_| doc.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut hasher);
    let stem = doc
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}-{:016x}", safe(&stem), hasher.finish())
}

/// A name with everything but letters, digits, dots and dashes made `_`.
fn safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_discarded() {
        let state = tempfile::tempdir().unwrap();
        let doc = Path::new("/tmp/some profile.json");
        let mut r = Recovery::for_document(Some(state.path()), Some(doc));
        let read = |r: &Recovery| std::fs::read_to_string(r.path().unwrap()).ok();
        assert_eq!(read(&r), None);
        let t0 = Instant::now();
        r.maybe_write(|| "one".into(), t0);
        assert_eq!(read(&r).as_deref(), Some("one"));
        r.maybe_write(|| "two".into(), t0);
        assert_eq!(
            read(&r).as_deref(),
            Some("one"),
            "too soon for another write"
        );
        r.maybe_write(|| "two".into(), t0 + INTERVAL);
        assert_eq!(read(&r).as_deref(), Some("two"));
        r.discard();
        assert_eq!(read(&r), None);
        assert_eq!(
            std::fs::read_dir(state.path().join("recovery"))
                .unwrap()
                .count(),
            0
        );
    }

    /// Another session's draft of the same document is offered only once that session has
    /// ended (its lock is free), and a draft of another document never is.
    #[test]
    fn only_drafts_of_ended_sessions_of_the_same_document_are_offered() {
        let state = tempfile::tempdir().unwrap();
        let doc = Path::new("/tmp/p.json");
        let dir = state.path().join("recovery");
        let mut mine = Recovery::for_document(Some(state.path()), Some(doc));
        mine.write("mine".into());
        // A live session: its draft and the lock it holds (the same process, another file).
        let key = document_key(Origin::File(doc));
        let live = dir.join(format!("{key}.4000000001-0.json"));
        std::fs::write(&live, "live").unwrap();
        let lock = std::fs::File::create(lock_path(&live)).unwrap();
        let held = Flock::lock(lock, FlockArg::LockExclusive).unwrap();
        let mut next = Recovery::for_document(Some(state.path()), Some(doc));
        assert_eq!(next.pending(), None, "neither its own nor a live session's");
        // Another document's, and another origin's, ended drafts: not this document's.
        for other in [
            Origin::File(Path::new("/tmp/q.json")),
            Origin::Starter("strict"),
        ] {
            let mut r = Recovery::for_origin(Some(state.path()), other);
            r.write("other".into());
            r.lock = None; // as if that session had ended
        }
        assert_eq!(next.pending(), None);
        drop(held);
        assert_eq!(next.pending().as_deref(), Some("live"), "its session ended");
        next.answered();
        assert!(!live.exists() && !lock_path(&live).exists());
        assert_eq!(
            std::fs::read_to_string(mine.path().unwrap()).unwrap(),
            "mine"
        );
    }
}
