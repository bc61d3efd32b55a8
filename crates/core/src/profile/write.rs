//! Replacing a file safely: the new content appears whole or not at all, and the file keeps
//! what belongs to it (mode, owner, group, other hard links, the link it is reached by).
//!
//! The new content goes into an unnamed file (`O_TMPFILE`) in the same folder, is synced,
//! gets a name with `linkat` and is renamed over the old one: a crash leaves at most a name
//! made a moment before the rename. Where `O_TMPFILE` is not supported a named
//! `.seccompose-PID-N.tmp` is used; either way, such files left by a seccompose that is no
//! longer running are removed at the next save in that folder. A file with several hard
//! links is written in place (a rename would split it from its other names), and so is one
//! whose owner a rename would change and cannot be given back (not root): a complete copy of
//! the old content is made durable as `FILE~` before such a write, so a crash in its middle
//! loses nothing. A read-only file is refused unless forced.

use std::ffi::CString;
use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// How a write may treat the file it replaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Keep the previous content as `FILE~`.
    pub keep_backup: bool,
    /// Replace a read-only file too.
    pub force: bool,
}

/// A file that has no write permission: it is not replaced unless forced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::msg!("err-read-only", file = path.display().to_string(), mode = format!("{mode:04o}")))]
pub struct ReadOnly {
    /// The file.
    pub path: PathBuf,
    /// Its permission bits.
    pub mode: u32,
}

/// The [`ReadOnly`] inside an error returned by [`write_file`], if that is what it was.
pub fn read_only_error(e: &io::Error) -> Option<&ReadOnly> {
    e.get_ref()?.downcast_ref::<ReadOnly>()
}

/// The backup path for a file: `FILE~`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("~");
    PathBuf::from(name)
}

/// Writes `text` to `path` atomically, keeping the previous content as `FILE~` with
/// `keep_backup`; refuses a read-only file (see [`write_file`]).
pub fn write_atomic(path: &Path, text: &str, keep_backup: bool) -> io::Result<()> {
    write_file(
        path,
        text,
        WriteOptions {
            keep_backup,
            force: false,
        },
    )
}

fn c_path(p: &Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path holds a NUL byte"))
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The process's umask, read without changing it (`umask(2)` can only set it, racing other
/// threads); 022 where /proc does not say.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
        })
        .unwrap_or(0o022)
}

/// Read-only as editors mean it: no write bit at all, or none that applies to us.
fn read_only(path: &Path, meta: &Metadata) -> bool {
    if meta.mode() & 0o222 == 0 {
        return true;
    }
    // SAFETY: access on a NUL-terminated path.
    c_path(path).is_ok_and(|c| unsafe { libc::access(c.as_ptr(), libc::W_OK) } != 0)
}

/// Writes `text` to `path` (see the module documentation). Devices and FIFOs are written to,
/// never replaced. An error leaves the file as it was, except for in-place writes. A new file
/// gets 0666 less the user's umask, as any program's new file does.
pub fn write_file(path: &Path, text: &str, options: WriteOptions) -> io::Result<()> {
    write_with_mode(path, text, options, 0o666 & !umask())
}

/// As [`write_file`] without a backup, a new file readable by its owner only: for the
/// editor's own files (recovery drafts), which nobody else needs to read.
pub fn write_private(path: &Path, text: &str) -> io::Result<()> {
    write_with_mode(path, text, WriteOptions::default(), 0o600)
}

fn write_with_mode(
    path: &Path,
    text: &str,
    options: WriteOptions,
    new_mode: u32,
) -> io::Result<()> {
    let given = path;
    // Write through symlinks to the file they name rather than replacing the link.
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let old = std::fs::metadata(&path).ok();
    if let Some(meta) = &old {
        if !meta.is_file() {
            // `-o /dev/null`, `-o /dev/stdout`: renaming over it would put a file in its place.
            return std::fs::OpenOptions::new()
                .write(true)
                .open(&path)?
                .write_all(text.as_bytes());
        }
        if !options.force && read_only(&path, meta) {
            let mode = meta.mode() & 0o7777;
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                ReadOnly {
                    path: given.to_path_buf(),
                    mode,
                },
            ));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir);
    if let Some(meta) = &old {
        // SAFETY: geteuid has no preconditions.
        let foreign_owner = meta.uid() != unsafe { libc::geteuid() } && !is_root();
        if meta.nlink() > 1 || foreign_owner {
            return write_in_place(&path, text, options.keep_backup);
        }
    }
    if options.keep_backup && old.is_some() {
        make_backup(&path)?;
    }
    let mut tmp = Temporary::create(&dir)?;
    if let Some(meta) = &old {
        // Owner first: fchown clears the set-id bits that fchmod then puts back.
        let ids = if is_root() {
            std::os::unix::fs::fchown(&tmp.file, Some(meta.uid()), Some(meta.gid()))
        } else {
            // Our own file: its group may be one of ours other than our primary group.
            std::os::unix::fs::fchown(&tmp.file, None, Some(meta.gid()))
        };
        if ids.is_err() {
            // A group we cannot give back: keep the file's own inode instead.
            drop(tmp);
            return write_in_place(&path, text, options.keep_backup);
        }
        tmp.file
            .set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    } else {
        tmp.file
            .set_permissions(std::fs::Permissions::from_mode(new_mode))?;
    }
    tmp.file.write_all(text.as_bytes())?;
    tmp.file.sync_all()?;
    tmp.replace(&path)?;
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `FILE~` before the file is replaced by a rename: a hard link to the old content (which the
/// rename leaves alone), or a complete copy where links cannot be made.
fn make_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let _ = std::fs::remove_file(&backup);
    if std::fs::hard_link(path, &backup).is_err() {
        durable_copy(path, &backup)?;
    }
    Ok(())
}

/// A complete copy of `from` at `to`, or none: copied into a temporary, synced, renamed.
fn durable_copy(from: &Path, to: &Path) -> io::Result<()> {
    let dir = match to.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = Temporary::create(dir)?;
    io::copy(&mut File::open(from)?, &mut tmp.file)?;
    let mode = std::fs::metadata(from)?.mode() & 0o777;
    tmp.file
        .set_permissions(std::fs::Permissions::from_mode(mode))?;
    tmp.file.sync_all()?;
    tmp.replace(to)?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Overwrites the file itself (same inode): its links, owner and mode stay. A crash in the
/// middle leaves a file that is neither old nor new, so a complete copy of the old content
/// is made durable as `FILE~` first (and removed afterwards when no backup was asked for).
fn write_in_place(path: &Path, text: &str, keep_backup: bool) -> io::Result<()> {
    let backup = backup_path(path);
    durable_copy(path, &backup)?;
    let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
    f.write_all(text.as_bytes())?;
    f.set_len(text.len() as u64)?;
    f.sync_all()?;
    if !keep_backup {
        let _ = std::fs::remove_file(&backup);
    }
    Ok(())
}

/// The new content on its way in.
struct Temporary {
    file: File,
    /// The name of a named temporary (when `O_TMPFILE` is not supported).
    named: Option<PathBuf>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh name for a temporary file of ours: `.seccompose-PID-N.tmp`.
fn temporary_name(dir: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".seccompose-{}-{n}.tmp", std::process::id()))
}

impl Temporary {
    fn create(dir: &Path) -> io::Result<Temporary> {
        let c_dir = c_path(dir)?;
        // SAFETY: open with a NUL-terminated path; the fd is owned by the File below.
        let fd = unsafe {
            libc::open(
                c_dir.as_ptr(),
                libc::O_TMPFILE | libc::O_WRONLY | libc::O_CLOEXEC,
                0o600,
            )
        };
        if fd >= 0 {
            // SAFETY: a fresh fd that nothing else owns.
            let file = unsafe { File::from_raw_fd(fd) };
            return Ok(Temporary { file, named: None });
        }
        // Not supported by this filesystem (or kernel): a named file, removed if we fail.
        loop {
            let name = temporary_name(dir);
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode_0600()
                .open(&name)
            {
                Ok(file) => {
                    return Ok(Temporary {
                        file,
                        named: Some(name),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Puts the content at `path`, replacing what was there in one step.
    fn replace(mut self, path: &Path) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = match self.named.take() {
            Some(name) => name,
            None => {
                // An unnamed file gets a name only now, for the moment until the rename.
                let name = temporary_name(dir);
                let proc_path = c_path(Path::new(&format!(
                    "/proc/self/fd/{}",
                    self.file.as_raw_fd()
                )))?;
                let c_name = c_path(&name)?;
                // SAFETY: NUL-terminated paths; following the /proc link names the open file.
                let rc = unsafe {
                    libc::linkat(
                        libc::AT_FDCWD,
                        proc_path.as_ptr(),
                        libc::AT_FDCWD,
                        c_name.as_ptr(),
                        libc::AT_SYMLINK_FOLLOW,
                    )
                };
                if rc != 0 {
                    return Err(io::Error::last_os_error());
                }
                name
            }
        };
        std::fs::rename(&name, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&name);
        })
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(name) = &self.named {
            let _ = std::fs::remove_file(name);
        }
    }
}

/// `OpenOptions::mode(0o600)` under a name that reads well in a chain.
trait Private {
    fn mode_0600(&mut self) -> &mut Self;
}

impl Private for std::fs::OpenOptions {
    fn mode_0600(&mut self) -> &mut Self {
        std::os::unix::fs::OpenOptionsExt::mode(self, 0o600)
    }
}

/// Removes `.seccompose-PID-N.tmp` files in `dir` that are ours (same owner) and whose
/// seccompose is no longer running, and older `.seccompose-XXXXXX.tmp` ones (the names of
/// earlier versions) that are over an hour old.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(middle) = name
            .to_str()
            .and_then(|n| n.strip_prefix(".seccompose-"))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || meta.uid() != me {
            continue;
        }
        let stale = match middle.split_once('-') {
            Some((pid, n)) if n.bytes().all(|b| b.is_ascii_digit()) => {
                pid.parse::<i32>().is_ok_and(|pid| !process_alive(pid))
            }
            _ => meta
                .modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600),
        };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid, 0) == 0 || *libc::__errno_location() == libc::EPERM }
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
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "only the file and its backup: {names:?}");
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A pid above the kernel's maximum is never alive.
        let dead = dir.path().join(".seccompose-99999999-0.tmp");
        let alive = dir
            .path()
            .join(format!(".seccompose-{}-77.tmp", std::process::id()));
        let other = dir.path().join(".seccompose-notes.txt");
        for f in [&dead, &alive, &other] {
            std::fs::write(f, "x").unwrap();
        }
        write_atomic(&dir.path().join("p.json"), "{}", false).unwrap();
        assert!(!dead.exists());
        assert!(alive.exists(), "a running seccompose's file stays");
        assert!(other.exists(), "not a temporary of ours");
    }

    #[test]
    fn private_files_are_made_for_their_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("draft.json");
        write_private(&file, "{}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().mode() & 0o7777;
        assert_eq!(mode(&file), 0o600);
        // An existing file keeps its own mode.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_private(&file, "{ }").unwrap();
        assert_eq!(
            (
                mode(&file),
                std::fs::read_to_string(&file).unwrap().as_str()
            ),
            (0o640, "{ }")
        );
    }
}
