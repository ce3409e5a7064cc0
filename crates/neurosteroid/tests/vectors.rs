//! The shared vectors in `tests/vectors/`: every valid document passes `full` validation
//! with no errors; every invalid one yields exactly the expected (code, path) errors.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::collections::BTreeSet;

use neurosteroid::{Format, Level};
use serde_json::Value;

use neurosteroid_test_support::{expected, vectors};

#[test]
fn valid_vectors_pass_both_levels() {
    let files = vectors("valid");
    assert!(files.len() >= 3);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for level in [Level::Schema, Level::Full] {
            let diags = neurosteroid::validate(&bytes, Format::from_path(&path), level);
            assert!(diags.is_empty(), "{}: {diags:#?}", path.display());
        }
    }
}

#[test]
fn invalid_vectors_report_exactly_the_expected_errors() {
    let files = vectors("invalid");
    assert!(files.len() >= 30);
    for path in files {
        let expected = expected(&path);
        let want: BTreeSet<(String, String)> = expected["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["code"].as_str().unwrap().to_owned(),
                    e["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let bytes = std::fs::read(&path).unwrap();
        let diags = neurosteroid::validate(&bytes, Format::Json, Level::Full);
        let got: BTreeSet<(String, String)> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.code.to_string(), d.path.clone()))
            .collect();
        assert_eq!(got, want, "{}: {diags:#?}", path.display());
        // Every diagnostic says where in the text, and what to do where a fix is known.
        for d in &diags {
            assert!(d.location.is_some(), "{}: no location for {d}", path.display());
            assert!(!d.message.is_empty());
        }
        // Semantic vectors pass the structural level.
        let schema_level = neurosteroid::validate(&bytes, Format::Json, Level::Schema);
        if expected["schema_valid"] == Value::Bool(true) {
            assert!(
                schema_level.iter().all(|d| !d.is_error()),
                "{}: {schema_level:#?}",
                path.display()
            );
        } else {
            assert!(schema_level.iter().any(|d| d.is_error()), "{}", path.display());
        }
    }
}

#[test]
fn semantic_diagnostics_carry_hints() {
    let path = neurosteroid_test_support::path("tests/vectors/invalid/dangling-reference.json");
    let diags = neurosteroid::validate(&std::fs::read(path).unwrap(), Format::Json, Level::Full);
    let d = diags
        .iter()
        .find(|d| d.code == neurosteroid::Code::DanglingReference)
        .unwrap();
    assert_eq!(d.hint.as_deref(), Some("did you mean `enzyme-x`?"));
}
