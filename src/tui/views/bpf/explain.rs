//! The explain prompt in view 2: one line for a call (`socket AF_INET6 SOCK_STREAM 0`), Tab
//! completing syscall names and the constants that fit the argument being typed.

use crate::catalog::{complete_call, parse_call, typed_arg, value_text, Catalog};
use crate::compile::{known_syscall, ExplainError};
use crate::msg;
use crate::tui::input::TextInput;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// A call to trace through the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The syscall.
    pub name: String,
    /// Its six arguments.
    pub args: [u64; 6],
    /// Typed in the explain prompt (else: the syscall followed from view 1, arguments 0).
    pub typed: bool,
}

impl Call {
    /// How the header shows it: `socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)`, or `read, args 0`.
    pub fn label(&self) -> String {
        if self.typed {
            let syscall = Catalog.syscall(&self.name);
            let count = syscall.map_or(6, |s| s.args().len());
            let args: Vec<String> = (0..count)
                .map(|i| value_text(syscall, i as u32, self.args[i]))
                .collect();
            format!("{}({})", self.name, args.join(", "))
        } else {
            msg!("ed-explain-args-0", name = self.name.as_str())
        }
    }
}

/// Completions shown at most, in the hint line.
const SHOWN_COMPLETIONS: usize = 8;

/// The prompt while it is open.
#[derive(Debug, Clone, Default)]
pub struct ExplainPrompt {
    /// What is typed.
    pub(super) input: TextInput,
    /// Why the last Enter was refused.
    pub(super) error: Option<String>,
    /// The completions Tab goes through, and which one is shown.
    completions: Vec<String>,
    chosen: usize,
}

impl ExplainPrompt {
    /// What is typed.
    pub fn text(&self) -> &str {
        self.input.text()
    }

    /// A prompt holding `text`.
    pub fn new(text: &str) -> ExplainPrompt {
        ExplainPrompt {
            input: TextInput::new(text),
            ..ExplainPrompt::default()
        }
    }

    /// Tab: the next completion of the word being typed.
    pub fn complete(&mut self) {
        let current = self.input.text().to_string();
        let continuing = self.completions.get(self.chosen) == Some(&current);
        if continuing {
            self.chosen = (self.chosen + 1) % self.completions.len();
        } else {
            self.completions = complete_call(&current);
            self.chosen = 0;
        }
        if let Some(next) = self.completions.get(self.chosen) {
            self.input.set(next);
        }
        self.error = None;
    }

    /// Any other edit forgets the completions.
    pub fn edited(&mut self) {
        self.completions.clear();
        self.error = None;
    }

    /// Enter: the call typed, or why it cannot be read.
    pub fn submit(&self) -> Result<Call, ExplainError> {
        let (name, args) = parse_call(self.input.text())?;
        known_syscall(&name)?;
        Ok(Call {
            name,
            args,
            typed: true,
        })
    }

    /// The lines the prompt takes in the pane.
    pub const HEIGHT: u16 = 2;

    /// Draws the input line and, under it, the error, the completions or the argument typed.
    pub fn render(&self, frame: &mut Frame, area: Rect, abi: &str, theme: Theme) {
        let mut input = vec![Span::styled(
            format!("{} › ", msg!("ed-explain-on", abi = abi)),
            theme.accent(),
        )];
        input.extend(self.input.spans(theme.text(), true).spans);
        let hint = if let Some(error) = &self.error {
            Line::styled(error.clone(), theme.warning())
        } else if self.completions.len() > 1 {
            let words: Vec<&str> = self
                .completions
                .iter()
                .take(SHOWN_COMPLETIONS)
                .map(|c| c.rsplit([' ', '(', ',']).next().unwrap_or(c))
                .collect();
            let more = self.completions.len().saturating_sub(SHOWN_COMPLETIONS);
            let more = if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            };
            Line::styled(format!("tab: {}{more}", words.join(" ")), theme.dim())
        } else {
            let arg = typed_arg(self.input.text()).map_or(String::new(), |a| format!("{a} · "));
            Line::styled(format!("{arg}{}", msg!("ed-explain-keys")), theme.dim())
        };
        frame.render_widget(Paragraph::new(vec![Line::from(input), hint]), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_through_the_completions_and_an_edit_starts_again() {
        let mut p = ExplainPrompt::new("socket AF_IN");
        p.complete();
        let first = p.input.text().to_string();
        assert_eq!(first, "socket AF_INET");
        p.complete();
        assert_ne!(p.input.text(), first, "a second tab shows the next one");
        p.edited();
        p.input.set("socket AF_INET6 SOCK_STR");
        p.complete();
        assert_eq!(p.input.text(), "socket AF_INET6 SOCK_STREAM");
        let call = p.submit().unwrap();
        assert_eq!(
            (call.name.as_str(), call.args[..2].to_vec()),
            ("socket", vec![10, 1])
        );
        assert_eq!(call.label(), "socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)");
        assert!(ExplainPrompt::new("sockte 1")
            .submit()
            .unwrap_err()
            .to_string()
            .contains("did you mean"));
    }
}
