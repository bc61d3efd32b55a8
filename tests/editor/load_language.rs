//! What the editor says about a profile that does not load, in the user's language (the real
//! binary, LANG set; the note on opening one with warnings is tested in `tui`).

use crate::pty;

use pty::{home_with, Editor};

/// The environment that makes the language LANG's.
fn lang(locale: &str) -> [(&str, &str); 3] {
    [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", locale)]
}

#[test]
fn a_broken_file_is_explained_in_portuguese_and_not_touched() {
    let text = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"mkdri\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}\n";
    let (home, file) = home_with("broken.json", text);
    let mut ed = Editor::open_with(&file, home.path(), &lang("pt_BR.UTF-8"));
    ed.wait_for("Não foi possível abrir o perfil");
    ed.wait_for("não pôde ser aberto; ele não foi alterado");
    ed.wait_for("broken.json:4:16: error: syscall desconhecida \"mkdri\" em syscalls[0].names[0]");
    ed.wait_for("Tecle qualquer coisa para");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}
