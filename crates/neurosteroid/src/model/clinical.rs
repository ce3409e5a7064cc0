//! Anatomical sites, effects and conditions.

use serde::{Deserialize, Serialize};

use super::{Curie, Id, Text, entity};

/// Declares an entity struct with the common fields only.
macro_rules! simple_entity {
    ($(#[$doc:meta])* $name:ident, $kind:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Unique id.
            pub id: Id,
            /// Name.
            pub name: Text,
            /// Other names.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub synonyms: Vec<Text>,
            /// External identifiers.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub identifiers: Vec<Curie>,
            /// A short description.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub description: Option<Text>,
            /// Source ids.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub sources: Vec<Id>,
        }

        entity!($name, $kind, names: [synonyms], identifiers: true);
    };
}

simple_entity!(
    /// An anatomical site or cell type where something happens (brain, adrenal gland).
    Site, Site
);
simple_entity!(
    /// A physiological or psychological effect (anxiolysis, slow-wave sleep).
    Effect, Effect
);
simple_entity!(
    /// A disorder or condition, with ICD-10-CM, ICD-11 and MeSH codes where they exist.
    Condition, Condition
);
