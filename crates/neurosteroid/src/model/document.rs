//! The document root.

use serde::{Deserialize, Serialize};

use super::{
    Claim, Compound, Condition, CoverageEntry, Date, Effect, EntityKind, EntityRef, EnzymeActivity, FactSheet,
    GeneProduct, Pathway, Reaction, Receptor, SchemaVersion, Site, Source, Strategy, Therapy,
};

/// The format version this library writes.
///
/// 1.1.0 added optional fields: a reaction's `rhea_master`, `rhea_direction` and ChEBI `participants`, a
/// receptor's `subunits` and `subtype_of`, the `MHRA` regulator and the `rhea` and `mondo` identifier prefixes.
/// It also added a claim's `evidence_kind` (an ECO term), `consensus` and quoted `excerpts`,
/// and the `ECO` prefix. Every 1.0 document is a valid 1.1 document.
pub const CURRENT_SCHEMA_VERSION: &str = "1.1.0";

/// Base of the schema `$id`s; the version and file name follow.
pub const SCHEMA_ID_BASE: &str = "https://neurosteroid.invalid/schema";

macro_rules! document {
    ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
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
            $(
                #[doc = $doc]
                #[serde(default, skip_serializing_if = "Vec::is_empty")]
                pub $collection: Vec<$ty>,
            )*
            /// For each statement of a source article, what represents it.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub coverage: Vec<CoverageEntry>,
        }

        impl Document {
            /// How many entities of a kind the document holds.
            pub fn len_of(&self, kind: EntityKind) -> usize {
                match kind {
                    $(EntityKind::$variant => self.$collection.len(),)*
                }
            }

            /// The entity at a position of a collection.
            pub fn entity(&self, kind: EntityKind, index: usize) -> Option<EntityRef<'_>> {
                Some(match kind {
                    $(EntityKind::$variant => EntityRef::$variant(self.$collection.get(index)?),)*
                })
            }
        }
    };
}
crate::for_each_entity_kind!(document);

impl Document {
    /// Every entity with its kind and position, in document order.
    pub fn entities(&self) -> impl Iterator<Item = (EntityKind, usize, EntityRef<'_>)> + '_ {
        EntityKind::ALL.into_iter().flat_map(move |kind| {
            (0..self.len_of(kind)).filter_map(move |i| self.entity(kind, i).map(|e| (kind, i, e)))
        })
    }
}
