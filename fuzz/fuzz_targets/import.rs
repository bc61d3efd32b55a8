//! The importers on arbitrary text, through the entry point `seccompose FILE` and `convert`
//! use (`formats::detect` + `formats::import`, then `Source` for the save): an OCI runtime
//! `config.json` with `linux.seccomp`, and Security Profiles Operator manifests (YAML). Never
//! a panic; bad input is an error diagnostic, never a profile. A profile that imports reads
//! back the same from its own text, and a save of it (unchanged, or edited) writes text that
//! reads back as exactly the profile saved. `convert --to oci --patch` with the input as the
//! configuration patches in a profile that reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccompose::catalog::Catalog;
use seccompose::profile::formats::{self, Container, Format};
use seccompose::profile::{self, has_errors, Action, Edit, Profile, Source, Target};
use std::path::Path;

/// Reads `text` back the way a save is checked: in the container it was found in.
fn reimport(text: &str, container: &Container) -> Option<Profile> {
    let name = match container {
        Container::Spo { name } => Some(name.as_str()),
        _ => None,
    };
    formats::import(text, container.format(), name, &Catalog)
        .parsed
        .profile
}

/// A save of `edited` into `source` must read back as exactly `edited`.
fn saves_faithfully(source: &Source, edited: &Profile) {
    let (text, rendering) = source.render(edited, &Catalog);
    let back = reimport(&text, source.container())
        .unwrap_or_else(|| panic!("the saved text ({rendering:?}) loads again:\n{text}"));
    assert_eq!(
        profile::to_value(&back),
        profile::to_value(edited),
        "the saved text ({rendering:?}) means the profile saved:\n{text}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    // Not UTF-8: `open` hands such bytes to the JSON loader, which the `profile` target covers.
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Bit 2: the first line is the manifest name given with `--name`.
    let (name, text) = match (pick & 4 != 0, text.split_once('\n')) {
        (true, Some((name, body))) => (Some(name), body),
        _ => (None, text),
    };
    let format = match pick & 3 {
        0 => Format::Oci,
        1 => Format::Spo,
        2 => formats::detect(Some(Path::new("config.json")), text),
        _ => formats::detect(Some(Path::new("profile.yaml")), text),
    };

    // `convert --to oci --patch CONFIG`: the input is the configuration.
    let patched_in = profile::to_value(&seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog));
    if let Ok(patched) = formats::patch_config(text, &patched_in) {
        let back = reimport(&patched, &Container::OciConfig)
            .unwrap_or_else(|| panic!("a patched configuration loads:\n{patched}"));
        assert_eq!(
            profile::to_value(&back),
            patched_in,
            "the patch holds the profile"
        );
    }

    let imported = formats::import(text, format, name, &Catalog);
    let parsed = imported.parsed;
    let Some(p) = parsed.profile else {
        assert!(
            has_errors(&parsed.diagnostics),
            "no profile, so an error says why"
        );
        return;
    };
    // What `convert` and the editor do with an imported profile.
    let target = Target::host();
    let _ = seccompose::lint::lint(&p, &target);
    let resolved = formats::resolve(&p, &target);
    let _ = formats::spec_limits(&resolved.profile);
    let _ = formats::manifest(&resolved.profile, "fuzz", Some("default"));
    let _ = formats::systemd_unit(&p, &target, &Catalog, "fuzz");

    let source = Source::in_container(text.to_string(), &p, imported.container.clone());
    let again = source
        .saved_profile(&Catalog)
        .expect("the text loads again");
    assert_eq!(again, p, "the same text reads as the same profile");
    saves_faithfully(&source, &p);
    let mut edited = p.clone();
    let edits = [
        Edit::SetAction {
            names: vec!["getpid".into()],
            action: Some(Action::Log),
            errno: None,
        },
        Edit::SetDefault {
            action: Action::KillProcess,
            errno: None,
        },
    ];
    for edit in &edits[..=usize::from(pick >> 3) % edits.len()] {
        let _ = edit.apply(&mut edited);
    }
    saves_faithfully(&source, &edited);
});
