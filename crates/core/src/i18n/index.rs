//! How a message file splits into entries, one per message: the one rule, shared by the build
//! script (which writes each language's entries, sorted by id, into the table the library
//! searches) and the tests.

/// Where one message is in its file, as byte offsets. Integers only: a table of `&str` would
/// cost the loader one relocation per message at every start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Where its id begins (at the start of a line).
    pub id_start: u32,
    /// Where its id ends.
    pub id_end: u32,
    /// Where the next entry or comment begins (the end of the file for the last).
    pub end: u32,
}

impl Entry {
    /// Its id in `source`, the file it was found in.
    pub fn id(self, source: &str) -> &str {
        &source[self.id_start as usize..self.id_end as usize]
    }

    /// Its whole text in `source`: the id, the pattern and any lines that continue it.
    pub fn text(self, source: &str) -> &str {
        &source[self.id_start as usize..self.end as usize]
    }
}

/// Each message's entry, in the file's order: an entry begins at a line that begins with a
/// letter and runs to the next such line or comment (its pattern's further lines begin with a
/// space, or with `}`, `[` or `*` inside a selector). The files have no terms and no
/// references between messages, so each entry parses alone (a test holds them to that).
// The build script calls it, and the tests; the library reads the table it made.
#[cfg_attr(not(test), allow(dead_code))]
pub fn entries(source: &str) -> Vec<Entry> {
    let offset_of = |n: usize| u32::try_from(n).expect("a message file under 4 GiB");
    let mut found = Vec::new();
    let mut current: Option<(u32, u32)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let first = line.as_bytes().first().copied().unwrap_or(b' ');
        if first.is_ascii_alphabetic() || first == b'#' {
            if let Some((id_start, id_end)) = current.take() {
                found.push(Entry {
                    id_start,
                    id_end,
                    end: offset_of(offset),
                });
            }
            if first != b'#' {
                current = line
                    .split_once('=')
                    .map(|(id, _)| (offset_of(offset), offset_of(offset + id.trim_end().len())));
            }
        }
        offset += line.len();
    }
    if let Some((id_start, id_end)) = current {
        found.push(Entry {
            id_start,
            id_end,
            end: offset_of(source.len()),
        });
    }
    found
}
