//! Why a profile could not be written back into the file that holds it.

use super::super::preserve::PatchError;

/// Why a profile could not be written into its configuration or manifest file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The runtime configuration does not read as JSON.
    #[error("{}", crate::msg!("err-config-not-json", why = .0.as_str()))]
    ConfigNotJson(String),
    /// The runtime configuration is not an object.
    #[error("{}", crate::msg!("err-config-not-object"))]
    ConfigNotObject,
    /// Its `linux` member is not an object.
    #[error("{}", crate::msg!("err-linux-not-object"))]
    LinuxNotObject,
    /// The patched text no longer reads as JSON.
    #[error("{}", crate::msg!("err-patched-unreadable", why = .0.as_str()))]
    PatchedUnreadable(String),
    /// The patched text does not hold the profile written.
    #[error("{}", crate::msg!("err-patched-without-profile"))]
    PatchedWithoutProfile,
    /// The patch touched more than `linux.seccomp`.
    #[error("{}", crate::msg!("err-patched-too-much"))]
    PatchedTooMuch,
    /// The manifest file lost the SeccompProfile being edited.
    #[error("{}", crate::msg!("err-profile-gone", name = .0.as_str()))]
    ProfileGone(String),
    /// The manifest file has no SeccompProfile of that name.
    #[error("{}", crate::msg!("err-no-such-profile", name = .0.as_str()))]
    NoSuchProfile(String),
    /// The SeccompProfile has no `spec`.
    #[error("{}", crate::msg!("err-no-spec"))]
    NoSpec,
    /// The `spec` key is not on a line of the text (the text changed under the reader).
    #[error("{}", crate::msg!("err-spec-off-the-file"))]
    SpecOffTheFile,
    /// The manifests do not read as YAML (or not as JSON values).
    #[error("{0}")]
    Yaml(String),
    /// The written spec is not a JSON object.
    #[error("{}", crate::msg!("err-spec-not-object"))]
    SpecNotObject,
    /// The minimal writer could not make the change.
    #[error(transparent)]
    Patch(#[from] PatchError),
    /// The written JSON does not read back.
    #[error("{0}")]
    Json(String),
}
