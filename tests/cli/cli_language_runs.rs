//! run, record and the other commands in the user's language (issue 29), against the real
//! binary: their lines for people follow `LANG`, their JSON does not.

use super::cli_language::run;
use crate::common;
use crate::common::users::{in_language, seccompose, As};
use std::process::Output;

/// run's report and record's proposal in Portuguese, as root and as nobody; the JSON report
/// is the same whatever the language (but for the times, pids and pointers of the events).
#[test]
fn run_and_record_report_in_portuguese() {
    use crate::common::users::{scratch, users, write_profile};
    let seed = std::fs::read_to_string(common::fixture("seed-mkdir-chmod-chown.json")).unwrap();
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), &seed);
        let run = |lang: &str, name: &str| {
            let report = dir.path().join(format!("{name}.json"));
            let mut cmd = seccompose(who);
            cmd.arg("run").arg(&profile).arg("--report").arg(&report);
            cmd.arg("--").arg("mkdir").arg(dir.path().join(name));
            let out = in_language(&mut cmd, lang)
                .env("XDG_CACHE_HOME", dir.path())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{who:?}");
            let mut json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
            // What changes from run to run: times, pids, pointers.
            for e in json["events"].as_array_mut().unwrap() {
                for key in ["time_ms", "pid", "args"] {
                    e.as_object_mut().unwrap().remove(key);
                }
            }
            (String::from_utf8_lossy(&out.stderr).into_owned(), json)
        };
        let (pt, pt_json) = run("pt_BR.UTF-8", "x");
        let (en, en_json) = run("C", "x");
        assert_eq!(
            pt_json, en_json,
            "{who:?}: the JSON report changed with the language"
        );
        for words in [
            "seccompose: a política bloqueou 1 syscall (1 chamada):\n",
            "syscalls[0]        primeira: mkdir(pathname=",
            "seccompose: o comando saiu com status 1\n",
        ] {
            assert!(pt.contains(words), "{who:?}: {words}\n{pt}");
        }
        assert!(
            pt.contains("seccompose: contido num namespace de") || pt.contains("sem contenção"),
            "{pt}"
        );
        assert!(
            en.contains("seccompose: the policy stopped 1 syscall (1 call):\n"),
            "{en}"
        );
        assert!(
            en.contains("seccompose: the command exited with status 1\n"),
            "{en}"
        );
        assert!(
            !pt.contains("the policy") && !pt.contains("exited with"),
            "{pt}"
        );
        if who == As::Me && unsafe { libc::geteuid() } == 0 {
            assert!(
                pt.contains("seccompose: rodando como root: o comando também roda como root"),
                "{pt}"
            );
        }
        // record on top of the profile: mkdir stays stopped, in Portuguese.
        let mut cmd = seccompose(who);
        cmd.arg("record").arg("--base").arg(&profile);
        cmd.arg("--").arg("mkdir").arg(dir.path().join("z"));
        let out = in_language(&mut cmd, "pt_BR.UTF-8")
            .env("XDG_CACHE_HOME", dir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(
            text.contains("chamadas distintas gravadas; a base já libera"),
            "{who:?}: {text}"
        );
        assert!(
            text.contains(
                "não acrescentada: mkdir continua bloqueada: a regra do rascunho (linha 4:5)"
            ),
            "{who:?}: {text}"
        );
    }
}

/// The other commands' own lines: diff, merge's notes, convert, the tally, errors.
#[test]
fn other_commands_speak_portuguese() {
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let deny = common::fixture("deny-mkdir.json");
    let deny = deny.to_str().unwrap();
    let runtime = common::fixture("runtime-default.json");
    let runtime = runtime.to_str().unwrap();
    let both = |args: &[&str]| {
        let pt = run("pt_BR.UTF-8", args);
        let en = run("C", args);
        assert_eq!(pt.status.code(), en.status.code(), "{args:?}");
        let text = |o: &Output| {
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
        };
        (text(&pt), text(&en))
    };
    let (pt, en) = both(&["diff", seed, seed]);
    assert!(
        pt.contains(&format!("{seed} e {seed} fazem o mesmo")),
        "{pt}"
    );
    assert!(
        en.contains(&format!("{seed} and {seed} do the same")),
        "{en}"
    );
    let (pt, en) = both(&["diff", seed, deny, "--arch", "x86_64", "--arch", "aarch64"]);
    assert!(
        pt.contains("chmod: SCMP_ACT_ERRNO(1) -> SCMP_ACT_ALLOW em aarch64"),
        "{pt}"
    );
    assert!(
        en.contains("chmod: SCMP_ACT_ERRNO(1) -> SCMP_ACT_ALLOW on aarch64"),
        "{en}"
    );
    let (pt, en) = both(&["merge", seed, runtime]);
    assert!(
        pt.contains(
            "seccompose: {runtime} tem a ação padrão SCMP_ACT_ERRNO"
                .replace("{runtime}", runtime)
                .as_str()
        ),
        "{pt}"
    );
    assert!(
        pt.contains("1 regra que não libera nada não foi incluída"),
        "{pt}"
    );
    assert!(
        en.contains("1 rule that allows nothing was not taken"),
        "{en}"
    );
    let (pt, en) = both(&["convert", runtime, "--to", "systemd"]);
    assert!(
        pt.contains("seccompose: a saída systemd deixa de fora 4 partes do perfil"),
        "{pt}"
    );
    assert!(
        en.contains("seccompose: the systemd output leaves out 4 parts of the profile"),
        "{en}"
    );
    let (pt, en) = both(&["convert", runtime, "--to", "oci"]);
    assert!(
        pt.contains(
            "seccompose: nota: archMap resolvido para x86_64: arquiteturas SCMP_ARCH_X86_64"
        ),
        "{pt}"
    );
    assert!(
        pt.contains("regras deixadas de fora") && pt.contains("comentários deixados de fora"),
        "{pt}"
    );
    assert!(
        en.contains("seccompose: note: archMap resolved for x86_64")
            && en.contains("comments left out"),
        "{en}"
    );
    let (pt, en) = both(&["check", seed]);
    assert!(pt.contains(": 0 erros, 0 avisos, 0 notas"), "{pt}");
    assert!(en.contains(": 0 errors, 0 warnings, 0 notes"), "{en}");
    let (pt, en) = both(&["compile", seed, "--kernel", "x"]);
    assert!(
        pt.contains("seccompose: erro: --kernel x: esperava uma versão como 5.8"),
        "{pt}"
    );
    assert!(
        en.contains("seccompose: error: --kernel x: expected a version such as 5.8"),
        "{en}"
    );
    let (pt, _) = both(&["syscalls", "--category", "nada"]);
    assert!(pt.contains("categoria desconhecida \"nada\""), "{pt}");
}

/// `--new list`: the starters' descriptions follow the language, their names do not.
#[test]
fn starters_are_described_in_portuguese() {
    let pt = String::from_utf8(run("pt_BR.UTF-8", &["--new", "list"]).stdout).unwrap();
    let en = String::from_utf8(run("C", &["--new", "list"]).stdout).unwrap();
    assert!(
        pt.contains("default                  nega por padrão;"),
        "{pt}"
    );
    assert!(
        en.contains("default                  deny by default;"),
        "{en}"
    );
    let names = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(names(&pt), names(&en));
}

/// A command that cannot start is said to be so in the user's language, with the same exit
/// status a shell gives (127 missing, 126 not executable) in every language.
#[test]
fn a_command_that_cannot_start_is_explained_in_portuguese() {
    let profile = common::fixture("seed-mkdir-chmod-chown.json");
    let profile = profile.to_str().unwrap();
    // A file without execute permission (not even root may run it).
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "#!/bin/sh\n").unwrap();
    let plain = plain.to_str().unwrap();
    let (refused_pt, refused_en) = (
        format!("{plain}: sem permissão de execução"),
        format!("{plain}: not executable"),
    );
    let cases: [(&str, i32, &str, &str); 2] = [
        (
            "no-such-program-here",
            127,
            "no-such-program-here: comando não encontrado no PATH",
            "no-such-program-here: command not found in PATH",
        ),
        (plain, 126, &refused_pt, &refused_en),
    ];
    for (command, code, portuguese, english) in cases {
        for (lang, words) in [("pt_BR.UTF-8", portuguese), ("C", english)] {
            let out = run(lang, &["run", profile, "--", command]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(code), "{lang}: {stderr}");
            assert!(
                stderr.contains(words),
                "{lang}: {words:?} missing: {stderr}"
            );
        }
    }
}
