//! Every view of the editor at 80x24, 120x36, 160x48 and 200x50, as insta snapshots of a
//! TestBackend.
//! Nothing host-dependent is drawn: fixed target, fixed man pages, the built-in profile.

use crate::editor_support;

use editor_support::{builtin, draw, on_fixture, options, press, settle, type_text};
use seccompose::tui::app::App;

/// Snapshots `app` at both sizes under `name`.
fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 36), (160, 48), (200, 50)] {
        let terminal = draw(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn syscalls_view() {
    let mut app = builtin();
    press(&mut app, &["j", "j"]);
    snap("syscalls", &mut app);
}

#[test]
fn syscalls_view_with_categories_focused_and_edits() {
    let mut app = builtin();
    press(&mut app, &["backtab", "j", "j", "j", "j", "j", "j"]);
    press(&mut app, &["tab", "space", "space", "x"]);
    snap("syscalls_edited", &mut app);
}

#[test]
fn search() {
    let mut app = builtin();
    press(&mut app, &["/"]);
    type_text(&mut app, "chmod");
    snap("search_typing", &mut app);
    press(&mut app, &["enter", "d"]);
    snap("search_denied", &mut app);
}

#[test]
fn lint_view() {
    let mut app = builtin();
    press(&mut app, &["4"]);
    snap("lint", &mut app);
    let mut app = on_fixture("seed-mkdir-chmod-chown.json");
    press(&mut app, &["4"]);
    assert!(app.wait_for_lint(std::time::Duration::from_secs(60)));
    press(&mut app, &["j"]);
    snap("lint_seed", &mut app);
}

/// A small x86-64-only profile, so the listing is the same with any libseccomp 2.5.
#[test]
fn bpf_view() {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["/"]);
    type_text(&mut app, "write");
    press(&mut app, &["enter", "2"]);
    settle(&mut app);
    snap("bpf", &mut app);
}

#[test]
fn settings_view() {
    let mut app = builtin();
    press(&mut app, &["5", "j", "j", "space"]);
    snap("settings", &mut app);
}

#[test]
fn rule_editor() {
    let mut app = builtin();
    press(&mut app, &["/"]);
    type_text(&mut app, "personality");
    press(&mut app, &["enter", "enter"]);
    snap("rules_list", &mut app);
    press(&mut app, &["n", "down", "down", "down"]);
    type_text(&mut app, "PER_LINU");
    snap("rules_form", &mut app);
}

#[test]
fn help_tour_and_dialogs() {
    let mut app = builtin();
    press(&mut app, &["?"]);
    snap("help", &mut app);
    let mut touring = App::new(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        None,
        options(false, None, None),
    );
    snap("tour", &mut touring);
    press(&mut app, &["esc", "a", "q"]);
    snap("quit_dialog", &mut app);
    press(&mut app, &["c", "e"]);
    type_text(&mut app, "EACCES");
    snap("errno_prompt", &mut app);
}
