//! The README's and the documentation site's tables of diagnostic codes list every code, with
//! its documentation (`Code::ALL`, declared once in `src/diagnostic.rs`).

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::Path;

fn table() -> String {
    let mut s = String::from("| code | meaning | what to do |\n|---|---|---|\n");
    for c in neurosteroid::Code::ALL {
        s.push_str(&format!("| `{}` | {} | {} |\n", c.as_str(), c.description(), c.help()));
    }
    s
}

/// Checks that the table between the markers of a Markdown file is `table()`; with
/// `UPDATE_README=1` set, rewrites it instead.
fn check_table(relative: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("<!-- codes:start -->\n").unwrap() + "<!-- codes:start -->\n".len();
    let end = text.find("<!-- codes:end -->").unwrap();
    let expected = table();
    if text[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(&path, format!("{}{}{}", &text[..start], expected, &text[end..])).unwrap();
            return;
        }
        panic!(
            "{relative}'s diagnostic-code table is out of date; run `UPDATE_README=1 cargo test -p neurosteroid --test readme`. Expected:\n{expected}"
        );
    }
}

#[test]
fn readme_lists_every_diagnostic_code() {
    check_table("../../README.md");
}

#[test]
fn documentation_site_lists_every_diagnostic_code() {
    check_table("../../docs/diagnostics.md");
}

/// The README's Rust example prints the evidence direction of every answer it prints: each
/// link through `Display` (which states the direction, tested in tests/evidence.rs) and each
/// claim with its `direction`. (The example itself runs as a doctest of the crate.)
#[test]
fn readme_rust_example_prints_the_direction() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    let start = text.find("## Rust\n").unwrap();
    let block = &text[start..];
    let block = &block[block.find("```rust\n").unwrap()..];
    let block = &block[..block[3..].find("```").unwrap()];
    let printing_links = block.lines().filter(|l| l.contains("println!(\"{link}\")")).count();
    assert!(
        printing_links >= 1,
        "the example should print each link with its direction:\n{block}"
    );
    assert!(
        block.contains("claim.direction"),
        "the example should print each claim's direction:\n{block}"
    );
    assert!(
        block.contains(".supporting()"),
        "the example should show how to keep only supported links"
    );
}
