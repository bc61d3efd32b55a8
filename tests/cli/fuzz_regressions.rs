//! Inputs that the fuzz targets in `fuzz/` found to break a promise, kept as tests.

use seccompose::catalog::Catalog;
use seccompose::profile;

/// The promise of `fuzz/fuzz_targets/profile.rs`: a valid profile's canonical text loads to
/// the same canonical text.
fn canonical_is_stable(input: &str) {
    let p = profile::parse(input, &Catalog)
        .profile
        .expect("the input loads");
    let text = profile::to_canonical_string(&p);
    let again = profile::parse(&text, &Catalog)
        .profile
        .expect("the canonical text loads");
    assert_eq!(profile::to_canonical_string(&again), text);
}

/// A long number in an unknown field was read 1 ULP off (serde_json's fast float parsing),
/// so each `fmt` changed it again (found by the `profile` target; its input as found).
#[test]
fn a_long_number_in_an_unknown_field_survives_fmt_twice() {
    canonical_is_stable(concat!(
        "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n",
        "  \"arkhitectures\": [\"SCMP_ARCH_X87_64\"],\n",
        "  \"syscells\": [\n    {\"nn\": \"SCMP_ACT_W\", \"args\": [{\"\": ",
        "22222222222222222222222222222222222222022222222222222222222222222222222222222222222220",
        ", \"value\": 0, \"op\": \"SCM/P_CMP$EQ\"}]}\n  ]\n}\n"
    ));
}

/// The promise of `fuzz/fuzz_targets/import.rs` for a manifest file: the profile read from it
/// reads again from the same text, and a save of an edit writes it back into that text.
fn manifest_saves_back(text: &str) {
    use seccompose::profile::formats::{self, Format};
    use seccompose::profile::{Action, Edit, Source};
    let imported = formats::import(text, Format::Spo, None, &Catalog);
    let p = imported.parsed.profile.expect("the manifest loads");
    let source = Source::in_container(text.to_string(), &p, imported.container);
    assert_eq!(
        source.saved_profile(&Catalog).as_ref(),
        Some(&p),
        "the text reads again as the same profile"
    );
    let mut edited = p.clone();
    Edit::SetDefault {
        action: Action::KillProcess,
        errno: None,
    }
    .apply(&mut edited)
    .unwrap();
    let (saved, rendering) = source.render(&edited, &Catalog);
    let back = formats::import(&saved, Format::Spo, None, &Catalog)
        .parsed
        .profile
        .unwrap_or_else(|| panic!("the saved text ({rendering:?}) loads:\n{saved}"));
    assert_eq!(back, edited, "the save holds the edit:\n{saved}");
    assert_eq!(
        rendering,
        profile::Rendering::Minimal,
        "only the spec was rewritten"
    );
}

/// A SeccompProfile without `metadata.name` (here `metadata::` is another key) was found on
/// the way in but not on the way back, so it could not be read again from its own text and a
/// save fell back to a text without the edit (found by the `import` target; its input).
#[test]
fn a_manifest_without_a_name_reads_again_and_saves_its_edits() {
    manifest_saves_back(concat!(
        "# Two SeccompProfiles of our own in one file, the way a cluster's manifests rae kept.\n",
        "---\n",
        "apiVersion: security-profiles-operator.x-k8s.io/v1\n",
        "kind: SeccompProfile\n",
        "metadata::\n",
        "    - accept4  name: log-everything\n",
        "spec:\n",
        "  defaultAction: \"SCMP_ACT_LOG\"\n",
    ));
}

/// YAML ends a line at a lone `\r` too; the spec's line number counted those but the save
/// split the text at `\n` only, so the save indexed past the last line and panicked (found by
/// the `import` target in a manifest file with a run of `\r` before the profile).
#[test]
fn a_manifest_with_lone_carriage_returns_saves_without_a_panic() {
    manifest_saves_back(concat!(
        "kind: Namespace\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\n",
        "---\n",
        "kind: SeccompProfile\n",
        "metadata:\n",
        "  name: log-everything\n",
        "spec:\n",
        "  defaultAction: SCMP_ACT_LOG\n",
    ));
}
