//! The build script's check of the translated catalog files, run on small catalogs written
//! here: a mistake in a pt-BR file fails the build with a message naming the file and entry.

#[path = "../../build/translations.rs"]
#[allow(dead_code)]
mod translations;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use translations::Translations;

/// English entries as the build script reads them: `read` (a low risk, no reason) and
/// `mount` (with a reason).
fn english() -> BTreeMap<String, toml::Table> {
    let text =
        "[read]\nsummary = \"Read.\"\n\n[mount]\nsummary = \"Mount.\"\nrisk_reason = \"Risky.\"\n";
    text.parse::<toml::Table>()
        .unwrap()
        .into_iter()
        .map(|(k, v)| (k, v.as_table().unwrap().clone()))
        .collect()
}

/// A catalog folder with `files` (path under pt-BR/, text).
fn catalog(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join("pt-BR").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// What the build says about the syscall files (Ok: nothing).
fn syscalls_verdict(part0: &str) -> Result<(), String> {
    let dir = catalog(&[("syscalls/part0.toml", part0)]);
    Translations::read(dir.path())?.check_syscalls(&english())
}

#[test]
fn good_files_generate_the_texts_and_missing_ones_are_empty() {
    let dir = catalog(&[
        (
            "syscalls/part0.toml",
            "[mount]\nsummary = \"Monta.\"\nrisk_reason = \"Arriscada.\"\n",
        ),
        (
            "categories.toml",
            "[[category]]\nid = \"files\"\ntitle = \"Arquivos\"\n",
        ),
    ]);
    let tr = Translations::read(dir.path()).unwrap();
    tr.check_syscalls(&english()).unwrap();
    tr.check_categories(&["files".to_string()]).unwrap();
    assert_eq!(tr.syscall("mount", "summary"), ["Monta."]);
    assert_eq!(tr.syscall("mount", "risk_reason"), ["Arriscada."]);
    assert_eq!(tr.syscall("read", "summary"), [""], "not written yet");
    assert_eq!(tr.category("files", "about"), [""]);
    assert_eq!(tr.named("group", "@mount"), [""]);
    // No pt-BR folder at all: every text falls back.
    let empty = tempfile::tempdir().unwrap();
    let none = Translations::read(empty.path()).unwrap();
    none.check_syscalls(&english()).unwrap();
    assert_eq!(none.syscall("mount", "summary"), [""]);
}

#[test]
fn a_name_english_lacks_fails_with_the_file_and_the_name() {
    let err = syscalls_verdict("[mount]\nsummary = \"Monta.\"\n\n[mountt]\nsummary = \"x\"\n")
        .unwrap_err();
    assert!(
        err.contains("pt-BR/syscalls/part0.toml") && err.contains("[mountt]"),
        "{err}"
    );
    assert!(
        err.contains("not a syscall of the English catalog"),
        "{err}"
    );
    let dir = catalog(&[(
        "groups.toml",
        "[[group]]\nname = \"@nope\"\nabout = \"x\"\n",
    )]);
    let err = Translations::read(dir.path())
        .unwrap()
        .check_named("group", &BTreeSet::from(["@mount".to_string()]))
        .unwrap_err();
    assert!(
        err.contains("groups.toml") && err.contains("group @nope"),
        "{err}"
    );
    let dir = catalog(&[(
        "categories.toml",
        "[[category]]\nid = \"filez\"\ntitle = \"x\"\n",
    )]);
    let err = Translations::read(dir.path())
        .unwrap()
        .check_categories(&["files".to_string()])
        .unwrap_err();
    assert!(err.contains("category filez"), "{err}");
}

#[test]
fn a_risk_reason_english_lacks_fails() {
    let err =
        syscalls_verdict("[read]\nsummary = \"Lê.\"\nrisk_reason = \"Nenhum.\"\n").unwrap_err();
    assert!(
        err.contains("[read] has a risk_reason, but the English entry has none"),
        "{err}"
    );
    assert!(syscalls_verdict("[mount]\nrisk_reason = \"Arriscada.\"\n").is_ok());
}

#[test]
fn other_keys_empty_texts_and_repeats_fail_as_they_are_read() {
    let read = |part0: &str, part1: &str| {
        let dir = catalog(&[
            ("syscalls/part0.toml", part0),
            ("syscalls/part1.toml", part1),
        ]);
        Translations::read(Path::new(dir.path())).map(|_| ())
    };
    let err = read("[read]\nsummary = \"Lê.\"\nrisk = \"low\"\n", "").unwrap_err();
    assert!(
        err.contains("`risk` belongs in the English file only"),
        "{err}"
    );
    let err = read("[read]\nsummary = \"\"\n", "").unwrap_err();
    assert!(err.contains("`summary` is empty"), "{err}");
    let err = read("[read]\nsummary = \"Lê.\"\n", "[read]\nsummary = \"Lê.\"\n").unwrap_err();
    assert!(err.contains("syscall read is translated twice"), "{err}");
    let err = read("[read\n", "").unwrap_err();
    assert!(err.contains("part0.toml"), "{err}");
}
