//! The catalog's rows hold integers only: a string is `(offset, length)` into one generated
//! text, a list is `(start, length)` into a flat table. A pointer in a static costs the
//! dynamic loader one relocation, and a copy-on-write page fault per page of them, at every
//! start of the (position-independent) binary; offsets cost nothing. The accessors here give
//! the strings and slices back.

use super::{data, Arg, Category, Constant, ConstantSet, Family, Group, Syscall};

/// A string of the catalog: `(offset, length)` in bytes into its one text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Str(pub(super) u32, pub(super) u32);

impl Str {
    pub(super) fn get(self) -> &'static str {
        &data::TEXT[self.0 as usize..(self.0 + self.1) as usize]
    }
}

/// Rows `start..start + length` of one of the catalog's flat tables.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span(pub(super) u32, pub(super) u32);

impl Span {
    pub(super) fn of<T>(self, table: &'static [T]) -> &'static [T] {
        &table[self.0 as usize..(self.0 + self.1) as usize]
    }
}

impl Category {
    /// Short id (`files`).
    pub fn id(&self) -> &'static str {
        self.id.get()
    }

    /// Title for people (`Files & directories`).
    pub fn title(&self) -> &'static str {
        self.title.get()
    }

    /// One line on what belongs here.
    pub fn about(&self) -> &'static str {
        self.about.get()
    }
}

impl Arg {
    /// Name from the signature.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// C type.
    pub fn ty(&self) -> &'static str {
        self.ty.get()
    }

    /// The constant set its values come from, if any.
    pub fn constants(&self) -> Option<&'static str> {
        self.constants.map(Str::get)
    }
}

impl Syscall {
    /// Name.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// One line, in our words (English; [`Syscall::summary_in`] for another language).
    pub fn summary(&self) -> &'static str {
        self.summary.get()
    }

    /// C prototype.
    pub fn signature(&self) -> &'static str {
        self.signature.get()
    }

    /// Arguments, from the signature.
    pub fn args(&self) -> &'static [Arg] {
        self.args.of(&data::ARGS)
    }

    /// Why, for medium and high (English; [`Syscall::risk_reason_in`] for another language).
    pub fn risk_reason(&self) -> &'static str {
        self.risk_reason.get()
    }

    /// The capability without which allowing it is harmless (adjtimex without CAP_SYS_TIME
    /// only reads the clock; mount without CAP_SYS_ADMIN fails with EPERM), when there is one.
    pub fn cap(&self) -> Option<&'static str> {
        self.cap.map(Str::get)
    }
}

impl Group {
    /// `@file-system` or `%net`.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// `systemd` or `strace`.
    pub fn source(&self) -> &'static str {
        self.source.get()
    }

    /// One line, in our words.
    pub fn about(&self) -> &'static str {
        self.about.get()
    }
}

impl Family {
    /// Short name (`chmod`).
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// What they do.
    pub fn about(&self) -> &'static str {
        self.about.get()
    }
}

impl Constant {
    /// `CLONE_NEWUSER`.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }
}

impl ConstantSet {
    /// `clone_flags`.
    pub fn id(&self) -> &'static str {
        self.id.get()
    }

    /// What the set is.
    pub fn about(&self) -> &'static str {
        self.about.get()
    }

    /// The constants; where values repeat, the first name is preferred.
    pub fn values(&self) -> &'static [Constant] {
        self.values.of(&data::CONSTANTS)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Catalog;

    /// The point of the layout: apart from the one text, the generated tables hold no
    /// reference and no string literal, so nothing in them needs relocating at start.
    #[test]
    fn the_generated_tables_hold_no_pointers() {
        let code = include_str!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
        let rows: Vec<&str> = code
            .lines()
            .filter(|l| !l.starts_with("//") && !l.starts_with("pub(super) static TEXT"))
            .collect();
        assert!(rows.len() > 1000, "the tables are there");
        for row in rows {
            assert!(
                !row.contains('&') && !row.contains('"'),
                "a pointer in a generated table: {row}"
            );
        }
        assert_eq!(code.matches("static TEXT: &str").count(), 1);
    }

    /// Offsets resolve to the right strings: names are sorted and found again, every
    /// argument's constant set exists, and members point back.
    #[test]
    fn offsets_resolve_to_the_strings_they_stand_for() {
        let calls = Catalog.syscalls();
        assert!(calls.windows(2).all(|w| w[0].name() < w[1].name()));
        for s in calls {
            assert!(std::ptr::eq(Catalog.syscall(s.name()).unwrap(), s));
            assert!(s.signature().contains(s.name()), "{}", s.name());
            for a in s.args() {
                assert!(
                    s.signature().contains(a.name()),
                    "{}: {}",
                    s.name(),
                    a.name()
                );
                if let Some(set) = a.constants() {
                    assert!(Catalog.constant_set(set).is_some(), "{set}");
                }
            }
            for g in s.groups() {
                assert!(g.members().any(|m| m.name() == s.name()));
            }
        }
        let open = Catalog.syscall("openat").unwrap();
        let names: Vec<&str> = open.args().iter().map(|a| a.name()).collect();
        assert_eq!(names, ["dirfd", "pathname", "flags", "mode"]);
        assert_eq!(open.args()[1].ty(), "const char *");
        assert_eq!(
            Catalog.syscall("mount").unwrap().cap(),
            Some("CAP_SYS_ADMIN")
        );
    }
}
