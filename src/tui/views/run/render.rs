//! Drawing view 3: the command line and the run's state on top, the command's terminal and
//! the stops column under it.

use super::stops::rule_place;
use super::{stops, target, through, Focus, Phase, RunView};
use crate::msg;
use crate::sandbox::{describe_action, Mode};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::layout;
use crate::tui::run_target::RunTarget;
use crate::tui::session::Session;
use crate::tui::theme::{Palette, Theme};
use crate::tui::widgets::pane_block;
use crate::tui::widgets::vt::VtScreen;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Draws view 3 into `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &mut RunView, cx: &DrawCtx) {
    let theme = cx.theme;
    let shown = (&view.phase, view.focus, view.mode, view.ran.as_str());
    let head = header_lines(view, shown, cx);
    // Rows the header takes once wrapped, at most half the pane; never fewer than it takes
    // while an observed command runs, so a command is not resized as soon as it starts.
    let width = area.width.saturating_sub(2).max(1) as usize;
    // The command line as it stands is what the next run runs.
    let next = view.line.input.text();
    let observed_run = (&Phase::Running, Focus::Terminal, Mode::Observe, next.trim());
    let running = header_lines(view, observed_run, cx);
    let rows = wrapped_rows(&head, width).max(wrapped_rows(&running, width));
    let rows = (rows as u16).min(area.height / 2) + 2;
    let [head_area, body] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(6)]).areas(area);
    let block = pane_block(
        &crate::msg!("run-title"),
        view.focus == Focus::Command,
        theme,
    );
    let inner = block.inner(head_area);
    frame.render_widget(block, head_area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), inner);

    let [term_area, stops_area] = layout::view_3(body);
    render_terminal(frame, term_area, view, cx);
    let focused = view.focus == Focus::Stops;
    let (stops_area, through_area) = through::split(view, stops_area);
    if through_area.height > 0 && view.summary.is_empty() {
        through::render_no_stops(frame, stops_area, view, cx, focused);
    } else {
        stops::render(frame, stops_area, view, cx, focused);
    }
    if through_area.height > 0 {
        through::render(frame, through_area, view, cx);
    }
}

/// Draws only the stops column (view 1's side column on wide terminals).
pub fn render_stops_column(frame: &mut Frame, area: Rect, view: &mut RunView, cx: &DrawCtx) {
    let replay = replay_line(view, cx.session, cx.theme);
    let [replay_area, rest] = Layout::vertical([
        Constraint::Length(if replay.is_some() { 3 } else { 0 }),
        Constraint::Min(4),
    ])
    .areas(area);
    if let Some(line) = replay {
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), replay_area);
    }
    stops::render(frame, rest, view, cx, false);
}

fn mode_label(view: &RunView) -> String {
    use crate::sandbox::support;
    match (view.phase == Phase::Running, view.mode, view.enforce) {
        (true, Mode::Record, _) => crate::msg!("run-mode-recording"),
        (true, Mode::Enforce, _) => crate::msg!("run-mode-enforced"),
        (true, Mode::Observe, _) => crate::msg!("run-mode-observed"),
        (false, _, true) => crate::msg!("run-mode-enforce"),
        // Known from the start-up probe: observed runs would fall back, so say it now.
        (false, _, false) if support::user_notification_known() == Some(false) => {
            crate::msg!("run-mode-enforce-no-notify")
        }
        (false, _, false) if view.draft_traced && support::tracing_known() == Some(false) => {
            crate::msg!("run-mode-enforce-no-trace")
        }
        (false, _, false) => crate::msg!("run-mode-observe"),
    }
}

/// How many rows `lines` take wrapped at `width` columns.
fn wrapped_rows(lines: &[Line], width: usize) -> usize {
    lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum()
}

/// The header of view 3 in a phase, with the focus on a part, for a run of `ran` in a mode.
fn header_lines(
    view: &RunView,
    (phase, focus, mode, ran): (&Phase, Focus, Mode, &str),
    cx: &DrawCtx,
) -> Vec<Line<'static>> {
    let (session, keymap, theme) = (cx.session, cx.keymap, cx.theme);
    let k = |c| keymap.key_for(Context::Run, c).to_string();
    let editing = focus == Focus::Command;
    let mut first = vec![Span::styled("$ ", theme.accent())];
    first.extend(view.line.input.spans(theme.text(), editing).spans);
    first.push(Span::styled(
        format!("   [{}]", mode_label(view)),
        theme.accent(),
    ));
    let mut lines = vec![Line::from(first), target::target_line(view, cx)];
    let state = match phase {
        _ if editing => Line::styled(crate::msg!("run-editing"), theme.accent()),
        Phase::Idle => Line::styled(
            format!(
                "{} {}",
                match view.target.current {
                    RunTarget::Host => crate::msg!("run-idle-host"),
                    RunTarget::Container(_) => crate::msg!("run-idle-container"),
                },
                crate::msg!(
                    "run-idle-keys",
                    edit = k(Command::EditCommand),
                    run = k(Command::Rerun),
                    record = k(Command::Record),
                    enforce = k(Command::ToggleEnforce)
                )
            ),
            theme.dim(),
        ),
        Phase::Running => {
            let keys = if focus == Focus::Terminal {
                crate::msg!(
                    "run-keys-to-command",
                    key = keymap.key_for(Context::Terminal, Command::ReleaseTerminal)
                )
            } else {
                crate::msg!("run-type-into-it", key = k(Command::FocusTerminal))
            };
            Line::styled(
                crate::msg!(
                    "run-running",
                    command = ran,
                    keys = keys,
                    key = k(Command::StopRun)
                ),
                theme.accent(),
            )
        }
        Phase::Finished { cause, ok } => Line::from(vec![
            Span::styled(
                format!(
                    "{} #{} `{}` {}",
                    if *ok { "✓" } else { "✗" },
                    view.runs,
                    view.ran,
                    cause.local()
                ),
                if *ok { theme.ok() } else { theme.warning() },
            ),
            Span::styled(
                format!(
                    "   {}",
                    crate::msg!(
                        "run-finished-keys",
                        again = k(Command::Rerun),
                        edit = k(Command::EditCommand)
                    )
                ),
                theme.dim(),
            ),
        ]),
        Phase::Failed(why) => Line::styled(format!("✗ {why}"), theme.warning()),
    };
    lines.push(state);
    // Until the first observed run has ended.
    if !session.memory.run_explained && mode == Mode::Observe && !view.enforce {
        lines.push(Line::styled(
            crate::msg!("run-observed-explained"),
            theme.dim(),
        ));
    }
    lines.extend(replay_line(view, session, theme));
    lines
}

/// What the draft would do with the last recorded run, in a line.
fn replay_line(view: &RunView, session: &Session, theme: Theme) -> Option<Line<'static>> {
    let rec = view.recorded.as_ref()?;
    let outcome = view.replay.current((session.generation(), rec.serial));
    let text = match outcome {
        None => msg!("ed-replay-judging", command = rec.command.as_str()),
        Some(Err(e)) => msg!("ed-replay-no-compile", why = e.to_string()),
        Some(Ok(r)) if r.stopped.is_empty() => msg!(
            "ed-replay-no-stop",
            command = rec.command.as_str(),
            n = r.distinct
        ),
        Some(Ok(r)) => {
            let names: Vec<String> = r
                .stopped
                .iter()
                .map(|s| {
                    let place = rule_place(s.rule, session.profile())
                        .unwrap_or_else(|| msg!("ed-place-default"));
                    format!(
                        "{} ×{} ({}, {place})",
                        s.name,
                        s.count,
                        describe_action(s.action)
                    )
                })
                .collect();
            msg!(
                "ed-replay-stopped",
                command = rec.command.as_str(),
                n = r.stopped_calls(),
                names = super::proposal::first_six(&names)
            )
        }
    };
    let style = match outcome {
        Some(Ok(r)) if r.stopped.is_empty() => theme.ok(),
        Some(_) => theme.warning(),
        None => theme.dim(),
    };
    Some(Line::styled(text, style))
}

fn render_terminal(frame: &mut Frame, area: Rect, view: &mut RunView, cx: &DrawCtx) {
    let theme = cx.theme;
    let focused = view.focus == Focus::Terminal;
    let inner = pane_block("", focused, theme).inner(area);
    view.terminal_area = inner;
    let size = (inner.height.max(1), inner.width.max(1));
    if size != view.size {
        view.size = size;
        // Between runs the old screen keeps its size; the next run gets the new one.
        if let Some(r) = &mut view.runner {
            r.resize(size.0, size.1);
        }
    }
    let screen = view.screen.clone();
    let Ok(mut parser) = screen.lock() else {
        return;
    };
    // Each published screen starts on its live rows: the offset is the view's, clamped to
    // the output there is.
    parser.screen_mut().set_scrollback(view.scrolled);
    view.scrolled = parser.screen().scrollback();
    frame.render_widget(pane_block(&terminal_title(view, cx), focused, theme), area);
    let widget = VtScreen {
        screen: parser.screen(),
        cursor: view.is_running() && view.scrolled == 0,
        colour: theme.palette != Palette::Mono,
    };
    frame.render_widget(widget, inner);
}

/// The terminal pane's title: how far back it shows, or who has the keys.
fn terminal_title(view: &RunView, cx: &DrawCtx) -> String {
    let key = |context, command| cx.keymap.key_for(context, command);
    if view.scrolled > 0 {
        crate::msg!(
            "run-terminal-back",
            n = view.scrolled,
            key = key(Context::Run, Command::ScrollForward)
        )
    } else if view.focus == Focus::Terminal {
        crate::msg!(
            "run-terminal-typing",
            key = key(Context::Terminal, Command::ReleaseTerminal)
        )
    } else {
        crate::msg!("run-terminal")
    }
}
