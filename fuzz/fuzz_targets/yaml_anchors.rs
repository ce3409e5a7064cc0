//! YAML built from anchors and aliases, nested and fanned out as the input bytes decide: the
//! shapes that once copied anchors at every level ("billion laughs" and deep nesting without
//! any alias). Every document gets a knowledge base or diagnostics, within the alias budget
//! and the depth limit: never a panic, a stack overflow, or memory beyond libFuzzer's limit.
#![no_main]

use std::fmt::Write;

use libfuzzer_sys::fuzz_target;
use neurosteroid::{Format, Level};

fuzz_target!(|data: &[u8]| {
    let mut yaml = String::from("schema_version: \"1.1.0\"\nas_of: \"2026-01-31\"\n");
    let mut anchors = 0usize;
    let mut depth = 0usize;
    for (i, &b) in data.iter().take(4096).enumerate() {
        let indent = "  ".repeat(depth + 1);
        match b % 6 {
            // Open a nested mapping under an anchor.
            0 | 1 => {
                let _ = writeln!(yaml, "{}k{i}: &a{anchors}", indent.trim_end_matches("  "));
                anchors += 1;
                depth += 1;
            }
            // A flow sequence of aliases to earlier anchors: the fan-out of a laugh.
            2 if anchors > 0 => {
                let n = usize::from(b / 6) % 12 + 1;
                let items: Vec<String> = (0..n).map(|j| format!("*a{}", (usize::from(b) + j) % anchors)).collect();
                let _ = writeln!(yaml, "{indent}k{i}: [{}]", items.join(", "));
            }
            // A scalar, so that every anchored mapping has content.
            3 => {
                let _ = writeln!(yaml, "{indent}k{i}: v{b}");
            }
            // Close a level.
            4 => depth = depth.saturating_sub(1),
            // A deep flow collection with no alias at all.
            _ => {
                let n = usize::from(b / 6) * 4;
                let _ = writeln!(yaml, "{indent}k{i}: {}{}", "[".repeat(n), "]".repeat(n));
            }
        }
        if depth == 0 {
            depth = 1;
            let _ = writeln!(yaml, "top{i}:");
        }
    }
    let _ = neurosteroid::validate(yaml.as_bytes(), Format::Yaml, Level::Full);
});
