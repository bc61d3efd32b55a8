//! The recorded workloads: every call of each command, with how often it was made, as
//! `seccompose record` sees them (a NOTIFY-everything filter and the supervisor's tally).

use seccompose::bpf::SeccompData;
use seccompose::profile::{Action, Profile, Target};
use seccompose::sandbox::replay::Recording;
use seccompose::sandbox::{support, Mode, RunOptions, Session, Termination};
use std::ffi::OsString;
use std::path::Path;
use std::process::Stdio;

/// One recorded command.
pub struct Workload {
    /// Its name in the tables.
    pub name: &'static str,
    /// Every distinct call and its count.
    pub recording: Recording,
}

impl Workload {
    /// The calls as the filter sees them, with counts.
    pub fn calls(&self) -> impl Iterator<Item = (SeccompData, u64)> + '_ {
        self.recording
            .calls
            .iter()
            .map(|(c, n)| (SeccompData::new(c.arch, c.nr, c.args), *n))
    }
}

const SOURCE: &str = "#include <stdio.h>\n#include <string.h>\n\
int main(int argc, char **argv) { printf(\"%zu\\n\", strlen(argv[0]) + argc); return 0; }\n";

/// Records the four workloads in `dir`; Err says why recording is not possible here.
pub fn record_all(dir: &Path) -> Result<Vec<Workload>, String> {
    support::available_mode(Mode::Record, false).map_err(|why| why.english())?;
    std::fs::write(dir.join("hello.c"), SOURCE).map_err(|e| e.to_string())?;
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let commands: [(&'static str, Vec<&str>); 4] = [
        ("cc hello.c", vec!["cc", "-O2", "-o", "hello", "hello.c"]),
        (
            "tar /usr/include",
            vec!["tar", "-cf", "include.tar", "-C", "/usr", "include"],
        ),
        ("python3 -c pass", vec![python, "-c", "pass"]),
        ("find /usr/lib", vec!["find", "/usr/lib"]),
    ];
    let mut out = Vec::new();
    for (name, argv) in commands {
        out.push(Workload {
            name,
            recording: record(&argv, dir)?,
        });
    }
    Ok(out)
}

fn record(argv: &[&str], dir: &Path) -> Result<Recording, String> {
    let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
    let options = RunOptions {
        mode: Mode::Record,
        cwd: Some(dir.to_path_buf()),
        stdio: Some((Stdio::null(), Stdio::null(), Stdio::null())),
        ..RunOptions::default()
    };
    let session = Session::start(
        &Profile::new(Action::Allow),
        &Target::host(),
        &argv,
        options,
    )
    .map_err(|e| format!("{argv:?}: {e}"))?;
    let finished = session.wait().map_err(|e| format!("{argv:?}: {e}"))?;
    if finished.termination != Termination::Exited(0) {
        return Err(format!("{argv:?} ended with {:?}", finished.termination));
    }
    Ok(finished.calls)
}
