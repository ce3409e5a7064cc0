//! Compounds: steroids, their precursors and intermediates, and drugs.

use serde::{Deserialize, Serialize};

use super::{Curie, Formula, Id, Positive, Text, entity, wire_enum};

wire_enum! {
    /// What a compound is, in this knowledge base. A compound may have several roles.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum CompoundRole ("compound role") {
        /// Made in the body and acting on the nervous system.
        EndogenousNeurosteroid = "endogenous-neurosteroid",
        /// A steroid hormone acting through classic (nuclear) hormone receptors.
        Hormone = "hormone",
        /// A starting material of a biosynthetic route.
        Precursor = "precursor",
        /// A compound between two steps of a route.
        Intermediate = "intermediate",
        /// A stereoisomer or close relative kept for disambiguation.
        RelatedSteroid = "related-steroid",
        /// A synthetic analogue of a natural neurosteroid.
        SyntheticAnalogue = "synthetic-analogue",
        /// The active ingredient of an approved or investigational medicine.
        Drug = "drug",
        /// Inhibits an enzyme of a route.
        EnzymeInhibitor = "enzyme-inhibitor",
    }
}

/// A chemical compound. Stereoisomers are separate compounds, told apart by identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Compound {
    /// Unique id (lowercase slug).
    pub id: Id,
    /// Preferred name.
    pub name: Text,
    /// Other names and abbreviations (`ALLO`, `3α,5α-THP`, INNs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// Roles of the compound.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<CompoundRole>,
    /// Molecular formula (Hill-like notation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Formula>,
    /// Molar mass in g/mol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub molar_mass: Option<Positive>,
    /// External identifiers: ChEBI, PubChem CID, CAS, InChIKey, DrugBank, ATC, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// A short description in the curators' own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Ids of the sources confirming the identifiers and facts above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Compound, Compound, names: [synonyms], identifiers: true);
