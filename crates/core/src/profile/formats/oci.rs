//! The OCI runtime configuration (`config.json`): the profile is its `linux.seccomp` object.
//! Reading takes that object out with its positions in the whole file; writing patches it
//! into a configuration and leaves every other byte as it was.

use super::{failed, pos_of, remap, Container, Imported, WriteError};
use crate::i18n::Text;
use crate::profile::diag::Diagnostic;
use crate::profile::load::{parse, Lexicon};
use crate::profile::model::Pos;
use crate::profile::preserve::patch_at;
use crate::text;
use jsonc_parser::ast::{Object, Value as Ast};
use jsonc_parser::common::Ranged;
use serde_json::Value;

/// Where a runtime configuration keeps the seccomp profile.
pub const SECCOMP_PATH: [&str; 2] = ["linux", "seccomp"];

/// The last property named `key` (the loader and runc read the last of duplicate keys).
fn property<'a, 't>(obj: &'a Object<'t>, key: &str) -> Option<&'a Ast<'t>> {
    obj.properties
        .iter()
        .rev()
        .find(|p| p.name.as_str() == key)
        .map(|p| &p.value)
}

/// Reads `linux.seccomp` out of a whole runtime configuration.
pub(super) fn import(text: &str, lexicon: &dyn Lexicon) -> Imported {
    let error = |offset: usize, msg: Text| {
        failed(
            Container::OciConfig,
            Diagnostic::error(pos_of(text, offset), msg),
        )
    };
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        // The loader reports bad JSON the way it does for any profile file.
        return Imported {
            parsed: parse(text, lexicon),
            container: Container::OciConfig,
            others: Vec::new(),
        };
    }
    let ast = match jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default()) {
        Ok(r) => r.value,
        Err(e) => {
            let detail = e.kind().to_string();
            return error(e.range().start, text!("load-invalid-json", detail = detail));
        }
    };
    let Some(Ast::Object(root)) = ast else {
        return error(0, text!("load-oci-not-object"));
    };
    let Some(linux) = property(&root, "linux") else {
        return error(root.start(), text!("load-oci-no-linux"));
    };
    let Ast::Object(linux_obj) = linux else {
        return error(linux.start(), text!("load-oci-linux-not-object"));
    };
    let Some(seccomp) = property(linux_obj, "seccomp") else {
        return error(linux.start(), text!("load-oci-no-seccomp"));
    };
    let range = seccomp.range();
    let start = pos_of(text, range.start);
    let mut parsed = parse(&text[range.start..range.end], lexicon);
    remap(&mut parsed, |p| {
        if p.line == 1 {
            Pos {
                line: start.line,
                col: start.col + p.col - 1,
            }
        } else {
            Pos {
                line: start.line + p.line - 1,
                col: p.col,
            }
        }
    });
    Imported {
        parsed,
        container: Container::OciConfig,
        others: Vec::new(),
    }
}

/// Removes `linux.seccomp` (and a `linux` left empty that `had_linux` says was not there) so
/// that what stays can be compared.
fn without_seccomp(mut config: Value, had_linux: bool) -> Value {
    if let Some(linux) = config.get_mut("linux").and_then(Value::as_object_mut) {
        linux.shift_remove("seccomp");
        if linux.is_empty() && !had_linux {
            config.as_object_mut().map(|o| o.shift_remove("linux"));
        }
    }
    config
}

/// `config` (the text of a runtime configuration) with `linux.seccomp` set to `seccomp`,
/// every other byte kept; checked by reading the result back.
pub fn patch_config(config: &str, seccomp: &Value) -> Result<String, WriteError> {
    let before: Value =
        serde_json::from_str(config).map_err(|e| WriteError::ConfigNotJson(e.to_string()))?;
    if !before.is_object() {
        return Err(WriteError::ConfigNotObject);
    }
    let had_linux = before.get("linux").is_some();
    if had_linux && !before["linux"].is_object() {
        return Err(WriteError::LinuxNotObject);
    }
    let old = before.pointer("/linux/seccomp");
    let text = patch_at(config, &SECCOMP_PATH, old, seccomp)?;
    let after: Value =
        serde_json::from_str(&text).map_err(|e| WriteError::PatchedUnreadable(e.to_string()))?;
    if after.pointer("/linux/seccomp") != Some(seccomp) {
        return Err(WriteError::PatchedWithoutProfile);
    }
    if without_seccomp(after, had_linux) != without_seccomp(before, true) {
        return Err(WriteError::PatchedTooMuch);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_seccomp_object_changes() {
        let config = "{\n    \"ociVersion\": \"1.0.2\",\n    \"process\": {\"args\": [\"sh\"]},\n    \"linux\": {\n        \"namespaces\": [ {\"type\": \"pid\"} ],\n        \"seccomp\": {\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n    }\n}\n";
        let out = patch_config(config, &json!({"defaultAction": "SCMP_ACT_ERRNO"})).unwrap();
        assert_eq!(out, config.replace("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO"));
    }

    #[test]
    fn a_missing_linux_object_is_added() {
        let config = "{\n  \"ociVersion\": \"1.0.2\"\n}\n";
        let out = patch_config(config, &json!({"defaultAction": "SCMP_ACT_LOG"})).unwrap();
        assert!(
            out.starts_with("{\n  \"ociVersion\": \"1.0.2\",\n"),
            "{out}"
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["linux"]["seccomp"]["defaultAction"], "SCMP_ACT_LOG");
    }
}
