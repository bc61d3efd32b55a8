//! The catalog's texts in the languages other than English (`assets/catalog/<tag>/`, one file
//! per English file), read and checked against the English entries they stand beside. A text
//! not written yet is generated as "", and the catalog falls back to English for it.

use crate::lang::Language;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A translated entry's texts by field (`summary`, `risk_reason`, `title`, `about`), and the
/// file it came from.
struct Entry {
    file: PathBuf,
    fields: BTreeMap<String, String>,
}

/// The texts of one language, by (kind, name): `("syscall", "read")`, `("category", "files")`.
type Texts = BTreeMap<(&'static str, String), Entry>;

/// Every other language's texts, in [`Language::ALL`] order after English.
pub struct Translations {
    langs: Vec<Texts>,
}

/// The path as people know it, from the repository's top (`assets/catalog/pt-BR/...`).
fn shown(path: &Path) -> String {
    path.strip_prefix("../..")
        .unwrap_or(path)
        .display()
        .to_string()
}

fn read_table(path: &Path) -> Result<toml::Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", shown(path)))?;
    text.parse::<toml::Table>()
        .map_err(|e| format!("{}: {e}", shown(path)))
}

/// The fields of one entry: only `allowed` keys, each a string that is not empty.
fn fields(
    file: &Path,
    what: &str,
    table: &toml::Table,
    allowed: &[&str],
) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (key, value) in table {
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "{}: {what}: `{key}` belongs in the English file only (here: {})",
                shown(file),
                allowed.join(", ")
            ));
        }
        let text = value
            .as_str()
            .ok_or_else(|| format!("{}: {what}: `{key}` is not a string", shown(file)))?;
        if text.trim().is_empty() {
            return Err(format!(
                "{}: {what}: `{key}` is empty (leave the key out to show the English text)",
                shown(file)
            ));
        }
        out.insert(key.clone(), text.to_string());
    }
    Ok(out)
}

fn insert(texts: &mut Texts, kind: &'static str, name: &str, entry: Entry) -> Result<(), String> {
    let file = shown(&entry.file);
    match texts.insert((kind, name.to_string()), entry) {
        Some(_) => Err(format!("{file}: {kind} {name} is translated twice")),
        None => Ok(()),
    }
}

/// A `[[kind]]` list file (categories, groups, families): each item names its English entry
/// by `key` and has `fields`.
fn read_list(
    texts: &mut Texts,
    file: &Path,
    kind: &'static str,
    key: &str,
    allowed: &[&str],
) -> Result<(), String> {
    if !file.exists() {
        return Ok(());
    }
    let table = read_table(file)?;
    let items = table
        .get(kind)
        .and_then(|v| v.as_array())
        .ok_or_else(|| format!("{}: no [[{kind}]]", shown(file)))?;
    for item in items {
        let mut t = item
            .as_table()
            .ok_or_else(|| format!("{}: a {kind} is not a table", shown(file)))?
            .clone();
        let name = t
            .remove(key)
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or_else(|| format!("{}: a {kind} without `{key}`", shown(file)))?;
        let fields = fields(file, &format!("{kind} {name}"), &t, allowed)?;
        let entry = Entry {
            file: file.to_path_buf(),
            fields,
        };
        insert(texts, kind, &name, entry)?;
    }
    Ok(())
}

fn read_language(dir: &Path) -> Result<Texts, String> {
    let mut texts = Texts::new();
    if !dir.exists() {
        return Ok(texts);
    }
    let syscalls = dir.join("syscalls");
    if syscalls.exists() {
        let mut parts: Vec<PathBuf> = std::fs::read_dir(&syscalls)
            .map_err(|e| format!("{}: {e}", shown(&syscalls)))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        parts.sort();
        for part in parts {
            for (name, value) in read_table(&part)? {
                let table = value
                    .as_table()
                    .ok_or_else(|| format!("{}: {name} is not a table", shown(&part)))?;
                let fields = fields(&part, &name, table, &["summary", "risk_reason"])?;
                let entry = Entry {
                    file: part.clone(),
                    fields,
                };
                insert(&mut texts, "syscall", &name, entry)?;
            }
        }
    }
    read_list(
        &mut texts,
        &dir.join("categories.toml"),
        "category",
        "id",
        &["title", "about"],
    )?;
    read_list(
        &mut texts,
        &dir.join("groups.toml"),
        "group",
        "name",
        &["about"],
    )?;
    read_list(
        &mut texts,
        &dir.join("families.toml"),
        "family",
        "name",
        &["about"],
    )?;
    Ok(texts)
}

impl Translations {
    /// Every language but English, from `<catalog>/<tag>/` (a missing folder or file is a
    /// language or part not written yet).
    pub fn read(catalog: &Path) -> Result<Translations, String> {
        let langs = Language::ALL[1..]
            .iter()
            .map(|l| read_language(&catalog.join(l.tag())))
            .collect::<Result<_, _>>()?;
        Ok(Translations { langs })
    }

    fn entries<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = (&'a String, &'a Entry)> {
        self.langs
            .iter()
            .flat_map(move |t| t.iter().filter(move |((k, _), _)| *k == kind))
            .map(|((_, name), e)| (name, e))
    }

    /// Fails on a translated syscall the English catalog lacks, or on a risk reason where
    /// the English entry has none.
    pub fn check_syscalls(&self, english: &BTreeMap<String, toml::Table>) -> Result<(), String> {
        for (name, entry) in self.entries("syscall") {
            let Some(en) = english.get(name) else {
                return Err(format!(
                    "{}: [{name}] is not a syscall of the English catalog (assets/catalog/syscalls/)",
                    shown(&entry.file)
                ));
            };
            let en_reason = en.get("risk_reason").and_then(|v| v.as_str()).unwrap_or("");
            if entry.fields.contains_key("risk_reason") && en_reason.is_empty() {
                return Err(format!(
                    "{}: [{name}] has a risk_reason, but the English entry has none",
                    shown(&entry.file)
                ));
            }
        }
        Ok(())
    }

    /// Fails on a translated category the English catalog lacks.
    pub fn check_categories(&self, ids: &[String]) -> Result<(), String> {
        self.check_named("category", &ids.iter().cloned().collect())
    }

    /// Fails on a translated `kind` (category, group, family) whose name English lacks.
    pub fn check_named(&self, kind: &str, english: &BTreeSet<String>) -> Result<(), String> {
        match self
            .entries(kind)
            .find(|(name, _)| !english.contains(*name))
        {
            Some((name, entry)) => Err(format!(
                "{}: {kind} {name} is not in the English catalog",
                shown(&entry.file)
            )),
            None => Ok(()),
        }
    }

    /// The field's text in every other language ("" where not written).
    fn column(&self, kind: &'static str, name: &str, field: &str) -> Vec<&str> {
        self.langs
            .iter()
            .map(|t| {
                t.get(&(kind, name.to_string()))
                    .and_then(|e| e.fields.get(field))
                    .map_or("", String::as_str)
            })
            .collect()
    }

    /// A syscall's `summary` or `risk_reason` in every other language.
    pub fn syscall(&self, name: &str, field: &str) -> Vec<&str> {
        self.column("syscall", name, field)
    }

    /// A category's `title` or `about` in every other language.
    pub fn category(&self, id: &str, field: &str) -> Vec<&str> {
        self.column("category", id, field)
    }

    /// A group's or family's `about` in every other language.
    pub fn named(&self, kind: &'static str, name: &str) -> Vec<&str> {
        self.column(kind, name, "about")
    }
}
