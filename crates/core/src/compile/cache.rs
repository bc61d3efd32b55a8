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
//! guard against accidents, not forgery. Anything else is a miss: the filter is compiled
//! again and the entry rewritten.

use super::runtime::{Limit, Stub};
use super::{build, CompileError, Compiled, Options};
use crate::bpf::Program;
use crate::i18n::Text;
use crate::profile::{Arch, Diagnostic, LibseccompVersion, LintId, Pos, Profile, Severity, Target};
use serde_json::{json, Value};
use std::hash::{Hash, Hasher};
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
        let key = key_of(profile, target, options);
        let path = self.dir.join(format!("{}.{ENTRY}", name_of(&key)));
        if let Some(hit) = self.usable_dir().then(|| read(&path, &key)).flatten() {
            return Ok(hit);
        }
        let compiled = build(profile, target, options)?;
        if self.ready() {
            let body = encode(&compiled);
            let sum = name_of(&format!("{key}{body}"));
            let text = json!({ "sum": sum, "compiled": body }).to_string();
            if store(&path, &text).is_ok() {
                self.trim();
            }
        }
        Ok(compiled)
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
fn store(path: &Path, text: &str) -> std::io::Result<()> {
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
        .and_then(|mut f| f.write_all(text.as_bytes()))
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

/// Everything that decides the filter, as text: the entry must hold exactly this.
fn key_of(profile: &Profile, target: &Target, options: &Options) -> String {
    format!(
        "seccompose {} {}\nlibseccomp {}\n{options:?}\n{target:?}\n{profile:?}",
        env!("CARGO_PKG_VERSION"),
        this_program(),
        LibseccompVersion::host(),
    )
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

/// A file name for a key: 128 bits of two differently seeded hashes (the key itself is
/// compared on reading, so a collision is only a miss).
fn name_of(key: &str) -> String {
    let half = |seed: &str| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", half("a"), half("b"))
}

/// The entry at `path`, if it is sound and made for `key`.
fn read(path: &Path, key: &str) -> Option<Compiled> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || !private(&meta) {
        return None;
    }
    let entry: Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    // The sum covers this key and the body written for it: an entry made for other inputs
    // (under this name by a collision, or copied) or damaged in a way that still reads as
    // JSON fails it.
    if entry["sum"].as_str() != Some(&name_of(&format!("{key}{}", entry["compiled"]))) {
        return None;
    }
    let compiled = decode(&entry["compiled"])?;
    let program = Program::from_bytes(&compiled.bpf).ok()?;
    if program.validate().is_err() {
        return None;
    }
    // Its last use, for trimming; a failure only makes it look older.
    let _ = std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(compiled)
}

fn encode(c: &Compiled) -> Value {
    let hex: String = c.bpf.iter().map(|b| format!("{b:02x}")).collect();
    json!({
        "bpf": hex,
        "arches": c.arches.iter().map(|a| a.scmp_name()).collect::<Vec<_>>(),
        "tree": c.tree,
        "own": [c.own.start, c.own.end],
        "stub": [c.stub.range.start, c.stub.range.end],
        "limits": c.stub.limits.iter().map(|l| json!([l.arch.scmp_name(), l.nr, l.name])).collect::<Vec<_>>(),
        "warnings": c.warnings.iter().map(|d| json!([
            d.severity.to_string(), d.pos.line, d.pos.col, d.message.to_json(), d.code.map(LintId::as_str)
        ])).collect::<Vec<_>>(),
    })
}

fn decode(v: &Value) -> Option<Compiled> {
    let hex = v["bpf"].as_str()?;
    if hex.len() % 16 != 0 {
        return None;
    }
    let bpf = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let arch = |v: &Value| Arch::from_scmp_name(v.as_str()?);
    let range = |v: &Value| {
        Some(usize::try_from(v[0].as_u64()?).ok()?..usize::try_from(v[1].as_u64()?).ok()?)
    };
    let limits = v["limits"]
        .as_array()?
        .iter()
        .map(|l| {
            Some(Limit {
                arch: arch(&l[0])?,
                nr: u32::try_from(l[1].as_u64()?).ok()?,
                name: l[2].as_str()?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let warnings = v["warnings"]
        .as_array()?
        .iter()
        .map(|w| {
            let severity = match w[0].as_str()? {
                "note" => Severity::Note,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                _ => return None,
            };
            let pos = Pos {
                line: u32::try_from(w[1].as_u64()?).ok()?,
                col: u32::try_from(w[2].as_u64()?).ok()?,
            };
            let code = match &w[4] {
                Value::Null => None,
                id => Some(id.as_str()?.parse().ok()?),
            };
            Some(Diagnostic {
                severity,
                pos,
                // Kept as a text, so that it reads in the language of whoever shows it.
                message: Text::from_json(&w[3])?,
                code,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Compiled {
        bpf,
        arches: v["arches"]
            .as_array()?
            .iter()
            .map(arch)
            .collect::<Option<_>>()?,
        tree: v["tree"].as_bool()?,
        own: range(&v["own"])?,
        stub: Stub {
            range: range(&v["stub"])?,
            limits,
        },
        warnings,
    })
}

#[cfg(test)]
mod tests;
