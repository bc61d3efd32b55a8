//! Reading a profile from its outline: the skeleton as one small tree, and each rule of
//! `syscalls` as a tree of its own, read and dropped before the next, so a huge profile never
//! holds the tree of the whole file. The walker is the same; only the offsets are shifted.

use super::outline::{Outline, Shift};
use super::reader::{Field, Reader};
use crate::profile::model::{Extras, Profile};
use jsonc_parser::ast;
use jsonc_parser::common::Ranged;
use std::ops::Range;

impl<'a> Reader<'a> {
    /// Reads the profile of `text` through its outline; None when a part does not parse
    /// (the caller then reads the whole tree, which says where and why).
    pub(super) fn profile_apart(
        &mut self,
        text: &'a str,
        outline: Outline,
    ) -> Option<Option<Profile>> {
        let Outline {
            skeleton,
            shift,
            arrays,
        } = outline;
        let root = jsonc_parser::parse_to_ast(&skeleton, &Default::default(), &super::options())
            .ok()?
            .value?;
        self.shift = shift;
        self.apart = Some((text, arrays));
        let profile = self.profile(&root);
        self.shift = Shift::default();
        self.apart = None;
        (!std::mem::take(&mut self.broken)).then_some(profile)
    }

    /// The elements cut out of the skeleton's array `value`, when it is one.
    pub(super) fn cut_elements(&mut self, value: &ast::Value) -> Option<Vec<Range<usize>>> {
        let ast::Value::Array(array) = value else {
            return None;
        };
        let (_, arrays) = self.apart.as_mut()?;
        let cut = arrays.iter_mut().find(|a| a.open == array.start())?;
        Some(std::mem::take(&mut cut.elements))
    }

    /// Reads each element of a cut array as a tree of its own, as [`Self::item`] reads the
    /// elements of a tree.
    pub(super) fn items_apart<T>(
        &mut self,
        f: &Field,
        elements: Vec<Range<usize>>,
        keys: &'static [&'static str],
        read: &impl Fn(&mut Self, &ast::Value, &str, Vec<Field>, Extras) -> Option<T>,
    ) -> Vec<T> {
        let Some((text, _)) = self.apart else {
            return Vec::new();
        };
        let outer = std::mem::take(&mut self.shift);
        let mut out = Vec::with_capacity(elements.len());
        let mut buf = String::new();
        for (i, range) in elements.into_iter().enumerate() {
            let parsed = jsonc_parser::parse_to_ast(
                &text[range.clone()],
                &Default::default(),
                &super::options(),
            );
            let Some(item) = parsed.ok().and_then(|p| p.value) else {
                self.broken = true;
                break;
            };
            self.shift = Shift::base(range.start);
            let path = super::reader::element_path(&mut buf, &f.path, i);
            out.extend(self.item(&item, path, keys, read));
        }
        self.shift = outer;
        out
    }
}
