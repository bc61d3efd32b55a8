//! Drawing view 2: the header over the comparison of layouts, the rendering shown, and the
//! explain prompt.

use super::trace::{json_lines, json_marks};
use super::{compare, header, listing, text, BpfView, ExplainPrompt, Marked, Rendering};
use crate::profile::Pos;
use crate::tui::ctx::DrawCtx;
use crate::tui::highlight::Language;
use crate::tui::preview::Rendered;
use crate::tui::widgets::pane_block;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;

/// Draws view 2: the header (figures, warnings, the traced call) over the comparison of
/// layouts when asked for, the rendering, and the explain prompt; or the compiler's error,
/// or a note that the filter is being compiled.
pub fn render(frame: &mut Frame, area: Rect, view: &mut BpfView, cx: &DrawCtx) {
    let (session, theme) = (cx.session, cx.theme);
    let block = pane_block(&view.rendering.title(), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let generation = session.generation();
    let file = header::file_label(session);
    let traced = view.traced.as_ref().filter(|t| t.generation == generation);
    let (head, shown, outdated) = match view.loader.rendered(generation) {
        Some(Rendered {
            outcome: Ok(preview),
            json,
            ..
        }) => {
            let at = |i: usize| -> Option<Pos> { json.rules.get(i).map(|s| s.start) };
            let head = header::current(preview, traced, view.follow, &at, &file, theme);
            (head, view.loader.rendered(generation), false)
        }
        Some(Rendered {
            outcome: Err(error),
            ..
        }) => {
            view.listing_area = Rect::default();
            header::render_error(frame, inner, error, cx);
            return;
        }
        None => {
            let previous = view.loader.latest_rendered().filter(|r| r.outcome.is_ok());
            (header::compiling(previous.is_some(), theme), previous, true)
        }
    };
    let prompt_height = if view.explain_input.is_some() {
        ExplainPrompt::HEIGHT
    } else {
        0
    };
    let compare_height = if view.compare { compare::HEIGHT } else { 0 };
    let [head_area, compare_area, rule_area, listing_area, prompt_area] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(compare_height),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(prompt_height),
    ])
    .areas(inner);
    header::render(frame, head_area, head);
    view.listing_area = listing_area;
    let Some(rendered) = shown else {
        return;
    };
    let Ok(preview) = &rendered.outcome else {
        return;
    };
    let abi = view.abi_for(preview);
    if view.compare {
        let call = traced.map(|t| (&t.call, abi));
        compare::render(frame, compare_area, rendered.layouts.as_ref(), call, theme);
    }
    if let Some(prompt) = &view.explain_input {
        prompt.render(frame, prompt_area, abi.short_name(), theme);
    }
    // The cached highlighting is keyed by generation: a text only changes with it.
    let key = if outdated { 0 } else { generation };
    let index = view.rendering.index();
    let pane = text::Pane {
        rule: rule_area,
        rows: listing_area,
        cursor: &mut view.cursors[index],
        highlighting: view.highlight.then_some((&mut view.highlights[index], key)),
        theme,
    };
    let query = view.query.as_deref();
    match view.rendering {
        Rendering::Disassembly => {
            let marks = listing::Marks {
                path: traced.and_then(|t| t.result.as_ref().ok()),
                query,
                outdated,
            };
            listing::render(frame, pane, preview, &marks);
        }
        Rendering::Pfc => {
            let part = traced
                .and_then(|t| preview.pfc_part(t.abi, &t.call.name))
                .map(|lines| Marked {
                    lines,
                    deciding: true,
                });
            let marked: Vec<Marked> = part.into_iter().collect();
            let marks = text::TextMarks {
                marked: &marked,
                query,
                outdated,
            };
            text::render(frame, pane, &preview.pfc, Language::Pfc, &marks);
        }
        Rendering::Json => {
            let marked = match traced {
                Some(t) if !outdated => json_marks(rendered, t, session),
                _ => Vec::new(),
            };
            let marks = text::TextMarks {
                marked: &marked,
                query,
                outdated,
            };
            let lines = json_lines(&rendered.json);
            text::render(frame, pane, &lines, Language::Json, &marks);
        }
    }
}
