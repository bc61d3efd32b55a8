//! The listener probe `doctor` runs for each runtime: a container whose profile denies mkdir
//! runs `mkdir` observed, and passes when the runtime connected to seccompose's listener,
//! handed over the notification fd, and the command's mkdir came through it. Its root
//! filesystem is an empty folder with the host's own program folders bind-mounted read-only
//! (so nothing needs installing), made in seccompose's state folder and removed afterwards.

use super::{bundle, runtime, ContainerOptions, NeverConnected, Phase, Runtime};
use seccompose_core::profile::{Action, Profile, Rule, Target};
use serde_json::json;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// The host folders a dynamically linked program needs (a link on a merged-/usr system is
/// copied as the same link).
const HOST_FOLDERS: &[&str] = &["usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32"];

/// Runs the probe with `rt`: Ok when the runtime passed the notification fd and the probe's
/// call was reported through it, else what went wrong.
pub fn listener_probe(rt: &Runtime) -> Result<(), String> {
    let state = runtime::state_folder()?;
    let dir = state.join(format!("probe-{}", runtime::container_name()));
    let result = probe_in(rt, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn probe_in(rt: &Runtime, dir: &Path) -> Result<(), String> {
    let rootfs = dir.join("rootfs");
    std::fs::create_dir_all(&rootfs).map_err(|e| format!("{}: {e}", rootfs.display()))?;
    let mut mounts = Vec::new();
    for name in HOST_FOLDERS {
        let host = Path::new("/").join(name);
        let Ok(meta) = host.symlink_metadata() else {
            continue;
        };
        let inside = rootfs.join(name);
        let made = if meta.is_symlink() {
            std::fs::read_link(&host).and_then(|to| std::os::unix::fs::symlink(to, &inside))
        } else {
            mounts.push(json!({"destination": host, "type": "bind", "source": host,
                               "options": ["rbind", "ro"]}));
            std::fs::create_dir(&inside)
        };
        made.map_err(|e| format!("{}: {e}", inside.display()))?;
    }
    let target = Target::host();
    let settings = bundle::Settings {
        caps: target.caps.iter().cloned().collect(),
        ..bundle::Settings::default()
    };
    let args = ["mkdir".to_string(), "/probe".to_string()];
    let mut config = bundle::written(&rootfs, &args, &settings);
    if let Some(m) = config["mounts"].as_array_mut() {
        m.extend(mounts);
    }
    let mut profile = Profile::new(Action::Allow);
    profile.syscalls = Some(vec![Rule::new(
        vec!["mkdir".into(), "mkdirat".into()],
        Action::Errno,
    )]);
    let options = ContainerOptions {
        runtime: Some(rt.path.to_string_lossy().into_owned()),
        timeout: Some(Duration::from_secs(20)),
        ..ContainerOptions::default()
    };
    let stop = Arc::new(AtomicBool::new(false));
    // The container's standard streams go nowhere.
    let quiet = super::Attached {
        stdio: Some((Stdio::null(), Stdio::null(), Stdio::null())),
        ..super::Attached::default()
    };
    let finished = super::run_prepared(&profile, &target, &options, (quiet, stop), || {
        Ok(bundle::Prepared {
            config,
            rootfs: rootfs.clone(),
            no_new_privileges: false,
        })
    })
    .map_err(|e| e.to_string())?;
    if let Some(e) = &finished.runtime_error {
        return Err(format!("the probe's container did not start: {e}"));
    }
    match finished.never_connected {
        Some(NeverConnected::Ended) => {
            return Err("it ended without connecting to the listener (listenerPath)".into())
        }
        Some(NeverConnected::TimedOut(wait)) => {
            return Err(format!(
                "it did not connect to the listener (listenerPath) within {} s",
                wait.as_secs_f64()
            ))
        }
        None => {}
    }
    let seen = finished
        .stops
        .iter()
        .any(|(p, s)| *p == Phase::Command && s.name.is_some_and(|n| n.starts_with("mkdir")));
    if seen {
        Ok(())
    } else {
        Err(format!(
            "it handed over a notification fd, but the probe's mkdir was not reported through \
             it (the container ended with status {})",
            crate::exit_code(finished.termination)
        ))
    }
}
