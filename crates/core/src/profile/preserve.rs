//! The minimal writer: an edited profile written as the smallest change to the text it was
//! read from, so a one-name edit is a one-line diff in the author's repository.
//!
//! It compares what the old and the new profile write (as JSON values) and applies only the
//! differences to the concrete syntax tree of the old text (jsonc-parser's CST keeps every
//! space, newline and comment, and indents what it inserts the way its neighbours are).
//! Equal subtrees keep their bytes, so key order, number spelling, string escapes and unknown
//! fields survive; arrays are aligned element by element so a name moved between rules
//! touches only those two lines.

use jsonc_parser::cst::{CstArray, CstInputValue, CstNode, CstObject, CstObjectProp, CstRootNode};
use serde_json::{Map, Value};

/// Why the old text could not be patched (the caller falls back to the canonical writer).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PatchError(String);

/// Rewrites `text`, whose meaning is `before`, so that it means `after`, changing only the
/// parts whose values differ.
pub fn patch(text: &str, before: &Value, after: &Value) -> Result<String, PatchError> {
    patch_at(text, &[], Some(before), after)
}

/// Rewrites the value at `path` (object keys from the root) of `text`, whose meaning there is
/// `before` (None: the path does not exist yet), so that it means `after`; everything outside
/// the path keeps its bytes. Missing objects along the path are added.
pub fn patch_at(
    text: &str,
    path: &[&str],
    before: Option<&Value>,
    after: &Value,
) -> Result<String, PatchError> {
    let root = CstRootNode::parse(text, &Default::default())
        .map_err(|e| PatchError(format!("the old text does not parse: {e}")))?;
    let mut node = root
        .value()
        .ok_or_else(|| PatchError("the old text holds no value".into()))?;
    for (depth, key) in path.iter().enumerate() {
        let obj = node.as_object().ok_or_else(|| {
            PatchError(format!("\"{}\" is not an object", path[..depth].join(".")))
        })?;
        match property(&obj, key) {
            Some(prop) => {
                node = prop
                    .value()
                    .ok_or_else(|| PatchError(format!("\"{key}\" has no value in the text")))?;
            }
            None => {
                let value = path[depth + 1..]
                    .iter()
                    .rev()
                    .fold(after.clone(), |v, k| serde_json::json!({ *k: v }));
                let prop = obj.append(key, input(&value));
                obj.ensure_multiline();
                if let Some(inner) = prop.value().and_then(|v| v.as_object()) {
                    inner.ensure_multiline();
                }
                return Ok(root.to_string());
            }
        }
    }
    patch_value(node, before.unwrap_or(&Value::Null), after)?;
    Ok(root.to_string())
}

fn patch_value(node: CstNode, old: &Value, new: &Value) -> Result<(), PatchError> {
    if old == new {
        return Ok(());
    }
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => match node.as_object() {
            Some(obj) => patch_object(&obj, o, n),
            None => Err(PatchError(
                "an object in the model is not one in the text".into(),
            )),
        },
        (Value::Array(o), Value::Array(n)) => match node.as_array() {
            Some(arr) => patch_array(&arr, o, n),
            None => Err(PatchError(
                "an array in the model is not one in the text".into(),
            )),
        },
        _ => replace(node, new),
    }
}

/// The property that holds `key`; with duplicate keys the last one, as the loader reads it.
fn property(obj: &CstObject, key: &str) -> Option<CstObjectProp> {
    obj.properties()
        .into_iter()
        .rfind(|p| p.name().and_then(|n| n.decoded_value().ok()).as_deref() == Some(key))
}

fn patch_object(
    obj: &CstObject,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
) -> Result<(), PatchError> {
    for key in old.keys().filter(|k| !new.contains_key(*k)) {
        if let Some(prop) = property(obj, key) {
            prop.remove();
        }
    }
    // `new` is in canonical order: a key the text lacks goes after the last earlier key it has.
    let mut after: Option<CstObjectProp> = None;
    for (key, value) in new {
        match (old.get(key), property(obj, key)) {
            (Some(was), Some(prop)) => {
                let node = prop
                    .value()
                    .ok_or_else(|| PatchError(format!("\"{key}\" has no value in the text")))?;
                patch_value(node, was, value)?;
                after = Some(prop);
            }
            _ => {
                let at = after.as_ref().map_or(0, |p| p.property_index() + 1);
                let prop = obj.insert(at, key, input(value));
                match_array_style(&prop);
                after = Some(prop);
            }
        }
    }
    Ok(())
}

/// How an old element lines up with a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Equal: the text stays.
    Keep,
    /// Changed in place: patched recursively.
    Change(usize, usize),
    /// Only in the old array.
    Remove,
    /// Only in the new array.
    Insert(usize),
}

fn patch_array(arr: &CstArray, old: &[Value], new: &[Value]) -> Result<(), PatchError> {
    let mut at = 0;
    for step in align(old, new) {
        let elements = arr.elements();
        match step {
            Step::Keep => at += 1,
            Step::Change(i, j) => {
                let node = elements.get(at).cloned().ok_or_else(|| {
                    PatchError("an array is shorter in the text than in the model".into())
                })?;
                patch_value(node, &old[i], &new[j])?;
                at += 1;
            }
            Step::Remove => {
                let node = elements.get(at).cloned().ok_or_else(|| {
                    PatchError("an array is shorter in the text than in the model".into())
                })?;
                node.remove();
                if at == 0 {
                    tidy_inline_start(arr);
                }
            }
            Step::Insert(j) => {
                let node = arr.insert(at, input(&new[j]));
                if let Some(obj) = node.as_object() {
                    for prop in obj.properties() {
                        if let Some(name) = prop.name().and_then(|n| n.decoded_value().ok()) {
                            match_neighbour_style(arr, at, &prop, &name);
                        }
                    }
                }
                at += 1;
            }
        }
    }
    Ok(())
}

/// After the first element of a one-line array is removed, the space that followed its comma
/// would stay behind the bracket (`[ "b"]`): take it away.
fn tidy_inline_start(arr: &CstArray) {
    let children = arr.children();
    if children.iter().any(|c| c.is_newline()) {
        return;
    }
    if let Some(space) = children.get(1).filter(|c| c.is_whitespace()) {
        space.clone().remove();
    }
}

/// Lines up two arrays: a longest common subsequence of equal elements; between two equal
/// ones, objects left over on both sides are paired in order and changed in place (a rule
/// that lost a name is the same rule), and the rest are removed or inserted.
fn align(old: &[Value], new: &[Value]) -> Vec<Step> {
    // Equal ends first: most edits touch a few elements of a long array.
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (o, n) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    // lcs[i][j]: the longest common subsequence of o[i..] and n[j..].
    let mut lcs = vec![vec![0u32; n.len() + 1]; o.len() + 1];
    for i in (0..o.len()).rev() {
        for j in (0..n.len()).rev() {
            lcs[i][j] = if o[i] == n[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut steps = vec![Step::Keep; head];
    let (mut i, mut j) = (0, 0);
    let (mut gap_old, mut gap_new) = (Vec::new(), Vec::new());
    while i < o.len() || j < n.len() {
        if i < o.len() && j < n.len() && o[i] == n[j] {
            flush_gap(&mut steps, &mut gap_old, &mut gap_new, old, new);
            steps.push(Step::Keep);
            i += 1;
            j += 1;
        } else if j < n.len() && (i == o.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            gap_new.push(head + j);
            j += 1;
        } else {
            gap_old.push(head + i);
            i += 1;
        }
    }
    flush_gap(&mut steps, &mut gap_old, &mut gap_new, old, new);
    steps.extend(std::iter::repeat_n(Step::Keep, tail));
    steps
}

/// Turns the elements between two kept ones into changes, removals and insertions.
fn flush_gap(
    steps: &mut Vec<Step>,
    gap_old: &mut Vec<usize>,
    gap_new: &mut Vec<usize>,
    old: &[Value],
    new: &[Value],
) {
    let mut news = gap_new.drain(..).peekable();
    for i in gap_old.drain(..) {
        match news.peek() {
            Some(&j) if old[i].is_object() && new[j].is_object() => {
                steps.push(Step::Change(i, j));
                news.next();
            }
            _ => steps.push(Step::Remove),
        }
    }
    steps.extend(news.map(Step::Insert));
}

/// A new array property of an inserted object, written on several lines when the same key
/// of the nearest other element is (Docker writes `names` one per line).
fn match_neighbour_style(arr: &CstArray, at: usize, prop: &CstObjectProp, key: &str) {
    let elements = arr.elements();
    let neighbour = elements
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .min_by_key(|(i, _)| i.abs_diff(at))
        .and_then(|(_, n)| n.as_object())
        .and_then(|o| property(&o, key))
        .and_then(|p| p.value());
    multiline_like(prop, neighbour.into_iter());
}

/// A new array property written on several lines when a sibling array of its object is.
fn match_array_style(prop: &CstObjectProp) {
    let Some(obj) = prop.parent().and_then(|p| p.as_object()) else {
        return;
    };
    let siblings = obj
        .properties()
        .into_iter()
        .filter(|p| p.property_index() != prop.property_index())
        .filter_map(|p| p.value());
    multiline_like(prop, siblings);
}

/// Makes a non-empty array property multi-line when any of `examples` is a multi-line array.
fn multiline_like(prop: &CstObjectProp, mut examples: impl Iterator<Item = CstNode>) {
    let Some(new) = prop.value().and_then(|v| v.as_array()) else {
        return;
    };
    if !new.elements().is_empty()
        && examples.any(|v| v.as_array().is_some() && v.to_string().contains('\n'))
    {
        new.ensure_multiline();
    }
}

fn replace(node: CstNode, value: &Value) -> Result<(), PatchError> {
    let with = input(value);
    let done = if let Some(n) = node.as_string_lit() {
        n.replace_with(with)
    } else if let Some(n) = node.as_number_lit() {
        n.replace_with(with)
    } else if let Some(n) = node.as_boolean_lit() {
        n.replace_with(with)
    } else if let Some(n) = node.as_null_keyword() {
        n.replace_with(with)
    } else if let Some(n) = node.as_word_lit() {
        n.replace_with(with)
    } else if let Some(n) = node.as_object() {
        n.replace_with(with)
    } else if let Some(n) = node.as_array() {
        n.replace_with(with)
    } else {
        None
    };
    done.map(|_| ())
        .ok_or_else(|| PatchError("a value in the text could not be replaced".into()))
}

/// A JSON value as the CST takes it.
fn input(v: &Value) -> CstInputValue {
    match v {
        Value::Null => CstInputValue::Null,
        Value::Bool(b) => CstInputValue::Bool(*b),
        Value::Number(n) => CstInputValue::Number(n.to_string()),
        Value::String(s) => CstInputValue::String(s.clone()),
        Value::Array(a) => CstInputValue::Array(a.iter().map(input).collect()),
        Value::Object(o) => {
            CstInputValue::Object(o.iter().map(|(k, v)| (k.clone(), input(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn patched(text: &str, after: Value) -> String {
        let before: Value = serde_json::from_str(text).unwrap();
        let out = patch(text, &before, &after).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), after, "{out}");
        out
    }

    #[test]
    fn moving_a_name_touches_two_lines() {
        let text = "{\n\t\"a\": [\n\t\t\"x\",\n\t\t\"y\",\n\t\t\"z\"\n\t],\n\t\"b\": [\n\t\t\"k\"\n\t]\n}\n";
        let out = patched(text, json!({"a": ["x", "z"], "b": ["k", "y"]}));
        assert_eq!(out, "{\n\t\"a\": [\n\t\t\"x\",\n\t\t\"z\"\n\t],\n\t\"b\": [\n\t\t\"k\",\n\t\t\"y\"\n\t]\n}\n");
    }

    #[test]
    fn unchanged_spelling_stays() {
        let text = "{\"s\": \"caf\\u00e9\", \"n\": 1, \"keep\": [1]}";
        let out = patched(text, json!({"s": "café", "n": 2, "keep": [1]}));
        assert_eq!(out, "{\"s\": \"caf\\u00e9\", \"n\": 2, \"keep\": [1]}");
    }

    #[test]
    fn a_changed_rule_is_patched_in_place_and_a_removed_one_takes_its_lines() {
        let text = "{\n  \"r\": [\n    {\"n\": 1, \"a\": \"x\"},\n    {\"n\": 2},\n    {\"n\": 3}\n  ]\n}\n";
        let out = patched(text, json!({"r": [{"n": 1, "a": "y"}, {"n": 3}]}));
        assert_eq!(
            out,
            "{\n  \"r\": [\n    {\"n\": 1, \"a\": \"y\"},\n    {\"n\": 3}\n  ]\n}\n"
        );
    }

    #[test]
    fn removing_the_first_of_a_one_line_array_leaves_no_space() {
        let out = patched("{\"n\": [\"a\", \"b\", \"c\"]}", json!({"n": ["b", "c"]}));
        assert_eq!(out, "{\"n\": [\"b\", \"c\"]}");
        let out = patched("{\"n\": [\"a\", \"b\"]}", json!({"n": ["b"]}));
        assert_eq!(out, "{\"n\": [\"b\"]}");
    }

    #[test]
    fn alignment_keeps_equal_elements() {
        let o = [json!(1), json!(2), json!(3), json!(4)];
        let n = [json!(1), json!(3), json!(5), json!(4)];
        assert_eq!(
            align(&o, &n),
            vec![
                Step::Keep,
                Step::Remove,
                Step::Keep,
                Step::Insert(2),
                Step::Keep
            ]
        );
    }
}
