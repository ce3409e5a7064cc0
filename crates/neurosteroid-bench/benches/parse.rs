//! Parse and validate throughput (MB/s) on synthetic documents of N compounds
//! (`NS_BENCH_SIZES`, default 1000,10000,100000), side by side with serde_json and the
//! `jsonschema` crate on the same bytes.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used, clippy::panic)] // reason: a benchmark harness fails loudly

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use neurosteroid::{Format, KnowledgeBase, Level, LoadOptions};

fn parse(c: &mut Criterion) {
    for n in neurosteroid_bench::sizes_from_env() {
        let bytes = neurosteroid_bench::ensure(n).expect("generate the synthetic document");
        // The document must be valid, or the benchmark measures the error path.
        assert!(
            neurosteroid::validate(&bytes, Format::Json, Level::Full).is_empty(),
            "kb-{n}.json has diagnostics"
        );
        let mut g = c.benchmark_group(format!("parse/{n}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(if n >= 50_000 { 20 } else { 5 }));

        // The floor: serde_json to an untyped Value.
        g.bench_function("serde_json_value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).expect("json"))
        });
        // serde_json straight to the typed model (patterns checked by the newtypes, no
        // duplicate-key check, no diagnostics collection, no index).
        g.bench_function("serde_json_typed", |b| {
            b.iter(|| serde_json::from_slice::<neurosteroid::Document>(black_box(&bytes)).expect("typed"))
        });
        // The core's first stage: text to Value with duplicate-key and depth checks.
        g.bench_function("core_parse_value", |b| {
            b.iter(|| {
                neurosteroid::__private::parse_value(black_box(&bytes), Format::Json, &Default::default())
                    .expect("value")
            })
        });
        // Text to the typed document with every structural diagnostic (no semantic rules).
        g.bench_function("core_parse_document", |b| {
            b.iter(|| {
                neurosteroid::__private::parse_document(black_box(&bytes), Format::Json, &Default::default())
                    .expect("document")
            })
        });
        // What users call: a loaded, indexed knowledge base, at each level.
        for level in [Level::Schema, Level::Full] {
            g.bench_function(format!("load_{}", level.as_str()), |b| {
                b.iter(|| {
                    KnowledgeBase::from_slice(black_box(&bytes), Format::Json, LoadOptions::new().with_level(level))
                        .expect("load")
                })
            });
            g.bench_function(format!("validate_{}", level.as_str()), |b| {
                b.iter(|| neurosteroid::validate(black_box(&bytes), Format::Json, level))
            });
        }
        // The `jsonschema` crate against our exported schema, after serde_json parsing.
        g.bench_function("jsonschema_crate", |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_slice(black_box(&bytes)).expect("json");
                let d = neurosteroid_schema::validate_value(&v);
                assert!(d.is_empty());
                d
            })
        });
        g.finish();
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
