//! Reading a profile from JSON text, keeping positions for diagnostics.

use super::diag::{has_errors, Diagnostic, LineIndex};
use super::model::*;
use crate::i18n::Text;
use crate::text;
use std::path::Path;

mod apart;
mod document;
mod outline;
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
                text!(
                    "load-not-utf8",
                    byte = format!("0x{byte:02x}"),
                    offset = e.valid_up_to().to_string()
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

/// "invalid JSON: ..." with serde_json's words for what is wrong (`msg`, without its
/// position), in the reader's language for the kinds of error a hand-edited profile has.
fn invalid_json(msg: &str) -> Text {
    let detail = match msg {
        "EOF while parsing a list" => text!("load-json-eof-list"),
        "EOF while parsing an object" => text!("load-json-eof-object"),
        "EOF while parsing a string" => text!("load-json-eof-string"),
        "EOF while parsing a value" => text!("load-json-eof-value"),
        "expected `:`" => text!("load-json-expected-colon"),
        "expected `,` or `]`" => text!("load-json-expected-comma-list"),
        "expected `,` or `}`" => text!("load-json-expected-comma-object"),
        "expected value" => text!("load-json-expected-value"),
        "key must be a string" => text!("load-json-key-not-string"),
        "trailing characters" => text!("load-json-trailing-characters"),
        "invalid number" => text!("load-json-invalid-number"),
        "invalid escape" => text!("load-json-invalid-escape"),
        // Others (rarer) keep serde_json's own English words.
        other => return text!("load-invalid-json", detail = other),
    };
    text!("load-invalid-json", detail = detail)
}

/// Parses profile text.
pub fn parse(text: &str, lexicon: &dyn Lexicon) -> Parsed {
    parse_with(text, lexicon, Reading::Apart)
}

/// How the JSON text is turned into trees for the walker.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// The top level, then each rule on its own (the whole tree when a part does not parse).
    Apart,
    /// One tree of the whole text (the reference the tests compare with).
    #[cfg_attr(not(test), allow(dead_code))]
    Whole,
}

fn parse_with(text: &str, lexicon: &dyn Lexicon, reading: Reading) -> Parsed {
    let index = LineIndex::new(text);
    if text.trim().is_empty() {
        return failed(Diagnostic::error(
            index.pos(text.len()),
            text!("load-empty-file"),
        ));
    }
    if text.starts_with('\u{feff}') {
        // Go's encoding/json (Docker, runc) refuses it too; name it rather than "expected value".
        return failed(Diagnostic::error(
            Pos { line: 1, col: 1 },
            text!("load-byte-order-mark"),
        ));
    }
    // serde_json is the judge of syntax: it is strict JSON and reports the position users expect.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let pos = Pos {
            line: e.line() as u32,
            col: e.column().max(1) as u32,
        };
        if let Some(comma) = trailing_comma(text, &index, pos) {
            return failed(Diagnostic::error(comma, text!("load-trailing-comma")));
        }
        let msg = e.to_string();
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m);
        return failed(Diagnostic::error(pos, invalid_json(msg)));
    }
    let mut reader = Reader::new(index, lexicon);
    // A profile is read rule by rule (its whole tree is the largest thing a huge file makes);
    // when a part does not parse, the whole tree is read and says where and why.
    let apart = match reading {
        Reading::Apart => outline::outline(text).and_then(|o| reader.profile_apart(text, o)),
        Reading::Whole => None,
    };
    let profile = match apart {
        Some(profile) => profile,
        None => {
            reader.diags.clear();
            match read_tree(text, &mut reader) {
                Ok(profile) => profile,
                Err(error) => return failed(error),
            }
        }
    };
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

/// JSON as Docker reads it: no comments, trailing commas or other extensions.
fn options() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
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
    }
}

/// Reads the profile from the tree of the whole text; Err with the error when it does not
/// parse.
fn read_tree(text: &str, reader: &mut Reader) -> Result<Option<Profile>, Diagnostic> {
    let ast = match jsonc_parser::parse_to_ast(text, &Default::default(), &options()) {
        Ok(r) => r.value,
        Err(e) => {
            return Err(Diagnostic::error(
                reader.index.pos(e.range().start),
                text!("load-invalid-json", detail = e.kind().to_string()),
            ))
        }
    };
    let Some(root) = ast else {
        return Err(Diagnostic::error(
            reader.index.pos(0),
            text!("load-no-json-value"),
        ));
    };
    Ok(reader.profile(&root))
}

#[cfg(test)]
mod languages;
#[cfg(test)]
mod tests;
