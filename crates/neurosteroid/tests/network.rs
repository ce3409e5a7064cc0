//! The family queries over branching networks: routes where pathways share enzymes and
//! intermediates, branches, which compounds an enzyme makes, what acts on a receptor, and
//! diagrams of a network. Small documents written here, plus the embedded data.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::model::EvidenceDirection;
use neurosteroid::{Error, KnowledgeBase};
use serde_json::{Value, json};

/// A network with a shared enzyme (`red`, two isoforms) and a shared intermediate (`p`):
///
/// ```text
///            o ──ox──▶ p ──red──▶ r5 ──hsd──▶ allo        (pathway allo-synthesis)
///                      │          └──beta──▶ iso
///                      ├──red'──▶ d ──hsd──▶ thd          (no pathway)
///                      └──red──▶ q5 ◀──sts── qs ◀──sult── q5   (a loop)
/// ```
fn network_doc() -> Value {
    let compound = |id: &str| json!({"id": id, "name": format!("Compound {}", id.to_uppercase())});
    let reaction = |id: &str, s: &str, p: &str, e: &str, iso: &[&str]| json!({"id": id, "name": id, "substrate": s, "product": p, "enzyme": e, "isoforms": iso});
    let claim = |id: &str, s: &str, pred: &str, o: &str, grade: &str, dir: &str| {
        json!({"id": id, "statement": format!("claim {id}"), "subject": s, "predicate": pred, "object": o,
               "grade": grade, "direction": dir, "sources": ["paper"]})
    };
    let compounds: Vec<Value> = ["o", "p", "r5", "allo", "iso", "d", "thd", "q5", "qs"]
        .map(compound)
        .into();
    json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "sources": [{"id": "paper", "kind": "journal-article", "title": "A paper"}],
        "compounds": compounds,
        "enzymes": [
            {"id": "ox", "name": "oxidase"},
            {"id": "red", "name": "steroid reductase", "synonyms": ["reductase-alpha"]},
            {"id": "hsd", "name": "hydroxysteroid dehydrogenase"},
            {"id": "beta", "name": "beta reduction"},
            {"id": "sult", "name": "sulfotransferase"},
            {"id": "sts", "name": "sulfatase"}
        ],
        "gene_products": [
            {"id": "red1", "name": "reductase 1", "symbol": "RED1", "activities": ["red"]},
            {"id": "red2", "name": "reductase 2", "symbol": "RED2", "activities": ["red"]},
            {"id": "hsd1", "name": "dehydrogenase 1", "symbol": "HSD1", "activities": ["hsd"]},
            {"id": "sub-d", "name": "delta subunit", "symbol": "SUBD"}
        ],
        "reactions": [
            reaction("o-p", "o", "p", "ox", &[]),
            reaction("p-r5", "p", "r5", "red", &["red1"]),
            reaction("r5-allo", "r5", "allo", "hsd", &["hsd1"]),
            reaction("r5-iso", "r5", "iso", "beta", &[]),
            reaction("p-d", "p", "d", "red", &["red2"]),
            reaction("d-thd", "d", "thd", "hsd", &["hsd1"]),
            reaction("p-q5", "p", "q5", "red", &[]),
            reaction("q5-qs", "q5", "qs", "sult", &[]),
            reaction("qs-q5", "qs", "q5", "sts", &[])
        ],
        "pathways": [{"id": "allo-synthesis", "name": "allo synthesis", "steps": ["o-p", "p-r5", "r5-allo"]}],
        "receptors": [
            {"id": "rec", "name": "Receptor R", "synonyms": ["R receptor"], "mechanisms": [
                {"ligand": "allo", "mode": "positive-allosteric-modulation", "claims": ["allo-acts"]},
                {"ligand": "iso", "mode": "negative-allosteric-modulation"}
            ]},
            {"id": "rec-d", "name": "delta receptor", "subunits": ["sub-d"], "mechanisms": [
                {"ligand": "allo", "mode": "positive-allosteric-modulation", "claims": ["allo-acts"]}
            ]}
        ],
        "claims": [
            claim("p-precursor-allo", "p", "precursor-of", "allo", "clinical-trial", "supports"),
            claim("r5-precursor-allo", "r5", "precursor-of", "allo", "preclinical", "supports"),
            claim("p-precursor-thd", "p", "precursor-of", "thd", "preclinical", "contradicts"),
            claim("o-precursor-allo", "o", "precursor-of", "allo", "preclinical", "supports"),
            claim("allo-acts", "allo", "acts-on", "rec", "preclinical", "supports"),
            claim("thd-acts", "thd", "acts-on", "rec", "clinical-observational", "contradicts"),
            claim("iso-acts", "iso", "acts-on", "rec", "preclinical", "mixed")
        ]
    })
}

/// Adds a compound named after its id to a document.
fn add_compound(doc: &mut Value, id: &str) {
    doc["compounds"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": id, "name": format!("Compound {id}")}));
}

/// Adds a reaction named after its id to a document.
fn add_reaction(doc: &mut Value, id: &str, substrate: &str, product: &str, enzyme: &str) {
    doc["reactions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": id, "name": id, "substrate": substrate, "product": product, "enzyme": enzyme}));
}

fn kb() -> KnowledgeBase {
    KnowledgeBase::from_json(&network_doc().to_string()).unwrap()
}

fn ids<'a>(it: impl IntoIterator<Item = &'a neurosteroid::model::Compound>) -> Vec<&'a str> {
    it.into_iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn biosynthesis_picks_a_route_to_every_compound_of_a_branching_network() {
    let kb = kb();
    // A pathway that ends at the compound.
    let allo = kb.biosynthesis("allo").unwrap();
    assert_eq!(allo.pathway.map(|p| p.id.as_str()), Some("allo-synthesis"));
    assert_eq!(ids(allo.compounds()), ["o", "p", "r5", "allo"]);
    // No pathway: traced back through the shared intermediate to the origin.
    let thd = kb.biosynthesis("thd").unwrap();
    assert!(thd.pathway.is_none());
    assert_eq!(ids(thd.compounds()), ["o", "p", "d", "thd"]);
    let iso = kb.biosynthesis("iso").unwrap();
    assert_eq!(ids(iso.compounds()), ["o", "p", "r5", "iso"]);
    // A loop (q5 ⇄ qs): the route still starts at the origin, through the shortest chain.
    assert_eq!(ids(kb.biosynthesis("qs").unwrap().compounds()), ["o", "p", "q5", "qs"]);
    assert_eq!(ids(kb.biosynthesis("q5").unwrap().compounds()), ["o", "p", "q5"]);
    // An intermediate of a pathway: the pathway up to it.
    assert_eq!(ids(kb.biosynthesis("r5").unwrap().compounds()), ["o", "p", "r5"]);
}

#[test]
fn a_pathway_that_ends_at_the_compound_wins_over_one_that_passes_through_it() {
    let mut doc = network_doc();
    // A longer pathway through r5 listed first, and a short one ending at r5 after it.
    doc["pathways"] = json!([
        {"id": "through", "name": "through r5", "steps": ["o-p", "p-r5", "r5-allo"]},
        {"id": "to-r5", "name": "to r5", "steps": ["o-p", "p-r5"]}
    ]);
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    assert_eq!(
        kb.biosynthesis("r5").unwrap().pathway.map(|p| p.id.as_str()),
        Some("to-r5")
    );
}

#[test]
fn the_network_shows_branches_off_the_route_and_other_ways_in() {
    let kb = kb();
    let alone = kb.network("allo", 0).unwrap();
    assert!(alone.branches.is_empty());
    let net = kb.network("allo", 1).unwrap();
    let branch: Vec<&str> = net.branches.iter().map(|s| s.reaction.id.as_str()).collect();
    // One step off the route from each of its compounds, none of the route's own steps.
    assert_eq!(branch, ["p-d", "p-q5", "r5-iso"]);
    let deeper = kb.network("allo", 2).unwrap();
    let branch: Vec<&str> = deeper.branches.iter().map(|s| s.reaction.id.as_str()).collect();
    assert_eq!(branch, ["p-d", "p-q5", "r5-iso", "d-thd", "q5-qs"]);
    // From q5's route, the loop back into it is another way in, shown from depth 1 only.
    let q5 = kb.network("q5", 1).unwrap();
    assert!(q5.branches.iter().any(|s| s.reaction.id.as_str() == "qs-q5"));
    assert!(kb.network("q5", 0).unwrap().branches.is_empty());
    let text = deeper.to_string();
    assert!(text.contains("  branches:\n"), "{text}");
    assert!(
        text.contains("Compound P → Compound D (steroid reductase: RED2)"),
        "{text}"
    );
    assert_eq!(deeper.to_json()["branches"].as_array().unwrap().len(), 5);
}

#[test]
fn a_network_holds_at_most_max_branch_steps_whether_the_branches_lead_in_or_out() {
    use neurosteroid::network::MAX_BRANCH_STEPS;
    // 20 more reactions than the cap, each with a compound of its own: out of `allo` (its
    // users), or into `o` (other ways in).
    for into in [false, true] {
        let mut doc = network_doc();
        for i in 0..MAX_BRANCH_STEPS + 20 {
            let x = format!("x{i}");
            add_compound(&mut doc, &x);
            let (s, p) = if into { (x.as_str(), "o") } else { ("allo", x.as_str()) };
            add_reaction(&mut doc, &format!("step-{i}"), s, p, "hsd");
        }
        let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
        let net = kb.network("allo", 1).unwrap();
        assert_eq!(net.branches.len(), MAX_BRANCH_STEPS, "into: {into}");
    }
}

#[test]
fn made_by_stops_following_chains_once_it_holds_max_branch_steps_compounds() {
    use neurosteroid::network::MAX_BRANCH_STEPS;
    // `sult` makes `qs` (which goes on to `q5`) and `m`; `m` goes on to MAX_BRANCH_STEPS - 3
    // compounds, the first of which goes on to `z`. With those, made_by holds exactly
    // MAX_BRANCH_STEPS compounds before it would look past `m`'s products, so `z` is left out.
    let mut doc = network_doc();
    add_compound(&mut doc, "m");
    add_compound(&mut doc, "z");
    add_reaction(&mut doc, "allo-m", "allo", "m", "sult");
    for i in 0..MAX_BRANCH_STEPS - 3 {
        add_compound(&mut doc, &format!("x{i}"));
        add_reaction(&mut doc, &format!("m-x{i}"), "m", &format!("x{i}"), "hsd");
    }
    add_reaction(&mut doc, "x0-z", "x0", "z", "hsd");
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let made = kb.made_by("sult").unwrap();
    let ids: Vec<&str> = made.iter().map(|m| m.compound.id.as_str()).collect();
    assert_eq!(made.len(), MAX_BRANCH_STEPS);
    assert_eq!(ids[..4], ["m", "qs", "q5", "x0"]);
    assert!(!ids.contains(&"z"));
}

#[test]
fn upstream_and_downstream_are_the_reactions_into_and_out_of_a_compound() {
    let kb = kb();
    let reactions = |steps: Vec<neurosteroid::RouteStep<'_>>| -> Vec<String> {
        steps.iter().map(|s| s.reaction.id.to_string()).collect()
    };
    assert_eq!(reactions(kb.upstream("q5").unwrap()), ["p-q5", "qs-q5"]);
    assert_eq!(reactions(kb.downstream("p").unwrap()), ["p-r5", "p-d", "p-q5"]);
    assert_eq!(reactions(kb.upstream("Compound O").unwrap()), Vec::<String>::new());
    assert_eq!(reactions(kb.downstream("allo").unwrap()), Vec::<String>::new());
    assert!(matches!(kb.upstream("red"), Err(Error::WrongKind { .. })));
}

#[test]
fn made_by_resolves_an_activity_or_a_gene_product_and_follows_the_chain() {
    let kb = kb();
    // By activity (through a synonym): its own products, then what needs them.
    let made = kb.made_by("reductase-alpha").unwrap();
    let names: Vec<(&str, bool)> = made.iter().map(|m| (m.compound.id.as_str(), m.direct())).collect();
    for want in [
        ("r5", true),
        ("d", true),
        ("q5", true),
        ("allo", false),
        ("thd", false),
        ("iso", false),
    ] {
        assert!(names.contains(&want), "{want:?} in {names:?}");
    }
    assert!(
        !names.iter().any(|(id, _)| *id == "p" || *id == "o"),
        "upstream compounds are not made by it"
    );
    // Evidence: the precursor-of claims from the chain, never one from upstream of it.
    let allo = made.iter().find(|m| m.compound.id.as_str() == "allo").unwrap();
    let claims: Vec<&str> = allo.link.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(claims, ["p-precursor-allo", "r5-precursor-allo"]);
    assert_eq!(allo.link.direction(), EvidenceDirection::Supports);
    // A contradicted claim is shown as such, never as support, and `supporting` drops it.
    let thd = made.iter().find(|m| m.compound.id.as_str() == "thd").unwrap();
    assert_eq!(thd.link.direction(), EvidenceDirection::Contradicts);
    assert!(thd.to_string().starts_with("Compound THD — contradicts"), "{thd}");
    assert!(thd.clone().supporting().is_none());
    // A supported compound is kept whole: its chain and its supporting claims.
    let kept = allo.clone().supporting().unwrap();
    assert_eq!(kept.compound.id.as_str(), "allo");
    assert_eq!(kept.steps, allo.steps);
    assert_eq!(kept.link.claims, allo.link.claims);
    // A compound made by a recorded reaction with no claim: no grade, not support.
    let q5 = made.iter().find(|m| m.compound.id.as_str() == "q5").unwrap();
    assert!(q5.link.grade().is_none() && !q5.link.is_supported());
    assert!(q5.to_string().contains("no claim recorded"), "{q5}");
    // Nearest first, then by strength of support: the supported allo before iso (no claim)
    // and the contradicted thd.
    let at = |id: &str| made.iter().position(|m| m.compound.id.as_str() == id).unwrap();
    assert!(at("r5") < at("allo") && at("allo") < at("iso") && at("iso") < at("thd"));

    // By gene product: the reactions that list it, and those that list no isoform but need
    // its activity (p-q5); nearest first, then by strength of support.
    let red2: Vec<&str> = kb
        .made_by("RED2")
        .unwrap()
        .iter()
        .map(|m| m.compound.id.as_str())
        .collect();
    assert_eq!(red2, ["d", "q5", "qs", "thd"]);
    // A reaction that lists no isoforms counts for every gene product with its activity.
    assert!(
        kb.made_by("RED1")
            .unwrap()
            .iter()
            .any(|m| m.compound.id.as_str() == "q5")
    );
    // The JSON carries direction, grade, claims and the chain.
    let j = allo.to_json();
    assert_eq!(j["direction"], "supports");
    assert_eq!(j["direct"], false);
    assert_eq!(j["steps"][0]["enzyme"], "red");
}

#[test]
fn made_by_refuses_what_is_not_an_enzyme() {
    let kb = kb();
    assert!(matches!(kb.made_by("allo"), Err(Error::WrongKind { .. })));
    assert!(matches!(kb.made_by("no such thing"), Err(Error::NotFound { .. })));
}

#[test]
fn acting_on_groups_every_ligand_with_the_direction_of_its_evidence() {
    let kb = kb();
    let acting = kb.acting_on("R receptor").unwrap();
    let got: Vec<(&str, EvidenceDirection)> = acting
        .iter()
        .map(|a| (a.link.entity.id().as_str(), a.link.direction()))
        .collect();
    assert_eq!(
        got,
        [
            ("allo", EvidenceDirection::Supports),
            ("iso", EvidenceDirection::Mixed),
            ("thd", EvidenceDirection::Contradicts)
        ]
    );
    assert_eq!(acting[0].modes(), ["positive-allosteric-modulation"]);
    assert_eq!(acting[1].modes(), ["negative-allosteric-modulation"]);
    assert!(acting[2].to_string().contains("contradicts"), "{}", acting[2]);
    let supported: Vec<_> = kb
        .acting_on("rec")
        .unwrap()
        .into_iter()
        .filter_map(|a| a.supporting())
        .collect();
    assert_eq!(supported.len(), 1);
    // By a subunit's gene product: the receptors built with it.
    let by_subunit = kb.acting_on("SUBD").unwrap();
    assert_eq!(by_subunit.len(), 1);
    assert_eq!(by_subunit[0].receptor.id.as_str(), "rec-d");
    assert_eq!(by_subunit[0].to_json()["receptor"]["id"], "rec-d");
    assert!(matches!(kb.acting_on("RED1"), Err(Error::WrongKind { .. })));
}

#[test]
fn acting_on_lists_each_claim_of_a_ligand_once() {
    // Two mechanisms of one ligand citing three claims between them, one of them twice (a
    // claim about the ligand at a receptor of the same subunits) and one also an acts-on
    // claim of the receptor.
    let mut doc = network_doc();
    doc["receptors"][0]["mechanisms"] = json!([
        {"ligand": "allo", "mode": "positive-allosteric-modulation", "claims": ["allo-acts", "allo-binds"]},
        {"ligand": "allo", "mode": "agonism", "claims": ["allo-gates", "allo-binds"]},
        {"ligand": "iso", "mode": "negative-allosteric-modulation"}
    ]);
    // And a ligand with two acts-on claims of the receptor, neither cited by a mechanism.
    for (id, subject, object) in [
        ("allo-binds", "allo", "rec-d"),
        ("allo-gates", "allo", "rec"),
        ("iso-acts-again", "iso", "rec"),
    ] {
        doc["claims"].as_array_mut().unwrap().push(
            json!({"id": id, "statement": format!("claim {id}"), "subject": subject, "predicate": "acts-on",
                "object": object, "grade": "preclinical", "direction": "supports", "sources": ["paper"]}),
        );
    }
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let acting = kb.acting_on("rec").unwrap();
    let claims = |ligand: &str| {
        let a = acting.iter().find(|a| a.link.entity.id().as_str() == ligand).unwrap();
        let mut ids: Vec<&str> = a.link.claims.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        (ids, a.mechanisms.len())
    };
    assert_eq!(claims("allo"), (vec!["allo-acts", "allo-binds", "allo-gates"], 2));
    assert_eq!(claims("iso"), (vec!["iso-acts", "iso-acts-again"], 1));
}

#[cfg(feature = "render")]
#[test]
fn diagrams_draw_the_network_not_only_the_chain() {
    use neurosteroid::render::DiagramFormat;
    let kb = kb();
    let mermaid = kb.pathway_diagram("allo", DiagramFormat::Mermaid).unwrap();
    assert!(mermaid.contains("n1 -->|\"steroid reductase: RED1\"| n2"), "{mermaid}");
    assert!(mermaid.contains("-.->|\"steroid reductase: RED2\"|"), "{mermaid}");
    let dot = kb.pathway_diagram("allo", DiagramFormat::Dot).unwrap();
    assert!(
        dot.contains("\"p\" -> \"d\" [label=\"steroid reductase: RED2\", style=dashed];"),
        "{dot}"
    );
    assert!(
        dot.contains("\"thd\" [label=\"Compound THD\", style=\"rounded,dashed\"];"),
        "{dot}"
    );
    let graph: Value = serde_json::from_str(&kb.pathway_diagram("allo", DiagramFormat::NodeLink).unwrap()).unwrap();
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 9);
    let off: Vec<&Value> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["on_route"] == false)
        .collect();
    assert_eq!(off.len(), 5);
    let svg = kb.pathway_diagram("allo", DiagramFormat::Svg).unwrap();
    assert!(svg.contains("class=\"pathway network\""));
    // Every compound drawn once, every step numbered in the legend.
    assert_eq!(svg.matches("<g class=\"node").count(), 9);
    assert!(
        svg.contains(">7. Compound D → Compound THD: hydroxysteroid dehydrogenase: HSD1 (branch)</text>"),
        "{svg}"
    );
    // No two boxes in the same place.
    let mut boxes: Vec<(String, String)> = svg
        .split("<rect x=\"")
        .skip(1)
        .map(|s| {
            let x = s.split('"').next().unwrap().to_owned();
            let y = s.split("y=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
            (x, y)
        })
        .collect();
    let n = boxes.len();
    boxes.sort();
    boxes.dedup();
    assert_eq!(boxes.len(), n);
    // The route alone is still drawn as a labelled chain.
    let chain = kb.pathway_diagram_with("allo", DiagramFormat::Svg, 0).unwrap();
    assert!(!chain.contains("network") && chain.contains("steroid reductase: RED1"));
}

#[cfg(feature = "render")]
#[test]
fn network_labels_are_escaped_in_every_diagram() {
    use neurosteroid::render::DiagramFormat;
    const EVIL: &str = "<script>\"'&`%{}#";
    let mut doc = network_doc();
    for c in doc["compounds"].as_array_mut().unwrap() {
        let name = format!("{}{EVIL}", c["name"].as_str().unwrap());
        c["name"] = json!(name);
    }
    for e in doc["enzymes"].as_array_mut().unwrap() {
        let name = format!("{}{EVIL}", e["name"].as_str().unwrap());
        e["name"] = json!(name);
    }
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let svg = kb.pathway_diagram("allo", DiagramFormat::Svg).unwrap();
    assert!(!svg.contains("<script") && svg.contains("&lt;script&gt;"));
    let mermaid = kb.pathway_diagram("allo", DiagramFormat::Mermaid).unwrap();
    assert!(!mermaid.contains("<script") && !mermaid.contains('%') && !mermaid.contains('`'));
    let dot = kb.pathway_diagram("allo", DiagramFormat::Dot).unwrap();
    assert!(dot.contains("\\\"'&"));
}

#[test]
fn the_embedded_family_answers_both_questions() {
    let kb = KnowledgeBase::embedded().unwrap();
    // 5α-reductase makes 5α-DHP directly and allopregnanolone through it, however named.
    for name in ["5α-reductase", "5alpha-reductase", "SRD5A1"] {
        let made = kb.made_by(name).unwrap();
        assert!(
            made.iter()
                .any(|m| m.direct() && m.compound.id.as_str() == "5a-dihydroprogesterone"),
            "{name}"
        );
        assert!(
            made.iter()
                .any(|m| !m.direct() && m.compound.id.as_str() == "allopregnanolone"),
            "{name}"
        );
    }
    // 3α-HSD and AKR1C4 make both allopregnanolone and pregnanolone (shared enzyme).
    for name in ["3α-HSD", "AKR1C4"] {
        let made: Vec<&str> = kb
            .made_by(name)
            .unwrap()
            .iter()
            .map(|m| m.compound.id.as_str())
            .collect();
        assert!(
            made.contains(&"allopregnanolone") && made.contains(&"pregnanolone"),
            "{name}: {made:?}"
        );
    }
    // AKR1C2 is listed for the 5α step's 3α-reduction, not the 5β one.
    let akr1c2: Vec<&str> = kb
        .made_by("AKR1C2")
        .unwrap()
        .iter()
        .map(|m| m.compound.id.as_str())
        .collect();
    assert!(akr1c2.contains(&"allopregnanolone"), "{akr1c2:?}");
    // No answer presents a contradicting claim as support.
    for m in kb.made_by("5α-reductase").unwrap() {
        if m.link.is_supported() {
            assert!(
                m.link
                    .claims
                    .iter()
                    .any(|c| c.direction == Some(EvidenceDirection::Supports))
            );
        }
    }
    let acting = kb.acting_on("δGABA-A receptor").unwrap();
    let allo = acting
        .iter()
        .find(|a| a.link.entity.id().as_str() == "allopregnanolone")
        .unwrap();
    assert!(allo.modes().contains(&"positive-allosteric-modulation".to_owned()));
    assert!(allo.link.grade().is_some());
    assert_eq!(
        kb.acting_on("GABRD").unwrap(),
        acting,
        "the δ subunit names the same receptor"
    );
    // Pregnanolone and allopregnanolone share progesterone: both routes go through it.
    for c in ["allopregnanolone", "pregnanolone"] {
        let route = kb.biosynthesis(c).unwrap();
        assert!(route.compounds().iter().any(|x| x.id.as_str() == "progesterone"), "{c}");
        assert_eq!(route.target.id.as_str(), c);
    }
    let net = kb.network("allopregnanolone", 2).unwrap();
    assert!(net.branches.iter().any(|s| s.product.id.as_str() == "pregnanolone"));
}

#[test]
fn a_link_supported_by_one_claim_and_contradicted_by_another_of_the_same_predicate_is_mixed() {
    let mut doc = network_doc();
    doc["claims"].as_array_mut().unwrap().push(json!({
        "id": "allo-acts-not", "statement": "claim allo-acts-not", "subject": "allo", "predicate": "acts-on",
        "object": "rec", "grade": "preclinical", "direction": "contradicts", "sources": ["paper"]
    }));
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let acting = kb.acting_on("rec").unwrap();
    let allo = acting.iter().find(|a| a.link.entity.id().as_str() == "allo").unwrap();
    let claims: Vec<(&str, Option<EvidenceDirection>)> =
        allo.link.claims.iter().map(|c| (c.id.as_str(), c.direction)).collect();
    assert_eq!(
        claims,
        [
            ("allo-acts", Some(EvidenceDirection::Supports)),
            ("allo-acts-not", Some(EvidenceDirection::Contradicts))
        ]
    );
    // The supporting claim ranks first, yet the link as a whole is not presented as support.
    assert_eq!(allo.link.direction(), EvidenceDirection::Mixed);
    assert!(!allo.link.is_supported());
    assert!(allo.to_string().contains("mixed"), "{allo}");
}
