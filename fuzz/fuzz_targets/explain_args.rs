//! `explain`'s argument parser (numbers in any base, constants, `A|B`) on arbitrary text, in
//! every constant set of the catalog: a value or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccompose::catalog::{parse_value, Catalog};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let sets = Catalog.constant_sets();
    let set = sets.get(usize::from(pick) % (sets.len() + 1));
    let _ = parse_value(text, set);
});
