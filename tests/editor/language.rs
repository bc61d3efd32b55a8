//! The editor in Brazilian Portuguese: view 1's categories, summaries and risk reasons from
//! the pt-BR catalog, `/` finding Portuguese words, snapshots of every view and the lesson
//! panel, the manual where the system has it in Portuguese, the language row of view 5, and
//! the real binary choosing the language (--lang, then the choice remembered, then LANG).

use crate::editor_support;
use crate::pty;

use editor_support::{builtin, draw, press, screen, type_text};
use pty::{home_with, Editor};
use seccompose::catalog::{Catalog, Language};
use std::ffi::OsStr;

/// The first `n` characters of `text`.
fn first(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// View 1 at 120x36 in pt-BR, on chroot (a syscall with a risk reason) in its category, found
/// by its name.
#[test]
fn view_1_in_portuguese() {
    let mut app = builtin();
    app.set_language(Language::PtBr);
    press(&mut app, &["/"]);
    type_text(&mut app, "chroot");
    // Enter jumps to it, Esc drops the filter and shows it in its category.
    press(&mut app, &["enter", "esc"]);
    let terminal = draw(&mut app, 120, 36);
    let text = terminal.backend().to_string();
    let chroot = Catalog.syscall("chroot").unwrap();
    for portuguese in [
        "Arquivos e d", // the categories pane cuts titles short at this width
        chroot.category().title_in(Language::PtBr),
        &first(chroot.category().about_in(Language::PtBr), 40),
        // The detail pane wraps long lines: their first words are on the screen.
        &first(chroot.summary_in(Language::PtBr), 40),
        &first(chroot.risk_reason_in(Language::PtBr), 30),
    ] {
        assert!(text.contains(portuguese), "{portuguese:?} missing:\n{text}");
    }
    assert!(!text.contains(&first(chroot.summary(), 30)), "{text}");
    insta::assert_snapshot!("syscalls_pt_br_120x36", terminal.backend());
}

/// A word of a Portuguese summary finds its syscall under pt-BR (accents optional), not under
/// English; switching the language redraws what the list shows.
#[test]
fn search_finds_portuguese_words_in_portuguese() {
    let mut app = builtin();
    press(&mut app, &["/"]);
    type_text(&mut app, "conexao pendente");
    let english = screen(&mut app, 120, 36);
    assert!(english.contains("0 found"), "{english}");
    app.set_language(Language::PtBr);
    let portuguese = screen(&mut app, 120, 36);
    assert!(portuguese.contains("accept "), "{portuguese}");
    assert!(!portuguese.contains("0 found"), "{portuguese}");
}

/// Flags before the file, the environment, and the text the screen must show.
type Case<'a> = (&'a [&'a str], [(&'a str, &'a str); 2], &'a str);

/// The real binary: LANG=pt_BR.UTF-8 shows the Portuguese catalog, LC_ALL=C.UTF-8 over it the
/// English one (the same variables, in the same order, as the lessons), and `--lang pt-BR`
/// wins over the environment.
#[test]
fn the_editor_follows_the_locale_and_lang() {
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);
    let files = Catalog.category("files").unwrap();
    let portuguese = files.about_in(Language::PtBr);
    let cases: [Case; 3] = [
        (&[], [("LC_ALL", ""), ("LANG", "pt_BR.UTF-8")], portuguese),
        (
            &[],
            [("LC_ALL", "C.UTF-8"), ("LANG", "pt_BR.UTF-8")],
            files.about(),
        ),
        (
            &["--lang", "pt-BR"],
            [("LC_ALL", "C.UTF-8"), ("LANG", "C.UTF-8")],
            portuguese,
        ),
    ];
    for (flags, env, about) in cases {
        let mut args: Vec<&OsStr> = flags.iter().map(OsStr::new).collect();
        args.push(file.as_os_str());
        let mut ed = Editor::start(&args, home.path(), None, &env);
        ed.wait_for("mine.json");
        // The list's heading: the first category, its line about what belongs there.
        ed.wait_for(&first(about, 30));
        ed.send("q");
        assert_eq!(ed.wait_exit(), 0);
    }
}

/// An editor in Brazilian Portuguese (the catalog, the lessons and the messages).
fn in_portuguese(mut app: seccompose::tui::app::App) -> seccompose::tui::app::App {
    app.set_language(Language::PtBr);
    app
}

/// Views 1 to 5 and the `?` help at 120x36 in pt-BR: titles, hints, settings and headings in
/// Portuguese; syscall names, actions and constants as they are.
#[test]
fn views_and_help_in_portuguese() {
    use editor_support::{on_fixture, settle};
    let shots: [(&str, seccompose::tui::app::App, &[&str], &str); 7] = [
        ("view1", in_portuguese(builtin()), &["j", "j"], "Categorias"),
        (
            "view2",
            in_portuguese(on_fixture("bpf-small.json")),
            &["2"],
            "desmontagem",
        ),
        (
            "view3",
            in_portuguese(on_fixture("deny-mkdir.json")),
            &["3"],
            "Executar",
        ),
        ("view4", in_portuguese(builtin()), &["4"], "1 nota"),
        ("view5", in_portuguese(builtin()), &["5"], "Ação padrão"),
        (
            "rule_form",
            in_portuguese(builtin()),
            &["enter", "n"],
            "Nova regra para",
        ),
        (
            "help",
            in_portuguese(builtin()),
            &["?"],
            "Liberar a syscall selecionada",
        ),
    ];
    for (name, mut app, keys, portuguese) in shots {
        press(&mut app, keys);
        if name == "view2" {
            settle(&mut app);
        }
        let terminal = draw(&mut app, 120, 36);
        let text = terminal.backend().to_string();
        assert!(
            text.contains(portuguese),
            "{name}: {portuguese:?} missing:\n{text}"
        );
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "{name}: bidi marks"
        );
        insta::assert_snapshot!(format!("{name}_pt_br_120x36"), terminal.backend());
    }
}

/// View 4 and the status line in each language: a finding, its help and its fix in the
/// user's language with the syscall names as they are, and the fix applied, undone and redone
/// said in it too (in English, word for word as before).
#[test]
fn findings_fixes_and_undo_follow_the_language() {
    use editor_support::on_fixture;
    let cases = [
        (
            Language::PtBr,
            [
                "bloqueia mkdir, chmod e chown com SCMP_ACT_ERRNO (EPERM), mas mkdirat, fchmod",
                "f corrige: negar mkdirat, fchmod, fchmodat",
                "Ajuda: bloqueie mkdirat",
            ],
            [
                "Feito: negar mkdirat",
                "Desfeito: negar mkdirat",
                "Refeito: negar mkdirat",
            ],
        ),
        (
            Language::En,
            [
                "blocks mkdir, chmod and chown with SCMP_ACT_ERRNO (EPERM), but mkdirat, fchmod",
                "f fix: deny mkdirat, fchmod, fchmodat",
                "Help: block mkdirat",
            ],
            ["Deny mkdirat", "Undid: deny mkdirat", "Redid: deny mkdirat"],
        ),
    ];
    for (language, finding, said) in cases {
        let mut app = on_fixture("seed-mkdir-chmod-chown.json");
        app.set_language(language);
        // The second warning: the incomplete block, with its fix.
        press(&mut app, &["4"]);
        screen(&mut app, 120, 36);
        press(&mut app, &["j"]);
        let text = screen(&mut app, 120, 36);
        for words in finding {
            assert!(
                text.contains(words),
                "{language}: {words:?} missing:\n{text}"
            );
        }
        for (keys, words) in [["f"], ["u"], ["ctrl-r"]].iter().zip(said) {
            press(&mut app, keys);
            let text = screen(&mut app, 120, 36);
            assert!(
                text.contains(words),
                "{language}: {words:?} missing:\n{text}"
            );
        }
    }
}

/// Denying a syscall whose siblings stay allowed says so in the user's language.
#[test]
fn the_siblings_warning_follows_the_language() {
    use seccompose::profile::Action;
    for (language, words) in [
        (
            Language::PtBr,
            "negar chmod não basta: fchmod, fchmodat e fchmodat2 ainda fazem o mesmo trabalho",
        ),
        (
            Language::En,
            "chmod denied, but fchmod, fchmodat and fchmodat2 still do the same job",
        ),
    ] {
        let mut app = builtin();
        app.set_language(language);
        app.session
            .set_action(vec!["chmod".into()], Some(Action::Errno), None);
        let text = screen(&mut app, 160, 36);
        assert!(
            text.contains(words),
            "{language}: {words:?} missing:\n{text}"
        );
    }
}

/// The lessons key opens the chooser; Enter there starts lesson 1 and its panel under the
/// views: both at 120x36 in pt-BR (the lessons' own texts, the editor's words around them).
#[test]
fn lesson_panel_in_portuguese() {
    let mut app = in_portuguese(builtin());
    press(&mut app, &["ctrl-g"]);
    let chooser = draw(&mut app, 120, 36);
    let text = chooser.backend().to_string();
    let lessons = seccompose::learn::lessons_in(Language::PtBr);
    assert!(text.contains(&lessons.lessons[0].title), "{text}");
    insta::assert_snapshot!("lessons_pt_br_120x36", chooser.backend());
    press(&mut app, &["enter"]);
    let panel = draw(&mut app, 120, 36);
    let text = panel.backend().to_string();
    assert!(text.contains("Lição 1/"), "{text}");
    assert!(!text.contains("Lesson 1/"), "{text}");
    insta::assert_snapshot!("lesson_panel_pt_br_120x36", panel.backend());
}

/// View 5's last row is the editor's language: right switches it at once, view 1's summaries
/// and the tabs follow, and left switches back.
#[test]
fn the_language_row_of_view_5_switches_at_once() {
    let mut app = builtin();
    let english = Catalog.syscall("access").unwrap();
    press(&mut app, &["5", "G"]);
    let row = screen(&mut app, 120, 36);
    assert!(row.contains("Language        ‹ English ›"), "{row}");
    press(&mut app, &["right", "1"]);
    let portuguese = screen(&mut app, 120, 36);
    assert_eq!(app.session.language, Language::PtBr);
    assert_eq!(app.session.memory.language, Some(Language::PtBr));
    assert!(
        portuguese.contains(&first(english.summary_in(Language::PtBr), 30)),
        "{portuguese}"
    );
    assert!(portuguese.contains("3 Executar"), "{portuguese}");
    assert!(
        !portuguese.contains(&first(english.summary(), 30)),
        "{portuguese}"
    );
    press(&mut app, &["5", "left"]);
    let back = screen(&mut app, 120, 36);
    assert!(back.contains("Language        ‹ English ›"), "{back}");
    assert!(back.contains("3 Run"), "{back}");
    // The help opened from view 5 says how the language is decided at start.
    press(&mut app, &["?"]);
    let help = screen(&mut app, 120, 36);
    assert!(
        help.contains("At start: --lang first, then the language chosen there"),
        "{help}"
    );
}

/// The real binary: the language chosen in view 5 changes view 1 at once and is the one the
/// next start (same folders, English locale) opens in; `--lang en` still wins over it.
#[test]
fn the_language_chosen_in_view_5_is_kept_for_the_next_start() {
    let (home, file) = home_with("mine.json", seccompose::profile::starters::DEFAULT_TEXT);
    let files = Catalog.category("files").unwrap();
    let portuguese = first(files.about_in(Language::PtBr), 30);
    let english = first(files.about(), 30);
    let env = [("LC_ALL", "C.UTF-8"), ("LANG", "C.UTF-8")];
    let start = |flags: &[&str]| {
        let mut args: Vec<&OsStr> = flags.iter().map(OsStr::new).collect();
        args.push(file.as_os_str());
        let ed = Editor::start(&args, home.path(), None, &env);
        ed.wait_for("mine.json");
        ed
    };
    let mut ed = start(&[]);
    ed.wait_for(&english);
    // View 5, its last row, the next value; then view 1.
    ed.send("5");
    ed.wait_for("Language");
    ed.send("G");
    ed.send("l");
    ed.wait_for("Idioma");
    ed.send("1");
    ed.wait_for(&portuguese);
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    let mut again = start(&[]);
    again.wait_for(&portuguese);
    again.wait_for("Categorias");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    let mut explicit = start(&["--lang", "en"]);
    explicit.wait_for(&english);
    explicit.send("q");
    assert_eq!(explicit.wait_exit(), 0);
}

/// View 3 in pt-BR after a real run under deny-mkdir (the stop, where it was decided, the
/// keys) and after a recording (the proposal and its notes), at 120x36.
#[test]
fn view_3_stops_and_proposal_in_portuguese() {
    use crate::run::{run, settle, wait_until, DENIED};
    use seccompose::sandbox::replay::{Call, Recording};
    use seccompose::tui::views::run::Recorded;

    let mut app = in_portuguese(editor_support::on_fixture("deny-mkdir.json"));
    press(&mut app, &["3"]);
    run(&mut app, DENIED);
    settle(&mut app);
    let stops = draw(&mut app, 120, 36);
    let text = stops.backend().to_string();
    for portuguese in [
        "Bloqueios: 1 syscall, 1 chamada",
        "Decidido pela regra em linha",
    ] {
        assert!(text.contains(portuguese), "{portuguese:?} missing:\n{text}");
    }
    assert!(!text.contains("exited with"), "{text}");
    insta::assert_snapshot!("view3_stops_pt_br_120x36", stops.backend());
    // How the run ended is kept as a message, drawn in the language of the moment.
    app.set_language(Language::En);
    let english = screen(&mut app, 120, 36);
    assert!(english.contains("exited with status 0"), "{english}");

    let mut app = in_portuguese(builtin());
    press(&mut app, &["3"]);
    let nr = |n: &str| {
        Catalog
            .syscall(n)
            .unwrap()
            .number(seccompose::profile::Arch::X86_64)
            .unwrap()
    };
    let call = |n: &str, args: [u64; 6]| {
        let arch = seccompose::profile::Arch::X86_64;
        (
            Call {
                arch,
                nr: nr(n),
                args,
            },
            1,
        )
    };
    let calls = vec![
        call("clone", [0x1000_0011, 0, 0, 0, 0, 0]),
        call("personality", [0x40_0000, 0, 0, 0, 0, 0]),
        call("socket", [40, 1, 0, 0, 0, 0]),
        call("mount", [0, 0, 0, 0, 0, 0]),
    ];
    let recorded = Recorded {
        serial: 1,
        command: "ls /".into(),
        calls: std::sync::Arc::new(Recording { calls }),
    };
    app.run.recording_ended(recorded, 41);
    wait_until(&mut app, "the proposal", |s| {
        s.contains("Proposta: liberar")
    });
    let proposal = draw(&mut app, 120, 36);
    let text = proposal.backend().to_string();
    assert!(text.contains("saiu com status 0"), "{text}");
    assert!(!text.contains("Proposal"), "{text}");
    insta::assert_snapshot!("view3_proposal_pt_br_120x36", proposal.backend());
}

/// The detail pane's manual in pt-BR where the system has the page in Portuguese (Debian's
/// manpages-pt-br-dev has chdir), the English page where it has not (openat), and the
/// catalog's own words in the language for a name no page has.
#[test]
fn the_manual_in_portuguese_where_the_system_has_it() {
    use seccompose::catalog::man::{page as page_in, Source};
    // The first heading of the page, alone on its line (ENOMEM holds NOME too).
    let heading = |text: &str, word: &str| text.lines().any(|l| l.trim() == word);
    let chdir = page_in("chdir", 80, Language::PtBr);
    assert_eq!(chdir.source, Source::System, "{}", chdir.text);
    assert!(heading(&chdir.text, "NOME"), "{}", chdir.text);
    let english = page_in("chdir", 80, Language::En);
    assert!(heading(&english.text, "NAME"), "{}", english.text);
    assert!(!heading(&english.text, "NOME"), "{}", english.text);
    assert_eq!(
        page_in("openat", 80, Language::PtBr),
        page_in("openat", 80, Language::En)
    );
    let unknown = page_in("no_such_call", 80, Language::PtBr).text;
    let args = [("name", "no_such_call".into())];
    let expected = seccompose::i18n::text_in(Language::PtBr, "man-unknown", &args);
    assert_eq!(unknown, format!("{expected}\n"));
    assert_ne!(unknown, page_in("no_such_call", 80, Language::En).text);
}

/// The editor asks for the selected syscall's manual in the language it shows (the loader
/// keeps the language with each request, so a switch fetches the page again).
#[test]
fn the_detail_pane_asks_for_the_manual_in_the_editors_language() {
    use seccompose::tui::man::{ManLoader, ManSource};
    let mut loader = ManLoader::new(ManSource::System);
    loader.set_language(Language::PtBr);
    let start = std::time::Instant::now();
    loader.want("chdir", 80, start);
    let later = start + seccompose::tui::man::SETTLE;
    while loader.text("chdir").is_none() {
        loader.poll(later);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no page"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let page = loader.text("chdir").unwrap();
    assert!(page.lines().any(|l| l.trim() == "NOME"), "{page}");
}

/// The starters window describes each starter in the editor's language, as `--new list` does.
#[test]
fn the_starters_are_described_in_the_editors_language() {
    for (language, words) in [
        (Language::PtBr, "libera tudo menos abrir sockets de rede"),
        (Language::En, "allow everything but opening network sockets"),
    ] {
        let mut app = builtin();
        app.set_language(language);
        press(&mut app, &["ctrl-n"]);
        let text = draw(&mut app, 120, 36).backend().to_string();
        assert!(
            text.contains(words),
            "{language}: {words:?} missing:\n{text}"
        );
    }
}
