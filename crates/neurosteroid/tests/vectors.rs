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

/// How a test makes a document that yields a diagnostic code.
enum Producer {
    /// A shared vector, `tests/vectors/invalid/NAME.json`.
    Vector(&'static str),
    /// The base valid vector with values set at JSON Pointers (`null` removes the field).
    Edit(&'static [(&'static str, &'static str)]),
    /// Raw bytes, read as JSON.
    Bytes(&'static [u8]),
}

/// One producer for every diagnostic code: validating it yields that code and no other.
const PRODUCERS: &[(&str, Producer)] = &[
    ("syntax", Producer::Vector("syntax-error")),
    (
        "encoding",
        Producer::Bytes(b"{\"schema_version\": \"1.1.0\", \"as_of\": \"\xff\"}"),
    ),
    ("limit", Producer::Bytes(&[b'['; 200])),
    ("type", Producer::Vector("wrong-type")),
    ("missing-field", Producer::Vector("missing-field")),
    ("unknown-field", Producer::Vector("unknown-field")),
    ("unknown-variant", Producer::Vector("unknown-grade")),
    ("pattern", Producer::Vector("bad-id")),
    ("unknown-prefix", Producer::Vector("unknown-prefix")),
    ("range", Producer::Vector("year-out-of-range")),
    ("duplicate-key", Producer::Vector("duplicate-key")),
    ("unsupported-version", Producer::Vector("unsupported-version")),
    ("duplicate-id", Producer::Vector("duplicate-id")),
    ("dangling-reference", Producer::Vector("excerpt-dangling-source")),
    ("wrong-reference-kind", Producer::Vector("wrong-reference-kind")),
    ("pathway-disconnected", Producer::Vector("pathway-disconnected")),
    ("pathway-cycle", Producer::Vector("pathway-cycle")),
    (
        "reaction-self-loop",
        Producer::Edit(&[
            ("/reactions/1/product", "\"compound-b\""),
            ("/pathways/0/steps", "[\"a-to-b\"]"),
        ]),
    ),
    ("self-claim", Producer::Vector("self-claim")),
    (
        "isoform-activity-mismatch",
        Producer::Vector("isoform-activity-mismatch"),
    ),
    ("missing-source", Producer::Vector("missing-source")),
    ("insufficient-evidence", Producer::Vector("insufficient-evidence")),
    ("evidence-kind-grade", Producer::Vector("evidence-kind-grade")),
    (
        "unknown-evidence-kind",
        Producer::Edit(&[("/claims/0/evidence_kind", "\"ECO:0000000\"")]),
    ),
    ("consensus-direction", Producer::Vector("consensus-direction")),
    ("excerpt-too-long", Producer::Vector("excerpt-too-long")),
    ("excerpt-not-found", Producer::Vector("excerpt-not-found")),
    ("excerpt-source-not-cited", Producer::Vector("excerpt-source-not-cited")),
    ("dose-range-order", Producer::Vector("dose-range-order")),
    ("invalid-unit", Producer::Vector("invalid-unit")),
    ("invalid-date", Producer::Vector("invalid-date")),
    ("future-date", Producer::Vector("future-date")),
    ("status-order", Producer::Vector("status-order")),
    ("check-digit", Producer::Vector("check-digit")),
    ("duplicate-identifier", Producer::Vector("duplicate-identifier")),
    ("duplicate-name", Producer::Vector("duplicate-name")),
    (
        "unlocatable-source",
        Producer::Edit(&[("/sources/1/identifiers", "null")]),
    ),
    (
        "unused-source",
        Producer::Edit(&[(
            "/sources/2",
            r#"{"id": "src-unused", "kind": "journal-article", "title": "Cited by nothing", "identifiers": ["pubmed:2"]}"#,
        )]),
    ),
    ("empty-coverage", Producer::Vector("empty-coverage")),
    (
        "empty-section",
        Producer::Edit(&[(
            "/fact_sheets/0/sections/2",
            r#"{"heading": "Nothing yet", "kind": "mechanism"}"#,
        )]),
    ),
    ("rhea-direction", Producer::Vector("rhea-direction")),
    ("rhea-participants", Producer::Vector("rhea-participants")),
    (
        "rhea-unknown",
        Producer::Edit(&[
            ("/reactions/0/rhea_master", "\"rhea:10000\""),
            ("/reactions/0/rhea_direction", "\"rhea:10001\""),
        ]),
    ),
];

fn produce(producer: &Producer) -> Vec<u8> {
    match producer {
        Producer::Vector(name) => std::fs::read(neurosteroid_test_support::path(&format!(
            "tests/vectors/invalid/{name}.json"
        )))
        .unwrap(),
        Producer::Bytes(bytes) => bytes.to_vec(),
        Producer::Edit(edits) => {
            let mut doc = neurosteroid_test_support::base();
            for (pointer, value) in *edits {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let value: Value = serde_json::from_str(value).unwrap();
                match doc.pointer_mut(parent).unwrap() {
                    Value::Object(map) if value.is_null() => {
                        map.remove(key).unwrap();
                    }
                    Value::Object(map) => {
                        map.insert(key.to_owned(), value);
                    }
                    Value::Array(items) => {
                        let i: usize = key.parse().unwrap();
                        assert_eq!(i, items.len(), "{pointer}: edits append to arrays");
                        items.push(value);
                    }
                    other => panic!("{pointer}: {other}"),
                }
            }
            serde_json::to_vec(&doc).unwrap()
        }
    }
}

/// Every code has a producer, and each producer yields its code and no other: a code that
/// no input can produce, or that comes out as another code, fails here.
#[test]
fn every_code_is_produced_by_its_producer() {
    for code in neurosteroid::Code::ALL {
        let listed = PRODUCERS.iter().filter(|(name, _)| *name == code.as_str()).count();
        assert_eq!(listed, 1, "`{code}` needs exactly one producer in PRODUCERS");
    }
    for (name, producer) in PRODUCERS {
        let code = neurosteroid::Code::from_name(name).unwrap_or_else(|| panic!("`{name}` is no code"));
        let diags = neurosteroid::validate(&produce(producer), Format::Json, Level::Full);
        let codes: BTreeSet<neurosteroid::Code> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, BTreeSet::from([code]), "`{name}`: {diags:#?}");
    }
}
