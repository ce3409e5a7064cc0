//! The document root.

use serde::{Deserialize, Serialize};

use super::{
    Claim, Compound, Condition, CoverageEntry, Date, Effect, EnzymeActivity, FactSheet, GeneProduct, Pathway, Reaction,
    Receptor, SchemaVersion, Site, Source, Strategy, Therapy,
};

/// The format version this library writes.
///
/// 1.1.0 added optional fields: a reaction's `rhea_master`, `rhea_direction` and ChEBI `participants`, a
/// receptor's `subunits`, the `MHRA` regulator and the `rhea` and `mondo` identifier prefixes.
/// It also added a claim's `evidence_kind` (an ECO term), `consensus` and quoted `excerpts`,
/// and the `ECO` prefix. Every 1.0 document is a valid 1.1 document.
pub const CURRENT_SCHEMA_VERSION: &str = "1.1.0";

/// Base of the schema `$id`s; the version and file name follow.
pub const SCHEMA_ID_BASE: &str = "https://neurosteroid.invalid/schema";

/// A knowledge-base document: `schema_version`, `as_of`, and one array per entity kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// URI of the JSON Schema the document follows (for editors); ignored by the library.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version (semver).
    pub schema_version: SchemaVersion,
    /// The date the content was last checked.
    pub as_of: Date,
    /// Sources cited by everything else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Compounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compounds: Vec<Compound>,
    /// Enzyme activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enzymes: Vec<EnzymeActivity>,
    /// Gene products (isoforms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gene_products: Vec<GeneProduct>,
    /// Conversion steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<Reaction>,
    /// Ordered routes of reactions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pathways: Vec<Pathway>,
    /// Receptor targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receptors: Vec<Receptor>,
    /// Anatomical sites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Site>,
    /// Effects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// Conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Therapies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub therapies: Vec<Therapy>,
    /// Support strategies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategies: Vec<Strategy>,
    /// Claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Fact sheets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fact_sheets: Vec<FactSheet>,
    /// For each statement of a source article, what represents it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<CoverageEntry>,
}

impl Document {
    /// How many entities of a kind the document holds.
    pub fn len_of(&self, kind: super::EntityKind) -> usize {
        use super::EntityKind as K;
        match kind {
            K::Source => self.sources.len(),
            K::Compound => self.compounds.len(),
            K::Enzyme => self.enzymes.len(),
            K::GeneProduct => self.gene_products.len(),
            K::Reaction => self.reactions.len(),
            K::Pathway => self.pathways.len(),
            K::Receptor => self.receptors.len(),
            K::Site => self.sites.len(),
            K::Effect => self.effects.len(),
            K::Condition => self.conditions.len(),
            K::Therapy => self.therapies.len(),
            K::Strategy => self.strategies.len(),
            K::Claim => self.claims.len(),
            K::FactSheet => self.fact_sheets.len(),
        }
    }

    /// The entity at a position of a collection.
    pub fn entity(&self, kind: super::EntityKind, index: usize) -> Option<super::EntityRef<'_>> {
        use super::{EntityKind as K, EntityRef as R};
        Some(match kind {
            K::Source => R::Source(self.sources.get(index)?),
            K::Compound => R::Compound(self.compounds.get(index)?),
            K::Enzyme => R::Enzyme(self.enzymes.get(index)?),
            K::GeneProduct => R::GeneProduct(self.gene_products.get(index)?),
            K::Reaction => R::Reaction(self.reactions.get(index)?),
            K::Pathway => R::Pathway(self.pathways.get(index)?),
            K::Receptor => R::Receptor(self.receptors.get(index)?),
            K::Site => R::Site(self.sites.get(index)?),
            K::Effect => R::Effect(self.effects.get(index)?),
            K::Condition => R::Condition(self.conditions.get(index)?),
            K::Therapy => R::Therapy(self.therapies.get(index)?),
            K::Strategy => R::Strategy(self.strategies.get(index)?),
            K::Claim => R::Claim(self.claims.get(index)?),
            K::FactSheet => R::FactSheet(self.fact_sheets.get(index)?),
        })
    }

    /// Every entity with its kind and position, in document order.
    pub fn entities(&self) -> impl Iterator<Item = (super::EntityKind, usize, super::EntityRef<'_>)> + '_ {
        super::EntityKind::ALL.into_iter().flat_map(move |kind| {
            (0..self.len_of(kind)).filter_map(move |i| self.entity(kind, i).map(|e| (kind, i, e)))
        })
    }
}
