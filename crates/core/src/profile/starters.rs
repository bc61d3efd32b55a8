//! The starter profiles in `profiles/`, compiled in: `seccompose --new NAME` and the editor's
//! picker start from one of them.

use super::load::{parse, Lexicon};
use super::model::Profile;

/// One starter profile.
#[derive(Debug, Clone, Copy)]
pub struct Starter {
    /// Its name (the file name without `.json`).
    pub name: &'static str,
    /// What it is for, in one line.
    pub about: &'static str,
    /// The file's text.
    pub text: &'static str,
}

impl Starter {
    /// [`Starter::about`] as a message, for people in their language.
    pub fn about_text(&self) -> crate::i18n::Text {
        match self.name {
            "default" => crate::text!("cli-starter-default"),
            "deny-mkdir-chmod-chown" => crate::text!("cli-starter-deny-mkdir-chmod-chown"),
            "no-network" => crate::text!("cli-starter-no-network"),
            "read-only-fs" => crate::text!("cli-starter-read-only-fs"),
            "no-new-processes" => crate::text!("cli-starter-no-new-processes"),
            "strict" => crate::text!("cli-starter-strict"),
            _ => crate::text!("cli-starter-static-hello"),
        }
    }

    /// The profile (the files are tested to load without errors).
    pub fn profile(&self, lexicon: &dyn Lexicon) -> Profile {
        parse(self.text, lexicon)
            .profile
            .unwrap_or_else(|| panic!("profiles/{}.json is a valid profile", self.name))
    }
}

/// Every starter, the built-in default first.
pub const STARTERS: &[Starter] = &[
    Starter {
        name: "default",
        about: "deny by default; what ordinary programs need, none of the dangerous corners",
        text: include_str!("../../../../profiles/default.json"),
    },
    Starter {
        name: "deny-mkdir-chmod-chown",
        about: "allow everything but creating directories and changing modes or owners (the *at siblings too)",
        text: include_str!("../../../../profiles/deny-mkdir-chmod-chown.json"),
    },
    Starter {
        name: "no-network",
        about: "allow everything but opening network sockets (Unix sockets stay)",
        text: include_str!("../../../../profiles/no-network.json"),
    },
    Starter {
        name: "read-only-fs",
        about: "allow everything but writing to the filesystem (files, directories, links, metadata)",
        text: include_str!("../../../../profiles/read-only-fs.json"),
    },
    Starter {
        name: "no-new-processes",
        about: "allow everything but fork, vfork and clone without CLONE_THREAD (threads stay)",
        text: include_str!("../../../../profiles/no-new-processes.json"),
    },
    Starter {
        name: "strict",
        about: "seccomp's original strict mode: read, write, exit, rt_sigreturn (and the execve that starts the program)",
        text: include_str!("../../../../profiles/strict.json"),
    },
    Starter {
        name: "static-hello",
        about: "the least a statically linked program needs to start, print and exit",
        text: include_str!("../../../../profiles/static-hello.json"),
    },
];

/// The built-in default profile's text (the first starter's).
pub const DEFAULT_TEXT: &str = STARTERS[0].text;

/// The built-in default profile (the first starter), read with `lexicon` (the catalog).
pub fn default_profile(lexicon: &dyn Lexicon) -> Profile {
    STARTERS[0].profile(lexicon)
}

/// A starter by name (`no-network` or `no-network.json`).
pub fn find(name: &str) -> Option<&'static Starter> {
    let name = name.strip_suffix(".json").unwrap_or(name);
    STARTERS.iter().find(|s| s.name == name)
}

/// The starters' names.
pub fn names() -> Vec<&'static str> {
    STARTERS.iter().map(|s| s.name).collect()
}

#[cfg(test)]
mod tests {
    use super::STARTERS;
    use crate::lang::Language;

    /// Each starter's message says in English what its `about` says, and Portuguese has one.
    #[test]
    fn every_starter_is_described_in_every_language() {
        for s in STARTERS {
            let text = s.about_text();
            assert_eq!(text.english(), s.about, "{}", s.name);
            assert!(crate::i18n::has(Language::PtBr, text.id()), "{}", s.name);
        }
    }
}
