//! Building the C probe (tests/probe/probe.c) with the system compiler, once per test binary.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// Compiles the probe for the native ABI (`m32 = false`) or i386, or says why it could not.
/// The probe is freestanding (no C library, its own `_start`), so `-m32` needs nothing beyond
/// the stock compiler and binutils; any failure here is a real failure, never a skip.
pub fn probe(m32: bool) -> PathBuf {
    static NATIVE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    static I386: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let cell = if m32 { &I386 } else { &NATIVE };
    let built = cell.get_or_init(|| {
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/probe/probe.c");
        let out = super::process_folder().join(if m32 { "probe32" } else { "probe" });
        freestanding(&src, &out, m32)?;
        runnable_by_all(&out);
        Ok(out)
    });
    built.clone().unwrap_or_else(|e| panic!("{e}"))
}

/// Lets the unprivileged user of the drop-privileges tests run `program`, whatever the umask.
fn runnable_by_all(program: &std::path::Path) {
    let _ = Command::new("chmod").arg("a+rx").arg(program).status();
}

/// Builds a freestanding C file (no C library, its own `_start`) into a static executable.
pub fn freestanding(src: &std::path::Path, out: &std::path::Path, m32: bool) -> Result<(), String> {
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let mut cc = Command::new(&compiler);
    // -fno-pie/-no-pie: a plain static executable whatever the compiler's default;
    // -fno-stack-protector: the canary lives in the C library's thread block.
    cc.args([
        "-O1",
        "-nostdlib",
        "-static",
        "-ffreestanding",
        "-fno-pie",
        "-no-pie",
        "-fno-stack-protector",
    ]);
    if m32 {
        cc.arg("-m32");
    }
    cc.arg("-o").arg(out).arg(src);
    let result = cc
        .output()
        .map_err(|e| format!("cannot run the C compiler {compiler:?}: {e}"))?;
    if !result.status.success() {
        return Err(format!(
            "{compiler} could not build {} ({}):\n{}",
            src.display(),
            if m32 { "32-bit" } else { "native" },
            String::from_utf8_lossy(&result.stderr)
        ));
    }
    Ok(())
}

/// Builds tests/probe/NAME.c with the system compiler and C library (`-pthread`), once per test
/// binary, where the unprivileged user of the drop-privileges tests can run it.
pub fn with_libc(name: &str) -> PathBuf {
    static BUILT: std::sync::Mutex<Vec<(String, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, path)) = built.iter().find(|(n, _)| n == name) {
        return path.clone();
    }
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/probe/{name}.c"));
    let out = super::process_folder().join(name);
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let result = Command::new(&compiler)
        .args(["-O1", "-pthread", "-o"])
        .arg(&out)
        .arg(&src)
        .output()
        .unwrap_or_else(|e| panic!("cannot run the C compiler {compiler:?}: {e}"));
    assert!(
        result.status.success(),
        "{compiler} could not build {}:\n{}",
        src.display(),
        String::from_utf8_lossy(&result.stderr)
    );
    runnable_by_all(&out);
    built.push((name.to_string(), out.clone()));
    out
}
