//! Drawing a frame: title bar, the current view, status bar, and any open window on top.

use super::app::{App, Modal};
use super::ctx::DrawCtx;
use super::layout;
use super::views::{bpf, lint, rules, run, settings, syscalls, View};
use super::widgets::{dialog, help, lesson, starters, status, title, tour, usage};
use crate::profile::Severity;
use ratatui::layout::{Constraint, Layout};
use ratatui::Frame;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let [title_area, body, status_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let here = app.help_from();
    let context = app.contexts()[0];
    let counts = app.lint.shown(&app.session).map(|(report, stale)| {
        let count = |s| report.count(s);
        title::LintCounts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            stale,
        }
    });
    let cx = DrawCtx {
        session: &app.session,
        keymap: &app.keymap,
        theme: app.theme,
        lessons: &app.lessons,
        man: &app.man,
    };
    let theme = cx.theme;
    title::render(frame, title_area, app.view, counts, &cx);
    let full = body;
    // A lesson followed takes the bottom of the body; the views get the rest.
    let body = if app.lessons.progress.is_some() {
        let [views, panel] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(lesson::height(body.height)),
        ])
        .areas(body);
        lesson::render(frame, panel, &cx);
        views
    } else {
        body
    };
    match app.view {
        View::Syscalls => {
            let (main, side) = layout::stops_beside_view_1(body, app.run_beside);
            if let Some(side) = side {
                run::render_stops_column(frame, side, &mut app.run, &cx);
            }
            syscalls::render(frame, main, &mut app.syscalls, &cx)
        }
        View::Run => run::render(frame, body, &mut app.run, &cx),
        View::Bpf => bpf::render(frame, body, &mut app.bpf, &cx),
        View::Settings => settings::render(frame, body, &mut app.settings, &cx),
        View::Lint => lint::render(frame, body, &mut app.lint, &cx),
    }
    if app.tour {
        tour::render(frame, body, app.view, &cx);
    }
    let search = match &app.modal {
        None => app.focused().search_box(),
        Some(_) => None,
    }
    .map(|input| input.spans(theme.text(), true));
    let place = (app.view == View::Run).then(|| app.run.target_label());
    status::render(frame, status_area, (search, place), context, &cx);
    match &mut app.modal {
        Some(Modal::Help(scroll)) => help::render(frame, full, here, scroll, &cx),
        Some(Modal::Lessons(cursor)) => lesson::render_chooser(frame, full, cursor, &cx),
        Some(Modal::Starters(cursor)) => starters::render(frame, full, cursor, &cx),
        Some(Modal::Usage(panel)) => usage::render(frame, full, panel, &cx),
        Some(Modal::Prompt(p)) => dialog::render_prompt(frame, full, p, &cx),
        Some(Modal::Dialog(d)) => dialog::render_dialog(frame, full, d, &cx),
        Some(Modal::Rules(editor)) => rules::render(frame, full, editor, &cx),
        None => {}
    }
}
