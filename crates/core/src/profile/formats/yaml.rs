//! YAML in and out for manifests. Reading goes through saphyr (positions kept); scalars are
//! typed here by the YAML 1.2 core schema, keeping integers up to 2^64-1 exact (seccomp
//! argument values are unsigned 64-bit). Writing is the small block style kubectl uses.

use crate::i18n::Text;
use crate::profile::model::Pos;
use saphyr::{MarkedYaml, ScalarStyle, YamlData, YamlLoader};
use saphyr_parser::Parser;
use serde_json::{Map, Number, Value};

/// Loads every document of `text`; Err has the position and the parser's message.
pub fn documents(text: &str) -> Result<Vec<MarkedYaml<'_>>, (Pos, Text)> {
    let mut loader: YamlLoader<'_, MarkedYaml<'_>> = YamlLoader::default();
    loader.early_parse(false);
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut loader, true).map_err(|e| {
        let m = e.marker();
        (pos(m), crate::text!("load-invalid-yaml", detail = e.info()))
    })?;
    Ok(loader.into_documents())
}

/// The lines of `text` as YAML counts them, each with its line break: a line ends at `\r\n`,
/// `\n` or a lone `\r`, so a node's line number (from 1) indexes this list.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = match (bytes[i], bytes.get(i + 1)) {
            (b'\r', Some(b'\n')) => Some(i + 2),
            (b'\r' | b'\n', _) => Some(i + 1),
            _ => None,
        };
        match end {
            Some(end) => {
                out.push(&text[start..end]);
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn pos(m: &saphyr::Marker) -> Pos {
    Pos {
        line: m.line() as u32,
        col: m.col() as u32 + 1,
    }
}

/// Where a node starts.
pub fn start(node: &MarkedYaml<'_>) -> Pos {
    pos(&node.span.start)
}

/// The value under `key` of a mapping node.
pub fn get<'n, 'i>(node: &'n MarkedYaml<'i>, key: &str) -> Option<&'n MarkedYaml<'i>> {
    match &node.data {
        YamlData::Mapping(m) => m
            .iter()
            .find(|(k, _)| scalar_text(k) == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// The key node for `key` of a mapping node.
pub fn key_node<'n, 'i>(node: &'n MarkedYaml<'i>, key: &str) -> Option<&'n MarkedYaml<'i>> {
    match &node.data {
        YamlData::Mapping(m) => m.keys().find(|k| scalar_text(k) == Some(key)),
        _ => None,
    }
}

/// A scalar's text as written (without quotes).
pub fn scalar_text<'n>(node: &'n MarkedYaml<'_>) -> Option<&'n str> {
    match &node.data {
        YamlData::Representation(s, _, _) => Some(s),
        _ => None,
    }
}

/// One line of pretty JSON traced back to the YAML: where the line's key or item starts, and
/// for a `"key": scalar` line, the JSON column where the scalar starts and the scalar's place.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// The key (or sequence item) the line starts with.
    pub start: Pos,
    /// `(1-based JSON column of the value, the value's YAML position)`.
    pub value: Option<(u32, Pos)>,
}

impl Line {
    /// The YAML position for a JSON position on this line.
    pub fn at(&self, json_col: u32) -> Pos {
        match self.value {
            Some((col, pos)) if json_col >= col => pos,
            _ => self.start,
        }
    }
}

/// A node as JSON, and for each line that `serde_json::to_string_pretty` writes for that JSON,
/// where it comes from in the YAML (so a diagnostic about the JSON can point at the YAML the
/// user wrote).
pub fn to_json(node: &MarkedYaml<'_>) -> Result<(Value, Vec<Line>), (Pos, Text)> {
    let mut lines = vec![Line {
        start: start(node),
        value: None,
    }];
    let value = convert(node, &mut lines, 0)?;
    Ok((value, lines))
}

fn is_inline(node: &MarkedYaml<'_>) -> bool {
    match &node.data {
        YamlData::Mapping(m) => m.is_empty(),
        YamlData::Sequence(s) => s.is_empty(),
        _ => true,
    }
}

fn convert(node: &MarkedYaml<'_>, lines: &mut Vec<Line>, depth: u32) -> Result<Value, (Pos, Text)> {
    let indent = 2 * (depth + 1);
    match &node.data {
        YamlData::Representation(text, style, tag) => Ok(scalar(text, *style, tag.is_some())),
        YamlData::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m.iter() {
                let key = scalar_text(k)
                    .ok_or_else(|| (start(k), crate::text!("load-yaml-key-not-string")))?;
                let json_key = Value::String(key.to_string()).to_string().chars().count() as u32;
                lines.push(Line {
                    start: start(k),
                    value: is_inline(v).then(|| (indent + json_key + 3, start(v))),
                });
                let value = convert(v, lines, depth + 1)?;
                out.insert(key.to_string(), value);
            }
            if !out.is_empty() {
                lines.push(Line {
                    start: start(node),
                    value: None,
                });
            }
            Ok(Value::Object(out))
        }
        YamlData::Sequence(items) => {
            let mut out = Vec::new();
            for item in items {
                lines.push(Line {
                    start: start(item),
                    value: None,
                });
                out.push(convert(item, lines, depth + 1)?);
            }
            if !out.is_empty() {
                lines.push(Line {
                    start: start(node),
                    value: None,
                });
            }
            Ok(Value::Array(out))
        }
        _ => Err((start(node), crate::text!("load-yaml-node-unreadable"))),
    }
}

/// A scalar typed as YAML 1.2's core schema types it: quoted or tagged text stays a string.
fn scalar(text: &str, style: ScalarStyle, tagged: bool) -> Value {
    if style != ScalarStyle::Plain || tagged {
        return Value::String(text.to_string());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(n) = integer(text) {
        return Value::Number(n);
    }
    if text.contains(['.', 'e', 'E']) && text.parse::<f64>().is_ok_and(f64::is_finite) {
        if let Some(n) = text.parse().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

fn integer(text: &str) -> Option<Number> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if let Some(hex) = digits.strip_prefix("0x") {
        u64::from_str_radix(hex, 16).ok()?
    } else if let Some(oct) = digits.strip_prefix("0o") {
        u64::from_str_radix(oct, 8).ok()?
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        return None;
    };
    if negative {
        i64::try_from(magnitude).ok().map(|m| Number::from(-m))
    } else {
        Some(Number::from(magnitude))
    }
}

/// A YAML mapping in block style, keys in order, each line starting with `indent` spaces.
pub fn write_mapping(out: &mut String, map: &Map<String, Value>, indent: usize) {
    write_entries(out, map, indent, false);
}

fn write_entries(out: &mut String, map: &Map<String, Value>, indent: usize, first_inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if !(first_inline && i == 0) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&plain_or_quoted(key));
        out.push(':');
        match value {
            Value::Object(m) if !m.is_empty() => {
                out.push('\n');
                write_entries(out, m, indent + 2, false);
            }
            Value::Array(a) if !a.is_empty() => {
                out.push('\n');
                write_sequence(out, a, indent);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

fn write_sequence(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match item {
            Value::Object(m) if !m.is_empty() => {
                out.push(' ');
                write_entries(out, m, indent + 2, true);
            }
            Value::Array(a) if !a.is_empty() => {
                out.push('\n');
                write_sequence(out, a, indent + 2);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

fn inline(v: &Value) -> String {
    match v {
        Value::String(s) => plain_or_quoted(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
        other => other.to_string(),
    }
}

/// A string plain when YAML reads it back as the same string, else double-quoted (a JSON
/// string is a valid YAML double-quoted scalar).
fn plain_or_quoted(s: &str) -> String {
    let simple = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/'))
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'/');
    if simple && scalar(s, ScalarStyle::Plain, false) == Value::String(s.to_string()) {
        s.to_string()
    } else {
        Value::String(s.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lines_end_where_yaml_says() {
        assert_eq!(lines("a\nb\r\nc\rd"), ["a\n", "b\r\n", "c\r", "d"]);
        assert_eq!(lines("a\n\n"), ["a\n", "\n"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn written_yaml_reads_back_the_same() {
        let v = json!({
            "a": "SCMP_ACT_ALLOW", "yes": "no", "n": 18446744073709551615u64, "neg": -3,
            "s": "two words: x", "e": [], "o": {}, "list": [{"names": ["read", "true"], "x": 1}, [1, 2]],
            "num": "0x10", "t": true, "nul": null
        });
        let mut text = String::new();
        write_mapping(&mut text, v.as_object().unwrap(), 0);
        let docs = documents(&text).unwrap();
        let (back, lines) = to_json(&docs[0]).unwrap();
        assert_eq!(back, v, "{text}");
        let pretty = serde_json::to_string_pretty(&back).unwrap();
        assert_eq!(pretty.lines().count(), lines.len(), "{pretty}");
    }
}
