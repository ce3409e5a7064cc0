//! Reading a JSON value into a model type with errors that say what kind of error they are,
//! so that the structure check gives each its diagnostic code and hint in one place
//! ([`DeError::diagnostic`]), by kind, never by reading the message.
//!
//! The kinds are serde's own categories (`invalid_type`, `missing_field`, `unknown_field`,
//! ...), which serde's derive reports through the deserialiser's error type, and the code a
//! value type of the model gives its refusal (`model::refusal`). serde_json's error keeps
//! none of that, so [`ValueDeserializer`] reads a [`Value`] exactly as serde_json's
//! `&Value` deserialiser does (same visitor calls, so the same values are accepted and
//! refused) with [`DeError`] as its error type. Every message is written by serde_json's
//! own error type, so the messages are serde_json's, word for word.

use std::fmt;

use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::{Map, Number, Value};

use crate::diagnostic::{Code, Diagnostic};
use crate::names::closest;

/// What kind of error a [`DeError`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// serde's `invalid_type`: a value of the wrong JSON type.
    InvalidType,
    /// serde's `invalid_value`: the right type, a refused value (an enum written as an object
    /// with other than one key).
    InvalidValue,
    /// serde's `invalid_length`: an array or object of the wrong length.
    InvalidLength,
    /// serde's `missing_field`.
    MissingField(&'static str),
    /// serde's `unknown_field`, with the fields the type has.
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields of the type.
        expected: &'static [&'static str],
    },
    /// serde's `unknown_variant`, with the allowed values.
    UnknownVariant {
        /// The value as written.
        variant: String,
        /// The allowed values.
        expected: &'static [&'static str],
    },
    /// serde's `duplicate_field` (a [`Value`]'s object has unique keys, so only for
    /// completeness).
    DuplicateField,
    /// A value type of the model refused the value, with this code.
    Refused(Code),
    /// Any other error (serde's `custom` without a code).
    Other,
}

/// A deserialisation error: its kind and serde_json's message.
#[derive(Debug)]
pub(crate) struct DeError {
    kind: Kind,
    message: String,
}

impl DeError {
    fn new(kind: Kind, message: impl fmt::Display) -> DeError {
        DeError {
            kind,
            message: message.to_string(),
        }
    }

    /// The kind of error.
    pub(crate) fn kind(&self) -> &Kind {
        &self.kind
    }

    /// The diagnostic code of each kind of error: the one place where deserialisation errors
    /// get their codes.
    pub(crate) fn code(&self) -> Code {
        match self.kind {
            Kind::MissingField(_) => Code::MissingField,
            Kind::UnknownField { .. } => Code::UnknownField,
            Kind::UnknownVariant { .. } => Code::UnknownVariant,
            Kind::DuplicateField => Code::DuplicateKey,
            Kind::Refused(code) => code,
            Kind::InvalidType | Kind::InvalidValue | Kind::InvalidLength | Kind::Other => Code::Type,
        }
    }

    /// What to do about it, where known.
    fn hint(&self) -> Option<String> {
        match &self.kind {
            Kind::MissingField(field) => Some(format!("add the required field `{field}`")),
            Kind::UnknownField { field, expected } => (!expected.is_empty()).then(|| {
                closest(field, expected.iter().copied()).map_or_else(
                    || format!("remove it; allowed fields: {}", one_of(expected)),
                    |s| format!("did you mean `{s}`?"),
                )
            }),
            Kind::UnknownVariant { variant, expected } => Some(closest(variant, expected.iter().copied()).map_or_else(
                || format!("allowed values: {}", one_of(expected)),
                |s| format!("did you mean `{s}`?"),
            )),
            Kind::Refused(Code::UnknownPrefix) => Some(
                "use a Bioregistry prefix such as CHEBI, pubchem.compound, cas, hgnc, uniprot, EC, mesh, pubmed or doi"
                    .to_owned(),
            ),
            _ => None,
        }
    }

    /// The diagnostic for this error at `pointer`: code and hint by kind, serde_json's message.
    pub(crate) fn diagnostic(&self, pointer: String) -> Diagnostic {
        let mut d = Diagnostic::error(self.code(), pointer, self.message.clone());
        d.hint = self.hint();
        d
    }
}

/// The names as serde's messages list them, without the quotes: `a`, `a or b`, `a, b, c`.
fn one_of(names: &[&str]) -> String {
    match names {
        [a, b] => format!("{a} or {b}"),
        _ => names.join(", "),
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

/// Each kind keeps serde_json's message (its error type writes `null` and floating-point
/// numbers its own way).
impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let kind = crate::model::refusal::take_code().map_or(Kind::Other, Kind::Refused);
        DeError::new(kind, msg)
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        DeError::new(
            Kind::InvalidType,
            <serde_json::Error as de::Error>::invalid_type(unexp, exp),
        )
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        DeError::new(
            Kind::InvalidValue,
            <serde_json::Error as de::Error>::invalid_value(unexp, exp),
        )
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        DeError::new(
            Kind::InvalidLength,
            <serde_json::Error as de::Error>::invalid_length(len, exp),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(
            Kind::UnknownVariant {
                variant: variant.to_owned(),
                expected,
            },
            <serde_json::Error as de::Error>::unknown_variant(variant, expected),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(
            Kind::UnknownField {
                field: field.to_owned(),
                expected,
            },
            <serde_json::Error as de::Error>::unknown_field(field, expected),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(
            Kind::MissingField(field),
            <serde_json::Error as de::Error>::missing_field(field),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(
            Kind::DuplicateField,
            <serde_json::Error as de::Error>::duplicate_field(field),
        )
    }
}

/// Deserialises `T` from `value`, with the path to the error.
pub(crate) fn from_value<T: de::DeserializeOwned>(value: &Value) -> Result<T, serde_path_to_error::Error<DeError>> {
    serde_path_to_error::deserialize(ValueDeserializer(value))
}

/// A [`Value`] as a deserialiser with [`DeError`]s; behaves as serde_json's `&Value`
/// deserialiser (without the `arbitrary_precision` feature, which this workspace does not use).
#[derive(Clone, Copy)]
pub(crate) struct ValueDeserializer<'de>(pub(crate) &'de Value);

impl<'de> ValueDeserializer<'de> {
    fn unexpected(self) -> Unexpected<'de> {
        match self.0 {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Unexpected::Unsigned(u),
                (None, Some(i)) => Unexpected::Signed(i),
                (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        }
    }

    fn invalid_type(self, exp: &dyn Expected) -> DeError {
        de::Error::invalid_type(self.unexpected(), exp)
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, DeError> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &'de [Value], visitor: V) -> Result<V::Value, DeError> {
    let mut seq = Seq(items.iter());
    let out = visitor.visit_seq(&mut seq)?;
    if seq.0.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(items.len(), &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(map: &'de Map<String, Value>, visitor: V) -> Result<V::Value, DeError> {
    let mut access = Entries {
        iter: map.iter(),
        value: None,
    };
    let out = visitor.visit_map(&mut access)?;
    if access.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(map.len(), &"fewer elements in map"))
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                match self.0 {
                    Value::Number(n) => visit_number(n, visitor),
                    _ => Err(self.invalid_type(&visitor)),
                }
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Enum {
                        variant,
                        value: Some(value),
                    }),
                    _ => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            Value::String(variant) => visitor.visit_enum(Enum { variant, value: None }),
            _ => Err(self.invalid_type(&"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Object(map) => visit_object(map, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// The items of an array.
struct Seq<'de>(std::slice::Iter<'de, Value>);

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        self.0
            .next()
            .map(|item| seed.deserialize(ValueDeserializer(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The entries of an object. Keys are read as strings (the model has no map with number or
/// boolean keys, which serde_json would parse out of the key).
struct Entries<'de> {
    iter: serde_json::map::Iter<'de>,
    value: Option<&'de Value>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(de::value::BorrowedStrDeserializer::new(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        match self.value.take() {
            Some(value) => seed.deserialize(ValueDeserializer(value)),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum written as a string (unit variant) or as an object with one key.
struct Enum<'de> {
    variant: &'de str,
    value: Option<&'de Value>,
}

impl<'de> de::EnumAccess<'de> for Enum<'de> {
    type Error = DeError;
    type Variant = Variant<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Variant<'de>), DeError> {
        let variant: de::value::StrDeserializer<'_, DeError> = self.variant.into_deserializer();
        seed.deserialize(variant).map(|v| (v, Variant(self.value)))
    }
}

/// The value of an enum's variant, when written as an object.
struct Variant<'de>(Option<&'de Value>);

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.0 {
            Some(value) => de::Deserialize::deserialize(ValueDeserializer(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        match self.0 {
            Some(value) => seed.deserialize(ValueDeserializer(value)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => visit_array(items, visitor),
            Some(other) => Err(ValueDeserializer(other).invalid_type(&"tuple variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Some(Value::Object(map)) => visit_object(map, visitor),
            Some(other) => Err(ValueDeserializer(other).invalid_type(&"struct variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde::de::DeserializeOwned;
    use serde_json::json;

    use super::*;
    use crate::model::{Document, Grade, Id, Source, Year};

    /// Deserialises with serde_json's `&Value` deserialiser and with [`ValueDeserializer`]:
    /// both accept, or both refuse with the same message at the same path. Returns ours.
    fn same<T: DeserializeOwned>(value: &Value) -> Option<DeError> {
        let theirs = serde_path_to_error::deserialize::<_, T>(value);
        let ours = from_value::<T>(value);
        match (theirs, ours) {
            (Ok(_), Ok(_)) => None,
            (Err(t), Err(o)) => {
                assert_eq!(t.path().to_string(), o.path().to_string(), "{value}");
                assert_eq!(t.inner().to_string(), o.inner().to_string(), "{value}");
                Some(o.into_inner())
            }
            (t, o) => panic!("{value}: serde_json {:?}, ours {:?}", t.err(), o.err()),
        }
    }

    /// Bytes, as a type that asks for them reads them (no model type does): from a string or
    /// a list of numbers, like serde_json.
    #[test]
    fn reads_bytes_as_serde_json_does() {
        #[derive(Debug, PartialEq)]
        struct Bytes(Vec<u8>);
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Bytes, E> {
                Ok(Bytes(s.as_bytes().to_vec()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        impl<'de> de::Deserialize<'de> for Bytes {
            fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
                d.deserialize_bytes(Visit)
            }
        }
        for (value, bytes) in [
            (json!("ab"), Some(b"ab".to_vec())),
            (json!([1, 2]), Some(vec![1, 2])),
            (json!(1), None),
        ] {
            assert_eq!(same::<Bytes>(&value).is_none(), bytes.is_some(), "{value}");
            assert_eq!(from_value::<Bytes>(&value).ok(), bytes.map(Bytes), "{value}");
        }
    }

    /// The prefixes the unknown-prefix hint suggests are known ones, in their preferred
    /// spelling (so that removing or renaming one in the registry table fails here).
    #[test]
    fn the_unknown_prefix_hint_names_known_prefixes() {
        let hint = DeError {
            kind: Kind::Refused(Code::UnknownPrefix),
            message: String::new(),
        }
        .hint()
        .unwrap_or_default();
        let names = hint
            .strip_prefix("use a Bioregistry prefix such as ")
            .unwrap_or_default();
        let names: Vec<&str> = names
            .split([',', ' '])
            .filter(|s| !s.is_empty() && *s != "or")
            .collect();
        assert_eq!(names.len(), 9, "{hint}");
        for name in names {
            assert!(crate::model::PREFIXES.iter().any(|p| p.preferred == name), "{name}");
        }
    }

    #[test]
    fn one_of_lists_names_as_serde_does() {
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b"]), "a or b");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b, c");
    }

    /// A unit variant written as a one-key object (the document's shape check refuses that
    /// form before serde sees it, but the reader itself is serde_json's twin): only `null`
    /// may follow the key.
    #[test]
    fn reads_a_unit_variant_as_an_object_as_serde_json_does() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum E {
            A,
            B(u8),
        }
        for value in [
            json!("a"),
            json!({"a": null}),
            json!({"a": 1}),
            json!({"a": []}),
            json!({"b": 2}),
        ] {
            let ours = from_value::<E>(&value).ok();
            assert_eq!(ours, serde_json::from_value(value.clone()).ok(), "{value}");
            same::<E>(&value);
        }
        assert_eq!(from_value::<E>(&json!({"a": null})).ok(), Some(E::A));
        assert!(from_value::<E>(&json!({"a": 1})).is_err());
    }

    /// A tuple variant, as a type that has one reads it (no model type does): from a one-key
    /// object holding a list, where an empty list reads as `null` (and is refused as serde_json
    /// refuses it, not as a list too short), like serde_json.
    #[test]
    fn reads_a_tuple_variant_as_serde_json_does() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum E {
            T(u8, u8),
        }
        for value in [
            json!({"t": [1, 2]}),
            json!({"t": []}),
            json!({"t": [1]}),
            json!({"t": [1, 2, 3]}),
            json!({"t": 1}),
            json!("t"),
        ] {
            let ours = from_value::<E>(&value).ok();
            assert_eq!(ours, serde_json::from_value(value.clone()).ok(), "{value}");
            same::<E>(&value);
        }
        assert_eq!(from_value::<E>(&json!({"t": [1, 2]})).ok(), Some(E::T(1, 2)));
        let empty = same::<E>(&json!({"t": []})).map(|e| e.to_string()).unwrap_or_default();
        assert!(
            empty.starts_with("invalid type: null, expected tuple variant"),
            "{empty}"
        );
    }

    /// A map, as a type that asks for one reads it (no model type does): from an object only,
    /// like serde_json.
    #[test]
    fn reads_maps_as_serde_json_does() {
        use std::collections::BTreeMap;
        for value in [
            json!({"a": 1, "b": 2}),
            json!({}),
            json!([["a", 1]]),
            json!("a"),
            json!({"a": "x"}),
        ] {
            let ours = from_value::<BTreeMap<String, u8>>(&value).ok();
            assert_eq!(ours, serde_json::from_value(value.clone()).ok(), "{value}");
            same::<BTreeMap<String, u8>>(&value);
        }
        let map: BTreeMap<String, u8> = from_value(&json!({"a": 1, "b": 2})).unwrap();
        assert_eq!(map, BTreeMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]));
    }

    /// Each entity of the embedded data with each of its fields set to each of many values.
    #[test]
    fn reads_values_as_serde_json_does() {
        let values = [
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(1.5),
            json!(1e300),
            json!(70000),
            json!(2019.0),
            json!(""),
            json!("x"),
            json!("Bad Id"),
            json!("nope:1"),
            json!("CHEBI:abc"),
            json!("2023-13-45"),
            json!("a".repeat(100)),
            json!([]),
            json!(["x"]),
            json!([1]),
            json!([[1]]),
            json!({}),
            json!({"a": 1}),
            json!({"preclinical": null}),
        ];
        let doc: Value = serde_json::from_str(crate::EMBEDDED_JSON).unwrap_or_default();
        let mut compared = 0;
        let mut refused = 0;
        macro_rules! kinds {
            ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
                $(
                    let items = doc.get(stringify!($collection)).and_then(Value::as_array).cloned().unwrap_or_default();
                    for item in items.iter().take(3) {
                        let Value::Object(fields) = item else { continue };
                        assert!(same::<crate::model::$ty>(item).is_none(), "{item}");
                        for key in fields.keys().chain(["nope", "Name"].iter().map(|k| *k).map(String::from).collect::<Vec<_>>().iter()) {
                            for v in &values {
                                let mut changed = fields.clone();
                                changed.insert(key.clone(), v.clone());
                                compared += 1;
                                refused += usize::from(same::<crate::model::$ty>(&Value::Object(changed)).is_some());
                            }
                            let mut without = fields.clone();
                            without.remove(key);
                            same::<crate::model::$ty>(&Value::Object(without));
                        }
                    }
                )*
            };
        }
        crate::for_each_entity_kind!(kinds);
        for v in &values {
            same::<Document>(v);
            same::<Grade>(v);
            same::<Vec<Grade>>(v);
            same::<Option<Id>>(v);
            same::<Year>(v);
        }
        assert!(
            compared > 1000 && refused > compared / 2,
            "{compared} compared, {refused} refused"
        );
    }

    /// What kind each refusal is, and so its code: every kind once.
    #[test]
    fn each_kind_has_its_code() {
        let kind_name = |k: &Kind| match k {
            Kind::InvalidType => "invalid-type",
            Kind::InvalidValue => "invalid-value",
            Kind::InvalidLength => "invalid-length",
            Kind::MissingField(_) => "missing-field",
            Kind::UnknownField { .. } => "unknown-field",
            Kind::UnknownVariant { .. } => "unknown-variant",
            Kind::DuplicateField => "duplicate-field",
            Kind::Refused(_) => "refused",
            Kind::Other => "other",
        };
        let source = json!({"id": "s", "kind": "review", "title": "T"});
        let with = |key: &str, v: Value| {
            let mut s = source.clone();
            s[key] = v;
            s
        };
        let cases: Vec<(Option<DeError>, Code)> = vec![
            (same::<Source>(&with("title", json!(1))), Code::Type),
            (same::<Grade>(&json!({})), Code::Type),
            (same::<Source>(&json!([])), Code::Type),
            (
                same::<Source>(&json!({"id": "s", "kind": "review"})),
                Code::MissingField,
            ),
            (same::<Source>(&with("titel", json!("T"))), Code::UnknownField),
            (same::<Source>(&with("kind", json!("reviw"))), Code::UnknownVariant),
            (
                Some(<DeError as de::Error>::duplicate_field("title")),
                Code::DuplicateKey,
            ),
            (same::<Source>(&with("id", json!("Bad Id"))), Code::Pattern),
            (same::<Source>(&with("id", json!("a".repeat(100)))), Code::Range),
            (same::<Source>(&with("year", json!(1))), Code::Range),
            (
                same::<Source>(&with("identifiers", json!(["nope:1"]))),
                Code::UnknownPrefix,
            ),
            (same::<Code>(&json!("no-such-code")), Code::Type),
        ];
        let mut kinds = BTreeSet::new();
        for (error, code) in cases {
            let e = error.unwrap_or_else(|| panic!("no error for {code}"));
            assert_eq!(e.code(), code, "{e}");
            kinds.insert(kind_name(e.kind()));
        }
        assert_eq!(kinds.len(), 9, "{kinds:?}");
    }

    /// Hints come from the kind: the field or value closest to what was written, else the list.
    #[test]
    fn hints_name_the_closest_field_or_value() {
        let d = |e: Option<DeError>| e.unwrap_or_else(|| unreachable!()).diagnostic("/x".to_owned());
        let source = |key: &str, v: Value| {
            let mut s = json!({"id": "s", "kind": "review", "title": "T"});
            s[key] = v;
            same::<Source>(&s)
        };
        assert_eq!(
            d(source("titel", json!("T"))).hint.as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(
            d(source("kind", json!("reviw"))).hint.as_deref(),
            Some("did you mean `review`?")
        );
        let far = d(source("zzzzzzzz", json!("T"))).hint.unwrap_or_default();
        assert!(far.starts_with("remove it; allowed fields: id, kind, title"), "{far}");
        // A value that looks like serde's wording does not confuse the hint.
        let odd = d(source("kind", json!("expected `review`"))).hint.unwrap_or_default();
        assert!(
            odd.starts_with("allowed values: ") || odd == "did you mean `review`?",
            "{odd}"
        );
        assert_eq!(
            d(same::<Source>(&json!({"id": "s", "kind": "review"}))).hint.as_deref(),
            Some("add the required field `title`")
        );
    }
}
