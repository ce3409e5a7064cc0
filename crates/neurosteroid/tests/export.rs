//! Exports of the embedded knowledge base: every edge joins two nodes, every reaction and
//! claim is an edge with its provenance, RDF round-trips its own triple count, the shapes
//! cover every object type of the schema, SBML and SSSOM carry what was curated. The
//! community validators (kgx, pyshacl, libsbml, sssom) judge the same output in
//! `tools/judges` (`make test-interop`).

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::collections::BTreeSet;

use neurosteroid::KnowledgeBase;
use neurosteroid::export::{ExportFormat, Exported, document_schema, kgx, rdf, shacl, vocab};
use neurosteroid::model::EvidenceDirection;
use serde_json::Value;

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded().unwrap()
}

fn files(format: ExportFormat) -> std::collections::BTreeMap<String, String> {
    match kb().export(format).unwrap() {
        Exported::Files(f) => f,
        Exported::Text(_) => panic!("{format} should be several files"),
    }
}

fn text(format: ExportFormat) -> String {
    match kb().export(format).unwrap() {
        Exported::Text(t) => t,
        Exported::Files(_) => panic!("{format} should be one text"),
    }
}

#[test]
fn format_names_round_trip() {
    for f in ExportFormat::ALL {
        assert_eq!(f.as_str().parse::<ExportFormat>().unwrap(), f);
        assert_eq!(f.is_multi_file(), matches!(kb().export(f).unwrap(), Exported::Files(_)));
    }
    let err = "owl".parse::<ExportFormat>().unwrap_err();
    assert_eq!(
        (err.what(), err.given(), err.expected()),
        ("export format", "owl", &ExportFormat::NAMES[..])
    );
    assert_eq!(
        err.to_string(),
        "unknown export format `owl` (one of: kgx, turtle, ntriples, shacl, sbml, sssom)"
    );
}

#[test]
fn kgx_edges_join_nodes_and_keep_the_evidence() {
    let f = files(ExportFormat::Kgx);
    let nodes: Vec<Value> = f["nodes.jsonl"]
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let edges: Vec<Value> = f["edges.jsonl"]
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are unique");
    let doc = kb().document();
    let expected_nodes: usize = kgx::node_kinds().map(|k| doc.len_of(k)).sum();
    assert_eq!(nodes.len(), expected_nodes);
    for e in &edges {
        for end in ["subject", "object"] {
            assert!(ids.contains(e[end].as_str().unwrap()), "{e}: {end} is not a node");
        }
        assert_eq!(e["primary_knowledge_source"], vocab::INFORES);
        assert!(e["predicate"].as_str().unwrap().starts_with("biolink:"));
    }
    let derivations: Vec<&Value> = edges
        .iter()
        .filter(|e| e["category"][0] == vocab::edge::DERIVATION)
        .collect();
    assert_eq!(derivations.len(), doc.reactions.len());
    for r in &doc.reactions {
        let id = format!("{}:{}", vocab::KB_PREFIX, r.id);
        let e = derivations.iter().find(|e| e["id"] == id.as_str()).unwrap();
        // A derivation names its catalysts exactly when the reaction records isoforms (some
        // family steps, such as the sulfations, have none confirmed).
        let catalysts = e["catalyst_qualifier"].as_array().map_or(0, Vec::len);
        assert_eq!(catalysts, r.isoforms.len(), "{id}");
    }
    assert!(doc.reactions.iter().filter(|r| !r.isoforms.is_empty()).count() > doc.reactions.len() / 2);
    // Every claim is an edge with its grade and direction; contradicted ones are negated.
    for c in &doc.claims {
        let id = format!("{}:{}", vocab::KB_PREFIX, c.id);
        let e = edges.iter().find(|e| e["id"] == id.as_str()).unwrap();
        assert_eq!(e["evidence_grade"], c.grade.as_str());
        assert_eq!(e["evidence_direction"].as_str(), c.direction.map(|d| d.as_str()));
        assert_eq!(
            e.get("negated") == Some(&Value::Bool(true)),
            c.direction == Some(EvidenceDirection::Contradicts)
        );
        // Each claim's own provenance (its evidence kind and grade), not one default.
        let level = neurosteroid::model::biolink_provenance(c);
        assert_eq!(e["knowledge_level"], level.knowledge_level, "{id}");
        assert_eq!(e["agent_type"], level.agent_type, "{id}");
    }
    let levels: BTreeSet<&str> = edges
        .iter()
        .filter(|e| e["evidence_grade"].is_string())
        .filter_map(|e| e["knowledge_level"].as_str())
        .collect();
    assert!(levels.len() > 1, "claims carry different knowledge levels: {levels:?}");
    assert!(
        doc.claims
            .iter()
            .any(|c| c.direction == Some(EvidenceDirection::Contradicts))
    );
    // TSV: one row per record, every row as wide as the header.
    for (name, n, width) in [
        ("nodes.tsv", nodes.len(), kgx::NODE_COLUMNS.len()),
        ("edges.tsv", edges.len(), kgx::EDGE_COLUMNS.len()),
    ] {
        let lines: Vec<&str> = f[name].lines().collect();
        assert_eq!(lines.len(), n + 1, "{name}");
        assert!(lines.iter().all(|l| l.split('\t').count() == width), "{name}");
    }
}

#[test]
fn nodes_use_external_ids_with_biolink_prefixes() {
    let f = files(ExportFormat::Kgx);
    let first: Value = serde_json::from_str(f["nodes.jsonl"].lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "CHEBI:16113", "cholesterol is its ChEBI id");
    assert!(f["nodes.jsonl"].contains("\"UniProtKB:P05108\""));
    assert!(!f["nodes.jsonl"].contains("\"uniprot:"));
}

#[test]
fn kgx_nodes_carry_every_description() {
    let f = files(ExportFormat::Kgx);
    let mut by_name: std::collections::BTreeMap<String, Vec<Value>> = std::collections::BTreeMap::new();
    for line in f["nodes.jsonl"].lines() {
        let node: Value = serde_json::from_str(line).unwrap();
        by_name
            .entry(node["name"].as_str().unwrap().to_owned())
            .or_default()
            .push(node["description"].clone());
    }
    let mut described = BTreeSet::new();
    for kind in neurosteroid::model::EntityKind::ALL {
        for e in kb().entities(kind) {
            let Some(d) = e.to_json_value().get("description").cloned() else {
                continue;
            };
            let nodes = by_name
                .get(e.name())
                .unwrap_or_else(|| panic!("no node named {}", e.name()));
            assert!(nodes.contains(&d), "{}: {nodes:?}", e.id());
            described.insert(kind.collection());
        }
    }
    // Every kind that has a description in the embedded data was checked.
    assert_eq!(
        described.into_iter().collect::<Vec<_>>(),
        [
            "compounds",
            "conditions",
            "effects",
            "enzymes",
            "gene_products",
            "pathways",
            "receptors",
            "sites",
            "strategies",
            "therapies"
        ]
    );
}

#[test]
fn rdf_reifies_claims_and_writes_every_triple() {
    let triples = rdf::graph(kb());
    let nt = text(ExportFormat::NTriples);
    assert_eq!(nt.lines().count(), triples.len());
    let statements = triples
        .iter()
        .filter(|t| t.predicate.ends_with("#type") && t.object == rdf::Term::Iri(format!("{}Statement", vocab::RDF)))
        .count();
    assert_eq!(statements, kb().document().claims.len());
    let ttl = text(ExportFormat::Turtle);
    assert!(ttl.starts_with("@prefix rdf:"));
    assert!(ttl.contains("kb:allopregnanolone\n    a v:Compound"), "{}", &ttl[..400]);
    // Identifiers are IRIs from the registry's URI pattern.
    assert!(nt.contains("<http://purl.obolibrary.org/obo/CHEBI_50169>"));
}

#[test]
fn rdf_of_an_invalid_document_keeps_what_is_wrong() {
    let doc = serde_json::json!({"$schema": "https://example.org/document.schema.json",
        "schema_version": "1.0.0", "as_of": "2026-01-01",
        "compounds": [{"id": "x", "name": "X", "identifiers": ["nope:1"], "colour": "blue",
            "formula": {"C": 21}}],
        "receptors": [{"id": "r", "name": "R", "mechanisms": [{"id": "m"}]}]});
    let nt = rdf::ntriples(&rdf::graph_of_value(&doc, &document_schema()));
    // What the document says of itself for editors is not knowledge: no triple.
    assert!(!nt.contains("$schema") && !nt.contains("document.schema.json"), "{nt}");
    // An object where the schema has a scalar (a formula) is its JSON text, not a node.
    assert!(
        nt.contains(r#"<https://neurosteroid.invalid/vocab/formula> "{\"C\":21}"^^"#),
        "{nt}"
    );
    assert!(!nt.contains("/kb/x/formula"), "{nt}");
    // An object whose type has no id is named by where it is, even with an `id` of its own.
    assert!(
        nt.contains("<https://neurosteroid.invalid/kb/r> <https://neurosteroid.invalid/vocab/mechanisms> <https://neurosteroid.invalid/kb/r/mechanisms/0> ."),
        "{nt}"
    );
    assert!(!nt.contains("<https://neurosteroid.invalid/kb/m>"), "{nt}");
    assert!(
        nt.contains("<https://neurosteroid.invalid/vocab/identifiers> \"nope:1\" ."),
        "{nt}"
    );
    assert!(
        nt.contains("<https://neurosteroid.invalid/vocab/colour> \"blue\" ."),
        "{nt}"
    );
}

/// A list's `minItems` is its `sh:minCount` when the field is required (the document schema
/// has none today: this is the shapes of any schema, as `shacl::shapes` takes one).
#[test]
fn shacl_turns_a_required_lists_minimum_into_a_min_count() {
    let schema = serde_json::json!({
        "type": "object",
        "required": ["two", "none", "zero"],
        "properties": {
            "two": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "none": {"type": "array", "items": {"type": "string"}},
            "zero": {"type": "array", "items": {"type": "string"}, "minItems": 0},
            "optional": {"type": "array", "items": {"type": "string"}, "minItems": 3}
        }
    });
    let ttl = shacl::shapes(&schema);
    let shape_of = |key: &str| -> String {
        let start = ttl
            .find(&format!("sh:path v:{key} "))
            .unwrap_or_else(|| panic!("{key}: {ttl}"));
        ttl[start..].split(']').next().unwrap_or_default().to_owned()
    };
    assert!(shape_of("two").contains("sh:minCount 2"), "{ttl}");
    for key in ["none", "zero", "optional"] {
        assert!(!shape_of(key).contains("sh:minCount"), "{key}: {ttl}");
    }
}

/// A number is typed by its field's schema: `xsd:decimal` for a number field even when it is
/// written without a fraction, `xsd:integer` for an integer field, and by its own value where
/// it does not fit (a fraction in an integer field).
#[test]
fn rdf_types_a_number_by_its_fields_schema() {
    let doc = serde_json::json!({"schema_version": "1.0.0", "as_of": "2026-01-01",
        "sources": [{"id": "s", "kind": "article", "title": "S", "year": 2020},
            {"id": "s2", "kind": "article", "title": "S2", "year": 2020.5}],
        "therapies": [{"id": "t", "name": "T", "kind": "drug-product", "active_compounds": [],
            "prescription": true, "doses": [{"min": 30, "unit": "mg", "source": "s"}]}]});
    let nt = rdf::ntriples(&rdf::graph_of_value(&doc, &document_schema()));
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    for triple in [
        format!(
            "<https://neurosteroid.invalid/kb/s> <https://neurosteroid.invalid/vocab/year> \"2020\"^^<{xsd}integer> ."
        ),
        format!(
            "<https://neurosteroid.invalid/kb/s2> <https://neurosteroid.invalid/vocab/year> \"2020.5\"^^<{xsd}decimal> ."
        ),
        format!("<https://neurosteroid.invalid/vocab/min> \"30\"^^<{xsd}decimal> ."),
    ] {
        assert!(nt.contains(&triple), "{triple}\n{nt}");
    }
}

#[test]
fn rdf_of_unknown_fields_types_each_literal_by_its_json_value() {
    let doc = serde_json::json!({"schema_version": "1.0.0", "as_of": "2026-01-01",
        "compounds": [{"id": "x", "name": "X", "a": -5, "b": 18446744073709551615_u64, "c": 2.5,
            "d": true, "e": null, "f": {"k": [1]}}]});
    let nt = rdf::ntriples(&rdf::graph_of_value(&doc, &document_schema()));
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let objects: Vec<&str> = nt
        .lines()
        .filter(|l| {
            ["a", "b", "c", "d", "e", "f"]
                .iter()
                .any(|p| l.contains(&format!("/vocab/{p}> ")))
        })
        .collect();
    assert_eq!(
        objects,
        [
            format!(
                "<https://neurosteroid.invalid/kb/x> <https://neurosteroid.invalid/vocab/a> \"-5\"^^<{xsd}integer> ."
            ),
            format!(
                "<https://neurosteroid.invalid/kb/x> <https://neurosteroid.invalid/vocab/b> \"18446744073709551615\"^^<{xsd}integer> ."
            ),
            format!(
                "<https://neurosteroid.invalid/kb/x> <https://neurosteroid.invalid/vocab/c> \"2.5\"^^<{xsd}decimal> ."
            ),
            format!(
                "<https://neurosteroid.invalid/kb/x> <https://neurosteroid.invalid/vocab/d> \"true\"^^<{xsd}boolean> ."
            ),
            r#"<https://neurosteroid.invalid/kb/x> <https://neurosteroid.invalid/vocab/f> "{\"k\":[1]}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> ."#
                .to_owned(),
        ],
        "{nt}"
    );
    // Turtle says the same with its prefixes.
    let ttl = rdf::turtle(&rdf::graph_of_value(&doc, &document_schema()));
    for object in [
        "v:a \"-5\"^^xsd:integer",
        "v:c \"2.5\"^^xsd:decimal",
        "v:d \"true\"^^xsd:boolean",
        r#"v:f "{\"k\":[1]}"^^rdf:JSON"#,
    ] {
        assert!(ttl.contains(object), "{object}: {ttl}");
    }
}

#[test]
fn shapes_cover_every_object_type() {
    let shapes = text(ExportFormat::Shacl);
    let schema = document_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let objects: Vec<&String> = defs
        .iter()
        .filter(|(_, d)| d.get("properties").is_some())
        .map(|(k, _)| k)
        .collect();
    assert!(objects.len() > 10);
    for name in objects {
        assert!(shapes.contains(&format!("shape:{name}Shape\n")), "{name}");
        assert!(shapes.contains(&format!("sh:targetClass v:{name} ;")), "{name}");
    }
    assert!(shapes.contains("shape:KnowledgeBaseShape"));
    assert!(shapes.contains("sh:in ( \"regulatory\""), "grades are an enumeration");
    // An anchored pattern is guarded against a final line break, as in the JSON Schema.
    assert!(
        shapes.contains("sh:not [ sh:pattern \"\\n\" ]"),
        "no guard against a final line break"
    );
    // References name the class of the kinds the `full` level allows, from its one table.
    let reaction = &shapes[shapes.find("shape:ReactionShape").unwrap()..];
    let reaction = &reaction[..reaction.find(" .\n").unwrap()];
    assert!(reaction.contains("sh:path v:substrate ;\n        sh:minCount 1 ;\n        sh:maxCount 1 ;\n        sh:nodeKind sh:IRI ;\n        sh:class v:Compound"), "{reaction}");
    assert!(
        reaction.contains("sh:path v:isoforms ;\n        sh:nodeKind sh:IRI ;\n        sh:class v:GeneProduct"),
        "{reaction}"
    );
    assert!(shapes.contains(
        "sh:or ( [ sh:class v:Compound ] [ sh:class v:Condition ] [ sh:class v:Therapy ] [ sh:class v:Strategy ] )"
    ));
    // A nested object's reference (a mechanism's ligand) and a reference to any kind.
    let mechanism = &shapes[shapes.find("shape:MechanismShape").unwrap()..];
    let mechanism = &mechanism[..mechanism.find(" .\n").unwrap()];
    assert!(mechanism.contains("sh:path v:ligand ;\n        sh:minCount 1 ;\n        sh:maxCount 1 ;\n        sh:nodeKind sh:IRI ;\n        sh:class v:Compound"), "{mechanism}");
    assert!(shapes.contains("sh:path v:entities ;\n        sh:nodeKind sh:IRI ;\n        sh:class v:Entity"));
    // Length bounds stay integers, as SHACL requires, also on optional scalars
    // (`"type": ["string", "null"]` in the schema).
    let receptor = &shapes[shapes.find("shape:ReceptorShape").unwrap()..];
    let receptor = &receptor[..receptor.find(" .\n").unwrap()];
    let subtype = &receptor[receptor.find("sh:path v:subtype_of ;").unwrap() + 1..];
    let subtype = &subtype[..subtype.find("sh:path").unwrap_or(subtype.len())];
    // An optional reference (`"type": ["string", "null"]`, named `Id` in its `$comment`) is
    // still a link to an entity of the right kind.
    assert!(
        subtype.contains("sh:nodeKind sh:IRI ;\n        sh:class v:Receptor"),
        "{subtype}"
    );
    for bound in ["sh:maxLength ", "sh:minLength "] {
        for (at, _) in shapes.match_indices(bound) {
            let value = shapes[at + bound.len()..].split([' ', '\n']).next().unwrap();
            assert!(value.parse::<u64>().is_ok(), "{bound}{value}");
        }
    }
}

#[test]
fn sbml_has_every_step_species_and_modifier() {
    let f = files(ExportFormat::Sbml);
    let doc = kb().document();
    assert_eq!(f.len(), doc.pathways.len());
    let xml = &f["allopregnanolone-biosynthesis.xml"];
    for step in &doc.pathways[0].steps {
        assert!(
            xml.contains(&format!("<reaction id=\"r_{}\"", step.as_str().replace('-', "_"))),
            "{step}"
        );
    }
    assert!(xml.contains("<modifierSpeciesReference species=\"s_cyp11a1\"/>"));
    assert!(xml.contains("https://identifiers.org/ec-code:1.14.15.6"));
    assert!(xml.contains("<bqbiol:isVersionOf>"));
    assert!(xml.contains("https://identifiers.org/uniprot:P05108"));
    // Each step is its Rhea reaction (physiological direction), a version of its master.
    for r in doc.reactions.iter().filter(|r| doc.pathways[0].steps.contains(&r.id)) {
        let (Some(dir), Some(master)) = (&r.rhea_direction, &r.rhea_master) else {
            continue;
        };
        let rid = format!("meta_r_{}", r.id.as_str().replace('-', "_"));
        let block = &xml[xml.find(&format!("rdf:about=\"#{rid}\"")).unwrap()..];
        let block = &block[..block.find("</rdf:RDF>").unwrap()];
        let is = &block[block.find("<bqbiol:is>").unwrap()..block.find("</bqbiol:is>").unwrap()];
        assert!(
            is.contains(&format!("https://identifiers.org/rhea:{}", dir.local())),
            "{block}"
        );
        let version = &block[block.find("<bqbiol:isVersionOf>").unwrap()..];
        assert!(
            version.contains(&format!("https://identifiers.org/rhea:{}", master.local())),
            "{block}"
        );
    }
    assert!(doc.reactions.iter().any(|r| r.rhea_direction.is_some()));
}

/// The SBML and KGX exports of a network where pathways share steps and a reaction lists
/// no isoform.
#[test]
fn exports_cover_a_network_of_pathways() {
    let mut doc: serde_json::Value = serde_json::from_str(&kb().to_json()).unwrap();
    let steps = doc["pathways"][0]["steps"].clone();
    doc["pathways"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "shared-start", "name": "shared start", "steps": [steps[0], steps[1]]}));
    doc["reactions"][1]["isoforms"] = serde_json::json!([]);
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let Exported::Files(sbml) = kb.export(ExportFormat::Sbml).unwrap() else {
        panic!("SBML is one file per pathway")
    };
    assert_eq!(sbml.len(), kb.document().pathways.len());
    assert!(sbml["shared-start.xml"].contains("<listOfReactions>"));
    let Exported::Files(kgx) = kb.export(ExportFormat::Kgx).unwrap() else {
        panic!("KGX is nodes and edges")
    };
    let id = format!("{}:{}", vocab::KB_PREFIX, kb.document().reactions[1].id);
    let edge: Value = kgx["edges.jsonl"]
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|e| e["id"] == id.as_str())
        .unwrap();
    assert!(
        edge.get("catalyst_qualifier")
            .is_none_or(|q| q.as_array().is_some_and(Vec::is_empty))
    );
}

#[test]
fn sssom_maps_every_curated_cross_reference() {
    let tsv = text(ExportFormat::Sssom);
    let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).skip(1).collect();
    let expected: usize = kgx::node_kinds()
        .flat_map(|k| kb().entities(k))
        .map(|e| e.identifiers().len().saturating_sub(1))
        .sum();
    assert_eq!(rows.len(), expected);
    assert!(
        rows.iter()
            .all(|r| r.split('\t').nth(5) == Some("semapv:ManualMappingCuration"))
    );
    assert!(tsv.contains("CHEBI:50169\tallopregnanolone\tskos:exactMatch\tcas:516-54-1"));
    assert!(tsv.contains("#license: "));
}

/// Every export of the shared base vector (one entity of most kinds), byte for byte: a
/// change to any exporter shows up as a diff to review (`cargo insta review`). The embedded
/// data's exports are checked by the properties above and by the community validators.
#[test]
fn every_export_of_the_base_vector_is_pinned() {
    let kb = KnowledgeBase::from_json(&neurosteroid_test_support::base_text()).unwrap();
    for format in ExportFormat::ALL {
        let out = match kb.export(format).unwrap() {
            Exported::Text(t) => t,
            Exported::Files(files) => files
                .iter()
                .map(|(name, body)| format!("=== {name} ===\n{body}"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        insta::assert_snapshot!(format!("base_{format}"), out);
    }
}
