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
