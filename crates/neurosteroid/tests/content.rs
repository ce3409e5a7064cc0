//! The embedded content answers a reader's questions correctly, and covers the article.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::Path;

use neurosteroid::model::{Grade, Predicate, RegulatoryStatus};
use neurosteroid::{EntityRef, KnowledgeBase};

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded().unwrap()
}

#[test]
fn the_route_runs_from_cholesterol_through_every_intermediate() {
    let route = kb().biosynthesis("allopregnanolone").unwrap();
    let ids: Vec<&str> = route.compounds().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"cholesterol"));
    assert_eq!(ids.last(), Some(&"allopregnanolone"));
    for intermediate in ["pregnenolone", "progesterone"] {
        assert!(ids.contains(&intermediate), "{ids:?}");
    }
    assert!(
        ids.len() >= 6,
        "the article's four-compound chain hides real intermediates: {ids:?}"
    );
    let symbols: Vec<&str> = route
        .steps
        .iter()
        .flat_map(|s| s.isoforms.iter().map(|g| g.symbol.as_str()))
        .collect();
    for gene in ["CYP11A1", "SRD5A1", "AKR1C2"] {
        assert!(symbols.contains(&gene), "{symbols:?}");
    }
    assert!(route.steps.iter().any(|s| s.reaction.rate_limiting));
}

#[test]
fn names_and_identifiers_find_the_right_stereoisomer() {
    let kb = kb();
    for q in [
        "allopregnanolone",
        "ALLO",
        "3α,5α-THP",
        "3alpha,5alpha-THP",
        "chebi:50169",
        "CHEBI:50169",
        "cas:516-54-1",
    ] {
        assert_eq!(kb.resolve(q).unwrap().entity.id().as_str(), "allopregnanolone", "{q}");
    }
    let pregnanolone = kb.resolve("pregnanolone").unwrap().entity;
    assert_ne!(pregnanolone.id().as_str(), "allopregnanolone");
    assert!(
        pregnanolone
            .identifiers()
            .iter()
            .all(|i| !kb.get("allopregnanolone").unwrap().identifiers().contains(i))
    );
    assert_eq!(
        kb.resolve("5alpha-DHP").unwrap().entity.id(),
        kb.resolve("5α-DHP").unwrap().entity.id()
    );
    let hits = kb.search("allopregnanolon", 3);
    assert_eq!(hits[0].id, "allopregnanolone");
}

#[test]
fn brexanolone_has_its_dated_history_to_the_present() {
    let r = kb().resolve("Zulresso").unwrap();
    let EntityRef::Therapy(t) = r.entity else {
        panic!("not a therapy")
    };
    assert!(r.related.iter().any(|e| e.id().as_str() == "allopregnanolone"));
    let first = &t.status_history[0];
    assert_eq!(
        (first.date.as_str(), first.status),
        ("2019-03-19", RegulatoryStatus::Approved)
    );
    let fda = t.status(neurosteroid::model::Regulator::Fda).unwrap();
    assert_eq!(fda.status, RegulatoryStatus::Withdrawn);
}

#[test]
fn every_claim_is_graded_and_sourced_and_the_articles_claims_are_represented() {
    let kb = kb();
    let doc = kb.document();
    assert!(doc.claims.len() >= 40);
    for c in &doc.claims {
        assert!(!c.sources.is_empty(), "{}", c.id);
        if c.grade < Grade::Unsupported {
            assert!(c.sources.iter().any(|s| s.as_str() != "seed-article"), "{}", c.id);
        }
    }
    // Each effect the article names is a has-effect claim about allopregnanolone.
    let effects = doc
        .claims
        .iter()
        .filter(|c| c.predicate == Predicate::HasEffect && c.subject.as_str() == "allopregnanolone")
        .count();
    assert!(effects >= 10, "{effects}");
    assert!(kb.conditions_linked("allopregnanolone").unwrap().len() >= 5);
}

/// The coverage table has an entry for every statement line of the article, in order, and
/// each entry names at least one claim that cites the article.
#[test]
fn coverage_covers_every_statement_of_the_article() {
    let kb = kb();
    let doc = kb.document();
    for (i, c) in doc.coverage.iter().enumerate() {
        assert_eq!(c.source.as_str(), "seed-article");
        let cites = c.represented_by.iter().any(|id| match kb.get(id.as_str()) {
            Some(EntityRef::Claim(cl)) => cl.sources.iter().any(|s| s.as_str() == "seed-article"),
            _ => false,
        });
        assert!(cites, "coverage entry {i} names no claim citing the article");
    }
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/allopregnanolone-article.txt");
    if let Ok(text) = std::fs::read_to_string(article) {
        // Headings carry no claim; every other non-empty line holds at least one statement.
        let headings = [
            "How Allopregnanolone Is Made",
            "What Allopregnanolone Does in the Brain",
            "Low Allopregnanolone Levels May Contribute To:",
            "Therapeutic Uses & Clinical Relevance",
            "How to Support Natural Allopregnanolone Production",
            "Summary",
            "Allopregnanolone",
        ];
        let statements = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !headings.contains(l))
            .count();
        assert!(
            doc.coverage.len() >= statements,
            "{} coverage entries for {statements} statement lines",
            doc.coverage.len()
        );
    }
}
