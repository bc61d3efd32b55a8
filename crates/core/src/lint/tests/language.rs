//! Findings, fixes and edit labels in each language: the same finding reads in English word for
//! word as it always has and in Portuguese with the same syscall names, counts choosing the
//! plural forms in both.

use super::*;
use crate::lang::Language;
use crate::profile::Edit;

/// The incomplete block of `blocked` denied by an ERRNO rule in an otherwise allowing profile.
fn block_of(blocked: &str) -> Finding {
    let text = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [{{"names": ["{blocked}"], "action": "SCMP_ACT_ERRNO"}}]}}"#
    );
    one(&run(&text), LintId::IncompleteBlock).clone()
}

#[test]
fn a_finding_reads_in_english_as_before_and_in_portuguese_with_the_same_names() {
    let f = block_of("chmod");
    assert_eq!(
        f.message.english(),
        "syscalls[0] blocks chmod with SCMP_ACT_ERRNO (EPERM), but fchmod, fchmodat and \
         fchmodat2 do the same job (chmod family) and are allowed by defaultAction"
    );
    assert_eq!(
        f.message.in_language(Language::PtBr),
        "syscalls[0] bloqueia chmod com SCMP_ACT_ERRNO (EPERM), mas fchmod, fchmodat e \
         fchmodat2 fazem o mesmo trabalho (família chmod) e são permitidas por defaultAction"
    );
    assert_eq!(
        f.help.english(),
        "block fchmod, fchmodat and fchmodat2 too: add them to syscalls[0].names"
    );
    assert_eq!(
        f.help.in_language(Language::PtBr),
        "bloqueie fchmod, fchmodat e fchmodat2 também: acrescente-as a syscalls[0].names"
    );
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(
        fix.label.english(),
        "deny fchmod, fchmodat and fchmodat2 with SCMP_ACT_ERRNO (EPERM)"
    );
    assert_eq!(
        fix.label.in_language(Language::PtBr),
        "negar fchmod, fchmodat e fchmodat2 com SCMP_ACT_ERRNO (EPERM)"
    );
    // What the fix does is the same edit, whatever it is called.
    assert_eq!(fix.edit().label(), fix.label);
    let about = f.id.explanation();
    assert!(about
        .english()
        .contains("blocked chmod, but coreutils calls fchmodat"));
    assert!(about.in_language(Language::PtBr).contains("bloqueou chmod"));
}

/// One sibling or several: the verbs and pronouns agree in both languages.
#[test]
fn counts_choose_the_plural_forms() {
    let f = block_of("mkdir");
    assert_eq!(
        f.message.english(),
        "syscalls[0] blocks mkdir with SCMP_ACT_ERRNO (EPERM), but mkdirat does the same job \
         (mkdir family) and is allowed by defaultAction"
    );
    assert_eq!(
        f.message.in_language(Language::PtBr),
        "syscalls[0] bloqueia mkdir com SCMP_ACT_ERRNO (EPERM), mas mkdirat faz o mesmo \
         trabalho (família mkdir) e é permitida por defaultAction"
    );
    assert_eq!(
        f.help.english(),
        "block mkdirat too: add it to syscalls[0].names"
    );
    assert_eq!(
        f.help.in_language(Language::PtBr),
        "bloqueie mkdirat também: acrescente-a a syscalls[0].names"
    );
}

/// The texts for people follow the thread's language; JSON and SARIF stay English.
#[test]
fn people_get_their_language_and_machines_english() {
    let f = block_of("chmod");
    crate::i18n::set_thread_language(Language::PtBr);
    let rendered = f.render("p.json");
    let json = f.to_json();
    let sarif = sarif(std::slice::from_ref(&f), "p.json");
    crate::i18n::set_thread_language(Language::En);
    assert!(
        rendered.starts_with("p.json:2:16: warning[incomplete-block]: syscalls[0] bloqueia chmod"),
        "{rendered}"
    );
    assert!(
        rendered.contains("\n  ajuda: bloqueie fchmod"),
        "{rendered}"
    );
    assert_eq!(json["message"], f.message.english());
    assert_eq!(json["help"], f.help.english());
    assert_eq!(json["fix"], f.fix.as_ref().unwrap().label.english());
    let result = &sarif["runs"][0]["results"][0];
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("syscalls[0] blocks chmod"));
    let rule = &sarif["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(
        rule["fullDescription"]["text"],
        LintId::IncompleteBlock.explanation().english()
    );
}

/// The edit labels undo and redo show, in both languages.
#[test]
fn edit_labels_in_both_languages() {
    let one = Edit::SetAction {
        names: vec!["chmod".into()],
        action: Some(crate::profile::Action::Errno),
        errno: None,
    };
    assert_eq!(one.label().english(), "set chmod to SCMP_ACT_ERRNO");
    assert_eq!(
        one.label().in_language(Language::PtBr),
        "colocar chmod em SCMP_ACT_ERRNO"
    );
    let back = Edit::SetAction {
        names: vec!["chmod".into(), "fchmod".into()],
        action: None,
        errno: None,
    };
    assert_eq!(
        back.label().english(),
        "set 2 syscalls to the default action"
    );
    assert_eq!(
        back.label().in_language(Language::PtBr),
        "devolver 2 syscalls à ação padrão"
    );
    assert_eq!(Edit::RemoveRule(3).label().english(), "remove rule 3");
    assert_eq!(
        Edit::RemoveRule(3).label().in_language(Language::PtBr),
        "tirar a regra 3"
    );
}

/// A catalog text inside a finding (a risk reason) comes in the finding's language.
#[test]
fn a_risk_reason_comes_in_the_language_of_the_finding() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::DangerousAllow);
    let ptrace = Catalog.syscall("ptrace").expect("known");
    let (en, pt) = (
        ptrace.risk_reason_in(Language::En),
        ptrace.risk_reason_in(Language::PtBr),
    );
    assert_ne!(en, pt, "ptrace's risk reason is written in Portuguese");
    let (in_en, in_pt) = (f.message.english(), f.message.in_language(Language::PtBr));
    assert!(
        in_en.ends_with(&format!("it is high risk: {en}")),
        "{in_en}"
    );
    assert!(
        in_pt.ends_with(&format!("é de alto risco: {pt}")),
        "{in_pt}"
    );
}

/// `lint::list` (the run pane's went-through line names the denied syscalls with it) joins
/// the last name in the reader's language.
#[test]
fn a_list_of_names_ends_in_the_readers_language() {
    use crate::i18n::set_thread_language;
    set_thread_language(Language::PtBr);
    assert_eq!(
        crate::lint::list(&["chmod", "fchmod", "lchown"]),
        "chmod, fchmod e lchown"
    );
    set_thread_language(Language::En);
    assert_eq!(crate::lint::list(&["chmod", "fchmod"]), "chmod and fchmod");
    assert_eq!(crate::lint::list::<&str>(&[]), "");
}
