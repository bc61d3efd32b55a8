//! Profiles in the files where they are used: Docker/OCI seccomp JSON, the `linux.seccomp`
//! object of an OCI runtime `config.json`, Kubernetes Security Profiles Operator
//! `SeccompProfile` manifests (YAML), and systemd unit settings (export only).
//!
//! Import gives the same [`Parsed`] the JSON loader gives, with positions in the file as it
//! is (a diagnostic in a manifest points at its YAML line). Export for OCI and SPO first
//! resolves what only Docker reads (`includes`/`excludes`, `archMap`, `name`) for a target,
//! as Docker does before it hands a profile to runc.

mod error;
mod oci;
mod resolve;
mod spo;
mod systemd;
mod yaml;

pub use error::WriteError;
pub use oci::{patch_config, SECCOMP_PATH};
pub use resolve::{resolve, Resolved};
pub use spo::{
    manifest, name_from_file, rewrite_manifests, spec_limits, valid_name, SPO_API_VERSION,
};
pub use systemd::{systemd_unit, Sets, SystemdUnit};

use super::diag::{Diagnostic, LineIndex};
use super::load::{parse_bytes, Lexicon, Parsed};
use super::model::Pos;
use std::path::Path;

/// The file formats seccompose knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Docker/OCI/podman seccomp profile (JSON).
    Docker,
    /// An OCI runtime configuration (`config.json`) holding the profile at `linux.seccomp`.
    Oci,
    /// A Security Profiles Operator `SeccompProfile` manifest (YAML, several documents).
    Spo,
    /// systemd unit settings (`SystemCallFilter=` ...); written, never read.
    Systemd,
}

impl Format {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docker => "docker",
            Format::Oci => "oci",
            Format::Spo => "spo",
            Format::Systemd => "systemd",
        }
    }
}

/// Where the profile sits in its file, so that a save writes it back there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Container {
    /// The whole file is the profile.
    #[default]
    Profile,
    /// `linux.seccomp` of an OCI runtime configuration.
    OciConfig,
    /// The `spec` of the `SeccompProfile` with this `metadata.name`.
    Spo {
        /// `metadata.name`.
        name: String,
    },
}

impl Container {
    /// The format of a file that holds a profile this way.
    pub fn format(&self) -> Format {
        match self {
            Container::Profile => Format::Docker,
            Container::OciConfig => Format::Oci,
            Container::Spo { .. } => Format::Spo,
        }
    }

    fn spo_name(&self) -> Option<&str> {
        match self {
            Container::Spo { name } => Some(name),
            _ => None,
        }
    }
}

/// A profile read out of a file of any format seccompose imports.
#[derive(Debug)]
pub struct Imported {
    /// The profile and the diagnostics, positions in the file's own text.
    pub parsed: Parsed,
    /// Where the profile was found.
    pub container: Container,
    /// For a manifest file: the names of the other `SeccompProfile`s in it.
    pub others: Vec<String>,
}

/// Guesses a file's format from its name and text: `.yaml`/`.yml` or YAML text is a manifest;
/// a JSON object with `ociVersion` or `linux` and no `defaultAction` is an OCI configuration.
pub fn detect(path: Option<&Path>, text: &str) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("yaml" | "yml")) {
        return Format::Spo;
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('{') {
        let yaml = body.lines().any(|l| l.starts_with("kind:") || l == "---");
        return if yaml { Format::Spo } else { Format::Docker };
    }
    // The top-level keys first, without a tree (a huge profile's tree is hundreds of MB);
    // only what they say is a configuration is read as a whole, which also refuses what is
    // nested too deep for serde_json's tree.
    let keys =
        serde_json::from_str::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(body);
    let says_oci =
        |has: &dyn Fn(&str) -> bool| !has("defaultAction") && (has("ociVersion") || has("linux"));
    if !keys.is_ok_and(|k| says_oci(&|key| k.contains_key(key))) {
        return Format::Docker;
    }
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(o)) if says_oci(&|key| o.contains_key(key)) => Format::Oci,
        _ => Format::Docker,
    }
}

/// Reads a profile out of `text` in `format`; `name` picks a manifest by `metadata.name`
/// (the first one when None).
pub fn import(text: &str, format: Format, name: Option<&str>, lexicon: &dyn Lexicon) -> Imported {
    match format {
        Format::Docker => Imported {
            parsed: parse_bytes(text.as_bytes(), lexicon),
            container: Container::Profile,
            others: Vec::new(),
        },
        Format::Oci => oci::import(text, lexicon),
        Format::Spo => spo::import(text, name, lexicon),
        Format::Systemd => failed(
            Container::Profile,
            Diagnostic::error(
                Pos { line: 1, col: 1 },
                crate::text!("load-systemd-not-read"),
            ),
        ),
    }
}

/// Reads `text` back the way it was read first: the profile a save wrote, for checking.
pub(crate) fn reimport(text: &str, container: &Container, lexicon: &dyn Lexicon) -> Parsed {
    import(text, container.format(), container.spo_name(), lexicon).parsed
}

/// Writes `profile` into `text` (a file read as `container`), changing only the profile's part.
pub(crate) fn write_into(
    text: &str,
    container: &Container,
    before: &serde_json::Value,
    after: &serde_json::Value,
) -> Result<String, WriteError> {
    match container {
        Container::Profile => Ok(super::preserve::patch(text, before, after)?),
        Container::OciConfig => Ok(super::preserve::patch_at(
            text,
            &SECCOMP_PATH,
            Some(before),
            after,
        )?),
        Container::Spo { name } => spo::replace_spec(text, name, before, after),
    }
}

fn failed(container: Container, diag: Diagnostic) -> Imported {
    Imported {
        parsed: Parsed {
            profile: None,
            diagnostics: vec![diag],
        },
        container,
        others: Vec::new(),
    }
}

/// Moves every position of a profile read from an excerpt to where it is in the whole file.
fn remap(parsed: &mut Parsed, f: impl Fn(Pos) -> Pos) {
    for d in &mut parsed.diagnostics {
        d.pos = f(d.pos);
    }
    if let Some(rules) = parsed.profile.as_mut().and_then(|p| p.syscalls.as_mut()) {
        for rule in rules {
            rule.pos = rule.pos.map(&f);
        }
    }
}

/// The position of byte `offset` of `text`.
fn pos_of(text: &str, offset: usize) -> Pos {
    LineIndex::new(text).pos(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_guessed_from_the_top_level_keys_as_a_whole_tree_would() {
        let fixture = |name: &str| {
            let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(path).expect("a fixture")
        };
        let deep = format!("{{\"linux\": {}0{}}}", "[".repeat(200), "]".repeat(200));
        let cases = [
            (fixture("oci-config.json"), Format::Oci),
            (fixture("runtime-default.json"), Format::Docker),
            (r#"{"ociVersion": "1.0.2"}"#.into(), Format::Oci),
            (
                r#"{"linux": {}, "defaultAction": "SCMP_ACT_ALLOW"}"#.into(),
                Format::Docker,
            ),
            (r#"{"linux": {}, "linux": 1}"#.into(), Format::Oci),
            (r#"{"linux": {},}"#.into(), Format::Docker),
            // Too deep for serde_json's tree (128 levels), as before the keys were read alone.
            (deep, Format::Docker),
            ("[]".into(), Format::Docker),
        ];
        for (text, format) in cases {
            assert_eq!(detect(None, &text), format, "{text}");
        }
    }
}
