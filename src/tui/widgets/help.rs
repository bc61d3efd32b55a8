//! The `?` window: every key, grouped, generated from the keymap that drives the dispatch.

use super::{centered, pane_block};
use crate::msg;
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Context, KeyMap};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

/// The help text as lines: the keys of `here` (where the keyboard is) first, in that order,
/// then every other group.
pub fn lines(keymap: &KeyMap, here: &[Context], theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let rank = |c: &Context| here.iter().position(|h| h == c).unwrap_or(here.len());
    let mut groups: Vec<_> = keymap.groups().iter().collect();
    groups.sort_by_key(|(c, _)| rank(c)); // stable: the rest keep keys.toml's order
    for (context, bindings) in groups {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(context.title(), theme.accent()));
        for b in bindings {
            out.push(Line::from(vec![
                Span::raw(format!("  {:<18}", b.keys.join(" "))),
                Span::styled(b.help(), theme.dim()),
            ]));
        }
        if *context == Context::Settings {
            // The language row uses the keys above; how it is decided at start.
            for text in [msg!("ed-help-language"), msg!("ed-help-language-start")] {
                out.push(Line::styled(format!("  {text}"), theme.dim()));
            }
        }
    }
    out
}

/// Draws the help window, scrolled by `scroll` lines (clamped to the text).
pub fn render(frame: &mut Frame, area: Rect, here: &[Context], scroll: &mut u16, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let extra = super::lesson::help_lines(cx.lessons, keymap, theme);
    let window = centered(area, 96, area.height.saturating_sub(2));
    frame.render_widget(Clear, window);
    let block = pane_block(&crate::msg!("help-title"), true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let mut text = lines(keymap, here, theme);
    text.extend(extra);
    let max = text.len().saturating_sub(inner.height as usize) as u16;
    *scroll = (*scroll).min(max);
    frame.render_widget(Paragraph::new(text).scroll((*scroll, 0)), inner);
}
