//! One lint finding, and how it is printed for people and for programs.

use crate::i18n::Text;
use crate::profile::{Edit, LintId, Pos, Rule, Severity};
use serde_json::{json, Value};

/// The change that resolves a finding, as edits of the profile the finding was made on (rule
/// indices refer to that profile): the editor applies it as one undoable step, `lint --fix`
/// writes it through the normal save.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// What it does, for people: `deny fchmodat and fchownat with SCMP_ACT_ERRNO (EPERM)`.
    pub label: Text,
    /// The edits, in order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn new(label: Text, edit: Edit) -> Fix {
        Fix {
            label,
            edits: vec![edit],
        }
    }

    /// Several fixes as one, their labels in a row and their edits in order (None: no fix).
    pub fn merge<'f>(fixes: impl IntoIterator<Item = &'f Fix>) -> Option<Fix> {
        fixes.into_iter().fold(None, |merged, fix| {
            Some(match merged {
                None => fix.clone(),
                Some(mut m) => {
                    m.label =
                        crate::text!("lint-and-then", first = m.label, then = fix.label.clone());
                    m.edits.extend(fix.edits.iter().cloned());
                    m
                }
            })
        })
    }

    /// The fix as one edit (one step of undo).
    pub fn edit(&self) -> Edit {
        match self.edits.as_slice() {
            [one] if one.label() == self.label => one.clone(),
            _ => Edit::Batch {
                label: self.label.clone(),
                edits: self.edits.clone(),
            },
        }
    }
}

/// One thing lint found, at a place in the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable kebab-case id of the kind of finding (`incomplete-block`).
    pub id: LintId,
    /// Note (advice), warning (likely mistake or hole) or error (Docker rejects it).
    pub severity: Severity,
    /// Where: the rule's start, or 1:1 for the profile as a whole.
    pub pos: Pos,
    /// What is wrong, naming the syscalls and the JSON path.
    pub message: Text,
    /// One line on how to fix it.
    pub help: Text,
    /// The syscalls concerned, in the order the message names them.
    pub syscalls: Vec<String>,
    /// The index in `syscalls` of the rule concerned, when there is one.
    pub rule: Option<usize>,
    /// The change that resolves it, when lint knows one.
    pub fix: Option<Fix>,
}

/// The position of findings about the profile as a whole.
pub(super) const TOP: Pos = Pos { line: 1, col: 1 };

impl Finding {
    /// A finding about the profile as a whole (at 1:1), naming no syscall yet.
    pub(super) fn new(id: LintId, severity: Severity, message: Text, help: Text) -> Finding {
        Finding {
            id,
            severity,
            pos: TOP,
            message,
            help,
            syscalls: Vec::new(),
            rule: None,
            fix: None,
        }
    }

    /// The same finding, with a fix.
    pub(super) fn fixed_by(self, fix: Fix) -> Finding {
        Finding {
            fix: Some(fix),
            ..self
        }
    }

    /// The same finding, about rule `index` and placed at its start.
    pub(super) fn at_rule(self, index: usize, rule: &Rule) -> Finding {
        Finding {
            pos: rule.pos.unwrap_or(TOP),
            rule: Some(index),
            ..self
        }
    }

    /// The same finding, naming these syscalls.
    pub(super) fn naming<S: AsRef<str>>(self, names: &[S]) -> Finding {
        Finding {
            syscalls: names.iter().map(|n| n.as_ref().to_string()).collect(),
            ..self
        }
    }

    /// Compiler-style text for people, in their language: `FILE:LINE:COL: warning[id]:
    /// MESSAGE` and an indented `help:` line (the place, severity and id as they are).
    pub fn render(&self, file: &str) -> String {
        let help = crate::text!("lint-help-line", help = self.help.clone());
        format!(
            "{file}:{}:{}: {}[{}]: {}\n  {}",
            self.pos.line,
            self.pos.col,
            self.severity,
            self.id,
            self.message.local(),
            help.local()
        )
    }

    /// The finding as a JSON object: id, severity, line, col, message, help, syscalls, rule,
    /// fix (what the fix does, or null). In English whatever the language: scripts read it.
    pub fn to_json(&self) -> Value {
        json!({
            "fix": self.fix.as_ref().map(|f| f.label.english()),
            "id": self.id.as_str(),
            "severity": self.severity.to_string(),
            "line": self.pos.line,
            "col": self.pos.col,
            "message": self.message.english(),
            "help": self.help.english(),
            "syscalls": self.syscalls,
            "rule": self.rule,
        })
    }
}

/// Whether findings should fail a build: any warning or error.
pub fn fails(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity >= Severity::Warning)
}

/// Source order, then the more severe first, so output is stable whatever order passes ran in
/// (and whatever the language: ties go by the English message).
pub(super) fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.pos, b.severity, a.id)
            .cmp(&(b.pos, a.severity, b.id))
            .then_with(|| a.message.english().cmp(&b.message.english()))
    });
}
