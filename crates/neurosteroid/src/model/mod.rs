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
mod invalid;
mod kinds;
pub(crate) mod primitives;
mod reaction;
mod receptor;
pub(crate) mod refusal;
mod therapy;
mod wire;

pub use chemistry::{Compound, CompoundRole};
pub use clinical::{Condition, Effect, Site};
pub(crate) use curie::PREFIXES;
pub use curie::{Curie, CurieError};
pub use document::{CURRENT_SCHEMA_VERSION, Document, SCHEMA_ID_BASE};
pub use eco::{
    BiolinkProvenance, Consensus, ECO_TERMS, EcoTerm, EvidenceBasis, EvidenceKind, biolink_provenance, consensus_fits,
    eco_pattern,
};
pub use enzyme::{Direction, EnzymeActivity, GeneProduct};
pub use evidence::{Claim, EXCERPT_MAX_CHARS, EvidenceDirection, Excerpt, Grade, Predicate, Source, SourceKind};
pub use factsheet::{CoverageEntry, FactSheet, Section, SectionKind};
pub use invalid::InvalidValue;
pub use kinds::{EntityKind, EntityRef};
pub use primitives::{Date, Formula, Id, Positive, SchemaVersion, Symbol, Text, Unit, Url, Year};
pub use reaction::{Pathway, Reaction};
pub use receptor::{Mechanism, Mode, Receptor};
pub use therapy::{
    AdministrationRoute, Dose, Regulator, RegulatoryStatus, StatusEvent, Strategy, StrategyKind, Therapy, TherapyKind,
};
pub use wire::UnknownName;
pub(crate) use wire::wire_enum;

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
    /// Whether an entity of this kind cites sources (has a `sources` field; a source and a
    /// fact sheet do not).
    const CITES_SOURCES: bool = false;
    /// The ids of the sources it cites (none for a source or a fact sheet).
    fn sources(&self) -> &[Id] {
        &[]
    }
}

/// Implements [`Entity`] for a struct with `id`, `name`, `sources` and optional name/identifier fields.
macro_rules! entity {
    ($ty:ty, $kind:ident, names: [$($names:ident),*], identifiers: $ids:tt) => {
        impl $crate::model::Entity for $ty {
            const KIND: $crate::model::EntityKind = $crate::model::EntityKind::$kind;
            const CITES_SOURCES: bool = true;
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
            fn sources(&self) -> &[$crate::model::Id] {
                &self.sources
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
