//! The status bar: the last message, or hints for the keys that matter where the focus is.

use super::hints::{line, Hint};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context, KeyMap};
use crate::tui::session::Tone;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use Command as C;
use Context as X;

const HELP: Hint = Hint::new(X::Global, &[C::Help], "hint-help");
/// What ends the hints wherever the editor's own keys work.
const LAST: [Hint; 3] = [
    Hint::new(X::Global, &[C::Undo], "hint-undo"),
    Hint::new(X::Global, &[C::Save], "hint-save"),
    Hint::new(X::Global, &[C::Quit], "hint-quit"),
];
const ACTIONS: [Hint; 4] = [
    Hint::new(X::Global, &[C::Search], "hint-search"),
    Hint::new(
        X::Actions,
        &[
            C::Allow,
            C::Deny,
            C::Kill,
            C::Log,
            C::Trap,
            C::Notify,
            C::Default,
        ],
        "hint-act",
    ),
    Hint::new(X::Actions, &[C::OpenRules], "hint-rules"),
    Hint::new(X::Actions, &[C::Mark], "hint-mark"),
];
const SETTINGS: [Hint; 1] = [Hint::new(X::Settings, &[], "hint-settings")];
const BPF: [Hint; 5] = [
    Hint::new(X::Bpf, &[C::CycleRendering], "hint-view"),
    Hint::new(X::Bpf, &[C::ExplainCall], "hint-explain"),
    Hint::new(X::Bpf, &[C::CycleAbi], "hint-abi"),
    Hint::new(X::Bpf, &[C::ToggleFollow], "hint-follow"),
    Hint::new(
        X::Bpf,
        &[C::FindInListing, C::FindNext, C::FindPrev],
        "hint-find-next",
    ),
];
const RUN: [Hint; 5] = [
    Hint::new(X::Run, &[C::EditCommand], "hint-edit-run"),
    Hint::new(X::Run, &[C::Rerun], "hint-again"),
    Hint::new(X::Run, &[C::Record], "hint-record"),
    Hint::new(X::Run, &[C::Allow], "hint-allow"),
    Hint::new(X::Run, &[C::OpenRules], "hint-rules"),
];
const LINT: [Hint; 2] = [
    Hint::new(X::Lint, &[C::ApplyFix], "hint-fix"),
    Hint::new(X::Lint, &[C::JumpToRule], "hint-go-to"),
];
const TERMINAL: [Hint; 2] = [
    Hint::new(X::Terminal, &[], "hint-keys-to-command"),
    Hint::new(
        X::Terminal,
        &[C::ReleaseTerminal],
        "hint-back-to-the-editor",
    ),
];
// In a window, its own keys only: letters there are typed, not commands.
const FORM: [Hint; 7] = [
    Hint::new(X::Form, &[C::Complete], "hint-complete"),
    Hint::new(X::Form, &[C::PrevField, C::NextField], "hint-field"),
    Hint::new(X::Form, &[C::ChoicePrev, C::ChoiceNext], "hint-choice"),
    Hint::new(X::Form, &[C::AddCondition], "hint-add-condition"),
    Hint::new(X::Form, &[C::RemoveCondition], "hint-remove-it"),
    Hint::new(X::Form, &[C::Apply], "hint-apply"),
    Hint::new(X::Form, &[C::Cancel], "hint-cancel"),
];
const RULES: [Hint; 5] = [
    HELP,
    Hint::new(X::Rules, &[C::NewRule], "hint-new-rule"),
    Hint::new(X::Rules, &[C::EditRule], "hint-edit"),
    Hint::new(X::Rules, &[C::DeleteRule], "hint-take-out"),
    Hint::new(X::Rules, &[C::Close], "hint-close"),
];
const DIALOG: [Hint; 2] = [
    Hint::new(X::Prompt, &[C::Apply], "hint-accept"),
    Hint::new(X::Prompt, &[C::Cancel], "hint-cancel"),
];

/// Key hints for a context: `key what` pairs, most useful first.
pub fn hints(keymap: &KeyMap, context: Context) -> String {
    let (own, framed): (&[Hint], bool) = match context {
        X::Actions => (&ACTIONS, true),
        X::Settings => (&SETTINGS, true),
        X::Bpf => (&BPF, true),
        X::Run | X::Proposal => (&RUN, true),
        X::Lint => (&LINT, true),
        X::Terminal => (&TERMINAL, false),
        X::Form => (&FORM, false),
        X::Rules => (&RULES, false),
        X::Dialog | X::Prompt => (&DIALOG, false),
        _ => (&[], true),
    };
    if !framed {
        return line(keymap, own);
    }
    let all: Vec<Hint> = [HELP].iter().chain(own).chain(&LAST).copied().collect();
    line(keymap, &all)
}

/// Draws the bar: the search box while searching, else the message or the hints, after
/// `place` (view 3: where commands run) when given.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    (search, place): (Option<Line<'static>>, Option<String>),
    context: Context,
    cx: &DrawCtx,
) {
    let (session, theme) = (cx.session, cx.theme);
    let hint = match place {
        Some(place) => format!("{place} · {}", hints(cx.keymap, context)),
        None => hints(cx.keymap, context),
    };
    let line = if let Some(search) = search {
        let mut spans = vec![Span::styled(" / ", theme.accent())];
        spans.extend(search.spans);
        spans.push(Span::styled(
            format!("   {}", crate::msg!("search-keys")),
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
