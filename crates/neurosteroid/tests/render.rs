//! Renderers: every text field escaped; the sheet carries grades, references, the notice
//! and the as_of date; diagrams name every step.

#![cfg(feature = "render")] // the renderers are an optional feature (on by default)
#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::KnowledgeBase;
use neurosteroid::render::{DiagramFormat, SheetFormat};
use serde_json::Value;

use neurosteroid_test_support::base;

/// The base vector with hostile markup in every text field a renderer shows.
fn hostile() -> KnowledgeBase {
    const EVIL: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&[x](javascript:alert(3))*_`|";
    let mut doc = base();
    fn poison(v: &mut Value, key: Option<&str>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    poison(x, Some(k));
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key)),
            Value::String(s) => {
                if matches!(
                    key,
                    Some(
                        "name"
                            | "title"
                            | "statement"
                            | "summary"
                            | "heading"
                            | "notes"
                            | "timing"
                            | "description"
                            | "synonyms"
                            | "brand_names"
                            | "subtitle"
                            | "text"
                            | "locator"
                            | "authors"
                    )
                ) {
                    s.push_str(EVIL);
                }
            }
            _ => {}
        }
    }
    poison(&mut doc, None);
    KnowledgeBase::from_json(&doc.to_string()).unwrap()
}

#[test]
fn html_escapes_every_field_and_is_self_contained() {
    let kb = hostile();
    let html = kb.render("compound-c", SheetFormat::Html).unwrap();
    assert!(!html.contains("<script"), "raw script tag");
    assert!(!html.contains("<img"), "raw img tag");
    assert!(!html.contains("javascript:alert(3))\""));
    assert!(html.contains("&lt;script&gt;"));
    // Links go to the page itself or to http(s) references, nowhere else.
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
    for forbidden in ["<link", "<script", "@import", "url(http", "src=\"http"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("<svg") && html.contains("Not medical advice"));
    assert!(html.contains("as of <time datetime=\"2026-01-31\">"));
    assert!(html.contains("grade-preclinical"));
}

#[test]
fn markdown_escapes_every_field() {
    let kb = hostile();
    let md = kb.render("compound-c", SheetFormat::Markdown).unwrap();
    assert!(!md.contains("<script") && !md.contains("<img"));
    // Every `](` that could close a link text is escaped: no text field makes a link.
    assert!(
        md.match_indices("](").all(|(i, _)| md[..i].ends_with('\\')),
        "a text field made a link"
    );
    assert!(md.contains("\\[x\\](javascript:alert(3))"), "{md}");
}

#[test]
fn markdown_sheet_carries_grades_references_notice_and_date() {
    let kb = KnowledgeBase::from_json(&base().to_string()).unwrap();
    let md = kb.render("Compound C", SheetFormat::Markdown).unwrap();
    assert!(md.starts_with("# Compound C\n"));
    assert!(md.contains("Not medical advice"));
    assert!(md.contains("2026-01-31"));
    // An established receptor action resting on electrophysiology reads as established
    // pharmacology with its kind of evidence, not with the clinical grade `preclinical`.
    assert!(
        md.contains("C modulates R. **[established pharmacology · electrophysiology]** [1][2]"),
        "{md}"
    );
    assert!(md.contains("  - > “C potentiates R.” [2], abstract"), "{md}");
    assert!(md.contains(neurosteroid::render::EVIDENCE_LEGEND));
    assert!(md.contains("Compound A → Compound B → Compound C"));
    assert!(md.contains("1. A test article"));
    assert!(
        md.contains("2. A test paper. 2020. pubmed:1 <https://pubmed.ncbi.nlm.nih.gov/1/>"),
        "{md}"
    );
}

#[test]
fn jsonld_uses_schema_org_and_same_as_iris() {
    let kb = KnowledgeBase::from_json(&base().to_string()).unwrap();
    let v: Value = serde_json::from_str(&kb.render("compound-c", SheetFormat::JsonLd).unwrap()).unwrap();
    assert_eq!(v["@type"], "MedicalWebPage");
    assert_eq!(v["@context"]["@vocab"], "https://schema.org/");
    assert_eq!(v["about"]["@type"], "MolecularEntity");
    let cited: Vec<&str> = v["citation"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["url"].as_str())
        .collect();
    assert!(cited.contains(&"https://pubmed.ncbi.nlm.nih.gov/1/"));
}

#[test]
fn diagrams_name_every_step() {
    let kb = KnowledgeBase::from_json(&base().to_string()).unwrap();
    let mermaid = kb.pathway_diagram("compound-c", DiagramFormat::Mermaid).unwrap();
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(
        mermaid.contains("n0 -->|\"Enzyme X (EC:1.1.1.1): GENEX1\"| n1"),
        "{mermaid}"
    );
    let dot = kb.pathway_diagram("compound-c", DiagramFormat::Dot).unwrap();
    assert!(
        dot.contains("\"compound-a\" -> \"compound-b\" [label=\"Enzyme X (EC:1.1.1.1): GENEX1\", penwidth=2];"),
        "{dot}"
    );
    let graph: Value =
        serde_json::from_str(&kb.pathway_diagram("compound-c", DiagramFormat::NodeLink).unwrap()).unwrap();
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 3);
    assert_eq!(graph["edges"][1]["isoforms"][0], "GENEY1");
}

#[test]
fn diagram_labels_are_escaped() {
    let kb = hostile();
    let dot = kb.pathway_diagram("compound-c", DiagramFormat::Dot).unwrap();
    assert!(dot.contains("\\\"'&"), "quotes escaped in DOT");
    let mermaid = kb.pathway_diagram("compound-c", DiagramFormat::Mermaid).unwrap();
    assert!(!mermaid.contains("<script"));
    let svg = kb.pathway_diagram("compound-c", DiagramFormat::Svg).unwrap();
    assert!(!svg.contains("<script") && svg.starts_with("<svg"));
}

/// The same claim under each renderer: Markdown, HTML and JSON-LD show the same badge.
#[test]
fn markdown_html_and_jsonld_agree_on_every_badge() {
    let kb = KnowledgeBase::embedded().unwrap();
    let md = kb.render("allopregnanolone", SheetFormat::Markdown).unwrap();
    let html = kb.render("allopregnanolone", SheetFormat::Html).unwrap();
    let ld: Value = serde_json::from_str(&kb.render("allopregnanolone", SheetFormat::JsonLd).unwrap()).unwrap();
    let parts = ld["hasPart"].as_array().unwrap();
    let view = kb.fact_sheet("allopregnanolone").unwrap();
    let claims: Vec<_> = view
        .sections
        .iter()
        .flat_map(|s| s.claims.iter().chain(&s.unsupported))
        .collect();
    assert_eq!(parts.len(), claims.len());
    for (c, part) in claims.iter().zip(parts) {
        let badge = neurosteroid::render::evidence_badge(c.claim);
        assert!(md.contains(&format!("**[{}]**", badge.label)), "{}", c.claim.id);
        assert!(html.contains(&format!(">{}</span>", badge.label)), "{}", c.claim.id);
        assert_eq!(part["name"], badge.label.as_str(), "{}", c.claim.id);
        assert_eq!(part["@id"], format!("#claim-{}", c.claim.id));
        if let Some(k) = &c.claim.evidence_kind {
            assert!(part["evidenceOrigin"].as_str().unwrap().contains(&k.to_string()));
        }
    }
}

/// Issue 20's acceptance: enzyme steps read as established biochemistry with their kind of
/// evidence; no established fact resting on laboratory evidence carries the `animal / lab
/// only` badge; clinical claims keep their grade badges; JSON-LD levels fit the grade.
#[test]
fn established_biochemistry_is_not_badged_as_animal_data() {
    use neurosteroid::model::{Consensus, Grade, Predicate};
    let kb = KnowledgeBase::embedded().unwrap();
    let view = kb.fact_sheet("allopregnanolone").unwrap();
    let mut steps = 0;
    let mut not_established = 0;
    for s in &view.sections {
        for c in &s.claims {
            let badge = neurosteroid::render::evidence_badge(c.claim);
            let term = c.claim.evidence_kind.as_ref().and_then(|k| k.term()).unwrap();
            if c.claim.consensus == Some(Consensus::Established) && !term.basis.is_clinical() {
                assert_ne!(badge.label, "animal / lab only", "{}", c.claim.id);
                assert!(badge.label.starts_with("established"), "{}", c.claim.id);
                assert!(badge.label.ends_with(term.words), "{}", c.claim.id);
            }
            if c.claim.predicate == Predicate::PrecursorOf && c.claim.grade == Grade::Preclinical {
                steps += 1;
                assert_eq!(
                    badge.label, "established biochemistry · enzyme assays",
                    "{}",
                    c.claim.id
                );
            }
            if term.basis.is_clinical() {
                assert_eq!(badge.label, c.claim.grade.words(), "{}", c.claim.id);
            }
            // Laboratory evidence without an established consensus keeps its grade badge.
            if c.claim.consensus != Some(Consensus::Established) && c.claim.grade == Grade::Preclinical {
                not_established += 1;
                assert_eq!(badge.label, "animal / lab only", "{}", c.claim.id);
                assert_eq!(badge.class, "grade-preclinical", "{}", c.claim.id);
            }
        }
    }
    assert!(steps >= 4, "the enzyme steps of the route are on the sheet");
    assert!(
        not_established >= 1,
        "a preclinical claim that is not established is on the sheet"
    );
    let ld: Value = serde_json::from_str(&kb.render("allopregnanolone", SheetFormat::JsonLd).unwrap()).unwrap();
    let by_id = |id: &str| {
        ld["hasPart"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["@id"] == format!("#claim-{id}"))
            .cloned()
            .unwrap()
    };
    assert_eq!(by_id("omp-sleep")["evidenceLevel"], "https://schema.org/EvidenceLevelA");
    assert_eq!(
        by_id("allo-memory")["evidenceLevel"],
        "https://schema.org/EvidenceLevelB"
    );
    assert!(
        by_id("cholesterol-precursor-of-pregnenolone")
            .get("evidenceLevel")
            .is_none()
    );
    assert_eq!(
        by_id("cholesterol-precursor-of-pregnenolone")["isBasedOn"],
        "http://purl.obolibrary.org/obo/ECO_0005801"
    );
}

/// Every fact sheet at once: each sheet's own page, in the document's order, Markdown sheets
/// parted by a rule; JSON-LD as one `@graph` with the context once, at the top.
#[test]
fn render_all_holds_every_sheet_in_order() {
    let kb = KnowledgeBase::embedded().unwrap();
    let ids: Vec<&str> = kb.document().fact_sheets.iter().map(|s| s.id.as_str()).collect();
    assert!(ids.len() >= 2, "{ids:?}");
    for format in [SheetFormat::Markdown, SheetFormat::Html] {
        let all = kb.render_all(format).unwrap();
        let mut from = 0;
        for id in &ids {
            let page = kb.render(id, format).unwrap();
            let at = all[from..]
                .find(&page)
                .unwrap_or_else(|| panic!("{id} missing or out of order ({format:?})"));
            from += at + page.len();
        }
        assert_eq!(from, all.len(), "{format:?}: nothing after the last sheet");
    }
    let md = kb.render_all(SheetFormat::Markdown).unwrap();
    assert_eq!(md.matches("\n---\n\n").count(), ids.len() - 1);
    let ld: Value = serde_json::from_str(&kb.render_all(SheetFormat::JsonLd).unwrap()).unwrap();
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), ids.len());
    assert!(ld.get("@context").is_some());
    assert!(graph.iter().all(|g| g.get("@context").is_none()));
}
