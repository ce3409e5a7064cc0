//! The README's table of diagnostic codes lists every code, with its documentation.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::Path;

fn table() -> String {
    let mut s = String::from("| code | meaning | what to do |\n|---|---|---|\n");
    for c in neurosteroid::Code::ALL {
        s.push_str(&format!("| `{}` | {} | {} |\n", c.as_str(), c.description(), c.help()));
    }
    s
}

#[test]
fn readme_lists_every_diagnostic_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find("<!-- codes:start -->\n").unwrap() + "<!-- codes:start -->\n".len();
    let end = readme.find("<!-- codes:end -->").unwrap();
    let expected = table();
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(&path, format!("{}{}{}", &readme[..start], expected, &readme[end..])).unwrap();
            return;
        }
        panic!(
            "README.md's diagnostic-code table is out of date; run `UPDATE_README=1 cargo test -p neurosteroid --test readme`. Expected:\n{expected}"
        );
    }
}
