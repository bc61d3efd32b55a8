//! Every kind of finding lint reports, with what it means: the editor's explanation of a
//! finding and the rule table of SARIF output.

use super::finding::Finding;
use crate::profile::{Pos, Rule, Severity};

/// What each finding id means, in one or two sentences (ids of `check`'s diagnostics included).
pub const RULES: &[(&str, &str)] = &[
    ("incomplete-block", "A syscall is denied (by a rule, or in an allowlist by the default action because it is not listed) while a sibling that does the same job stays allowed, so programs (or their C library) reach the same effect through the sibling: the classic \"blocked chmod, but coreutils calls fchmodat\". ENOSYS, obsolete calls and siblings the target cannot use are left alone."),
    ("enosys-fallback", "A rule fails a syscall with ENOSYS, which tells programs the call does not exist, so they fall back to a sibling that is allowed; fine when steering is the point."),
    ("dangerous-allow", "A high-risk syscall is allowed with no argument condition. Where the kernel lets only a capability holder do harm with it, this is a note when the target lacks that capability."),
    ("no-op-profile", "The default action allows and no rule stops anything, so the filter filters nothing."),
    ("exec-blocked", "Runtimes load the filter and then execve the container's program, so a profile that blocks execve stops every container before it starts."),
    ("startup-missing", "A default-deny profile does not allow calls that every dynamically linked program makes before main (loading its libraries, setting up memory and thread state), so the program dies at start."),
    ("default-kill", "The default action kills: a syscall added by a newer kernel or C library, which programs probe and fall back from on ENOSYS, kills the program instead."),
    ("shadowed-rule", "A rule never decides some of its syscalls because another rule decides them first (the first rule without argument conditions wins)."),
    ("duplicate-name", "A syscall is named again where another rule, or the same one, already gives it the same action; the repeat adds nothing."),
    ("conflicting-rules", "Two rules test a syscall with the same conditions but different actions: libseccomp refuses the filter, so the container does not start."),
    ("pointer-argument", "A condition compares a pointer argument: the filter sees only the address, never the data it points to."),
    ("missing-argument", "A condition tests an argument the syscall does not take; the register holds whatever the caller left there."),
    ("repeated-argument", "Several conditions on one argument index in one rule: runc makes each a rule of its own, so they OR instead of AND."),
    ("sign-extension", "A condition compares an int argument with a negative value or one at or above 2^31 (AT_FDCWD, -1): callers pass such values sign-extended to 64 bits or not, depending on the C library and compiler, so an exact comparison misses one of the two forms."),
    ("high-bits-32", "A comparison uses bits above 32 on a profile that includes a 32-bit architecture: libseccomp compiles only the low word there, so the high bits are ignored and the test means something else."),
    ("twin-open", "A rule covers a syscall on 64-bit architectures while the filter also accepts a 32-bit (or x32) ABI whose twin of that call (chown32, fcntl64, ...) stays allowed."),
    ("multiplexer-bypass", "Argument rules on socket or System V IPC calls are bypassed on 32-bit architectures where the socketcall or ipc multiplexer is allowed: it reaches the same calls with arguments the filter cannot see."),
    ("clone3-open", "clone3 is allowed in a profile that filters clone's flags: clone3's flags live in memory the filter cannot read, so it creates whatever clone was kept from creating."),
    ("kill-thread", "SCMP_ACT_KILL kills only the calling thread; the rest of the process goes on."),
    ("notify-without-listener", "SCMP_ACT_NOTIFY without listenerPath: runc refuses to start the container."),
    ("errno-zero", "An errno of 0 makes the call return 0 although the kernel did nothing."),
    ("not-on-arch", "A rule names a syscall none of the filter's architectures has, so runc skips it."),
    ("runtime-unknown-name", "A rule names a syscall the target runtime's libseccomp cannot resolve: runc and crun skip the name, so the rule does not apply to it and the call gets runc's -ENOSYS stub or the default action."),
    ("enosys-stub", "runc puts a stub before the filter that answers ENOSYS for every syscall number above the largest the profile names, so programs fall back from calls newer than the profile instead of meeting the default action."),
    ("arch-never-matches", "includes/excludes name an architecture in a spelling runc never matches (it compares Go names such as amd64 and 386)."),
    ("default-action-rule", "A rule has the default action, so runc skips it and it adds nothing."),
    ("empty-rule", "A rule names no syscall."),
    ("unknown-syscall", "A rule names a syscall no architecture has: runc skips a name its libseccomp cannot resolve (it logs a debug line and goes on), so the rule silently does nothing for it."),
    ("errno-ignored", "errnoRet on an action that does not use it."),
    ("errno-out-of-range", "An errno outside what runc and libseccomp accept or keep."),
    ("errno-mismatch", "defaultErrno and defaultErrnoRet disagree."),
    ("value-two-ignored", "valueTwo on an operator other than SCMP_CMP_MASKED_EQ has no effect."),
    ("unknown-capability", "A capability name runc does not know never matches."),
    ("unknown-key", "A key runc does not know is ignored."),
    ("duplicate-key", "A key given twice: runc reads only the last."),
    ("translation", "The compiled filter returns something other than what the profile means for a concrete call (libseccomp's low-word comparisons on 32-bit ABIs, mis-ordered OR'ed ranges)."),
    ("filter-too-long", "The filter needs more instructions than the kernel takes (4,096): runc cannot load it, so the container does not start."),
    ("invalid", "Docker rejects the profile until this is fixed."),
];

/// What a finding id means (empty for an unknown id).
pub fn explain(id: &str) -> &'static str {
    RULES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or("", |(_, text)| *text)
}

/// A `translation` finding: the compiled filter disagrees with the profile for a call of
/// `syscall`, as `what` describes. The compiler finds these (lint does not compile); it is
/// placed at the first active rule with argument conditions for the syscall.
/// Adds the compiler's translation-check differences (`(syscall, description)`, from the
/// caller, which compiles: lint does not) to `findings`, once each.
pub fn add_translation(
    findings: &mut Vec<Finding>,
    differences: impl IntoIterator<Item = (String, String)>,
    rules: &[Rule],
) {
    for (syscall, what) in differences {
        let found = translation(&syscall, what, rules);
        if !findings.contains(&found) {
            findings.push(found);
        }
    }
}

/// An error for a profile whose filter cannot fit the kernel's limit (`why`, from the caller,
/// which compiles).
pub fn too_long(why: String) -> Finding {
    let found = Finding::new(
        "filter-too-long",
        Severity::Error,
        why,
        "compare fewer values (a MASKED_EQ or a range covers many), or split the work among fewer syscalls",
    );
    Finding {
        pos: Pos { line: 1, col: 1 },
        ..found
    }
}

/// A finding for one translation-check difference, at the first conditional rule naming the
/// syscall.
pub fn translation(syscall: &str, what: String, rules: &[Rule]) -> Finding {
    let rule = rules
        .iter()
        .enumerate()
        .find(|(_, r)| !r.conditions().is_empty() && r.names().iter().any(|n| n == syscall));
    let found = Finding::new(
        "translation",
        Severity::Warning,
        what,
        "the kernel will do what the filter says: change the rule (a MASKED_EQ on the low 32 bits, ranges that do not overlap) until `seccompose compile` reports no difference",
    );
    let found = match rule {
        Some((index, rule)) => found.at_rule(index, rule),
        None => Finding {
            pos: Pos { line: 1, col: 1 },
            ..found
        },
    };
    found.naming(&[syscall])
}
