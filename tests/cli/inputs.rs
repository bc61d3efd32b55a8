//! Special and endless inputs: every command that reads a profile (and the editor) refuses a
//! device, a folder or a file over 64 MiB with a clear error, without allocating for it, and
//! does not wait for a FIFO that nobody writes to.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A generous bound so a hang fails the test instead of stalling it; no speed is asserted.
const PATIENCE: Duration = Duration::from_secs(60);

/// Runs seccompose with its address space capped at 2 GiB (an endless read fails fast
/// instead of eating the machine's memory); (exit code, stdout + stderr), or a failure if it
/// hangs. The outputs are small (error messages), so reading them after the exit is safe.
fn run_capped(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    run_capped_with_input(args, None)
}

/// As [`run_capped`], with `input` written to a pipe on standard input (then closed).
fn run_capped_with_input(args: &[&std::ffi::OsStr], input: Option<&str>) -> (Option<i32>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_seccompose"));
    cmd.args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 2 << 30,
                rlim_max: 2 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = input {
        let mut stdin = child.stdin.take().unwrap();
        std::io::Write::write_all(&mut stdin, text.as_bytes()).unwrap();
    }
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut text = String::new();
            std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut text).unwrap();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut text).unwrap();
            return (status.code(), text);
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("seccompose {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The exit status of a command that could not read its profile: `lint` says usage (2);
/// `run` and `record` their own failure (125, never taken for the command's); the rest 1.
fn unreadable_status(command: &std::ffi::OsStr) -> i32 {
    match command.to_str() {
        Some("lint") => 2,
        Some("run" | "record") => 125,
        _ => 1,
    }
}

/// Every way a profile gets read: each command, the editor, and `record --base`.
fn readers(input: &Path) -> Vec<Vec<std::ffi::OsString>> {
    let i = input.as_os_str().to_owned();
    let words = |w: &[&str]| -> Vec<std::ffi::OsString> { w.iter().map(Into::into).collect() };
    let with = |before: &[&str], after: &[&str]| {
        let mut v = words(before);
        v.push(i.clone());
        v.extend(words(after));
        v
    };
    vec![
        with(&["check"], &[]),
        with(&["fmt"], &[]),
        with(&["fmt", "--stdout"], &[]),
        with(&["compile"], &[]),
        with(&["explain"], &["read"]),
        with(&["lint"], &[]),
        with(&["run"], &["--", "true"]),
        with(&["record", "--base"], &["--", "true"]),
        with(&[], &[]), // the editor
    ]
}

fn fifo(dir: &Path) -> PathBuf {
    let p = dir.join("pipe.json");
    nix::unistd::mkfifo(&p, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    p
}

#[test]
fn devices_folders_and_huge_files_are_refused_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let cases: [(&Path, &str); 4] = [
        (Path::new("/dev/zero"), "character device"),
        (Path::new("/dev/urandom"), "character device"),
        (dir.path(), "folder"),
        (&huge, "larger than 64 MiB"),
    ];
    for (input, words) in cases {
        for args in readers(input) {
            let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let (code, err) = run_capped(&args);
            assert_eq!(code, Some(unreadable_status(args[0])), "{args:?}: {err}");
            assert!(err.contains(words), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_fifo_without_writer_does_not_hang_any_reader() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    for args in readers(&pipe) {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (code, err) = run_capped(&args);
        let expected = match unreadable_status(args[0]) {
            2 => 1, // lint reads the empty file and reports it as a finding
            other => other,
        };
        assert_eq!(code, Some(expected), "{args:?}: {err}");
        assert!(err.contains("empty"), "{args:?}: {err}");
    }
}

/// A pipe with a writer (`check <(cat profile)`, `check /dev/stdin`) is still read.
#[test]
fn a_pipe_with_a_writer_is_read() {
    let (code, err) = run_capped_with_input(
        &["check".as_ref(), "/dev/stdin".as_ref()],
        Some(r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#),
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = run_capped_with_input(
        &["check".as_ref(), "/dev/stdin".as_ref()],
        Some(r#"{"defaultAction": "SCMP_ACT_NOPE"}"#),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("SCMP_ACT_NOPE"), "{err}");
}

/// A UTF-8 byte-order mark is named, at 1:1, instead of "expected value".
#[test]
fn a_byte_order_mark_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.json");
    std::fs::write(&file, "\u{feff}{\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n").unwrap();
    let (code, err) = run_capped(&["check".as_ref(), file.as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("bom.json:1:1: error"), "{err}");
    assert!(err.contains("byte-order mark"), "{err}");
}

/// A minified profile is one line of megabytes: a mistake near its end is still placed at
/// the exact column (counted in characters, with wide characters before it). Its speed is
/// held by `benches/positions.rs`, not here.
#[test]
fn a_mistake_at_the_end_of_a_huge_single_line_profile_is_placed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let last = r#",{"names":["mkdri"],"action":"SCMP_ACT_ALLOW"}]}"#;
    let (file, before) = minified_file(dir.path(), 8 << 20, last);
    let (code, err) = run_capped(&["check".as_ref(), file.as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    // The name's string starts 11 characters after the rules (`,{"names":[` is 11 long).
    let expected = format!("minified.json:1:{}: error", before + 12);
    assert!(err.contains(&expected), "wanted {expected} in {err}");
    assert!(err.contains("mkdri"), "{err}");
}

/// Writes `minified.json` in `dir`: `bytes` of rules of three names and a wide-character
/// comment on one line, then `last` (which closes the array and the object); how many
/// characters come before `last`.
fn minified_file(dir: &Path, bytes: usize, last: &str) -> (PathBuf, usize) {
    let rule = r#"{"names":["read","write","openat"],"action":"SCMP_ACT_ALLOW","comment":"é€"}"#;
    let mut text = String::from(r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":["#);
    text.push_str(rule);
    while text.len() < bytes {
        text.push(',');
        text.push_str(rule);
    }
    let before = text.chars().count();
    text.push_str(last);
    let file = dir.join("minified.json");
    std::fs::write(&file, &text).unwrap();
    (file, before)
}

/// Reading a 10 MB single-line profile holds its rules, not a tree of the whole file (issue
/// 28: 174 MB peak before, when a 60 MB file took 1 GB; `benches/single-line.sh` measures the
/// 60 MB case). The peak resident size of `check`'s own memory, read from the kernel
/// (`VmHWM`) while it is stopped on its way out: `wait4`'s figure also counts the copy of this
/// test process the child was before its exec, which with other tests beside it was larger
/// than `check` itself.
#[test]
fn a_huge_single_line_profile_is_checked_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = minified_file(dir.path(), 10 << 20, "]}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_seccompose"));
    command
        .arg("check")
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: PTRACE_TRACEME is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            if libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // Reaped below by waitpid, between the stops of the trace.
    #[allow(clippy::zombie_processes)]
    let child = command.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let wait = || {
        let mut status = 0;
        // SAFETY: waits for our own child, writing one int.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        status
    };
    // The stop at its exec: from here on, ask for a stop on its way out.
    let status = wait();
    assert!(libc::WIFSTOPPED(status), "stopped at exec: {status}");
    // SAFETY: the tracee is stopped; options and signal are integers.
    unsafe {
        libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, libc::PTRACE_O_TRACEEXIT);
        libc::ptrace(libc::PTRACE_CONT, pid, 0, 0);
    }
    let mut peak_kb = None;
    let status = loop {
        let status = wait();
        if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
            break status;
        }
        let mut pass = libc::WSTOPSIG(status);
        if status >> 16 == libc::PTRACE_EVENT_EXIT {
            let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
            peak_kb = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            pass = 0;
        }
        // SAFETY: the tracee is stopped; a signal it got is passed on.
        unsafe { libc::ptrace(libc::PTRACE_CONT, pid, 0, pass) };
    };
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "check failed: {status}"
    );
    let peak_mb = peak_kb.expect("VmHWM read at the exit stop") / 1024;
    assert!(
        peak_mb < 100,
        "check of a 10 MB line peaked at {peak_mb} MB"
    );
}
