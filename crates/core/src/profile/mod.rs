//! The profile document: load, validate, edit and save Docker/OCI seccomp profiles.

mod diag;
mod edit;
mod effective;
pub mod formats;
mod lint_id;
mod load;
pub mod merge;
mod model;
mod open;
mod preserve;
mod query;
mod read;
mod rendered;
mod save;
mod semantic;
mod source;
pub mod starters;
mod summary;
mod target;
mod toggle;
pub mod usage;
mod vocab;
mod write;

pub use diag::{has_errors, Diagnostic, LineIndex, Severity};
pub use edit::{Document, Edit, EditError};
pub use effective::{diff, policy, Change, Condition, Policy, PolicyDiff, Treatment, Verdict};
pub use lint_id::{LintId, UnknownLintId};
pub use load::{load, parse, parse_bytes, Lexicon, Parsed};
pub use model::*;
pub use open::{import_bytes, import_file, open, Opened};
pub use query::{rules_for, view, RuleRef, SyscallView};
pub use read::{read_input, read_input_text, MAX_INPUT_BYTES};
pub use rendered::{rendered, rule_spans, save_text, RenderedText, RuleSpan};
pub use save::{backup_path, save, to_canonical_string, to_value, write_atomic};
pub use semantic::{
    alternatives, arch_never_matches, errno_problem, filter_arches, listed_arches, rule_warnings,
};
pub use source::{
    disk_state, save_document, Consent, DiskState, Rendering, SaveError, Saved, Source,
};
pub use summary::{repeated_arguments, ActionSplit, Effect, Effects, SiblingCoverage};
pub use target::{KernelVersion, LibseccompVersion, Runtime, Target, UnknownCapability};
pub use toggle::{covered_arches, toggle_arch, toggle_flag};
pub use vocab::*;
pub use write::{read_only_error, write_file, write_private, ReadOnly, WriteOptions};
