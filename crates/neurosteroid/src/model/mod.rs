//! The typed model of a knowledge-base document.
//!
//! Entities refer to each other by [`Id`]. External identifiers are [`Curie`]s. Every type
//! rejects unknown fields. With the `schema` feature every type derives
//! `schemars::JsonSchema`, which is how the exported JSON Schema is made.

mod chemistry;
mod clinical;
mod curie;
mod document;
mod eco;
mod enzyme;
mod evidence;
mod factsheet;
pub(crate) mod primitives;
mod reaction;
mod receptor;
mod therapy;

pub use chemistry::{Compound, CompoundRole};
pub use clinical::{Condition, Effect, Site};
pub use curie::{
    Curie, CurieError, PREFIXES, Prefix, cas_check_digit_ok, curie_pattern, curie_pattern_for, find_prefix,
};
pub use document::{CURRENT_SCHEMA_VERSION, Document, SCHEMA_ID_BASE};
pub use eco::{
    BiolinkProvenance, Consensus, ECO_TERMS, EcoTerm, EvidenceBasis, EvidenceKind, biolink_provenance, consensus_fits,
    eco_pattern,
};
pub use enzyme::{Direction, EnzymeActivity, GeneProduct};
pub use evidence::{Claim, EXCERPT_MAX_CHARS, EvidenceDirection, Excerpt, Grade, Predicate, Source, SourceKind};
pub use factsheet::{CoverageEntry, FactSheet, Section, SectionKind};
pub use primitives::{Date, Formula, Id, Positive, SchemaVersion, Symbol, Text, Unit, Url, Year};
pub use reaction::{Pathway, Reaction};
pub use receptor::{Mechanism, Mode, Receptor};
pub use therapy::{
    AdministrationRoute, Dose, Regulator, RegulatoryStatus, StatusEvent, Strategy, StrategyKind, Therapy, TherapyKind,
};

/// The name a value is written with in documents (`"positive-allosteric-modulation"`,
/// `"FDA"`): the one source of these names is the serde derive.
pub fn wire_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The kinds of entity a document holds, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// [`Source`]
    Source,
    /// [`Compound`]
    Compound,
    /// [`EnzymeActivity`]
    Enzyme,
    /// [`GeneProduct`]
    GeneProduct,
    /// [`Reaction`]
    Reaction,
    /// [`Pathway`]
    Pathway,
    /// [`Receptor`]
    Receptor,
    /// [`Site`]
    Site,
    /// [`Effect`]
    Effect,
    /// [`Condition`]
    Condition,
    /// [`Therapy`]
    Therapy,
    /// [`Strategy`]
    Strategy,
    /// [`Claim`]
    Claim,
    /// [`FactSheet`]
    FactSheet,
}

impl EntityKind {
    /// Every kind, in document order.
    pub const ALL: [EntityKind; 14] = [
        EntityKind::Source,
        EntityKind::Compound,
        EntityKind::Enzyme,
        EntityKind::GeneProduct,
        EntityKind::Reaction,
        EntityKind::Pathway,
        EntityKind::Receptor,
        EntityKind::Site,
        EntityKind::Effect,
        EntityKind::Condition,
        EntityKind::Therapy,
        EntityKind::Strategy,
        EntityKind::Claim,
        EntityKind::FactSheet,
    ];

    /// The singular name used in messages and output (`gene-product`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Source => "source",
            EntityKind::Compound => "compound",
            EntityKind::Enzyme => "enzyme",
            EntityKind::GeneProduct => "gene-product",
            EntityKind::Reaction => "reaction",
            EntityKind::Pathway => "pathway",
            EntityKind::Receptor => "receptor",
            EntityKind::Site => "site",
            EntityKind::Effect => "effect",
            EntityKind::Condition => "condition",
            EntityKind::Therapy => "therapy",
            EntityKind::Strategy => "strategy",
            EntityKind::Claim => "claim",
            EntityKind::FactSheet => "fact-sheet",
        }
    }

    /// The document key of the collection (`gene_products`).
    pub fn collection(self) -> &'static str {
        match self {
            EntityKind::Source => "sources",
            EntityKind::Compound => "compounds",
            EntityKind::Enzyme => "enzymes",
            EntityKind::GeneProduct => "gene_products",
            EntityKind::Reaction => "reactions",
            EntityKind::Pathway => "pathways",
            EntityKind::Receptor => "receptors",
            EntityKind::Site => "sites",
            EntityKind::Effect => "effects",
            EntityKind::Condition => "conditions",
            EntityKind::Therapy => "therapies",
            EntityKind::Strategy => "strategies",
            EntityKind::Claim => "claims",
            EntityKind::FactSheet => "fact_sheets",
        }
    }

    /// The kind whose collection has this document key.
    pub fn from_collection(key: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.collection() == key)
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every entity has: an id, a display name, other names and external identifiers.
pub trait Entity {
    /// The kind of entity.
    const KIND: EntityKind;
    /// The unique id.
    fn id(&self) -> &Id;
    /// The display name.
    fn name(&self) -> &str;
    /// Other names: synonyms, abbreviations, brand names, symbols.
    fn other_names(&self) -> Vec<&str> {
        Vec::new()
    }
    /// External identifiers.
    fn identifiers(&self) -> &[Curie] {
        &[]
    }
}

/// A borrowed reference to any entity of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EntityRef<'a> {
    /// A source.
    Source(&'a Source),
    /// A compound.
    Compound(&'a Compound),
    /// An enzyme activity.
    Enzyme(&'a EnzymeActivity),
    /// A gene product (isoform).
    GeneProduct(&'a GeneProduct),
    /// A reaction.
    Reaction(&'a Reaction),
    /// A pathway.
    Pathway(&'a Pathway),
    /// A receptor.
    Receptor(&'a Receptor),
    /// An anatomical site.
    Site(&'a Site),
    /// An effect.
    Effect(&'a Effect),
    /// A condition.
    Condition(&'a Condition),
    /// A therapy.
    Therapy(&'a Therapy),
    /// A support strategy.
    Strategy(&'a Strategy),
    /// A claim.
    Claim(&'a Claim),
    /// A fact sheet.
    FactSheet(&'a FactSheet),
}

macro_rules! dispatch {
    ($self:expr, $e:ident => $body:expr) => {
        match $self {
            EntityRef::Source($e) => $body,
            EntityRef::Compound($e) => $body,
            EntityRef::Enzyme($e) => $body,
            EntityRef::GeneProduct($e) => $body,
            EntityRef::Reaction($e) => $body,
            EntityRef::Pathway($e) => $body,
            EntityRef::Receptor($e) => $body,
            EntityRef::Site($e) => $body,
            EntityRef::Effect($e) => $body,
            EntityRef::Condition($e) => $body,
            EntityRef::Therapy($e) => $body,
            EntityRef::Strategy($e) => $body,
            EntityRef::Claim($e) => $body,
            EntityRef::FactSheet($e) => $body,
        }
    };
}

fn kind_of<E: Entity>(_: &E) -> EntityKind {
    E::KIND
}

impl<'a> EntityRef<'a> {
    /// The entity's kind.
    pub fn kind(&self) -> EntityKind {
        dispatch!(self, e => kind_of(*e))
    }
    /// The entity's id.
    pub fn id(&self) -> &'a Id {
        dispatch!(self, e => e.id())
    }
    /// The display name.
    pub fn name(&self) -> &'a str {
        dispatch!(self, e => e.name())
    }
    /// Other names.
    pub fn other_names(&self) -> Vec<&'a str> {
        dispatch!(self, e => e.other_names())
    }
    /// External identifiers.
    pub fn identifiers(&self) -> &'a [Curie] {
        dispatch!(self, e => e.identifiers())
    }
    /// The entity as compact JSON text, in the document's shape.
    pub fn to_json_string(&self) -> String {
        dispatch!(self, e => serde_json::to_string(e).unwrap_or_default())
    }

    /// The entity as JSON, in the document's shape.
    pub fn to_json_value(&self) -> serde_json::Value {
        dispatch!(self, e => serde_json::to_value(e).unwrap_or(serde_json::Value::Null))
    }
}

/// Implements [`Entity`] for a struct with `id`, `name` and optional name/identifier fields.
macro_rules! entity {
    ($ty:ty, $kind:ident, names: [$($names:ident),*], identifiers: $ids:tt) => {
        impl $crate::model::Entity for $ty {
            const KIND: $crate::model::EntityKind = $crate::model::EntityKind::$kind;
            fn id(&self) -> &$crate::model::Id {
                &self.id
            }
            fn name(&self) -> &str {
                self.name.as_str()
            }
            #[allow(unused_mut)]
            fn other_names(&self) -> Vec<&str> {
                let mut v: Vec<&str> = Vec::new();
                $( v.extend(self.$names.iter().map(|s| s.as_str())); )*
                v
            }
            entity!(@ids $ids);
        }
    };
    (@ids true) => {
        fn identifiers(&self) -> &[$crate::model::Curie] {
            &self.identifiers
        }
    };
    (@ids false) => {};
}
pub(crate) use entity;

macro_rules! entity_ref_from {
    ($($ty:ident => $variant:ident),* $(,)?) => {
        $(
            impl<'a> From<&'a $ty> for EntityRef<'a> {
                fn from(e: &'a $ty) -> Self {
                    EntityRef::$variant(e)
                }
            }
        )*
    };
}
entity_ref_from!(
    Source => Source, Compound => Compound, EnzymeActivity => Enzyme, GeneProduct => GeneProduct,
    Reaction => Reaction, Pathway => Pathway, Receptor => Receptor, Site => Site, Effect => Effect,
    Condition => Condition, Therapy => Therapy, Strategy => Strategy, Claim => Claim, FactSheet => FactSheet,
);
