//! Build script of the engine: links libseccomp even without its development package, turns
//! the catalog data under assets/catalog into static Rust tables, and indexes the message
//! files under assets/messages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "src/catalog/signature.rs"]
#[allow(dead_code)]
mod signature;

#[path = "src/lang.rs"]
#[allow(dead_code)]
mod lang;

#[path = "build/translations.rs"]
mod translations;

#[path = "src/i18n/index.rs"]
#[allow(dead_code)]
mod message_index;

#[path = "build/messages.rs"]
mod messages;

#[path = "build/flat.rs"]
mod flat;
use flat::{Interner, Rows};

fn main() {
    link_libseccomp();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The catalog data is the project's, at the top of the repository beside the profiles.
    let code = catalog_code(Path::new("../../assets/catalog"))
        .unwrap_or_else(|e| panic!("assets/catalog: {e}"));
    std::fs::write(out.join("catalog_data.rs"), code).expect("write catalog_data.rs");
    println!("cargo:rerun-if-changed=../../assets/catalog");
    println!("cargo:rerun-if-changed=src/catalog/signature.rs");
    println!("cargo:rerun-if-changed=src/lang.rs");
    println!("cargo:rerun-if-changed=build/translations.rs");
    println!("cargo:rerun-if-changed=build/flat.rs");
    let index =
        messages::index_code(Path::new("../../assets/messages")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("message_index.rs"), index).expect("write message_index.rs");
    println!("cargo:rerun-if-changed=../../assets/messages");
    println!("cargo:rerun-if-changed=src/i18n/index.rs");
    println!("cargo:rerun-if-changed=build/messages.rs");
}

/// libseccomp-sys asks for `-lseccomp`, which needs `libseccomp.so` (the -dev package).
/// Without it, point the linker at a folder holding `libseccomp.so` -> the runtime `libseccomp.so.2`.
fn link_libseccomp() {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let ask = |file: &str| -> Option<PathBuf> {
        let out = Command::new(&cc)
            .arg(format!("-print-file-name={file}"))
            .output()
            .ok()?;
        let p = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        p.is_absolute().then_some(p)
    };
    if ask("libseccomp.so").is_some() {
        return;
    }
    let runtime = ask("libseccomp.so.2")
        .or_else(|| {
            ["/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64"]
                .iter()
                .map(|d| Path::new(d).join("libseccomp.so.2"))
                .find(|p| p.exists())
        })
        .expect("libseccomp.so.2 was not found: install libseccomp2 (Debian/Ubuntu) or libseccomp (Fedora)");
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("libseccomp-link");
    std::fs::create_dir_all(&dir).expect("create link folder");
    let link = dir.join("libseccomp.so");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&runtime, &link).expect("symlink libseccomp.so");
    println!("cargo:rustc-link-search=native={}", dir.display());
}

type Table = toml::Table;

fn read_toml(path: &Path) -> Result<Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.parse::<Table>()
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn s<'a>(t: &'a Table, key: &str, ctx: &str) -> Result<&'a str, String> {
    t.get(key)
        .and_then(|v| v.as_str())
        .ok_or_else(|| format!("{ctx}: missing string `{key}`"))
}

fn members(t: &Table, ctx: &str) -> Result<Vec<String>, String> {
    let arr = t
        .get("members")
        .and_then(|v| v.as_array())
        .ok_or_else(|| format!("{ctx}: missing members"))?;
    arr.iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{ctx}: member not a string"))
        })
        .collect()
}

const ARCHES: usize = 9;

fn catalog_code(dir: &Path) -> Result<String, String> {
    // Categories.
    let cats = read_toml(&dir.join("categories.toml"))?;
    let cats = cats
        .get("category")
        .and_then(|v| v.as_array())
        .ok_or("categories.toml: no [[category]]")?;
    let mut category_ids = Vec::new();
    for c in cats {
        let t = c.as_table().ok_or("category not a table")?;
        category_ids.push(s(t, "id", "category")?.to_string());
    }
    // The texts in the other languages, checked against the English entries they translate.
    let tr = translations::Translations::read(dir)?;
    tr.check_categories(&category_ids)?;
    let mut strings = Interner::default();
    let mut categories = Rows::new("CATEGORIES", "Category");
    for c in cats {
        let t = c.as_table().ok_or("category not a table")?;
        let id = s(t, "id", "category")?;
        categories.push(&format!(
            "Category {{ id: {}, title: {}, about: {}, tr_title: {}, tr_about: {} }}",
            strings.str(id),
            strings.str(s(t, "title", id)?),
            strings.str(s(t, "about", id)?),
            strings.all(&tr.category(id, "title")),
            strings.all(&tr.category(id, "about")),
        ));
    }

    // Numbers.
    let numbers_text = std::fs::read_to_string(dir.join("numbers.tsv"))
        .map_err(|e| format!("numbers.tsv: {e}"))?;
    let mut numbers: BTreeMap<String, [Option<u32>; ARCHES]> = BTreeMap::new();
    for line in numbers_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t") && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != ARCHES + 1 {
            return Err(format!("numbers.tsv: bad line {line:?}"));
        }
        let mut row = [None; ARCHES];
        for (i, c) in cols[1..].iter().enumerate() {
            row[i] = if *c == "-" {
                None
            } else {
                Some(
                    c.parse()
                        .map_err(|_| format!("numbers.tsv: bad number in {line:?}"))?,
                )
            };
        }
        numbers.insert(cols[0].to_string(), row);
    }

    // Syscalls.
    let mut entries: BTreeMap<String, Table> = BTreeMap::new();
    let mut parts: Vec<_> = std::fs::read_dir(dir.join("syscalls"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    parts.sort();
    for part in parts
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        for (name, v) in read_toml(part)? {
            let t = v
                .as_table()
                .ok_or_else(|| format!("{name}: not a table"))?
                .clone();
            if entries.insert(name.clone(), t).is_some() {
                return Err(format!("{name}: described twice"));
            }
        }
    }
    for name in numbers.keys() {
        if !entries.contains_key(name) {
            return Err(format!("{name} has numbers but no entry under syscalls/"));
        }
    }
    tr.check_syscalls(&entries)?;
    let names: Vec<&String> = entries.keys().collect();
    let index_of = |n: &str| names.binary_search_by(|x| x.as_str().cmp(n)).ok();

    // Groups and families, expanded to syscall indices.
    let groups = read_toml(&dir.join("groups.toml"))?;
    let groups = groups
        .get("group")
        .and_then(|v| v.as_array())
        .ok_or("groups.toml: no [[group]]")?;
    let mut group_members: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in groups {
        let t = g.as_table().ok_or("group not a table")?;
        group_members.insert(s(t, "name", "group")?.to_string(), members(t, "group")?);
    }
    tr.check_named("group", &group_members.keys().cloned().collect())?;
    fn expand(
        name: &str,
        all: &BTreeMap<String, Vec<String>>,
        seen: &mut BTreeSet<String>,
        out: &mut BTreeSet<String>,
    ) {
        if !seen.insert(name.to_string()) {
            return;
        }
        for m in all.get(name).into_iter().flatten() {
            if m.starts_with('@') {
                expand(m, all, seen, out);
            } else {
                out.insert(m.clone());
            }
        }
    }
    // Every list of row numbers (a group's members, a syscall's groups...) lives here.
    let mut indices = Rows::new("INDICES", "usize");
    let mut tags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut group_rows = Rows::new("GROUPS", "Group");
    for (gi, g) in groups.iter().enumerate() {
        let t = g.as_table().expect("checked");
        let name = s(t, "name", "group")?;
        let mut flat = BTreeSet::new();
        expand(name, &group_members, &mut BTreeSet::new(), &mut flat);
        let mut idx = Vec::new();
        for m in &flat {
            let i = index_of(m).ok_or_else(|| format!("group {name}: unknown syscall {m}"))?;
            idx.push(i);
            tags.entry(m.clone()).or_default().push(gi);
        }
        group_rows.push(&format!(
            "Group {{ name: {}, source: {}, about: {}, tr_about: {}, members: {} }}",
            strings.str(name),
            strings.str(s(t, "source", name)?),
            strings.str(s(t, "about", name)?),
            strings.all(&tr.named("group", name)),
            indices.extend(idx.iter().map(usize::to_string)),
        ));
    }

    let families = read_toml(&dir.join("families.toml"))?;
    let families = families
        .get("family")
        .and_then(|v| v.as_array())
        .ok_or("families.toml: no [[family]]")?;
    let mut family_names = BTreeSet::new();
    for f in families {
        let t = f.as_table().ok_or("family not a table")?;
        family_names.insert(s(t, "name", "family")?.to_string());
    }
    tr.check_named("family", &family_names)?;
    let mut family_of: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut family_rows = Rows::new("FAMILIES", "Family");
    for (fi, f) in families.iter().enumerate() {
        let t = f.as_table().ok_or("family not a table")?;
        let name = s(t, "name", "family")?;
        let mut idx = Vec::new();
        for m in members(t, name)? {
            idx.push(index_of(&m).ok_or_else(|| format!("family {name}: unknown syscall {m}"))?);
            family_of.entry(m).or_default().push(fi);
        }
        family_rows.push(&format!(
            "Family {{ name: {}, about: {}, tr_about: {}, members: {} }}",
            strings.str(name),
            strings.str(s(t, "about", name)?),
            strings.all(&tr.named("family", name)),
            indices.extend(idx.iter().map(usize::to_string)),
        ));
    }

    // Constants.
    let mut set_ids = BTreeSet::new();
    let mut sets = Rows::new("CONSTANT_SETS", "ConstantSet");
    let mut constants = Rows::new("CONSTANTS", "Constant");
    for file in ["constants.tsv", "errno.tsv"] {
        let text = std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
        // The set being read: its row without the span of its values, and its values.
        let mut open: Option<(String, Vec<String>)> = None;
        let mut close = |open: &mut Option<(String, Vec<String>)>| {
            if let Some((head, values)) = open.take() {
                let span = constants.extend(values);
                sets.push(&format!("{head} values: {span} }}"));
            }
        };
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols[0] == "@set" {
                close(&mut open);
                let kind = match cols.get(2) {
                    Some(&"flags") => "Flags",
                    Some(&"enum") => "Enum",
                    Some(&"enum+flags") => "EnumFlags",
                    other => return Err(format!("{file}: bad kind {other:?}")),
                };
                set_ids.insert(cols[1].to_string());
                let head = format!(
                    "ConstantSet {{ id: {}, kind: SetKind::{kind}, about: {},",
                    strings.str(cols[1]),
                    strings.str(cols.get(3).unwrap_or(&""))
                );
                open = Some((head, Vec::new()));
            } else {
                let [_, name, value] = cols[..] else {
                    return Err(format!("{file}: bad line {line:?}"));
                };
                let v = match value.strip_prefix("0x") {
                    Some(hex) => u64::from_str_radix(hex, 16),
                    None => value.parse(),
                }
                .map_err(|_| format!("{file}: bad value in {line:?}"))?;
                let (name, flag) = match name.strip_prefix('|') {
                    Some(n) => (n, true),
                    None => (name, false),
                };
                let row = format!(
                    "Constant {{ name: {}, value: {v}, flag: {flag} }}",
                    strings.str(name)
                );
                open.as_mut()
                    .ok_or_else(|| format!("{file}: a constant before any @set"))?
                    .1
                    .push(row);
            }
        }
        close(&mut open);
    }

    // The syscall table itself.
    let mut syscalls = Rows::new("SYSCALLS", "Syscall");
    let mut args = Rows::new("ARGS", "Arg");
    for (name, t) in &entries {
        let cat = s(t, "category", name)?;
        let ci = category_ids
            .iter()
            .position(|c| c == cat)
            .ok_or_else(|| format!("{name}: unknown category {cat}"))?;
        let sig = s(t, "signature", name)?;
        let risk = match s(t, "risk", name)? {
            "low" => "Low",
            "medium" => "Medium",
            "high" => "High",
            other => return Err(format!("{name}: unknown risk {other}")),
        };
        let reason = t.get("risk_reason").and_then(|v| v.as_str()).unwrap_or("");
        if risk != "Low" && reason.is_empty() {
            return Err(format!("{name}: a {risk} risk needs risk_reason"));
        }
        let cap = match t.get("cap").and_then(|v| v.as_str()) {
            Some(c) if c.starts_with("CAP_") => strings.opt(Some(c)),
            Some(c) => return Err(format!("{name}: cap {c} is not a CAP_* name")),
            None => strings.opt(None),
        };
        let consts = t.get("consts").and_then(|v| v.as_table());
        let params = signature::params(sig);
        if params.len() > 6 {
            return Err(format!("{name}: more than six arguments"));
        }
        // Arguments the filter can judge as values although no constant set names them.
        let values: Vec<&str> = t
            .get("values")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        for v in &values {
            if !params.iter().any(|(a, _)| a == v) {
                return Err(format!(
                    "{name}: values names {v}, which the signature lacks"
                ));
            }
        }
        let mut arg_rows = Vec::new();
        for (arg, ty) in &params {
            let set = consts.and_then(|c| c.get(*arg)).and_then(|v| v.as_str());
            if let Some(id) = set.filter(|id| !set_ids.contains(*id)) {
                return Err(format!("{name}: unknown constant set {id}"));
            }
            let value = !signature::is_pointer(ty) && (set.is_some() || values.contains(arg));
            arg_rows.push(format!(
                "Arg {{ name: {}, ty: {}, pointer: {}, constants: {}, value: {value} }}",
                strings.str(arg),
                strings.str(ty),
                signature::is_pointer(ty),
                strings.opt(set),
            ));
        }
        if let Some(c) = consts {
            for k in c.keys() {
                if !params.iter().any(|(a, _)| a == k) {
                    return Err(format!(
                        "{name}: consts names {k}, which the signature lacks"
                    ));
                }
            }
        }
        let nums = numbers.get(name).copied().unwrap_or([None; ARCHES]);
        let list = |of: &BTreeMap<String, Vec<usize>>| -> Vec<String> {
            of.get(name)
                .into_iter()
                .flatten()
                .map(usize::to_string)
                .collect()
        };
        syscalls.push(&format!(
            "Syscall {{ name: {}, category: {ci}, summary: {}, tr_summary: {}, signature: {}, args: {}, risk: Risk::{risk}, risk_reason: {}, tr_risk_reason: {}, cap: {cap}, numbers: {nums:?}, groups: {}, families: {} }}",
            strings.str(name),
            strings.str(s(t, "summary", name)?),
            strings.all(&tr.syscall(name, "summary")),
            strings.str(sig),
            args.extend(arg_rows),
            strings.str(reason),
            strings.all(&tr.syscall(name, "risk_reason")),
            indices.extend(list(&tags)),
            indices.extend(list(&family_of)),
        ));
    }
    let mut code = String::from("// Generated by build.rs from assets/catalog; do not edit.\n\n");
    for rows in [
        &categories,
        &group_rows,
        &family_rows,
        &sets,
        &constants,
        &syscalls,
        &args,
        &indices,
    ] {
        code.push_str(&rows.code());
    }
    code.push_str(&strings.code());
    Ok(code)
}
