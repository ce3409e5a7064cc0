//! SSSOM (Simple Standard for Sharing Ontological Mappings) TSV of the cross-references we
//! curate: for every entity with two or more identifiers, its preferred identifier mapped to
//! each other one (ChEBI ↔ PubChem ↔ DrugBank ↔ CAS ↔ InChIKey, ICD ↔ MeSH, HGNC ↔ UniProt),
//! with the predicate of its kind (`skos:exactMatch` for compounds, `skos:closeMatch` where
//! the two schemes differ in scope) and `semapv:ManualMappingCuration` as justification.

use std::collections::BTreeSet;

use super::vocab::{self, KB};
use crate::kb::KnowledgeBase;
use crate::model::{Curie, PREFIXES};

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "comment",
];

/// The licence of the mapping set (the project's, MIT OR Apache-2.0; SSSOM takes one IRI).
pub const LICENSE: &str = "https://spdx.org/licenses/MIT.html";

fn uri_prefix(key: &str) -> Option<&'static str> {
    let p = PREFIXES.iter().find(|p| p.key == key)?;
    p.uri_format.strip_suffix("$1")
}

/// The mapping set as SSSOM TSV (YAML metadata in `#` lines, then the table).
pub fn tsv(kb: &KnowledgeBase) -> String {
    let mut rows: Vec<[String; 7]> = Vec::new();
    let mut used: BTreeSet<&'static str> = BTreeSet::new();
    for (kind, _, e) in kb.document().entities() {
        let Some(mapping) = vocab::kind_mapping(kind) else {
            continue;
        };
        let ids: Vec<&Curie> = e
            .identifiers()
            .iter()
            .filter(|c| uri_prefix(c.key()).is_some())
            .collect();
        let subject = mapping
            .id_preference
            .iter()
            .find_map(|k| ids.iter().copied().find(|c| c.key() == *k))
            .or_else(|| ids.first().copied());
        let Some(subject) = subject else { continue };
        for object in ids.iter().copied().filter(|c| *c != subject) {
            used.insert(subject.key());
            used.insert(object.key());
            rows.push([
                subject.to_string(),
                e.name().to_owned(),
                mapping.mapping_predicate.to_owned(),
                object.to_string(),
                e.name().to_owned(),
                "semapv:ManualMappingCuration".to_owned(),
                format!("{kind} {}:{}", vocab::KB_PREFIX, e.id()),
            ]);
        }
    }
    let mut s = String::from("#curie_map:\n");
    for key in &used {
        if let (Some(p), Some(uri)) = (PREFIXES.iter().find(|p| p.key == *key), uri_prefix(key)) {
            s.push_str(&format!("#  {}: {uri}\n", p.preferred));
        }
    }
    s.push_str(&format!("#  {}: {KB}\n", vocab::KB_PREFIX));
    s.push_str("#  semapv: https://w3id.org/semapv/vocab/\n#  skos: http://www.w3.org/2004/02/skos/core#\n");
    s.push_str(&format!("#mapping_set_id: {KB}mappings.sssom.tsv\n"));
    s.push_str("#mapping_set_title: neurosteroid knowledge base cross-references\n");
    s.push_str(&format!("#license: {LICENSE}\n"));
    s.push_str(&format!("#mapping_date: {}\n", kb.document().as_of));
    s.push_str(&COLUMNS.join("\t"));
    s.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect();
        s.push_str(&cells.join("\t"));
        s.push('\n');
    }
    s
}
