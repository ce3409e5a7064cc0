//! Independent pieces of work on several threads, with the answers in the order of the
//! input: the files of a knowledge-base folder, the rule groups of a large document.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of worker threads: `threads`, or one per CPU this process may use.
pub fn workers(threads: Option<NonZeroUsize>) -> usize {
    threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// Maps `f` over `items` on up to `workers` threads and returns the results in the items'
/// order. Each thread takes the next item not yet taken, so one slow item does not hold
/// back a fixed share of the others. A worker's panic is raised again in the caller
/// (dropping its results would shift every later result onto the wrong item).
pub fn map<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers.min(items.len());
    if workers < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    for (i, r) in parts.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.unwrap_or_else(|| unreachable!("every item is taken by exactly one worker")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_on_any_number_of_threads() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work, so that threads finish out of order.
        let f = |x: &u64| (0..(x % 7) * 1000).fold(*x, |a, b| a.wrapping_mul(31).wrapping_add(b));
        let one = map(&items, 1, f);
        for workers in [2, 3, 8, 5000] {
            assert_eq!(map(&items, workers, f), one, "{workers} workers");
        }
        assert_eq!(map(&items, 2, |x| *x), items);
        assert!(map(&[] as &[u64], 4, |x| *x).is_empty());
    }

    #[test]
    fn n_workers_run_n_items_at_once() {
        // Each item waits (up to ten seconds) until all have started: on one thread the
        // first would wait in vain.
        for n in [2, 3] {
            let started = AtomicUsize::new(0);
            let items: Vec<usize> = (0..n).collect();
            let all = map(&items, n, |_| {
                started.fetch_add(1, Ordering::SeqCst);
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while started.load(Ordering::SeqCst) < n && std::time::Instant::now() < deadline {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                started.load(Ordering::SeqCst) == n
            });
            assert_eq!(all, vec![true; n], "{n} workers");
        }
    }

    #[test]
    fn a_worker_panic_reaches_the_caller() {
        let items: Vec<u32> = (0..64).collect();
        let caught = std::panic::catch_unwind(|| map(&items, 2, |x| if *x == 40 { panic!("item 40") } else { *x }));
        assert!(caught.is_err());
    }

    #[test]
    fn workers_are_the_threads_asked_for_or_the_cpus() {
        assert_eq!(workers(NonZeroUsize::new(3)), 3);
        assert!(workers(None) >= 1);
    }
}
