//! KGX (Knowledge Graph Exchange) files with the Biolink model: nodes and edges as JSON
//! Lines and as TSV.
//!
//! Nodes are the compounds, enzyme activities, gene products, pathways, receptors, sites,
//! effects, conditions, therapies and strategies, with their Biolink categories and, as id,
//! their best external identifier with Biolink's prefix (the others in `xref`). Edges:
//! - each reaction: `biolink:derives_into` between substrate and product, category
//!   `ChemicalEntityToChemicalDerivationAssociation`, the isoforms as `catalyst_qualifier`;
//! - each claim: its Biolink predicate (and qualifiers), `knowledge_level`, `agent_type`,
//!   `publications`, `primary_knowledge_source`, our `evidence_grade` and
//!   `evidence_direction`, and `negated: true` where the evidence contradicts the statement;
//! - curated facts: a therapy's active ingredients and approved indications, the activities
//!   a gene product carries out, the compounds on a pathway.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value, json};

use super::vocab::{self, INFORES, KB_PREFIX, edge};
use crate::kb::KnowledgeBase;
use crate::model::{Claim, EntityKind, EntityRef, EvidenceDirection, Id, Reaction};

/// Columns of `nodes.tsv`, in order (KGX's TSV layout: multivalued fields joined with `|`).
pub const NODE_COLUMNS: &[&str] = &[
    "id",
    "category",
    "name",
    "description",
    "synonym",
    "xref",
    "symbol",
    "provided_by",
];

/// Columns of `edges.tsv`, in order.
pub const EDGE_COLUMNS: &[&str] = &[
    "id",
    "subject",
    "predicate",
    "object",
    "category",
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "catalyst_qualifier",
    "negated",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "publications",
    "evidence_grade",
    "evidence_direction",
    "description",
];

/// The node id of every entity that is a node: its best external identifier in Biolink
/// form, else `neurosteroid:<id>`.
pub fn node_ids(kb: &KnowledgeBase) -> FxHashMap<&str, String> {
    let mut ids = FxHashMap::default();
    for (kind, _, e) in kb.document().entities() {
        let Some(mapping) = vocab::kind_mapping(kind) else {
            continue;
        };
        let best = mapping
            .id_preference
            .iter()
            .find_map(|key| e.identifiers().iter().find(|c| c.key() == *key));
        let id = best.map_or_else(|| own_id(e.id()), vocab::biolink_curie);
        ids.insert(e.id().as_str(), id);
    }
    ids
}

fn own_id(id: &Id) -> String {
    format!("{KB_PREFIX}:{id}")
}

fn strings<'a>(it: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(it.into_iter().map(|s| Value::String(s.to_owned())).collect())
}

fn node(e: EntityRef<'_>, id: &str, categories: &[&str]) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert("category".into(), strings(categories.iter().copied()));
    m.insert("name".into(), json!(e.name()));
    let description = match e {
        EntityRef::Compound(c) => c.description.as_ref(),
        EntityRef::Enzyme(c) => c.description.as_ref(),
        EntityRef::GeneProduct(c) => c.description.as_ref(),
        EntityRef::Pathway(c) => c.description.as_ref(),
        EntityRef::Receptor(c) => c.description.as_ref(),
        EntityRef::Site(c) => c.description.as_ref(),
        EntityRef::Effect(c) => c.description.as_ref(),
        EntityRef::Condition(c) => c.description.as_ref(),
        EntityRef::Therapy(c) => c.description.as_ref(),
        EntityRef::Strategy(c) => c.description.as_ref(),
        _ => None,
    };
    if let Some(d) = description {
        m.insert("description".into(), json!(d.as_str()));
    }
    let names = e.other_names();
    if !names.is_empty() {
        m.insert("synonym".into(), strings(names));
    }
    let xrefs: Vec<String> = e
        .identifiers()
        .iter()
        .map(vocab::biolink_curie)
        .filter(|x| x != id)
        .collect();
    if !xrefs.is_empty() {
        m.insert("xref".into(), json!(xrefs));
    }
    if let EntityRef::GeneProduct(g) = e {
        m.insert("symbol".into(), json!(g.symbol.as_str()));
    }
    m.insert("provided_by".into(), json!([INFORES]));
    m
}

/// The publications of a list of source ids: their PubMed ids and DOIs, Biolink-prefixed.
fn publications(kb: &KnowledgeBase, sources: &[Id]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sources {
        if let Some(EntityRef::Source(src)) = kb.get(s.as_str()) {
            for c in src.identifiers.iter().filter(|c| matches!(c.key(), "pubmed" | "doi")) {
                let p = vocab::biolink_curie(c);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The properties every curated edge carries.
fn provenance(m: &mut Map<String, Value>, publications: Vec<String>) {
    m.insert("knowledge_level".into(), json!(edge::KNOWLEDGE_ASSERTION));
    m.insert("agent_type".into(), json!(edge::MANUAL_AGENT));
    m.insert("primary_knowledge_source".into(), json!(INFORES));
    if !publications.is_empty() {
        m.insert("publications".into(), json!(publications));
    }
}

fn edge_base(id: String, subject: &str, predicate: &str, object: &str, category: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert("subject".into(), json!(subject));
    m.insert("predicate".into(), json!(predicate));
    m.insert("object".into(), json!(object));
    m.insert("category".into(), json!([category]));
    m
}

struct Edges<'a> {
    kb: &'a KnowledgeBase,
    ids: &'a FxHashMap<&'a str, String>,
    out: Vec<Map<String, Value>>,
}

impl Edges<'_> {
    fn node(&self, id: &Id) -> Option<&str> {
        self.ids.get(id.as_str()).map(String::as_str)
    }

    fn reaction(&mut self, r: &Reaction) {
        let (Some(s), Some(o)) = (self.node(&r.substrate), self.node(&r.product)) else {
            return;
        };
        let mut m = edge_base(own_id(&r.id), s, edge::DERIVES_INTO, o, edge::DERIVATION);
        let catalysts: Vec<&str> = r.isoforms.iter().filter_map(|g| self.node(g)).collect();
        if !catalysts.is_empty() {
            m.insert("catalyst_qualifier".into(), strings(catalysts));
        }
        m.insert("description".into(), json!(r.name.as_str()));
        provenance(&mut m, publications(self.kb, &r.sources));
        self.out.push(m);
    }

    fn claim(&mut self, c: &Claim) {
        let (Some(s), Some(o)) = (self.node(&c.subject), self.node(&c.object)) else {
            return;
        };
        let p = vocab::biolink_predicate(c.predicate);
        let mut m = edge_base(own_id(&c.id), s, p.predicate, o, edge::ASSOCIATION);
        for (key, value) in [
            ("qualified_predicate", p.qualified_predicate),
            ("object_aspect_qualifier", p.object_aspect_qualifier),
            ("object_direction_qualifier", p.object_direction_qualifier),
        ] {
            if let Some(v) = value {
                m.insert(key.into(), json!(v));
            }
        }
        if c.direction == Some(EvidenceDirection::Contradicts) {
            m.insert("negated".into(), json!(true));
        }
        provenance(&mut m, publications(self.kb, &c.sources));
        // A claim's own provenance: what its evidence kind and grade say it is (a curated
        // fact keeps the default, a manual knowledge assertion).
        let level = crate::model::biolink_provenance(c);
        m.insert("knowledge_level".into(), json!(level.knowledge_level));
        m.insert("agent_type".into(), json!(level.agent_type));
        m.insert("evidence_grade".into(), json!(c.grade.as_str()));
        if let Some(d) = c.direction {
            m.insert("evidence_direction".into(), json!(d.as_str()));
        }
        m.insert("description".into(), json!(c.statement.as_str()));
        self.out.push(m);
    }

    /// A curated fact between two entities (no claim of its own).
    fn fact(&mut self, id: String, subject: &Id, predicate: &str, object: &Id, sources: &[Id]) {
        let (Some(s), Some(o)) = (self.node(subject), self.node(object)) else {
            return;
        };
        let mut m = edge_base(id, s, predicate, o, edge::ASSOCIATION);
        provenance(&mut m, publications(self.kb, sources));
        self.out.push(m);
    }
}

/// Every node, in document order.
pub fn nodes(kb: &KnowledgeBase) -> Vec<Map<String, Value>> {
    let ids = node_ids(kb);
    let mut out = Vec::new();
    for (kind, _, e) in kb.document().entities() {
        let (Some(mapping), Some(id)) = (vocab::kind_mapping(kind), ids.get(e.id().as_str())) else {
            continue;
        };
        out.push(node(e, id, mapping.categories));
    }
    out
}

/// Every edge: reactions, claims, then curated facts.
pub fn edges(kb: &KnowledgeBase) -> Vec<Map<String, Value>> {
    let ids = node_ids(kb);
    let doc = kb.document();
    let mut e = Edges {
        kb,
        ids: &ids,
        out: Vec::new(),
    };
    for r in &doc.reactions {
        e.reaction(r);
    }
    for c in &doc.claims {
        e.claim(c);
    }
    for t in &doc.therapies {
        for c in &t.active_compounds {
            e.fact(
                format!("{KB_PREFIX}:{}-has-active-ingredient-{c}", t.id),
                &t.id,
                edge::HAS_ACTIVE_INGREDIENT,
                c,
                &t.sources,
            );
        }
        for c in &t.indications {
            e.fact(
                format!("{KB_PREFIX}:{}-treats-{c}", t.id),
                &t.id,
                edge::TREATS,
                c,
                &t.sources,
            );
        }
    }
    for g in &doc.gene_products {
        for a in &g.activities {
            e.fact(
                format!("{KB_PREFIX}:{}-enables-{a}", g.id),
                &g.id,
                edge::ENABLES,
                a,
                &g.sources,
            );
        }
    }
    for p in &doc.pathways {
        let mut seen: Vec<&Id> = Vec::new();
        for step in &p.steps {
            if let Some(EntityRef::Reaction(r)) = kb.get(step.as_str()) {
                for c in [&r.substrate, &r.product] {
                    if !seen.contains(&c) {
                        seen.push(c);
                    }
                }
            }
        }
        for c in seen {
            e.fact(
                format!("{KB_PREFIX}:{}-has-participant-{c}", p.id),
                &p.id,
                edge::HAS_PARTICIPANT,
                c,
                &p.sources,
            );
        }
    }
    e.out
}

/// One JSON object per line.
pub fn jsonl(records: &[Map<String, Value>]) -> String {
    let mut s = String::new();
    for r in records {
        s.push_str(&serde_json::to_string(r).unwrap_or_default());
        s.push('\n');
    }
    s
}

/// KGX TSV: a header of `columns`, one row per record, lists joined with `|`; tabs and
/// line breaks inside values become spaces.
pub fn tsv(records: &[Map<String, Value>], columns: &[&str]) -> String {
    let mut s = columns.join("\t");
    s.push('\n');
    for r in records {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match r.get(*c) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(v)) => clean(v),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), clean))
                    .collect::<Vec<_>>()
                    .join("|"),
                Some(other) => other.to_string(),
            })
            .collect();
        s.push_str(&cells.join("\t"));
        s.push('\n');
    }
    s
}

fn clean(v: &str) -> String {
    v.replace(['\t', '\n', '\r'], " ")
}

/// The four files: `nodes.jsonl`, `edges.jsonl`, `nodes.tsv`, `edges.tsv`.
pub fn files(kb: &KnowledgeBase) -> BTreeMap<String, String> {
    let (n, e) = (nodes(kb), edges(kb));
    let mut files = BTreeMap::new();
    files.insert("nodes.jsonl".to_owned(), jsonl(&n));
    files.insert("edges.jsonl".to_owned(), jsonl(&e));
    files.insert("nodes.tsv".to_owned(), tsv(&n, NODE_COLUMNS));
    files.insert("edges.tsv".to_owned(), tsv(&e, EDGE_COLUMNS));
    files
}

/// The kinds that become nodes.
pub fn node_kinds() -> impl Iterator<Item = EntityKind> {
    EntityKind::ALL
        .into_iter()
        .filter(|k| vocab::kind_mapping(*k).is_some())
}
