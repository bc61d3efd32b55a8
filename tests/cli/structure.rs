//! The source's own layout: no two modules of one folder import each other, directly or
//! through others of that folder (a loop means neither can be read, tested or moved alone).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folders to check, from the repository's top.
const ROOTS: &[&str] = &["src", "crates/core/src", "crates/sandbox/src"];

/// The modules of a folder: a file `x.rs` or a folder `x/` with a `mod.rs`.
fn modules(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".rs") {
            if !matches!(stem, "mod" | "lib" | "main") {
                out.insert(stem.to_string(), path);
            }
        } else if path.join("mod.rs").exists() {
            out.insert(name, path);
        }
    }
    out
}

/// The text of a module without its tests (tests may reach anywhere).
fn text_of(module: &Path) -> String {
    let mut files = vec![module.to_path_buf()];
    let mut text = String::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else if path.extension().is_some_and(|e| e == "rs") {
            let body = std::fs::read_to_string(&path).unwrap();
            let end = body.find("#[cfg(test)]").unwrap_or(body.len());
            text.push_str(&body[..end]);
        }
    }
    text
}

/// Whether `text` names module `name` by `prefix` (`super::`, `crate::tui::`) as a path.
fn names(text: &str, prefix: &str, name: &str) -> bool {
    let needle = format!("{prefix}{name}");
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every module of `dir` that module `from` can reach through imports within the folder.
fn reach(edges: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = edges[from].iter().map(String::as_str).collect();
    while let Some(m) = todo.pop() {
        if seen.insert(m.to_string()) {
            todo.extend(edges[m].iter().map(String::as_str));
        }
    }
    seen
}

/// The loops in one folder, as pairs of modules that reach each other.
fn loops_in(root: &Path, dir: &Path) -> Vec<String> {
    let mods = modules(dir);
    let relative = dir.strip_prefix(root).unwrap();
    let crate_path: String = relative
        .components()
        .map(|c| format!("{}::", c.as_os_str().to_string_lossy()))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, path) in &mods {
        let text = text_of(path);
        let nested = path.is_dir();
        let uses = mods.keys().filter(|other| *other != name).filter(|other| {
            names(&text, "super::", other)
                || names(&text, &format!("crate::{crate_path}"), other)
                || (nested && names(&text, "super::super::", other))
        });
        edges.insert(name.clone(), uses.cloned().collect());
    }
    let mut found = Vec::new();
    for a in mods.keys() {
        for b in reach(&edges, a) {
            if a < &b && reach(&edges, &b).contains(a) {
                found.push(format!("{}: {a} <-> {b}", dir.display()));
            }
        }
    }
    found
}

#[test]
fn no_folder_has_modules_that_import_each_other() {
    let top = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut folders = 0;
    for root in ROOTS {
        let root = top.join(root);
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            if dir.join("mod.rs").exists() || dir.join("lib.rs").exists() || dir == root {
                folders += 1;
                found.extend(loops_in(&root, &dir));
            }
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                if entry.path().is_dir() {
                    dirs.push(entry.path());
                }
            }
        }
    }
    assert!(folders > 15, "only {folders} folders read");
    assert!(
        found.is_empty(),
        "modules that import each other:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_loop_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\nmod c;\n").unwrap();
    std::fs::write(src.join("a.rs"), "use super::b::B;\n").unwrap();
    std::fs::write(src.join("b.rs"), "use crate::c::C;\n").unwrap();
    std::fs::write(src.join("c.rs"), "pub fn f() { super::a::g() }\n").unwrap();
    assert_eq!(loops_in(&src, &src).len(), 3);
    std::fs::write(
        src.join("c.rs"),
        "#[cfg(test)]\nmod t { use super::super::a; }\n",
    )
    .unwrap();
    assert!(loops_in(&src, &src).is_empty());
}

/// Lines a merge left unresolved in a file (`<<<<<<< `, a lone `=======`, `>>>>>>> `).
fn conflict_markers(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("<<<<<<< ") || l.starts_with(">>>>>>> ") || *l == "=======")
        .map(|(n, _)| n + 1)
        .collect()
}

/// No file of the repository holds an unresolved merge (one sat in the README for a day:
/// nothing else reads the README's text). Build output (`target`) and git's own files aside.
#[test]
fn no_file_holds_merge_conflict_markers() {
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()];
    let (mut found, mut read) = (Vec::new(), 0);
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                if name != "target" && name != ".git" {
                    folders.push(path);
                }
                continue;
            }
            // Files that are not text hold no markers a merge could leave.
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            read += 1;
            for line in conflict_markers(&text) {
                found.push(format!("{}:{line}", path.display()));
            }
        }
    }
    assert!(read > 100, "the repository's files were read ({read})");
    assert!(found.is_empty(), "unresolved merges: {found:?}");
}

#[test]
fn conflict_markers_are_found() {
    let text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> other\n";
    assert_eq!(conflict_markers(text), vec![2, 4, 6]);
    assert!(conflict_markers("a ======= b\n==========\n").is_empty());
}
