//! Opening a profile file in any format: the import, the backup note when it does not load,
//! and the source a minimal save starts from.

use super::diag::{Diagnostic, Severity};
use super::formats::{detect, import, Container, Format, Imported};
use super::load::{parse_bytes, Lexicon, Parsed};
use super::model::Pos;
use super::source::Source;
use std::path::Path;

/// What [`open`] read.
#[derive(Debug)]
pub struct Opened {
    /// The import.
    pub imported: Imported,
    /// The file's text and meaning, for a save that changes only what was edited (None when
    /// the profile did not load).
    pub source: Option<Source>,
}

/// Reads a file in `format` (guessed when None) and keeps its text for a save in the same
/// format. I/O failures are the only `Err`.
pub fn open(
    path: &Path,
    format: Option<Format>,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> std::io::Result<Opened> {
    let (imported, text) = read_and_import(path, format, name, lexicon)?;
    let source = match (text, imported.parsed.profile.as_ref()) {
        (Some(text), Some(p)) => Some(Source::in_container(text, p, imported.container.clone())),
        _ => None,
    };
    Ok(Opened { imported, source })
}

/// Reads a file as [`open`] does, for a command that only reads it (`check`): no source is
/// kept, which on a huge file is the profile's whole meaning once more.
pub fn import_file(
    path: &Path,
    format: Option<Format>,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> std::io::Result<Imported> {
    read_and_import(path, format, name, lexicon).map(|(imported, _)| imported)
}

/// Reads a profile out of the `bytes` of the file at `path`, read beforehand with
/// [`super::read_input`] (`import_file` of bytes in hand: a caller that also keys something
/// on them reads them once).
pub fn import_bytes(
    path: &Path,
    bytes: Vec<u8>,
    format: Option<Format>,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> Imported {
    import_read(path, bytes, format, name, lexicon).0
}

/// The import of a file and its text (None when it is not UTF-8).
fn read_and_import(
    path: &Path,
    format: Option<Format>,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> std::io::Result<(Imported, Option<String>)> {
    let bytes = super::read::read_input(path)?;
    Ok(import_read(path, bytes, format, name, lexicon))
}

/// The import of a file's bytes and its text (None when it is not UTF-8).
fn import_read(
    path: &Path,
    bytes: Vec<u8>,
    format: Option<Format>,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> (Imported, Option<String>) {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let imported = Imported {
                parsed: parse_bytes(e.as_bytes(), lexicon),
                container: Container::Profile,
                others: Vec::new(),
            };
            return (imported, None);
        }
    };
    let format = format.unwrap_or_else(|| detect(Some(path), &text));
    let mut imported = import(&text, format, name, lexicon);
    if imported.parsed.profile.is_none() {
        imported
            .parsed
            .diagnostics
            .extend(backup_note(path, format, name, lexicon));
    }
    (imported, Some(text))
}

/// For a file that does not load: a note when its `FILE~` holds a profile that does (a save
/// written in place may have been cut short), with the way to bring it back.
fn backup_note(
    path: &Path,
    format: Format,
    name: Option<&str>,
    lexicon: &dyn Lexicon,
) -> Option<Diagnostic> {
    let backup = super::write::backup_path(path);
    let text = String::from_utf8(super::read::read_input(&backup).ok()?).ok()?;
    import(&text, format, name, lexicon).parsed.profile?;
    let (file, backup) = (path.display(), backup.display());
    let note = Diagnostic {
        severity: Severity::Note,
        pos: Pos { line: 1, col: 1 },
        message: crate::text!(
            "load-backup-available",
            backup = backup.to_string(),
            file = file.to_string()
        ),
        code: None,
    };
    Some(note.with_code(super::LintId::BackupAvailable))
}

impl Source {
    /// Reads a profile file in any format seccompose reads (the first profile of a manifest),
    /// keeping its text as the source when it loads without errors.
    pub fn load(path: &Path, lexicon: &dyn Lexicon) -> std::io::Result<(Parsed, Option<Source>)> {
        let opened = open(path, None, None, lexicon)?;
        Ok((opened.imported.parsed, opened.source))
    }
}
