//! Growth of every path that hostile input used to make quadratic (or worse), at two sizes
//! each: the second is 4× the first, so linear work takes about 4× as long and quadratic
//! work 16×. Figures are in BENCHMARKS.md; no timing is asserted anywhere. `make test`
//! runs each once at the small sizes (`NS_HOSTILE_SCALE=1`); `make bench` at full scale.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used, clippy::panic)] // reason: a benchmark harness fails loudly

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use neurosteroid::render::SheetFormat;
use neurosteroid::{Format, KnowledgeBase, Level, LoadOptions};
use serde_json::{Value, json};

/// The two sizes of each case, scaled down for the CI run.
fn sizes(base: usize) -> [usize; 2] {
    let scale: usize = std::env::var("NS_HOSTILE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    let n = (base * scale / 16).max(8);
    [n, 4 * n]
}

fn header() -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("schema_version".into(), json!("1.0.0"));
    m.insert("as_of".into(), json!("2026-01-31"));
    m
}

/// `compounds: [1, 1, 1, ...]`: one `type` diagnostic per element, each located.
fn many_errors(n: usize) -> Vec<u8> {
    format!(
        "{{\"schema_version\": \"1.0.0\", \"as_of\": \"2026-01-31\", \"compounds\": [{}]}}",
        vec!["1"; n].join(",")
    )
    .into_bytes()
}

/// `n` sites and `n / 4` reactions whose every reference dangles.
fn many_dangling(n: usize) -> Vec<u8> {
    let mut m = header();
    m.insert(
        "sites".into(),
        (0..n)
            .map(|i| json!({"id": format!("site-{i}"), "name": format!("Site {i}")}))
            .collect(),
    );
    m.insert(
        "reactions".into(),
        (0..n / 4)
            .map(|i| json!({"id": format!("r-{i}"), "name": format!("R {i}"), "substrate": format!("gone-a-{i}"), "product": format!("gone-b-{i}"), "enzyme": format!("gone-e-{i}")}))
            .collect(),
    );
    serde_json::to_vec(&Value::Object(m)).unwrap()
}

/// `n` entries written as arrays (shape errors) with bad fields below them.
fn many_shape_errors(n: usize) -> Vec<u8> {
    let mut m = header();
    m.insert(
        "sites".into(),
        (0..n).map(|i| json!([format!("s-{i}"), 1, 2])).collect(),
    );
    serde_json::to_vec(&Value::Object(m)).unwrap()
}

/// A chain of `n` reactions (compound i → i+1) in one pathway.
fn long_chain(n: usize) -> Value {
    let mut m = header();
    m.insert(
        "sources".into(),
        json!([{"id": "src", "kind": "journal-article", "title": "T", "identifiers": ["pubmed:1"]}]),
    );
    m.insert(
        "compounds".into(),
        (0..=n)
            .map(|i| json!({"id": format!("c-{i}"), "name": format!("Compound {i}")}))
            .collect(),
    );
    m.insert("enzymes".into(), json!([{"id": "e", "name": "E"}]));
    m.insert(
        "reactions".into(),
        (0..n)
            .map(|i| json!({"id": format!("r-{i}"), "name": format!("R {i}"), "substrate": format!("c-{i}"), "product": format!("c-{}", i + 1), "enzyme": "e", "sources": ["src"]}))
            .collect(),
    );
    m.insert(
        "pathways".into(),
        json!([{"id": "p", "name": "P", "steps": (0..n).map(|i| format!("r-{i}")).collect::<Vec<_>>()}]),
    );
    Value::Object(m)
}

/// One fact sheet citing `n` claims, each with its own source.
fn big_sheet(n: usize) -> Vec<u8> {
    let mut m = header();
    m.insert(
        "sources".into(),
        (0..n)
            .map(|i| json!({"id": format!("s-{i}"), "kind": "journal-article", "title": format!("Paper {i}"), "identifiers": [format!("pubmed:{}", i + 1)]}))
            .collect(),
    );
    m.insert("compounds".into(), json!([{"id": "c", "name": "C"}]));
    m.insert(
        "conditions".into(),
        (0..n)
            .map(|i| json!({"id": format!("k-{i}"), "name": format!("Condition {i}")}))
            .collect(),
    );
    m.insert(
        "claims".into(),
        (0..n)
            .map(|i| json!({"id": format!("cl-{i}"), "statement": format!("C and condition {i}."), "subject": "c", "predicate": "low-levels-associated-with", "object": format!("k-{i}"), "grade": "preclinical", "sources": [format!("s-{i}")]}))
            .collect(),
    );
    m.insert(
        "fact_sheets".into(),
        json!([{"id": "sheet", "subject": "c", "title": "C", "summary": "About C.", "sections": [{"heading": "Links", "kind": "conditions", "claims": (0..n).map(|i| format!("cl-{i}")).collect::<Vec<_>>()}]}]),
    );
    serde_json::to_vec(&Value::Object(m)).unwrap()
}

/// YAML with an anchor on every level of `n` deep mappings and no alias.
fn nested_anchors(n: usize) -> Vec<u8> {
    let block: String = (0..60).map(|d| format!("{{a{d}: &n{{k}}x{d} ")).collect::<String>() + "1" + &"}".repeat(60);
    let mut s = String::from("schema_version: \"1.0.0\"\nas_of: \"2026-01-31\"\njunk:\n");
    for k in 0..n {
        s.push_str("  - ");
        s.push_str(&block.replace("{k}", &k.to_string()));
        s.push('\n');
    }
    s.into_bytes()
}

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(2));
    let validate = |bytes: &[u8], format| neurosteroid::validate(bytes, format, Level::Full).len();

    for n in sizes(160_000) {
        let doc = many_errors(n);
        g.bench_with_input(BenchmarkId::new("locate_many_errors", n), &doc, |b, d| {
            b.iter(|| black_box(validate(d, Format::Json)))
        });
    }
    for n in sizes(40_000) {
        let doc = many_dangling(n);
        g.bench_with_input(BenchmarkId::new("dangling_hints", n), &doc, |b, d| {
            b.iter(|| black_box(validate(d, Format::Json)))
        });
    }
    for n in sizes(20_000) {
        let doc = many_shape_errors(n);
        g.bench_with_input(BenchmarkId::new("shape_errors", n), &doc, |b, d| {
            b.iter(|| black_box(validate(d, Format::Json)))
        });
    }
    for n in sizes(1_500) {
        let doc = nested_anchors(n);
        g.bench_with_input(BenchmarkId::new("yaml_nested_anchors", n), &doc, |b, d| {
            b.iter(|| black_box(validate(d, Format::Yaml)))
        });
    }
    for n in sizes(25_000) {
        let doc = serde_json::to_vec(&long_chain(n)).unwrap();
        g.bench_with_input(BenchmarkId::new("validate_long_pathway", n), &doc, |b, d| {
            b.iter(|| black_box(validate(d, Format::Json)))
        });
        // The same chain without its pathway: biosynthesis traces it back reaction by reaction.
        let mut v = long_chain(n);
        v.as_object_mut().unwrap().remove("pathways");
        let kb = KnowledgeBase::from_document(serde_json::from_value(v).unwrap(), Level::Schema).unwrap();
        let target = format!("c-{n}");
        g.bench_with_input(BenchmarkId::new("trace_route_back", n), &target, |b, t| {
            b.iter(|| black_box(kb.biosynthesis(t).unwrap().steps.len()))
        });
    }
    for n in sizes(15_000) {
        let kb = KnowledgeBase::from_slice(&big_sheet(n), Format::Json, LoadOptions::default()).unwrap();
        g.bench_with_input(BenchmarkId::new("render_jsonld_big_sheet", n), &kb, |b, kb| {
            b.iter(|| black_box(kb.render("sheet", SheetFormat::JsonLd).unwrap().len()))
        });
    }
    for n in sizes(160_000) {
        // Long names and a long query: edit distance is never run on either.
        let mut m = header();
        m.insert(
            "compounds".into(),
            json!([{"id": "a", "name": "a", "synonyms": (0..8).map(|i| format!("{i}{}", "x".repeat(n / 8))).collect::<Vec<_>>()}]),
        );
        let kb = KnowledgeBase::from_document(serde_json::from_value(Value::Object(m)).unwrap(), Level::Full).unwrap();
        let query = "x".repeat(n / 64);
        g.bench_with_input(BenchmarkId::new("search_long_names", n), &query, |b, q| {
            b.iter(|| black_box(kb.search(q, 5).len()))
        });
    }
    g.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
