//! The catalog is complete and consistent, and agrees with libseccomp on numbers.

use crate::common;

use libseccomp::{ScmpArch, ScmpSyscall};
use predicates::str::contains;
use seccompose::catalog::{format_value, parse_value, Catalog, Risk, CATALOG_ARCHES};
use seccompose::profile::Arch;

#[test]
fn every_syscall_has_category_summary_and_signature() {
    assert!(Catalog.syscalls().len() >= 500);
    for s in Catalog.syscalls() {
        assert!(
            !s.summary().is_empty() && s.summary().ends_with('.'),
            "{}",
            s.name()
        );
        assert!(
            s.signature().contains(&format!("{}(", s.name())),
            "{}: {}",
            s.name(),
            s.signature()
        );
        assert!(
            s.risk == Risk::Low || !s.risk_reason().is_empty(),
            "{}",
            s.name()
        );
        let _ = s.category();
    }
    for name in [
        "mseal",
        "listmount",
        "statmount",
        "lsm_get_self_attr",
        "setxattrat",
        "uretprobe",
        "fchmodat2",
        "map_shadow_stack",
        "cachestat",
        "futex_wake",
        "file_getattr",
        "socketcall",
        "ipc",
        "_llseek",
        "arm_fadvise64_64",
        "riscv_flush_icache",
        "s390_runtime_instr",
    ] {
        assert!(Catalog.syscall(name).is_some(), "{name} missing");
    }
    let ptrace = Catalog.syscall("ptrace").unwrap();
    assert_eq!(ptrace.risk, Risk::High);
    assert!(
        ptrace.args()[1].name() == "pid" && !ptrace.args()[1].pointer && ptrace.args()[2].pointer
    );
}

fn scmp_arch(a: Arch) -> Option<ScmpArch> {
    Some(match a.short_name() {
        "x86_64" => ScmpArch::X8664,
        "x86" => ScmpArch::X86,
        "x32" => ScmpArch::X32,
        "aarch64" => ScmpArch::Aarch64,
        "arm" => ScmpArch::Arm,
        "riscv64" => ScmpArch::Riscv64,
        "ppc64le" => ScmpArch::Ppc64Le,
        "s390x" => ScmpArch::S390X,
        _ => return None, // libseccomp 2.5 has no loongarch64
    })
}

#[test]
fn numbers_agree_with_libseccomp() {
    let mut compared = 0;
    for s in Catalog.syscalls() {
        for arch in CATALOG_ARCHES {
            let Some(sa) = scmp_arch(arch) else { continue };
            let Ok(sys) = ScmpSyscall::from_name_by_arch(s.name(), sa) else {
                continue;
            };
            let theirs = i32::from(sys);
            if theirs < 0 {
                continue; // libseccomp's pseudo-number: it does not know the call on this arch
            }
            assert_eq!(
                s.number(arch),
                Some(theirs as u32),
                "{} on {arch}",
                s.name()
            );
            assert!(Catalog.name_of(arch, theirs as u32).is_some());
            compared += 1;
        }
    }
    assert!(compared > 2500, "compared only {compared}");
    assert_eq!(Catalog.name_of(Arch::X86_64, 257), Some("openat"));
    assert_eq!(
        Catalog.syscall("mseal").unwrap().number(Arch::X86_64),
        Some(462)
    );
}

#[test]
fn groups_and_families_refer_to_real_syscalls() {
    for g in Catalog.groups() {
        assert!(g.members().count() > 0, "{}", g.name());
    }
    let chmod = Catalog.syscall("chmod").unwrap();
    let sibs: Vec<_> = chmod.siblings().iter().map(|s| s.name()).collect();
    assert!(
        sibs.contains(&"fchmodat") && sibs.contains(&"fchmodat2"),
        "{sibs:?}"
    );
    assert!(Catalog
        .group("@file-system")
        .unwrap()
        .members()
        .any(|s| s.name() == "openat"));
    assert!(Catalog
        .group("%network")
        .unwrap()
        .members()
        .any(|s| s.name() == "connect"));
    assert!(Catalog
        .syscall("openat")
        .unwrap()
        .groups()
        .any(|g| g.name() == "%file"));
}

#[test]
fn constants_parse_both_ways() {
    let mut checked = 0;
    for set in Catalog.constant_sets() {
        for c in set.values() {
            let shown = format_value(c.value, set);
            assert_eq!(
                parse_value(&shown, Some(set)),
                Ok(c.value),
                "{} in {}",
                c.name(),
                set.id()
            );
            assert_eq!(parse_value(c.name(), Some(set)), Ok(c.value));
            checked += 1;
        }
    }
    assert!(checked > 600);
    let clone = Catalog.constant_set("clone_flags").unwrap();
    assert_eq!(parse_value("CLONE_NEWUSER", Some(clone)), Ok(0x1000_0000));
    assert_eq!(
        format_value(0x1000_0000 | 0x2000_0000, clone),
        "CLONE_NEWUSER|CLONE_NEWPID"
    );
    let st = Catalog.constant_set("socket_type").unwrap();
    assert_eq!(format_value(1 | 0x80000, st), "SOCK_STREAM|SOCK_CLOEXEC");
    assert_eq!(
        parse_value("SOCK_STREAM|SOCK_CLOEXEC", Some(st)),
        Ok(0x80001)
    );
    assert_eq!(parse_value("0x10 | 0b1 | 0o2 | 4", None), Ok(0x17));
    assert!(parse_value("CLONE_NOPE", Some(clone)).is_err());
    assert!(parse_value("99999999999999999999999", None).is_err());
    assert_eq!(Catalog.errno_value("EACCES"), Some(13));
}

#[test]
fn man_shows_system_page_or_catalog_text() {
    let have_page = std::process::Command::new("man")
        .args(["-w", "2", "openat"])
        .output()
        .is_ok_and(|o| o.status.success());
    if have_page {
        common::seccompose()
            .args(["man", "openat"])
            .assert()
            .success()
            .stdout(contains("SYNOPSIS"));
    }
    let empty = tempfile::tempdir().unwrap();
    common::seccompose()
        .args(["man", "openat"])
        .env("MANPATH", empty.path())
        .assert()
        .success()
        .stdout(contains("int openat(int dirfd"))
        .stdout(contains("manpages-dev"));
    common::seccompose()
        .args(["man", "opnat"])
        .assert()
        .code(1)
        .stderr(contains("did you mean \"openat\""));
}

/// In Portuguese, `man` shows the system's Brazilian page where there is one (Debian's
/// manpages-pt-br-dev has rmdir(2), installed by .ci/run), the English page where there is
/// none, and the catalog's words in Portuguese where the system has no page at all.
#[test]
fn man_in_portuguese_where_the_system_has_it() {
    let man = |lang: &str, name: &str, manpath: Option<&std::path::Path>| {
        let mut cmd = common::seccompose();
        cmd.args(["man", name, "--width", "80"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang);
        if let Some(p) = manpath {
            cmd.env("MANPATH", p);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let empty = tempfile::tempdir().unwrap();
    let fallback = man("pt_BR.UTF-8", "mkdir", Some(empty.path()));
    assert!(
        fallback.contains("Nenhuma página de manual de mkdir")
            && fallback.contains("int mkdir(const char *pathname, mode_t mode)"),
        "{fallback}"
    );
    let english = man("C.UTF-8", "mkdir", Some(empty.path()));
    assert!(english.contains("No manual page for mkdir"), "{english}");
    if !std::path::Path::new("/usr/share/man/pt_BR/man2/rmdir.2.gz").exists() {
        common::skipped("no Brazilian rmdir(2) here (Debian: apt install manpages-pt-br-dev)");
        return;
    }
    let heading = |page: &str, h: &str| page.lines().any(|l| l == h);
    let pt = man("pt_BR.UTF-8", "rmdir", None);
    assert!(heading(&pt, "NOME") && heading(&pt, "DESCRIÇÃO"), "{pt}");
    let en = man("C.UTF-8", "rmdir", None);
    assert!(heading(&en, "NAME") && !heading(&en, "NOME"), "{en}");
}

#[test]
fn syscalls_cli_json_and_filters() {
    let out = common::seccompose()
        .args([
            "syscalls",
            "--json",
            "--category",
            "network",
            "--arch",
            "x86_64",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    let connect = items
        .iter()
        .find(|i| i["name"] == "connect")
        .expect("connect is networking");
    assert_eq!(connect["numbers"]["x86_64"], 42);
    for key in [
        "category",
        "tags",
        "summary",
        "signature",
        "args",
        "risk",
        "siblings",
    ] {
        assert!(connect.get(key).is_some(), "{key}");
    }
    assert!(items.iter().all(|i| i["category"] == "network"));
    common::seccompose()
        .args(["syscalls", "--category", "nope"])
        .assert()
        .code(1)
        .stderr(contains("unknown category"));
}

/// Every text the catalog has in English is written in Brazilian Portuguese too: the 507
/// summaries, the risk reasons, the categories, groups and families (assets/catalog/pt-BR).
/// Each reads as a sentence like its English one and is not the English left in place.
#[test]
fn every_text_of_the_catalog_is_written_in_portuguese() {
    use seccompose::catalog::Language;
    let missing = Catalog.missing_texts(Language::PtBr);
    assert!(missing.is_empty(), "not written in pt-BR: {missing:#?}");
    let pt = Language::PtBr;
    let mut texts: Vec<(String, &str, &str)> = Vec::new();
    for s in Catalog.syscalls() {
        texts.push((s.name().to_string(), s.summary(), s.summary_in(pt)));
        texts.push((s.name().to_string(), s.risk_reason(), s.risk_reason_in(pt)));
    }
    for c in Catalog.categories() {
        texts.push((c.id().to_string(), c.title(), c.title_in(pt)));
        texts.push((c.id().to_string(), c.about(), c.about_in(pt)));
    }
    for g in Catalog.groups() {
        texts.push((g.name().to_string(), g.about(), g.about_in(pt)));
    }
    for f in Catalog.families() {
        texts.push((f.name().to_string(), f.about(), f.about_in(pt)));
    }
    for (name, english, portuguese) in texts.into_iter().filter(|(_, en, _)| !en.is_empty()) {
        assert_ne!(
            english, portuguese,
            "{name}: the English text left in place"
        );
        assert_eq!(
            english.ends_with('.'),
            portuguese.ends_with('.'),
            "{name}: {portuguese:?}"
        );
    }
}
