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
    }
}
