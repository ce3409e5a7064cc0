//! Any bytes as a YAML document: a knowledge base or diagnostics, never a panic, and alias
//! expansion stays within its budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use neurosteroid::{Format, Level};

fuzz_target!(|data: &[u8]| {
    let _ = neurosteroid::validate(data, Format::Yaml, Level::Full);
});
