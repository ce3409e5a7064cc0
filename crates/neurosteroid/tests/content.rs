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
    // Headings carry no claim; every other non-empty line holds at least one statement. The
    // count is committed with the fingerprints, and checked against the article when it is given.
    let statements = committed_statement_lines();
    if let Some(text) = seed_article() {
        assert_eq!(
            statement_lines(&text),
            statements,
            "update the statement count in {RUNS_FILE}"
        );
    }
    assert!(
        doc.coverage.len() >= statements,
        "{} coverage entries for {statements} statement lines",
        doc.coverage.len()
    );
}

/// Where the article's fingerprints and statement count are committed.
const RUNS_FILE: &str = "tests/data/article-8-word-runs.txt";

/// The seed article, when a maintainer who has it names its file in `NS_SEED_ARTICLE`. The
/// article is not part of the repository: the committed fingerprints and statement count
/// stand in for it, and these tests check them against the article when it is given.
fn seed_article() -> Option<String> {
    let path = std::env::var_os("NS_SEED_ARTICLE")?;
    Some(
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("NS_SEED_ARTICLE={}: {e}", Path::new(&path).display())),
    )
}

/// The lines of the article that hold statements: every non-empty line but the headings.
fn statement_lines(text: &str) -> usize {
    let headings = [
        "How Allopregnanolone Is Made",
        "What Allopregnanolone Does in the Brain",
        "Low Allopregnanolone Levels May Contribute To:",
        "Therapeutic Uses & Clinical Relevance",
        "How to Support Natural Allopregnanolone Production",
        "Summary",
        "Allopregnanolone",
    ];
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !headings.contains(l))
        .count()
}

/// The statement count committed in the fingerprint file (`# statement lines: N`).
fn committed_statement_lines() -> usize {
    include_str!("data/article-8-word-runs.txt")
        .lines()
        .find_map(|l| l.strip_prefix("# statement lines: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{RUNS_FILE} has no `# statement lines: N` line"))
}

/// Lower-case words of a text (runs of letters and digits; punctuation and hyphens split).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// FNV-1a (64-bit) of an 8-word run joined by single spaces: the committed fingerprint of the
/// article's runs, so that the check runs without the article (which is not part of the
/// repository).
fn fnv1a(run: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in run.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in w.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

const RUN: usize = 8;

fn article_runs() -> std::collections::BTreeSet<u64> {
    let text = include_str!("data/article-8-word-runs.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| u64::from_str_radix(l.trim(), 16).unwrap())
        .collect()
}

/// Every string in the data, with its JSON Pointer.
fn strings<'a>(v: &'a serde_json::Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        serde_json::Value::String(s) => out.push((at, s)),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, format!("{at}/{i}"), out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, format!("{at}/{k}"), out)),
        _ => {}
    }
}

/// No claim, note, description or coverage paraphrase repeats 8 or more consecutive words of
/// the seed article; only the article's own source record may carry its title.
#[test]
fn no_text_repeats_eight_words_of_the_article() {
    let runs = article_runs();
    assert!(runs.len() > 250, "{} fingerprints", runs.len());
    let value: serde_json::Value = serde_json::from_str(neurosteroid::EMBEDDED_JSON).unwrap();
    let seed_title = value["sources"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["id"] == "seed-article")
        .map(|i| format!("/sources/{i}/title"));
    let mut all = Vec::new();
    strings(&value, String::new(), &mut all);
    let mut copied = Vec::new();
    for (at, s) in all {
        if Some(&at) == seed_title.as_ref() {
            continue;
        }
        let w = words(s);
        if let Some(run) = w.windows(RUN).find(|run| runs.contains(&fnv1a(run))) {
            copied.push(format!("{at}: \"{}\"", run.join(" ")));
        }
    }
    assert!(
        copied.is_empty(),
        "text copied from the article:\n{}",
        copied.join("\n")
    );
}

/// The committed fingerprints are those of the article, when the article is at hand.
#[test]
fn the_article_fingerprints_match_the_article() {
    let Some(text) = seed_article() else {
        return; // not given: the committed fingerprints stand in for the article
    };
    let w = words(&text);
    let from_article: std::collections::BTreeSet<u64> = w.windows(RUN).map(fnv1a).collect();
    assert_eq!(from_article, article_runs(), "regenerate {RUNS_FILE}");
}

#[test]
fn the_check_catches_a_copied_run() {
    let runs = article_runs();
    let copied = words("Allopregnanolone is a powerful neurosteroid derived from progesterone, with critical roles");
    assert!(copied.windows(RUN).any(|r| runs.contains(&fnv1a(r))));
    let paraphrase = words("The article calls allopregnanolone a potent neurosteroid made from progesterone.");
    assert!(!paraphrase.windows(RUN).any(|r| runs.contains(&fnv1a(r))));
}

/// The 5β route: pregnanolone is reached from cholesterol through progesterone, AKR1D1 and a
/// 3α-HSD, not through the 5α intermediate of allopregnanolone.
#[test]
fn pregnanolone_has_its_own_route_through_5beta_reduction() {
    let route = kb().biosynthesis("pregnanolone").unwrap();
    let ids: Vec<&str> = route.compounds().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"cholesterol"), "{ids:?}");
    assert!(ids.contains(&"5b-dihydroprogesterone"), "{ids:?}");
    assert!(!ids.contains(&"5a-dihydroprogesterone"), "{ids:?}");
    let symbols: Vec<&str> = route
        .steps
        .iter()
        .flat_map(|s| s.isoforms.iter().map(|g| g.symbol.as_str()))
        .collect();
    assert!(symbols.contains(&"AKR1D1"), "{symbols:?}");
}

/// Every reaction of the data is grounded in Rhea, with its physiological direction, and the
/// embedded data raises no diagnostic at all (not even a warning for a Rhea entry missing
/// from the vendored snapshot).
#[test]
fn every_reaction_is_grounded_in_rhea_without_warnings() {
    let kb = kb();
    // The 5α-reduction of 11-deoxycorticosterone has no Rhea entry in the copies read; its
    // notes say so, and it is the only reaction allowed to lack one.
    let ungrounded = ["11-deoxycorticosterone-to-5a-dihydrodeoxycorticosterone"];
    for r in &kb.document().reactions {
        if ungrounded.contains(&r.id.as_str()) {
            assert!(
                r.rhea_master.is_none() && r.notes.as_ref().is_some_and(|n| n.as_str().contains("No Rhea id")),
                "{}",
                r.id
            );
            continue;
        }
        assert!(r.rhea_master.is_some() && r.rhea_direction.is_some(), "{}", r.id);
        assert!(
            !r.participants.is_empty() || r.id.as_str() == "pregn-5-ene-3-20-dione-to-progesterone",
            "{}",
            r.id
        );
    }
    assert!(kb.warnings().is_empty(), "{:#?}", kb.warnings());
}

/// Every claim carries both evidence axes; the claims graded `clinical-trial` or stronger
/// carry an excerpt, and every excerpt is checked against a shipped passage of its source
/// (not merely skipped because the cache lacks that source).
#[test]
fn every_claim_has_an_evidence_kind_and_consensus_and_strong_claims_quote_their_source() {
    let texts = neurosteroid::SourceTexts::from_json(neurosteroid::source_texts::EMBEDDED_SOURCE_TEXTS).unwrap();
    assert!(!texts.texts.is_empty());
    assert_eq!(&texts, neurosteroid::SourceTexts::embedded());
    for c in &kb().document().claims {
        let kind = c
            .evidence_kind
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no evidence kind", c.id));
        assert!(kind.term().is_some(), "{}: {kind} is not in the table", c.id);
        assert!(c.consensus.is_some(), "{}: no consensus level", c.id);
        if c.grade <= Grade::ClinicalTrial {
            assert!(
                !c.excerpts.is_empty(),
                "{}: graded {} without an excerpt",
                c.id,
                c.grade.as_str()
            );
        }
        for e in &c.excerpts {
            let Some(EntityRef::Source(s)) = kb().get(e.source.as_str()) else {
                panic!("{}: excerpt source {}", c.id, e.source)
            };
            assert_eq!(texts.contains(s, e.text.as_str()), Some(true), "{}: {}", c.id, e.text);
        }
    }
    // Every cached passage belongs to a source of the knowledge base and says where it was read.
    for t in &texts.texts {
        let source = t.source.as_deref().and_then(|id| kb().get(id));
        let Some(EntityRef::Source(s)) = source else {
            panic!("{}: no such source", t.key)
        };
        assert!(
            texts.passages(s).any(|p| p == t),
            "{}: key is not an identifier or URL of {}",
            t.key,
            s.id
        );
        assert!(t.read_from.starts_with("http"), "{}", t.key);
    }
}

/// Biolink's knowledge level and agent type follow from the evidence axes.
#[test]
fn biolink_provenance_follows_the_evidence_kind() {
    use neurosteroid::model::biolink_provenance;
    let claim = |id: &str| match kb().get(id) {
        Some(EntityRef::Claim(c)) => c,
        _ => panic!("{id}"),
    };
    let step = biolink_provenance(claim("cholesterol-precursor-of-pregnenolone"));
    assert_eq!(
        (step.knowledge_level, step.agent_type),
        ("knowledge_assertion", "manual_agent")
    );
    let association = biolink_provenance(claim("low-allo-ptsd"));
    assert_eq!(association.knowledge_level, "statistical_association");
    let unsupported = biolink_provenance(claim("healthy-fats-raise-allo"));
    assert_eq!(unsupported.knowledge_level, "not_provided");
    // No embedded claim rests on a curator's inference (ECO:0000305); one that did would be
    // a logical entailment, by a manual agent.
    let mut inferred = claim("cholesterol-precursor-of-pregnenolone").clone();
    inferred.evidence_kind = Some("ECO:0000305".parse().unwrap());
    let inference = biolink_provenance(&inferred);
    assert_eq!(
        (inference.knowledge_level, inference.agent_type),
        ("logical_entailment", "manual_agent")
    );
}
