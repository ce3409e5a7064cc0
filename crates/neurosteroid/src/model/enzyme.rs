//! Enzyme activities (EC numbers) and the gene products (isoforms) that carry them out.

use serde::{Deserialize, Serialize};

use super::{Curie, Id, Symbol, Text, entity, wire_enum};

/// An enzyme activity, e.g. 5α-reductase (EC 1.3.1.22). An activity is not one protein:
/// several gene products may carry it out, in different tissues and directions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnzymeActivity {
    /// Unique id.
    pub id: Id,
    /// Name of the activity.
    pub name: Text,
    /// Other names and abbreviations (`3α-HSD`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// EC numbers and other identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(EnzymeActivity, Enzyme, names: [synonyms], identifiers: true);

wire_enum! {
    /// Which way a gene product mainly runs the reaction it catalyses.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Direction ("direction") {
        /// Reduction (e.g. NADPH-dependent).
        Reductive = "reductive",
        /// Oxidation (e.g. NAD+-dependent dehydrogenation, monooxygenation).
        Oxidative = "oxidative",
        /// Both ways, depending on cofactor ratios.
        Bidirectional = "bidirectional",
        /// Not a redox reaction (transport, isomerisation).
        NotApplicable = "not-applicable",
    }
}

/// A human gene product (isoform) carrying one or more enzyme activities.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GeneProduct {
    /// Unique id.
    pub id: Id,
    /// Protein name.
    pub name: Text,
    /// HGNC gene symbol.
    pub symbol: Symbol,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// HGNC, UniProt, NCBI Gene identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// Ids of the enzyme activities it carries out (empty for transporters).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Id>,
    /// Main tissues where it is expressed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tissues: Vec<Text>,
    /// Subcellular locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Text>,
    /// Cofactors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cofactors: Vec<Text>,
    /// Main direction of the reaction in cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(GeneProduct, GeneProduct, names: [synonyms], identifiers: true);
