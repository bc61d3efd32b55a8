//! The terminal editor: a thin front-end over the profile and catalog libraries.
//!
//! `app` holds the state and its update, `draw` and the `views`/`widgets` render it, `keymap`
//! turns keys into commands from `assets/keys.toml`, `preview` compiles view 2's filter off the
//! UI thread, `terminal` owns the terminal.

pub mod app;
mod backlog;
pub mod began;
pub mod component;
pub mod ctx;
pub mod cursor;
pub mod dirs;
pub mod draw;
mod emulation;
pub mod highlight;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod lesson;
pub mod lint;
pub mod man;
pub mod memory;
pub mod preview;
pub mod prompt;
pub mod recovery;
pub mod replay;
pub mod run_target;
pub mod runner;
pub mod session;
pub mod tabs;
pub mod terminal;
pub mod theme;
pub mod unseen;
pub mod views;
pub mod widgets;
pub mod worker;

pub use emulation::SLOW_EMULATION;

use self::app::{App, Options};
use crate::catalog::Catalog;
use crate::profile::{self, Diagnostic, Severity};
use crate::sandbox::support::test_hook;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Set to make the editor exit right after its first frame (start-up benchmarks; a build with
/// the `test-hooks` feature).
pub const EXIT_AFTER_FIRST_FRAME: &str = "SECCOMPOSE_EXIT_AFTER_FIRST_FRAME";

/// Set to a character to make that key crash the editor (tests of the way out by panic).
pub const PANIC_ON_KEY: &str = "SECCOMPOSE_TEST_PANIC_ON_KEY";

/// What the editor is asked to open.
#[derive(Debug, Clone, Copy, Default)]
pub struct Open<'a> {
    /// The file (any format `convert` reads); None: an unsaved document.
    pub file: Option<&'a Path>,
    /// Start from this starter profile instead (the file, if any, must not exist yet).
    pub starter: Option<&'a str>,
    /// In a manifest file holding several profiles, the one to open.
    pub name: Option<&'a str>,
    /// The language of the lessons, their strings and the catalog's texts (None: the
    /// environment's).
    pub lang: Option<&'a str>,
    /// Follow a lesson: Some(None) opens the chooser, Some(Some(i)) starts lesson i on its
    /// own profile (unsaved).
    pub lesson: Option<Option<usize>>,
}

/// Opens the editor on a file (a new file starts from the built-in profile or the starter
/// asked for), or on an unsaved document; returns when the user quits.
pub fn run(open: Open<'_>) -> anyhow::Result<ExitCode> {
    // First, so that every message below (errors included) is in the user's language.
    let saved = memory::Memory::load(dirs::Dirs::of_user().state).language;
    let language = start_language(open.lang, saved)?;
    crate::i18n::set_language(language);
    let file = open.file;
    let starter = match open.starter {
        Some(name) => Some(profile::starters::find(name).ok_or_else(|| {
            anyhow::anyhow!(crate::msg!(
                "ed-no-starter",
                name = name,
                names = profile::starters::names().join(", ")
            ))
        })?),
        None => None,
    };
    let fresh = |new_file: Option<&Path>| {
        let p = starter.map_or_else(
            || profile::starters::default_profile(&Catalog),
            |s| s.profile(&Catalog),
        );
        let from = starter.map_or_else(
            || crate::msg!("ed-from-builtin"),
            |s| crate::msg!("ed-from-starter", name = s.name),
        );
        let note = match new_file {
            Some(path) => crate::msg!(
                "ed-new-file",
                file = path.display().to_string(),
                from = from
            ),
            None => crate::msg!("ed-starting-from", from = from),
        };
        (p, None, Some(note))
    };
    let lessons = crate::learn::lessons_in(language);
    let lesson_start = match open.lesson {
        Some(Some(i)) => {
            let lesson = lessons
                .lessons
                .get(i)
                .ok_or_else(|| anyhow::anyhow!(crate::msg!("ed-no-lesson", n = i + 1)))?;
            Some((i, lesson.start.profile().map_err(anyhow::Error::msg)?))
        }
        _ => None,
    };
    let (profile, source, note) = match file {
        None if lesson_start.is_some() => {
            let (_, p) = lesson_start.clone().expect("checked");
            (p, None, None)
        }
        None if starter.is_some() => fresh(None),
        None => (profile::starters::default_profile(&Catalog), None, None),
        Some(path) if !path.exists() => fresh(Some(path)),
        Some(path) if starter.is_some() => anyhow::bail!(crate::msg!(
            "ed-new-exists",
            file = path.display().to_string()
        )),
        Some(path) => {
            let opened = profile::open(path, None, open.name, &Catalog).map_err(|e| {
                anyhow::anyhow!(crate::msg!(
                    "ed-cannot-read",
                    file = path.display().to_string(),
                    why = e.to_string()
                ))
            })?;
            let imported = opened.imported;
            match imported.parsed.profile {
                Some(p) => {
                    let mut note = loaded_note(&imported.parsed.diagnostics);
                    if let (profile::formats::Container::Spo { name }, false) =
                        (&imported.container, imported.others.is_empty())
                    {
                        note = Some(crate::msg!(
                            "ed-opened-spo",
                            name = name.as_str(),
                            others = imported.others.join(", ")
                        ));
                    }
                    (p, opened.source, note)
                }
                None => return show_load_errors(path, &imported.parsed.diagnostics),
            }
        }
    };
    let origin = match (file, &lesson_start, starter) {
        (Some(path), _, _) => recovery::Origin::File(path),
        (None, Some((i, _)), _) => recovery::Origin::Lesson(i + 1),
        (None, None, Some(s)) => recovery::Origin::Starter(s.name),
        (None, None, None) => recovery::Origin::Builtin,
    };
    let (options, key_problem) = Options::for_user(origin);
    let mut app = App::new(profile, file.map(Path::to_path_buf), options);
    app.session.source = source;
    if let Some(s) = starter {
        app.session.origin = session::Began::Starter(s.name);
    }
    if let Some((i, _)) = &lesson_start {
        app.session.origin = session::Began::Lesson(i + 1);
    }
    app.set_language(language);
    match open.lesson {
        Some(Some(i)) => app.begin_lesson(i),
        Some(None) => app.modal = Some(app::Modal::Lessons(app.lessons.chooser_cursor())),
        None => {}
    }
    // View 2's highlighting is ready by the time it is opened, without delaying this frame.
    highlight::load_in_background();
    // What the machine offers (doctor's probes), known before the first run needs it.
    crate::sandbox::support::probe_in_background();
    // SAFETY: geteuid has no preconditions.
    let notes: Vec<String> = [root_warning(unsafe { libc::geteuid() }), key_problem, note]
        .into_iter()
        .flatten()
        .collect();
    if !notes.is_empty() {
        app.session.say(notes.join(" · "), session::Tone::Warning);
    }
    event_loop(app)
}

/// The language the editor starts in: `--lang` when given (an error when there are no texts
/// in it), else the one chosen in view 5 and remembered, else the locale's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else English.
pub fn start_language(
    requested: Option<&str>,
    saved: Option<crate::lang::Language>,
) -> anyhow::Result<crate::lang::Language> {
    match (requested, saved) {
        (None, Some(language)) => Ok(language),
        _ => crate::learn::choose_language(requested).map_err(anyhow::Error::msg),
    }
}

/// The warning for an editor run as root: what it runs, it runs as root.
pub fn root_warning(euid: u32) -> Option<String> {
    (euid == 0).then(|| crate::msg!("status-running-as-root"))
}

fn loaded_note(diags: &[Diagnostic]) -> Option<String> {
    let first = diags.first()?;
    Some(crate::msg!(
        "load-loaded-with",
        n = diags.len(),
        line = first.pos.line.to_string(),
        col = first.pos.col.to_string(),
        message = first.message.local()
    ))
}

fn event_loop(mut app: App) -> anyhow::Result<ExitCode> {
    let stop = terminal::stop_signals()?;
    terminal::watch_for_hangup(Arc::clone(&stop));
    terminal::restore_on_panic();
    let mut term = terminal::enter()?;
    let result = run_loop(&mut app, &mut term, &stop);
    if result.is_err() {
        // The terminal failed under us (gone, or a signal interrupted it): keep the edits.
        app.flush_recovery();
    }
    terminal::leave();
    result
}

/// How long after its start a command's end is looked for every millisecond.
const QUICK_RUN: Duration = Duration::from_millis(50);

fn run_loop(
    app: &mut App,
    term: &mut terminal::Term,
    stop: &std::sync::atomic::AtomicBool,
) -> anyhow::Result<ExitCode> {
    let exit_after_first = test_hook(EXIT_AFTER_FIRST_FRAME).is_some();
    let panic_key = test_hook(PANIC_ON_KEY).and_then(|k| k.to_str()?.chars().next());
    let mut dirty = true;
    let result = loop {
        if dirty {
            term.draw(|f| draw::draw(f, app))?;
            dirty = false;
            if exit_after_first {
                break ExitCode::SUCCESS;
            }
        }
        if stop.load(Ordering::Relaxed) {
            app.flush_recovery();
            break ExitCode::from(143);
        }

        // While a filter compiles, look for it often so "compiling…" shows only briefly.
        // While a command runs, wake at the frame rate to draw its output (never faster:
        // a flood of output is drawn as one frame per tick), except in its first moments:
        // a quick trial (the usual one) then shows "finished" as soon as it ends.
        let wait = match app.run.running_since() {
            _ if app.compiling() => 5,
            Some(since) if since.elapsed() < QUICK_RUN => 1,
            Some(_) => 16,
            None => 100,
        };
        let ready = event::poll(Duration::from_millis(wait)).and_then(|r| {
            if r {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        })?;
        if let Some(event) = ready {
            match event {
                Event::Key(k)
                    if panic_key.is_some()
                        && k.code == KeyCode::Char(panic_key.unwrap_or_default()) =>
                {
                    panic!("{PANIC_ON_KEY} was pressed")
                }
                Event::Key(k) if k.kind != KeyEventKind::Release => app.key(k),
                Event::Mouse(m) => app.mouse(m),
                Event::Paste(text) => app.paste(&text),
                Event::Resize(..) => {}
                _ => continue,
            }
            // A language chosen in view 5 holds for the whole process (threads drawing or
            // wording something off the UI thread included).
            crate::i18n::set_language(app.session.language);
            dirty = true;
        }
        dirty |= app.tick(Instant::now());
        if app.quit {
            app.recovery.discard();
            break ExitCode::SUCCESS;
        }
    };
    Ok(result)
}

/// A file that does not load: its diagnostics on screen (and on stderr afterwards); nothing
/// is opened, so nothing can be written over it.
fn show_load_errors(path: &Path, diags: &[Diagnostic]) -> anyhow::Result<ExitCode> {
    let file = path.display().to_string();
    let rendered: Vec<String> = diags.iter().map(|d| d.render(&file)).collect();
    // Without a terminal (or at start-up benchmarks) the diagnostics go to stderr only.
    let screen = match test_hook(EXIT_AFTER_FIRST_FRAME) {
        None => terminal::enter().ok(),
        Some(_) => None,
    };
    if let Some(mut term) = screen {
        terminal::restore_on_panic();
        let theme = theme::Theme::from_env();
        loop {
            term.draw(|f| {
                let mut lines = vec![
                    Line::styled(
                        crate::msg!("ed-not-opened", file = file.as_str()),
                        theme.warning(),
                    ),
                    Line::raw(""),
                ];
                for (d, text) in diags.iter().zip(&rendered) {
                    let style = if d.severity == Severity::Error {
                        theme.warning()
                    } else {
                        theme.dim()
                    };
                    lines.push(Line::styled(text.clone(), style));
                }
                lines.push(Line::raw(""));
                lines.push(Line::styled(crate::msg!("ed-fix-the-file"), theme.dim()));
                let block = widgets::pane_block(&crate::msg!("ed-cannot-open"), true, theme);
                f.render_widget(
                    Paragraph::new(lines)
                        .wrap(Wrap { trim: false })
                        .block(block),
                    f.area(),
                );
            })?;
            if let Event::Key(k) = event::read()? {
                if k.kind == KeyEventKind::Press {
                    break;
                }
            }
        }
        terminal::leave();
    }
    for line in rendered {
        eprintln!("{line}");
    }
    Ok(ExitCode::from(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn lang_beats_the_saved_language_which_beats_the_locale() {
        let start = |lang, saved| start_language(lang, saved).unwrap();
        assert_eq!(start(Some("pt-BR"), Some(Language::En)), Language::PtBr);
        assert_eq!(start(Some("en"), Some(Language::PtBr)), Language::En);
        assert_eq!(start(None, Some(Language::PtBr)), Language::PtBr);
        assert_eq!(start(None, Some(Language::En)), Language::En);
        assert_eq!(start(None, None), Language::from_environment());
        assert!(start_language(Some("xx-YY"), Some(Language::PtBr)).is_err());
    }

    /// The note on opening a profile with warnings counts them with the language's plural and
    /// quotes the first one in that language (the pty can show it only when not run as root,
    /// whose warning comes first).
    #[test]
    fn the_note_on_opening_counts_the_warnings_in_the_language() {
        let text = "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [{\"names\": [], \"action\": \"SCMP_ACT_ERRNO\"}]\n}\n";
        let diags = profile::parse(text, &Catalog).diagnostics;
        crate::i18n::set_thread_language(Language::PtBr);
        let pt = loaded_note(&diags[..1]).unwrap();
        assert!(
            pt.starts_with(
                "Carregado com 1 aviso; o primeiro em 3:3: chave \"defaultAction\" repetida"
            ),
            "{pt}"
        );
        let two = loaded_note(&diags).unwrap();
        assert!(two.starts_with("Carregado com 2 avisos;"), "{two}");
        crate::i18n::set_thread_language(Language::En);
        let en = loaded_note(&diags[..1]).unwrap();
        assert!(
            en.starts_with("Loaded with 1 warning; first at 3:3: duplicate key \"defaultAction\""),
            "{en}"
        );
        let two = loaded_note(&diags).unwrap();
        assert!(two.starts_with("Loaded with 2 warnings;"), "{two}");
    }
}
