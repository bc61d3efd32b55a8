//! The screen of a terminal emulated by `vt100`, drawn cell by cell into a ratatui buffer:
//! a thin adapter from vt100's cells (text, colours, attributes) to ratatui's.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

/// A vt100 screen as a widget; `cursor` shows the cursor (when the program has not hidden it).
pub struct VtScreen<'a> {
    /// The emulated screen.
    pub screen: &'a vt100::Screen,
    /// Whether to draw the cursor.
    pub cursor: bool,
    /// Whether colours are drawn (NO_COLOR keeps only bold, underline and reverse video).
    pub colour: bool,
}

fn colour(c: vt100::Color) -> Color {
    match c {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn style(cell: &vt100::Cell, with_colour: bool) -> Style {
    let mut s = Style::default();
    if with_colour {
        s = s.fg(colour(cell.fgcolor())).bg(colour(cell.bgcolor()));
    }
    for (on, m) in [
        (cell.bold(), Modifier::BOLD),
        (cell.dim(), Modifier::DIM),
        (cell.italic(), Modifier::ITALIC),
        (cell.underline(), Modifier::UNDERLINED),
        (cell.inverse(), Modifier::REVERSED),
    ] {
        if on {
            s = s.add_modifier(m);
        }
    }
    s
}

impl Widget for VtScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (rows, cols) = self.screen.size();
        for row in 0..area.height.min(rows.get()) {
            for col in 0..area.width.min(cols.get()) {
                let Some(cell) = self.screen.cell(row, col) else {
                    continue;
                };
                // The right half of a wide character belongs to the cell on its left.
                if cell.is_wide_continuation() {
                    continue;
                }
                let at = Position::new(area.x + col, area.y + row);
                if let Some(out) = buf.cell_mut(at) {
                    let text = cell.contents();
                    out.set_symbol(if text.is_empty() { " " } else { text });
                    out.set_style(style(cell, self.colour));
                }
            }
        }
        if self.cursor && !self.screen.hide_cursor() {
            let (row, col) = self.screen.cursor_position();
            if row < area.height && col < area.width {
                if let Some(out) = buf.cell_mut(Position::new(area.x + col, area.y + row)) {
                    out.modifier.insert(Modifier::REVERSED);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::num::NonZeroU16;

    #[test]
    fn text_colours_and_cursor_reach_the_buffer() {
        let mut p =
            vt100::Parser::new(NonZeroU16::new(3).unwrap(), NonZeroU16::new(10).unwrap(), 0);
        p.process(b"ab\x1b[1;31mcd\x1b[0m\r\nxyz\x1b[2;1Hw");
        let area = Rect::new(0, 0, 10, 3);
        let mut buf = Buffer::empty(area);
        VtScreen {
            screen: p.screen(),
            cursor: true,
            colour: true,
        }
        .render(area, &mut buf);
        let row = |y: u16| (0..10).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!(row(0), "abcd      ");
        assert_eq!(row(1), "wyz       ");
        assert_eq!(buf[(2, 0)].fg, Color::Indexed(1));
        assert!(buf[(2, 0)].modifier.contains(Modifier::BOLD));
        assert!(buf[(1, 1)].modifier.contains(Modifier::REVERSED), "cursor");
    }
}
