//! `syscalls` and `man`.

use anyhow::bail;
use seccompose::catalog::{man, Catalog, Syscall, CATALOG_ARCHES};
use seccompose::msg;
use seccompose::profile::Arch;
use serde_json::json;
use std::io::IsTerminal;
use std::process::ExitCode;

fn selection(arch: Option<&str>, category: Option<&str>) -> anyhow::Result<Vec<&'static Syscall>> {
    let arch = match arch {
        Some(a) => match Arch::parse(a).filter(|a| CATALOG_ARCHES.contains(a)) {
            Some(a) => Some(a),
            None => bail!(msg!(
                "cli-catalog-unknown-arch",
                name = a,
                arches = CATALOG_ARCHES.map(|a| a.short_name()).join(", ")
            )),
        },
        None => None,
    };
    let mut list: Vec<&'static Syscall> = match category {
        None => Catalog.syscalls().iter().collect(),
        Some(c) => match (Catalog.category(c), Catalog.group(c)) {
            (Some(cat), _) => Catalog.in_category(cat).collect(),
            (None, Some(g)) => g.members().collect(),
            (None, None) => {
                let ids: Vec<_> = Catalog.categories().iter().map(|c| c.id()).collect();
                bail!(msg!(
                    "cli-catalog-unknown-category",
                    name = c,
                    ids = ids.join(", ")
                ))
            }
        },
    };
    if let Some(arch) = arch {
        list.retain(|s| s.number(arch).is_some());
    }
    list.sort_by_key(|s| s.name());
    Ok(list)
}

pub fn syscalls(
    arch: Option<&str>,
    category: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let list = selection(arch, category)?;
    if json {
        let items: Vec<_> = list.iter().map(|s| to_json(s)).collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else {
        // The listing is for people, so its summaries follow the locale as `apt-cache search`
        // descriptions do; --json stays in English whatever the locale, for scripts.
        let lang = seccompose::i18n::language();
        for s in list {
            println!(
                "{:<24} {:<9} {:<6} {}",
                s.name(),
                s.category().id(),
                s.risk.name(),
                s.summary_in(lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(s: &Syscall) -> serde_json::Value {
    let numbers: serde_json::Map<String, serde_json::Value> = CATALOG_ARCHES
        .iter()
        .filter_map(|a| s.number(*a).map(|n| (a.short_name().to_string(), json!(n))))
        .collect();
    json!({
        "name": s.name(),
        "category": s.category().id(),
        "tags": s.groups().map(|g| g.name()).collect::<Vec<_>>(),
        "summary": s.summary(),
        "signature": s.signature(),
        "args": s.args().iter().map(|a| json!({
            "name": a.name(), "type": a.ty(), "pointer": a.pointer, "constants": a.constants(),
        })).collect::<Vec<_>>(),
        "risk": s.risk.name(),
        "risk_reason": (!s.risk_reason().is_empty()).then_some(s.risk_reason()),
        "cap": s.cap(),
        "siblings": s.siblings().iter().map(|x| x.name()).collect::<Vec<_>>(),
        "numbers": numbers,
    })
}

pub fn man(name: &str, width: Option<u16>) -> anyhow::Result<ExitCode> {
    if Catalog.syscall(name).is_none() {
        bail!(match Catalog.suggest(name) {
            Some(s) => msg!("cli-unknown-syscall-hint", name = name, hint = s),
            None => msg!("cli-unknown-syscall", name = name),
        });
    }
    let width = width.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(80)
        } else {
            80
        }
    });
    print!(
        "{}",
        man::page(name, width, seccompose::i18n::language()).text
    );
    Ok(ExitCode::SUCCESS)
}
