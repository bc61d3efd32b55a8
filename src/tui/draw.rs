//! Drawing a frame: title bar, the current view, status bar, and any open window on top.

use super::app::{App, Modal};
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
    let theme = app.theme;
    let counts = app.lint.shown(&app.session).map(|(report, stale)| {
        let count = |s| report.count(s);
        title::LintCounts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            stale,
        }
    });
    let l = &app.lessons;
    let labels = [
        "view.syscalls",
        "view.bpf",
        "view.run",
        "view.lint",
        "view.settings",
    ]
    .map(|k| l.ui(k));
    title::render(
        frame,
        title_area,
        &app.session,
        app.view,
        counts,
        labels,
        theme,
    );
    let full = body;
    // A lesson followed takes the bottom of the body; the views get the rest.
    let body = if app.lessons.progress.is_some() {
        let [views, panel] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(lesson::height(body.height)),
        ])
        .areas(body);
        lesson::render(frame, panel, &app.lessons, &app.keymap, theme);
        views
    } else {
        body
    };
    match app.view {
        View::Syscalls => {
            let main = if app.run_beside && body.width >= 160 {
                let [main, side] =
                    Layout::horizontal([Constraint::Min(100), Constraint::Length(60)]).areas(body);
                run::render_stops_column(
                    frame,
                    side,
                    &mut app.run,
                    &app.session,
                    &app.keymap,
                    theme,
                );
                main
            } else {
                body
            };
            syscalls::render(
                frame,
                main,
                &mut app.syscalls,
                &app.session,
                &app.man,
                theme,
            )
        }
        View::Run => run::render(frame, body, &mut app.run, &app.session, &app.keymap, theme),
        View::Bpf => bpf::render(frame, body, &mut app.bpf, &app.session, theme),
        View::Settings => {
            app.set_settings_area(body);
            settings::render(
                frame,
                body,
                &mut app.settings,
                &app.session,
                &app.keymap,
                theme,
            );
        }
        View::Lint => lint::render(frame, body, &mut app.lint, &app.session, &app.keymap, theme),
    }
    if app.tour {
        tour::render(frame, body, app.view, &app.keymap, theme);
    }
    let search = match (&app.modal, app.view) {
        (None, View::Syscalls) => app.syscalls.search_input.as_ref(),
        (None, View::Bpf) => app.bpf.search_input.as_ref(),
        _ => None,
    }
    .map(|input| input.spans(theme.text(), true));
    let hint = status::hints(&app.keymap, app.contexts()[0]);
    status::render(frame, status_area, &app.session, search, hint, theme);
    let here = app.help_from();
    match &mut app.modal {
        Some(Modal::Help(scroll)) => {
            let extra = lesson::help_lines(&app.lessons, &app.keymap, theme);
            help::render(frame, full, &app.keymap, here, extra, scroll, theme)
        }
        Some(Modal::Lessons(cursor)) => {
            lesson::render_chooser(frame, full, &app.lessons, cursor, theme)
        }
        Some(Modal::Starters(cursor)) => starters::render(frame, full, cursor, theme),
        Some(Modal::Usage(panel)) => {
            usage::render(frame, full, panel, app.lessons.ui("usage.title"), theme)
        }
        Some(Modal::Prompt(p)) => dialog::render_prompt(frame, full, p, theme),
        Some(Modal::Dialog(d)) => dialog::render_dialog(frame, full, d, &app.keymap, theme),
        Some(Modal::Rules(editor)) => {
            rules::render(frame, full, editor, &app.session, &app.keymap, theme)
        }
        None => {}
    }
}
