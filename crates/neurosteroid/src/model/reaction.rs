//! Conversion steps and the pathways they form.

use serde::{Deserialize, Serialize};

use super::{Curie, Id, Text, entity};

/// One conversion step: substrate to product, catalysed by an enzyme activity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    /// Unique id.
    pub id: Id,
    /// A readable name (`progesterone → 5α-dihydroprogesterone`).
    pub name: Text,
    /// Compound id of the substrate.
    pub substrate: Id,
    /// Compound id of the product.
    pub product: Id,
    /// Enzyme-activity id of the catalyst.
    pub enzyme: Id,
    /// Gene-product ids of the isoforms that carry the step out in humans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub isoforms: Vec<Id>,
    /// Gene-product ids of proteins that control the step without catalysing it (StAR, TSPO).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regulators: Vec<Id>,
    /// Cofactors and electron partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cofactors: Vec<Text>,
    /// The Rhea master id of the reaction (direction-free), e.g. `rhea:43924` (format 1.1).
    /// Rhea gives every reaction a group of four ids: the master, then its left-to-right,
    /// right-to-left and bidirectional ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhea_master: Option<Curie>,
    /// The Rhea id of the direction that runs in cells: the master's left-to-right or
    /// right-to-left id, e.g. `rhea:43925` (format 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhea_direction: Option<Curie>,
    /// ChEBI ids of the other participants of the Rhea equation: cofactors, O2, water,
    /// protons (format 1.1). The substrate and product are the compounds above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Curie>,
    /// Where the step happens (organelle, tissue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Text>,
    /// True for the rate-limiting step of its route.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rate_limiting: bool,
    /// True when the step runs both ways in cells.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reversible: bool,
    /// Notes for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Reaction, Reaction, names: [], identifiers: false);

/// An ordered route of reactions: each step's product is the next step's substrate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    /// Unique id.
    pub id: Id,
    /// Name of the pathway.
    pub name: Text,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// Reaction ids, in order.
    pub steps: Vec<Id>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Pathway, Pathway, names: [synonyms], identifiers: false);
