//! The private bundle a container run uses: the user's `config.json` with only what the run
//! needs replaced (the seccomp object, the command), or one written for a bare root
//! filesystem with Docker's defaults where they matter to seccomp. The user's files are only
//! read.

use serde_json::{json, Value};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Docker's `PATH` for a container.
const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// What the run asks of the container, beyond the command.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `noNewPrivileges` for a bare root filesystem (Docker's default: off).
    pub no_new_privileges: bool,
    /// The working directory in the container (default `/`).
    pub workdir: Option<String>,
    /// The capabilities the command gets (Docker's default set and `--cap`).
    pub caps: Vec<String>,
}

/// A configuration ready to be written into the private bundle.
#[derive(Debug)]
pub struct Prepared {
    /// The configuration, `linux.seccomp` still to be set.
    pub config: Value,
    /// The root filesystem, absolute.
    pub rootfs: PathBuf,
    /// Whether `noNewPrivileges` is on.
    pub no_new_privileges: bool,
}

/// Why a bundle cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// DIR is neither a bundle nor a root filesystem.
    #[error("{0}")]
    Unusable(String),
    /// The command is not in the root filesystem.
    #[error("{}", .0.english())]
    NoCommand(seccompose_core::i18n::Text),
}

/// Reads DIR: an OCI bundle (`config.json` beside its root) or a bare root filesystem.
pub fn prepare(
    dir: &Path,
    argv: &[OsString],
    settings: &Settings,
) -> Result<Prepared, BundleError> {
    let dir = dir
        .canonicalize()
        .map_err(|e| BundleError::Unusable(format!("{}: {e}", dir.display())))?;
    let config_path = dir.join("config.json");
    let args: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut config = if config_path.is_file() {
        let mut config = read_config(&config_path)?;
        let root = config["root"]["path"].as_str().unwrap_or("rootfs");
        config["root"]["path"] = json!(dir.join(root));
        config["process"]["args"] = json!(args);
        config["process"]["terminal"] = json!(false);
        config
    } else {
        written(&dir, &args, settings)
    };
    let rootfs = PathBuf::from(config["root"]["path"].as_str().unwrap_or_default());
    if !rootfs.is_dir() {
        return Err(BundleError::Unusable(format!(
            "{}: no root filesystem there",
            rootfs.display()
        )));
    }
    find_command(&rootfs, &args[0], &config)?;
    if let Some(linux) = config.get_mut("linux").and_then(Value::as_object_mut) {
        linux.shift_remove("seccomp");
    }
    let no_new_privileges = config["process"]["noNewPrivileges"].as_bool() == Some(true);
    Ok(Prepared {
        config,
        rootfs,
        no_new_privileges,
    })
}

/// A bundle's `config.json`, read and checked to be an OCI runtime configuration.
fn read_config(config_path: &Path) -> Result<Value, BundleError> {
    let text = std::fs::read_to_string(config_path)
        .map_err(|e| BundleError::Unusable(format!("{}: {e}", config_path.display())))?;
    let config: Value = serde_json::from_str(&text).map_err(|e| {
        BundleError::Unusable(format!(
            "{}:{}:{}: error: {}",
            config_path.display(),
            e.line(),
            e.column(),
            without_position(&e.to_string())
        ))
    })?;
    if !config.is_object() || !config["process"].is_object() {
        return Err(BundleError::Unusable(format!(
            "{}: error: not an OCI runtime configuration (no \"process\" object)",
            config_path.display()
        )));
    }
    Ok(config)
}

/// What a container run's DIR is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirKind {
    /// An OCI bundle: `config.json` beside its root filesystem.
    Bundle,
    /// A bare root filesystem.
    RootFs,
}

/// Top-level folders of which every root filesystem has at least one.
const ROOT_ENTRIES: [&str; 5] = ["bin", "sbin", "usr", "lib", "etc"];

/// Whether `dir` can be a container run's DIR, before any command is chosen: an OCI bundle
/// whose configuration reads and whose root filesystem is there, or a root filesystem (other
/// than this machine's own); Err says why not.
pub fn inspect(dir: &Path) -> Result<DirKind, BundleError> {
    let unusable = |why: &str| BundleError::Unusable(format!("{}: {why}", dir.display()));
    let full = dir
        .canonicalize()
        .map_err(|e| BundleError::Unusable(format!("{}: {e}", dir.display())))?;
    if !full.is_dir() {
        return Err(unusable("not a folder"));
    }
    let config_path = full.join("config.json");
    if config_path.is_file() {
        let config = read_config(&config_path)?;
        let rootfs = full.join(config["root"]["path"].as_str().unwrap_or("rootfs"));
        if !rootfs.is_dir() {
            return Err(BundleError::Unusable(format!(
                "{}: the bundle's root filesystem is not there",
                rootfs.display()
            )));
        }
        return Ok(DirKind::Bundle);
    }
    if full == Path::new("/") {
        return Err(unusable(
            "this machine's own root, not a container's root filesystem",
        ));
    }
    if ROOT_ENTRIES
        .iter()
        .any(|e| std::fs::symlink_metadata(full.join(e)).is_ok())
    {
        return Ok(DirKind::RootFs);
    }
    Err(unusable(
        "neither an OCI bundle (no config.json) nor a root filesystem (none of bin, sbin, usr, \
         lib, etc)",
    ))
}

/// serde_json's message without its " at line L column C", which the caller puts first.
fn without_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// The configuration for a bare root filesystem: a container as Docker makes one, where that
/// matters to seccomp; rootless (a user namespace mapping only the user) for an ordinary user.
pub(super) fn written(rootfs: &Path, args: &[String], settings: &Settings) -> Value {
    let (uid, gid) = (
        nix::unistd::geteuid().as_raw(),
        nix::unistd::getegid().as_raw(),
    );
    let rootless = uid != 0;
    let term = std::env::var("TERM").unwrap_or_else(|_| "xterm".into());
    let mut namespaces = vec![
        json!({"type": "pid"}),
        json!({"type": "ipc"}),
        json!({"type": "uts"}),
        json!({"type": "mount"}),
        json!({"type": "network"}),
    ];
    // A user namespace lets an ordinary user be root in the container, as rootless runc does.
    let sys = if rootless {
        namespaces.push(json!({"type": "user"}));
        json!({"destination": "/sys", "type": "none", "source": "/sys",
               "options": ["rbind", "nosuid", "noexec", "nodev", "ro"]})
    } else {
        json!({"destination": "/sys", "type": "sysfs", "source": "sysfs",
               "options": ["nosuid", "noexec", "nodev", "ro"]})
    };
    let mut linux = json!({
        "namespaces": namespaces,
        "maskedPaths": ["/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                        "/proc/timer_list", "/proc/sched_debug", "/sys/firmware", "/proc/scsi"],
        "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
    });
    if rootless {
        linux["uidMappings"] = json!([{"containerID": 0, "hostID": uid, "size": 1}]);
        linux["gidMappings"] = json!([{"containerID": 0, "hostID": gid, "size": 1}]);
    }
    let mut mounts = vec![
        json!({"destination": "/proc", "type": "proc", "source": "proc"}),
        json!({"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
               "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]}),
        json!({"destination": "/dev/pts", "type": "devpts", "source": "devpts",
               "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]}),
        json!({"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
               "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]}),
        json!({"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
               "options": ["nosuid", "noexec", "nodev"]}),
        sys,
    ];
    if !rootless {
        // devpts's gid=5 exists only when the namespace maps it.
        mounts[2]["options"]
            .as_array_mut()
            .into_iter()
            .for_each(|o| o.push(json!("gid=5")));
    }
    json!({
        "ociVersion": "1.0.2",
        "process": {
            "terminal": false,
            "user": {"uid": 0, "gid": 0},
            "args": args,
            "env": [format!("PATH={PATH}"), format!("TERM={term}")],
            "cwd": settings.workdir.clone().unwrap_or_else(|| "/".into()),
            "capabilities": {
                "bounding": settings.caps,
                "effective": settings.caps,
                "permitted": settings.caps,
            },
            "noNewPrivileges": settings.no_new_privileges,
        },
        "root": {"path": rootfs, "readonly": false},
        "hostname": "seccompose",
        "mounts": mounts,
        "linux": linux,
    })
}

/// Checks that the command exists in the root filesystem, as the runtime will look for it
/// (a name without a slash along the configuration's `PATH`); the error reads as a shell's.
fn find_command(rootfs: &Path, program: &str, config: &Value) -> Result<(), BundleError> {
    let exists = |inside: &str| {
        let p = rootfs.join(inside.trim_start_matches('/'));
        // A symbolic link points inside the container: that it is there is enough.
        std::fs::symlink_metadata(&p).is_ok()
    };
    if program.contains('/') {
        let cwd = config["process"]["cwd"].as_str().unwrap_or("/");
        let inside = if program.starts_with('/') {
            program.to_string()
        } else {
            format!("{cwd}/{program}")
        };
        return if exists(&inside) {
            Ok(())
        } else {
            Err(BundleError::NoCommand(seccompose_core::text!(
                "run-container-no-such-file",
                program = program,
                root = rootfs.display().to_string()
            )))
        };
    }
    let path = config["process"]["env"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or(PATH)
        .to_string();
    let found = std::env::split_paths(std::ffi::OsStr::from_bytes(path.as_bytes()))
        .any(|d| exists(&format!("{}/{program}", d.display())));
    if found {
        Ok(())
    } else {
        Err(BundleError::NoCommand(seccompose_core::text!(
            "run-container-not-in-path",
            program = program,
            root = rootfs.display().to_string()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rootfs_with(file: &str) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(file);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
        d
    }

    #[test]
    fn a_bare_root_gets_dockers_defaults() {
        let d = rootfs_with("bin/sh");
        let argv = [OsString::from("sh")];
        let settings = Settings {
            caps: vec!["CAP_CHOWN".into()],
            ..Settings::default()
        };
        let p = prepare(d.path(), &argv, &settings).unwrap();
        assert!(!p.no_new_privileges);
        assert_eq!(p.config["process"]["cwd"], "/");
        assert_eq!(
            p.config["process"]["capabilities"]["bounding"][0],
            "CAP_CHOWN"
        );
        assert_eq!(p.config["process"]["args"][0], "sh");
        assert!(p.config["linux"].get("seccomp").is_none());
        let e = prepare(d.path(), &[OsString::from("nothere")], &settings).unwrap_err();
        assert!(matches!(e, BundleError::NoCommand(_)), "{e}");
        let e = prepare(d.path(), &[OsString::from("/bin/nothere")], &settings).unwrap_err();
        assert!(e.to_string().contains("no such file"), "{e}");
    }

    #[test]
    fn a_dir_is_a_bundle_a_root_filesystem_or_refused_with_the_reason() {
        let root = rootfs_with("bin/sh");
        assert_eq!(inspect(root.path()).unwrap(), DirKind::RootFs);
        let bundle = rootfs_with("rootfs/bin/sh");
        std::fs::write(
            bundle.path().join("config.json"),
            r#"{"process": {}, "root": {"path": "rootfs"}}"#,
        )
        .unwrap();
        assert_eq!(inspect(bundle.path()).unwrap(), DirKind::Bundle);
        let refused = |dir: &Path, why: &str| {
            let e = inspect(dir).unwrap_err().to_string();
            assert!(e.contains(why), "{}: {e}", dir.display());
        };
        refused(
            bundle.path().join("rootfs/bin").as_path(),
            "neither an OCI bundle",
        );
        refused(Path::new("/"), "this machine's own root");
        refused(bundle.path().join("nothere").as_path(), "No such file");
        refused(root.path().join("bin/sh").as_path(), "not a folder");
        std::fs::write(bundle.path().join("config.json"), "{\n  \"root\": ,\n}").unwrap();
        refused(bundle.path(), "config.json:2:");
        std::fs::write(
            bundle.path().join("config.json"),
            r#"{"process": {}, "root": {"path": "elsewhere"}}"#,
        )
        .unwrap();
        refused(bundle.path(), "root filesystem is not there");
    }

    #[test]
    fn a_bundle_keeps_its_settings_and_an_invalid_one_says_where() {
        let d = rootfs_with("rootfs/bin/true");
        let config = d.path().join("config.json");
        let text = r#"{"process": {"args": ["x"], "noNewPrivileges": true, "cwd": "/"},
                       "root": {"path": "rootfs"}, "linux": {"seccomp": {}}}"#;
        std::fs::write(&config, text).unwrap();
        let p = prepare(
            d.path(),
            &[OsString::from("/bin/true")],
            &Settings::default(),
        )
        .unwrap();
        assert!(p.no_new_privileges);
        assert_eq!(p.rootfs, d.path().canonicalize().unwrap().join("rootfs"));
        assert!(p.config["linux"].get("seccomp").is_none());
        assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
        std::fs::write(&config, "{\n  \"process\": {,\n}").unwrap();
        let e = prepare(d.path(), &[OsString::from("true")], &Settings::default()).unwrap_err();
        assert!(e.to_string().contains("config.json:2:"), "{e}");
    }
}
