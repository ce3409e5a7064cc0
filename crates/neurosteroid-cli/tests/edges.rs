//! Issue 13's command-line edges: evidence direction in `query`, standard input, an input
//! syntax that overrides the file name, unreadable files in JSON output, colour control.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::process::Output;

use neurosteroid_test_support::{self as support, root, stdout as text};

fn run_with(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    support::run_with(env!("CARGO_BIN_EXE_neurosteroid"), args, stdin, env)
}

fn run(args: &[&str]) -> Output {
    run_with(args, b"", &[])
}

#[test]
fn query_states_the_direction_and_never_shows_a_contradicted_link_as_support() {
    let o = run(&["query", "conditions", "allopregnanolone"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o);
    let names: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(names.len(), unique.len(), "{out}");
    // Every contradicted claim is printed with `contradicts`, never as support.
    let o = run(&["query", "conditions", "allopregnanolone", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let contradicted: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["claims"].as_array().unwrap().iter())
        .filter(|c| c["direction"] == "contradicts")
        .map(|c| c["statement"].as_str().unwrap().to_owned())
        .collect();
    assert!(!contradicted.is_empty());
    for statement in &contradicted {
        let line = out.lines().find(|l| l.contains(statement.as_str())).unwrap();
        assert!(line.trim_start().starts_with("contradicts"), "{line}");
    }

    let o = run(&["query", "therapies-for", "PTSD", "--supporting-only"]);
    assert!(!text(&o).contains("ganaxolone"), "{}", text(&o));
    let o = run(&["query", "therapies-for", "PTSD", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let g = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "ganaxolone-therapy")
        .unwrap();
    assert_eq!(g["direction"], "contradicts");
    assert_eq!(g["claims"][0]["direction"], "contradicts");
}

/// Every question of `query` states the direction on each entity line and of each claim,
/// and with `--supporting-only` keeps only supported entities and claims.
#[test]
fn every_query_states_the_direction_of_each_answer() {
    const DIRECTIONS: [&str; 4] = ["supports", "mixed", "insufficient", "contradicts"];
    for (question, name) in [
        ("conditions", "allopregnanolone"),
        ("effects", "allopregnanolone"),
        ("raised-by", "allopregnanolone"),
        ("lowered-by", "allopregnanolone"),
        ("therapies-for", "PPD"),
        ("made-by", "5α-reductase"),
        ("acting-on", "GABRD"),
    ] {
        let o = run(&["query", question, name]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{question}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = text(&o);
        let entities: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
        assert!(!entities.is_empty(), "{question}: {out}");
        for l in &entities {
            assert!(
                DIRECTIONS.iter().any(|d| l.contains(&format!(" — {d} ("))),
                "{question}: {l}"
            );
        }
        let o = run(&["query", question, name, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for entry in v.as_array().unwrap() {
            assert!(
                DIRECTIONS.contains(&entry["direction"].as_str().unwrap()),
                "{question}: {entry}"
            );
            for c in entry["claims"].as_array().unwrap() {
                assert!(
                    DIRECTIONS.contains(&c["direction"].as_str().unwrap()),
                    "{question}: {c}"
                );
            }
        }
        let o = run(&["query", question, name, "--supporting-only", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for entry in v.as_array().unwrap() {
            assert_eq!(entry["direction"], "supports", "{question}: {entry}");
            assert!(
                entry["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|c| c["direction"] == "supports"),
                "{question}: {entry}"
            );
        }
    }
}

#[test]
fn validate_reads_standard_input() {
    let base = std::fs::read(root().join("tests/vectors/valid/base.json")).unwrap();
    let o = run_with(&["validate", "-"], &base, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(text(&o).contains("<stdin>: valid"), "{}", text(&o));
    let yaml = std::fs::read(root().join("tests/vectors/valid/base.yaml")).unwrap();
    let o = run_with(&["validate", "-", "--input-format", "yaml"], &yaml, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn input_format_overrides_the_file_name() {
    let dir = support::scratch("edges");
    let txt = dir.path().join("kb.txt");
    std::fs::copy(root().join("tests/vectors/valid/base.yaml"), &txt).unwrap();
    let t = txt.to_str().unwrap();
    let o = run(&["validate", t]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    assert!(
        out.contains("--input-format yaml"),
        "the hint should name --input-format: {out}"
    );
    assert!(!out.contains("fix the JSON syntax"), "{out}");
    let o = run(&["validate", "--input-format", "yaml", t]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn json_output_lists_files_that_could_not_be_read() {
    let o = run(&[
        "validate",
        "--format",
        "json",
        "tests/vectors/valid/base.json",
        "tests/vectors/no-such-file.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2, "{v}");
    assert_eq!(reports[1]["file"], "tests/vectors/no-such-file.json");
    assert_eq!(reports[1]["valid"], false);
    assert_eq!(reports[1]["diagnostics"][0]["code"], "io");
}

#[test]
fn colour_is_chosen_by_flag_and_environment() {
    let bad = "tests/vectors/invalid/dangling-reference.json";
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(!esc(&run(&["validate", bad])), "no colour into a pipe by default");
    assert!(esc(&run(&["validate", "--color", "always", bad])));
    assert!(esc(&run_with(&["validate", bad], b"", &[("CLICOLOR_FORCE", "1")])));
    assert!(!esc(&run_with(
        &["validate", bad],
        b"",
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    assert!(!esc(&run_with(
        &["validate", "--color", "never", bad],
        b"",
        &[("CLICOLOR_FORCE", "1")]
    )));
}

#[test]
fn search_ranks_entities_first_with_a_header_aligned_columns_and_a_kind_filter() {
    let o = run(&["search", "progesteron"]);
    let out = text(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("score") && lines[0].contains("kind") && lines[0].contains("id"),
        "{out}"
    );
    let top3: Vec<&str> = lines[1..4]
        .iter()
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert!(top3.contains(&"progesterone"), "{out}");
    assert!(top3.contains(&"oral-micronized-progesterone"), "{out}");
    // Columns line up: the name column starts at the same place on every row.
    let name_col = lines[0].find("name").unwrap();
    for l in &lines[1..] {
        assert!(
            l.is_char_boundary(name_col) && !l[..name_col].ends_with(|c: char| !c.is_whitespace()),
            "{l}"
        );
    }
    // For the same match quality, no claim or source comes before an entity (an exact or
    // prefix match of an entity is never after a claim or source of that quality).
    let o = run(&["search", "progesterone", "--limit", "40", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["how"].as_str().unwrap(), h["kind"].as_str().unwrap()))
        .collect();
    for (i, (how, kind)) in kinds.iter().enumerate() {
        if matches!(*kind, "claim" | "source") && matches!(*how, "name" | "prefix") {
            assert!(
                !kinds[i..]
                    .iter()
                    .any(|(h, k)| h == how && matches!(*k, "compound" | "therapy" | "enzyme" | "condition")),
                "{kinds:?}"
            );
        }
    }
    let o = run(&["search", "progesteron", "--kind", "therapy"]);
    let out = text(&o);
    assert!(
        out.lines()
            .skip(1)
            .all(|l| l.split_whitespace().nth(1) == Some("therapy")),
        "{out}"
    );
    assert_eq!(run(&["search", "x", "--kind", "bogus"]).status.code(), Some(2));
}

#[test]
fn input_options_are_listed_only_under_the_commands_they_affect() {
    let help = |cmd: &str| text(&run(&[cmd, "--help"]));
    for cmd in ["completions", "schema"] {
        let h = help(cmd);
        assert!(!h.contains("--max-depth") && !h.contains("--kb"), "{cmd}: {h}");
    }
    for cmd in ["show", "search", "query", "pathway", "render", "export"] {
        let h = help(cmd);
        assert!(h.contains("--max-depth") && h.contains("--kb"), "{cmd}: {h}");
    }
    let h = help("validate");
    assert!(h.contains("--max-depth") && !h.contains("--kb"), "{h}");
    // Given before or after the command, they work the same.
    let before = run(&["--kb", "tests/vectors/valid/base.json", "show", "compound-c"]);
    let after = run(&["show", "compound-c", "--kb", "tests/vectors/valid/base.json"]);
    assert_eq!(before.status.code(), Some(0));
    assert_eq!(before.stdout, after.stdout);
    let o = run(&["--max-depth", "2", "validate", "tests/vectors/valid/base.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}

#[test]
fn validate_reports_structural_and_semantic_problems_in_one_run() {
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("tests/vectors/valid/base.json")).unwrap()).unwrap();
    // The document: an unknown field, a missing required field beside a bad
    // pattern, a duplicate id, a dangling reference; and an unknown CURIE prefix beside a
    // check-digit error on another compound.
    doc["compounds"][0]["colour"] = "red".into();
    doc["compounds"][0]["identifiers"] = serde_json::json!(["foo:1", "cas:50-00-0"]);
    doc["compounds"][1].as_object_mut().unwrap().remove("name");
    doc["compounds"][1]["formula"] = "not a formula".into();
    doc["compounds"][2]["identifiers"] = serde_json::json!(["cas:50-00-1"]);
    doc["effects"][0]["id"] = doc["compounds"][2]["id"].clone();
    doc["reactions"][0]["enzyme"] = "enzyme-nope".into();
    let o = run_with(&["validate", "-", "--format", "json"], doc.to_string().as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let got: Vec<(&str, &str)> = v[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    for want in [
        ("unknown-field", "/compounds/0/colour"),
        ("missing-field", "/compounds/1"),
        ("pattern", "/compounds/1/formula"),
        ("duplicate-id", "/effects/0/id"),
        ("dangling-reference", "/reactions/0/enzyme"),
        ("unknown-prefix", "/compounds/0/identifiers/0"),
        ("check-digit", "/compounds/2/identifiers/0"),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
}

/// A value with a stray line break is quoted with the break escaped: each diagnostic stays on
/// its own two lines (message, then `at POINTER`) instead of being split by the value.
#[test]
fn a_line_break_in_a_value_does_not_break_the_report() {
    let o = run(&[
        "validate",
        "--level",
        "schema",
        "tests/vectors/invalid/trailing-newline-url.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].contains("`https://example.org/a\\n` is not a valid URL"),
        "{out}"
    );
    assert!(!lines[0].contains("(pattern"), "{out}");
    assert_eq!(lines[1].trim(), "at /sources/0/url");
}

/// `render` of a compound of the user's own document that has no `fact_sheets` entry builds
/// a default sheet; a compound with a hand-written sheet gets that one.
#[test]
fn render_builds_a_default_fact_sheet_for_a_users_compound() {
    let o = run(&["render", "compound-a", "--kb", "tests/vectors/valid/base.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = text(&o);
    assert!(out.starts_with("# Compound A"), "{out}");
    assert!(
        out.contains("What this knowledge base records about Compound A"),
        "{out}"
    );
    let o = run(&["render", "compound-c", "--kb", "tests/vectors/valid/base.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        !text(&o).contains("What this knowledge base records about"),
        "{}",
        text(&o)
    );
}

/// A document of another major version: `unsupported-version`, with a hint that names the
/// version this library reads and `migrate`.
#[test]
fn another_major_version_is_reported_as_unsupported() {
    let o = run(&[
        "validate",
        "--format",
        "json",
        "tests/vectors/invalid/unsupported-version.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v[0]["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["path"].as_str()),
        (Some("unsupported-version"), Some("/schema_version"))
    );
    let hint = d["hint"].as_str().unwrap();
    assert!(hint.contains("1.") && hint.contains("migrate"), "{hint}");
}
