//! Reading a profile from JSON text, keeping positions for diagnostics.

use super::diag::{has_errors, Diagnostic, LineIndex};
use super::model::*;
use std::path::Path;

mod document;
mod reader;

use reader::Reader;

/// What the loader needs to know about names beyond the profile itself.
pub trait Lexicon {
    /// Whether some architecture has a syscall of this name.
    fn is_syscall(&self, name: &str) -> bool;
    /// The closest known syscall name, for a did-you-mean.
    fn suggest_syscall(&self, name: &str) -> Option<String>;
    /// The value of an errno name (`EPERM` is 1).
    fn errno_value(&self, name: &str) -> Option<u64>;
    /// The closest known errno name, for a did-you-mean.
    fn suggest_errno(&self, _name: &str) -> Option<String> {
        None
    }
}

/// The outcome of reading a profile: the document unless there were errors, and all findings.
#[derive(Debug)]
pub struct Parsed {
    /// The profile, when there was no error.
    pub profile: Option<Profile>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a profile file (see [`super::read_input`]: devices, folders and files over 64 MiB
/// are refused); I/O failures are the only `Err`.
pub fn load(path: &Path, lexicon: &dyn Lexicon) -> std::io::Result<Parsed> {
    let bytes = super::read_input(path)?;
    Ok(parse_bytes(&bytes, lexicon))
}

/// Parses raw bytes, reporting invalid UTF-8 with its position.
pub fn parse_bytes(bytes: &[u8], lexicon: &dyn Lexicon) -> Parsed {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, lexicon),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let pos = LineIndex::new(good).pos(good.len());
            let byte = bytes[e.valid_up_to()];
            failed(Diagnostic::error(
                pos,
                format!(
                    "the file is not valid UTF-8: byte 0x{byte:02x} at offset {}",
                    e.valid_up_to()
                ),
            ))
        }
    }
}

fn failed(diag: Diagnostic) -> Parsed {
    Parsed {
        profile: None,
        diagnostics: vec![diag],
    }
}

/// Where the comma is, when serde's syntax error at `at` is a `]` or `}` right after one
/// (serde says only "expected value" there, or "trailing comma" without pointing at it).
fn trailing_comma(text: &str, index: &LineIndex, at: Pos) -> Option<Pos> {
    // serde's column counts bytes from the line's start.
    let line_start = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>();
    let offset = line_start + at.col.saturating_sub(1) as usize;
    let rest = text.get(offset..)?;
    if !rest.starts_with([']', '}']) {
        return None;
    }
    let before = text.get(..offset)?.trim_end();
    before.ends_with(',').then(|| index.pos(before.len() - 1))
}

/// Parses profile text.
pub fn parse(text: &str, lexicon: &dyn Lexicon) -> Parsed {
    let index = LineIndex::new(text);
    if text.trim().is_empty() {
        return failed(Diagnostic::error(
            index.pos(text.len()),
            "the file is empty: expected a JSON object with at least \"defaultAction\"",
        ));
    }
    if text.starts_with('\u{feff}') {
        // Go's encoding/json (Docker, runc) refuses it too; name it rather than "expected value".
        return failed(Diagnostic::error(
            Pos { line: 1, col: 1 },
            "the file starts with a UTF-8 byte-order mark (bytes EF BB BF), which Docker and runc \
             reject: save it as UTF-8 without BOM",
        ));
    }
    // serde_json is the judge of syntax: it is strict JSON and reports the position users expect.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let pos = Pos {
            line: e.line() as u32,
            col: e.column().max(1) as u32,
        };
        if let Some(comma) = trailing_comma(text, &index, pos) {
            return failed(Diagnostic::error(
                comma,
                "invalid JSON: a trailing comma (JSON allows no comma before the closing ] or }, \
                 and Docker rejects it): remove it",
            ));
        }
        let msg = e.to_string();
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m);
        return failed(Diagnostic::error(pos, format!("invalid JSON: {msg}")));
    }
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let ast = match jsonc_parser::parse_to_ast(text, &Default::default(), &options) {
        Ok(r) => r.value,
        Err(e) => {
            return failed(Diagnostic::error(
                index.pos(e.range().start),
                format!("invalid JSON: {}", e.kind()),
            ))
        }
    };
    let Some(root) = ast else {
        return failed(Diagnostic::error(
            index.pos(0),
            "the file holds no JSON value",
        ));
    };
    let mut reader = Reader {
        index,
        lexicon,
        diags: Vec::new(),
    };
    let profile = reader.profile(&root);
    let mut diagnostics = reader.diags;
    diagnostics.sort_by_key(|d| d.pos);
    let profile = if has_errors(&diagnostics) {
        None
    } else {
        profile
    };
    Parsed {
        profile,
        diagnostics,
    }
}
