//! Every diagnostic of a broken profile in both languages: Portuguese words of its own, the
//! same JSON paths, values and constants as the English one.

// Redundant with the module's declaration, but it tells `tests/cli/structure.rs` that all
// below is tests (which may reach any module, as the catalog here).
#[cfg(test)]
use crate::catalog::Catalog;
use crate::lang::Language;
use crate::profile::formats::{import, Format};
use crate::profile::{parse_bytes, Diagnostic};

/// Each broken input, its format, and what its diagnostics must name in both languages.
const CASES: &[(&str, Format, &[&str])] = &[
    // Bad JSON: a missing comma, a trailing one, a file cut short.
    (
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\" \"syscalls\": []}",
        Format::Docker,
        &["`,`", "`}`"],
    ),
    (
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\",}",
        Format::Docker,
        &["]"],
    ),
    ("{\"defaultAction\": \"SCMP_ACT_A", Format::Docker, &[]),
    ("   \n", Format::Docker, &["\"defaultAction\""]),
    ("[1, 2]", Format::Docker, &["\"defaultAction\""]),
    // A wrong type, unknown names, a missing field.
    (
        r#"{"defaultAction": 5, "syscalls": {"names": ["mkdir"]}}"#,
        Format::Docker,
        &["defaultAction", "syscalls"],
    ),
    (
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": -1, "syscalls": ["read",
            {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "args": [{"index": true, "value": 1}]}]}"#,
        Format::Docker,
        &[
            "defaultErrnoRet",
            "-1",
            "syscalls[0]",
            "syscalls[1].args[0].index",
            "\"op\"",
        ],
    ),
    (
        r#"{"defaultAction": "SCMP_ACT_NOPE", "flags": ["SECCOMP_FILTER_FLAG_NOPE"]}"#,
        Format::Docker,
        &[
            "\"SCMP_ACT_NOPE\"",
            "SCMP_ACT_KILL_PROCESS",
            "flags[0]",
            "SECCOMP_FILTER_FLAG_LOG",
        ],
    ),
    (
        r#"{"defaultaction": "SCMP_ACT_ALLOW"}"#,
        Format::Docker,
        &["\"defaultaction\"", "\"defaultAction\""],
    ),
    // errno values: out of range (runc wraps it, libseccomp refuses it), wrapped, unknown name.
    (
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
            {"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 70000},
            {"names": ["chown"], "action": "SCMP_ACT_ERRNO", "errnoRet": 65537},
            {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "errno": "EPREM"}]}"#,
        Format::Docker,
        &[
            "syscalls[0].errnoRet",
            "70000",
            "4464",
            "4094",
            "syscalls[1].errnoRet",
            "65537",
            "syscalls[2].errno",
            "\"EPREM\"",
        ],
    ),
    // Rules: an unknown syscall, an argument index out of range, an ignored errnoRet.
    (
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
            {"names": ["mkdri"], "action": "SCMP_ACT_ALLOW"},
            {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 7, "value": 0, "op": "SCMP_CMP_EQ"}]}]}"#,
        Format::Docker,
        &[
            "\"mkdri\"",
            "\"mkdir\"",
            "syscalls[0].names[0]",
            "syscalls[1].args[0].index",
            "7",
            "0..5",
        ],
    ),
    (
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
            {"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 1},
            {"names": [], "action": "SCMP_ACT_ERRNO"},
            {"names": ["open"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["x86"], "caps": ["SYS_ADMIN"]}}]}"#,
        Format::Docker,
        &[
            "syscalls[0].errnoRet",
            "SCMP_ACT_ALLOW",
            "syscalls[1]",
            "SCMP_ACT_ERRNO",
            "\"386\"",
            "\"SYS_ADMIN\"",
        ],
    ),
    // Other formats.
    (r#"{"ociVersion": "1.0.2"}"#, Format::Oci, &["\"linux\""]),
    ("kind: Pod\n", Format::Spo, &["kind: SeccompProfile"]),
];

/// Every diagnostic of an input.
fn diagnostics(text: &str, format: Format) -> Vec<Diagnostic> {
    match format {
        Format::Docker => parse_bytes(text.as_bytes(), &Catalog).diagnostics,
        _ => import(text, format, None, &Catalog).parsed.diagnostics,
    }
}

/// The double-quoted parts of a message: values quoted from the file, keys.
fn quoted(message: &str) -> Vec<&str> {
    message.split('"').skip(1).step_by(2).collect()
}

#[test]
fn every_diagnostic_is_portuguese_with_the_same_paths_and_values() {
    let mut seen = 0;
    let mut all: Vec<(Vec<Diagnostic>, &[&str])> = CASES
        .iter()
        .map(|(text, format, kept)| (diagnostics(text, *format), *kept))
        .collect();
    // Not UTF-8: the byte and its offset stay.
    let invalid = b"{\"defaultAction\": \"\xff\"}";
    all.push((parse_bytes(invalid, &Catalog).diagnostics, &["0xff", "19"]));
    for (diags, kept) in all {
        assert!(!diags.is_empty(), "no diagnostic naming {kept:?}");
        let english: Vec<String> = diags.iter().map(|d| d.message.english()).collect();
        let portuguese: Vec<String> = diags
            .iter()
            .map(|d| d.message.in_language(Language::PtBr))
            .collect();
        for (en, pt) in english.iter().zip(&portuguese) {
            assert_ne!(en, pt, "not in Portuguese");
            for q in quoted(en) {
                assert!(
                    pt.contains(&format!("\"{q}\"")),
                    "{pt} lacks \"{q}\" of {en}"
                );
            }
            seen += 1;
        }
        for k in kept {
            let (en, pt) = (english.join("\n"), portuguese.join("\n"));
            assert!(en.contains(k), "{en} lacks {k}");
            assert!(pt.contains(k), "{pt} lacks {k}");
        }
    }
    assert!(seen >= 20, "only {seen} diagnostics");
}

/// The English text is the one the tests and scripts have always read, whatever the thread's
/// language; `local` follows it.
#[test]
fn english_stays_as_it_was_and_local_follows_the_language() {
    let diags = diagnostics(r#"{"defaultAction": "SCMP_ACT_NOPE"}"#, Format::Docker);
    let message = &diags[0].message;
    crate::i18n::set_thread_language(Language::PtBr);
    assert!(
        message.english().starts_with(
            "unknown action \"SCMP_ACT_NOPE\" at defaultAction; valid actions: SCMP_ACT_ALLOW, "
        ),
        "{}",
        message.english()
    );
    let local = message.local();
    assert!(
        local.starts_with("ação desconhecida \"SCMP_ACT_NOPE\" em defaultAction"),
        "{local}"
    );
    assert!(diags[0]
        .render("p.json")
        .starts_with("p.json:1:19: error: ação desconhecida"));
    crate::i18n::set_thread_language(Language::En);
    assert_eq!(message.local(), message.english());
}
