//! What surrounds a container run: its JSON report, doctor's listener probe of each runtime,
//! and `seccompose agent` serving runtimes that connect by themselves (runc run by hand here,
//! as Docker's and podman's would).

use crate::common;

use super::container::{available, eventually, sleepers, Place, DENY_CAPSET, DENY_MKDIR};
use super::container_failures::{stand_in, StandIn};
use common::users::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

/// The keys of a JSON object.
fn keys(v: &serde_json::Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// `run --container --report OUT`: the file a host run's `--report` writes (its keys, at the
/// top and in each summary line), with each stop's phase and `container` as the containment:
/// a capset stop in runc's start-up (the container does not start: 125 and runc's error), a
/// mkdir stop in the command (its exit status).
#[test]
fn a_container_run_writes_the_hosts_report_with_phases() {
    if !available() {
        return;
    }
    let profile = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["capset"], "action": "SCMP_ACT_ERRNO"},
        {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#;
    for who in users() {
        let place = Place::new(who, profile);
        let folder = place.profile.parent().unwrap();
        let read = |name: &str| -> serde_json::Value {
            let text = std::fs::read_to_string(folder.join(name)).unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let report = folder.join("start-up.json");
        let out = place.run(&["--report", report.to_str().unwrap(), "--", "true"]);
        assert_eq!(out.status.code(), Some(125), "{who:?}: {}", stderr(&out));
        let r = read("start-up.json");
        assert_eq!(r["exit_code"], 125, "{r}");
        assert_eq!(r["containment"], "container", "{r}");
        assert_eq!(r["started"], false, "{r}");
        assert_eq!(r["runtime"]["name"], "runc", "{r}");
        assert!(
            r["runtime"]["error"]
                .as_str()
                .is_some_and(|e| e.contains("operation not permitted")),
            "{r}"
        );
        assert_eq!(r["summary"][0]["syscall"], "capset", "{r}");
        assert_eq!(r["summary"][0]["phase"], "runtime", "{r}");
        assert_eq!(r["summary"][0]["rule"], 0, "{r}");
        let events = r["events"].as_array().unwrap();
        assert!(
            !events.is_empty() && events.iter().all(|e| e["phase"] == "runtime"),
            "{r}"
        );

        let report = folder.join("command.json");
        let out = place.run(&[
            "--no-new-privileges",
            "--report",
            report.to_str().unwrap(),
            "--",
            "mkdir",
            "/tmp/x",
        ]);
        assert_eq!(out.status.code(), Some(1), "{who:?}: {}", stderr(&out));
        let container = read("command.json");
        assert_eq!(container["exit_code"], 1, "{container}");
        assert_eq!(container["started"], true, "{container}");
        assert_eq!(container["containment"], "container", "{container}");
        let line = &container["summary"][0];
        assert_eq!(
            (&line["syscall"], &line["phase"], &line["rule"]),
            (&"mkdir".into(), &"command".into(), &1.into()),
            "{container}"
        );
        assert_eq!(
            container["events"][0]["strings"][0], "/tmp/x",
            "{container}"
        );
        assert_eq!(container["events"][0]["phase"], "command", "{container}");

        // The host's report of the same stop: every key it has, the container's has too.
        let report = folder.join("host.json");
        let out = run_as(who, &place.profile, false)
            .arg("--report")
            .arg(&report)
            .arg("--")
            .arg("mkdir")
            .arg(folder.join("x"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{who:?}: {}", stderr(&out));
        let host = read("host.json");
        for (host, container) in [
            (&host, &container),
            (&host["summary"][0], &container["summary"][0]),
            (&host["events"][0], &container["events"][0]),
        ] {
            let theirs = keys(container);
            let missing: Vec<String> = keys(host)
                .into_iter()
                .filter(|k| !theirs.contains(k))
                .collect();
            assert!(missing.is_empty(), "{who:?}: {missing:?} in {container}");
        }
        place.assert_no_container(who);
    }
}

/// The entries of seccompose's state folder and of its bundles and runc folders: what a
/// probe or run may have left.
fn state_left(runtime_dir: &std::path::Path) -> Vec<String> {
    let state = runtime_dir.join("seccompose");
    ["", "bundles", "runc"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(state.join(sub)).into_iter().flatten())
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "bundles" && n != "runc")
        .collect()
}

/// `doctor` runs the listener probe with each runtime found: the real runc passes it (as
/// root, and rootless as nobody), leaving nothing in the state folder; a stand-in `runc` that
/// ignores listenerPath (first on PATH) fails it, saying why.
#[test]
fn doctor_probes_the_runtimes_listener() {
    if !available() {
        return;
    }
    for who in users() {
        let place = Place::new(who, DENY_MKDIR);
        let doctor = |path: Option<&std::path::Path>| {
            let mut cmd = seccompose(who);
            cmd.arg("doctor")
                .env("XDG_RUNTIME_DIR", &place.runtime_dir)
                .env(seccompose::sandbox::container::CONNECT_TIMEOUT_VAR, "1");
            if let Some(dir) = path {
                let path = std::env::var("PATH").unwrap_or_default();
                cmd.env("PATH", format!("{}:{path}", dir.display()));
            }
            let out = cmd.output().unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let text = doctor(None);
        let line = text
            .lines()
            .find(|l| l.contains("container runtime") && l.contains("/runc)"))
            .unwrap_or_else(|| panic!("{who:?}: no runc line: {text}"));
        assert!(line.starts_with("ok "), "{who:?}: {line}");
        assert!(
            line.contains("passed the listener probe"),
            "{who:?}: {line}"
        );
        let left = state_left(&place.runtime_dir);
        assert!(left.is_empty(), "{who:?}: {left:?}");

        let marker = format!("{}", 6_000_000 + std::process::id() * 2 + who as u32);
        let dir = place.rootfs.parent().unwrap();
        for (how, why) in [
            (
                StandIn::Stays,
                "failed the listener probe: it did not connect to the listener (listenerPath) \
                 within 1 s",
            ),
            (
                StandIn::Ends,
                "failed the listener probe: it ended without connecting to the listener",
            ),
        ] {
            let bin = dir.join(format!("bin-{}", how as u8));
            std::fs::create_dir_all(&bin).unwrap();
            std::fs::copy(stand_in(dir, &marker, how), bin.join("runc")).unwrap();
            Command::new("chmod")
                .arg("-R")
                .arg("a+rx")
                .arg(&bin)
                .status()
                .unwrap();
            let text = doctor(Some(&bin));
            let line = text
                .lines()
                .find(|l| l.contains(&format!("{}/runc)", bin.display())))
                .unwrap_or_else(|| panic!("{who:?}: no stand-in line: {text}"));
            assert!(line.starts_with("warning "), "{who:?}: {line}");
            assert!(line.contains(why), "{who:?}: {line}");
            assert!(sleepers(&marker).is_empty(), "{who:?}: container left");
            let left = state_left(&place.runtime_dir);
            assert!(left.is_empty(), "{who:?}: {left:?}");
        }
    }
}

/// A bundle for runc run by hand, as an engine would make it: runc's own template (rootless
/// for nobody, mapping nobody), the busybox root, `seccomp` as its profile, noNewPrivileges as
/// asked.
fn bundle_by_hand(
    place: &Place,
    who: As,
    seccomp: &serde_json::Value,
    no_new_privileges: bool,
) -> PathBuf {
    let bundle = place.rootfs.parent().unwrap().join("bundle");
    std::fs::create_dir_all(&bundle).unwrap();
    let mut spec = Command::new("runc");
    spec.arg("spec").arg("--bundle").arg(&bundle);
    if who == As::Nobody {
        spec.arg("--rootless");
    }
    assert!(spec.status().unwrap().success());
    let config = bundle.join("config.json");
    let mut c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    c["process"]["terminal"] = false.into();
    c["process"]["noNewPrivileges"] = no_new_privileges.into();
    c["root"]["path"] = serde_json::json!(place.rootfs);
    c["root"]["readonly"] = false.into();
    c["linux"]["seccomp"] = seccomp.clone();
    if who == As::Nobody {
        let map = serde_json::json!([{"containerID": 0, "hostID": 65534, "size": 1}]);
        c["linux"]["uidMappings"] = map.clone();
        c["linux"]["gidMappings"] = map;
    }
    std::fs::write(&config, serde_json::to_string_pretty(&c).unwrap()).unwrap();
    Command::new("chmod")
        .args(["-R", "a+rX"])
        .arg(&bundle)
        .status()
        .unwrap();
    bundle
}

/// `runc run` of the bundle as `who`, the command set to `args`.
fn runc_by_hand(place: &Place, who: As, bundle: &Path, id: &str, args: &[&str]) -> Output {
    let config = bundle.join("config.json");
    let mut c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    c["process"]["args"] = serde_json::json!(args);
    std::fs::write(&config, serde_json::to_string_pretty(&c).unwrap()).unwrap();
    let mut cmd = match who {
        As::Me => Command::new("runc"),
        As::Nobody => {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "runc"]);
            c
        }
    };
    cmd.arg("--root")
        .arg(place.runtime_dir.join("by-hand"))
        .args(["run", "--bundle"])
        .arg(bundle)
        .arg(id)
        .env("XDG_RUNTIME_DIR", &place.runtime_dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A process this test started, killed if the test fails before it ends (an agent left
/// running would hold the test's output open).
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// `seccompose agent PROFILE --socket SOCKET -o OBSERVED` running as `who`, its standard
/// error gathered line by line.
struct AgentRun {
    running: Running,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    socket: PathBuf,
    /// The rewrite it wrote.
    rewrite: serde_json::Value,
}

impl AgentRun {
    /// Starts the agent of `place`'s profile and waits until it serves.
    fn start(place: &Place, who: As) -> AgentRun {
        let socket = place.runtime_dir.join("agent.sock");
        let observed = place.profile.with_file_name("observed.json");
        let mut running = Running(
            seccompose(who)
                .arg("agent")
                .arg(&place.profile)
                .arg("--socket")
                .arg(&socket)
                .arg("-o")
                .arg(&observed)
                .stdin(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
        let lines = Arc::new(Mutex::new(Vec::<String>::new()));
        let reader = {
            let (lines, err) = (lines.clone(), running.0.stderr.take().unwrap());
            std::thread::spawn(move || {
                for l in BufReader::new(err).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(l);
                }
            })
        };
        let mut agent = AgentRun {
            running,
            lines,
            reader: Some(reader),
            socket,
            rewrite: serde_json::Value::Null,
        };
        assert!(
            eventually(|| agent.said("serving ")),
            "{who:?}: {:?}",
            agent.lines
        );
        agent.rewrite = serde_json::from_str(&std::fs::read_to_string(&observed).unwrap()).unwrap();
        agent
    }

    /// Whether a line it printed holds `text`.
    fn said(&self, text: &str) -> bool {
        self.lines.lock().unwrap().iter().any(|l| l.contains(text))
    }

    /// SIGINT (Ctrl-c), then its exit status.
    fn interrupt(&mut self) -> Option<i32> {
        // SAFETY: signals the agent this test started (setpriv execs it in place).
        unsafe { libc::kill(self.running.0.id() as i32, libc::SIGINT) };
        let code = self.running.0.wait().unwrap().code();
        self.reader.take().map(|r| r.join());
        code
    }
}

/// `seccompose agent`: runc run by hand (as Docker's or podman's engine runs it) with the
/// rewrite the agent wrote as its profile connects to the agent's socket; each container's
/// mkdir is answered as the draft would (busybox's "Operation not permitted", exit 1, nothing
/// made) and printed as it happens, for as many containers as come; SIGINT (Ctrl-c) ends the
/// agent with 0 and removes its socket. As root, and rootless as nobody (runc too).
#[test]
fn the_agent_serves_runc_run_by_hand() {
    if !available() {
        return;
    }
    for who in users() {
        let place = Place::new(who, DENY_MKDIR);
        let mut agent = AgentRun::start(&place, who);
        assert_eq!(
            agent.rewrite["listenerPath"],
            agent.socket.to_str().unwrap(),
            "{}",
            agent.rewrite
        );
        let bundle = bundle_by_hand(&place, who, &agent.rewrite, true);
        for (id, dir) in [("first", "/tmp/x"), ("second", "/tmp/y")] {
            let out = runc_by_hand(&place, who, &bundle, id, &["mkdir", dir]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{who:?}: {err}");
            assert!(err.contains("Operation not permitted"), "{who:?}: {err}");
            assert!(!place.rootfs.join(&dir[1..]).exists(), "{who:?}");
            let stop = format!(
                "{id}: in the command: mkdir ERRNO(EPERM) by syscalls[0] (line 4:5): \
                 mkdir(pathname=\"{dir}\""
            );
            let ended = format!("{id}: its last process has ended");
            assert!(
                eventually(|| agent.said(&stop) && agent.said(&ended)),
                "{who:?}: {:?}",
                agent.lines
            );
        }
        assert!(agent.said("first: connected") && agent.said("second: connected"));
        assert_eq!(agent.interrupt(), Some(0), "{who:?}");
        assert!(agent.said("the agent has ended"), "{:?}", agent.lines);
        assert!(!agent.socket.exists(), "{who:?}: the socket is left");
    }
}

/// With noNewPrivileges off (Docker's default), runc loads the filter before it drops
/// privileges: a draft denying capset stops runc's own init, and the agent prints that stop in
/// the runtime's start-up; runc then fails to start the container, in its own words.
#[test]
fn the_agent_names_runcs_own_calls() {
    if !available() {
        return;
    }
    for who in users() {
        let place = Place::new(who, DENY_CAPSET);
        let mut agent = AgentRun::start(&place, who);
        let bundle = bundle_by_hand(&place, who, &agent.rewrite, false);
        let out = runc_by_hand(&place, who, &bundle, "nnp-off", &["true"]);
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(0), "{who:?}: {err}");
        assert!(err.contains("operation not permitted"), "{who:?}: {err}");
        let stop = "nnp-off: in the runtime's start-up: capset ERRNO(EPERM) by syscalls[0]";
        assert!(
            eventually(|| agent.said(stop)),
            "{who:?}: {:?}",
            agent.lines
        );
        assert!(!agent.said("in the command"), "{who:?}: {:?}", agent.lines);
        assert_eq!(agent.interrupt(), Some(0), "{who:?}");
    }
}
