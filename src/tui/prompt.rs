//! One-line questions: an errno to deny with, the default errno, the target's kernel or a
//! capability, a file name to save the built-in profile as.

use super::input::TextInput;
use super::session::{SaveOutcome, Session, Tone};
use crate::catalog::parse_errno;
use crate::msg;
use crate::profile::{capability, Action, Edit, KernelVersion};
use std::path::PathBuf;

/// Why a prompt's answer was refused (the prompt stays open and says so, in the user's
/// language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromptError {
    /// An errno that does not read.
    #[error(transparent)]
    Errno(#[from] crate::catalog::ValueError),
    /// Not a kernel version.
    #[error("{}", msg!("ed-prompt-not-a-kernel", version = .0.as_str()))]
    NotAKernel(String),
    /// Not a capability runc knows.
    #[error("{}", msg!("ed-prompt-unknown-capability", cap = .0.as_str()))]
    UnknownCapability(String),
    /// Save as, with no name.
    #[error("{}", msg!("ed-prompt-no-file-name"))]
    NoFileName,
    /// Save as, onto a file that exists: the same answer again replaces it.
    #[error("{}", msg!("ed-prompt-exists", file = .0.as_str()))]
    Exists(String),
    /// The save failed, as the status line says.
    #[error("{0}")]
    NotSaved(String),
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// An errno to deny these syscalls with.
    DenyWith(Vec<String>),
    /// The profile's `defaultErrnoRet`.
    DefaultErrno,
    /// The target's kernel version.
    Kernel,
    /// A capability to add to or remove from the target.
    Capability,
    /// A file to save the document to.
    SaveAs,
}

/// An open prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What it asks.
    pub kind: PromptKind,
    /// What was typed.
    pub input: TextInput,
    /// Why the last answer was refused.
    pub error: Option<PromptError>,
}

impl Prompt {
    /// A prompt, pre-filled where there is a sensible current value.
    pub fn new(kind: PromptKind, session: &Session) -> Prompt {
        let initial = match &kind {
            PromptKind::Kernel => session.target.kernel.to_string(),
            PromptKind::SaveAs => "seccomp.json".to_string(),
            _ => String::new(),
        };
        Prompt {
            kind,
            input: TextInput::new(&initial),
            error: None,
        }
    }

    /// The question.
    pub fn question(&self) -> String {
        match &self.kind {
            PromptKind::DenyWith(names) => match names.as_slice() {
                [one] => msg!("ed-prompt-deny-one", name = one.as_str()),
                many => msg!("ed-prompt-deny-many", n = many.len()),
            },
            PromptKind::DefaultErrno => msg!("ed-prompt-default-errno"),
            PromptKind::Kernel => msg!("ed-prompt-kernel"),
            PromptKind::Capability => msg!("ed-prompt-capability"),
            PromptKind::SaveAs => msg!("ed-prompt-save-as"),
        }
    }

    /// Carries out the answer; Err says why it was refused (the prompt stays open).
    pub fn submit(&self, session: &mut Session) -> Result<(), PromptError> {
        let text = self.input.text().trim();
        match &self.kind {
            PromptKind::DenyWith(names) => {
                let errno = parse_errno(text)?;
                session.set_action(names.clone(), Some(Action::Errno), Some(errno));
            }
            PromptKind::DefaultErrno => {
                let errno = parse_errno(text)?;
                let action = session.profile().default_action;
                session.apply(&Edit::SetDefault {
                    action,
                    errno: Some(errno),
                });
            }
            PromptKind::Kernel => {
                let kernel = KernelVersion::parse(text)
                    .ok_or_else(|| PromptError::NotAKernel(text.to_string()))?;
                let mut target = session.target.clone();
                target.kernel = kernel;
                session.set_target(target);
                let kernel = kernel.to_string();
                session.say(msg!("ed-prompt-kernel-now", kernel = kernel), Tone::Info);
            }
            PromptKind::Capability => {
                let cap = capability(text)
                    .ok_or_else(|| PromptError::UnknownCapability(text.to_string()))?;
                let mut target = session.target.clone();
                let added = target.caps.insert(cap.to_string());
                if !added {
                    target.caps.remove(cap);
                }
                session.set_target(target);
                let text = if added {
                    msg!("ed-prompt-cap-added", cap = cap)
                } else {
                    msg!("ed-prompt-cap-removed", cap = cap)
                };
                session.say(text, Tone::Info);
            }
            PromptKind::SaveAs => {
                if text.is_empty() {
                    return Err(PromptError::NoFileName);
                }
                // The second Enter on the same name replaces the file.
                let overwrite = self.error == Some(PromptError::Exists(text.to_string()));
                let old_path = session.path.replace(PathBuf::from(text));
                let old_source = session.source.take();
                // Replacing a file that exists answers only that question, not a read-only one.
                let consent = crate::profile::Consent {
                    changed_on_disk: overwrite,
                    read_only: false,
                };
                let outcome = session.save(consent);
                if outcome != SaveOutcome::Saved {
                    session.path = old_path;
                    session.source = old_source;
                    return Err(match outcome {
                        SaveOutcome::ChangedOnDisk(_) => PromptError::Exists(text.to_string()),
                        _ => PromptError::NotSaved(
                            session
                                .status
                                .as_ref()
                                .map_or_else(String::new, |s| s.0.clone()),
                        ),
                    });
                }
            }
        }
        Ok(())
    }
}
