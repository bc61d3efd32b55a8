//! The profile read rule by rule is the profile read as one tree: same profile, same
//! diagnostics at the same line and column, on our fixtures, on random profiles and on
//! random damage to them.

// Redundant with the module's declaration, but it tells `tests/cli/structure.rs` that all
// below is tests (which may reach any module, as the catalog here).
#[cfg(test)]
use super::outline::outline;
use super::reader::Reader;
use super::{parse_with, Reading};
use crate::bpf::testutil::Rng;
use crate::catalog::Catalog;
use crate::profile::diag::LineIndex;
use crate::profile::Lexicon;

/// A lexicon of a few names, quick enough for thousands of random profiles.
struct Few;

impl Lexicon for Few {
    fn is_syscall(&self, name: &str) -> bool {
        ["read", "write", "openat", "mkdirat"].contains(&name)
    }
    fn suggest_syscall(&self, name: &str) -> Option<String> {
        name.starts_with('r').then(|| "read".into())
    }
    fn errno_value(&self, name: &str) -> Option<u64> {
        [("EPERM", 1), ("ENOSYS", 38)]
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

/// Reads `text` both ways and says how they differ, if they do.
fn compare(text: &str, lexicon: &dyn Lexicon) {
    let apart = parse_with(text, lexicon, Reading::Apart);
    let whole = parse_with(text, lexicon, Reading::Whole);
    assert_eq!(
        apart.diagnostics, whole.diagnostics,
        "diagnostics of {text}"
    );
    assert_eq!(apart.profile, whole.profile, "profile of {text}");
}

/// Whether `text` is read rule by rule (not through the whole tree, which it falls back to).
fn read_apart(text: &str) -> bool {
    let mut reader = Reader::new(LineIndex::new(text), &Catalog);
    outline(text).is_some_and(|o| reader.profile_apart(text, o).is_some())
}

fn folder(name: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a fixture reads");
            (p.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_fixture_reads_the_same_rule_by_rule() {
    let fixtures = folder("../../tests/fixtures");
    let starters = folder("../../profiles");
    assert!(
        fixtures.len() >= 10 && starters.len() >= 5,
        "our fixtures are there"
    );
    let corpus = folder("../../../shared/corpus"); // an extra, when it exists
    let mut profiles = 0;
    for (name, text) in fixtures.iter().chain(&starters).chain(&corpus) {
        compare(text, &Catalog);
        if text.contains("\"syscalls\"") && text.contains("\"defaultAction\"") {
            assert!(read_apart(text), "{name} is read rule by rule");
            profiles += 1;
        }
    }
    assert!(profiles >= 12, "{profiles} profiles read apart");
}

/// A JSON value of some kind, most often what a rule holds.
fn value(rng: &mut Rng, depth: usize) -> String {
    let scalars = [
        "1",
        "0",
        "18446744073709551616",
        "-3",
        "2.5",
        "true",
        "null",
        "\"x\"",
        "\"é€\\n\\u00e9\"",
    ];
    match rng.below(if depth > 1 { 3 } else { 6 }) {
        0 | 1 => rng.pick(&scalars).to_string(),
        2 => format!("\"{}\"", rng.pick(&NAMES)),
        3 => format!(
            "[{}]",
            (0..rng.below(3))
                .map(|_| value(rng, depth + 1))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => object(rng, &["a", "names", "b"], depth + 1),
    }
}

const NAMES: [&str; 8] = [
    "read",
    "write",
    "openat",
    "mkdirat",
    "reed",
    "SCMP_ACT_ALLOW",
    "CAP_SYS_ADMIN",
    "amd64",
];

/// Whitespace as people and minifiers write it.
fn space(rng: &mut Rng) -> &'static str {
    rng.pick(&["", "", " ", "\n", "\n    ", "\t", "\r\n  "])
}

fn object(rng: &mut Rng, keys: &[&str], depth: usize) -> String {
    let mut fields = Vec::new();
    for _ in 0..rng.below(keys.len() + 2) {
        let key = rng.pick(keys);
        let v = field(rng, key, depth);
        fields.push(format!("{}\"{key}\":{}{v}", space(rng), space(rng)));
    }
    format!("{{{}{}}}", fields.join(","), space(rng))
}

/// A value for `key`, right most of the time.
fn field(rng: &mut Rng, key: &str, depth: usize) -> String {
    if rng.below(8) == 0 || depth > 3 {
        return value(rng, depth + 1);
    }
    let strings = |rng: &mut Rng, items: &[&str]| {
        let list: Vec<String> = (0..rng.below(4))
            .map(|_| format!("\"{}\"", rng.pick(items)))
            .collect();
        format!("[{}]", list.join(&format!(",{}", space(rng))))
    };
    match key {
        "names" => strings(rng, &NAMES),
        "name" => format!("\"{}\"", rng.pick(&NAMES)),
        "action" | "defaultAction" => {
            format!(
                "\"{}\"",
                rng.pick(&[
                    "SCMP_ACT_ALLOW",
                    "SCMP_ACT_ERRNO",
                    "SCMP_ACT_LOG",
                    "SCMP_ACT_KILL",
                    "ALLOW"
                ])
            )
        }
        "errnoRet" | "defaultErrnoRet" | "index" | "value" | "valueTwo" => {
            rng.pick(&["1", "38", "0", "6", "70000", "-1"]).to_string()
        }
        "errno" | "defaultErrno" => format!("\"{}\"", rng.pick(&["EPERM", "ENOSYS", "EPREM"])),
        "op" => format!(
            "\"{}\"",
            rng.pick(&["SCMP_CMP_EQ", "SCMP_CMP_MASKED_EQ", "SCMP_CMP_NE", "EQ"])
        ),
        "args" => list(rng, |rng| {
            object(
                rng,
                &["index", "value", "valueTwo", "op", "extra"],
                depth + 1,
            )
        }),
        "includes" | "excludes" => {
            object(rng, &["caps", "arches", "minKernel", "other"], depth + 1)
        }
        "caps" => strings(rng, &["CAP_SYS_ADMIN", "CAP_BPF", "CAP_NOPE"]),
        "arches" | "architectures" => strings(
            rng,
            &["amd64", "x86_64", "SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        ),
        "minKernel" => format!("\"{}\"", rng.pick(&["5.8", "4", "x"])),
        "syscalls" => list(rng, |rng| {
            if rng.below(12) == 0 {
                value(rng, depth + 1)
            } else {
                object(rng, &RULE, depth + 1)
            }
        }),
        _ => value(rng, depth + 1),
    }
}

const RULE: [&str; 12] = [
    "names", "names", "action", "action", "name", "errnoRet", "errno", "args", "comment",
    "includes", "excludes", "Action",
];

fn list(rng: &mut Rng, mut item: impl FnMut(&mut Rng) -> String) -> String {
    let items: Vec<String> = (0..rng.below(6)).map(|_| item(rng)).collect();
    format!(
        "[{}{}{}]",
        space(rng),
        items.join(&format!(",{}", space(rng))),
        space(rng)
    )
}

/// A random profile: mostly right, with the mistakes people make.
fn profile(rng: &mut Rng) -> String {
    let keys = [
        "defaultAction",
        "defaultAction",
        "syscalls",
        "syscalls",
        "defaultErrnoRet",
        "defaultErrno",
        "architectures",
        "flags",
        "listenerPath",
        "unknown",
        "syscalls",
    ];
    let mut text = object(rng, &keys, 0);
    if rng.below(3) > 0 && !text.contains("\"defaultAction\"") {
        text.insert_str(1, "\"defaultAction\": \"SCMP_ACT_ERRNO\", ");
    }
    text
}

#[test]
fn random_profiles_and_their_damage_read_the_same_rule_by_rule() {
    let mut rng = Rng(0x5eed_0028);
    let mut apart = 0;
    let damage = [
        "", "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "/", "/*", "//", "x", "é", "\n", "0",
    ];
    for round in 0..1000 {
        let text = profile(&mut rng);
        compare(&text, &Few);
        apart += usize::from(read_apart(&text));
        // Cut short, or one byte (or a character) replaced, inserted or removed.
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut broken = text[..at].to_string();
        if round % 3 > 0 {
            broken.push_str(rng.pick(&damage));
            let mut skip = at + rng.below(2);
            while !text.is_char_boundary(skip.min(text.len())) {
                skip += 1;
            }
            broken.push_str(&text[skip.min(text.len())..]);
        }
        compare(&broken, &Few);
    }
    assert!(apart > 800, "only {apart} of 1000 read apart");
}

#[test]
fn jsonc_and_strict_json_mistakes_inside_a_rule_read_the_same() {
    let rule = r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW"}"#;
    let mistakes = [
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW",}"#,
        r#"{"names": ["read"], /* why */ "action": "SCMP_ACT_ALLOW"}"#,
        "{\"names\": [\"read\"], // why\n \"action\": \"SCMP_ACT_ALLOW\"}",
        r#"{"names": ['read'], "action": "SCMP_ACT_ALLOW"}"#,
        r#"{names: ["read"], "action": "SCMP_ACT_ALLOW"}"#,
        r#"{"names": ["read"] "action": "SCMP_ACT_ALLOW"}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 0x1}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": +1}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "\ud800"}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "\x41"}"#,
        r#"{"names": ["read"], "action": "SCMP_ACT_ALLOW", "action": "SCMP_ACT_LOG"}"#,
        r#"{"names": ["read"], "names": ["nope"], "action": "SCMP_ACT_ALLOW"}"#,
        r#""read""#,
        r#"["read"]"#,
        "null",
        "",
    ];
    for mistake in mistakes {
        for (before, after) in [("", ""), ("\n  ", "\n"), ("é€ ", "")] {
            let text = format!(
                "{{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{rule},{before}{mistake}{after}, {rule}]}}"
            );
            compare(&text, &Catalog);
        }
        // In a `syscalls` that a later one replaces, so it is never read as rules.
        let text = format!(
            "{{\"syscalls\": [{mistake}], \"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{rule}]}}"
        );
        compare(&text, &Catalog);
    }
}

#[test]
fn positions_inside_a_rule_read_apart_are_those_of_the_file() {
    let text = "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [\n  {\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"},\n  {\"comment\": \"é€\", \"names\": [\"reed\"], \"action\": \"SCMP_ACT_ALLOW\"}\n], \"flags\": [\"NOPE\"]}";
    assert!(read_apart(text));
    let parsed = parse_with(text, &Catalog, Reading::Apart);
    let at: Vec<(u32, u32)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.pos.line, d.pos.col))
        .collect();
    // `"reed"` on line 3 after a comment with two wide characters, then the flag after the array.
    assert_eq!(at, [(3, 31), (4, 14)], "{:?}", parsed.diagnostics);
}

/// An element's path has its index in decimal, as `format!` would write it, whatever was in
/// the reused buffer before.
#[test]
fn element_paths_are_written_as_format_would() {
    let mut buf = String::from("left over from the last element");
    for i in [0, 7, 10, 99, 100, 4096, usize::MAX] {
        let path = super::reader::element_path(&mut buf, "syscalls[3].names", i);
        assert_eq!(path, format!("syscalls[3].names[{i}]"));
    }
    assert_eq!(super::reader::element_path(&mut buf, "", 12), "[12]");
}

/// Line and column are counted in characters on either side of non-ASCII text.
#[test]
fn columns_count_characters_in_ascii_and_other_chunks() {
    let text = format!("{}\n{}é\nabc", "x".repeat(300), "é".repeat(200));
    let index = LineIndex::new(&text);
    let third = text.rfind("abc").unwrap();
    assert_eq!(index.pos(third + 2).line, 3);
    assert_eq!(index.pos(third + 2).col, 3);
    let e = text.rfind('é').unwrap();
    assert_eq!(index.pos(e).line, 2);
    assert_eq!(index.pos(e).col, 201);
    assert_eq!(index.pos(299).col, 300);
}
