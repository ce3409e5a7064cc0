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

/// A knowledge base of a document given as JSON (the base vector, or a variant of it).
fn kb_of(doc: &serde_json::Value) -> KnowledgeBase {
    KnowledgeBase::from_json(&doc.to_string()).unwrap()
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
    let kb = kb_of(&neurosteroid_test_support::base());
    insta::assert_snapshot!(kb.pathway_diagram("compound-c", DiagramFormat::Svg).unwrap());
}

/// A network whose arrows run in every direction the layout can draw: down the route, up (a
/// reverse step), left (a way into the route from beside it) and right (between two
/// compounds of one row); the base vector with two compounds and four reactions added.
#[test]
fn pathway_network_svg_in_every_direction() {
    let mut doc = neurosteroid_test_support::base();
    let push = |doc: &mut serde_json::Value, collection: &str, item: serde_json::Value| {
        doc[collection].as_array_mut().unwrap().push(item);
    };
    for (id, name) in [("compound-z", "Compound Z"), ("compound-p", "Compound P")] {
        push(&mut doc, "compounds", serde_json::json!({"id": id, "name": name}));
    }
    for (id, from, to, enzyme) in [
        ("c-to-b", "compound-c", "compound-b", "enzyme-y"),
        ("z-to-a", "compound-z", "compound-a", "enzyme-x"),
        ("a-to-p", "compound-a", "compound-p", "enzyme-x"),
        ("b-to-p", "compound-b", "compound-p", "enzyme-y"),
    ] {
        let reaction = serde_json::json!({"id": id, "name": id, "substrate": from, "product": to, "enzyme": enzyme});
        push(&mut doc, "reactions", reaction);
    }
    let kb = kb_of(&doc);
    insta::assert_snapshot!(kb.pathway_diagram("compound-c", DiagramFormat::Svg).unwrap());
}

/// The summary (`neurosteroid show`) of every entity of the base vector, which has one of
/// most kinds: each kind's own lines (a receptor's mechanisms, a source's authors, ...), with
/// the optional fields the summaries show filled in.
#[test]
fn summaries_of_every_base_entity() {
    let mut doc = neurosteroid_test_support::base();
    let mechanism = &mut doc["receptors"][0]["mechanisms"][0];
    mechanism["concentration"] = "nanomolar".into();
    mechanism["subunit_selectivity"] = "δ-containing".into();
    mechanism["binding_site"] = "transmembrane".into();
    doc["receptors"][0]["description"] = "A ligand-gated channel.".into();
    doc["sources"][1]["authors"] = "Doe J, Roe R".into();
    doc["sources"][1]["url"] = "https://example.org/paper".into();
    let kb = kb_of(&doc);
    let all: Vec<String> = neurosteroid::EntityKind::ALL
        .into_iter()
        .flat_map(|kind| kb.entities(kind))
        .map(|e| neurosteroid::render::summary(&kb, e))
        .collect();
    insta::assert_snapshot!(all.join("\n"));
}

/// The fact sheet of the base vector's compound C in every format: a hand-written sheet (a
/// summary, a mechanism claim with an evidence kind, a consensus and a quote, the route's
/// table of steps).
#[test]
fn base_fact_sheets() {
    let kb = kb_of(&neurosteroid_test_support::base());
    for format in [SheetFormat::Markdown, SheetFormat::Html, SheetFormat::JsonLd] {
        insta::assert_snapshot!(
            format!("base_fact_sheet_{format:?}"),
            kb.render("compound-c", format).unwrap()
        );
    }
}

/// The text and the JSON of a list of answers, one line of text per answer.
fn listed<T: std::fmt::Display>(answers: &[T], json: impl Fn(&T) -> serde_json::Value) -> (String, serde_json::Value) {
    let text: Vec<String> = answers.iter().map(ToString::to_string).collect();
    (text.join("\n"), answers.iter().map(json).collect())
}

/// Every query's answer about allopregnanolone (and the enzyme, receptor and condition
/// nearest it), as text and as JSON: what `neurosteroid query` and the bindings print.
#[test]
fn query_answers() {
    let kb = kb();
    let mut out = String::new();
    let mut add = |title: &str, (text, json): (String, serde_json::Value)| {
        out.push_str(&format!(
            "## {title}\n{text}\n{}\n\n",
            serde_json::to_string(&json).unwrap()
        ));
    };
    let route = kb.biosynthesis(SUBJECT).unwrap();
    add("biosynthesis", (route.to_string(), route.to_json()));
    let network = kb.network(SUBJECT, 1).unwrap();
    add("network", (network.to_string(), network.to_json()));
    let lists = [
        ("conditions_linked", kb.conditions_linked(SUBJECT).unwrap()),
        ("effects", kb.effects(SUBJECT).unwrap()),
        ("raised_by", kb.raised_by(SUBJECT).unwrap()),
        ("lowered_by", kb.lowered_by(SUBJECT).unwrap()),
        (
            "therapies_for postpartum-depression",
            kb.therapies_for("postpartum-depression").unwrap(),
        ),
    ];
    for (title, linked) in lists {
        add(title, listed(&linked, |l| l.to_json()));
    }
    add(
        "made_by 3a-hsd",
        listed(&kb.made_by("3a-hsd").unwrap(), |m| m.to_json()),
    );
    add(
        "acting_on gaba-a-receptor",
        listed(&kb.acting_on("gaba-a-receptor").unwrap(), |a| a.to_json()),
    );
    insta::assert_snapshot!(out);
}
