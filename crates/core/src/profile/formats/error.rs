//! Why a profile could not be written back into the file that holds it.

use super::super::preserve::PatchError;

/// Why a profile could not be written into its configuration or manifest file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The runtime configuration does not read as JSON.
    #[error("the configuration is not valid JSON: {0}")]
    ConfigNotJson(String),
    /// The runtime configuration is not an object.
    #[error("the configuration is not a JSON object")]
    ConfigNotObject,
    /// Its `linux` member is not an object.
    #[error("the configuration's \"linux\" is not an object")]
    LinuxNotObject,
    /// The patched text no longer reads as JSON.
    #[error("the patched configuration does not read back: {0}")]
    PatchedUnreadable(String),
    /// The patched text does not hold the profile written.
    #[error("the patched configuration does not hold the profile")]
    PatchedWithoutProfile,
    /// The patch touched more than `linux.seccomp`.
    #[error("patching changed more than linux.seccomp")]
    PatchedTooMuch,
    /// The manifest file lost the SeccompProfile being edited.
    #[error("the file no longer has a SeccompProfile named \"{0}\"")]
    ProfileGone(String),
    /// The manifest file has no SeccompProfile of that name.
    #[error("the file has no SeccompProfile named \"{0}\"")]
    NoSuchProfile(String),
    /// The SeccompProfile has no `spec`.
    #[error("the SeccompProfile has no spec")]
    NoSpec,
    /// The `spec` key is not on a line of the text (the text changed under the reader).
    #[error("the spec key is not on a line of the file")]
    SpecOffTheFile,
    /// The manifests do not read as YAML (or not as JSON values).
    #[error("{0}")]
    Yaml(String),
    /// The written spec is not a JSON object.
    #[error("a profile is a JSON object")]
    SpecNotObject,
    /// The minimal writer could not make the change.
    #[error(transparent)]
    Patch(#[from] PatchError),
    /// The written JSON does not read back.
    #[error("{0}")]
    Json(String),
}
