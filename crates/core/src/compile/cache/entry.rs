//! An entry's bytes: one line `seccompose-filter 2 SUM`, then the body exactly as written (the
//! compiled filter's details as one line of JSON, then the program's raw `sock_filter`
//! records). SUM is XXH3-128 over the key and the body's bytes as they are in the file, so
//! checking it needs no parsing, and the program is read without decoding. A file of another
//! format (an older seccompose's JSON) has another first line: a miss, like a damaged one.

use super::super::runtime::{Limit, Stub};
use super::super::Compiled;
use crate::i18n::Text;
use crate::profile::{Arch, Diagnostic, LintId, Pos, Severity};
use serde_json::{json, Value};
use twox_hash::XxHash3_128;

/// How an entry starts; the sum follows.
const FORMAT: &str = "seccompose-filter 2 ";

/// Everything that decides a filter, digested once: it names the entry, and the same digest
/// goes on over the body for the entry's sum.
#[derive(Clone)]
pub(super) struct Key {
    digest: XxHash3_128,
}

impl Key {
    /// The key of these bytes (`super::key_of`).
    pub(super) fn new(bytes: &[u8]) -> Key {
        let mut digest = XxHash3_128::new();
        digest.write(bytes);
        Key { digest }
    }

    /// The entry's file name, without its ending: 128 bits of the key (a collision is only a
    /// miss, since the sum covers the key).
    pub(super) fn name(&self) -> String {
        format!("{:032x}", self.digest.finish_128())
    }

    /// The sum of the key followed by `body`.
    fn sum(&self, body: &[u8]) -> u128 {
        let mut digest = self.digest.clone();
        digest.write(body);
        digest.finish_128()
    }

    /// The entry for `compiled`, made with this key.
    pub(super) fn seal(&self, compiled: &Compiled) -> Vec<u8> {
        let mut body = details(compiled).to_string().into_bytes();
        body.push(b'\n');
        body.extend_from_slice(&compiled.bpf);
        self.seal_body(&body)
    }

    /// An entry holding `body`, with its sum for this key.
    pub(super) fn seal_body(&self, body: &[u8]) -> Vec<u8> {
        let mut entry = format!("{FORMAT}{:032x}\n", self.sum(body)).into_bytes();
        entry.extend_from_slice(body);
        entry
    }

    /// The compiled filter an entry holds, if it is in this format, whole, and made with this
    /// key (the program is not validated here).
    pub(super) fn open(&self, entry: &[u8]) -> Option<Compiled> {
        let body = self.body(entry)?;
        let end = body.iter().position(|&b| b == b'\n')?;
        let details: Value = serde_json::from_slice(&body[..end]).ok()?;
        undetailed(&details, body[end + 1..].to_vec())
    }

    /// An entry's body, if its first line is this format's with the sum of this key and body:
    /// an entry made for other inputs (under this name by a collision, or copied) or damaged
    /// in a way that still reads fails it.
    pub(super) fn body<'e>(&self, entry: &'e [u8]) -> Option<&'e [u8]> {
        let end = entry.iter().position(|&b| b == b'\n')?;
        let (head, body) = (&entry[..end], &entry[end + 1..]);
        let sum = std::str::from_utf8(head.strip_prefix(FORMAT.as_bytes())?).ok()?;
        // 32 hex digits exactly: the parse alone would take a shorter or signed spelling.
        let spelled = sum.len() == 32 && sum.bytes().all(|b| b.is_ascii_hexdigit());
        (spelled && u128::from_str_radix(sum, 16).ok()? == self.sum(body)).then_some(body)
    }
}

/// Everything in `c` but its program, as JSON.
fn details(c: &Compiled) -> Value {
    json!({
        "arches": c.arches.iter().map(|a| a.scmp_name()).collect::<Vec<_>>(),
        "tree": c.tree,
        "own": [c.own.start, c.own.end],
        "stub": [c.stub.range.start, c.stub.range.end],
        "limits": c.stub.limits.iter().map(|l| json!([l.arch.scmp_name(), l.nr, l.name])).collect::<Vec<_>>(),
        "warnings": c.warnings.iter().map(|d| json!([
            d.severity.to_string(), d.pos.line, d.pos.col, d.message.to_json(), d.code.map(LintId::as_str)
        ])).collect::<Vec<_>>(),
    })
}

/// The compiled filter of [`details`] and its program.
fn undetailed(v: &Value, bpf: Vec<u8>) -> Option<Compiled> {
    let arch = |v: &Value| Arch::from_scmp_name(v.as_str()?);
    let range = |v: &Value| {
        Some(usize::try_from(v[0].as_u64()?).ok()?..usize::try_from(v[1].as_u64()?).ok()?)
    };
    let limits = v["limits"]
        .as_array()?
        .iter()
        .map(|l| {
            Some(Limit {
                arch: arch(&l[0])?,
                nr: u32::try_from(l[1].as_u64()?).ok()?,
                name: l[2].as_str()?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let warnings = v["warnings"]
        .as_array()?
        .iter()
        .map(|w| {
            let severity = match w[0].as_str()? {
                "note" => Severity::Note,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                _ => return None,
            };
            let pos = Pos {
                line: u32::try_from(w[1].as_u64()?).ok()?,
                col: u32::try_from(w[2].as_u64()?).ok()?,
            };
            let code = match &w[4] {
                Value::Null => None,
                id => Some(id.as_str()?.parse().ok()?),
            };
            Some(Diagnostic {
                severity,
                pos,
                // Kept as a text, so that it reads in the language of whoever shows it.
                message: Text::from_json(&w[3])?,
                code,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Compiled {
        bpf,
        arches: v["arches"]
            .as_array()?
            .iter()
            .map(arch)
            .collect::<Option<_>>()?,
        tree: v["tree"].as_bool()?,
        own: range(&v["own"])?,
        stub: Stub {
            range: range(&v["stub"])?,
            limits,
        },
        warnings,
    })
}
