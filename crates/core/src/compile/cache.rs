//! Compiled filters kept between runs, so `run`, `explain`, `lint` and `compile` skip
//! libseccomp (about 15 ms for Docker's default on three ABIs) when nothing that decides the
//! filter changed.
//!
//! Nothing here is trusted blindly. The key is everything that decides the filter (this
//! program's identity, libseccomp's version, the options, the target and the profile with its
//! positions); an entry is named by a 128-bit hash of it and holds a second 128-bit sum over
//! the key and its body, which must match (a damaged entry, or one made for other inputs,
//! fails it); its program must pass the validator; the folder must be the user's own and
//! closed to others, and so must each entry. Only the user can write there, so the sums
//! guard against accidents, not forgery (hence XXH3, not a cryptographic hash). Anything else
//! is a miss: the filter is compiled again and the entry rewritten. The entry's layout is in
//! [`entry`].

use super::{build, CompileError, Compiled, Options};
use crate::bpf::Program;
use crate::profile::{LibseccompVersion, Profile, Target};
use entry::Key;
use std::hash::{Hash, Hasher};
use std::io::Read as _;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

/// The most the folder may hold; beyond it the entries used least recently go first.
const LIMIT_BYTES: u64 = 32 << 20;

/// File name ending of an entry.
const ENTRY: &str = "filter";

/// A folder of compiled filters (the user's cache folder, `seccompose/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    limit: u64,
}

/// What the folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Entries.
    pub entries: usize,
    /// Their size in bytes.
    pub bytes: u64,
}

impl Cache {
    /// The cache in `dir` (made on first use, 0700).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: dir.into(),
            limit: LIMIT_BYTES,
        }
    }

    /// The same cache, holding at most `bytes` (tests of trimming).
    pub fn with_limit(self, bytes: u64) -> Cache {
        Cache {
            limit: bytes,
            ..self
        }
    }

    /// Where it is.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The compiled filter of `profile` on `target`: from the cache when an entry made for
    /// exactly these inputs is there and sound, else compiled and stored (a store that fails,
    /// in a read-only or full folder, only costs the speed).
    pub fn build(
        &self,
        profile: &Profile,
        target: &Target,
        options: &Options,
    ) -> Result<Compiled, CompileError> {
        self.build_or_find(profile, target, options)
            .map(|(compiled, _)| compiled)
    }

    /// As [`Cache::build`], and whether the filter came from the cache.
    pub fn build_or_find(
        &self,
        profile: &Profile,
        target: &Target,
        options: &Options,
    ) -> Result<(Compiled, bool), CompileError> {
        let key = Key::new(&key_of(profile, target, options));
        let path = self.entry_path(&key);
        if let Some(hit) = self.usable_dir().then(|| read(&path, &key)).flatten() {
            return Ok((hit, true));
        }
        let compiled = build(profile, target, options)?;
        if self.ready() && store(&path, &key.seal(&compiled)).is_ok() {
            self.trim();
        }
        Ok((compiled, false))
    }

    /// The compiled filter of the profile a file's `bytes` read as, before reading them: kept
    /// by [`Cache::remember_file`] for exactly these bytes, this kind of file (`extension`:
    /// the only part of its name that changes how it reads), `target` and `options`. A warm
    /// `run --enforce` then neither parses nor checks the profile, which was half of its own
    /// work; anything else about the file is a miss.
    pub fn by_file(
        &self,
        bytes: &[u8],
        extension: Option<&str>,
        target: &Target,
        options: &Options,
    ) -> Option<Compiled> {
        let key = Key::new(&file_key(bytes, extension, target, options));
        let path = self.entry_path(&key);
        self.usable_dir().then(|| read(&path, &key)).flatten()
    }

    /// Keeps `compiled` for [`Cache::by_file`]: the caller read and checked the profile of
    /// these `bytes` (with no error) and compiled it for `target` with `options`. The folder
    /// is not trimmed here (the next store trims it).
    pub fn remember_file(
        &self,
        bytes: &[u8],
        extension: Option<&str>,
        target: &Target,
        options: &Options,
        compiled: &Compiled,
    ) {
        let key = Key::new(&file_key(bytes, extension, target, options));
        let path = self.entry_path(&key);
        if self.ready() {
            // A store that fails only costs the next run its speed.
            let _ = store(&path, &key.seal(compiled));
        }
    }

    /// The syscalls an observed run of a file's profile watches (its allowed siblings of
    /// denied syscalls), kept by [`Cache::remember_watched`] for exactly these bytes, this
    /// kind of file and `target`: with [`Cache::by_file`], a warm observed run starts without
    /// reading the profile. None is a miss (an empty list is a hit).
    pub fn watched_by_file(
        &self,
        bytes: &[u8],
        extension: Option<&str>,
        target: &Target,
    ) -> Option<Vec<String>> {
        let key = Key::new(&watched_key(bytes, extension, target));
        let path = self.entry_path(&key);
        let entry = self.usable_dir().then(|| read_entry(&path)).flatten()?;
        let body = std::str::from_utf8(key.body(&entry)?).ok()?;
        Some(body.lines().map(str::to_string).collect())
    }

    /// Keeps `names` for [`Cache::watched_by_file`]: the caller read and checked the profile
    /// of these `bytes` and worked out what an observed run of it on `target` watches.
    pub fn remember_watched(
        &self,
        bytes: &[u8],
        extension: Option<&str>,
        target: &Target,
        names: &[&str],
    ) {
        let key = Key::new(&watched_key(bytes, extension, target));
        let path = self.entry_path(&key);
        if self.ready() {
            let body: String = names.iter().map(|n| format!("{n}\n")).collect();
            // A store that fails only costs the next run its speed.
            let _ = store(&path, &key.seal_body(body.as_bytes()));
        }
    }

    /// Where the entry of `key` is.
    fn entry_path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.{ENTRY}", key.name()))
    }

    /// Whether entries can be read from the folder: it is not there yet (it is made on first
    /// use), or it is the user's and closed to others.
    pub fn usable(&self) -> bool {
        match std::fs::symlink_metadata(&self.dir) {
            Ok(meta) => meta.is_dir() && private(&meta),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        }
    }

    /// How many entries the folder holds and their size (zero when it does not exist).
    pub fn usage(&self) -> Usage {
        let entries = self.entries();
        Usage {
            entries: entries.len(),
            bytes: entries.iter().map(|(_, size, _)| size).sum(),
        }
    }

    /// Makes the folder if needed; true when it is fit to write into.
    fn ready(&self) -> bool {
        let made = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir);
        made.is_ok() && self.usable_dir()
    }

    /// Whether the folder exists, is this user's and no one else may write into it.
    fn usable_dir(&self) -> bool {
        std::fs::symlink_metadata(&self.dir).is_ok_and(|m| m.is_dir() && private(&m))
    }

    /// The entries: path, size and last use.
    fn entries(&self) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        dir.flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == ENTRY))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((e.path(), meta.len(), meta.modified().ok()?))
            })
            .collect()
    }

    /// Removes the entries used least recently until the folder is within its limit, and
    /// what a write cut short left behind a minute ago or more.
    fn trim(&self) {
        let stale = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        for leftover in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let old = leftover
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < stale);
            if old && leftover.path().extension().is_some_and(|x| x == "tmp") {
                let _ = std::fs::remove_file(leftover.path());
            }
        }
        let mut entries = self.entries();
        let mut total: u64 = entries.iter().map(|(_, size, _)| size).sum();
        entries.sort_by_key(|(_, _, used)| *used);
        for (path, size, _) in entries {
            if total <= self.limit {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= size;
            }
        }
    }
}

/// The compiled filter, from `cache` when there is one, else compiled here.
pub fn build_with(
    cache: Option<&Cache>,
    profile: &Profile,
    target: &Target,
    options: &Options,
) -> Result<Compiled, CompileError> {
    match cache {
        Some(cache) => cache.build(profile, target, options),
        None => build(profile, target, options),
    }
}

/// Writes an entry in one piece (a new 0600 file renamed over the old), without the fsyncs a
/// user's file gets: an entry a crash cuts short fails its sum and is made again.
fn store(path: &Path, entry: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = path.with_extension(format!("{}-{nanos}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(entry))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Owned by this user and writable by no one else.
fn private(meta: &std::fs::Metadata) -> bool {
    meta.uid() == nix::unistd::geteuid().as_raw() && meta.mode() & 0o022 == 0
}

/// Everything that decides the filter, as bytes: what this program is and the options and
/// target as text, then the profile through its derived `Hash`, which writes every field,
/// position and unknown field (a length before each list, an end after each string). Only the
/// values of unknown fields go through serde_json's `Hash`, which ignores the order of an
/// object's keys and may give a float and an integer the same bytes: nothing compiles them
/// (they are only written back when saving).
fn key_of(profile: &Profile, target: &Target, options: &Options) -> Vec<u8> {
    let mut key = Collect(inputs(target, options).into_bytes());
    profile.hash(&mut key);
    key.0
}

/// What decides a filter besides the profile: this program, libseccomp, options and target.
fn inputs(target: &Target, options: &Options) -> String {
    format!(
        "seccompose {} {}\nlibseccomp {}\n{options:?}\n{target:?}\n",
        env!("CARGO_PKG_VERSION"),
        this_program(),
        LibseccompVersion::host(),
    )
}

/// What decides the filter of a file not yet read: this program, the options and target as
/// in [`key_of`], then the file's kind and its bytes as they are. The profile is a function of
/// those (the catalog it is checked against is part of this program), so the filter is too.
/// The leading `file` keeps these keys apart from [`key_of`]'s.
fn file_key(bytes: &[u8], extension: Option<&str>, target: &Target, options: &Options) -> Vec<u8> {
    let mut key = format!(
        "file\n{}{:?}\n{}\n",
        inputs(target, options),
        extension.map(str::to_ascii_lowercase),
        bytes.len(),
    )
    .into_bytes();
    key.extend_from_slice(bytes);
    key
}

/// The key of what an observed run of a file watches: [`file_key`]'s inputs (with the
/// default options, which do not change it) after a leading `watched`.
fn watched_key(bytes: &[u8], extension: Option<&str>, target: &Target) -> Vec<u8> {
    let mut key = b"watched\n".to_vec();
    key.extend(file_key(bytes, extension, target, &Options::default()));
    key
}

/// A `Hasher` that keeps what is written to it (the key's bytes, hashed whole afterwards).
struct Collect(Vec<u8>);

impl Hasher for Collect {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// Not a hash: nothing derived asks for one midway.
    fn finish(&self) -> u64 {
        self.0.len() as u64
    }
}

/// This program's identity: a rebuilt binary (same version, other code) never reads the
/// entries of another.
fn this_program() -> String {
    match std::fs::metadata("/proc/self/exe") {
        Ok(m) => format!(
            "{}:{}:{}:{}.{}",
            m.dev(),
            m.ino(),
            m.size(),
            m.mtime(),
            m.mtime_nsec()
        ),
        Err(_) => "unknown".into(),
    }
}

/// The entry at `path`, if it is sound and made for `key`. Opened without following a link
/// and without waiting on a pipe, then checked on what was opened.
fn read(path: &Path, key: &Key) -> Option<Compiled> {
    let compiled = key.open(&read_entry(path)?)?;
    let program = Program::from_bytes(&compiled.bpf).ok()?;
    if program.validate().is_err() {
        return None;
    }
    Some(compiled)
}

/// The bytes of the entry at `path`, if it is a file of the user's, closed to others. Opened
/// without following a link and without waiting on a pipe, then checked on what was opened;
/// its time is set to now, its last use, for trimming.
fn read_entry(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || !private(&meta) {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()? + 1);
    file.read_to_end(&mut bytes).ok()?;
    // The owner may set the time through a read-only handle; a failure only makes it look
    // older.
    let _ = file.set_modified(std::time::SystemTime::now());
    Some(bytes)
}

mod entry;
#[cfg(test)]
mod tests;
