//! Writing a profile: canonical pretty JSON, saved atomically.

use super::model::*;
use serde_json::{Map, Value};
use std::path::Path;

/// Builds a JSON object from known keys in canonical order, weaving extras back in.
struct ObjectWriter<'e> {
    map: Map<String, Value>,
    extras: &'e Extras,
}

impl<'e> ObjectWriter<'e> {
    fn new(extras: &'e Extras) -> Self {
        let mut w = ObjectWriter {
            map: Map::new(),
            extras,
        };
        w.extras_after(None);
        w
    }

    fn extras_after(&mut self, key: Option<&'static str>) {
        for (after, k, v) in &self.extras.fields {
            if *after == key {
                self.map.insert(k.clone(), v.clone());
            }
        }
    }

    /// Writes `key` (or an explicit null the source had) and the extras that followed it.
    fn field(&mut self, key: &'static str, value: Option<Value>) {
        match value {
            Some(v) => {
                self.map.insert(key.to_string(), v);
            }
            None if self.extras.is_null(key) => {
                self.map.insert(key.to_string(), Value::Null);
            }
            None => {}
        }
        self.extras_after(Some(key));
    }

    fn finish(self) -> Value {
        Value::Object(self.map)
    }
}

fn strings<T>(items: &[T], f: impl Fn(&T) -> String) -> Value {
    Value::Array(items.iter().map(|x| Value::String(f(x))).collect())
}

fn text(s: &Option<String>) -> Option<Value> {
    s.as_ref().map(|s| Value::String(s.clone()))
}

fn number(n: Option<u64>) -> Option<Value> {
    n.map(Value::from)
}

/// The profile as a JSON value, keys in canonical order.
pub fn to_value(p: &Profile) -> Value {
    let mut w = ObjectWriter::new(&p.extras);
    for &key in PROFILE_KEYS {
        let v = match key {
            "defaultAction" => Some(Value::String(p.default_action.name().into())),
            "defaultErrnoRet" => number(p.default_errno_ret),
            "defaultErrno" => text(&p.default_errno),
            "listenerPath" => text(&p.listener_path),
            "listenerMetadata" => text(&p.listener_metadata),
            "architectures" => p
                .architectures
                .as_ref()
                .map(|a| strings(a, |x| x.scmp_name().into())),
            "archMap" => p
                .arch_map
                .as_ref()
                .map(|m| Value::Array(m.iter().map(arch_map_entry).collect())),
            "flags" => p.flags.as_ref().map(|f| strings(f, Clone::clone)),
            _ => p
                .syscalls
                .as_ref()
                .map(|r| Value::Array(r.iter().map(rule).collect())),
        };
        w.field(key, v);
    }
    w.finish()
}

fn arch_map_entry(e: &ArchMapEntry) -> Value {
    let mut w = ObjectWriter::new(&e.extras);
    w.field(
        "architecture",
        Some(Value::String(e.architecture.scmp_name().into())),
    );
    w.field(
        "subArchitectures",
        e.sub_architectures
            .as_ref()
            .map(|s| strings(s, |x| x.scmp_name().into())),
    );
    w.finish()
}

fn rule(r: &Rule) -> Value {
    let mut w = ObjectWriter::new(&r.extras);
    for &key in RULE_KEYS {
        let v = match key {
            "name" => match &r.names {
                Some(Names::Single(s)) => Some(Value::String(s.clone())),
                _ => None,
            },
            "names" => match &r.names {
                Some(Names::List(v)) => Some(strings(v, Clone::clone)),
                _ => None,
            },
            "action" => Some(Value::String(r.action.name().into())),
            "errnoRet" => number(r.errno_ret),
            "errno" => text(&r.errno),
            "args" => r
                .args
                .as_ref()
                .map(|a| Value::Array(a.iter().map(arg).collect())),
            "comment" => text(&r.comment),
            "includes" => r.includes.as_deref().map(filter),
            _ => r.excludes.as_deref().map(filter),
        };
        w.field(key, v);
    }
    w.finish()
}

fn arg(a: &ArgCond) -> Value {
    let mut w = ObjectWriter::new(&a.extras);
    w.field("index", Some(Value::from(a.index)));
    w.field("value", Some(Value::from(a.value)));
    w.field("valueTwo", number(a.value_two));
    w.field("op", Some(Value::String(a.op.name().into())));
    w.finish()
}

fn filter(f: &Filter) -> Value {
    let mut w = ObjectWriter::new(&f.extras);
    w.field("caps", f.caps.as_ref().map(|c| strings(c, Clone::clone)));
    w.field(
        "arches",
        f.arches.as_ref().map(|c| strings(c, Clone::clone)),
    );
    w.field("minKernel", text(&f.min_kernel));
    w.finish()
}

/// The canonical text: pretty JSON with 2-space indent and a final newline.
pub fn to_canonical_string(p: &Profile) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(p)).expect("a JSON value always serializes");
    s.push('\n');
    s
}

pub use super::write::{backup_path, write_atomic};

/// Saves a profile in canonical form (see [`write_atomic`]).
pub fn save(path: &Path, p: &Profile, keep_backup: bool) -> std::io::Result<()> {
    write_atomic(path, &to_canonical_string(p), keep_backup)
}
