//! Colours: a dark and a light theme, and a monochrome one when `NO_COLOR` is set.

use crate::catalog::Risk;
use crate::profile::Action;
use ratatui::style::{Color, Modifier, Style};

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colours at all (`NO_COLOR`): emphasis by bold, underline and reverse video.
    Mono,
}

/// What a piece of highlighted code is, whatever the language; the theme gives each a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// Anything else.
    Plain,
    /// Comments and notes.
    Comment,
    /// `if`, `goto`, `return`, `action`.
    Keyword,
    /// Registers and fields: `A`, `args[1]`, `$a0.hi32`.
    Variable,
    /// Numbers.
    Number,
    /// JSON strings.
    Text,
    /// JSON object keys.
    Key,
    /// Architecture names and named constants.
    Constant,
    /// Syscall names.
    Name,
    /// Something the syntax does not accept.
    Invalid,
    /// A filter action (`ALLOW`, `SCMP_ACT_ERRNO`...), in the action's colour.
    Action(Action),
}

/// The styles the editor draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The palette these styles come from.
    pub palette: Palette,
}

impl Theme {
    /// The theme for this environment: `NO_COLOR` (non-empty) wins, then
    /// `SECCOMPOSE_THEME=light|dark`, else dark.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let palette = if no_color {
            Palette::Mono
        } else if std::env::var("SECCOMPOSE_THEME").is_ok_and(|v| v == "light") {
            Palette::Light
        } else {
            Palette::Dark
        };
        Theme { palette }
    }

    /// Dark becomes light and light dark; monochrome stays.
    pub fn toggled(self) -> Theme {
        let palette = match self.palette {
            Palette::Dark => Palette::Light,
            Palette::Light => Palette::Dark,
            Palette::Mono => Palette::Mono,
        };
        Theme { palette }
    }

    fn pick(self, dark: Color, light: Color) -> Style {
        match self.palette {
            Palette::Dark => Style::new().fg(dark),
            Palette::Light => Style::new().fg(light),
            Palette::Mono => Style::new(),
        }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text: hints, counts, explanations.
    pub fn dim(self) -> Style {
        match self.palette {
            Palette::Mono => Style::new().add_modifier(Modifier::DIM),
            _ => self.pick(Color::Gray, Color::DarkGray),
        }
    }

    /// Headings and the focused pane's border.
    pub fn accent(self) -> Style {
        self.pick(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// The border of a pane without focus.
    pub fn border(self) -> Style {
        self.pick(Color::DarkGray, Color::Gray)
    }

    /// The selected row.
    pub fn selected(self, focused: bool) -> Style {
        let base = Style::new().add_modifier(Modifier::REVERSED);
        if focused {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        }
    }

    /// The title and status bars.
    pub fn bar(self) -> Style {
        match self.palette {
            Palette::Dark => Style::new().bg(Color::Indexed(236)).fg(Color::White),
            Palette::Light => Style::new().bg(Color::Indexed(254)).fg(Color::Black),
            Palette::Mono => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// Warnings and errors.
    pub fn warning(self) -> Style {
        self.pick(Color::Yellow, Color::Rgb(160, 90, 0))
            .add_modifier(Modifier::BOLD)
    }

    /// Good news: saved, restored.
    pub fn ok(self) -> Style {
        self.pick(Color::Green, Color::Rgb(0, 120, 0))
    }

    /// The colour of an action, in lists and bars.
    pub fn action(self, action: Action) -> Style {
        let (dark, light) = match action.semantic() {
            Action::Allow => (Color::Green, Color::Rgb(0, 120, 0)),
            Action::Errno => (Color::Yellow, Color::Rgb(160, 90, 0)),
            Action::KillProcess | Action::KillThread | Action::Kill => (Color::Red, Color::Red),
            Action::Trap => (Color::Magenta, Color::Magenta),
            Action::Log => (Color::Blue, Color::Blue),
            Action::Trace => (Color::LightMagenta, Color::Rgb(120, 0, 120)),
            Action::Notify => (Color::Cyan, Color::Rgb(0, 110, 140)),
        };
        let style = self.pick(dark, light);
        match (self.palette, action.semantic()) {
            // Without colour, the dangerous actions still stand out.
            (Palette::Mono, Action::KillProcess | Action::KillThread) => {
                style.add_modifier(Modifier::BOLD)
            }
            (Palette::Mono, Action::Allow) => style,
            (Palette::Mono, _) => style.add_modifier(Modifier::UNDERLINED),
            _ => style,
        }
    }

    /// The risk badge.
    pub fn risk(self, risk: Risk) -> Style {
        match risk {
            Risk::Low => self.dim(),
            Risk::Medium => self.pick(Color::Yellow, Color::Rgb(160, 90, 0)),
            Risk::High => self
                .pick(Color::LightRed, Color::Red)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The style of a piece of highlighted code; without colour, only keywords, comments and
    /// actions stand out.
    pub fn code(self, code: Code) -> Style {
        match (self.palette, code) {
            (_, Code::Action(action)) => self.action(action),
            (_, Code::Comment) => self.dim(),
            (_, Code::Invalid) => self.warning(),
            (Palette::Mono, Code::Keyword) => Style::new().add_modifier(Modifier::BOLD),
            (Palette::Mono, _) | (_, Code::Plain | Code::Name) => Style::new(),
            (_, Code::Keyword) => self.pick(Color::LightBlue, Color::Blue),
            (_, Code::Variable) => self.pick(Color::Cyan, Color::Rgb(0, 110, 140)),
            (_, Code::Number) => self.pick(Color::LightMagenta, Color::Rgb(120, 0, 120)),
            (_, Code::Text) => self.pick(Color::LightGreen, Color::Rgb(0, 110, 0)),
            (_, Code::Key) => self.pick(Color::LightCyan, Color::Rgb(0, 70, 140)),
            (_, Code::Constant) => self.pick(Color::LightYellow, Color::Rgb(130, 80, 0)),
        }
    }

    /// The one bar cell glyph of an action (bars stay readable without colour).
    pub fn bar_glyph(self, action: Action) -> char {
        match (self.palette, action.semantic()) {
            (Palette::Mono, Action::Allow) => '█',
            (Palette::Mono, Action::Errno) => '▒',
            (Palette::Mono, Action::KillProcess | Action::KillThread) => '▓',
            (Palette::Mono, _) => '░',
            _ => '█',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colour() {
        let t = Theme {
            palette: Palette::Mono,
        };
        for a in Action::ALL {
            assert_eq!(t.action(a).fg, None);
        }
        assert_eq!(t.bar().bg, None);
        assert_ne!(t.bar_glyph(Action::Allow), t.bar_glyph(Action::Errno));
    }

    #[test]
    fn toggling_swaps_dark_and_light() {
        let dark = Theme {
            palette: Palette::Dark,
        };
        assert_eq!(dark.toggled().palette, Palette::Light);
        assert_eq!(dark.toggled().toggled(), dark);
        assert_ne!(
            dark.action(Action::Allow),
            dark.toggled().action(Action::Allow)
        );
    }
}
