//! A profile file as it was read or last written: its exact text and what the text means.
//! Saving an edited profile through it changes only the bytes the edit must change, and
//! never writes over a file that someone else changed in the meantime without being told to.

use super::formats::{self, Container};
use super::load::Lexicon;
use super::model::Profile;
use super::read::read_input;
use super::save::{to_canonical_string, to_value};
use super::write::{read_only_error, write_file, ReadOnly, WriteOptions};
use nix::fcntl::{Flock, FlockArg};
use serde_json::Value;
use std::path::Path;

/// Why a profile could not be written out whole in its file's format.
#[derive(Debug, thiserror::Error)]
enum CanonicalError {
    /// The runtime configuration holds more than plain JSON (comments, say).
    #[error("{}", crate::msg!("err-not-plain-json", why = .0.as_str()))]
    NotPlainJson(String),
    /// The manifests could not be written again.
    #[error("{}", crate::msg!("err-manifests-not-written", why = .0.to_string()))]
    Manifests(formats::WriteError),
}

const BOM: char = '\u{feff}';

/// The text of a profile file and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    text: String,
    meaning: Value,
    container: Container,
}

/// How the text of a save was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendering {
    /// The old text with only the edit's changes.
    Minimal,
    /// The canonical writer (a new file, or `fmt`).
    Canonical,
    /// The canonical writer, because the minimal one failed; the reason.
    Fallback(String),
    /// Neither writer could put the profile back into its file without losing the file's other
    /// content (the rest of an OCI configuration, the other manifests); the reason. The text
    /// is the file as it was, and a save writes nothing.
    Refused(String),
}

/// A file compared with the text it was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskState {
    /// It still holds that text (or, for a new document, does not exist yet).
    Same,
    /// Its content is different now.
    Changed,
    /// It exists although the document was not read from it.
    Appeared,
    /// It was removed.
    Gone,
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file is no longer what the document was read from.
    #[error("{}", describe_disk(*.0))]
    ChangedOnDisk(DiskState),
    /// The file is read-only; it was not changed.
    #[error(transparent)]
    ReadOnly(ReadOnly),
    /// The profile cannot be written back into its file without losing other content.
    #[error("{}", crate::msg!("err-would-lose-content", why = .0.as_str()))]
    WouldLoseContent(String),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn describe_disk(state: DiskState) -> String {
    match state {
        DiskState::Same => crate::msg!("err-disk-same"),
        DiskState::Changed => crate::msg!("err-disk-changed"),
        DiskState::Appeared => crate::msg!("err-disk-appeared"),
        DiskState::Gone => crate::msg!("err-disk-gone"),
    }
}

/// What the user agreed to when a save asked: each question is answered on its own, so
/// saying "overwrite" to a file changed on disk does not also write over a read-only one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Consent {
    /// Write over a file that is no longer what the document was read from.
    pub changed_on_disk: bool,
    /// Write a read-only file.
    pub read_only: bool,
}

/// What a save wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The file's new source (for the next save).
    pub source: Source,
    /// How its text was made.
    pub rendering: Rendering,
}

impl Source {
    /// A source from text and the profile it means.
    pub fn new(text: String, profile: &Profile) -> Source {
        Source::in_container(text, profile, Container::Profile)
    }

    /// A source whose profile sits in a file of another format (an OCI configuration, a
    /// manifest), so that a save writes it back there.
    pub fn in_container(text: String, profile: &Profile, container: Container) -> Source {
        Source {
            text,
            meaning: to_value(profile),
            container,
        }
    }

    /// The profile the text holds, as saved (read again from the text).
    pub fn saved_profile(&self, lexicon: &dyn Lexicon) -> Option<Profile> {
        formats::reimport(&self.text, &self.container, lexicon).profile
    }

    /// Where the profile sits in the file.
    pub fn container(&self) -> &Container {
        &self.container
    }

    /// The text, byte for byte.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether `profile` means what the text means.
    pub fn means(&self, profile: &Profile) -> bool {
        self.meaning == to_value(profile)
    }

    /// `edited` written as the smallest change to this text. The result is read back and
    /// must mean exactly `edited`; if the minimal writer fails that, the canonical text is
    /// returned with the reason, so a bug here can never save a meaning the user did not see.
    /// A profile inside another format is always written back into that format.
    pub fn render(&self, edited: &Profile, lexicon: &dyn Lexicon) -> (String, Rendering) {
        let wanted = to_value(edited);
        let (bom, body) = match self.text.strip_prefix(BOM) {
            Some(rest) => (BOM.to_string(), rest),
            None => (String::new(), self.text.as_str()),
        };
        let failure = match formats::write_into(body, &self.container, &self.meaning, &wanted) {
            Ok(text) => {
                let text = bom + &text;
                match formats::reimport(&text, &self.container, lexicon).profile {
                    Some(back) if to_value(&back) == wanted => return (text, Rendering::Minimal),
                    Some(_) => "the minimal edit did not read back as the same profile".to_string(),
                    None => "the minimal edit did not read back as a valid profile".to_string(),
                }
            }
            Err(e) => e.to_string(),
        };
        match self.canonical(edited) {
            Ok(text) => (text, Rendering::Fallback(failure)),
            Err(lost) => (
                self.text.clone(),
                Rendering::Refused(format!("{failure}; {lost}")),
            ),
        }
    }

    /// The canonical text of `edited` in this source's format: for a profile, the canonical
    /// JSON; inside an OCI configuration or a manifest file, the whole file parsed and written
    /// out again (every document kept) with the new profile in its place.
    fn canonical(&self, edited: &Profile) -> Result<String, CanonicalError> {
        let wanted = to_value(edited);
        match &self.container {
            Container::Profile => Ok(to_canonical_string(edited)),
            Container::OciConfig => {
                let mut config: Value = serde_json::from_str(self.text.trim_start_matches(BOM))
                    .map_err(|e| CanonicalError::NotPlainJson(e.to_string()))?;
                config["linux"]["seccomp"] = wanted;
                let mut s = serde_json::to_string_pretty(&config).expect("JSON serializes");
                s.push('\n');
                Ok(s)
            }
            Container::Spo { name } => formats::rewrite_manifests(&self.text, name, &wanted)
                .map_err(CanonicalError::Manifests),
        }
    }
}

/// Compares the file at `path` with the source a document was read from (None: a document
/// that has no file yet).
pub fn disk_state(path: &Path, source: Option<&Source>) -> std::io::Result<DiskState> {
    let on_disk = match read_input(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    Ok(match (source, on_disk) {
        (None, None) => DiskState::Same,
        (None, Some(_)) => DiskState::Appeared,
        (Some(_), None) => DiskState::Gone,
        (Some(s), Some(bytes)) if bytes == s.text.as_bytes() => DiskState::Same,
        (Some(_), Some(_)) => DiskState::Changed,
    })
}

/// An exclusive advisory lock on the folder of `path`, held while a save compares the file
/// with what was read and writes it (the file itself is replaced, so it cannot hold the
/// lock). None where the folder cannot be opened or locked: the save goes on unlocked.
fn lock_folder(path: &Path) -> Option<Flock<std::fs::File>> {
    // The folder the write happens in: a link's target's (see `write_file`).
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let folder = std::fs::File::open(dir).ok()?;
    Flock::lock(folder, FlockArg::LockExclusive).ok()
}

/// Saves `profile` to `path`: as the smallest change to `source` when there is one, else in
/// canonical form. Refuses, unless the user consented to it, when the file is not what
/// `source` was read from, or is read-only. The previous content stays as `FILE~` when
/// `keep_backup`.
pub fn save_document(
    path: &Path,
    source: Option<&Source>,
    profile: &Profile,
    lexicon: &dyn Lexicon,
    consent: Consent,
    keep_backup: bool,
) -> Result<Saved, SaveError> {
    // Two seccomposes saving the same file at once: the second sees the first's bytes.
    let _lock = lock_folder(path);
    if !consent.changed_on_disk {
        let state = disk_state(path, source)?;
        if state != DiskState::Same {
            return Err(SaveError::ChangedOnDisk(state));
        }
    }
    let (text, rendering) = match source {
        Some(s) => s.render(profile, lexicon),
        None => (to_canonical_string(profile), Rendering::Canonical),
    };
    if let Rendering::Refused(why) = rendering {
        return Err(SaveError::WouldLoseContent(why));
    }
    let options = WriteOptions {
        keep_backup,
        force: consent.read_only,
    };
    if let Err(e) = write_file(path, &text, options) {
        return Err(match read_only_error(&e) {
            Some(r) => SaveError::ReadOnly(r.clone()),
            None => SaveError::Io(e),
        });
    }
    let container = source.map_or(Container::Profile, |s| s.container.clone());
    Ok(Saved {
        source: Source::in_container(text, profile, container),
        rendering,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::profile::{Action, Profile};

    /// A configuration that only a forgiving reader takes (a comment), whose recorded meaning
    /// is not its text's, so the minimal writer's result cannot read back as the edit: the
    /// canonical writer would have to parse it as plain JSON and cannot.
    #[test]
    fn a_save_that_would_drop_the_rest_of_a_configuration_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        let text = "{\n  // the runtime's settings\n  \"process\": {\"args\": [\"sh\"]},\n  \"linux\": {\"seccomp\": {\"defaultAction\": \"SCMP_ACT_ALLOW\"}}\n}\n";
        std::fs::write(&path, text).unwrap();
        let unrelated = Profile::new(Action::KillProcess);
        let source = Source::in_container(text.into(), &unrelated, Container::OciConfig);
        let edited = Profile::new(Action::Errno);
        let (shown, rendering) = source.render(&edited, &Catalog);
        assert!(matches!(rendering, Rendering::Refused(_)), "{rendering:?}");
        assert_eq!(
            shown, text,
            "what a refused render shows is the file as it was"
        );
        let err = save_document(
            &path,
            Some(&source),
            &edited,
            &Catalog,
            Consent {
                changed_on_disk: true,
                read_only: true,
            },
            false,
        )
        .expect_err("the save is refused");
        assert!(matches!(err, SaveError::WouldLoseContent(_)), "{err}");
        assert!(err.to_string().contains("nothing was written"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    /// Two saves of the same document at the same moment (two editors on one file): one
    /// writes, the other is told the file changed on disk, in every round; nothing is lost
    /// silently.
    #[test]
    fn two_saves_racing_on_one_file_never_both_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        for round in 0..100 {
            let text =
                format!("{{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"comment\": \"{round}\"}}\n");
            std::fs::write(&path, &text).unwrap();
            let read = Profile::new(Action::Allow);
            let source = Source::in_container(text, &read, Container::Profile);
            let barrier = std::sync::Barrier::new(2);
            let outcomes: Vec<bool> = std::thread::scope(|scope| {
                let editors: Vec<_> = [Action::Errno, Action::KillProcess]
                    .into_iter()
                    .map(|action| {
                        let (source, barrier, path) = (&source, &barrier, &path);
                        scope.spawn(move || {
                            let edited = Profile::new(action);
                            barrier.wait();
                            match save_document(
                                path,
                                Some(source),
                                &edited,
                                &Catalog,
                                Consent::default(),
                                false,
                            ) {
                                Ok(_) => true,
                                Err(SaveError::ChangedOnDisk(_)) => false,
                                Err(e) => panic!("round {round}: {e}"),
                            }
                        })
                    })
                    .collect();
                editors.into_iter().map(|e| e.join().unwrap()).collect()
            });
            assert_eq!(
                outcomes.iter().filter(|saved| **saved).count(),
                1,
                "round {round}: {outcomes:?}"
            );
        }
    }
}
