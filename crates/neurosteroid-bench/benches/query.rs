//! Query throughput and latency on the largest synthetic base (`NS_BENCH_SIZES`).
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used, clippy::panic)] // reason: a benchmark harness fails loudly

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use neurosteroid::{Format, KnowledgeBase, LoadOptions};

fn query(c: &mut Criterion) {
    let n = neurosteroid_bench::sizes_from_env().into_iter().max().unwrap_or(1_000);
    let bytes = neurosteroid_bench::ensure(n).expect("generate the synthetic document");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let kb = KnowledgeBase::from_slice(&bytes, Format::Json, LoadOptions::default()).expect("load");

    let queries = neurosteroid_bench::resolve_queries(&value, 10_000);
    for q in &queries {
        kb.resolve(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    let ids: Vec<String> = value["compounds"]
        .as_array()
        .expect("compounds")
        .iter()
        .step_by(7)
        .take(10_000)
        .map(|c| c["id"].as_str().expect("id").to_owned())
        .collect();
    let mut g = c.benchmark_group(format!("query/{n}"));
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("resolve_mixed", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(kb.resolve(black_box(q)).is_ok());
            }
        })
    });
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("resolve_id", |b| {
        b.iter(|| {
            for q in &ids {
                black_box(kb.resolve(black_box(q)).is_ok());
            }
        })
    });
    // Search scans every name: a handful of prefix and typo queries per iteration.
    let searches: Vec<String> = queries
        .iter()
        .filter(|q| q.len() >= 8)
        .take(10)
        .flat_map(|q| {
            let prefix: String = q.chars().take(6).collect();
            let mut typo: Vec<char> = q.chars().collect();
            typo.swap(2, 3);
            [prefix, typo.into_iter().collect()]
        })
        .collect();
    g.sample_size(10);
    g.throughput(Throughput::Elements(searches.len() as u64));
    g.bench_function("search", |b| {
        b.iter(|| {
            for q in &searches {
                black_box(kb.search(black_box(q), 10));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group(format!("latency/{n}"));
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    let pathways = value["pathways"].as_array().expect("pathways");
    let target_of = |p: &serde_json::Value| {
        let last = p["steps"].as_array().and_then(|s| s.last()).and_then(|s| s.as_str());
        let r = kb.get(last.expect("step")).expect("reaction");
        match r {
            neurosteroid::EntityRef::Reaction(r) => r.product.to_string(),
            _ => unreachable!("a step is a reaction"),
        }
    };
    let first = target_of(&pathways[0]);
    let last = target_of(&pathways[pathways.len() - 1]);
    g.bench_function("biosynthesis_first_pathway", |b| {
        b.iter(|| kb.biosynthesis(black_box(&first)).expect("route").steps.len())
    });
    g.sample_size(20);
    g.bench_function("biosynthesis_last_pathway", |b| {
        b.iter(|| kb.biosynthesis(black_box(&last)).expect("route").steps.len())
    });
    let entity = kb.get(&first).expect("compound");
    g.bench_function("render_summary", |b| {
        b.iter(|| neurosteroid::render::summary(&kb, black_box(entity)))
    });
    g.finish();
}

/// The name index at every size of `NS_BENCH_SIZES`: exact and typo-tolerant `resolve`,
/// ranked `search`, and the scan that the index replaced (a few queries only: it is slow).
fn names(c: &mut Criterion) {
    for n in neurosteroid_bench::sizes_from_env() {
        let bytes = neurosteroid_bench::ensure(n).expect("generate the synthetic document");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        let kb = KnowledgeBase::from_slice(&bytes, Format::Json, LoadOptions::default()).expect("load");
        let q = neurosteroid_bench::name_queries(&value, 200);
        // The index is built on the first search or typo: time that once.
        let t = Instant::now();
        black_box(kb.search(&q.one_typo[0], 10));
        let built = t.elapsed();
        let found = |qs: &[String]| qs.iter().filter(|x| kb.resolve(x).is_ok()).count();
        println!(
            "names/{n}: index built on first use in {:.1} ms; resolved {}/{} exact, {}/{} with one typo, {}/{} with two",
            built.as_secs_f64() * 1e3,
            found(&q.exact),
            q.exact.len(),
            found(&q.one_typo),
            q.one_typo.len(),
            found(&q.two_typos),
            q.two_typos.len()
        );
        let mut g = c.benchmark_group(format!("names/{n}"));
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(3));
        g.sample_size(20);
        for (label, qs) in [
            ("exact", &q.exact),
            ("one_typo", &q.one_typo),
            ("two_typos", &q.two_typos),
        ] {
            g.throughput(Throughput::Elements(qs.len() as u64));
            g.bench_function(format!("resolve_{label}"), |b| {
                b.iter(|| {
                    for x in qs {
                        black_box(kb.resolve(black_box(x)).is_ok());
                    }
                })
            });
            g.bench_function(format!("search_{label}"), |b| {
                b.iter(|| {
                    for x in qs {
                        black_box(kb.search(black_box(x), 10));
                    }
                })
            });
        }
        let few = &q.one_typo[..q.one_typo.len().min(3)];
        g.sample_size(10);
        g.throughput(Throughput::Elements(few.len() as u64));
        g.bench_function("search_one_typo_by_scan", |b| {
            b.iter(|| {
                for x in few {
                    black_box(kb.search_kind_by_scan(black_box(x), 10, None));
                }
            })
        });
        g.finish();
    }
}

/// The answer paths at every size of `NS_BENCH_SIZES` (the growth between two sizes shows
/// whether a path reads an index or scans): biosynthesis of the last pathway's target,
/// conditions linked to a compound, therapies for a condition, the text summary (every
/// claim about the entity), and the fact sheets, the document's own and the default one
/// built from the claims. Each indexed path's first call builds the index, outside the
/// timed loop.
fn paths(c: &mut Criterion) {
    use neurosteroid::render::SheetFormat;
    for n in neurosteroid_bench::sizes_from_env() {
        let bytes = neurosteroid_bench::ensure(n).expect("generate the synthetic document");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        let kb = KnowledgeBase::from_slice(&bytes, Format::Json, LoadOptions::default()).expect("load");
        let last = |key: &str| {
            value[key]
                .as_array()
                .and_then(|a| a.last())
                .expect("a non-empty collection")
        };
        let subject_of = |predicate: &str| {
            value["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .rev()
                .find(|c| c["predicate"] == predicate)
                .and_then(|c| c["subject"].as_str())
                .expect("a claim with this predicate")
                .to_owned()
        };
        let pathway_target = {
            let step = last("pathways")["steps"]
                .as_array()
                .and_then(|s| s.last())
                .and_then(|s| s.as_str());
            match kb.get(step.expect("step")).expect("reaction") {
                neurosteroid::EntityRef::Reaction(r) => r.product.to_string(),
                _ => unreachable!("a step is a reaction"),
            }
        };
        let linked = subject_of("low-levels-associated-with");
        let condition = last("conditions")["id"].as_str().expect("id").to_owned();
        let sheet = last("fact_sheets")["id"].as_str().expect("id").to_owned();
        let sheets: std::collections::HashSet<&str> = value["fact_sheets"]
            .as_array()
            .expect("sheets")
            .iter()
            .filter_map(|s| s["subject"].as_str())
            .collect();
        let bare = value["compounds"]
            .as_array()
            .expect("compounds")
            .iter()
            .rev()
            .filter_map(|c| c["id"].as_str())
            .find(|id| !sheets.contains(id))
            .expect("a compound without a fact sheet")
            .to_owned();
        // Build the lazy indexes once.
        black_box(kb.biosynthesis(&pathway_target).expect("route"));
        let mut g = c.benchmark_group(format!("paths/{n}"));
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(2));
        g.sample_size(20);
        g.bench_function("biosynthesis_last_pathway", |b| {
            b.iter(|| kb.biosynthesis(black_box(&pathway_target)).expect("route").steps.len())
        });
        g.bench_function("conditions_linked", |b| {
            b.iter(|| kb.conditions_linked(black_box(&linked)).expect("compound").len())
        });
        g.bench_function("therapies_for", |b| {
            b.iter(|| kb.therapies_for(black_box(&condition)).expect("condition").len())
        });
        let entity = kb.get(&linked).expect("compound");
        g.bench_function("render_summary", |b| {
            b.iter(|| neurosteroid::render::summary(&kb, black_box(entity)).len())
        });
        g.bench_function("render_own_sheet_markdown", |b| {
            b.iter(|| {
                kb.render(black_box(&sheet), SheetFormat::Markdown)
                    .expect("sheet")
                    .len()
            })
        });
        g.bench_function("render_default_sheet_markdown", |b| {
            b.iter(|| kb.render(black_box(&bare), SheetFormat::Markdown).expect("sheet").len())
        });
        g.finish();
    }
}

criterion_group!(benches, query, names, paths);
criterion_main!(benches);
