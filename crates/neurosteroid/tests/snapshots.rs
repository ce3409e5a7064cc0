//! Snapshots of what people read: the fact sheet, diagrams and summary of allopregnanolone from
//! the embedded data, in every rendering. A change to a renderer or to allopregnanolone's data
//! shows up here as a diff to review: `cargo insta review` (or run with `INSTA_UPDATE=always`,
//! then read `git diff crates/neurosteroid/tests/snapshots/`). One entity, not the whole
//! knowledge base, so that adding other compounds does not churn these files (the one layout
//! allopregnanolone does not use, a route without branches, is drawn from the shared base vector).

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::KnowledgeBase;
use neurosteroid::render::{DiagramFormat, SheetFormat};

const SUBJECT: &str = "allopregnanolone";

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded().unwrap()
}

#[test]
fn fact_sheet_markdown() {
    insta::assert_snapshot!(kb().render(SUBJECT, SheetFormat::Markdown).unwrap());
}

#[test]
fn fact_sheet_html() {
    insta::assert_snapshot!(kb().render(SUBJECT, SheetFormat::Html).unwrap());
}

#[test]
fn fact_sheet_jsonld() {
    insta::assert_snapshot!(kb().render(SUBJECT, SheetFormat::JsonLd).unwrap());
}

#[test]
fn pathway_text() {
    insta::assert_snapshot!(kb().pathway_diagram(SUBJECT, DiagramFormat::Text).unwrap());
}

#[test]
fn pathway_mermaid() {
    insta::assert_snapshot!(kb().pathway_diagram(SUBJECT, DiagramFormat::Mermaid).unwrap());
}

#[test]
fn pathway_dot() {
    insta::assert_snapshot!(kb().pathway_diagram(SUBJECT, DiagramFormat::Dot).unwrap());
}

#[test]
fn pathway_svg() {
    insta::assert_snapshot!(kb().pathway_diagram(SUBJECT, DiagramFormat::Svg).unwrap());
}

#[test]
fn pathway_node_link() {
    insta::assert_snapshot!(kb().pathway_diagram(SUBJECT, DiagramFormat::NodeLink).unwrap());
}

#[test]
fn summary() {
    let kb = kb();
    let entity = kb.resolve(SUBJECT).unwrap().entity;
    insta::assert_snapshot!(neurosteroid::render::summary(kb, entity));
}

/// A route without branches is drawn as a chain (one box per compound down the page), a
/// layout of its own; the shared base vector's Compound C has one, with a rate-limiting step.
#[test]
fn pathway_chain_svg() {
    let text = neurosteroid_test_support::base_text();
    let kb = KnowledgeBase::from_slice(text.as_bytes(), neurosteroid::Format::Json, Default::default()).unwrap();
    insta::assert_snapshot!(kb.pathway_diagram("compound-c", DiagramFormat::Svg).unwrap());
}
