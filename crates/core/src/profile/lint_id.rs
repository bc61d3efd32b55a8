//! The kinds of finding, `check`'s diagnostics and lint's alike: one enum, so SARIF's rule
//! table, `--deny`, view 4, the lessons' checks and `explain` cannot name a kind that does not
//! exist or leave one unexplained.

use crate::i18n::Text;
use crate::text;
use std::fmt;
use std::str::FromStr;

/// Declares the kinds: variant, stable kebab-case id, and the message that says what it
/// means (`lint-about-ID` in the message files).
macro_rules! lint_ids {
    ($($variant:ident = $id:literal: $about:expr,)*) => {
        /// A kind of finding, printed as its stable kebab-case id (`incomplete-block`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum LintId {
            $(
                #[doc = concat!("`", $id, "`: what it means is the message `lint-about-", $id, "`.")]
                $variant,
            )*
        }

        impl LintId {
            /// Every kind, in the order SARIF's rule table lists them.
            pub const ALL: &'static [LintId] = &[$(LintId::$variant,)*];

            /// The stable id (`incomplete-block`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(LintId::$variant => $id,)*
                }
            }

            /// What the kind means, in one or two sentences.
            pub fn explanation(self) -> Text {
                match self {
                    $(LintId::$variant => $about,)*
                }
            }
        }
    };
}

lint_ids! {
    IncompleteBlock = "incomplete-block": text!("lint-about-incomplete-block"),
    EnosysFallback = "enosys-fallback": text!("lint-about-enosys-fallback"),
    DangerousAllow = "dangerous-allow": text!("lint-about-dangerous-allow"),
    NoOpProfile = "no-op-profile": text!("lint-about-no-op-profile"),
    ExecBlocked = "exec-blocked": text!("lint-about-exec-blocked"),
    StartupMissing = "startup-missing": text!("lint-about-startup-missing"),
    DefaultKill = "default-kill": text!("lint-about-default-kill"),
    ShadowedRule = "shadowed-rule": text!("lint-about-shadowed-rule"),
    DuplicateName = "duplicate-name": text!("lint-about-duplicate-name"),
    ConflictingRules = "conflicting-rules": text!("lint-about-conflicting-rules"),
    PointerArgument = "pointer-argument": text!("lint-about-pointer-argument"),
    MissingArgument = "missing-argument": text!("lint-about-missing-argument"),
    RepeatedArgument = "repeated-argument": text!("lint-about-repeated-argument"),
    SignExtension = "sign-extension": text!("lint-about-sign-extension"),
    HighBits32 = "high-bits-32": text!("lint-about-high-bits-32"),
    TwinOpen = "twin-open": text!("lint-about-twin-open"),
    MultiplexerBypass = "multiplexer-bypass": text!("lint-about-multiplexer-bypass"),
    Clone3Open = "clone3-open": text!("lint-about-clone3-open"),
    KillThread = "kill-thread": text!("lint-about-kill-thread"),
    NotifyWithoutListener = "notify-without-listener": text!("lint-about-notify-without-listener"),
    ErrnoZero = "errno-zero": text!("lint-about-errno-zero"),
    NotOnArch = "not-on-arch": text!("lint-about-not-on-arch"),
    RuntimeUnknownName = "runtime-unknown-name": text!("lint-about-runtime-unknown-name"),
    EnosysStub = "enosys-stub": text!("lint-about-enosys-stub"),
    ArchNeverMatches = "arch-never-matches": text!("lint-about-arch-never-matches"),
    DefaultActionRule = "default-action-rule": text!("lint-about-default-action-rule"),
    EmptyRule = "empty-rule": text!("lint-about-empty-rule"),
    UnknownSyscall = "unknown-syscall": text!("lint-about-unknown-syscall"),
    ErrnoIgnored = "errno-ignored": text!("lint-about-errno-ignored"),
    ErrnoOutOfRange = "errno-out-of-range": text!("lint-about-errno-out-of-range"),
    ErrnoRefused = "errno-refused": text!("lint-about-errno-refused"),
    ErrnoMismatch = "errno-mismatch": text!("lint-about-errno-mismatch"),
    ValueTwoIgnored = "value-two-ignored": text!("lint-about-value-two-ignored"),
    UnknownCapability = "unknown-capability": text!("lint-about-unknown-capability"),
    UnknownKey = "unknown-key": text!("lint-about-unknown-key"),
    DuplicateKey = "duplicate-key": text!("lint-about-duplicate-key"),
    Translation = "translation": text!("lint-about-translation"),
    FilterTooLong = "filter-too-long": text!("lint-about-filter-too-long"),
    BackupAvailable = "backup-available": text!("lint-about-backup-available"),
    Invalid = "invalid": text!("lint-about-invalid"),
}

impl LintId {
    /// Whether a finding of this kind means the runtime cannot load the profile at all: the
    /// document still opens (to be fixed), but `check` counts it as an error.
    pub fn stops_the_runtime(self) -> bool {
        self == LintId::ErrnoRefused
    }
}

impl fmt::Display for LintId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not the id of any kind of finding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::msg!("err-unknown-lint-id", id = .0.as_str()))]
pub struct UnknownLintId(pub String);

impl FromStr for LintId {
    type Err = UnknownLintId;

    fn from_str(s: &str) -> Result<LintId, UnknownLintId> {
        LintId::ALL
            .iter()
            .copied()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| UnknownLintId(s.to_string()))
    }
}

/// Read from text (the lessons' `lint = "incomplete-block"` checks): an unknown id is an error.
impl<'de> serde::Deserialize<'de> for LintId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LintId, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_kebab_id_that_reads_back_and_an_explanation() {
        let mut seen = std::collections::HashSet::new();
        for id in LintId::ALL {
            let s = id.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
            assert_eq!(s.parse::<LintId>(), Ok(*id));
            let about = id.explanation();
            for language in crate::lang::Language::ALL {
                assert!(crate::i18n::has(language, about.id()), "{language}: {s}");
                let text = about.in_language(language);
                assert!(text.len() > 20, "{language}: {s}: {text:?}");
            }
        }
        assert!("incomplete_block".parse::<LintId>().is_err());
    }
}
