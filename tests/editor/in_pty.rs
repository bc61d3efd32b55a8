//! The real binary in a pseudo-terminal: open a copy of a runtime's default profile (the
//! project's fixture, and Docker's own when ../shared/corpus has it), search rmdir, deny it,
//! save, quit; then check the file with the library. And quitting with unsaved changes asks.

use crate::common;
use crate::pty;

mod container;

use pty::{command_line, home_with, Editor};
use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, Edit, Profile, Target};
use std::path::Path;

fn load(path: &Path) -> Profile {
    profile::load(path, &Catalog)
        .unwrap()
        .profile
        .expect("valid profile")
}

#[test]
fn deny_rmdir_save_and_quit_then_the_quit_prompt() {
    for source in common::runtime_defaults() {
        deny_rmdir_save_and_quit(&source);
    }
}

fn deny_rmdir_save_and_quit(source: &Path) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("docker.json");
    std::fs::copy(source, &file).unwrap();
    // The corpus is read-only, and so is a copy of it; this test edits the copy.
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let before = load(&file);

    let mut ed = Editor::open(&file, home.path());
    // The first-run tour takes no keys: the search goes to the editor while it shows.
    ed.wait_for("Tour: 1 Syscalls");
    ed.send("/");
    ed.wait_for("enter: first match");
    ed.send("rmdir");
    ed.wait_for("Search \"rmdir\"");
    ed.send("\r");
    ed.wait_until("the search box to close", |s| {
        !s.contains("enter: first match")
    });
    assert!(ed.text().contains("Tour: 1 Syscalls"), "{}", ed.text());
    ed.send("\x14"); // Ctrl-t closes the tour
    ed.wait_until("the tour to close", |s| !s.contains("Tour:"));
    ed.send("d");
    ed.wait_for("rmdir denied, but");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    let after = load(&file);
    let target = Target::host();
    assert_eq!(
        view(&after, "rmdir", &target).action,
        Action::Errno,
        "rmdir is denied"
    );
    let mut expected = before.clone();
    Edit::SetAction {
        names: vec!["rmdir".into()],
        action: Some(Action::Errno),
        errno: Some(before.default_errno()),
    }
    .apply(&mut expected)
    .unwrap();
    assert_eq!(
        profile::to_canonical_string(&after),
        profile::to_canonical_string(&expected)
    );
    for s in Catalog.syscalls().iter().filter(|s| s.name() != "rmdir") {
        let (a, b) = (
            view(&before, s.name(), &target),
            view(&after, s.name(), &target),
        );
        assert_eq!(
            (a.action, a.errno, a.conditional),
            (b.action, b.errno, b.conditional),
            "{}",
            s.name()
        );
    }

    // Second run: the tour is remembered; an unsaved change makes q ask.
    let saved_bytes = std::fs::read(&file).unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("docker.json");
    assert!(!ed.text().contains("Tour:"), "the tour shows only once");
    ed.send("x");
    ed.wait_for("●");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved_bytes,
        "discard leaves the file alone"
    );
}

#[test]
fn a_broken_file_shows_its_errors_and_is_not_touched() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("broken.json");
    let text = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"mkdri\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}\n";
    std::fs::write(&file, text).unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("could not be opened");
    ed.wait_for("broken.json:4:");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_changes_for_next_time() {
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("mine.json");
    ed.send("x");
    ed.wait_for("●");
    let pid = ed.child.process_id().expect("a pid") as libc::pid_t;
    // SAFETY: sending a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(ed.wait_exit(), 143);
    assert!(
        !ed.screen.lock().unwrap().screen().alternate_screen(),
        "left the alternate screen"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        seccompose::profile::starters::DEFAULT_TEXT
    );

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("Restore them?");
    // Keys typed right as the question shows are taken for typing begun before it.
    std::thread::sleep(seccompose::tui::app::ANSWER_AFTER_QUIET);
    ed.send("r");
    ed.wait_for("Restored the unsaved changes");
    ed.wait_for("●");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// The compiled filter reaches the screen through the real event loop (a worker thread
/// compiles it; nothing else is pressed while it arrives).
#[cfg(target_arch = "x86_64")]
#[test]
fn the_bpf_view_shows_an_allowed_syscall_without_another_key() {
    let fixture = common::fixture("bpf-small.json");
    let (home, file) = home_with("small.json", &std::fs::read_to_string(fixture).unwrap());

    // The real user's target: runc, whose -ENOSYS stub comes before libseccomp's 17.
    let p = profile::load(&file, &Catalog).unwrap().profile.unwrap();
    let count = seccompose::compile::build(&p, &Target::host(), &Default::default())
        .unwrap()
        .instruction_count();
    assert!(count > 17, "the stub is there: {count}");
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("small.json");
    ed.send("2");
    ed.wait_for(&format!("{count} instructions for x86_64"));
    assert!(!ed.text().contains("A == mkdir"));
    ed.send("1/mkdir\r");
    ed.wait_for("Search \"mkdir\"");
    ed.send("a");
    ed.wait_for("Set mkdir");
    ed.send("2");
    ed.wait_for("if (A == mkdir)");
    ed.wait_for("mkdir, args 0: ALLOW");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The run loop: a denied mkdir shows in the command's screen and in the stops; `a` allows
/// it, `r` runs again and the directory appears; the saved file allows mkdir.
#[test]
fn run_pane_stop_allow_and_run_again() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let dir = home.path().join("made");
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, &format!("mkdir {}", dir.display()));
    ed.send("r");
    ed.wait_for("Operation not permitted");
    ed.wait_for("exited with status 1");
    ed.wait_until("mkdir in the stops", |s| {
        s.lines()
            .any(|l| l.contains("mkdir ") && l.contains("ERRNO(EPERM)"))
    });
    assert!(!dir.exists());
    ed.send("a");
    ed.wait_for("Set mkdir to SCMP_ACT_ALLOW");
    ed.send("r");
    ed.wait_for("#2 `mkdir");
    ed.wait_for("exited with status 0");
    assert!(dir.is_dir(), "the second run made the directory");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
    let saved = load(&file);
    assert_eq!(view(&saved, "mkdir", &Target::host()).action, Action::Allow);
}

/// Runs `seq` for `lines` lines and an echo in view 3 of an editor started with `env`, and
/// waits for the pane to show the last line and the echo after the command has ended. What it
/// looks for is not in the command line, which is on screen too.
fn burst_shows_its_end(lines: u32, env: &[(&str, &str)]) {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let mut ed = Editor::open_with(&file, home.path(), env);
    ed.wait_for("deny-mkdir.json");
    let command = format!(r#"sh -c 'seq -f "line %g" {lines}; echo END-$((6*7))'"#);
    command_line(&mut ed, &command);
    ed.send("r");
    ed.wait_for("exited with status 0");
    let last = format!("line {lines}");
    ed.wait_until("the last lines", |s| {
        s.contains(&last) && s.contains("END-42")
    });
}

/// A burst of output, then the command ends: the pane draws the last lines.
#[test]
fn the_run_pane_shows_the_end_of_a_burst() {
    burst_shows_its_end(300_000, &[]);
}

/// The same when the emulation is far behind (a busy machine, played by a delay before each
/// batch it parses): the command has long ended when the last screen is ready, and the pane
/// still draws it without a key being pressed (the editor used to stop looking for new
/// screens when the command ended).
#[test]
fn the_run_pane_shows_a_screen_that_is_ready_after_the_end() {
    burst_shows_its_end(3000, &[(seccompose::tui::SLOW_EMULATION, "400")]);
}

/// A command keeps the terminal size it started with: the pane's layout does not change when
/// the run starts, so no command is resized (SIGWINCH) just after it began, neither the first
/// run (whose header explains observed mode) nor the next.
#[test]
fn the_run_pane_does_not_resize_a_command_it_starts() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    // A short command line: the header's "finished" line fits in one row, its "running" line
    // (with the keys) takes two, which used to grow the header as the second run started.
    let script = r#"trap "echo RE$((0))SIZED" WINCH; sleep 1; echo END-$((6*7))"#;
    std::fs::write(home.path().join("w.sh"), script).unwrap();
    let args = [file.as_os_str()];
    let mut ed = Editor::start(&args, home.path(), Some(home.path()), &[]);
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, "sh w.sh");
    for run in 1..=2 {
        ed.send("r");
        ed.wait_for(&format!("#{run} `sh w.sh`"));
        ed.wait_for("END-42");
        ed.wait_for("exited with status 0");
        assert!(
            !ed.text().contains("RE0SIZED"),
            "run {run} was resized:\n{}",
            ed.text()
        );
    }
    // A longer command than the last one run: its "running" line wraps to more rows.
    command_line(&mut ed, &format!("sh w.sh # {}", "long ".repeat(18)));
    ed.send("r");
    ed.wait_for("#3 `sh w.sh");
    ed.wait_for("END-42");
    ed.wait_for("exited with");
    let text = ed.text();
    assert!(!text.contains("RE0SIZED"), "run 3 was resized:\n{text}");
}

/// Record under a profile that allows almost nothing, accept the whole proposal, run again
/// enforced: the listing is the bare one.
#[test]
fn run_pane_record_accept_and_enforce() {
    let (home, file) = home_with("near.json", &fixture("near-deny-all.json"));
    let out = home.path().join("listing.txt");
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("near.json");
    command_line(&mut ed, &format!("sh -c \"ls -la / > {}\"", out.display()));
    ed.send("R");
    ed.wait_for("Proposal: allow");
    ed.send("A\r");
    ed.wait_until("the proposal applied", |s| {
        s.contains("Allow the recorded calls of")
    });
    std::fs::remove_file(&out).unwrap();
    ed.send("E");
    ed.wait_for("[enforce mode]");
    ed.send("r");
    ed.wait_for("#2 `sh");
    ed.wait_for("exited with status 0");
    let bare = std::process::Command::new("ls")
        .args(["-la", "/"])
        .output()
        .unwrap();
    assert_eq!(
        common::listing_without_tmp(&std::fs::read_to_string(&out).unwrap()),
        common::listing_without_tmp(&String::from_utf8_lossy(&bare.stdout))
    );
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// After a recorded `ls`, denying getdents64 in view 1 shows in view 3 as a call the last run
/// would now hit, without a new run.
#[test]
fn run_pane_replays_the_last_recording_after_an_edit() {
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("mine.json");
    command_line(&mut ed, "ls /");
    ed.send("R");
    ed.wait_for("exited with status 0");
    ed.wait_for("the last recorded run (`ls /`) would");
    assert!(!ed.text().contains("getdents64"));
    ed.send("1");
    ed.wait_for("1 Syscalls");
    ed.send("/getdents64\r");
    ed.wait_for("Search \"getdents64\"");
    ed.send("d");
    ed.wait_for("getdents64 denied, but getdents");
    ed.send("3");
    ed.wait_for("would now be stopped at");
    ed.wait_for("getdents64 ×");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// The issue's scenario in the pane: recording a Python program that opens an AF_INET6 socket
/// under the built-in default proposes nothing (the status and the replay line agree); under
/// the default without its socket rules it proposes socket for AF_INET6 only, and once that is
/// accepted and saved the kernel still denies socket(AF_INET) (the probe, enforced).
#[test]
fn run_pane_record_proposes_only_what_the_draft_stops_narrowly() {
    let python = format!(
        "{} -c \"import socket; socket.socket(socket.AF_INET6); print(42)\"",
        common::python3()
    );
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("mine.json");
    command_line(&mut ed, &python);
    ed.send("R");
    ed.wait_for("already allows every call the command made");
    ed.wait_for("would run without a stop");
    assert!(!ed.text().contains("Proposal"));
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        seccompose::profile::starters::DEFAULT_TEXT
    );

    let mut doc: serde_json::Value =
        serde_json::from_str(seccompose::profile::starters::DEFAULT_TEXT).unwrap();
    doc["syscalls"]
        .as_array_mut()
        .unwrap()
        .retain(|r| !r["names"].as_array().unwrap().iter().any(|n| n == "socket"));
    let (home, file) = home_with("nosock.json", &serde_json::to_string_pretty(&doc).unwrap());
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("nosock.json");
    command_line(&mut ed, &python);
    ed.send("R");
    ed.wait_for("Proposal: allow 1 of 1 syscall the draft would stop");
    ed.wait_for("domain == AF_INET6");
    ed.wait_for("would now be stopped at 1 calls: socket");
    ed.send("\r");
    ed.wait_for("Allow the recorded calls of 1 syscall");
    ed.wait_for("would run without a stop");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    let probe = common::probe::probe(false);
    // socket=41 on x86_64, with SOCK_STREAM|SOCK_CLOEXEC as Python asks.
    let out = common::seccompose()
        .args(["run", "--enforce"])
        .arg(&file)
        .arg("--")
        .arg(&probe)
        .args("41 10 0x80001 0 0 0 0 41 2 0x80001 0 0 0 0".split(' '))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("ok "), "AF_INET6 goes through: {text}");
    assert_eq!(lines[1], "errno 1", "AF_INET is still denied");
}

fn processes_with_arg(arg: &str) -> usize {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
        .filter(|c| c.split(|b| *b == 0).any(|a| a == arg.as_bytes()))
        .count()
}

/// Quitting while a command runs asks, then ends the command's whole tree.
#[test]
fn quitting_with_a_running_command_asks_and_ends_it() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, "sh -c \"sleep 4321.5 & sleep 4321.5\"");
    quit_while_two_sleeps_run(&mut ed, "4321.5");
}

/// Runs the command line (two sleeps of `marker` seconds), quits while they run and answers
/// yes: the editor ends and nothing of the run is left.
fn quit_while_two_sleeps_run(ed: &mut Editor, marker: &str) {
    ed.send("r");
    ed.wait_for("Running");
    ed.wait_until("both sleeps", |_| processes_with_arg(marker) == 2);
    ed.send("\x1d"); // ctrl-]: the keys back to the editor
    ed.wait_until("the editor's keys", |s| {
        !s.contains("typing into the command")
    });
    ed.send("q");
    ed.wait_for("still running");
    ed.send("y");
    assert_eq!(ed.wait_exit(), 0);
    assert_eq!(processes_with_arg(marker), 0, "nothing outlived the editor");
}

/// On a kernel without user notification (faked through the probe's failure path) an
/// observed run falls back to enforce mode and says so; the command still meets the policy.
#[test]
fn without_user_notification_the_run_pane_falls_back_to_enforce_mode() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let dir = home.path().join("made");
    let fake = seccompose::sandbox::support::FAKE_NO_USER_NOTIFICATION;
    let mut ed = Editor::open_with(&file, home.path(), &[(fake, "1")]);
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, &format!("mkdir {}", dir.display()));
    // Known from the probe at start, before anything runs.
    ed.wait_for("[enforce mode: this kernel has no user notification]");
    ed.send("r");
    ed.wait_for("cannot hand out user-notification");
    ed.wait_for("Operation not permitted");
    ed.wait_for("exited with status 1");
    assert!(!dir.exists());
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}

/// View 4 on the seed example (defaultAction ALLOW, mkdir/chmod/chown denied): the
/// incomplete-block fix is one key, undone, redone and saved; the file then denies the
/// siblings coreutils calls.
#[test]
fn lint_view_fix_undo_redo_save() {
    let (home, file) = home_with("seed.json", &fixture("seed-mkdir-chmod-chown.json"));
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("seed.json");
    ed.wait_for("W2"); // the title bar counts the findings on every view
    ed.send("4");
    ed.wait_for("Warnings (2)");
    ed.send("j");
    ed.wait_for("warning[incomplete-block] at 4:5");
    ed.send("f");
    ed.wait_for("Deny mkdirat");
    ed.wait_for("Lint: 1 warning");
    ed.send("u");
    ed.wait_for("Undid: deny mkdirat");
    ed.wait_for("Lint: 2 warnings");
    ed.send("\x12"); // Ctrl-r
    ed.wait_for("Redid: deny mkdirat");
    ed.wait_for("Lint: 1 warning");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    let saved = load(&file);
    let target = Target::host();
    for name in [
        "mkdir",
        "mkdirat",
        "chmod",
        "fchmod",
        "fchmodat",
        "fchmodat2",
        "chown",
        "fchown",
        "fchownat",
        "lchown",
    ] {
        assert_eq!(view(&saved, name, &target).action, Action::Errno, "{name}");
    }
    assert_eq!(view(&saved, "read", &target).action, Action::Allow);
}

/// The seed's experiment in one pane: chmod denied in view 1 of an allowlist, `chmod 600 f`
/// still works in view 3 and the pane says fchmodat went through and why; `d` denies it the
/// same way, `r` runs again and chmod fails.
#[test]
fn run_pane_shows_what_went_through_and_d_r_stops_it() {
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);
    let target = home.path().join("f");
    std::fs::write(&target, "x").unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("mine.json");
    ed.send("/chmod\r");
    ed.wait_for("Search \"chmod\"");
    ed.send("d");
    ed.wait_for("chmod denied, but fchmod, fchmodat and fchmodat2 still do the same job");
    command_line(&mut ed, &format!("chmod 600 {}", target.display()));
    ed.send("r");
    ed.wait_for("exited with status 0");
    ed.wait_for("Went through");
    ed.wait_for("went through: fchmodat(");
    ed.wait_until("why it went through", |s| {
        unwrapped(s).contains(
            "which does what chmod does; the draft denies chmod but allows fchmodat (line 21:5)",
        )
    });
    // The run has ended: no stops at all, not "yet".
    assert!(ed.text().contains("No stops."), "{}", ed.text());
    assert!(!ed.text().contains("No stops yet."), "{}", ed.text());
    ed.send("d");
    ed.wait_for("Deny fchmodat like chmod");
    ed.send("r");
    ed.wait_for("#2 `chmod");
    ed.wait_for("Operation not permitted");
    ed.wait_for("exited with status 1");
    assert!(!ed.text().contains("went through:"), "{}", ed.text());
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// The screen's lines without the panes' borders, joined by spaces: a sentence the pane
/// wrapped reads whole.
fn unwrapped(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c == '┃' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A bracketed paste of two lines into the command line runs nothing: it waits for Enter, as
/// a shell does, its line break shown as a space; and the shell's line-editing keys work
/// there (Ctrl-u clears what the history pre-filled, Ctrl-a goes to the start).
#[test]
fn a_pasted_command_waits_for_enter_and_shell_keys_edit_the_line() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let (first, second) = (home.path().join("first"), home.path().join("second"));
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, "echo earlier");
    ed.send("\r");
    ed.wait_for("Editing the command");
    ed.send("\x15"); // Ctrl-u: the pre-filled line goes
    let pasted = format!("touch {}\n{}", first.display(), second.display());
    ed.send(&format!("\x1b[200~{pasted}\x1b[201~"));
    ed.wait_for(&second.display().to_string());
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!first.exists() && !second.exists(), "a paste runs nothing");
    assert!(!ed.text().contains("exited with status"), "{}", ed.text());
    // Ctrl-a and a word typed at the start: still one command line, run on Enter.
    ed.send("\x01");
    ed.send("/usr/bin/env ");
    ed.send("\r");
    ed.wait_for("exited with status 0");
    assert!(
        first.exists() && second.exists(),
        "Enter ran the pasted line"
    );
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}

/// The command's earlier output pages back in with Shift-PageUp (the terminal's `ESC [ 5 ; 2 ~`)
/// after the run, and Shift-PageDown brings the live screen back.
#[test]
fn the_run_pane_pages_back_through_earlier_output() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let args = [file.as_os_str()];
    let mut ed = Editor::start(&args, home.path(), Some(home.path()), &[]);
    ed.wait_for("deny-mkdir.json");
    command_line(&mut ed, "seq -f NUM%g 1 400");
    ed.send("r");
    ed.wait_for("NUM400");
    ed.wait_for("exited with status 0");
    for _ in 0..200 {
        ed.send("\x1b[5;2~");
    }
    ed.wait_until("the first line of the output", |s| {
        s.contains("lines back") && s.lines().any(|l| l.contains("│NUM1 "))
    });
    assert!(!ed.text().contains("NUM400"), "{}", ed.text());
    for _ in 0..200 {
        ed.send("\x1b[6;2~");
    }
    ed.wait_until("the live screen", |s| {
        s.contains("NUM400") && !s.contains("lines back")
    });
}

/// The real binary, first run (the tour not yet seen): the tour takes no keys and follows the
/// view; `?` starts with the keys of the view it is opened in; the command line's history
/// walks as a shell's does (Up from a fresh line: the newest entry; Down past the newest:
/// what was being typed).
#[test]
fn tour_help_and_history_in_a_real_terminal() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    std::fs::remove_file(home.path().join("state/seccompose/memory")).unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("Tour: 1 Syscalls");
    ed.send("3");
    ed.wait_for("Tour: 3 Run");
    ed.send("\x14"); // Ctrl-t closes the tour
    ed.wait_until("the tour closed", |s| !s.contains("Tour:"));
    ed.send("?");
    ed.wait_until("help for view 3 first", |s| {
        let first = |t: &str| s.find(t).unwrap_or(usize::MAX);
        first("Run view") < first("Categories and syscalls")
            && first("Run view") < first("Everywhere")
    });
    ed.send("\x1b");
    ed.wait_until("help closed", |s| !s.contains("Everywhere"));
    for line in ["echo HIST-one", "echo HIST-two"] {
        command_line(&mut ed, line);
        ed.send("r");
        ed.wait_for(&format!("`{line}` exited with status 0"));
    }
    ed.send("\r");
    ed.wait_for("Editing the command");
    ed.send("\x15"); // Ctrl-u: a fresh line
    ed.send("echo typed");
    ed.send("\x1b[A"); // Up: the newest entry
    ed.wait_for("$ echo HIST-two");
    ed.send("\x1b[A");
    ed.wait_for("$ echo HIST-one");
    ed.send("\x1b[B\x1b[B"); // Down past the newest: what was being typed
    ed.wait_for("$ echo typed");
}
