//! The language changes texts for people, never what scripts read: the machine outputs print
//! the same bytes under `LANG=pt_BR.UTF-8` as under `LANG=C`, while the same environment does
//! turn the human listing Portuguese (so the variable reaches the program).

use crate::common;

use std::process::Output;

/// `seccompose ARGS...` with LANG set to `lang` (and nothing above it), its cache in `cache`.
fn run(lang: &str, cache: &std::path::Path, args: &[&str]) -> Output {
    common::seccompose()
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("seccompose runs")
}

#[test]
fn machine_outputs_are_the_same_bytes_in_every_language() {
    let cache = tempfile::tempdir().unwrap();
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let small = common::fixture("bpf-small.json");
    let small = small.to_str().unwrap();
    let many = common::fixture("lint-many-kinds.json");
    let many = many.to_str().unwrap();
    let broken = common::fixture("broken-several.json");
    let broken = broken.to_str().unwrap();
    let runtime = common::fixture("runtime-default.json");
    let runtime = runtime.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["lint", seed, "--format", "json"],
        &["lint", seed, "--format", "sarif"],
        &["lint", many, "--json"],
        &["lint", many, "--format", "sarif", "--arch", "x86"],
        // check's diagnostics as lint findings: their messages stay English in JSON and SARIF.
        &["lint", broken, "--format", "json"],
        &["lint", broken, "--format", "sarif"],
        // fmt's text is the profile's, in no language.
        &["fmt", "--stdout", seed],
        &["compile", small],
        &["compile", small, "--format", "bpf"],
        &["compile", seed, "--format", "pfc"],
        &["explain", seed, "mkdir", "--json"],
        &["explain", seed, "chmod", "--json"],
        &[
            "explain",
            runtime,
            "mseal",
            "--libseccomp",
            "2.5.4",
            "--json",
        ],
        &[
            "explain", seed, "getpid", "--arch", "x86", "--arch", "x86_64", "--json",
        ],
        &["diff", seed, small, "--json"],
        &[
            "diff", seed, seed, "--arch", "x86_64", "--arch", "aarch64", "--json",
        ],
        &["syscalls", "--json"],
        &["syscalls", "--category", "network", "--json"],
    ];
    for args in commands {
        let c = run("C", cache.path(), args);
        let pt = run("pt_BR.UTF-8", cache.path(), args);
        assert!(!c.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(c.status.code(), pt.status.code(), "{args:?}");
        assert!(
            c.stdout == pt.stdout,
            "{args:?}: stdout differs by language"
        );
        assert!(
            c.stderr == pt.stderr,
            "{args:?}: stderr differs by language"
        );
    }
    // The JSON listing is the English catalog, word for word.
    let listing = run("pt_BR.UTF-8", cache.path(), &["syscalls", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    let accept = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "accept")
        .unwrap();
    let english = seccompose::catalog::Catalog
        .syscall("accept")
        .unwrap()
        .summary();
    assert_eq!(accept["summary"], english);
}

/// `syscalls` without --json is for people: its summaries follow the locale, as `apt-cache
/// search` descriptions do; LC_ALL wins over LANG.
#[test]
fn the_human_listing_follows_the_locale() {
    use seccompose::catalog::{Catalog, Language};
    let cache = tempfile::tempdir().unwrap();
    let accept = Catalog.syscall("accept").unwrap();
    let portuguese = accept.summary_in(Language::PtBr);
    assert_ne!(
        portuguese,
        accept.summary(),
        "part0 is written in Portuguese"
    );
    let listing = |env: &[(&str, &str)]| {
        let mut cmd = common::seccompose();
        cmd.args(["syscalls", "--category", "network"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("XDG_CACHE_HOME", cache.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let pt = listing(&[("LANG", "pt_BR.UTF-8")]);
    assert!(pt.contains(portuguese), "{pt}");
    let c = listing(&[("LANG", "C")]);
    assert!(
        c.contains(accept.summary()) && !c.contains(portuguese),
        "{c}"
    );
    let overridden = listing(&[("LANG", "pt_BR.UTF-8"), ("LC_ALL", "C.UTF-8")]);
    assert!(overridden.contains(accept.summary()), "{overridden}");
}

/// `lint`'s findings for people follow the locale: the message, the help line and `--fix`'s
/// report in Portuguese under LANG=pt_BR.UTF-8, with the places, ids and syscall names as
/// they are; English word for word under LANG=C; the JSON the same bytes in both.
#[test]
fn lint_speaks_the_language_of_the_locale() {
    let cache = tempfile::tempdir().unwrap();
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let text = |lang: &str| {
        let out = run(lang, cache.path(), &["lint", seed]);
        assert_eq!(out.status.code(), Some(1), "warnings fail");
        String::from_utf8(out.stdout).unwrap()
    };
    let place = format!("{seed}:4:5: warning[incomplete-block]: syscalls[0]");
    let pt = text("pt_BR.UTF-8");
    for words in [
        place.as_str(),
        " bloqueia mkdir, chmod e chown com SCMP_ACT_ERRNO (EPERM), mas mkdirat, fchmod,",
        "fazem o mesmo trabalho (famílias mkdir, chmod e chown) e são permitidas por defaultAction",
        "  ajuda: bloqueie mkdirat, fchmod, fchmodat, fchmodat2, fchown, fchownat e lchown também",
        "deixa passar 13 syscalls de alto risco que nenhuma regra cita: add_key, bpf,",
    ] {
        assert!(pt.contains(words), "{words:?} missing:\n{pt}");
    }
    assert!(!pt.contains("help:") && !pt.contains(" blocks "), "{pt}");
    let c = text("C");
    for words in [
        place.as_str(),
        " blocks mkdir, chmod and chown with SCMP_ACT_ERRNO (EPERM), but mkdirat, fchmod,",
        "do the same job (mkdir, chmod and chown families) and are allowed by defaultAction",
        "  help: block mkdirat, fchmod, fchmodat, fchmodat2, fchown, fchownat and lchown too",
    ] {
        assert!(c.contains(words), "{words:?} missing:\n{c}");
    }
    let json = |lang| run(lang, cache.path(), &["lint", seed, "--format", "json"]).stdout;
    assert!(
        json("pt_BR.UTF-8") == json("C"),
        "the JSON differs by language"
    );

    // --fix says what it fixed in the language too, and writes the same file.
    let fixed = |lang: &str| {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.json");
        std::fs::copy(seed, &file).unwrap();
        let out = run(
            lang,
            cache.path(),
            &["lint", "--fix", file.to_str().unwrap()],
        );
        let said = String::from_utf8(out.stderr).unwrap();
        (said, std::fs::read(&file).unwrap())
    };
    let (pt_said, pt_file) = fixed("pt_BR.UTF-8");
    let (c_said, c_file) = fixed("C");
    assert!(
        pt_said.contains("p.json: corrigido[incomplete-block]: negar mkdirat, fchmod,"),
        "{pt_said}"
    );
    assert!(
        c_said.contains("p.json: fixed[incomplete-block]: deny mkdirat, fchmod,"),
        "{c_said}"
    );
    assert!(pt_file == c_file, "the fixed file differs by language");
}

/// `check` speaks the user's language about a broken profile: each diagnostic at the same
/// `file:line:col` with the same severity, its words in Portuguese, the paths and values as
/// they are in the file, and the same exit code as under `LANG=C`.
#[test]
fn check_says_what_is_wrong_in_portuguese_at_the_same_places() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let syntax = dir.path().join("syntax.json");
    std::fs::write(
        &syntax,
        "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\" \"x\"\n}\n",
    )
    .unwrap();
    let broken = common::fixture("broken-several.json");
    for (file, words) in [
        (
            broken.as_path(),
            &[
                ":7:39: error: ação desconhecida \"SCMP_ACT_NOPE\" em syscalls[1].action",
                ":8:19: error: syscalls[2].names precisa ser um array, mas é uma string",
                ":9:70: error: syscalls[3].errnoRet é 70000: o runc guarda só os 16 bits de baixo",
                "você quis dizer \"mkdir\"?",
                "chave \"defaultAction\" repetida em defaultAction: vale a última",
            ][..],
        ),
        (
            syntax.as_path(),
            &[":2:37: error: JSON inválido: era esperado `,` ou `}`"][..],
        ),
    ] {
        let name = file.to_str().unwrap();
        let c = run("C", cache.path(), &["check", name]);
        let pt = run("pt_BR.UTF-8", cache.path(), &["check", name]);
        assert_eq!(c.status.code(), Some(1), "{name}");
        assert_eq!(pt.status.code(), c.status.code(), "{name}");
        let (c, pt) = (
            String::from_utf8(c.stderr).unwrap(),
            String::from_utf8(pt.stderr).unwrap(),
        );
        for w in words {
            assert!(pt.contains(w), "{w} not in\n{pt}");
            assert!(!c.contains(w), "{w} in English too:\n{c}");
        }
        // Line by line: the same place and severity, other words.
        let diagnostics = |out: &str| -> Vec<(String, String)> {
            out.lines()
                .filter_map(|l| {
                    let rest = l.strip_prefix(name)?;
                    let (place, message) = rest
                        .split_once(": error: ")
                        .or_else(|| rest.split_once(": warning: "))?;
                    Some((place.to_string(), message.to_string()))
                })
                .collect()
        };
        let (c, pt) = (diagnostics(&c), diagnostics(&pt));
        assert!(!c.is_empty() && c.len() == pt.len(), "{c:?}\n{pt:?}");
        for ((c_place, c_message), (pt_place, pt_message)) in c.iter().zip(&pt) {
            assert_eq!(c_place, pt_place);
            assert_ne!(c_message, pt_message);
        }
    }
    // A file that cannot be read at all: why, in Portuguese too.
    let folder = dir.path().to_str().unwrap();
    let c = run("C", cache.path(), &["check", folder]);
    let pt = run("pt_BR.UTF-8", cache.path(), &["check", folder]);
    assert_eq!((c.status.code(), pt.status.code()), (Some(1), Some(1)));
    let (c, pt) = (
        String::from_utf8(c.stderr).unwrap(),
        String::from_utf8(pt.stderr).unwrap(),
    );
    assert!(
        c.contains(&format!(
            "{folder}: error: cannot read the file: it is a folder"
        )),
        "{c}"
    );
    let said =
        format!("{folder}: error: não foi possível ler o arquivo: é uma pasta, não um arquivo");
    assert!(pt.contains(&said), "{pt}");
}

/// `fmt --check` says which file is not canonical in the user's language, with the same exit.
#[test]
fn fmt_says_what_it_does_in_portuguese() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loose.json");
    std::fs::write(&file, r#"{"defaultAction":"SCMP_ACT_ALLOW"}"#).unwrap();
    let name = file.to_str().unwrap();
    let c = run("C", cache.path(), &["fmt", "--check", name]);
    let pt = run("pt_BR.UTF-8", cache.path(), &["fmt", "--check", name]);
    assert_eq!((c.status.code(), pt.status.code()), (Some(1), Some(1)));
    let (c, pt) = (
        String::from_utf8(c.stderr).unwrap(),
        String::from_utf8(pt.stderr).unwrap(),
    );
    assert!(c.contains(&format!("{name}: not in canonical form")), "{c}");
    assert!(
        pt.contains(&format!("{name}: não está na forma canônica")),
        "{pt}"
    );
}

/// What a format cannot express is said in the user's language on stderr, while what is
/// written (the unit with its English comments, the manifest) is the same bytes in every
/// language.
#[test]
fn convert_says_what_it_leaves_out_in_portuguese() {
    let cache = tempfile::tempdir().unwrap();
    let runtime = common::fixture("runtime-default.json");
    let runtime = runtime.to_str().unwrap();
    for to in ["systemd", "spo"] {
        let args = ["convert", "--to", to, "--lossy", runtime];
        let (pt, c) = (
            run("pt_BR.UTF-8", cache.path(), &args),
            run("C", cache.path(), &args),
        );
        assert!(!c.stdout.is_empty() && pt.stdout == c.stdout, "{to}");
    }
    let args = ["convert", "--to", "systemd", runtime];
    let pt = run("pt_BR.UTF-8", cache.path(), &args);
    let c = run("C", cache.path(), &args);
    let (pt_err, c_err) = (
        String::from_utf8_lossy(&pt.stderr),
        String::from_utf8_lossy(&c.stderr),
    );
    assert!(
        pt_err.contains("(regras de argumento; o systemd dá a toda chamada"),
        "{pt_err}"
    );
    assert!(
        c_err.contains("(argument rules; systemd gives every call"),
        "{c_err}"
    );
    let unit = String::from_utf8_lossy(&pt.stdout);
    assert!(
        unit.contains("(argument rules; systemd gives every call"),
        "{unit}"
    );
    assert_eq!(pt.status.code(), c.status.code());
}
