//! Writing a profile: canonical pretty JSON, saved atomically.

use super::model::*;
use serde_json::{Map, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Builds a JSON object from known keys in canonical order, weaving extras back in.
struct ObjectWriter<'e> {
    map: Map<String, Value>,
    extras: &'e Extras,
}

impl<'e> ObjectWriter<'e> {
    fn new(extras: &'e Extras) -> Self {
        let mut w = ObjectWriter {
            map: Map::new(),
            extras,
        };
        w.extras_after(None);
        w
    }

    fn extras_after(&mut self, key: Option<&'static str>) {
        for (after, k, v) in &self.extras.fields {
            if *after == key {
                self.map.insert(k.clone(), v.clone());
            }
        }
    }

    /// Writes `key` (or an explicit null the source had) and the extras that followed it.
    fn field(&mut self, key: &'static str, value: Option<Value>) {
        match value {
            Some(v) => {
                self.map.insert(key.to_string(), v);
            }
            None if self.extras.is_null(key) => {
                self.map.insert(key.to_string(), Value::Null);
            }
            None => {}
        }
        self.extras_after(Some(key));
    }

    fn finish(self) -> Value {
        Value::Object(self.map)
    }
}

fn strings<T>(items: &[T], f: impl Fn(&T) -> String) -> Value {
    Value::Array(items.iter().map(|x| Value::String(f(x))).collect())
}

fn text(s: &Option<String>) -> Option<Value> {
    s.as_ref().map(|s| Value::String(s.clone()))
}

fn number(n: Option<u64>) -> Option<Value> {
    n.map(Value::from)
}

/// The profile as a JSON value, keys in canonical order.
pub fn to_value(p: &Profile) -> Value {
    let mut w = ObjectWriter::new(&p.extras);
    for &key in PROFILE_KEYS {
        let v = match key {
            "defaultAction" => Some(Value::String(p.default_action.name().into())),
            "defaultErrnoRet" => number(p.default_errno_ret),
            "defaultErrno" => text(&p.default_errno),
            "listenerPath" => text(&p.listener_path),
            "listenerMetadata" => text(&p.listener_metadata),
            "architectures" => p
                .architectures
                .as_ref()
                .map(|a| strings(a, |x| x.scmp_name().into())),
            "archMap" => p
                .arch_map
                .as_ref()
                .map(|m| Value::Array(m.iter().map(arch_map_entry).collect())),
            "flags" => p.flags.as_ref().map(|f| strings(f, Clone::clone)),
            _ => p
                .syscalls
                .as_ref()
                .map(|r| Value::Array(r.iter().map(rule).collect())),
        };
        w.field(key, v);
    }
    w.finish()
}

fn arch_map_entry(e: &ArchMapEntry) -> Value {
    let mut w = ObjectWriter::new(&e.extras);
    w.field(
        "architecture",
        Some(Value::String(e.architecture.scmp_name().into())),
    );
    w.field(
        "subArchitectures",
        e.sub_architectures
            .as_ref()
            .map(|s| strings(s, |x| x.scmp_name().into())),
    );
    w.finish()
}

fn rule(r: &Rule) -> Value {
    let mut w = ObjectWriter::new(&r.extras);
    for &key in RULE_KEYS {
        let v = match key {
            "name" => match &r.names {
                Some(Names::Single(s)) => Some(Value::String(s.clone())),
                _ => None,
            },
            "names" => match &r.names {
                Some(Names::List(v)) => Some(strings(v, Clone::clone)),
                _ => None,
            },
            "action" => Some(Value::String(r.action.name().into())),
            "errnoRet" => number(r.errno_ret),
            "errno" => text(&r.errno),
            "args" => r
                .args
                .as_ref()
                .map(|a| Value::Array(a.iter().map(arg).collect())),
            "comment" => text(&r.comment),
            "includes" => r.includes.as_ref().map(filter),
            _ => r.excludes.as_ref().map(filter),
        };
        w.field(key, v);
    }
    w.finish()
}

fn arg(a: &ArgCond) -> Value {
    let mut w = ObjectWriter::new(&a.extras);
    w.field("index", Some(Value::from(a.index)));
    w.field("value", Some(Value::from(a.value)));
    w.field("valueTwo", number(a.value_two));
    w.field("op", Some(Value::String(a.op.name().into())));
    w.finish()
}

fn filter(f: &Filter) -> Value {
    let mut w = ObjectWriter::new(&f.extras);
    w.field("caps", f.caps.as_ref().map(|c| strings(c, Clone::clone)));
    w.field(
        "arches",
        f.arches.as_ref().map(|c| strings(c, Clone::clone)),
    );
    w.field("minKernel", text(&f.min_kernel));
    w.finish()
}

/// The canonical text: pretty JSON with 2-space indent and a final newline.
pub fn to_canonical_string(p: &Profile) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(p)).expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// The backup path for a file: `FILE~`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("~");
    PathBuf::from(name)
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, fsync, rename.
/// With `keep_backup`, the previous content stays as `FILE~`. The file's permissions are kept.
pub fn write_atomic(path: &Path, text: &str, keep_backup: bool) -> std::io::Result<()> {
    // Write through symlinks to the file they name rather than replacing the link.
    let path = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    // A device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`) is written to, never
    // replaced: renaming over it would put a regular file in its place.
    if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(&path)?
            .write_all(text.as_bytes());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".seccompose-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(text.as_bytes())?;
    let old = std::fs::metadata(&path).ok();
    if let Some(meta) = &old {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    if keep_backup && old.is_some() {
        let backup = backup_path(&path);
        let _ = std::fs::remove_file(&backup);
        if std::fs::hard_link(&path, &backup).is_err() {
            std::fs::copy(&path, &backup)?;
        }
    }
    tmp.persist(&path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves a profile in canonical form (see [`write_atomic`]).
pub fn save(path: &Path, p: &Profile, keep_backup: bool) -> std::io::Result<()> {
    write_atomic(path, &to_canonical_string(p), keep_backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_written_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, "hello\n", true).unwrap();
        assert_eq!(reader.join().unwrap(), "hello\n");
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "still a FIFO"
        );
        assert!(!backup_path(&fifo).exists(), "no backup of a FIFO");
    }

    #[test]
    fn regular_files_get_a_backup_and_keep_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.json");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&file, "new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(backup_path(&file)).unwrap(), "old");
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
