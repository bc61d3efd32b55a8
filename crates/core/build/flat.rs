//! Helpers that write the catalog as flat tables of integers: every string goes once into one
//! text, rows hold `(offset, length)` into it, and lists are `(start, length)` into a flat
//! array. A table of pointers would cost the dynamic loader one relocation per pointer, and a
//! copy-on-write page fault per page of them, at every start of the (position-independent)
//! binary.

use std::collections::HashMap;
use std::fmt::Write as _;

/// The catalog's one text: each distinct string is appended once.
#[derive(Default)]
pub struct Interner {
    text: String,
    seen: HashMap<String, u32>,
}

impl Interner {
    /// The string as a `Str(offset, length)` literal into the text.
    pub fn str(&mut self, s: &str) -> String {
        let at = match self.seen.get(s) {
            Some(&at) => at,
            None => {
                let at = u32::try_from(self.text.len()).expect("catalog text under 4 GiB");
                self.text.push_str(s);
                self.seen.insert(s.to_string(), at);
                at
            }
        };
        format!("Str({at}, {})", s.len())
    }

    /// `Some(Str(..))` or `None`.
    pub fn opt(&mut self, s: Option<&str>) -> String {
        match s {
            Some(s) => format!("Some({})", self.str(s)),
            None => "None".into(),
        }
    }

    /// An array literal of `Str`s, one per text.
    pub fn all(&mut self, texts: &[&str]) -> String {
        let items: Vec<String> = texts.iter().map(|t| self.str(t)).collect();
        format!("[{}]", items.join(", "))
    }

    /// The text as a Rust static.
    pub fn code(&self) -> String {
        format!("pub(super) static TEXT: &str = {:?};\n", self.text)
    }
}

/// One generated static array of rows.
pub struct Rows {
    name: &'static str,
    ty: &'static str,
    body: String,
    len: usize,
}

impl Rows {
    /// An empty `static NAME: [TY; _]`.
    pub fn new(name: &'static str, ty: &'static str) -> Rows {
        Rows {
            name,
            ty,
            body: String::new(),
            len: 0,
        }
    }

    /// Appends a row (a Rust expression of the row type).
    pub fn push(&mut self, row: &str) {
        writeln!(self.body, "    {row},").unwrap();
        self.len += 1;
    }

    /// Appends rows and gives their `Span(start, length)` literal.
    pub fn extend<I: IntoIterator<Item = String>>(&mut self, rows: I) -> String {
        let start = self.len;
        for row in rows {
            self.push(&row);
        }
        format!("Span({start}, {})", self.len - start)
    }

    /// The static as Rust code.
    pub fn code(&self) -> String {
        format!(
            "pub(super) static {}: [{}; {}] = [\n{}];\n\n",
            self.name, self.ty, self.len, self.body
        )
    }
}
