//! Kubernetes Security Profiles Operator `SeccompProfile` manifests. A file may hold several
//! YAML documents; one is picked by `metadata.name`, and its `spec` is the profile. Saving
//! rewrites that document's `spec` block and leaves every other line of the file alone.

use super::yaml::{self, documents, get, key_node, scalar_text, start, to_json};
use super::{failed, remap, Container, Imported, WriteError};
use crate::profile::diag::Diagnostic;
use crate::profile::load::{parse, Lexicon};
use crate::profile::model::{Pos, Profile};
use crate::profile::preserve::patch;
use crate::profile::save::to_value;
use crate::profile::vocab::Action;
use saphyr::MarkedYaml;
use serde_json::{Map, Value};
use std::path::Path;

/// The operator's API group and version.
pub const SPO_API_VERSION: &str = "security-profiles-operator.x-k8s.io/v1";

/// Architectures, flags and the highest errno the operator's schema accepts.
const SPO_ARCHES: &[&str] = &[
    "SCMP_ARCH_NATIVE",
    "SCMP_ARCH_X86",
    "SCMP_ARCH_X86_64",
    "SCMP_ARCH_X32",
    "SCMP_ARCH_ARM",
    "SCMP_ARCH_AARCH64",
    "SCMP_ARCH_MIPS",
    "SCMP_ARCH_MIPS64",
    "SCMP_ARCH_MIPS64N32",
    "SCMP_ARCH_MIPSEL",
    "SCMP_ARCH_MIPSEL64",
    "SCMP_ARCH_MIPSEL64N32",
    "SCMP_ARCH_PPC",
    "SCMP_ARCH_PPC64",
    "SCMP_ARCH_PPC64LE",
    "SCMP_ARCH_S390",
    "SCMP_ARCH_S390X",
    "SCMP_ARCH_PARISC",
    "SCMP_ARCH_PARISC64",
    "SCMP_ARCH_RISCV64",
];
const SPO_FLAGS: &[&str] = &[
    "SECCOMP_FILTER_FLAG_TSYNC",
    "SECCOMP_FILTER_FLAG_LOG",
    "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
    "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV",
];
const SPO_MAX_ERRNO: u64 = 4095;

fn is_seccomp_profile(doc: &MarkedYaml<'_>) -> bool {
    get(doc, "kind").and_then(scalar_text) == Some("SeccompProfile")
}

/// `metadata.name`; a manifest without one is named "" (so that it can be found again).
fn name_of<'n>(doc: &'n MarkedYaml<'_>) -> &'n str {
    get(doc, "metadata")
        .and_then(|m| get(m, "name"))
        .and_then(scalar_text)
        .unwrap_or("")
}

/// Whether `doc` is the SeccompProfile that import, save and rewrite all mean by `name`: the
/// first one of that name is the one read and the one written.
fn is_named(doc: &MarkedYaml<'_>, name: &str) -> bool {
    is_seccomp_profile(doc) && name_of(doc) == name
}

/// Reads the `spec` of the `SeccompProfile` named `name` (the first one when None).
pub(super) fn import(text: &str, name: Option<&str>, lexicon: &dyn Lexicon) -> Imported {
    let container = |n: &str| Container::Spo { name: n.into() };
    let docs = match documents(text) {
        Ok(d) => d,
        Err((pos, msg)) => return failed(container(""), Diagnostic::error(pos, msg)),
    };
    let profiles: Vec<_> = docs.iter().filter(|d| is_seccomp_profile(d)).collect();
    let names: Vec<&str> = profiles.iter().map(|d| name_of(d)).collect();
    let first = Pos { line: 1, col: 1 };
    let chosen = match name {
        Some(n) => profiles.iter().find(|d| is_named(d, n)),
        None => profiles.first(),
    };
    let Some(doc) = chosen else {
        let msg = match (name, names.is_empty()) {
            (_, true) => crate::text!("load-spo-none"),
            (Some(n), false) => {
                crate::text!("load-spo-no-such-name", name = n, names = names.join(", "))
            }
            (None, false) => unreachable!("a first profile exists when names is not empty"),
        };
        return failed(container(name.unwrap_or("")), Diagnostic::error(first, msg));
    };
    let chosen_name = name_of(doc).to_string();
    let others = names
        .iter()
        .filter(|n| **n != chosen_name)
        .map(|n| n.to_string())
        .collect();
    let mut diags = Vec::new();
    if let Some(api) = get(doc, "apiVersion").and_then(scalar_text) {
        if !api.starts_with("security-profiles-operator.x-k8s.io/") {
            diags.push(Diagnostic::warning(
                start(doc),
                crate::text!(
                    "load-spo-api-version",
                    api = api,
                    expected = SPO_API_VERSION
                ),
            ));
        }
    }
    let Some(spec) = get(doc, "spec") else {
        return failed(
            container(&chosen_name),
            Diagnostic::error(
                start(doc),
                crate::text!("load-spo-no-spec", name = &chosen_name),
            ),
        );
    };
    let (value, lines) = match to_json(spec) {
        Ok(x) => x,
        Err((pos, msg)) => return failed(container(&chosen_name), Diagnostic::error(pos, msg)),
    };
    if value.get("baseProfileName").is_some() {
        diags.push(Diagnostic::warning(
            start(spec),
            crate::text!("load-spo-base-profile"),
        ));
    }
    let mut json = serde_json::to_string_pretty(&value).expect("a JSON value serializes");
    json.push('\n');
    let mut parsed = parse(&json, lexicon);
    let fallback = start(spec);
    remap(&mut parsed, |p| {
        lines
            .get(p.line.saturating_sub(1) as usize)
            .map_or(fallback, |l| l.at(p.col))
    });
    parsed.diagnostics.extend(diags);
    parsed.diagnostics.sort_by_key(|d| d.pos);
    Imported {
        parsed,
        container: container(&chosen_name),
        others,
    }
}

/// Whether `name` is a valid Kubernetes object name (a DNS subdomain).
pub fn valid_name(name: &str) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    name.len() <= 253 && name.split('.').all(label)
}

/// What the operator's schema cannot hold of a profile that is already resolved for a target
/// (see [`super::resolve`]); empty when the manifest means the same.
pub fn spec_limits(p: &Profile) -> Vec<crate::i18n::Text> {
    use crate::text;
    let mut out = Vec::new();
    match p.default_errno_ret {
        Some(e) if e != 1 && p.default_action.takes_errno() => {
            out.push(text!("spo-limit-default-errno", errno = e.to_string()))
        }
        _ => {}
    }
    if p.default_action == Action::Notify {
        out.push(text!("spo-limit-notify-default"));
    }
    for a in p.architectures.iter().flatten() {
        if !SPO_ARCHES.contains(&a.scmp_name()) {
            out.push(text!("spo-limit-arch", arch = a.scmp_name()));
        }
    }
    for f in p.flags.iter().flatten() {
        if !SPO_FLAGS.contains(&f.as_str()) {
            out.push(text!("spo-limit-flag", flag = f.as_str()));
        }
    }
    for (i, rule) in p.rules().iter().enumerate() {
        match rule.errno_ret {
            Some(0) if rule.action.takes_errno() => {
                out.push(text!("spo-limit-errno-zero", index = i.to_string()))
            }
            Some(e) if e > SPO_MAX_ERRNO && rule.action.takes_errno() => out.push(text!(
                "spo-limit-errno-above",
                index = i.to_string(),
                errno = e.to_string(),
                max = SPO_MAX_ERRNO.to_string()
            )),
            _ => {}
        }
        for (j, c) in rule.conditions().iter().enumerate() {
            let big = |v: u64| v > i64::MAX as u64;
            if big(c.value) || c.value_two.is_some_and(big) {
                out.push(text!(
                    "spo-limit-signed",
                    index = i.to_string(),
                    arg = j.to_string()
                ));
            }
        }
    }
    out
}

/// The spec as the operator takes it: the profile's fields, with what it cannot hold left out
/// (only what [`spec_limits`] lists, and a default errno equal to EPERM's).
fn spec_value(p: &Profile) -> Value {
    let mut v = to_value(p);
    let limits = spec_limits(p);
    if let Some(obj) = v.as_object_mut() {
        if p.default_errno_ret == Some(1) || !limits.is_empty() {
            obj.shift_remove("defaultErrnoRet");
        }
    }
    v
}

/// A whole manifest for `p` (already resolved for a target).
pub fn manifest(p: &Profile, name: &str, namespace: Option<&str>) -> String {
    let mut meta = Map::new();
    meta.insert("name".into(), Value::String(name.into()));
    if let Some(ns) = namespace {
        meta.insert("namespace".into(), Value::String(ns.into()));
    }
    let mut doc = Map::new();
    doc.insert("apiVersion".into(), Value::String(SPO_API_VERSION.into()));
    doc.insert("kind".into(), Value::String("SeccompProfile".into()));
    doc.insert("metadata".into(), Value::Object(meta));
    doc.insert("spec".into(), spec_value(p));
    let mut out = String::new();
    yaml::write_mapping(&mut out, &doc, 0);
    out
}

/// `text` with the `spec` of the SeccompProfile `name`, whose meaning is `before`, changed to
/// mean `after`; every line outside that block stays as it was, and inside it the keys keep
/// the order they were written in (the change is made by the JSON minimal writer on the spec
/// as written, then the block is written out as YAML again).
pub(super) fn replace_spec(
    text: &str,
    name: &str,
    before: &Value,
    after: &Value,
) -> Result<String, WriteError> {
    let docs = documents(text).map_err(|(_, m)| WriteError::Yaml(m.local()))?;
    let doc = docs
        .iter()
        .find(|d| is_named(d, name))
        .ok_or_else(|| WriteError::ProfileGone(name.to_string()))?;
    let key = key_node(doc, "spec").ok_or(WriteError::NoSpec)?;
    let spec_node = get(doc, "spec").ok_or(WriteError::NoSpec)?;
    let (written, _) = to_json(spec_node).map_err(|(_, m)| WriteError::Yaml(m.local()))?;
    let json = serde_json::to_string_pretty(&written).expect("a JSON value serializes");
    let patched = patch(&json, before, after)?;
    let spec: Value =
        serde_json::from_str(&patched).map_err(|e| WriteError::Json(e.to_string()))?;
    let Value::Object(spec) = spec else {
        return Err(WriteError::SpecNotObject);
    };
    let (line, col) = (key.span.start.line(), key.span.start.col());
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines = yaml::lines(text);
    let first = line
        .checked_sub(1)
        .filter(|f| *f < lines.len())
        .ok_or(WriteError::SpecOffTheFile)?;
    // The block: the key's line and every later line indented deeper, up to the last such
    // line that holds something (blank lines and comments after it stay outside).
    let mut last = first;
    for (i, l) in lines.iter().enumerate().skip(first + 1) {
        let body = l.trim_end_matches(['\r', '\n']);
        let trimmed = body.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // Columns count characters, as the parser does.
        let indent = body.chars().count() - trimmed.chars().count();
        if indent <= col || body.starts_with("---") || body.starts_with("...") {
            break;
        }
        last = i;
    }
    let mut block = String::new();
    let mut head = Map::new();
    head.insert("spec".into(), Value::Object(spec.clone()));
    yaml::write_mapping(&mut block, &head, col);
    let prefix = &lines[first][..lines[first].len() - lines[first].trim_start().len()];
    let block = block.trim_start_matches(' ').replace('\n', eol);
    let mut out: String = lines[..first].concat();
    out.push_str(prefix);
    out.push_str(&block);
    out.extend(lines[last + 1..].iter().copied());
    Ok(out)
}

/// Every document of `text` written out again in the block style, with the `spec` of the
/// SeccompProfile `name` replaced by `spec`: the canonical form of a manifest file.
pub fn rewrite_manifests(text: &str, name: &str, spec: &Value) -> Result<String, WriteError> {
    let docs = documents(text).map_err(|(_, m)| WriteError::Yaml(m.local()))?;
    let mut out = String::new();
    let mut replaced = false;
    for doc in &docs {
        let (mut value, _) = to_json(doc).map_err(|(_, m)| WriteError::Yaml(m.local()))?;
        if !replaced && is_named(doc, name) {
            value["spec"] = spec.clone();
            replaced = true;
        }
        out.push_str("---\n");
        match &value {
            Value::Object(map) => yaml::write_mapping(&mut out, map, 0),
            other => out.push_str(&format!("{other}\n")),
        }
    }
    if !replaced {
        // Written without the profile, the file would silently lose the edits.
        return Err(WriteError::NoSuchProfile(name.to_string()));
    }
    Ok(out)
}

/// A Kubernetes name from a file name: lower case, other characters as dashes.
pub fn name_from_file(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("profile");
    let mut name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name = name.trim_matches(['-', '.']).to_string();
    if name.is_empty() {
        "profile".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog as Any;

    const TWO: &str = "# two profiles\n---\napiVersion: security-profiles-operator.x-k8s.io/v1\nkind: SeccompProfile\nmetadata:\n  name: a\nspec:\n  defaultAction: SCMP_ACT_ERRNO\n  syscalls:\n  - action: SCMP_ACT_ALLOW\n    names:\n    - read\n\n  # trailing comment\n---\napiVersion: security-profiles-operator.x-k8s.io/v1\nkind: SeccompProfile\nmetadata:\n  name: b\nspec:\n  defaultAction: \"SCMP_ACT_LOG\"\n";

    #[test]
    fn picks_by_name_and_points_at_yaml_lines() {
        let b = import(TWO, Some("b"), &Any);
        let p = b.parsed.profile.unwrap();
        assert_eq!(p.default_action, Action::Log);
        assert_eq!(b.others, vec!["a".to_string()]);
        let bad = TWO.replace("SCMP_ACT_ALLOW", "SCMP_ACT_ALOW");
        let a = import(&bad, None, &Any);
        assert!(a.parsed.profile.is_none());
        let d = &a.parsed.diagnostics[0];
        assert_eq!((d.pos.line, d.pos.col), (10, 13), "{d:?}");
    }

    #[test]
    fn a_save_rewrites_only_the_spec_block() {
        let a = import(TWO, Some("a"), &Any);
        let mut p = a.parsed.profile.unwrap();
        p.syscalls.as_mut().unwrap()[0].names =
            Some(crate::profile::Names::List(vec!["write".into()]));
        let before = to_value(&import(TWO, Some("a"), &Any).parsed.profile.unwrap());
        let out = replace_spec(TWO, "a", &before, &to_value(&p)).unwrap();
        assert_eq!(out, TWO.replace("    - read\n", "    - write\n"));
    }
}
