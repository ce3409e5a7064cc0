//! Many documents: a knowledge-base folder (the synthetic document of the smallest size of
//! `NS_BENCH_SIZES`, split into one file per entity) read, parsed and validated on 1 and 2
//! threads (`Tree::read_with_threads`, what `neurosteroid validate --jobs N DIR` runs). The
//! throughput is in files per second. No timing is asserted anywhere.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used, clippy::panic)] // reason: a benchmark harness fails loudly

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use neurosteroid::{Level, Limits, LoadOptions, Tree};

fn many(c: &mut Criterion) {
    let n = neurosteroid_bench::sizes_from_env().into_iter().min().unwrap_or(1_000);
    let bytes = neurosteroid_bench::ensure(n).expect("generate the synthetic document");
    let dir = neurosteroid_bench::data_dir().join(format!("tree-{n}"));
    if !dir.join("knowledge-base.yaml").exists() {
        let doc: neurosteroid::Document = serde_json::from_slice(&bytes).expect("typed");
        let tmp = neurosteroid_bench::data_dir().join(format!("tree-{n}.partial"));
        let _ = std::fs::remove_dir_all(&tmp);
        for (relative, text) in neurosteroid::layout::split(&doc) {
            let path = tmp.join(&relative);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&tmp, &dir).expect("rename");
    }
    let limits = Limits::default();
    let options = LoadOptions::new().with_level(Level::Full).with_limits(limits);
    let files = Tree::read(&dir, &limits, None).expect("read").files().len();
    // The folder must be valid, or the benchmark measures the error path.
    assert!(
        Tree::read(&dir, &limits, None).expect("read").load(options).is_ok(),
        "{} has errors",
        dir.display()
    );
    let mut g = c.benchmark_group(format!("many/{n}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(files as u64));
    for threads in [1, 2] {
        let t = NonZeroUsize::new(threads);
        g.bench_function(format!("validate_folder_threads_{threads}"), |b| {
            b.iter(|| {
                let tree = Tree::read_with_threads(black_box(&dir), &limits, None, t).expect("read");
                tree.validate(options).len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, many);
criterion_main!(benches);
