//! The walker of a profile's JSON tree: typed readers for each kind of value, which report
//! what is wrong with a value at its line and column and carry on, so one pass finds every
//! problem.

use super::outline::{CutArray, Shift};
use super::Lexicon;
use crate::i18n::Text;
use crate::profile::diag::{Diagnostic, LineIndex};
use crate::profile::model::*;
use crate::profile::semantic::errno_problem;
use crate::profile::vocab::{Action, Arch, RuncErrno};
use crate::profile::LintId;
use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::common::Ranged;
use serde_json::Value;

/// Walks one document, collecting diagnostics.
pub(super) struct Reader<'a> {
    pub(super) index: LineIndex<'a>,
    pub(super) lexicon: &'a dyn Lexicon,
    pub(super) diags: Vec<Diagnostic>,
    /// From offsets of the tree being walked (a part of the file) to offsets of the file.
    pub(super) shift: Shift,
    /// The file's text and the arrays whose elements are read one by one, when the tree
    /// walked is the file's outline.
    pub(super) apart: Option<(&'a str, Vec<CutArray>)>,
    /// Whether an element read apart did not parse (the whole tree is then read instead).
    pub(super) broken: bool,
}

/// What kind of JSON value `v` is, for messages.
pub(super) fn describe(v: &ast::Value) -> Text {
    match v {
        ast::Value::StringLit(_) => crate::text!("load-kind-string"),
        ast::Value::NumberLit(_) => crate::text!("load-kind-number"),
        ast::Value::BooleanLit(_) => crate::text!("load-kind-boolean"),
        ast::Value::Object(_) => crate::text!("load-kind-object"),
        ast::Value::Array(_) => crate::text!("load-kind-array"),
        ast::Value::NullKeyword(_) => crate::text!("load-kind-null"),
    }
}

/// The path of `key` inside `path`, for messages.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_string();
    }
    // Without `format!`: a path is made for every field read, mostly never shown.
    let mut joined = String::with_capacity(path.len() + 1 + key.len());
    joined.push_str(path);
    joined.push('.');
    joined.push_str(key);
    joined
}

/// `base[i]`, written into `buf` (reused from one element to the next: a `format!` for every
/// element of every names list was a tenth of loading Docker's profile).
pub(super) fn element_path<'b>(buf: &'b mut String, base: &str, i: usize) -> &'b str {
    buf.clear();
    buf.push_str(base);
    buf.push('[');
    // The digits by hand: the formatting machinery cost more than the rest of the path.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = i;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend(digits[at..].iter().map(|&d| char::from(d)));
    buf.push(']');
    buf
}

/// Items joined for a message.
pub(super) fn quoted_list<'s>(items: impl Iterator<Item = &'s str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Converts a subtree we do not interpret into a JSON value, keeping key order.
fn to_json(v: &ast::Value) -> Value {
    match v {
        ast::Value::StringLit(s) => Value::String(s.value.to_string()),
        ast::Value::NumberLit(n) => {
            serde_json::from_str(n.value).unwrap_or_else(|_| Value::String(n.value.to_string()))
        }
        ast::Value::BooleanLit(b) => Value::Bool(b.value),
        ast::Value::NullKeyword(_) => Value::Null,
        ast::Value::Array(a) => Value::Array(a.elements.iter().map(to_json).collect()),
        ast::Value::Object(o) => Value::Object(
            o.properties
                .iter()
                .map(|p| (p.name.as_str().to_string(), to_json(&p.value)))
                .collect(),
        ),
    }
}

/// One property of an object being read, with what the walker needs to know about it.
pub(super) struct Field<'v, 't> {
    pub(super) key: &'static str,
    pub(super) value: &'v ast::Value<'t>,
    pub(super) path: String,
}

impl<'a> Reader<'a> {
    /// A reader of the file whose text `index` indexes.
    pub(super) fn new(index: LineIndex<'a>, lexicon: &'a dyn Lexicon) -> Reader<'a> {
        Reader {
            index,
            lexicon,
            diags: Vec::new(),
            shift: Shift::default(),
            apart: None,
            broken: false,
        }
    }

    pub(super) fn pos(&self, node: &impl Ranged) -> Pos {
        self.index.pos(self.shift.apply(node.start()))
    }

    pub(super) fn error(&mut self, node: &impl Ranged, msg: Text) {
        let pos = self.pos(node);
        self.diags.push(Diagnostic::error(pos, msg));
    }

    /// An error with a code of its own, so lint can give it a specific hint.
    pub(super) fn coded_error(&mut self, node: &impl Ranged, code: LintId, msg: Text) {
        let pos = self.pos(node);
        self.diags.push(Diagnostic::error(pos, msg).with_code(code));
    }

    pub(super) fn warning(&mut self, node: &impl Ranged, code: LintId, msg: Text) {
        let pos = self.pos(node);
        self.diags
            .push(Diagnostic::warning(pos, msg).with_code(code));
    }

    /// Splits an object into its known fields (in source order) and its extras.
    pub(super) fn fields<'v, 't>(
        &mut self,
        obj: &'v ast::Object<'t>,
        path: &str,
        known: &'static [&'static str],
        extras: &mut Extras,
    ) -> Vec<Field<'v, 't>> {
        let mut out: Vec<Field> = Vec::new();
        let mut last: Option<&'static str> = None;
        for prop in &obj.properties {
            let name = prop.name.as_str();
            let key_node = match &prop.name {
                ObjectPropName::String(s) => s.range,
                ObjectPropName::Word(w) => w.range,
            };
            match known.iter().find(|k| **k == name) {
                Some(&key) => {
                    if let Some(i) = out.iter().position(|f| f.key == key) {
                        self.warning(
                            &key_node,
                            LintId::DuplicateKey,
                            crate::text!("load-duplicate-key", key = key, path = join(path, key)),
                        );
                        out.remove(i);
                    }
                    last = Some(key);
                    if matches!(prop.value, ast::Value::NullKeyword(_)) {
                        extras.nulls.push(key);
                    } else {
                        out.push(Field {
                            key,
                            value: &prop.value,
                            path: join(path, key),
                        });
                    }
                }
                None => {
                    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
                        self.warning(
                            &key_node,
                            LintId::UnknownKey,
                            crate::text!(
                                "load-unknown-key",
                                name = name,
                                path = join(path, name),
                                close = *k
                            ),
                        );
                    }
                    extras
                        .fields
                        .push((last, name.to_string(), to_json(&prop.value)));
                }
            }
        }
        out
    }

    pub(super) fn object<'v, 't>(
        &mut self,
        v: &'v ast::Value<'t>,
        path: &str,
    ) -> Option<&'v ast::Object<'t>> {
        match v {
            ast::Value::Object(o) => Some(o),
            other => {
                self.error(
                    other,
                    crate::text!("load-not-object", path = path, found = describe(other)),
                );
                None
            }
        }
    }

    pub(super) fn string(&mut self, f: &Field) -> Option<String> {
        match f.value {
            ast::Value::StringLit(s) => Some(s.value.to_string()),
            other => {
                self.error(
                    other,
                    crate::text!("load-not-string", path = &f.path, found = describe(other)),
                );
                None
            }
        }
    }

    pub(super) fn unsigned(&mut self, v: &ast::Value, path: &str) -> Option<u64> {
        match v {
            ast::Value::NumberLit(n) => match n.value.parse::<u64>() {
                Ok(x) => Some(x),
                Err(_) => {
                    self.error(
                        n,
                        crate::text!("load-not-u64", path = path, value = n.value),
                    );
                    None
                }
            },
            other => {
                self.error(
                    other,
                    crate::text!("load-not-unsigned", path = path, found = describe(other)),
                );
                None
            }
        }
    }

    pub(super) fn errno(&mut self, f: &Field) -> Option<u64> {
        self.unsigned(f.value, &f.path)
    }

    /// Says what runc will do with an errno value that it wraps or libseccomp refuses.
    pub(super) fn errno_range(
        &mut self,
        fields: &[Field],
        key: &str,
        value: Option<u64>,
        action: Option<Action>,
    ) {
        let (Some(value), Some(action)) = (value, action) else {
            return;
        };
        if !action.takes_errno() {
            return; // rule_warnings says it has no effect
        }
        let Some(f) = fields.iter().find(|f| f.key == key) else {
            return;
        };
        let runc = RuncErrno::of(value, action);
        if let Some(message) = errno_problem(runc, &f.path, value) {
            // A warning in the document, which still opens to be fixed; `check` counts a
            // refusal as an error (LintId::stops_the_runtime).
            let id = if runc.refused {
                LintId::ErrnoRefused
            } else {
                LintId::ErrnoOutOfRange
            };
            self.warning(f.value, id, message);
        }
    }

    pub(super) fn errno_name(&mut self, f: &Field) -> Option<String> {
        let name = self.string(f)?;
        if self.lexicon.errno_value(&name).is_none() {
            let message = match self.lexicon.suggest_errno(&name) {
                Some(close) => crate::text!(
                    "load-unknown-errno-close",
                    path = &f.path,
                    name = &name,
                    close = close
                ),
                None => crate::text!("load-unknown-errno", path = &f.path, name = &name),
            };
            self.error(f.value, message);
        }
        Some(name)
    }

    pub(super) fn array<'v, 't>(&mut self, f: &Field<'v, 't>) -> Option<&'v [ast::Value<'t>]> {
        match f.value {
            ast::Value::Array(a) => Some(&a.elements),
            other => {
                self.error(
                    other,
                    crate::text!("load-not-array", path = &f.path, found = describe(other)),
                );
                None
            }
        }
    }

    /// An array of strings, each checked by `check` (which reports and may reject).
    pub(super) fn strings<T>(
        &mut self,
        f: &Field,
        mut check: impl FnMut(&mut Self, &ast::Value, &str, String) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(f)?;
        let mut out = Vec::with_capacity(items.len());
        let mut buf = String::new();
        for (i, item) in items.iter().enumerate() {
            let path = element_path(&mut buf, &f.path, i);
            match item {
                ast::Value::StringLit(s) => {
                    out.extend(check(self, item, path, s.value.to_string()))
                }
                other => self.error(
                    other,
                    crate::text!("load-not-string", path = path, found = describe(other)),
                ),
            }
        }
        Some(out)
    }

    pub(super) fn action(&mut self, f: &Field) -> Option<Action> {
        let name = self.string(f)?;
        let action = Action::from_name(&name);
        if action.is_none() {
            let valid = quoted_list(Action::ALL.iter().map(|a| a.name()));
            self.error(
                f.value,
                crate::text!(
                    "load-unknown-action",
                    name = &name,
                    path = &f.path,
                    valid = valid
                ),
            );
        }
        action
    }

    pub(super) fn arch(&mut self, node: &ast::Value, path: &str, name: String) -> Option<Arch> {
        let arch = Arch::from_scmp_name(&name);
        if arch.is_none() {
            let valid = quoted_list(Arch::all().map(Arch::scmp_name));
            self.error(
                node,
                crate::text!(
                    "load-unknown-arch",
                    name = &name,
                    path = path,
                    valid = valid
                ),
            );
        }
        arch
    }
}
