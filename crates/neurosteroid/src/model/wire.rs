//! Names of enum values: one declaration gives each value its wire name (how documents and
//! output write it: `Display`, `FromStr`, serde) and its words for people (`words()`, the one
//! table every renderer uses).

use std::fmt;

/// A text that is not one of an enum's names: what [`FromStr`](std::str::FromStr) returns
/// for every enum of the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    given: String,
    expected: &'static [&'static str],
}

impl UnknownName {
    /// An error for `given`, not a name of `what` (`regulator`), whose names are `expected`.
    pub fn new(what: &'static str, given: &str, expected: &'static [&'static str]) -> UnknownName {
        UnknownName {
            what,
            given: given.to_owned(),
            expected,
        }
    }

    /// The text given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// What was expected (`regulator`).
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The accepted names.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} `{}` (one of: {})",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// Declares a serde enum of unit variants, each with its wire name and, optionally, its
/// words for people (`Variant = "wire" / "words",`; the words default to the wire name).
/// Gives `ALL`, `NAMES`, `as_str`, `words`, `Display` (the wire name) and `FromStr`
/// (erring with [`UnknownName`]).
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal $(/ $words:literal)?,
            )*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $wire)]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($wire),*].len()] = [$($name::$variant),*];

            /// Every wire name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire),*];

            /// The name documents and output write it with.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)*
                }
            }

            /// The words for people (a fact sheet, a summary).
            pub fn words(self) -> &'static str {
                match self {
                    $($name::$variant => [$($words,)? $wire][0],)*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::model::UnknownName;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s {
                    $($wire => Ok($name::$variant),)*
                    _ => Err($crate::model::UnknownName::new($what, s, $name::NAMES)),
                }
            }
        }
    };
}
pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::UnknownName;
    use crate::model::*;
    use crate::resolve::MatchKind;

    /// Every value of every enum prints as its wire name, parses back from it, and is
    /// written and read so by serde; words are never empty; an unknown name is a typed error
    /// that lists the accepted names.
    fn round_trip<T>(all: &[T], names: &[&str])
    where
        T: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + FromStr<Err = UnknownName> + serde::Serialize,
    {
        assert_eq!(all.len(), names.len());
        for (v, name) in all.iter().zip(names) {
            assert_eq!(&v.to_string(), name);
            assert_eq!(T::from_str(name), Ok(*v));
            assert_eq!(
                serde_json::to_value(v).ok(),
                Some(serde_json::Value::String((*name).to_owned()))
            );
        }
        let err = T::from_str("no-such-name").expect_err("not a name");
        assert_eq!(err.given(), "no-such-name");
        assert_eq!(err.expected(), names);
        let as_error: &dyn std::error::Error = &err;
        assert!(as_error.to_string().contains(names[0]));
    }

    fn serde_reads<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Copy>(all: &[T], names: &[&str]) {
        for (v, name) in all.iter().zip(names) {
            let read: T = serde_json::from_value(serde_json::Value::String((*name).to_owned())).expect("a wire name");
            assert_eq!(read, *v);
        }
    }

    macro_rules! every_enum {
        ($($ty:ty),*) => {
            $(
                round_trip(&<$ty>::ALL, &<$ty>::NAMES);
                serde_reads(&<$ty>::ALL, &<$ty>::NAMES);
                assert!(<$ty>::ALL.iter().all(|v| !v.words().is_empty()));
            )*
        };
    }

    #[test]
    fn every_enum_round_trips_through_its_name() {
        every_enum!(
            TherapyKind,
            AdministrationRoute,
            Regulator,
            RegulatoryStatus,
            StrategyKind,
            Direction,
            CompoundRole,
            Mode,
            Consensus,
            SectionKind,
            Grade,
            Predicate,
            EvidenceDirection,
            SourceKind
        );
        round_trip(&MatchKind::ALL, MatchKind::NAMES);
        for (k, name) in EntityKind::ALL.iter().zip(EntityKind::NAMES) {
            assert_eq!(k.to_string(), name);
            assert_eq!(name.parse::<EntityKind>(), Ok(*k));
        }
        assert!("gene_product".parse::<EntityKind>().is_err());
    }

    #[test]
    fn summary_and_fact_sheet_use_the_same_words() {
        assert_eq!(RegulatoryStatus::LabelChange.as_str(), "label-change");
        assert_eq!(RegulatoryStatus::LabelChange.words(), "label changed");
        assert_eq!(Grade::Preclinical.words(), "animal / lab only");
    }
}
