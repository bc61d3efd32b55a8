//! The command line in the user's language (issue 29): `--help`, `doctor`, `usage`,
//! `explain` and the other messages for people follow `LANG` (or `--lang`), against the real
//! binary; English stays as it was under `LANG=C`.

use crate::common;
use crate::common::users::{in_language, seccompose, As};
use seccompose::i18n::text_in;
use seccompose::lang::Language;
use std::process::Output;

/// `seccompose ARGS...` with LANG set to `lang` (and nothing above it).
pub(crate) fn run(lang: &str, args: &[&str]) -> Output {
    in_language(seccompose(As::Me).args(args), lang)
        .output()
        .expect("seccompose runs")
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

/// A message as the binary prints it in `language`.
fn message(language: Language, id: &str) -> String {
    text_in(language, id, &[])
}

/// The subcommands `seccompose --help` lists.
fn subcommands() -> Vec<String> {
    let top = stdout(&run("C", &["--help"]));
    let list = top
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands")
        .split("\n\n")
        .next()
        .unwrap();
    list.lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Clap wraps help lines at the terminal's width: compare words, not lines.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn help_of_every_subcommand_follows_the_language() {
    let subs = subcommands();
    assert!(subs.len() >= 18, "{subs:?}");
    for sub in subs.iter().map(String::as_str).chain([""]) {
        let args: Vec<&str> = [sub, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let id = format!(
            "cli-about-{}",
            if sub.is_empty() { "seccompose" } else { sub }
        );
        let english = run("C", &args);
        let portuguese = run("pt_BR.UTF-8", &args);
        assert!(
            english.status.success() && portuguese.status.success(),
            "{sub}"
        );
        let (en, pt) = (words(&stdout(&english)), words(&stdout(&portuguese)));
        assert!(
            en.contains(&words(&message(Language::En, &id))),
            "{sub}: {en}"
        );
        assert!(
            en.contains("Usage: seccompose") && en.contains("Options:"),
            "{sub}: {en}"
        );
        assert!(en.contains("Print help"), "{sub}: {en}");
        assert!(
            pt.contains(&words(&message(Language::PtBr, &id))),
            "{sub}: {pt}"
        );
        assert!(
            pt.contains("Uso: seccompose") && pt.contains("Opções:"),
            "{sub}: {pt}"
        );
        assert!(
            pt.contains("Mostra a ajuda") && !pt.contains("Print help"),
            "{sub}: {pt}"
        );
        assert!(
            !pt.contains(&words(&message(Language::En, &id))),
            "{sub}: {pt}"
        );
        assert!(
            !pt.contains("Usage:") && !pt.contains("Options:"),
            "{sub}: {pt}"
        );
        for clap_words in ["Possible values", "possible values", "[default:"] {
            assert!(!pt.contains(clap_words), "{sub}: {clap_words}: {pt}");
        }
    }
}

/// Argument help and possible values, and `--lang` wherever it stands.
#[test]
fn help_of_arguments_follows_the_language_and_lang_wins() {
    let pt = words(&stdout(&run("pt_BR.UTF-8", &["compile", "--help"])));
    for id in [
        "cli-help-file",
        "cli-help-no-cache",
        "cli-value-compile-bpf",
    ] {
        assert!(
            pt.contains(&words(&message(Language::PtBr, id))),
            "{id}: {pt}"
        );
        assert!(
            !pt.contains(&words(&message(Language::En, id))),
            "{id}: {pt}"
        );
    }
    assert!(
        pt.contains("Valores possíveis: - bpf: O vetor sock_filter cru"),
        "{pt}"
    );
    assert!(pt.contains("[padrão: disasm]"), "{pt}");
    let short = words(&stdout(&run("pt_BR.UTF-8", &["compile", "-h"])));
    assert!(
        short.contains("[padrão: auto] [valores possíveis: auto, linear, tree]"),
        "{short}"
    );
    let en = words(&stdout(&run("C", &["compile", "--help"])));
    assert!(en.contains("The raw sock_filter array"), "{en}");
    assert!(
        en.contains("Possible values: - bpf: The raw") && en.contains("[default: disasm]"),
        "{en}"
    );
    for args in [
        &["--lang", "pt-BR", "lint", "--help"][..],
        &["lint", "--lang=pt-BR", "--help"],
        &["lint", "--help", "--lang", "pt-BR"],
    ] {
        let out = words(&stdout(&run("C", args)));
        assert!(out.contains("Só erros"), "{args:?}: {out}");
    }
    let out = words(&stdout(&run(
        "pt_BR.UTF-8",
        &["lint", "--lang", "en", "--help"],
    )));
    assert!(
        out.contains("Only errors") && out.contains("Usage:"),
        "{out}"
    );
    let bad = run("C", &["doctor", "--lang", "xx"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"xx\""));
}

/// doctor in Portuguese, as root and as nobody: every check's name and finding, the marks and
/// the closing line; a cache folder that is not the user's is warned about in Portuguese too.
#[test]
fn doctor_speaks_portuguese_for_root_and_for_nobody() {
    use crate::common::users::{scratch, users};
    let dir = scratch();
    let cache = dir.path().join("cache");
    std::fs::create_dir_all(cache.join("seccompose")).unwrap();
    for who in users() {
        let doctor = |lang: &str| {
            let out = in_language(seccompose(who).arg("doctor"), lang)
                .env("XDG_CACHE_HOME", &cache)
                .output()
                .unwrap();
            (out.status.code(), stdout(&out))
        };
        let (code, pt) = doctor("pt_BR.UTF-8");
        let (english_code, en) = doctor("C");
        assert_eq!(code, english_code, "{who:?}");
        for words in [
            "filtros seccomp",
            "um filtro carrega (este processo roda no modo seccomp",
            "o kernel oferece: ",
            "cache de compilação",
            "páginas do man",
        ] {
            assert!(pt.contains(words), "{who:?}: {words}:\n{pt}");
        }
        let user = if who == As::Nobody || unsafe { libc::geteuid() } != 0 {
            "rodando como usuário comum"
        } else {
            "rodando como root"
        };
        assert!(pt.contains(user), "{who:?}:\n{pt}");
        assert!(
            pt.contains("O seccompose tem aqui tudo de que precisa."),
            "{who:?}:\n{pt}"
        );
        for english in [
            "seccomp filters",
            "running as",
            "the kernel offers",
            "man pages",
        ] {
            assert!(!pt.contains(english), "{who:?}: {english}:\n{pt}");
            assert!(en.contains(english), "{who:?}: {english}:\n{en}");
        }
        assert!(
            en.contains("ok      seccomp filters    a filter loads"),
            "{en}"
        );
        if who == As::Nobody {
            // root's folder: nobody may not use it.
            assert!(
                pt.contains("não é seu, ou outros podem escrever nele"),
                "{pt}"
            );
            assert!(en.contains("warning compile cache"), "{en}");
        }
        // The findings start in one column, whatever the longest name in the language.
        let columns: Vec<usize> = ["um filtro carrega", "o kernel oferece", "rodando como"]
            .iter()
            .map(|finding| {
                let line = pt.lines().find(|l| l.contains(finding)).unwrap();
                line[..line.find(finding).unwrap()].chars().count()
            })
            .collect();
        assert!(
            columns.windows(2).all(|w| w[0] == w[1]),
            "{columns:?}\n{pt}"
        );
    }
}

/// usage in Portuguese: headings and notes are, the command lines and what they write are the
/// same bytes as in English.
#[test]
fn usage_prose_follows_the_language_and_the_lines_do_not() {
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let pt = stdout(&run("pt_BR.UTF-8", &["usage", seed, "--full"]));
    let en = stdout(&run("C", &["usage", seed, "--full"]));
    for words in [
        "# Docker e podman\n",
        "# Kubernetes: um perfil Localhost\n",
        "# Um serviço do systemd\n",
        "# bubblewrap, com o filtro compilado\n",
        "# nota: O runtime lê o arquivo quando o contêiner inicia",
        "# nota: O BPF é para x86_64 (com as subarquiteturas do archMap)",
        "# Docker Engine 23.0 ou mais novo (o runtime dele: runc)\n",
    ] {
        assert!(pt.contains(words), "{words}:\n{pt}");
    }
    assert!(en.contains("# Docker and podman\n"), "{en}");
    assert!(en.contains("# note: The runtime reads the file"), "{en}");
    assert!(
        !pt.contains("# note:") && !pt.contains("The runtime reads"),
        "{pt}"
    );
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with("# "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(lines(&pt), lines(&en));
    assert!(lines(&en).len() > 20);
    let short = stdout(&run("pt_BR.UTF-8", &["usage", seed, "--only", "spo"]));
    assert!(
        short.contains("# (o que o comando acima escreve: --full o imprime)"),
        "{short}"
    );
    let wrong = run("pt_BR.UTF-8", &["usage", seed, "--only", "nada"]);
    assert_eq!(wrong.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        stderr.contains("não há seção \"nada\"; as que há: docker"),
        "{stderr}"
    );
}

/// explain's words in Portuguese; the call, the action, the place and the instructions stay.
#[test]
fn explain_speaks_portuguese_around_the_same_filter() {
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let pt = stdout(&run("pt_BR.UTF-8", &["explain", seed, "mkdir"]));
    let en = stdout(&run("C", &["explain", seed, "mkdir"]));
    assert!(
        pt.starts_with("mkdir(pathname=0x0, mode=0) em x86_64 (nr 83): ERRNO(EPERM)\n"),
        "{pt}"
    );
    assert!(
        en.starts_with("mkdir(pathname=0x0, mode=0) on x86_64 (nr 83): ERRNO(EPERM)\n"),
        "{en}"
    );
    let place = format!("syscalls[0] ({seed}:4:5)");
    assert!(
        pt.contains(&format!("decidido por {place}\ncaminho (6 instruções):\n")),
        "{pt}"
    );
    assert!(
        en.contains(&format!("decided by {place}\npath (6 instructions):\n")),
        "{en}"
    );
    let instructions = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with(' '))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(instructions(&pt), instructions(&en));
    assert_eq!(instructions(&pt).len(), 6);
    // runc's stub, and a rule its libseccomp skips.
    let runtime = common::fixture("runtime-default.json");
    let args = [
        "explain",
        runtime.to_str().unwrap(),
        "mseal",
        "--libseccomp",
        "2.5.4",
    ];
    let pt = stdout(&run("pt_BR.UTF-8", &args));
    assert!(
        pt.contains("decidido pelo stub de -ENOSYS do runc: 462 está acima de"),
        "{pt}"
    );
    assert!(
        pt.contains("não aplicada: syscalls[0]: a libseccomp 2.5.4 do runc não resolve \"mseal\""),
        "{pt}"
    );
    let en = stdout(&run("C", &args));
    assert!(
        en.contains("decided by runc's -ENOSYS stub: 462 is above"),
        "{en}"
    );
    assert!(
        en.contains("not applied: syscalls[0]: runc's libseccomp 2.5.4 cannot resolve"),
        "{en}"
    );
    // Another ABI under the host's filter, and the default action.
    let pt = stdout(&run(
        "pt_BR.UTF-8",
        &[
            "explain", seed, "getpid", "--arch", "x86", "--arch", "x86_64",
        ],
    ));
    assert!(
        pt.contains("em x86 sob o filtro do host x86_64 (nr 20)"),
        "{pt}"
    );
    assert!(
        pt.contains("decidido pela ação de arquitetura errada: o filtro não tem seção para x86"),
        "{pt}"
    );
    assert!(
        pt.contains("decidido pela ação padrão (SCMP_ACT_ALLOW)"),
        "{pt}"
    );
    // Its errors too: a call that does not read, a name the catalog lacks.
    let args = ["explain", seed, "mkdir", "1", "2", "3", "4", "5", "6", "7"];
    let err = String::from_utf8_lossy(&run("pt_BR.UTF-8", &args).stderr).into_owned();
    assert!(
        err.contains("erro: uma syscall tem no máximo 6 argumentos, 7 dados"),
        "{err}"
    );
    let err = String::from_utf8_lossy(&run("pt_BR.UTF-8", &["explain", seed, "mkdri"]).stderr)
        .into_owned();
    assert!(
        err.contains("syscall desconhecida \"mkdri\"; você quis dizer \"mkdir\"?"),
        "{err}"
    );
}

/// A bad command line: clap's errors people meet most are said in Portuguese, with the same
/// exit status; English keeps clap's own words.
#[test]
fn bad_command_lines_are_told_in_portuguese() {
    let pt = run("pt_BR.UTF-8", &["doctor", "--foo"]);
    let en = run("C", &["doctor", "--foo"]);
    assert_eq!((pt.status.code(), en.status.code()), (Some(2), Some(2)));
    let (pt, en) = (
        String::from_utf8_lossy(&pt.stderr),
        String::from_utf8_lossy(&en.stderr),
    );
    assert!(
        pt.starts_with("erro: argumento inesperado '--foo'\n"),
        "{pt}"
    );
    assert!(
        pt.contains("\nUso: seccompose doctor")
            && pt.ends_with("Para mais informações, tente '--help'.\n"),
        "{pt}"
    );
    assert!(
        en.starts_with("error: unexpected argument '--foo' found\n"),
        "{en}"
    );
    assert!(en.contains("\nUsage: seccompose doctor"), "{en}");
    let out = run("pt_BR.UTF-8", &["lint", "x.json", "--deny", "warnig"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("erro: valor inválido 'warnig' para '--deny <LEVEL>'"),
        "{err}"
    );
    assert!(
        err.contains("[valores possíveis: error, warning, note]"),
        "{err}"
    );
    assert!(
        err.contains("dica: existe um valor parecido: 'warning'"),
        "{err}"
    );
    let err = String::from_utf8_lossy(&run("pt_BR.UTF-8", &["compile"]).stderr).into_owned();
    assert!(
        err.contains("erro: faltam estes argumentos obrigatórios:\n  <FILE>"),
        "{err}"
    );
}
