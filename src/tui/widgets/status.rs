//! The status bar: the last message, or hints for the keys that matter where the focus is.

use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context, KeyMap};
use crate::tui::session::Tone;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Key hints for a context: `key what` pairs, most useful first.
pub fn hints(keymap: &KeyMap, context: Context) -> String {
    let g = |c| keymap.key_for(Context::Global, c).to_string();
    let a = |c| keymap.key_for(Context::Actions, c).to_string();
    let mut parts = vec![format!("{} help", g(Command::Help))];
    match context {
        Context::Actions => {
            parts.push(format!("{} search", g(Command::Search)));
            parts.push(format!(
                "{}{}{}{}{}{}{} act",
                a(Command::Allow),
                a(Command::Deny),
                a(Command::Kill),
                a(Command::Log),
                a(Command::Trap),
                a(Command::Notify),
                a(Command::Default)
            ));
            parts.push(format!("{} rules", a(Command::OpenRules)));
            parts.push(format!("{} mark", a(Command::Mark)));
        }
        Context::Settings => parts.push("←/→ change · space toggle".into()),
        Context::Bpf => {
            let b = |c| keymap.key_for(Context::Bpf, c).to_string();
            parts.push(format!("{} view", b(Command::CycleRendering)));
            parts.push(format!("{} explain", b(Command::ExplainCall)));
            parts.push(format!("{} ABI", b(Command::CycleAbi)));
            parts.push(format!("{} follow", b(Command::ToggleFollow)));
            parts.push(format!(
                "{} find ({}/{} next)",
                b(Command::FindInListing),
                b(Command::FindNext),
                b(Command::FindPrev)
            ));
        }
        Context::Run | Context::Proposal => {
            let r = |c| keymap.key_for(Context::Run, c).to_string();
            parts.push(format!("{} edit/run", r(Command::EditCommand)));
            parts.push(format!("{} again", r(Command::Rerun)));
            parts.push(format!("{} record", r(Command::Record)));
            parts.push(format!("{} allow", r(Command::Allow)));
            parts.push(format!("{} rules", r(Command::OpenRules)));
        }
        Context::Lint => {
            let l = |c| keymap.key_for(Context::Lint, c).to_string();
            parts.push(format!("{} fix", l(Command::ApplyFix)));
            parts.push(format!("{} go to", l(Command::JumpToRule)));
        }
        Context::Terminal => {
            let t = keymap.key_for(Context::Terminal, Command::ReleaseTerminal);
            return format!("keys go to the command · {t} back to the editor");
        }
        // In a window, its own keys only: letters there are typed, not commands.
        Context::Form => {
            let f = |c| keymap.key_for(Context::Form, c).to_string();
            return [
                format!("{} complete", f(Command::Complete)),
                format!("{}/{} field", f(Command::PrevField), f(Command::NextField)),
                format!(
                    "{}/{} choice",
                    f(Command::ChoicePrev),
                    f(Command::ChoiceNext)
                ),
                format!("{} add condition", f(Command::AddCondition)),
                format!("{} remove it", f(Command::RemoveCondition)),
                format!("{} apply", f(Command::Apply)),
                format!("{} cancel", f(Command::Cancel)),
            ]
            .join(" · ");
        }
        Context::Rules => {
            let r = |c| keymap.key_for(Context::Rules, c).to_string();
            return [
                format!("{} help", g(Command::Help)),
                format!("{} new rule", r(Command::NewRule)),
                format!("{} edit", r(Command::EditRule)),
                format!("{} take out", r(Command::DeleteRule)),
                format!("{} close", r(Command::Close)),
            ]
            .join(" · ");
        }
        Context::Dialog | Context::Prompt => {
            let p = |c| keymap.key_for(Context::Prompt, c).to_string();
            return format!(
                "{} accept · {} cancel",
                p(Command::Apply),
                p(Command::Cancel)
            );
        }
        _ => {}
    }
    parts.push(format!("{} undo", g(Command::Undo)));
    parts.push(format!("{} save", g(Command::Save)));
    parts.push(format!("{} quit", g(Command::Quit)));
    parts.join(" · ")
}

/// Draws the bar: the search box while searching, else the message or the hints.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    search: Option<Line<'static>>,
    context: Context,
    cx: &DrawCtx,
) {
    let (session, theme) = (cx.session, cx.theme);
    let hint = hints(cx.keymap, context);
    let line = if let Some(search) = search {
        let mut spans = vec![Span::styled(" / ", theme.accent())];
        spans.extend(search.spans);
        spans.push(Span::styled(
            "   enter: first match · esc: clear",
            theme.dim(),
        ));
        Line::from(spans)
    } else if let Some((text, tone)) = &session.status {
        let style = match tone {
            Tone::Info => theme.bar(),
            Tone::Good => theme.bar().patch(theme.ok()),
            Tone::Warning => theme.bar().patch(theme.warning()),
        };
        let width = area.width as usize;
        let message = fit_words(&format!(" {text}"), width);
        let room = width.saturating_sub(message.chars().count());
        Line::from(vec![
            Span::styled(message, style),
            Span::styled(
                fit_words(&format!("   {hint}"), room),
                theme.bar().patch(theme.dim()),
            ),
        ])
    } else {
        Line::styled(
            fit_words(&format!(" {hint}"), area.width as usize),
            theme.bar(),
        )
    };
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
}

/// `text` in at most `width` columns, shortened at a word with an ellipsis when it is longer
/// (a message is never cut in the middle of a word).
pub fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let room: String = text.chars().take(width - 1).collect();
    let cut = match room.trim_end().rfind([' ', '·']) {
        Some(at) if !room[..at].trim().is_empty() => room[..at].trim_end_matches([' ', '·']),
        _ => return String::new(),
    };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::fit_words;

    #[test]
    fn messages_are_shortened_at_a_word() {
        let text = " chmod denied, but fchmodat and fchmodat2 still do the same job";
        assert_eq!(fit_words(text, 100), text);
        assert_eq!(fit_words(text, 30), " chmod denied, but fchmodat…");
        assert_eq!(
            fit_words(" ? help · u undo · q quit", 19),
            " ? help · u undo…"
        );
        for width in 0..text.len() {
            let fitted = fit_words(text, width);
            assert!(fitted.chars().count() <= width, "{width}: {fitted}");
            let kept = fitted.trim_end_matches('…');
            assert!(
                text.starts_with(kept) && (text[kept.len()..].starts_with(' ') || kept.is_empty()),
                "{width}: cut inside a word: {fitted}"
            );
        }
    }
}
