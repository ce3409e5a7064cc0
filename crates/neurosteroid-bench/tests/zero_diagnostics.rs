//! The generated documents are valid: zero diagnostics (errors or warnings) at `full`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // reason: tests fail loudly

use neurosteroid::{Format, KnowledgeBase, Level};

fn diagnostics(n: usize) -> Vec<neurosteroid::Diagnostic> {
    let bytes = neurosteroid_bench::to_bytes(n).expect("generate");
    neurosteroid::validate(&bytes, Format::Json, Level::Full)
}

#[test]
fn two_hundred_compounds_have_zero_diagnostics() {
    let d = diagnostics(200);
    assert!(
        d.is_empty(),
        "{} diagnostics, first: {:?}",
        d.len(),
        d.iter().take(5).collect::<Vec<_>>()
    );
}

#[test]
fn tiny_and_odd_sizes_have_zero_diagnostics() {
    for n in [1, 2, 3, 7, 23] {
        let d = diagnostics(n);
        assert!(d.is_empty(), "n={n}: {:?}", d.iter().take(5).collect::<Vec<_>>());
    }
}

#[test]
fn the_json_schema_accepts_it_too() {
    let bytes = neurosteroid_bench::to_bytes(200).expect("generate");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let d = neurosteroid_schema::validate_value(&value);
    assert!(d.is_empty(), "{:?}", d.iter().take(5).collect::<Vec<_>>());
}

#[test]
fn queries_resolve_and_biosynthesis_works() {
    let bytes = neurosteroid_bench::to_bytes(200).expect("generate");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let kb = KnowledgeBase::from_slice(&bytes, Format::Json, Default::default()).expect("load");
    for q in neurosteroid_bench::resolve_queries(&value, 200) {
        kb.resolve(&q).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    let last = value["compounds"][199]["id"].as_str().expect("id");
    let route = kb.biosynthesis(last).expect("route");
    assert_eq!(route.steps.len(), neurosteroid_bench::CHAIN - 1);
}

#[test]
fn counts_are_proportional() {
    let c = neurosteroid_bench::Counts::for_compounds(100_000);
    assert_eq!(c.sources, 10_000);
    assert_eq!(c.enzymes, 5_000);
    assert_eq!(c.gene_products, 10_000);
}
