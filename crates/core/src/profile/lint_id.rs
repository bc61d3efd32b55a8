//! The kinds of finding, `check`'s diagnostics and lint's alike: one enum, so SARIF's rule
//! table, `--deny`, view 4, the lessons' checks and `explain` cannot name a kind that does not
//! exist or leave one unexplained.

use std::fmt;
use std::str::FromStr;

/// Declares the kinds: variant, stable kebab-case id, and what it means.
macro_rules! lint_ids {
    ($($variant:ident = $id:literal: $about:literal,)*) => {
        /// A kind of finding, printed as its stable kebab-case id (`incomplete-block`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum LintId {
            $(
                #[doc = $about]
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
            pub fn explanation(self) -> &'static str {
                match self {
                    $(LintId::$variant => $about,)*
                }
            }
        }
    };
}

lint_ids! {
    IncompleteBlock = "incomplete-block": "A syscall is denied (by a rule, or in an allowlist by the default action because it is not listed) while a sibling that does the same job stays allowed, so programs (or their C library) reach the same effect through the sibling: the classic \"blocked chmod, but coreutils calls fchmodat\". ENOSYS, obsolete calls and siblings the target cannot use are left alone.",
    EnosysFallback = "enosys-fallback": "A rule fails a syscall with ENOSYS, which tells programs the call does not exist, so they fall back to a sibling that is allowed; fine when steering is the point.",
    DangerousAllow = "dangerous-allow": "A high-risk syscall is allowed with no argument condition. Where the kernel lets only a capability holder do harm with it, this is a note when the target lacks that capability.",
    NoOpProfile = "no-op-profile": "The default action allows and no rule stops anything, so the filter filters nothing.",
    ExecBlocked = "exec-blocked": "Runtimes load the filter and then execve the container's program, so a profile that blocks execve stops every container before it starts.",
    StartupMissing = "startup-missing": "A default-deny profile does not allow calls that every dynamically linked program makes before main (loading its libraries, setting up memory and thread state), so the program dies at start.",
    DefaultKill = "default-kill": "The default action kills: a syscall added by a newer kernel or C library, which programs probe and fall back from on ENOSYS, kills the program instead.",
    ShadowedRule = "shadowed-rule": "A rule never decides some of its syscalls because another rule decides them first (the first rule without argument conditions wins).",
    DuplicateName = "duplicate-name": "A syscall is named again where another rule, or the same one, already gives it the same action; the repeat adds nothing.",
    ConflictingRules = "conflicting-rules": "Two rules test a syscall with the same conditions but different actions: libseccomp refuses the filter, so the container does not start.",
    PointerArgument = "pointer-argument": "A condition compares a pointer argument: the filter sees only the address, never the data it points to.",
    MissingArgument = "missing-argument": "A condition tests an argument the syscall does not take; the register holds whatever the caller left there.",
    RepeatedArgument = "repeated-argument": "Several conditions on one argument index in one rule: runc makes each a rule of its own, so they OR instead of AND.",
    SignExtension = "sign-extension": "A condition compares an int argument with a negative value or one at or above 2^31 (AT_FDCWD, -1): callers pass such values sign-extended to 64 bits or not, depending on the C library and compiler, so an exact comparison misses one of the two forms.",
    HighBits32 = "high-bits-32": "A comparison uses bits above 32 on a profile that includes a 32-bit architecture: libseccomp compiles only the low word there, so the high bits are ignored and the test means something else.",
    TwinOpen = "twin-open": "A rule covers a syscall on 64-bit architectures while the filter also accepts a 32-bit (or x32) ABI whose twin of that call (chown32, fcntl64, ...) stays allowed.",
    MultiplexerBypass = "multiplexer-bypass": "Argument rules on socket or System V IPC calls are bypassed on 32-bit architectures where the socketcall or ipc multiplexer is allowed: it reaches the same calls with arguments the filter cannot see.",
    Clone3Open = "clone3-open": "clone3 is allowed in a profile that filters clone's flags: clone3's flags live in memory the filter cannot read, so it creates whatever clone was kept from creating.",
    KillThread = "kill-thread": "SCMP_ACT_KILL kills only the calling thread; the rest of the process goes on.",
    NotifyWithoutListener = "notify-without-listener": "SCMP_ACT_NOTIFY without listenerPath: runc refuses to start the container.",
    ErrnoZero = "errno-zero": "An errno of 0 makes the call return 0 although the kernel did nothing.",
    NotOnArch = "not-on-arch": "A rule names a syscall none of the filter's architectures has, so runc skips it.",
    RuntimeUnknownName = "runtime-unknown-name": "A rule names a syscall the target runtime's libseccomp cannot resolve: runc and crun skip the name, so the rule does not apply to it and the call gets runc's -ENOSYS stub or the default action.",
    EnosysStub = "enosys-stub": "runc puts a stub before the filter that answers ENOSYS for every syscall number above the largest the profile names, so programs fall back from calls newer than the profile instead of meeting the default action.",
    ArchNeverMatches = "arch-never-matches": "includes/excludes name an architecture in a spelling runc never matches (it compares Go names such as amd64 and 386).",
    DefaultActionRule = "default-action-rule": "A rule has the default action, so runc skips it and it adds nothing.",
    EmptyRule = "empty-rule": "A rule names no syscall.",
    UnknownSyscall = "unknown-syscall": "A rule names a syscall no architecture has: runc skips a name its libseccomp cannot resolve (it logs a debug line and goes on), so the rule silently does nothing for it.",
    ErrnoIgnored = "errno-ignored": "errnoRet on an action that does not use it.",
    ErrnoOutOfRange = "errno-out-of-range": "An errno outside what runc keeps: it keeps only the low 16 bits, so the call gets another errno.",
    ErrnoRefused = "errno-refused": "An errno libseccomp refuses (above 4094 once runc has kept its low 16 bits): runc cannot load the profile, so the container does not start.",
    ErrnoMismatch = "errno-mismatch": "defaultErrno and defaultErrnoRet disagree.",
    ValueTwoIgnored = "value-two-ignored": "valueTwo on an operator other than SCMP_CMP_MASKED_EQ has no effect.",
    UnknownCapability = "unknown-capability": "A capability name runc does not know never matches.",
    UnknownKey = "unknown-key": "A key runc does not know is ignored.",
    DuplicateKey = "duplicate-key": "A key given twice: runc reads only the last.",
    Translation = "translation": "The compiled filter returns something other than what the profile means for a concrete call (libseccomp's low-word comparisons on 32-bit ABIs, mis-ordered OR'ed ranges).",
    FilterTooLong = "filter-too-long": "The filter needs more instructions than the kernel takes (4,096): runc cannot load it, so the container does not start.",
    BackupAvailable = "backup-available": "The file does not load, but its backup (FILE~, written before a save in place) holds an earlier version that does: a save may have been cut short.",
    Invalid = "invalid": "Docker rejects the profile until this is fixed.",
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
#[error("`{0}` is not the id of any kind of finding")]
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
            assert!(id.explanation().len() > 20, "{s}: {:?}", id.explanation());
        }
        assert!("incomplete_block".parse::<LintId>().is_err());
    }
}
