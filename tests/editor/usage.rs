//! The usage panel (U): the lines `seccompose usage` prints for the document's file, and a
//! warning when there is no file yet or unsaved changes.

use crate::editor_support;

use editor_support::{on_file, press, screen};
use seccompose::profile::{Action, Profile};

#[test]
fn the_usage_panel_names_the_saved_file_and_warns_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.json");
    std::fs::write(&path, "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n").unwrap();
    let mut app = on_file(Profile::new(Action::Allow), path.clone());
    press(&mut app, &["U"]);
    let text = screen(&mut app, 160, 48);
    assert!(text.contains("Using this profile"), "{text}");
    let line = format!(
        "docker run --rm -it --security-opt seccomp={}",
        path.display()
    );
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("podman run"), "{text}");
    assert!(!text.contains("Unsaved changes"), "{text}");
    press(&mut app, &["j", "j", "G"]);
    press(&mut app, &["esc", "x"]);
    press(&mut app, &["U"]);
    let text = screen(&mut app, 160, 48);
    assert!(text.contains("Unsaved changes"), "{text}");

    let mut fresh = editor_support::builtin();
    press(&mut fresh, &["U"]);
    let text = screen(&mut fresh, 160, 48);
    assert!(text.contains("seccomp=PROFILE.json"), "{text}");
    assert!(text.contains("no file yet"), "{text}");
}
