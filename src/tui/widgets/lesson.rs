//! The lesson panel under the views (the steps, ticked as the editor's state shows them
//! done, and what to do now) and the lesson chooser.

use super::{centered, pane_block};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::{Command, Context, KeyMap};
use crate::tui::lesson::Lessons;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Rows the panel takes out of a body `height` rows high.
pub fn height(body: u16) -> u16 {
    (body / 3).clamp(6, 10)
}

/// Draws the panel of the lesson followed into `area`.
pub fn render(frame: &mut Frame, area: Rect, cx: &DrawCtx) {
    let (lessons, keymap, theme) = (cx.lessons, cx.keymap, cx.theme);
    let Some((index, lesson, progress)) = lessons.current() else {
        return;
    };
    let set = lessons.set;
    let n = (index + 1).to_string();
    let total = set.lessons.len().to_string();
    let finished = progress.finished(lesson);
    let state = if finished {
        set.ui("panel.finished").to_string()
    } else {
        let step = (progress.step + 1).to_string();
        let steps = lesson.steps.len().to_string();
        set.ui_with("panel.step", &[("n", &step), ("total", &steps)])
    };
    let title = format!(
        "{} · {state}",
        set.ui_with(
            "panel.title",
            &[("n", &n), ("total", &total), ("title", &lesson.title)]
        )
    );
    let block = pane_block(&title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut marks = Vec::new();
    for (i, step) in lesson.steps.iter().enumerate() {
        let (mark, style) = match i.cmp(&progress.step) {
            std::cmp::Ordering::Less => ("✓ ", theme.ok()),
            std::cmp::Ordering::Equal => ("▶ ", theme.accent()),
            std::cmp::Ordering::Greater => ("· ", theme.dim()),
        };
        marks.push(Span::styled(format!("{mark}{}   ", step.title), style));
    }
    let mut lines = vec![Line::from(marks)];
    match lesson.steps.get(progress.step) {
        Some(step) => {
            if progress.step == 0 {
                lines.push(Line::styled(lesson.intro.clone(), theme.dim()));
            }
            lines.push(Line::styled(step.text.clone(), theme.text()));
        }
        None => lines.push(Line::styled(lesson.end.clone(), theme.ok())),
    }
    let hints = set.ui_with(
        "panel.hints",
        &[
            ("lessons", keymap.key_for(Context::Global, Command::Lessons)),
            ("help", keymap.key_for(Context::Global, Command::Help)),
        ],
    );
    // The hints stay on the last row however long the text wraps.
    let text_area = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let hint_area = Rect {
        y: inner.y + text_area.height,
        height: inner.height.min(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text_area);
    frame.render_widget(Paragraph::new(Line::styled(hints, theme.dim())), hint_area);
}

/// Draws the chooser: every lesson with its state, then "stop" while one is followed.
pub fn render_chooser(frame: &mut Frame, area: Rect, cursor: &mut Cursor, cx: &DrawCtx) {
    let (lessons, theme) = (cx.lessons, cx.theme);
    let set = lessons.set;
    let rows = lessons.chooser_len();
    let window = centered(area, 72, rows as u16 + 2);
    frame.render_widget(Clear, window);
    let block = pane_block(
        &format!("{} · {}", set.ui("chooser.title"), set.language),
        true,
        theme,
    );
    let inner = block.inner(window);
    frame.render_widget(block, window);
    cursor.len = rows;
    let current = lessons.current();
    let mut lines: Vec<Line> = set
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let state = match current {
                Some((c, lesson, p)) if c == i && p.finished(lesson) => set.ui("chooser.done"),
                Some((c, ..)) if c == i => set.ui("chooser.current"),
                _ => "",
            };
            Line::from(vec![
                Span::raw(format!(" {}  {}", i + 1, l.title)),
                Span::styled(format!("  {state}"), theme.dim()),
            ])
        })
        .collect();
    if current.is_some() {
        lines.push(Line::raw(format!(" ×  {}", set.ui("chooser.stop"))));
    }
    if let Some(line) = lines.get_mut(cursor.selected) {
        *line = line.clone().style(theme.selected(true));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The lines the `?` help adds about the lessons.
pub fn help_lines(lessons: &Lessons, keymap: &KeyMap, theme: Theme) -> Vec<Line<'static>> {
    let key = keymap.key_for(Context::Global, Command::Lessons);
    let mut out = vec![
        Line::raw(""),
        Line::styled(
            lessons.set.ui_with("help.lessons", &[("key", key)]),
            theme.accent(),
        ),
    ];
    for (i, l) in lessons.set.lessons.iter().enumerate() {
        out.push(Line::from(vec![
            Span::raw(format!("  {:<18}", i + 1)),
            Span::styled(l.title.clone(), theme.dim()),
        ]));
    }
    out
}
