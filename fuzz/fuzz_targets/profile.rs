//! The profile loader and validator on arbitrary bytes: never a panic; a profile that loads
//! is linted, and its canonical text loads again to the same profile.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Target};

fuzz_target!(|data: &[u8]| {
    let parsed = profile::parse_bytes(data, &Catalog);
    let Some(p) = parsed.profile else { return };
    let _ = seccompose::lint::lint(&p, &Target::host());
    let text = profile::to_canonical_string(&p);
    let again = profile::parse(&text, &Catalog)
        .profile
        .expect("the canonical text of a valid profile loads");
    assert_eq!(
        profile::to_canonical_string(&again),
        text,
        "canonical form is stable"
    );
});
