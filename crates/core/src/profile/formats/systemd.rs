//! systemd unit settings from a profile's effective policy: `SystemCallArchitectures=`,
//! `SystemCallErrorNumber=` and `SystemCallFilter=` (with `@set` names where a whole set
//! matches). systemd filters by name only, with one default; what it cannot say (argument
//! rules, per-call errno in an allow list, TRAP/LOG/NOTIFY/TRACE, kill-thread) is listed.

use crate::profile::effective::{policy, Verdict};
use crate::profile::model::Profile;
use crate::profile::target::Target;
use crate::profile::vocab::{Action, Arch};
use crate::text;
use std::collections::{BTreeMap, BTreeSet};

/// What the systemd writer needs to know about syscalls (the catalog provides it).
pub trait Sets {
    /// systemd's `@` sets: each name with its syscalls (nested sets expanded).
    fn systemd_sets(&self) -> Vec<(&'static str, Vec<&'static str>)>;
    /// Whether `arch` has a syscall of this name.
    fn exists_on(&self, name: &str, arch: Arch) -> bool;
    /// The name of an errno value (`EPERM` for 1).
    fn errno_name(&self, value: u64) -> Option<&'static str>;
}

/// The settings, and what they cannot express.
#[derive(Debug, Clone)]
pub struct SystemdUnit {
    /// The lines: comments, `[Service]`, the settings, then comments listing the losses.
    pub text: String,
    /// One line per thing systemd does differently from the profile (in English in `text`).
    pub lossy: Vec<crate::i18n::Text>,
}

/// systemd's name for an architecture.
fn arch_name(a: Arch) -> String {
    let scmp = a.scmp_name().trim_start_matches("SCMP_ARCH_");
    match scmp {
        "X86_64" => "x86-64".into(),
        "AARCH64" => "arm64".into(),
        "PPC64LE" => "ppc64-le".into(),
        "MIPSEL" => "mips-le".into(),
        "MIPSEL64" => "mips64-le".into(),
        "MIPS64N32" => "mips64-n32".into(),
        "MIPSEL64N32" => "mips64-le-n32".into(),
        other => other.to_ascii_lowercase(),
    }
}

const LINE: usize = 100;

/// `key=` lines holding `tokens`, wrapped near 100 columns (systemd merges repeated lines).
fn lines(out: &mut String, key: &str, prefix: &str, tokens: &[String]) {
    let mut line = String::new();
    for t in tokens {
        if !line.is_empty() && key.len() + line.len() + t.len() + 2 > LINE {
            out.push_str(&format!("{key}={prefix}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(t);
    }
    if !line.is_empty() {
        out.push_str(&format!("{key}={prefix}{line}\n"));
    }
}

/// `names` written with `@set` names where every member of a set that exists on `arches` is
/// in `names`, largest sets first; the rest one by one.
fn cover(names: &BTreeSet<&str>, sets: &dyn Sets, arches: &[Arch]) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<&str>)> = sets
        .systemd_sets()
        .into_iter()
        .map(|(g, members)| {
            let relevant = members
                .into_iter()
                .filter(|m| arches.iter().any(|a| sets.exists_on(m, *a)))
                .collect::<Vec<_>>();
            (g, relevant)
        })
        .filter(|(_, m)| m.len() >= 2 && m.iter().all(|n| names.contains(n)))
        .collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut covered: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for (g, members) in groups {
        if members.iter().any(|m| !covered.contains(m)) {
            covered.extend(members);
            out.push(g.to_string());
        }
    }
    out.extend(
        names
            .iter()
            .filter(|n| !covered.contains(*n))
            .map(|n| n.to_string()),
    );
    out
}

fn errno_text(e: u16, sets: &dyn Sets) -> String {
    sets.errno_name(u64::from(e))
        .map_or_else(|| e.to_string(), str::to_string)
}

/// The unit settings for `profile` on `target`; `label` names the profile in the header.
pub fn systemd_unit(
    profile: &Profile,
    target: &Target,
    sets: &dyn Sets,
    label: &str,
) -> SystemdUnit {
    let p = policy(profile, target);
    let mut lossy = Vec::new();
    let kill = |a: Action| matches!(a, Action::KillProcess | Action::KillThread);
    // What systemd will do with each named syscall: one verdict, no arguments.
    let mut plain: BTreeMap<&str, Verdict> = BTreeMap::new();
    for (name, t) in &p.syscalls {
        if !t.when.is_empty() {
            lossy.push(text!(
                "systemd-argument-rules",
                name = name.as_str(),
                treatment = t.to_string(),
                otherwise = t.otherwise.to_string()
            ));
        }
        plain.insert(name, t.otherwise);
    }
    let allow_list = !matches!(p.default.action, Action::Allow | Action::Log);
    let mut out = format!(
        "# systemd unit settings for {label}: its effective policy on {} (kernel {}, {} capabilities)\n\
         # as seccompose reads it. Put them in the unit's [Service] section or in a drop-in.\n\
         # @sets are systemd's groups as seccompose's catalog knows them.\n[Service]\n",
        target.arch,
        target.kernel,
        target.caps.len()
    );
    let others: Vec<String> = p.arches[1..].iter().map(|a| arch_name(*a)).collect();
    out.push_str(&format!(
        "SystemCallArchitectures=native{}{}\n",
        if others.is_empty() { "" } else { " " },
        others.join(" ")
    ));
    if allow_list {
        match p.default.action {
            Action::Errno if p.default.errno == 0 => {
                lossy.push(text!("systemd-default-errno-zero"));
            }
            Action::Errno => out.push_str(&format!(
                "SystemCallErrorNumber={}\n",
                errno_text(p.default.errno, sets)
            )),
            Action::KillProcess => {}
            Action::KillThread => lossy.push(text!("systemd-default-kill-thread")),
            other => lossy.push(text!(
                "systemd-default-no-equivalent",
                action = other.name()
            )),
        }
        let mut allowed: BTreeSet<&str> = BTreeSet::new();
        for (name, v) in &plain {
            match v.action {
                Action::Allow => {
                    allowed.insert(name);
                }
                Action::Log => {
                    allowed.insert(name);
                    lossy.push(text!("systemd-log", name = *name));
                }
                _ if *v == p.default => {}
                _ => lossy.push(text!(
                    "systemd-allow-list-default",
                    name = *name,
                    verdict = v.to_string(),
                    default = p.default.to_string()
                )),
            }
        }
        let implicit: Vec<&str> = sets
            .systemd_sets()
            .into_iter()
            .filter(|(g, _)| *g == "@default")
            .flat_map(|(_, m)| m)
            .filter(|m| p.arches.iter().any(|a| sets.exists_on(m, *a)))
            .filter(|m| !allowed.contains(m))
            .collect();
        if !implicit.is_empty() {
            lossy.push(text!(
                "systemd-implicit-default",
                names = implicit.join(" ")
            ));
        }
        lines(
            &mut out,
            "SystemCallFilter",
            "",
            &cover(&allowed, sets, &p.arches),
        );
    } else {
        if p.default.action == Action::Log {
            lossy.push(text!("systemd-default-logs"));
        }
        let mut killed: BTreeSet<&str> = BTreeSet::new();
        let mut errnos: BTreeMap<u16, BTreeSet<&str>> = BTreeMap::new();
        for (name, v) in &plain {
            match v.action {
                Action::Allow => {}
                Action::Log => lossy.push(text!("systemd-log", name = *name)),
                Action::Errno if v.errno == 0 => {
                    lossy.push(text!("systemd-errno-zero", name = *name))
                }
                Action::Errno => {
                    errnos.entry(v.errno).or_default().insert(name);
                }
                a => {
                    if !kill(a) || a == Action::KillThread {
                        lossy.push(text!(
                            "systemd-kills-instead",
                            name = *name,
                            verdict = v.to_string()
                        ));
                    }
                    killed.insert(name);
                }
            }
        }
        let single = killed.is_empty() && errnos.len() == 1;
        if single {
            let (e, names) = errnos.iter().next().expect("one errno");
            out.push_str(&format!("SystemCallErrorNumber={}\n", errno_text(*e, sets)));
            lines(
                &mut out,
                "SystemCallFilter",
                "~",
                &cover(names, sets, &p.arches),
            );
        } else {
            lines(
                &mut out,
                "SystemCallFilter",
                "~",
                &cover(&killed, sets, &p.arches),
            );
            for (e, names) in &errnos {
                let suffix = format!(":{}", errno_text(*e, sets));
                let tokens: Vec<String> = cover(names, sets, &p.arches)
                    .into_iter()
                    .map(|t| t + &suffix)
                    .collect();
                lines(&mut out, "SystemCallFilter", "~", &tokens);
            }
        }
    }
    if !lossy.is_empty() {
        out.push_str(&format!(
            "#\n# systemd cannot express {} part(s) of this profile:\n",
            lossy.len()
        ));
        for l in &lossy {
            out.push_str(&format!("#   {}\n", l.english()));
        }
    }
    SystemdUnit { text: out, lossy }
}
