//! The entity kinds, declared once.
//!
//! [`for_each_entity_kind!`](crate::for_each_entity_kind) holds the one table of kinds; everything
//! that lists kinds is made from it: [`EntityKind`] with its names and collection,
//! [`EntityRef`], the [`Document`](super::Document)'s collections and their access, the
//! collections the parser checks, and the JSON Schema files with the `$comment`s that name
//! each definition's kind and collection (from which the Python classes are generated).

/// The one table of entity kinds, in document order. Calls the macro `$callback` with one
/// row per kind:
/// `Variant: Type, "name", collection, "words for people", "collection description";`.
///
/// Adding a kind: write its struct (deriving what its neighbours derive, with an
/// `entity!` line or an `Entity` impl), add one row here, then the data. Everything else follows.
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_entity_kind {
    ($callback:ident) => {
        $callback! {
            Source: Source, "source", sources, "source", "Sources cited by everything else.";
            Compound: Compound, "compound", compounds, "compound", "Compounds.";
            Enzyme: EnzymeActivity, "enzyme", enzymes, "enzyme activity", "Enzyme activities.";
            GeneProduct: GeneProduct, "gene-product", gene_products, "gene product", "Gene products (isoforms).";
            Reaction: Reaction, "reaction", reactions, "reaction", "Conversion steps.";
            Pathway: Pathway, "pathway", pathways, "pathway", "Ordered routes of reactions.";
            Receptor: Receptor, "receptor", receptors, "receptor", "Receptor targets.";
            Site: Site, "site", sites, "anatomical site", "Anatomical sites.";
            Effect: Effect, "effect", effects, "effect", "Effects.";
            Condition: Condition, "condition", conditions, "condition", "Conditions.";
            Therapy: Therapy, "therapy", therapies, "therapy", "Therapies.";
            Strategy: Strategy, "strategy", strategies, "support strategy", "Support strategies.";
            Claim: Claim, "claim", claims, "claim", "Claims.";
            FactSheet: FactSheet, "fact-sheet", fact_sheets, "fact sheet", "Fact sheets.";
        }
    };
}

use super::{
    Claim, Compound, Condition, Curie, Effect, Entity, EnzymeActivity, FactSheet, GeneProduct, Id, Pathway, Reaction,
    Receptor, Site, Source, Strategy, Therapy,
};

macro_rules! kinds {
    ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
        /// The kinds of entity a document holds, in document order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EntityKind {
            $(
                #[doc = concat!("[`", stringify!($ty), "`]")]
                $variant,
            )*
        }

        impl EntityKind {
            /// Every kind, in document order.
            pub const ALL: [EntityKind; [$(EntityKind::$variant),*].len()] = [$(EntityKind::$variant),*];

            /// The singular name used in messages and output (`gene-product`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EntityKind::$variant => $name,)*
                }
            }

            /// The document key of the collection (`gene_products`).
            pub fn collection(self) -> &'static str {
                match self {
                    $(EntityKind::$variant => stringify!($collection),)*
                }
            }

            /// Every kind's name, in document order.
            pub const NAMES: [&'static str; [$($name),*].len()] = [$($name),*];

            /// What to call an entity of this kind in prose (`gene product`, `anatomical site`).
            pub fn words(self) -> &'static str {
                match self {
                    $(EntityKind::$variant => $words,)*
                }
            }
        }

        /// A borrowed reference to any entity of a document.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub enum EntityRef<'a> {
            $(
                #[doc = concat!("A [`", stringify!($ty), "`].")]
                $variant(&'a $ty),
            )*
        }

        impl<'a> EntityRef<'a> {
            /// The entity's kind.
            pub fn kind(&self) -> EntityKind {
                match self {
                    $(EntityRef::$variant(_) => EntityKind::$variant,)*
                }
            }
            /// The entity's id.
            pub fn id(&self) -> &'a Id {
                match self {
                    $(EntityRef::$variant(e) => e.id(),)*
                }
            }
            /// The display name.
            pub fn name(&self) -> &'a str {
                match self {
                    $(EntityRef::$variant(e) => e.name(),)*
                }
            }
            /// Other names.
            pub fn other_names(&self) -> Vec<&'a str> {
                match self {
                    $(EntityRef::$variant(e) => e.other_names(),)*
                }
            }
            /// External identifiers.
            pub fn identifiers(&self) -> &'a [Curie] {
                match self {
                    $(EntityRef::$variant(e) => e.identifiers(),)*
                }
            }
            /// The ids of the sources the entity cites.
            pub fn sources(&self) -> &'a [Id] {
                match self {
                    $(EntityRef::$variant(e) => e.sources(),)*
                }
            }
            /// The entity as compact JSON text, in the document's shape.
            pub fn to_json_string(&self) -> String {
                match self {
                    $(EntityRef::$variant(e) => serde_json::to_string(e).unwrap_or_default(),)*
                }
            }
            /// The entity as JSON, in the document's shape.
            pub fn to_json_value(&self) -> serde_json::Value {
                match self {
                    $(EntityRef::$variant(e) => serde_json::to_value(e).unwrap_or(serde_json::Value::Null),)*
                }
            }
        }

        $(
            impl<'a> From<&'a $ty> for EntityRef<'a> {
                fn from(e: &'a $ty) -> Self {
                    EntityRef::$variant(e)
                }
            }
        )*

        /// Each struct's `Entity::KIND` is the row it is declared in.
        #[cfg(test)]
        const _: () = {
            $(assert!(matches!(<$ty as Entity>::KIND, EntityKind::$variant));)*
        };
    };
}
crate::for_each_entity_kind!(kinds);

impl EntityKind {
    /// The kind whose collection has this document key.
    pub fn from_collection(key: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.collection() == key)
    }

    /// Whether entities of this kind are known by names (a name, synonyms, a symbol) that
    /// resolve to them and that no other unrelated entity may share. Sources, claims and fact
    /// sheets have titles and statements instead.
    pub fn carries_names(self) -> bool {
        !matches!(self, EntityKind::Source | EntityKind::Claim | EntityKind::FactSheet)
    }
}

impl EntityRef<'_> {
    /// Whether this entity names `other` as what it consists of: a medicine its active
    /// compound (brexanolone), a strategy the medicine it is. Such entities legitimately share
    /// names; a name they share resolves to this one, with `other` as related.
    pub fn includes(&self, other: &EntityRef<'_>) -> bool {
        match self {
            EntityRef::Therapy(t) => t.active_compounds.contains(other.id()),
            EntityRef::Strategy(s) => s.therapy.as_ref() == Some(other.id()),
            _ => false,
        }
    }

    /// Whether either entity [includes](EntityRef::includes) the other.
    pub fn related(&self, other: &EntityRef<'_>) -> bool {
        self.includes(other) || other.includes(self)
    }
}

impl std::str::FromStr for EntityKind {
    type Err = super::UnknownName;

    /// A kind by its name (`gene-product`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| super::UnknownName::new("kind", s, &EntityKind::NAMES))
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
