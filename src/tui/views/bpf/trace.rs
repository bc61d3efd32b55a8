//! Where a traced call shows in each rendering: the cursors placed on its part, and the
//! JSON rules marked.

use super::{Marked, Rendering, Traced};
use crate::compile::{Explanation, Preview};
use crate::profile::RenderedText;
use crate::tui::cursor::Cursor;
use crate::tui::preview::Rendered;
use crate::tui::session::Session;

/// Puts each rendering's cursor on the traced call's part: the test that decided it, its
/// section of the PFC, the rule that decided it (or the first naming it) in the JSON.
pub fn place_cursors(
    cursors: &mut [Cursor; 3],
    rendered: &Rendered,
    preview: &Preview,
    traced: &Traced,
    session: &Session,
) {
    let ex = traced.result.as_ref().ok();
    let third = |c: &mut Cursor, at: usize| {
        c.selected = at;
        c.offset = at.saturating_sub(c.page / 3);
    };
    if let Some(at) = ex.and_then(Explanation::decision) {
        third(&mut cursors[Rendering::Disassembly.index()], at);
    }
    if let Some(part) = preview.pfc_part(traced.abi, &traced.call.name) {
        third(&mut cursors[Rendering::Pfc.index()], part.start);
    }
    let marked = json_marks(rendered, traced, session);
    let rule = marked
        .iter()
        .find(|m| m.deciding)
        .or(marked.first())
        .map(|m| m.lines.start);
    if let Some(line) = rule {
        third(&mut cursors[Rendering::Json.index()], line);
    }
}

/// The JSON's marks for a traced call: the rules that name it, the deciding one with `▶`.
pub fn json_marks(rendered: &Rendered, traced: &Traced, session: &Session) -> Vec<Marked> {
    let deciding = traced.result.as_ref().ok().and_then(|ex| ex.rule);
    session
        .profile()
        .rules()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.names().contains(&traced.call.name))
        .filter_map(|(i, _)| {
            let span = rendered.json.rules.get(i)?;
            let start = span.start.line.saturating_sub(1) as usize;
            let end = span.end.line as usize;
            Some(Marked {
                lines: start..end,
                deciding: deciding == Some(i),
            })
        })
        .collect()
}

/// The lines of a JSON rendering.
pub fn json_lines(json: &RenderedText) -> Vec<&str> {
    json.text.lines().collect()
}
