//! The top level of a profile found with the tokenizer alone, so that a huge `syscalls` array
//! is read one rule at a time instead of as one tree: the text without the array's elements
//! (the skeleton, read as any profile is) and each element's byte range in the whole text.

use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};
use std::ops::Range;

/// Maps byte offsets of a text cut out of the file (the skeleton, or one element) back to
/// offsets of the file: positions are then counted once, on the whole text.
#[derive(Debug, Clone, Default)]
pub(super) struct Shift {
    /// Where the text starts in the file.
    base: usize,
    /// `(first local offset, bytes cut out before it)`, in increasing order.
    gaps: Vec<(usize, usize)>,
}

impl Shift {
    /// The offsets of a text that starts at `base` in the file.
    pub(super) fn base(base: usize) -> Shift {
        Shift {
            base,
            gaps: Vec::new(),
        }
    }

    /// The file offset of a local offset.
    pub(super) fn apply(&self, offset: usize) -> usize {
        let at = self.gaps.partition_point(|&(from, _)| from <= offset);
        let cut = at.checked_sub(1).map_or(0, |i| self.gaps[i].1);
        self.base + offset + cut
    }
}

/// A `syscalls` array of the top level whose elements were cut out of the skeleton.
#[derive(Debug)]
pub(super) struct CutArray {
    /// Where its `[` is in the skeleton.
    pub(super) open: usize,
    /// Each element's range in the whole text, in order.
    pub(super) elements: Vec<Range<usize>>,
}

/// The profile's text without the elements of its top-level `syscalls` arrays.
#[derive(Debug)]
pub(super) struct Outline {
    /// The text with every cut array written `[]`.
    pub(super) skeleton: String,
    /// From skeleton offsets to file offsets.
    pub(super) shift: Shift,
    /// The arrays cut out.
    pub(super) arrays: Vec<CutArray>,
}

/// The next token that is not a comment, or None at the end or on a token the scanner refuses.
fn next<'a>(scanner: &mut Scanner<'a>) -> Option<Token<'a>> {
    loop {
        match scanner.scan() {
            Ok(Some(Token::CommentLine(_) | Token::CommentBlock(_))) => continue,
            Ok(token) => return token,
            Err(_) => return None,
        }
    }
}

/// Passes over the value that starts with `first`; None when it is not well formed.
fn skip_value(scanner: &mut Scanner, first: Token) -> Option<()> {
    let mut depth = 0usize;
    let mut token = first;
    loop {
        match token {
            Token::OpenBrace | Token::OpenBracket => depth += 1,
            Token::CloseBrace | Token::CloseBracket => depth = depth.checked_sub(1)?,
            Token::Comma | Token::Colon if depth == 0 => return None,
            _ => {}
        }
        if depth == 0 {
            return Some(());
        }
        token = next(scanner)?;
    }
}

/// The elements of an array whose `[` was just scanned, and the offset of its `]`.
fn elements(scanner: &mut Scanner) -> Option<(Vec<Range<usize>>, usize)> {
    let mut out = Vec::new();
    loop {
        let token = next(scanner)?;
        if token == Token::CloseBracket && out.is_empty() {
            return Some((out, scanner.token_start()));
        }
        let start = scanner.token_start();
        skip_value(scanner, token)?;
        out.push(start..scanner.token_end());
        match next(scanner)? {
            Token::Comma => {}
            Token::CloseBracket => return Some((out, scanner.token_start())),
            _ => return None,
        }
    }
}

/// The outline of `text`, or None when its top level is not an object of well-formed
/// properties (the whole tree is then read as before, and reports what is wrong).
pub(super) fn outline(text: &str) -> Option<Outline> {
    // The dialect the parser reads (strict JSON), as jsonc-parser's own parser hands it on.
    let strict = super::options();
    let options = ScannerOptions {
        allow_single_quoted_strings: strict.allow_single_quoted_strings,
        allow_hexadecimal_numbers: strict.allow_hexadecimal_numbers,
        allow_unary_plus_numbers: strict.allow_unary_plus_numbers,
        allow_bare_decimal_point_numbers: strict.allow_bare_decimal_point_numbers,
        allow_non_finite_numbers: strict.allow_non_finite_numbers,
        allow_extended_string_escapes: strict.allow_extended_string_escapes,
    };
    let mut scanner = Scanner::new(text, &options);
    if next(&mut scanner)? != Token::OpenBrace {
        return None;
    }
    // The byte ranges cut out: each array's inside, between its `[` and its `]`.
    let mut cuts: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let mut first = true;
    loop {
        let key = match next(&mut scanner)? {
            Token::CloseBrace if first => break,
            Token::String(key) => key,
            _ => return None,
        };
        first = false;
        if next(&mut scanner)? != Token::Colon {
            return None;
        }
        let value = next(&mut scanner)?;
        if key == "syscalls" && value == Token::OpenBracket {
            let inside = scanner.token_end();
            let (elements, close) = elements(&mut scanner)?;
            cuts.push((inside..close, elements));
        } else {
            skip_value(&mut scanner, value)?;
        }
        match next(&mut scanner)? {
            Token::Comma => {}
            Token::CloseBrace => break,
            _ => return None,
        }
    }
    if next(&mut scanner).is_some() || scanner.token_end() < text.len() {
        return None; // something after the object, or a token the scanner refused
    }
    let cut_len: usize = cuts.iter().map(|(r, _)| r.len()).sum();
    let mut skeleton = String::with_capacity(text.len() - cut_len);
    let mut shift = Shift::default();
    let mut arrays = Vec::with_capacity(cuts.len());
    let (mut from, mut removed) = (0, 0);
    for (range, elements) in cuts {
        skeleton.push_str(&text[from..range.start]);
        removed += range.len();
        shift.gaps.push((skeleton.len(), removed));
        arrays.push(CutArray {
            open: skeleton.len() - 1,
            elements,
        });
        from = range.end;
    }
    skeleton.push_str(&text[from..]);
    Some(Outline {
        skeleton,
        shift,
        arrays,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_keeps_everything_but_the_rules_and_maps_back() {
        let text = r#"{"a": [1, {"syscalls": [2]}], "syscalls": [ {"x": [1]} , "y" ], "b": 3, "syscalls": 4}"#;
        let o = outline(text).expect("an object");
        assert_eq!(
            o.skeleton,
            r#"{"a": [1, {"syscalls": [2]}], "syscalls": [], "b": 3, "syscalls": 4}"#
        );
        assert_eq!(o.arrays.len(), 1);
        let pieces: Vec<&str> = o.arrays[0]
            .elements
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(pieces, [r#"{"x": [1]}"#, r#""y""#]);
        assert_eq!(&o.skeleton[o.arrays[0].open..][..2], "[]");
        for probe in ["\"b\"", "]", "4}"] {
            let local = o.skeleton.rfind(probe).expect("in the skeleton");
            assert_eq!(
                o.shift.apply(local),
                text.rfind(probe).expect("in the text")
            );
        }
        assert_eq!(o.shift.apply(3), 3);
    }

    #[test]
    fn anything_but_a_well_formed_object_has_no_outline() {
        for text in [
            "[]",
            "{",
            r#"{"a" 1}"#,
            r#"{"a": 1,}"#,
            r#"{"a": 1} x"#,
            "{} {}",
            r#"{"syscalls": [1 2]}"#,
        ] {
            assert!(outline(text).is_none(), "{text}");
        }
        assert!(outline(" {} ").is_some());
    }
}
