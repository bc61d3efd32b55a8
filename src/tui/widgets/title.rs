//! The title bar: the file, a modified mark, the default action, the architectures, the views.

use crate::profile::covered_arches;
use crate::tui::ctx::DrawCtx;
use crate::tui::layout;
use crate::tui::session::Session;
use crate::tui::tabs::View;
use crate::tui::widgets::action_label;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What the title bar says about the document, in at most `width` columns: when the whole does
/// not fit, the architectures become a count, then the runtime, the default and the count go
/// from the end, whole (never a part cut in the middle or a separator left hanging), and last
/// the name is shortened with an ellipsis.
pub fn document_text(session: &Session, width: usize) -> String {
    let name = session.path.as_ref().map_or(
        crate::msg!("title-unsaved", origin = session.origin.label()),
        |p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        },
    );
    let modified = if session.doc.is_modified() {
        " ●"
    } else {
        ""
    };
    let p = session.profile();
    let default = crate::profile::Effect {
        action: p.default_action,
        errno: p.default_errno(),
        from_default: true,
        conditional: false,
    };
    let arches: Vec<String> = covered_arches(p)
        .iter()
        .map(|a| a.short_name().to_string())
        .collect();
    let count = match arches.len() {
        0 => crate::msg!("title-native-arch"),
        n => crate::msg!("title-arches", n = n),
    };
    let listed = match arches.len() {
        0 => count.clone(),
        1..=2 => arches.join("+"),
        n => crate::msg!(
            "title-arches-more",
            first = arches[..2].join("+"),
            n = n - 2
        ),
    };
    let head = format!(" {name}{modified}");
    let default = crate::msg!("title-default", action = action_label(&default));
    let runtime = session.target.runtime.to_string();
    let tries: [&[&str]; 5] = [
        &[&default, &listed, &runtime],
        &[&default, &count, &runtime],
        &[&default, &count],
        &[&default],
        &[],
    ];
    for parts in tries {
        let text = std::iter::once(head.as_str())
            .chain(parts.iter().copied())
            .collect::<Vec<_>>()
            .join(" │ ");
        if text.chars().count() <= width {
            return text;
        }
    }
    let keep = width.saturating_sub(1);
    let mut short: String = head.chars().take(keep).collect();
    short.push('…');
    short
}

/// How many findings lint has about the draft, for the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LintCounts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Whether they are about an older draft (the newest is being checked).
    pub stale: bool,
}

/// The counts as the bar shows them: `E1 W2 N3` (words when `wide`), `lint ok` when none.
fn lint_text(counts: Option<LintCounts>, wide: bool) -> String {
    let Some(c) = counts else {
        return " lint … ".into();
    };
    let parts: Vec<String> = [(c.errors, "E"), (c.warnings, "W"), (c.notes, "N")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, short)| match (wide, *short) {
            (false, _) => format!("{short}{n}"),
            (true, "E") => crate::msg!("lint-errors", n = *n),
            (true, "W") => crate::msg!("lint-warnings", n = *n),
            (true, _) => crate::msg!("lint-notes", n = *n),
        })
        .collect();
    let body = if parts.is_empty() {
        "lint ok".to_string()
    } else if wide {
        format!("lint: {}", parts.join(", "))
    } else {
        parts.join(" ")
    };
    format!(" {body}{} ", if c.stale { "…" } else { "" })
}

/// Draws the bar.
pub fn render(frame: &mut Frame, area: Rect, view: View, lint: Option<LintCounts>, cx: &DrawCtx) {
    let (session, theme) = (cx.session, cx.theme);
    let labels = View::ALL.map(View::label);
    let wide = layout::tab_labels(area);
    let mut tabs = Vec::new();
    for (i, v) in View::ALL.iter().enumerate() {
        let active = *v == view;
        let text = if active || wide {
            format!(" {} {} ", i + 1, labels[i])
        } else {
            format!(" {} ", i + 1)
        };
        let style = if active {
            theme
                .bar()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            theme.bar()
        };
        tabs.push(Span::styled(text, style));
    }
    let lint_style = match lint {
        Some(c) if c.errors + c.warnings > 0 => theme.bar().add_modifier(Modifier::BOLD),
        _ => theme.bar(),
    };
    tabs.insert(0, Span::styled(lint_text(lint, wide), lint_style));
    let tabs_width: u16 = tabs.iter().map(|s| s.width() as u16).sum();
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(tabs_width)]).areas(area);
    let brand = " seccompose";
    let room = (left.width as usize).saturating_sub(brand.len());
    let title = Line::from(vec![
        Span::styled(brand, theme.bar().add_modifier(Modifier::BOLD)),
        Span::styled(document_text(session, room), theme.bar()),
    ]);
    frame.render_widget(Paragraph::new(title).style(theme.bar()), left);
    frame.render_widget(Paragraph::new(Line::from(tabs)).style(theme.bar()), right);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Action, Arch, Profile, Target};
    use crate::tui::memory::Memory;

    /// The title gives up whole parts from the end as the room shrinks, never one cut in the
    /// middle, and never leaves a separator hanging.
    #[test]
    fn the_title_drops_whole_parts_to_fit() {
        let mut p = Profile::new(Action::Errno);
        p.architectures = Some(vec![
            Arch::X86_64,
            Arch::AARCH64,
            Arch::RISCV64,
            Arch::S390X,
        ]);
        let session = Session::new(
            p,
            Some("/tmp/docker-default.json".into()),
            Target::host_as(Arch::X86_64),
            Memory::in_memory(true),
        );
        let at = |w| document_text(&session, w);
        let full = at(200);
        assert!(full.ends_with("x86_64+aarch64+2 more │ runc"), "{full}");
        for width in 5..=full.chars().count() {
            let text = at(width);
            assert!(text.chars().count() <= width, "{width}: {text}");
            assert!(
                !text.ends_with('│') && !text.ends_with("│ "),
                "{width}: {text}"
            );
            assert!(
                text.contains("docker") || text.ends_with('…'),
                "{width}: {text}"
            );
        }
        let counted = at(full.chars().count() - 1);
        assert!(counted.contains("4 arches │ runc"), "{counted}");
        assert_eq!(at(36), " docker-default.json │ default EPERM");
        assert_eq!(at(25), " docker-default.json");
        assert_eq!(at(10), " docker-d…");
    }
}
