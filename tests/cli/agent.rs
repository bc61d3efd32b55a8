//! `seccompose agent` refusing what it cannot serve, before it listens (serving runtimes is
//! tested with the real runc in tests/kernel/container_tools.rs).

use crate::common;

use predicates::str::contains;

/// A draft that stops nothing (nothing to hand over), a socket path that is another file (kept
/// as it was), and `-o` naming the draft itself (kept as it was): each is refused with 125.
#[test]
fn the_agent_refuses_what_it_cannot_serve() {
    let dir = tempfile::tempdir().unwrap();
    let allow = dir.path().join("allow.json");
    std::fs::write(&allow, r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#).unwrap();
    let socket = dir.path().join("agent.sock");
    common::seccompose()
        .arg("agent")
        .arg(&allow)
        .arg("--socket")
        .arg(&socket)
        .assert()
        .code(125)
        .stderr(contains("stops no call"));
    assert!(!socket.exists());

    let draft = dir.path().join("draft.json");
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
        "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#;
    std::fs::write(&draft, text).unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    common::seccompose()
        .arg("agent")
        .arg(&draft)
        .arg("--socket")
        .arg(&file)
        .assert()
        .code(125)
        .stderr(contains("exists and is not a socket"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");

    common::seccompose()
        .arg("agent")
        .arg(&draft)
        .arg("--socket")
        .arg(&socket)
        .arg("-o")
        .arg(&draft)
        .assert()
        .code(125)
        .stderr(contains("is the draft itself"));
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), text);
    assert!(!socket.exists());
}
