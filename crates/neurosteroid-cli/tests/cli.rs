//! The `neurosteroid` command as a user runs it: exit codes, output formats, file:line:col.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::Path;
use std::process::Output;

use neurosteroid_test_support::{self as support, root};

fn run(args: &[&str]) -> Output {
    support::run(env!("CARGO_BIN_EXE_neurosteroid"), args)
}

use support::stdout;

#[test]
fn validate_exit_codes() {
    assert_eq!(
        run(&[
            "validate",
            "tests/vectors/valid/base.json",
            "tests/vectors/valid/base.yaml"
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        run(&[
            "validate",
            "tests/vectors/valid/base.json",
            "tests/vectors/invalid/dangling-reference.json"
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        run(&["validate", "tests/vectors/no-such-file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["validate"]).status.code(), Some(2), "usage error");
    assert_eq!(run(&["validate", "--level", "bogus", "x.json"]).status.code(), Some(2));
}

#[test]
fn validate_human_output_names_file_line_column_and_hint() {
    let o = run(&["validate", "tests/vectors/invalid/dangling-reference.json"]);
    let out = stdout(&o);
    assert!(out.contains("tests/vectors/invalid/dangling-reference.json:"), "{out}");
    assert!(out.contains("error[dangling-reference]"), "{out}");
    assert!(out.contains("at /reactions/0/enzyme"), "{out}");
    assert!(out.contains("hint: did you mean `enzyme-x`?"), "{out}");
    let line = out.lines().find(|l| l.contains("dangling-reference")).unwrap();
    let parts: Vec<&str> = line.split(':').collect();
    assert!(
        parts[1].parse::<usize>().unwrap() > 1 && parts[2].parse::<usize>().unwrap() >= 1,
        "{line}"
    );
}

#[test]
fn validate_json_output_is_machine_readable() {
    let o = run(&[
        "validate",
        "--format",
        "json",
        "--level",
        "schema",
        "tests/vectors/invalid/semantic-only-placeholder.json",
        "tests/vectors/invalid/bad-id.json",
    ]);
    assert_eq!(o.status.code(), Some(2)); // one file is missing: I/O error wins
    let o = run(&[
        "validate",
        "--format",
        "json",
        "tests/vectors/invalid/bad-id.json",
        "tests/vectors/valid/minimal.json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["valid"], false);
    assert_eq!(v[0]["diagnostics"][0]["code"], "pattern");
    assert_eq!(v[0]["diagnostics"][0]["path"], "/effects/0/id");
    assert!(v[0]["diagnostics"][0]["location"]["line"].as_u64().unwrap() > 1);
    assert_eq!(v[1]["valid"], true);
}

#[test]
fn semantic_vectors_pass_schema_level_but_not_full() {
    let f = "tests/vectors/invalid/pathway-cycle.json";
    assert_eq!(run(&["validate", "--level", "schema", f]).status.code(), Some(0));
    assert_eq!(run(&["validate", "--level", "full", f]).status.code(), Some(1));
}

#[test]
fn kb_flag_uses_a_document() {
    let o = run(&[
        "--kb",
        "tests/vectors/valid/base.yaml",
        "pathway",
        "compound c",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["steps"][0]["substrate"]["id"], "compound-a");
    assert_eq!(v["steps"][1]["isoforms"][0]["symbol"], "GENEY1");
    let o = run(&["--kb", "tests/vectors/valid/base.json", "show", "nothing-like-this"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no entity matches"));
    let o = run(&["--kb", "tests/vectors/invalid/bad-id.json", "show", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/effects/0/id"));
}

#[test]
fn export_round_trips_and_schema_prints() {
    let o = run(&["--kb", "tests/vectors/valid/base.json", "export"]);
    // Equal as documents (200 and 200.0 are the same number).
    let exported = neurosteroid::KnowledgeBase::from_json(&stdout(&o)).unwrap();
    let original = neurosteroid::KnowledgeBase::from_json(
        &std::fs::read_to_string(root().join("tests/vectors/valid/base.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(exported, original);
    let o = run(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["title"], "neurosteroid knowledge base");
    let scratch = support::scratch("schema");
    let dir = scratch.path().join("schema");
    assert_eq!(run(&["schema", "--out", dir.to_str().unwrap()]).status.code(), Some(0));
    assert!(neurosteroid_schema_files_equal(&dir));
}

fn neurosteroid_schema_files_equal(dir: &Path) -> bool {
    std::fs::read_dir(root().join("schema")).unwrap().all(|e| {
        let p = e.unwrap().path();
        std::fs::read(&p).unwrap() == std::fs::read(dir.join(p.file_name().unwrap())).unwrap()
    })
}

#[test]
fn yaml_diagnostics_have_line_and_column() {
    let dir = support::scratch("yaml");
    let file = dir.path().join("kb.yaml");
    std::fs::write(
        &file,
        "schema_version: \"1.0.0\"\nas_of: \"2026-01-31\"\ncompounds:\n  - id: a\n    name: A\n    colour: blue\n",
    )
    .unwrap();
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // At the key (`colour`), not at its value.
    assert!(out.contains("kb.yaml:6:5: error[unknown-field]"), "{out}");
}

#[test]
fn output_files_are_written_atomically() {
    let scratch = support::scratch("atomic");
    let dir = scratch.path();
    let target = dir.join("sheet.md");
    let o = run(&[
        "--kb",
        "tests/vectors/valid/base.json",
        "render",
        "compound-c",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let good = std::fs::read(&target).unwrap();
    assert!(String::from_utf8_lossy(&good).starts_with("# Compound C"));
    // A failed render leaves the good file as it was, and no temporary file behind.
    let o = run(&[
        "--kb",
        "tests/vectors/valid/base.json",
        "render",
        "no-such-thing",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&target).unwrap(), good);
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}
