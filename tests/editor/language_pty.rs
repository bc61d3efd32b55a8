//! The real binary in a 120x36 pseudo-terminal under `LANG=pt_BR.UTF-8`: every view and the
//! lesson panel in Portuguese, and none of the English words they would show otherwise.

use crate::common;
use crate::pty;

use pty::{home_with, Editor};

/// One screen: the key that opens it, words it must show in Portuguese, and the English
/// words of the same places that must be gone.
type Screen = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const SCREENS: [Screen; 5] = [
    (
        "1",
        &["Categorias", "Arquivos e diretórios", "? ajuda"],
        &["Categories", "Files and directories", "? help"],
    ),
    (
        "2",
        &["desmontagem", "instruções para x86_64"],
        &["disassembly", "instructions for x86_64"],
    ),
    (
        "3",
        &["Executar", "Alvo: host (esta máquina)", "Modo observado"],
        &["Target: host", "Observed mode"],
    ),
    ("4", &["Lint: 1 aviso", "Ajuda:"], &["1 warning", "Help:"]),
    (
        "5",
        &["Ação padrão", "Arquiteturas", "Idioma"],
        &["Default action", "Architectures", "Language"],
    ),
];

#[test]
fn every_view_and_the_lesson_panel_in_portuguese_in_a_terminal() {
    let text = std::fs::read_to_string(common::fixture("deny-mkdir.json")).unwrap();
    let (home, file) = home_with("mine.json", &text);
    let env = [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "pt_BR.UTF-8")];
    let args = [file.as_os_str()];
    let mut ed = Editor::start_sized(&args, home.path(), None, &env, (36, 120));
    ed.wait_for("mine.json");
    for (key, portuguese, english) in SCREENS {
        ed.send(key);
        for words in portuguese {
            ed.wait_for(words);
        }
        let screen = ed.settled_text();
        for words in english {
            assert!(
                !screen.contains(words),
                "view {key}: English {words:?} left:\n{screen}"
            );
        }
    }
    ed.send("1");
    ed.send("\x07"); // ctrl-g: the lessons
    ed.wait_for("Lições · enter começa · esc fecha");
    ed.send("\r");
    ed.wait_for("Lição 1/6: O que é uma syscall");
    ed.wait_for("passo 1 de");
    let screen = ed.settled_text();
    for english in ["Lesson 1", "step 1 of", "What is a syscall"] {
        assert!(!screen.contains(english), "{english:?} left:\n{screen}");
    }
    // Back to the file, so quitting asks nothing.
    ed.send("u");
    ed.wait_for("padrão allow");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}
