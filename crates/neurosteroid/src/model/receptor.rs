//! Receptor targets and how compounds act on them.

use serde::{Deserialize, Serialize};

use super::{Curie, Id, Text, entity, wire_enum};

wire_enum! {
    /// How a ligand acts on a receptor.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Mode ("mode") {
        /// Enhances the response to the receptor's own agonist.
        PositiveAllostericModulation = "positive-allosteric-modulation",
        /// Reduces the response to the receptor's own agonist.
        NegativeAllostericModulation = "negative-allosteric-modulation",
        /// Opens or activates the receptor without its own agonist.
        DirectActivation = "direct-activation",
        /// Binds and activates (orthosteric).
        Agonism = "agonism",
        /// Binds and blocks.
        Antagonism = "antagonism",
    }
}

/// One mode of action of one ligand at a receptor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    /// Compound id of the ligand.
    pub ligand: Id,
    /// The mode of action.
    pub mode: Mode,
    /// The concentration range at which it is seen (`low nanomolar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concentration: Option<Text>,
    /// Which receptor subtypes are most sensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subunit_selectivity: Option<Text>,
    /// Where the ligand binds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding_site: Option<Text>,
    /// Claim ids that carry the evidence for this mechanism.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Id>,
}

/// A receptor target, e.g. the GABA-A receptor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Receptor {
    /// Unique id.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// Other names (`GABAA receptor`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// Identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Gene-product ids of the subunits the receptor (or the subtype described) is built from
    /// (format 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subunits: Vec<Id>,
    /// Id of the receptor this one is a subtype of (format 1.1), e.g. the δ-subunit-containing
    /// GABA-A receptors are a subtype of the GABA-A receptor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype_of: Option<Id>,
    /// How compounds act on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mechanisms: Vec<Mechanism>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Receptor, Receptor, names: [synonyms], identifiers: true);
