//! Building the C probe (tests/probe/probe.c) with the system compiler, once per test binary.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// Compiles the probe for the native ABI (`m32 = false`) or i386; None if the compiler cannot
/// (no 32-bit libc installed, say).
pub fn probe(m32: bool) -> Option<PathBuf> {
    static NATIVE: OnceLock<Option<PathBuf>> = OnceLock::new();
    static I386: OnceLock<Option<PathBuf>> = OnceLock::new();
    let cell = if m32 { &I386 } else { &NATIVE };
    cell.get_or_init(|| {
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/probe/probe.c");
        let dir = std::env::temp_dir().join(format!("seccompose-probe-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let out = dir.join(if m32 { "probe32" } else { "probe" });
        let mut cc = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()));
        cc.arg("-O1").arg("-o").arg(&out).arg(&src);
        if m32 {
            cc.arg("-m32");
        }
        let ok = cc.status().ok()?.success();
        // Readable and runnable by the unprivileged user of the drop-privileges tests.
        let _ = Command::new("chmod")
            .args(["-R", "a+rX"])
            .arg(&dir)
            .status();
        ok.then_some(out)
    })
    .clone()
}
