//! What the child needs to exec the command, found and built before fork.
//!
//! The program is looked up in `PATH` here, in the parent, as `execvp` would, so that a
//! command that is missing or not executable is reported before anything starts (exit 127 or
//! 126, as `env` and `timeout` do), and so that the child makes exactly one `execve`, with
//! no allocation, once its filter is installed.

use seccompose_core::i18n::Text;
use seccompose_core::text;
use std::ffi::{c_char, CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

/// Why a command cannot be started, in words for any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotStartable {
    /// No such file, or no such program in `PATH` (exit 127).
    NotFound(Text),
    /// A directory, not executable, or not readable (exit 126).
    NotExecutable(Text),
}

impl NotStartable {
    /// The exit status a shell gives such a command: 127 or 126.
    pub fn exit_code(&self) -> i32 {
        match self {
            NotStartable::NotFound(_) => 127,
            NotStartable::NotExecutable(_) => 126,
        }
    }

    /// Why, for people: `.local()` in their language.
    pub fn text(&self) -> &Text {
        match self {
            NotStartable::NotFound(why) | NotStartable::NotExecutable(why) => why,
        }
    }
}

impl std::fmt::Display for NotStartable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotStartable::NotFound(why) | NotStartable::NotExecutable(why) => {
                f.write_str(&why.english())
            }
        }
    }
}

impl std::error::Error for NotStartable {}

/// The exec of the command, ready for a child that may not allocate.
pub struct Launch {
    path: CString,
    _argv: Vec<CString>,
    _envp: Vec<CString>,
    argv_ptrs: Vec<*const c_char>,
    envp_ptrs: Vec<*const c_char>,
}

// SAFETY: the pointers point into the CStrings owned by the same value, which are never
// changed: moving the value to another thread moves what they point to along.
unsafe impl Send for Launch {}
// SAFETY: as above, and the pointers are only read.
unsafe impl Sync for Launch {}

fn c_string(s: &OsStr) -> Result<CString, NotStartable> {
    CString::new(s.as_bytes()).map_err(|_| {
        NotStartable::NotFound(text!(
            "run-nul-byte",
            arg = s.to_string_lossy().into_owned()
        ))
    })
}

fn pointers(strings: &[CString]) -> Vec<*const c_char> {
    let mut v: Vec<*const c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

impl Launch {
    /// Finds `program` (in `PATH` unless it holds a `/`; relative to `cwd` when given) and
    /// prepares its argument and environment vectors (our own environment).
    pub fn new(
        program: &OsStr,
        args: &[OsString],
        cwd: Option<&Path>,
    ) -> Result<Launch, NotStartable> {
        let path = resolve(program, cwd, std::env::var_os("PATH"))?;
        let argv = std::iter::once(program)
            .chain(args.iter().map(OsString::as_os_str))
            .map(c_string)
            .collect::<Result<Vec<_>, _>>()?;
        let envp = std::env::vars_os()
            .map(|(k, v)| {
                let mut kv = k.into_vec();
                kv.push(b'=');
                kv.extend(v.into_vec());
                CString::new(kv).unwrap_or_default()
            })
            .collect::<Vec<_>>();
        Ok(Launch {
            path: c_string(path.as_os_str())?,
            argv_ptrs: pointers(&argv),
            envp_ptrs: pointers(&envp),
            _argv: argv,
            _envp: envp,
        })
    }

    /// Calls `execve`; returns only when it failed, with its errno. Async-signal-safe.
    pub fn exec(&self) -> i32 {
        // SAFETY: NULL-terminated vectors of NUL-terminated strings, all owned by self.
        unsafe { super::sys::child::execve(&self.path, &self.argv_ptrs, &self.envp_ptrs) }
    }
}

/// Whether `path` can be executed by us: a file with execute permission.
fn check_executable(path: &Path) -> Result<(), NotStartable> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(NotStartable::NotFound(text!(
                "run-no-such-file",
                path = shown
            )))
        }
        Err(e) => {
            return Err(NotStartable::NotExecutable(text!(
                "run-cannot-look",
                path = shown,
                error = e.to_string()
            )))
        }
    };
    if meta.is_dir() {
        return Err(NotStartable::NotExecutable(text!(
            "run-is-a-directory",
            path = shown
        )));
    }
    let c = c_string(path.as_os_str())?;
    if let Err(e) = nix::unistd::access(c.as_c_str(), nix::unistd::AccessFlags::X_OK) {
        let why = std::io::Error::from(e);
        return Err(NotStartable::NotExecutable(text!(
            "run-not-executable",
            path = shown,
            error = why.to_string()
        )));
    }
    Ok(())
}

/// The file `execvp` would run: `program` itself when it holds a `/`, else the first
/// executable `DIR/program` along `path_var` (an empty entry is the working directory).
pub fn resolve(
    program: &OsStr,
    cwd: Option<&Path>,
    path_var: Option<OsString>,
) -> Result<PathBuf, NotStartable> {
    let here = |p: &Path| match cwd {
        Some(dir) if p.is_relative() => dir.join(p),
        _ => p.to_path_buf(),
    };
    let name = program.to_string_lossy();
    if program.is_empty() {
        return Err(NotStartable::NotFound(text!("run-empty-name")));
    }
    if program.as_bytes().contains(&b'/') {
        let path = here(Path::new(program));
        check_executable(&path)?;
        return Ok(path);
    }
    let path_var = path_var.unwrap_or_else(|| OsString::from("/usr/local/bin:/usr/bin:/bin"));
    let mut refused = None;
    for dir in std::env::split_paths(&path_var) {
        let candidate = here(&dir.join(program));
        // Folders we may not search (another user's ~/bin) hide nothing from us.
        if std::fs::metadata(&candidate).is_err() {
            continue;
        }
        match check_executable(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) => refused = refused.or(Some(e)),
        }
    }
    Err(refused.unwrap_or_else(|| {
        NotStartable::NotFound(text!("run-not-in-path", name = name.into_owned()))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_programs_as_execvp_does() {
        let path = Some(OsString::from("/nonexistent:/bin:/usr/bin"));
        let sh = resolve(OsStr::new("sh"), None, path.clone()).unwrap();
        assert!(sh.ends_with("sh"), "{}", sh.display());
        assert_eq!(
            resolve(OsStr::new("no-such-program-here"), None, path.clone())
                .unwrap_err()
                .exit_code(),
            127
        );
        assert_eq!(
            resolve(OsStr::new("/nonexistent/x"), None, None)
                .unwrap_err()
                .exit_code(),
            127
        );
        assert_eq!(
            resolve(OsStr::new("/tmp"), None, None)
                .unwrap_err()
                .exit_code(),
            126
        );
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "data").unwrap();
        assert_eq!(
            resolve(OsStr::new("./plain"), Some(dir.path()), None)
                .unwrap_err()
                .exit_code(),
            126
        );
    }
}
