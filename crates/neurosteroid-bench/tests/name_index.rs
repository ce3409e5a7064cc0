//! The indexed search gives the scan's answers on a synthetic base, where many names are
//! a few edits apart (the typo search widens its bound step by step there).
#![allow(clippy::expect_used, clippy::unwrap_used)] // reason: tests fail loudly

use neurosteroid::{EntityKind, KnowledgeBase};

#[test]
fn indexed_search_is_the_scan_on_a_synthetic_base() {
    let doc = neurosteroid_bench::generate(600).expect("generate");
    let kb = KnowledgeBase::from_json(&doc.to_string()).expect("load");
    let q = neurosteroid_bench::name_queries(&doc, 40);
    let mut typo_hits = 0;
    for text in q.exact.iter().chain(&q.one_typo).chain(&q.two_typos) {
        let prefix: String = text.chars().take(7).collect();
        for t in [text.as_str(), prefix.as_str()] {
            for (limit, kind) in [
                (10, None),
                (3, Some(EntityKind::Compound)),
                (25, Some(EntityKind::Pathway)),
            ] {
                let indexed = kb.search_kind(t, limit, kind);
                assert_eq!(
                    indexed,
                    kb.search_kind_by_scan(t, limit, kind),
                    "{t:?} {limit} {kind:?}"
                );
                typo_hits += indexed
                    .iter()
                    .filter(|h| h.how == neurosteroid::resolve::MatchKind::Fuzzy)
                    .count();
            }
        }
    }
    assert!(typo_hits > 100, "only {typo_hits} typo hits compared");
}
