//! `container::run_attached`, the way the editor's pane runs a container: the stops stream
//! out with their phase while the container runs, and the draft compiled beforehand (the
//! editor's shared compile) is the filter that decides, when it was compiled for the target
//! the run models; a compile for another target is not taken.

use crate::common;

use common::runc::{busybox_rootfs, container_unavailable};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{parse, Action, Profile, Runtime, Target};
use seccompose::sandbox::container::{run_attached, Attached, ContainerOptions, Phase};
use seccompose::sandbox::{Mode, Termination};
use std::ffi::OsString;
use std::process::Stdio;
use std::sync::atomic::AtomicBool;
use std::sync::{mpsc, Arc};

const DENY_MKDIR: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#;

/// `mkdir DIR` in a container from `rootfs` under the deny-mkdir draft, with `compiled` given;
/// how it ended and the stops streamed.
fn mkdir(
    rootfs: &std::path::Path,
    dir: &str,
    compiled: Option<(Target, compile::Compiled)>,
) -> (Termination, Vec<(Phase, Option<&'static str>)>) {
    let profile = parse(DENY_MKDIR, &Catalog).profile.unwrap();
    let (tx, rx) = mpsc::channel();
    let attached = Attached {
        stdio: Some((Stdio::null(), Stdio::null(), Stdio::null())),
        events: Some(tx),
        compiled,
        ..Attached::default()
    };
    let options = ContainerOptions {
        dir: rootfs.to_path_buf(),
        mode: Mode::Observe,
        ..ContainerOptions::default()
    };
    let argv: Vec<OsString> = ["mkdir", dir].iter().map(OsString::from).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let f = run_attached(&profile, &model(), &argv, &options, attached, stop).unwrap();
    assert!(f.runtime_error.is_none(), "{:?}", f.runtime_error);
    (
        f.termination,
        rx.try_iter().map(|(p, s)| (p, s.name)).collect(),
    )
}

/// What a container run under runc models: this machine, runc.
fn model() -> Target {
    Target {
        runtime: Runtime::Runc,
        ..Target::host()
    }
}

#[test]
fn stops_stream_with_their_phase_and_the_compile_given_decides() {
    if let Some(why) = container_unavailable() {
        common::skipped(&why);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let rootfs = busybox_rootfs(dir.path());

    // The draft's own compile: mkdir stopped, streamed as the command's.
    let draft = parse(DENY_MKDIR, &Catalog).profile.unwrap();
    let own = compile::build(&draft, &model(), &Options::default()).unwrap();
    let (ended, stops) = mkdir(&rootfs, "/tmp/a", Some((model(), own)));
    assert_eq!(ended, Termination::Exited(1));
    assert!(
        stops.contains(&(Phase::Command, Some("mkdir"))),
        "{stops:?}"
    );
    assert!(!rootfs.join("tmp/a").exists());

    // A compile that allows everything, given for the modelled target, is the one that
    // answers: so the compile handed over is used, not made again.
    let allow_all = compile::build(&Profile::new(Action::Allow), &model(), &Options::default());
    let (ended, stops) = mkdir(&rootfs, "/tmp/b", Some((model(), allow_all.unwrap())));
    assert_eq!(ended, Termination::Exited(0), "{stops:?}");
    assert!(rootfs.join("tmp/b").is_dir());

    // The same, compiled for another target (no runtime), is not taken: the draft decides.
    let other = Target {
        runtime: Runtime::None,
        ..model()
    };
    let allow_all = compile::build(&Profile::new(Action::Allow), &other, &Options::default());
    let (ended, stops) = mkdir(&rootfs, "/tmp/c", Some((other, allow_all.unwrap())));
    assert_eq!(ended, Termination::Exited(1));
    assert!(
        stops.contains(&(Phase::Command, Some("mkdir"))),
        "{stops:?}"
    );
    assert!(!rootfs.join("tmp/c").exists());
}
