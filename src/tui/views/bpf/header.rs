//! The lines above the listing: the filter's figures, the compiler's warnings and the
//! followed syscall's outcome; or, instead of everything, the compiler's error.

use super::Traced;
use crate::compile::{CompileError, Preview};
use crate::profile::Pos;
use crate::sandbox::describe_action;
use crate::tui::ctx::DrawCtx;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Warnings listed one per line before the rest are counted.
const SHOWN_WARNINGS: usize = 3;

/// The name diagnostics carry: the document's file name, or what stands for the built-in one.
pub fn file_label(session: &Session) -> String {
    session
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or("built-in profile".into(), |n| n.to_string_lossy().into())
}

/// ` at 12:5`, or nothing for a rule that did not come from the file.
fn at(pos: Option<Pos>) -> String {
    pos.filter(|p| p.line > 0)
        .map_or(String::new(), |p| format!(" at {}:{}", p.line, p.col))
}

/// The header of a filter that compiled for the current document; `at` gives where a rule
/// is in the text a save would write.
pub fn current(
    preview: &Preview,
    traced: Option<&Traced>,
    follow: bool,
    at: &dyn Fn(usize) -> Option<Pos>,
    file: &str,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = figures(preview, theme);
    lines.extend(warnings(preview, file, theme));
    lines.push(outcome(preview, traced, follow, at, theme));
    lines
}

/// Size, architectures, layout, what the target's arch reaches and what a call costs there.
fn figures(preview: &Preview, theme: Theme) -> Vec<Line<'static>> {
    let compiled = &preview.compiled;
    let arch = preview.arch.short_name();
    let arches: Vec<&str> = compiled.arches.iter().map(|a| a.short_name()).collect();
    let layout = if compiled.tree {
        "binary tree"
    } else {
        "linear"
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{} instructions", compiled.instruction_count()),
            theme.accent(),
        ),
        Span::raw(format!(" for {} · {layout}", arches.join(", "))),
        Span::styled(
            format!(" · {} reachable on {arch}", preview.cost.reachable),
            theme.dim(),
        ),
    ])];
    lines.push(match &preview.cost.summary {
        Some(s) => Line::from(vec![
            Span::raw(format!("Per {arch} call: ")),
            Span::raw(format!("min {} ({})", s.min, s.min_syscall)),
            Span::styled(" · ", theme.dim()),
            Span::raw(format!("median {}", s.median)),
            Span::styled(" · ", theme.dim()),
            Span::raw(format!("max {} ({})", s.max, s.max_syscall)),
            Span::styled(" instructions run", theme.dim()),
        ]),
        None => Line::styled(
            format!("The catalog has no syscall numbers for {arch}, so no costs."),
            theme.dim(),
        ),
    });
    if !compiled.own.is_empty() {
        lines.push(Line::styled(
            format!(
                "+ {}-{}: seccompose's own block, for calls the installed libseccomp does not know",
                compiled.own.start,
                compiled.own.end - 1
            ),
            theme.dim(),
        ));
    }
    lines
}

/// The compiler's warnings (skipped names and the like), the first few in full.
fn warnings(preview: &Preview, file: &str, theme: Theme) -> Vec<Line<'static>> {
    let all = &preview.compiled.warnings;
    let mut lines: Vec<Line<'static>> = all
        .iter()
        .take(SHOWN_WARNINGS)
        .map(|w| {
            let pos = Some(w.pos).filter(|p| p.line > 0);
            let place = pos.map_or(String::new(), |p| format!("{file}:{}:{}: ", p.line, p.col));
            Line::styled(format!("⚠ {place}{}", w.message.local()), theme.warning())
        })
        .collect();
    if all.len() > SHOWN_WARNINGS {
        lines.push(Line::styled(
            format!(
                "⚠ and {} more (seccompose compile lists them all)",
                all.len() - SHOWN_WARNINGS
            ),
            theme.warning(),
        ));
    }
    // The translation check: where the filter does not do what the profile says.
    lines.extend(preview.mismatches.iter().take(SHOWN_WARNINGS).map(|m| {
        Line::styled(
            format!("⚠ the filter differs from the profile: {}", m.describe()),
            theme.warning(),
        )
    }));
    if preview.mismatches.len() > SHOWN_WARNINGS {
        lines.push(Line::styled(
            format!(
                "⚠ and {} more differences (seccompose compile lists them all)",
                preview.mismatches.len() - SHOWN_WARNINGS
            ),
            theme.warning(),
        ));
    }
    lines
}

/// What the traced call (followed from view 1, or typed) gets, from which rule, and how many
/// instructions it ran.
fn outcome(
    preview: &Preview,
    traced: Option<&Traced>,
    follow: bool,
    at_pos: &dyn Fn(usize) -> Option<Pos>,
    theme: Theme,
) -> Line<'static> {
    let typed = traced.is_some_and(|t| t.call.typed);
    let label = Span::styled(if typed { "Explain " } else { "Follow " }, theme.accent());
    let Some(traced) = traced.filter(|t| follow || t.call.typed) else {
        let why = if follow {
            "no syscall is selected in view 1 (e explains a call you type)"
        } else {
            "off (f follows the syscall selected in view 1, e explains a call you type)"
        };
        return Line::from(vec![label, Span::styled(why, theme.dim())]);
    };
    let on = if traced.abi == preview.arch {
        String::new()
    } else {
        format!(" on {}", traced.abi.short_name())
    };
    let call = Span::raw(format!("{}{on}: ", traced.call.label()));
    let ex = match &traced.result {
        Ok(ex) => ex,
        Err(why) => {
            return Line::from(vec![
                label,
                call,
                Span::styled(why.to_string(), theme.warning()),
            ])
        }
    };
    let decided = match (ex.rule, &ex.stub) {
        (_, Some(Some(l))) => format!(
            "runc's -ENOSYS stub: {} is above {}, {}, the newest name the runtime resolves for {}",
            ex.nr & !0x4000_0000,
            l.nr,
            l.name,
            l.arch.short_name()
        ),
        (_, Some(None)) => "runc's -ENOSYS stub".into(),
        (Some(i), None) => format!("syscalls[{i}]{}", at(at_pos(i))),
        (None, None) if !ex.skipped.is_empty() => format!(
            "the default action (the runtime skips syscalls[{}]: its libseccomp cannot resolve {})",
            ex.skipped[0].index, ex.skipped[0].name
        ),
        (None, None) if !ex.covered => format!(
            "the bad-architecture action (no {} section)",
            ex.arch.short_name()
        ),
        (None, None) => "the default action".into(),
    };
    Line::from(vec![
        label,
        call,
        Span::styled(
            describe_action(ex.action),
            theme.action(ex.action.profile_action()),
        ),
        Span::raw(format!(" by {decided}")),
        Span::styled(
            format!(" · ▶ {} instructions run", ex.path.len()),
            theme.dim(),
        ),
    ])
}

/// The header while the document's filter is being compiled.
pub fn compiling(has_previous: bool, theme: Theme) -> Vec<Line<'static>> {
    let mut line = vec![Span::styled("Compiling…", theme.warning())];
    if has_previous {
        line.push(Span::styled(
            " (below, dimmed: the filter before the last change)",
            theme.dim(),
        ));
    }
    vec![Line::from(line)]
}

/// Draws header lines, cut at the pane's edge.
pub fn render(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(Paragraph::new(lines), area);
}

/// Draws the compiler's error in place of the whole view.
pub fn render_error(frame: &mut Frame, area: Rect, error: &CompileError, cx: &DrawCtx) {
    let (arch, theme) = (cx.session.target.arch, cx.theme);
    let file = file_label(cx.session);
    let lines = vec![
        Line::styled(
            format!(
                "The profile does not compile for {}, so there is no filter to show:",
                arch.short_name()
            ),
            theme.accent(),
        ),
        Line::raw(""),
        Line::styled(error.render(&file), theme.warning()),
        Line::raw(""),
        Line::styled(
            "The listing comes back as soon as the profile compiles again (u undoes the last edit).",
            theme.dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
