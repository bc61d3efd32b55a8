//! A container run's report in the user's language (issue 29): the phases, the rule's place
//! and how the container's command ended in Portuguese under `LANG=pt_BR.UTF-8`.

use crate::common::users::{in_language, stderr, users};
use crate::container::{available, Place, DENY_MKDIR};

#[test]
fn a_container_run_reports_in_portuguese() {
    if !available() {
        return;
    }
    for who in users() {
        let place = Place::new(who, DENY_MKDIR);
        let out = in_language(
            &mut place.command(&["--", "mkdir", "/tmp/x"]),
            "pt_BR.UTF-8",
        )
        .output()
        .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{who:?}: {err}");
        for words in [
            "seccompose: no comando:\n",
            "syscalls[0] está em linha 4:5",
            "seccompose: o comando do contêiner saiu com status 1\n",
        ] {
            assert!(err.contains(words), "{who:?}: {words}\n{err}");
        }
        assert!(
            !err.contains("in the command") && !err.contains("exited with"),
            "{err}"
        );
        place.assert_no_container(who);

        // A note for people in Portuguese; the same note in the JSON report stays English.
        let place = Place::new(who, WRITE_TOO);
        let report = place.rootfs.parent().unwrap().join("report.json");
        let mut cmd = place.command(&["--report", report.to_str().unwrap(), "--", "true"]);
        let out = in_language(&mut cmd, "pt_BR.UTF-8").output().unwrap();
        let err = stderr(&out);
        assert!(
            err.contains("seccompose: nota: o write não é observado"),
            "{who:?}: {err}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let notes = json["notes"].to_string();
        assert!(notes.contains("write is not observed"), "{who:?}: {notes}");
        place.assert_no_container(who);
    }
}

/// mkdir and write denied: the observed rewrite cannot notify write, and says so.
const WRITE_TOO: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW",
    "syscalls": [{"names": ["mkdir", "write"], "action": "SCMP_ACT_ERRNO"}]}"#;
