//! The one scrolling list: ratatui's `List` drawn with a `ListState` that a pane's `Cursor`
//! sets, so every list scrolls the same way (the selection kept in sight, no empty rows under
//! the last item) and highlights its selected row the same way.

use crate::tui::cursor::Cursor;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

/// Draws `rows` in `area`, scrolled so the cursor's row shows, that row in `selected`.
/// Returns how many rows were drawn.
pub fn render<'a>(
    frame: &mut Frame,
    area: Rect,
    rows: impl IntoIterator<Item = Line<'a>>,
    cursor: &mut Cursor,
    selected: Style,
) -> usize {
    let first = cursor.visible(area.height as usize);
    let rows = rows.into_iter().enumerate().map(|(i, row)| {
        if i == cursor.selected {
            highlight(row, selected)
        } else {
            row
        }
    });
    let state = ListState::default()
        .with_offset(first)
        .with_selected(Some(cursor.selected));
    draw(frame, area, rows, state)
}

/// Draws `rows` in `area` from row `first`, rows that carry their own highlight (a list whose
/// rows are not its items one for one, such as findings under their headings).
pub fn render_from<'a>(
    frame: &mut Frame,
    area: Rect,
    rows: impl IntoIterator<Item = Line<'a>>,
    first: usize,
) -> usize {
    draw(frame, area, rows, ListState::default().with_offset(first))
}

fn draw<'a>(
    frame: &mut Frame,
    area: Rect,
    rows: impl IntoIterator<Item = Line<'a>>,
    mut state: ListState,
) -> usize {
    // A row's own style goes to its pieces: `List` would paint it across the whole row.
    let items: Vec<ListItem> = rows
        .into_iter()
        .map(|row| ListItem::new(highlight(row, Style::new())))
        .collect();
    let shown = items
        .len()
        .saturating_sub(state.offset())
        .min(area.height as usize);
    frame.render_stateful_widget(List::new(items), area, &mut state);
    shown
}

/// A row in `selected` style (and its own), laid under each piece's style (so a coloured piece
/// keeps its colour, reversed): the style reaches only as far as the text, as in a paragraph.
fn highlight(row: Line<'_>, selected: Style) -> Line<'_> {
    let base = selected.patch(row.style);
    let alignment = row.alignment;
    let spans: Vec<_> = row
        .spans
        .into_iter()
        .map(|s| {
            let style = base.patch(s.style);
            s.style(style)
        })
        .collect();
    let mut line = Line::from(spans);
    line.alignment = alignment;
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    use ratatui::Terminal;

    fn drawn(cursor: &mut Cursor, height: u16) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(6, height)).unwrap();
        let rows = (0..cursor.len).map(|i| Line::raw(format!("r{i}")));
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        terminal
            .draw(|f| {
                render(f, f.area(), rows, cursor, reversed);
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..height)
            .map(|y| {
                let row: String = (0..6).map(|x| buffer[(x, y)].symbol()).collect();
                let mark = if buffer[(0, y)].modifier.contains(Modifier::REVERSED) {
                    ">"
                } else {
                    " "
                };
                format!("{mark}{}", row.trim_end())
            })
            .collect()
    }

    #[test]
    fn the_selection_stays_in_sight_and_is_the_only_row_highlighted() {
        let mut cursor = Cursor::new(10);
        assert_eq!(drawn(&mut cursor, 3), [">r0", " r1", " r2"]);
        cursor.selected = 7;
        assert_eq!(drawn(&mut cursor, 3), [" r5", " r6", ">r7"]);
        cursor.selected = 6;
        assert_eq!(drawn(&mut cursor, 3), [" r5", ">r6", " r7"]);
        // The list shrank (a search narrowed it): no empty rows under its last item.
        cursor.len = 4;
        cursor.selected = 3;
        assert_eq!(drawn(&mut cursor, 3), [" r1", " r2", ">r3"]);
    }

    #[test]
    fn a_row_style_reaches_only_as_far_as_its_text() {
        let mut terminal = Terminal::new(TestBackend::new(6, 2)).unwrap();
        let dim = Style::new().add_modifier(Modifier::DIM);
        let mut cursor = Cursor::new(2);
        terminal
            .draw(|f| {
                let rows = [Line::styled("ab", dim), Line::raw("cd")];
                render(f, f.area(), rows, &mut cursor, Style::new());
                render_from(f, Rect::new(0, 1, 6, 1), [Line::styled("ef", dim)], 0);
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        for y in 0..2 {
            assert!(buffer[(1, y)].modifier.contains(Modifier::DIM));
            assert!(!buffer[(2, y)].modifier.contains(Modifier::DIM));
        }
    }
}
