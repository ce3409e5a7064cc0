//! Exports of the whole knowledge base into the formats other tools read: KGX (Biolink-model
//! knowledge graphs, JSON Lines and TSV), RDF (Turtle, N-Triples) with SHACL shapes, SBML
//! (one model per pathway) and SSSOM (the curated cross-references).
//!
//! Every module is a small writer over the typed model; what the formats have in common —
//! Biolink categories and predicates, IRIs, prefixes, mapping predicates — is declared once in
//! [`vocab`]. Nothing here reads the network. The community validators that judge the output
//! (`kgx validate`, `pyshacl`, `python-libsbml`, `sssom`) run in CI (`tools/judges`).

pub mod kgx;
pub mod rdf;
pub mod sbml;
pub mod shacl;
pub mod sssom;
pub mod vocab;

use std::collections::BTreeMap;

use crate::error::Result;
use crate::kb::KnowledgeBase;

/// What the whole knowledge base can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// KGX with the Biolink model: `nodes.jsonl`, `edges.jsonl`, `nodes.tsv`, `edges.tsv`.
    Kgx,
    /// RDF Turtle.
    Turtle,
    /// RDF N-Triples.
    NTriples,
    /// SHACL shapes (Turtle) of the RDF export, generated from the JSON Schema.
    Shacl,
    /// SBML Level 3 Version 2, one model per pathway (`<pathway-id>.xml`).
    Sbml,
    /// SSSOM TSV of the curated cross-references.
    Sssom,
}

impl ExportFormat {
    /// Every format's name, as the CLI and the Python API spell it.
    pub const NAMES: [&'static str; 6] = ["kgx", "turtle", "ntriples", "shacl", "sbml", "sssom"];

    /// Every format.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Kgx,
        ExportFormat::Turtle,
        ExportFormat::NTriples,
        ExportFormat::Shacl,
        ExportFormat::Sbml,
        ExportFormat::Sssom,
    ];

    /// The name (`ntriples`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Kgx => "kgx",
            ExportFormat::Turtle => "turtle",
            ExportFormat::NTriples => "ntriples",
            ExportFormat::Shacl => "shacl",
            ExportFormat::Sbml => "sbml",
            ExportFormat::Sssom => "sssom",
        }
    }

    /// True for the formats written as several files (a directory).
    pub fn is_multi_file(self) -> bool {
        matches!(self, ExportFormat::Kgx | ExportFormat::Sbml)
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| crate::model::UnknownName::new("export format", s, &Self::NAMES))
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An export: one text, or several files by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// A single document.
    Text(String),
    /// Several files, by file name (no directories).
    Files(BTreeMap<String, String>),
}

impl KnowledgeBase {
    /// Exports the whole knowledge base.
    ///
    /// # Errors
    /// None today; the `Result` leaves room for formats that can fail.
    pub fn export(&self, format: ExportFormat) -> Result<Exported> {
        Ok(match format {
            ExportFormat::Kgx => Exported::Files(kgx::files(self)),
            ExportFormat::Turtle => Exported::Text(rdf::turtle(&rdf::graph(self))),
            ExportFormat::NTriples => Exported::Text(rdf::ntriples(&rdf::graph(self))),
            ExportFormat::Shacl => Exported::Text(shacl::shapes(&document_schema())),
            ExportFormat::Sbml => Exported::Files(sbml::models(self)),
            ExportFormat::Sssom => Exported::Text(sssom::tsv(self)),
        })
    }
}

/// The committed JSON Schema of documents (generated from the Rust model by `make schema`,
/// checked against it by the schema crate's drift test): the one source the RDF mapping and
/// the SHACL shapes are derived from. Read through the symlink `data/knowledge-base.schema.json`
/// (to `schema/` at the repository root), so that the packaged crate carries a copy.
pub const DOCUMENT_SCHEMA_JSON: &str = include_str!("../../data/knowledge-base.schema.json");

/// [`DOCUMENT_SCHEMA_JSON`], parsed.
pub fn document_schema() -> serde_json::Value {
    serde_json::from_str(DOCUMENT_SCHEMA_JSON).unwrap_or(serde_json::Value::Null)
}
