//! Every message in every language, and every id the code asks for.

use crate::i18n::*;
use crate::lang::Language;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Each file's messages: id → the variables its value and attributes use.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("a message file does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            m.value.iter().for_each(|p| pattern_vars(p, &mut vars));
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            let fresh = out.insert(m.id.name.to_string(), vars).is_none();
            assert!(fresh, "{} is defined twice", m.id.name);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every id in both languages, none empty, and the same variables in both.
#[test]
fn every_message_is_in_every_language_with_the_same_arguments() {
    let english = messages(FILES[0].1);
    assert!(english.len() > 50, "{} messages", english.len());
    for (language, source) in &FILES[1..] {
        let other = messages(source);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            extra.is_empty(),
            "{language} has ids English lacks: {extra:?}"
        );
        for (id, vars) in &english {
            assert_eq!(
                vars, &other[id],
                "{id}: the arguments in en and in {language} differ"
            );
        }
    }
    for (language, _) in FILES {
        for (id, vars) in &english {
            let args: Vec<(&str, FluentValue)> = vars
                .iter()
                .map(|v| (v.as_str(), FluentValue::from(2)))
                .collect();
            let text = text_in(language, id, &args);
            assert!(has(language, id), "{language}: {id}");
            assert!(
                !text.trim().is_empty() && text != *id,
                "{language}: {id} is empty"
            );
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{language}: {id} has bidi isolation marks: {text:?}"
            );
            assert!(
                !text.contains("{$"),
                "{language}: {id}: an argument is not filled: {text}"
            );
        }
    }
}

/// The ids the code asks for with the `msg!` and `text!` macros and in key hints, from the
/// source files of every package (but this one and the one that defines them).
fn literal_ids() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n_tests.rs")
                && !path.ends_with("core/src/i18n/mod.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let asked = text
                    .match_indices("msg!(")
                    .map(|(i, m)| i + m.len())
                    .chain(text.match_indices("text!(").map(|(i, m)| i + m.len()));
                for i in asked {
                    let rest = text[i..].trim_start();
                    if let Some(rest) = rest.strip_prefix('"') {
                        let id = &rest[..rest.find('"').unwrap()];
                        out.insert(id.to_string());
                    }
                }
                // Key hints: `Hint::new` takes only ids that begin with `hint-`.
                for (i, _) in text.match_indices("\"hint-") {
                    let rest = &text[i + 1..];
                    let id = &rest[..rest.find('"').unwrap()];
                    if id != "hint-" {
                        out.insert(id.to_string());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    let top = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src", "crates/core/src", "crates/sandbox/src"] {
        walk(&top.join(dir), &mut out);
    }
    out
}

/// The ids the code builds from names: every key's help line and help group.
fn built_ids() -> BTreeSet<String> {
    use crate::tui::keymap::{Context, KeyMap};
    let mut out = BTreeSet::new();
    for (_, bindings) in KeyMap::builtin().groups() {
        out.extend(bindings.iter().map(|b| b.help_id.clone()));
    }
    out.extend(Context::ALL.iter().map(|c| c.title_id()));
    out
}

/// Every id the code asks for is in the English file, and every message there is asked for.
#[test]
fn the_code_and_the_files_name_the_same_ids() {
    let english: BTreeSet<String> = messages(FILES[0].1).into_keys().collect();
    let literal = literal_ids();
    assert!(literal.len() > 10, "{literal:?}");
    let used: BTreeSet<String> = literal.union(&built_ids()).cloned().collect();
    let unknown: Vec<_> = used.difference(&english).collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in en.ftl: {unknown:?}"
    );
    // --help's ids are built from the command line's definition, which only the binary has:
    // its own test (src/cli/help.rs) holds those to it.
    let from_help = |id: &&String| {
        ["cli-about-", "cli-help-", "cli-value-"]
            .iter()
            .any(|p| id.starts_with(p))
    };
    let unused: Vec<_> = english
        .difference(&used)
        .filter(|id| !from_help(id))
        .collect();
    assert!(
        unused.is_empty(),
        "in en.ftl but never asked for: {unused:?}"
    );
}

/// A message missing in Portuguese falls back to English; a missing id gives the id.
#[test]
fn fallbacks_are_never_empty() {
    let args = [("file", FluentValue::from("a.json"))];
    let en = text_in(Language::En, "status-saved", &args);
    assert!(en.contains("a.json"), "{en}");
    let pt = text_in(Language::PtBr, "status-saved", &args);
    assert!(pt.contains("a.json") && pt != en, "{pt}");
    assert_eq!(
        text_in(Language::PtBr, "no-such-message", &[]),
        "no-such-message"
    );
    set_thread_language(Language::PtBr);
    assert_eq!(language(), Language::PtBr);
    assert_eq!(crate::msg!("status-saved", file = "a.json"), pt);
}
