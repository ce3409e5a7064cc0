//! Any bytes as a JSON document, at both levels: a knowledge base or diagnostics, never a
//! panic; every diagnostic's path is a JSON Pointer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use neurosteroid::{Format, Level};

fuzz_target!(|data: &[u8]| {
    for level in [Level::Schema, Level::Full] {
        for d in neurosteroid::validate(data, Format::Json, level) {
            assert!(d.path.is_empty() || d.path.starts_with('/'));
        }
    }
});
