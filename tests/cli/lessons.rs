//! The lesson files: every language has the same lessons with the same steps and checks, as
//! the English file; every text is there; every syscall a check names exists; `learn --list`
//! prints the lessons in the language asked for.

use assert_cmd::Command;
use seccompose::learn::{self, LessonSet};
use std::path::Path;

/// Every file of assets/lessons, read from the disk (what ships is what is checked).
fn files() -> Vec<LessonSet> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons");
    let mut sets = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let tag = path.file_stem().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            sets.push(LessonSet::parse(&tag, &text).unwrap_or_else(|e| panic!("{e}")));
        }
    }
    sets.sort_by(|a, b| a.tag.cmp(&b.tag));
    sets
}

#[test]
fn english_and_brazilian_portuguese_ship() {
    let tags: Vec<String> = files().into_iter().map(|s| s.tag).collect();
    assert!(tags.contains(&"en".to_string()), "{tags:?}");
    assert!(tags.contains(&"pt-BR".to_string()), "{tags:?}");
    assert_eq!(
        learn::languages().len(),
        tags.len(),
        "every file is compiled in"
    );
}

#[test]
fn every_language_has_the_same_lessons_steps_and_checks() {
    let sets = files();
    let en = sets.iter().find(|s| s.tag == "en").unwrap();
    assert_eq!(en.lessons.len(), 6, "the six lessons of issue 16");
    for set in &sets {
        let ids = |s: &LessonSet| s.lessons.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(set), ids(en), "{}: lessons", set.tag);
        for (mine, theirs) in set.lessons.iter().zip(&en.lessons) {
            let at = format!("{} lesson {}", set.tag, mine.id);
            assert_eq!(mine.start, theirs.start, "{at}: start");
            let steps = |l: &learn::Lesson| {
                l.steps
                    .iter()
                    .map(|s| (s.id.clone(), s.check.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(steps(mine), steps(theirs), "{at}: steps and checks");
            for text in [&mine.title, &mine.intro, &mine.end] {
                assert!(!text.trim().is_empty(), "{at}: an empty text");
            }
            for step in &mine.steps {
                assert!(
                    !step.title.trim().is_empty() && !step.text.trim().is_empty(),
                    "{at} step {}",
                    step.id
                );
                assert!(!step.check.is_empty(), "{at} step {}: no check", step.id);
            }
        }
        for key in en.ui.keys() {
            assert!(
                set.ui.contains_key(key),
                "{}: no interface string {key}",
                set.tag
            );
        }
        for key in set.ui.keys() {
            assert!(
                en.ui.contains_key(key),
                "{}: {key} is not an English key",
                set.tag
            );
        }
    }
}

#[test]
fn translations_are_translated() {
    let sets = files();
    let en = sets.iter().find(|s| s.tag == "en").unwrap();
    let pt = sets.iter().find(|s| s.tag == "pt-BR").unwrap();
    for (p, e) in pt.lessons.iter().zip(&en.lessons) {
        assert_ne!(p.title, e.title, "{}", e.id);
        for (ps, es) in p.steps.iter().zip(&e.steps) {
            assert_ne!(ps.text, es.text, "{} {}", e.id, es.id);
        }
    }
    assert_eq!(pt.ui("panel.title"), "Lição {n}/{total}: {title}");
}

#[test]
fn every_check_names_syscalls_that_exist_and_every_start_builds() {
    for set in files() {
        for lesson in &set.lessons {
            lesson.start.profile().unwrap();
            for step in &lesson.steps {
                for check in &step.check {
                    let unknown = check.unknown_names();
                    assert!(
                        unknown.is_empty(),
                        "{} {} {}: {unknown:?}",
                        set.tag,
                        lesson.id,
                        step.id
                    );
                }
            }
        }
    }
}

#[test]
fn learn_list_prints_the_lessons_in_the_language_asked_for() {
    let out = Command::cargo_bin("seccompose")
        .unwrap()
        .args(["learn", "--list", "--lang", "pt-BR"])
        .env_remove("LC_ALL")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("2  block-a-syscall  Bloqueie uma syscall"),
        "{text}"
    );
    let out = Command::cargo_bin("seccompose")
        .unwrap()
        .args(["learn", "--list"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "pt_BR.UTF-8")
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Regras de argumentos"));
    let out = Command::cargo_bin("seccompose")
        .unwrap()
        .args(["learn", "--list"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Argument rules"));
    Command::cargo_bin("seccompose")
        .unwrap()
        .args(["learn", "--list", "--lang", "xx"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no lessons in \"xx\""));
    Command::cargo_bin("seccompose")
        .unwrap()
        .args(["learn", "nine"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no lesson \"nine\""));
}
