//! The lines above the listing: the filter's figures, the compiler's warnings and the
//! followed syscall's outcome; or, instead of everything, the compiler's error.

use super::Traced;
use crate::compile::{CompileError, Preview};
use crate::msg;
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
        .map_or_else(|| msg!("ed-bpf-built-in"), |n| n.to_string_lossy().into())
}

/// ` at 12:5`, or nothing for a rule that did not come from the file.
fn at(pos: Option<Pos>) -> String {
    pos.filter(|p| p.line > 0).map_or(String::new(), |p| {
        format!(" {}", msg!("ed-bpf-at", line = p.line, col = p.col))
    })
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
        msg!("ed-bpf-tree")
    } else {
        msg!("ed-bpf-linear")
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            msg!("ed-bpf-instructions", n = compiled.instruction_count()),
            theme.accent(),
        ),
        Span::raw(format!(
            " {}",
            msg!("ed-bpf-for", arches = arches.join(", "), layout = layout)
        )),
        Span::styled(
            format!(
                " · {}",
                msg!("ed-bpf-reachable", n = preview.cost.reachable, arch = arch)
            ),
            theme.dim(),
        ),
    ])];
    lines.push(match &preview.cost.summary {
        Some(s) => Line::from(vec![
            Span::raw(format!("{} ", msg!("ed-bpf-per-call", arch = arch))),
            Span::raw(msg!("ed-bpf-min", n = s.min, name = s.min_syscall)),
            Span::styled(" · ", theme.dim()),
            Span::raw(msg!("ed-bpf-median", n = s.median)),
            Span::styled(" · ", theme.dim()),
            Span::raw(msg!("ed-bpf-max", n = s.max, name = s.max_syscall)),
            Span::styled(format!(" {}", msg!("ed-bpf-instructions-run")), theme.dim()),
        ]),
        None => Line::styled(msg!("ed-bpf-no-costs", arch = arch), theme.dim()),
    });
    if !compiled.own.is_empty() {
        lines.push(Line::styled(
            msg!(
                "ed-bpf-own-block",
                first = compiled.own.start,
                last = compiled.own.end - 1
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
                "⚠ {}",
                msg!("ed-bpf-more-warnings", n = all.len() - SHOWN_WARNINGS)
            ),
            theme.warning(),
        ));
    }
    // The translation check: where the filter does not do what the profile says.
    lines.extend(preview.mismatches.iter().take(SHOWN_WARNINGS).map(|m| {
        Line::styled(
            format!("⚠ {}", msg!("ed-bpf-differs", what = m.describe())),
            theme.warning(),
        )
    }));
    if preview.mismatches.len() > SHOWN_WARNINGS {
        lines.push(Line::styled(
            format!(
                "⚠ {}",
                msg!(
                    "ed-bpf-more-differences",
                    n = preview.mismatches.len() - SHOWN_WARNINGS
                )
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
    let label = if typed {
        msg!("ed-bpf-explain")
    } else {
        msg!("ed-bpf-follow")
    };
    let label = Span::styled(format!("{label} "), theme.accent());
    let Some(traced) = traced.filter(|t| follow || t.call.typed) else {
        let why = if follow {
            msg!("ed-bpf-nothing-selected")
        } else {
            msg!("ed-bpf-follow-off")
        };
        return Line::from(vec![label, Span::styled(why, theme.dim())]);
    };
    let on = if traced.abi == preview.arch {
        String::new()
    } else {
        format!(" {}", msg!("ed-bpf-on-abi", abi = traced.abi.short_name()))
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
        (_, Some(Some(l))) => msg!(
            "ed-bpf-stub-above",
            nr = (ex.nr & !0x4000_0000).to_string(),
            last = l.nr.to_string(),
            name = l.name.as_str(),
            arch = l.arch.short_name()
        ),
        (_, Some(None)) => msg!("ed-bpf-stub"),
        (Some(i), None) => msg!(
            "ed-bpf-by-rule",
            rule = format!("syscalls[{i}]{}", at(at_pos(i)))
        ),
        (None, None) if !ex.skipped.is_empty() => msg!(
            "ed-bpf-default-skipped",
            index = ex.skipped[0].index.to_string(),
            name = ex.skipped[0].name.to_string()
        ),
        (None, None) if !ex.covered => msg!("ed-bpf-bad-arch", arch = ex.arch.short_name()),
        (None, None) => msg!("ed-bpf-default"),
    };
    Line::from(vec![
        label,
        call,
        Span::styled(
            describe_action(ex.action),
            theme.action(ex.action.profile_action()),
        ),
        Span::raw(format!(" {decided}")),
        Span::styled(
            format!(" · ▶ {}", msg!("ed-bpf-run", n = ex.path.len())),
            theme.dim(),
        ),
    ])
}

/// The header while the document's filter is being compiled.
pub fn compiling(has_previous: bool, theme: Theme) -> Vec<Line<'static>> {
    let mut line = vec![Span::styled(msg!("ed-bpf-compiling"), theme.warning())];
    if has_previous {
        line.push(Span::styled(
            format!(" {}", msg!("ed-bpf-previous")),
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
            msg!("ed-bpf-no-compile", arch = arch.short_name()),
            theme.accent(),
        ),
        Line::raw(""),
        Line::styled(error.render(&file), theme.warning()),
        Line::raw(""),
        Line::styled(msg!("ed-bpf-comes-back"), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
