//! View 2's renderings (disassembly, PFC, JSON), the explain prompt, the ABI switch and `b`
//! from view 1: styled snapshots of each rendering, and the pane's answers checked against
//! `seccompose explain --json` for the same call.

use crate::common;
use crate::editor_support;

use editor_support::{draw, on_fixture, opened, press, screen, settle, type_text};
use seccompose::profile::Arch;
use seccompose::tui::app::App;
use seccompose::tui::theme::{Palette, Theme};
use seccompose::tui::views::bpf::Rendering;
use serde_json::Value;

/// The rows marked `▶` in the gutter, their text after the index.
fn marked_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.trim_matches('"').strip_prefix("┃▶"))
        .filter_map(|l| {
            // The disassembly has a column for seccompose's own block before the index.
            let rest = l.trim_start_matches([' ', '+']);
            let (_, text) = rest.split_once("  ")?;
            Some(text.trim_matches([' ', '┃']).to_string())
        })
        .collect()
}

/// Snapshots the styled buffer (text and every cell's style) at both sizes, in colour and
/// without (`NO_COLOR` gives the monochrome palette).
fn snap_styled(name: &str, app: &mut App) {
    seccompose::tui::highlight::loaded();
    for (palette, label) in [(Palette::Dark, "colour"), (Palette::Mono, "no_color")] {
        app.theme = Theme { palette };
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(app, w, h);
            insta::assert_debug_snapshot!(
                format!("{name}_{label}_{w}x{h}"),
                terminal.backend().buffer()
            );
        }
    }
}

/// bpf-small.json with write followed, in view 2.
fn small_following_write() -> App {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["/"]);
    type_text(&mut app, "write");
    press(&mut app, &["enter", "2"]);
    settle(&mut app);
    app
}

#[test]
fn each_rendering_styled_in_colour_and_without() {
    let mut app = small_following_write();
    assert_eq!(app.bpf.rendering(), Rendering::Disassembly);
    snap_styled("bpf_disassembly", &mut app);
    press(&mut app, &["v"]);
    assert_eq!(app.bpf.rendering(), Rendering::Pfc);
    snap_styled("bpf_pfc", &mut app);
    press(&mut app, &["v"]);
    assert_eq!(app.bpf.rendering(), Rendering::Json);
    snap_styled("bpf_json", &mut app);
    press(&mut app, &["v"]);
    assert_eq!(app.bpf.rendering(), Rendering::Disassembly, "v cycles");
}

#[test]
fn highlighting_colours_keywords_and_actions_and_no_color_has_none() {
    let mut app = small_following_write();
    seccompose::tui::highlight::loaded();
    app.theme = Theme {
        palette: Palette::Dark,
    };
    let colours = |app: &mut App| {
        let terminal = draw(app, 100, 30);
        let buffer = terminal.backend().buffer().clone();
        buffer
            .content()
            .iter()
            .filter(|c| c.fg != ratatui::style::Color::Reset)
            .count()
    };
    assert!(colours(&mut app) > 100, "the listing is coloured");
    app.theme = Theme {
        palette: Palette::Mono,
    };
    assert_eq!(colours(&mut app), 0, "NO_COLOR: no colour at all");
}

#[test]
fn the_json_rendering_is_what_ctrl_s_writes_with_the_deciding_rule_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.json");
    std::fs::copy(common::fixture("service-4space.json"), &path).unwrap();
    let mut app = opened(&path);
    press(&mut app, &["/"]);
    type_text(&mut app, "mkdir");
    press(&mut app, &["enter", "a", "2", "v", "v"]);
    settle(&mut app);
    let generation = app.session.generation();
    let shown = app
        .bpf
        .loader()
        .rendered(generation)
        .unwrap()
        .json
        .text
        .clone();
    assert!(
        shown.contains("\r\n    "),
        "the file's CRLF and 4 spaces stay"
    );
    let screen = screen(&mut app, 160, 60);
    let rule = shown
        .lines()
        .position(|l| l.contains("\"mkdir\""))
        .expect("the edit added mkdir");
    assert!(
        screen.contains("mkdir, args 0: ALLOW by syscalls["),
        "{screen}"
    );
    assert!(
        app.bpf.cursor().selected <= rule,
        "the cursor is on mkdir's rule"
    );
    assert!(
        !marked_rows(&screen).is_empty(),
        "the deciding rule is marked: {screen}"
    );
    press(&mut app, &["ctrl-s"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), shown);
}

#[test]
fn find_works_in_every_rendering() {
    let mut app = small_following_write();
    for (rendering, needle) in [
        (Rendering::Disassembly, "ptrace"),
        (Rendering::Pfc, "action KILL"),
        (Rendering::Json, "personality"),
    ] {
        while app.bpf.rendering() != rendering {
            press(&mut app, &["v"]);
        }
        press(&mut app, &["g", "/"]);
        type_text(&mut app, needle);
        press(&mut app, &["enter"]);
        let text = screen(&mut app, 120, 50);
        let cursor = *app.bpf.cursor();
        let rendered = app.bpf.loader().rendered(app.session.generation()).unwrap();
        let preview = rendered.outcome.as_ref().unwrap();
        let line = match rendering {
            Rendering::Disassembly => preview.lines[cursor.selected].text.clone(),
            Rendering::Pfc => preview.pfc[cursor.selected].clone(),
            Rendering::Json => rendered
                .json
                .text
                .lines()
                .nth(cursor.selected)
                .unwrap()
                .into(),
        };
        assert!(
            line.to_lowercase().contains(&needle.to_lowercase()),
            "{rendering:?}: {line:?}"
        );
        assert!(text.contains(&format!("find \"{needle}\"")), "{text}");
        press(&mut app, &["esc"]);
    }
}

/// `seccompose explain --json` for the call, as the pane's target sees it.
fn cli_explain(file: &std::path::Path, abi: &str) -> Value {
    let call = ["socket", "AF_INET6", "SOCK_STREAM", "0", "--arch", abi];
    // The editor tests' target (tests/editor_support).
    let target = [
        "--host-arch",
        "x86_64",
        "--kernel",
        "6.1",
        "--runtime",
        "none",
    ];
    common::explain_json(file, &[&call[..], &target[..]].concat())
}

#[test]
fn explaining_socket_in_the_pane_agrees_with_the_cli_on_x86_64_and_x86() {
    let file = common::fixture("socket-args.json");
    let mut app = opened(&file);
    press(&mut app, &["2"]);
    settle(&mut app);
    press(&mut app, &["e"]);
    type_text(&mut app, "socket AF_INET6 SOCK_ST");
    press(&mut app, &["tab", "enter"]);
    for abi in [Arch::X86_64, Arch::X86] {
        while app.bpf.traced().map(|t| t.abi) != Some(abi) {
            press(&mut app, &["A"]);
            settle(&mut app);
        }
        let cli = cli_explain(&file, abi.short_name());
        let traced = app.bpf.traced().cloned().unwrap();
        assert_eq!(traced.call.name, "socket");
        assert_eq!(traced.call.args[..3], [10, 1, 0]);
        let ex = traced.result.unwrap();
        assert_eq!(ex.action.scmp_name(), cli["action"], "{abi}");
        let cli_path: Vec<u64> = cli["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["index"].as_u64().unwrap())
            .collect();
        let path: Vec<u64> = ex.path.iter().map(|&i| i as u64).collect();
        assert_eq!(path, cli_path, "{abi}");
        // What the screen marks is that path, in order.
        press(&mut app, &["g"]);
        // Narrower than 100 columns, so the raw fields are left out.
        let shown = screen(&mut app, 99, 100);
        let texts: Vec<String> = cli["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(marked_rows(&shown), texts, "{abi}: {shown}");
        let rule = &cli["rule"];
        let decided = format!(
            "ALLOW by syscalls[{}] at {}:{}",
            rule["index"], rule["line"], rule["col"]
        );
        assert!(shown.contains(&decided), "{abi}: {decided} in {shown}");
        if abi == Arch::X86 {
            assert!(
                shown.contains("Explain socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) on x86: ALLOW"),
                "{shown}"
            );
        }
    }
}

#[test]
fn the_explain_prompt_completes_and_refuses_what_it_cannot_read() {
    let mut app = on_fixture("socket-args.json");
    press(&mut app, &["2"]);
    settle(&mut app);
    press(&mut app, &["e"]);
    type_text(&mut app, "sockt");
    press(&mut app, &["enter"]);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("did you mean \"socket\""), "{shown}");
    press(&mut app, &["backspace", "backspace", "k"]);
    press(&mut app, &["tab"]);
    let prompt = app.bpf.explain_prompt().unwrap();
    assert!(prompt.text().starts_with("sock"), "{}", prompt.text());
    type_text(&mut app, " AF_IN");
    press(&mut app, &["tab", "tab"]);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("tab: AF_INET AF_INET6"), "{shown}");
    press(&mut app, &["esc"]);
    assert!(app.bpf.explain_prompt().is_none() && app.bpf.explained().is_none());
}

#[test]
fn b_in_view_1_opens_view_2_at_the_syscalls_part_and_its_rules_in_the_json() {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["/"]);
    type_text(&mut app, "ptrace");
    press(&mut app, &["enter", "b"]);
    settle(&mut app);
    let shown = screen(&mut app, 100, 40);
    assert!(
        shown.contains("ptrace, args 0: KILL_THREAD by syscalls[1] at 6:5"),
        "{shown}"
    );
    let preview = app.bpf.loader().latest().unwrap().as_ref().unwrap();
    assert!(preview.lines[app.bpf.cursor().selected]
        .text
        .contains("ptrace"));
    press(&mut app, &["v"]);
    let pfc = screen(&mut app, 100, 40);
    assert!(
        pfc.contains("▶ ") && pfc.contains("# filter for syscall \"ptrace\""),
        "{pfc}"
    );
    press(&mut app, &["v"]);
    let json = screen(&mut app, 100, 40);
    assert_eq!(app.bpf.cursor().selected, 5, "line 6, ptrace's rule");
    assert_eq!(
        marked_rows(&json),
        ["{\"names\": [\"ptrace\"], \"action\": \"SCMP_ACT_KILL\"},"]
    );
}

#[test]
fn the_layouts_side_by_side() {
    let mut app = on_fixture("runtime-default.json");
    press(&mut app, &["2", "L"]);
    settle(&mut app);
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("linear") && shown.contains("binary tree"),
        "{shown}"
    );
    assert!(
        shown.contains("runc uses the binary tree (the tree above 8)"),
        "{shown}"
    );
    let rendered = app.bpf.loader().rendered(app.session.generation()).unwrap();
    let layouts = rendered.layouts.as_ref().unwrap().as_ref().unwrap();
    let median = |i: usize| layouts[i].cost.summary.as_ref().unwrap().median;
    assert!(
        median(1) < median(0),
        "the tree runs fewer instructions per call"
    );
    for p in layouts.iter() {
        let count = p.compiled.instruction_count().to_string();
        assert!(shown.contains(&count), "{count} in {shown}");
    }
}
