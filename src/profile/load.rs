//! Reading a profile from JSON text, keeping positions for diagnostics.

use super::diag::{has_errors, Diagnostic, LineIndex};
use super::model::*;
use super::semantic::{arch_never_matches, rule_warnings};
use super::vocab::{capability, Action, Arch, Op, RuncErrno, FILTER_FLAGS};
use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::common::Ranged;
use serde_json::Value;
use std::path::Path;

/// What the loader needs to know about names beyond the profile itself.
pub trait Lexicon {
    /// Whether some architecture has a syscall of this name.
    fn is_syscall(&self, name: &str) -> bool;
    /// The closest known syscall name, for a did-you-mean.
    fn suggest_syscall(&self, name: &str) -> Option<String>;
    /// The value of an errno name (`EPERM` is 1).
    fn errno_value(&self, name: &str) -> Option<u64>;
}

/// The outcome of reading a profile: the document unless there were errors, and all findings.
#[derive(Debug)]
pub struct Parsed {
    /// The profile, when there was no error.
    pub profile: Option<Profile>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a profile file (see [`super::read_input`]: devices, folders and files over 64 MiB
/// are refused); I/O failures are the only `Err`.
pub fn load(path: &Path, lexicon: &dyn Lexicon) -> std::io::Result<Parsed> {
    let bytes = super::read_input(path)?;
    Ok(parse_bytes(&bytes, lexicon))
}

/// Parses raw bytes, reporting invalid UTF-8 with its position.
pub fn parse_bytes(bytes: &[u8], lexicon: &dyn Lexicon) -> Parsed {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, lexicon),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let pos = LineIndex::new(good).pos(good.len());
            let byte = bytes[e.valid_up_to()];
            failed(Diagnostic::error(
                pos,
                format!(
                    "the file is not valid UTF-8: byte 0x{byte:02x} at offset {}",
                    e.valid_up_to()
                ),
            ))
        }
    }
}

fn failed(diag: Diagnostic) -> Parsed {
    Parsed {
        profile: None,
        diagnostics: vec![diag],
    }
}

/// Parses profile text.
pub fn parse(text: &str, lexicon: &dyn Lexicon) -> Parsed {
    let index = LineIndex::new(text);
    if text.trim().is_empty() {
        return failed(Diagnostic::error(
            index.pos(text.len()),
            "the file is empty: expected a JSON object with at least \"defaultAction\"",
        ));
    }
    if text.starts_with('\u{feff}') {
        // Go's encoding/json (Docker, runc) refuses it too; name it rather than "expected value".
        return failed(Diagnostic::error(
            Pos { line: 1, col: 1 },
            "the file starts with a UTF-8 byte-order mark (bytes EF BB BF), which Docker and runc \
             reject: save it as UTF-8 without BOM",
        ));
    }
    // serde_json is the judge of syntax: it is strict JSON and reports the position users expect.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let pos = Pos {
            line: e.line() as u32,
            col: e.column().max(1) as u32,
        };
        let msg = e.to_string();
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m);
        return failed(Diagnostic::error(pos, format!("invalid JSON: {msg}")));
    }
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let ast = match jsonc_parser::parse_to_ast(text, &Default::default(), &options) {
        Ok(r) => r.value,
        Err(e) => {
            return failed(Diagnostic::error(
                index.pos(e.range().start),
                format!("invalid JSON: {}", e.kind()),
            ))
        }
    };
    let Some(root) = ast else {
        return failed(Diagnostic::error(
            index.pos(0),
            "the file holds no JSON value",
        ));
    };
    let mut reader = Reader {
        index,
        lexicon,
        diags: Vec::new(),
    };
    let profile = reader.profile(&root);
    let mut diagnostics = reader.diags;
    diagnostics.sort_by_key(|d| d.pos);
    let profile = if has_errors(&diagnostics) {
        None
    } else {
        profile
    };
    Parsed {
        profile,
        diagnostics,
    }
}

struct Reader<'a> {
    index: LineIndex<'a>,
    lexicon: &'a dyn Lexicon,
    diags: Vec<Diagnostic>,
}

fn describe(v: &ast::Value) -> &'static str {
    match v {
        ast::Value::StringLit(_) => "a string",
        ast::Value::NumberLit(_) => "a number",
        ast::Value::BooleanLit(_) => "a boolean",
        ast::Value::Object(_) => "an object",
        ast::Value::Array(_) => "an array",
        ast::Value::NullKeyword(_) => "null",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn quoted_list<'s>(items: impl Iterator<Item = &'s str>) -> String {
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
struct Field<'v, 't> {
    key: &'static str,
    value: &'v ast::Value<'t>,
    path: String,
}

impl<'a> Reader<'a> {
    fn pos(&self, node: &impl Ranged) -> Pos {
        self.index.pos(node.start())
    }

    fn error(&mut self, node: &impl Ranged, msg: String) {
        let pos = self.pos(node);
        self.diags.push(Diagnostic::error(pos, msg));
    }

    fn warning(&mut self, node: &impl Ranged, code: &'static str, msg: String) {
        let pos = self.pos(node);
        self.diags
            .push(Diagnostic::warning(pos, msg).with_code(code));
    }

    /// Splits an object into its known fields (in source order) and its extras.
    fn fields<'v, 't>(
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
                            "duplicate-key",
                            format!(
                                "duplicate key \"{key}\" at {}: the last one wins",
                                join(path, key)
                            ),
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
                            "unknown-key",
                            format!("unknown key \"{name}\" at {}: did you mean \"{k}\"? (kept as an unknown field)", join(path, name)),
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

    fn object<'v, 't>(&mut self, v: &'v ast::Value<'t>, path: &str) -> Option<&'v ast::Object<'t>> {
        match v {
            ast::Value::Object(o) => Some(o),
            other => {
                self.error(
                    other,
                    format!("{path} must be an object, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn string(&mut self, f: &Field) -> Option<String> {
        match f.value {
            ast::Value::StringLit(s) => Some(s.value.to_string()),
            other => {
                self.error(
                    other,
                    format!("{} must be a string, found {}", f.path, describe(other)),
                );
                None
            }
        }
    }

    fn unsigned(&mut self, v: &ast::Value, path: &str) -> Option<u64> {
        match v {
            ast::Value::NumberLit(n) => match n.value.parse::<u64>() {
                Ok(x) => Some(x),
                Err(_) => {
                    self.error(
                        n,
                        format!(
                            "{path} must be an unsigned 64-bit integer, found {}",
                            n.value
                        ),
                    );
                    None
                }
            },
            other => {
                self.error(
                    other,
                    format!(
                        "{path} must be an unsigned integer, found {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    fn errno(&mut self, f: &Field) -> Option<u64> {
        self.unsigned(f.value, &f.path)
    }

    /// Says what runc will do with an errno value that it wraps or libseccomp refuses.
    fn errno_range(
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
        if let Some(message) = RuncErrno::of(value, action).problem(&f.path, value) {
            self.warning(f.value, "errno-out-of-range", message);
        }
    }

    fn errno_name(&mut self, f: &Field) -> Option<String> {
        let name = self.string(f)?;
        if self.lexicon.errno_value(&name).is_none() {
            self.error(
                f.value,
                format!(
                    "{} is \"{name}\", which is not an errno name (such as EPERM or ENOSYS)",
                    f.path
                ),
            );
        }
        Some(name)
    }

    fn array<'v, 't>(&mut self, f: &Field<'v, 't>) -> Option<&'v [ast::Value<'t>]> {
        match f.value {
            ast::Value::Array(a) => Some(&a.elements),
            other => {
                self.error(
                    other,
                    format!("{} must be an array, found {}", f.path, describe(other)),
                );
                None
            }
        }
    }

    /// An array of strings, each checked by `check` (which reports and may reject).
    fn strings<T>(
        &mut self,
        f: &Field,
        mut check: impl FnMut(&mut Self, &ast::Value, &str, String) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(f)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", f.path);
            match item {
                ast::Value::StringLit(s) => {
                    out.extend(check(self, item, &path, s.value.to_string()))
                }
                other => self.error(
                    other,
                    format!("{path} must be a string, found {}", describe(other)),
                ),
            }
        }
        Some(out)
    }

    fn action(&mut self, f: &Field) -> Option<Action> {
        let name = self.string(f)?;
        let action = Action::from_name(&name);
        if action.is_none() {
            let valid = quoted_list(Action::ALL.iter().map(|a| a.name()));
            self.error(
                f.value,
                format!(
                    "unknown action \"{name}\" at {}; valid actions: {valid}",
                    f.path
                ),
            );
        }
        action
    }

    fn arch(&mut self, node: &ast::Value, path: &str, name: String) -> Option<Arch> {
        let arch = Arch::from_scmp_name(&name);
        if arch.is_none() {
            let valid = quoted_list(Arch::all().map(Arch::scmp_name));
            self.error(
                node,
                format!("unknown architecture \"{name}\" at {path}; valid architectures: {valid}"),
            );
        }
        arch
    }

    fn profile(&mut self, root: &ast::Value) -> Option<Profile> {
        let ast::Value::Object(obj) = root else {
            self.error(root, format!("the document is {}, but a seccomp profile is a JSON object with \"defaultAction\"", describe(root)));
            return None;
        };
        let mut extras = Extras::default();
        let fields = self.fields(obj, "", PROFILE_KEYS, &mut extras);
        let mut p = Profile::new(Action::Allow);
        let mut default_action = None;
        for f in &fields {
            match f.key {
                "defaultAction" => default_action = self.action(f),
                "defaultErrnoRet" => p.default_errno_ret = self.errno(f),
                "defaultErrno" => p.default_errno = self.errno_name(f),
                "listenerPath" => p.listener_path = self.string(f),
                "listenerMetadata" => p.listener_metadata = self.string(f),
                "architectures" => {
                    p.architectures = self.strings(f, |r, n, path, s| r.arch(n, path, s))
                }
                "archMap" => p.arch_map = self.arch_map(f),
                "flags" => {
                    p.flags = self.strings(f, |r, n, path, s| {
                        if !FILTER_FLAGS.contains(&s.as_str()) {
                            r.error(
                                n,
                                format!(
                                    "unknown flag \"{s}\" at {path}; valid flags: {}",
                                    quoted_list(FILTER_FLAGS.iter().copied())
                                ),
                            );
                        }
                        Some(s)
                    })
                }
                "syscalls" => p.syscalls = self.rules(f),
                _ => unreachable!("every key of PROFILE_KEYS is handled"),
            }
        }
        if fields.iter().any(|f| f.key == "architectures")
            && fields.iter().any(|f| f.key == "archMap")
        {
            let f = fields
                .iter()
                .find(|f| f.key == "archMap")
                .expect("checked above");
            self.error(f.value, "\"architectures\" and \"archMap\" cannot be used together (Docker rejects the profile)".into());
        }
        self.errno_range(
            &fields,
            "defaultErrnoRet",
            p.default_errno_ret,
            default_action,
        );
        p.extras = extras;
        match default_action {
            Some(a) => p.default_action = a,
            None if !fields.iter().any(|f| f.key == "defaultAction") => {
                self.error(root, "missing \"defaultAction\": every profile needs the action for syscalls no rule matches".into());
                return None;
            }
            None => return None,
        }
        if let (Some(ret), Some(name)) = (p.default_errno_ret, &p.default_errno) {
            if self.lexicon.errno_value(name).is_some_and(|v| v != ret) {
                let f = fields
                    .iter()
                    .find(|f| f.key == "defaultErrno")
                    .expect("set from a field");
                self.warning(f.value, "errno-mismatch", format!("defaultErrno \"{name}\" disagrees with defaultErrnoRet {ret}; runc uses defaultErrnoRet"));
            }
        }
        if !has_errors(&self.diags) {
            self.diags
                .extend(rule_warnings(&p).into_iter().map(|(_, d)| d));
        }
        Some(p)
    }

    fn arch_map(&mut self, f: &Field) -> Option<Vec<ArchMapEntry>> {
        self.objects(f, ARCH_MAP_KEYS, Self::arch_map_entry)
    }

    fn arch_map_entry(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<ArchMapEntry> {
        let mut arch = None;
        let mut subs = None;
        for g in &fields {
            match g.key {
                "architecture" => {
                    arch = self.string(g).and_then(|s| self.arch(g.value, &g.path, s))
                }
                _ => subs = self.strings(g, |r, n, path, s| r.arch(n, path, s)),
            }
        }
        if arch.is_none() && !fields.iter().any(|g| g.key == "architecture") {
            self.error(item, format!("{path} has no \"architecture\""));
        }
        Some(ArchMapEntry {
            architecture: arch?,
            sub_architectures: subs,
            extras,
        })
    }

    /// Reads an array of objects: each one's known fields and extras go to `read`.
    fn objects<T>(
        &mut self,
        f: &Field,
        keys: &'static [&'static str],
        read: impl Fn(&mut Self, &ast::Value, &str, Vec<Field>, Extras) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(f)?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", f.path);
            let Some(obj) = self.object(item, &path) else {
                continue;
            };
            let mut extras = Extras::default();
            let fields = self.fields(obj, &path, keys, &mut extras);
            out.extend(read(self, item, &path, fields, extras));
        }
        Some(out)
    }

    fn rules(&mut self, f: &Field) -> Option<Vec<Rule>> {
        self.objects(f, RULE_KEYS, Self::rule)
    }

    fn rule(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<Rule> {
        let mut rule = Rule::new(Vec::new(), Action::Allow);
        rule.names = None;
        rule.pos = Some(self.pos(item));
        let mut action = None;
        for f in &fields {
            match f.key {
                "name" => {
                    if let Some(name) = self.string(f) {
                        self.check_syscall(f.value, &f.path, &name);
                        rule.names = Some(Names::Single(name));
                    }
                }
                "names" => {
                    rule.names = self
                        .strings(f, |r, n, p, s| {
                            r.check_syscall(n, p, &s);
                            Some(s)
                        })
                        .map(Names::List)
                }
                "action" => action = self.action(f),
                "errnoRet" => rule.errno_ret = self.errno(f),
                "errno" => rule.errno = self.errno_name(f),
                "args" => rule.args = self.args(f),
                "comment" => rule.comment = self.string(f),
                "includes" => rule.includes = self.filter(f),
                _ => rule.excludes = self.filter(f),
            }
        }
        let has = |k: &str| fields.iter().any(|f| f.key == k);
        if has("name") && has("names") {
            let f = fields.iter().find(|f| f.key == "name").expect("checked");
            self.error(f.value, format!("{path} has both \"name\" and \"names\"; use one (Docker rejects both together)"));
        }
        if !has("action") && !extras.is_null("action") {
            self.error(item, format!("{path} has no \"action\""));
        }
        self.errno_range(&fields, "errnoRet", rule.errno_ret, action);
        rule.extras = extras;
        rule.action = action?;
        Some(rule)
    }

    fn check_syscall(&mut self, node: &ast::Value, path: &str, name: &str) {
        if self.lexicon.is_syscall(name) {
            return;
        }
        let hint = match self.lexicon.suggest_syscall(name) {
            Some(s) => format!("; did you mean \"{s}\"?"),
            None => String::new(),
        };
        self.error(
            node,
            format!("unknown syscall \"{name}\" at {path}: no architecture has it{hint}"),
        );
    }

    fn args(&mut self, f: &Field) -> Option<Vec<ArgCond>> {
        self.objects(f, ARG_KEYS, Self::arg)
    }

    fn arg(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<ArgCond> {
        let (mut index, mut value, mut value_two, mut op) = (None, None, None, None);
        for g in &fields {
            match g.key {
                "index" => {
                    index = self.unsigned(g.value, &g.path).and_then(|x| {
                        if x > 5 {
                            self.error(
                                g.value,
                                format!("{} is {x}, but syscalls have arguments 0..5", g.path),
                            );
                            None
                        } else {
                            Some(x as u32)
                        }
                    })
                }
                "value" => value = self.unsigned(g.value, &g.path),
                "valueTwo" => value_two = self.unsigned(g.value, &g.path),
                _ => {
                    op = self.string(g).and_then(|s| {
                        let op = Op::from_name(&s).filter(|o| o.name() == s);
                        if op.is_none() {
                            let valid = quoted_list(Op::ALL.iter().map(|o| o.name()));
                            self.error(
                                g.value,
                                format!(
                                    "unknown operator \"{s}\" at {}; valid operators: {valid}",
                                    g.path
                                ),
                            );
                        }
                        op
                    })
                }
            }
        }
        for (key, present) in [("index", index.is_some()), ("op", op.is_some())] {
            if !present && !fields.iter().any(|g| g.key == key) {
                self.error(item, format!("{path} has no \"{key}\""));
            }
        }
        if let (Some(op), Some(_)) = (op, value_two) {
            if op != Op::MaskedEq && value_two != Some(0) {
                self.warning(
                    item,
                    "value-two-ignored",
                    format!("{path}.valueTwo is ignored by {op}; only SCMP_CMP_MASKED_EQ uses it"),
                );
            }
        }
        let (index, op) = (index?, op?);
        Some(ArgCond {
            index,
            value: value.unwrap_or(0),
            value_two,
            op,
            extras,
        })
    }

    fn filter(&mut self, f: &Field) -> Option<Filter> {
        let obj = self.object(f.value, &f.path)?;
        let mut filter = Filter::default();
        let fields = self.fields(obj, &f.path, FILTER_KEYS, &mut filter.extras);
        for g in &fields {
            match g.key {
                "caps" => {
                    filter.caps = self.strings(g, |r, n, path, s| {
                        if capability(&s).is_none_or(|c| c != s) {
                            r.warning(
                                n,
                                "unknown-capability",
                                format!("unknown capability \"{s}\" at {path}; it never matches"),
                            );
                        }
                        Some(s)
                    })
                }
                "arches" => {
                    filter.arches = self.strings(g, |r, n, path, s| {
                        if let Some(message) = arch_never_matches(&s, path) {
                            r.warning(n, "arch-never-matches", message);
                        }
                        Some(s)
                    })
                }
                _ => {
                    filter.min_kernel = self.string(g).inspect(|s| {
                        if super::KernelVersion::parse(s).is_none() {
                            self.error(
                                g.value,
                                format!(
                                    "{} is \"{s}\", not a kernel version such as \"5.8\"",
                                    g.path
                                ),
                            );
                        }
                    })
                }
            }
        }
        Some(filter)
    }
}
