//! What an unsaved document began as, which the title bar names until it has a file.

use crate::msg;

/// What a document without a file began as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Began {
    /// The built-in default profile.
    Builtin,
    /// A starter profile, by name.
    Starter(&'static str),
    /// The profile of lesson n (from 1).
    Lesson(usize),
}

impl Began {
    /// How the title names it: `built-in default`, `starter strict`, `lesson 3`.
    pub fn label(self) -> String {
        match self {
            Began::Builtin => msg!("ed-began-builtin"),
            Began::Starter(name) => msg!("ed-began-starter", name = name),
            Began::Lesson(n) => msg!("ed-began-lesson", n = n),
        }
    }
}
