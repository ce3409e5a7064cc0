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
