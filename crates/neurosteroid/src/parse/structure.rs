//! From a JSON value to a typed [`Document`], reporting every structural problem.
//!
//! Each top-level field and each entity is deserialised on its own, so one bad entity does
//! not hide the problems of the next: all are reported, each with its JSON Pointer.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::de;
use crate::diagnostic::{Code, Diagnostic, Overflow, pointer_push};
use crate::model::{Document, EntityKind};

const SCALAR_FIELDS: [&str; 3] = ["$schema", "schema_version", "as_of"];
const REQUIRED: [&str; 2] = ["schema_version", "as_of"];

fn all_fields() -> impl Iterator<Item = &'static str> {
    SCALAR_FIELDS
        .into_iter()
        .chain(EntityKind::ALL.iter().map(|k| k.collection()))
        .chain(std::iter::once("coverage"))
}

/// serde's derived structs also accept an array of field values, and unit enums a one-key
/// object; JSON Schema accepts neither. In this format no array holds an array and no
/// object holds an object (the schema crate's tests keep it so), so those shapes are
/// rejected here, before serde sees them. The document's own fields are left to the checks
/// of each top-level field, which say what the field must be (an array, a date); none of
/// them accepts an object, so serde can not read one there either.
fn shape_guard(value: &Value, diags: &mut Vec<Diagnostic>) {
    let mut stack: Vec<(&Value, String)> = vec![(value, String::new())];
    while let Some((v, at)) = stack.pop() {
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = pointer_push(&at, &i.to_string());
                    if item.is_array() {
                        diags.push(
                            Diagnostic::error(
                                Code::Type,
                                p,
                                "invalid type: an array, where an object or a string is expected",
                            )
                            .with_hint("write the entry as an object with named fields"),
                        );
                    } else {
                        stack.push((item, p));
                    }
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let p = pointer_push(&at, k);
                    if at.is_empty() && item.is_object() {
                        continue;
                    }
                    if item.is_object() {
                        diags.push(
                            Diagnostic::error(
                                Code::Type,
                                p,
                                "invalid type: an object, where a string, number or array is expected",
                            )
                            .with_hint("write the value itself, e.g. `\"preclinical\"`, not an object"),
                        );
                    } else {
                        stack.push((item, p));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Turns a JSON value into a [`Document`], or lists every structural problem.
pub fn document_from_value(value: &Value) -> Result<Document, Vec<Diagnostic>> {
    let mut shape = Vec::new();
    shape_guard(value, &mut shape);
    // The common case, a valid document, costs one pass.
    if shape.is_empty() {
        if let Ok(doc) = Document::deserialize(value) {
            return Ok(doc);
        }
    }
    let mut diags = Vec::new();
    let Value::Object(map) = value else {
        return Err(vec![
            Diagnostic::error(
                Code::Type,
                "",
                format!("the document must be a JSON object, not {}", type_name(value)),
            )
            .with_hint("start the document with `{\"schema_version\": \"1.0.0\", \"as_of\": ...}`"),
        ]);
    };
    for key in map.keys() {
        if !all_fields().any(|f| f == key) {
            let hint = crate::names::closest(key, all_fields()).map_or_else(
                || {
                    format!(
                        "allowed top-level fields: {}",
                        all_fields().collect::<Vec<_>>().join(", ")
                    )
                },
                |s| format!("did you mean `{s}`?"),
            );
            diags.push(
                Diagnostic::error(
                    Code::UnknownField,
                    pointer_push("", key),
                    format!("unknown field `{key}`"),
                )
                .with_hint(hint),
            );
        }
    }
    for field in REQUIRED {
        if !map.contains_key(field) {
            diags.push(
                Diagnostic::error(Code::MissingField, "", format!("missing required field `{field}`"))
                    .with_hint(format!("add `{field}` to the top-level object")),
            );
        }
    }
    if let Some(v) = map.get("$schema") {
        check_scalar::<Option<String>>(v, "$schema", "the schema's URI as a string", &mut diags);
    }
    if let Some(v) = map.get("schema_version") {
        match unsupported_version(v) {
            Some(d) => diags.push(d),
            None => check_scalar::<crate::model::SchemaVersion>(
                v,
                "schema_version",
                &format!("the format's version, `\"{}\"`", crate::model::CURRENT_SCHEMA_VERSION),
                &mut diags,
            ),
        }
    }
    if let Some(v) = map.get("as_of") {
        check_scalar::<crate::model::Date>(v, "as_of", "a date as a string, `\"YYYY-MM-DD\"`", &mut diags);
    }
    let mut overflow = Overflow::default();
    macro_rules! collections {
        ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
            $(
                if let Some(v) = map.get(stringify!($collection)) {
                    check_array::<crate::model::$ty>(v, stringify!($collection), &mut diags, &mut overflow);
                }
            )*
        };
    }
    crate::for_each_entity_kind!(collections);
    if let Some(v) = map.get("coverage") {
        check_array::<crate::model::CoverageEntry>(v, "coverage", &mut diags, &mut overflow);
    }
    // A wrong shape is reported once, where it is, not again by serde below it.
    let shaped: std::collections::HashSet<&str> = shape.iter().map(|d| d.path.as_str()).collect();
    diags.retain(|d| !pointer_prefixes(&d.path).any(|p| shaped.contains(p)));
    diags.extend(shape);
    overflow.finish(&mut diags);
    if diags.is_empty() {
        // Every part passed on its own, so the whole should too; report it if not.
        check::<Document>(value, "", &mut diags);
    }
    if diags.is_empty() {
        diags.push(Diagnostic::error(
            Code::Type,
            "",
            "the document could not be read as a knowledge base",
        ));
    }
    Err(diags)
}

/// A top-level field holding one value: its problems, each with a hint saying what to write
/// where the error itself does not know (a wrong type).
fn check_scalar<T: DeserializeOwned>(v: &Value, key: &str, what: &str, diags: &mut Vec<Diagnostic>) {
    let from = diags.len();
    check::<T>(v, &pointer_push("", key), diags);
    for d in &mut diags[from..] {
        if d.hint.is_none() {
            d.hint = Some(format!("write `\"{key}\":` followed by {what}"));
        }
    }
}

fn check_array<T: DeserializeOwned>(v: &Value, key: &str, diags: &mut Vec<Diagnostic>, overflow: &mut Overflow) {
    let base = pointer_push("", key);
    let Value::Array(items) = v else {
        diags.push(
            Diagnostic::error(
                Code::Type,
                base,
                format!("`{key}` must be an array, not {}", type_name(v)),
            )
            .with_hint(format!("write `\"{key}\": [ ... ]`")),
        );
        return;
    };
    // At most `MAX_PER_CODE` kept per code, so that a million bad entries cost a million
    // checks but not a million diagnostics in memory.
    for (i, item) in items.iter().enumerate() {
        check::<T>(item, &pointer_push(&base, &i.to_string()), diags);
        if overflow.due(diags) {
            overflow.compact(diags);
        }
    }
}

/// `unsupported-version` for a well-formed version of another major format (`2.0.0`,
/// `0.9.0`): the document may be fine, this library just does not read that format.
fn unsupported_version(v: &Value) -> Option<Diagnostic> {
    let text = v.as_str()?;
    let parts: Vec<&str> = text.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(numeric) || parts[0] == "1" {
        return None;
    }
    Some(
        Diagnostic::error(
            Code::UnsupportedVersion,
            "/schema_version",
            format!("this library reads format 1.x, not schema_version `{text}`"),
        )
        .with_hint(format!(
            "write the document for format {} (`neurosteroid::migrate` upgrades older 1.x documents), or use a release of this library that reads format {}",
            crate::model::CURRENT_SCHEMA_VERSION,
            parts[0]
        )),
    )
}

/// Deserialises one value; on failure, records the error, removes the offending field
/// and tries again, so that each bad field of an entity is reported, not only the first.
fn check<T: DeserializeOwned>(v: &Value, base: &str, diags: &mut Vec<Diagnostic>) {
    if de::from_value::<T>(v).is_ok() {
        return;
    }
    let mut current = v.clone();
    let mut removed: Vec<String> = Vec::new();
    // Bounded: each round removes one field.
    for _ in 0..=current.as_object().map_or(0, serde_json::Map::len) {
        let Err(e) = de::from_value::<T>(&current) else {
            return;
        };
        let mut pointer = base.to_owned();
        for seg in e.path().iter() {
            match seg {
                serde_path_to_error::Segment::Seq { index } => pointer = pointer_push(&pointer, &index.to_string()),
                serde_path_to_error::Segment::Map { key } => pointer = pointer_push(&pointer, key),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => {}
            }
        }
        let first_key = match e.path().iter().next() {
            Some(serde_path_to_error::Segment::Map { key }) => Some(key.clone()),
            _ => None,
        };
        // A field removed below is then missing: that is not another problem.
        let caused_by_removal = matches!(e.inner().kind(), de::Kind::MissingField(f) if removed.iter().any(|r| r == f));
        if !caused_by_removal {
            diags.push(e.inner().diagnostic(pointer));
        }
        let Some(key) = first_key else { return };
        match current.as_object_mut().and_then(|obj| obj.remove(&key)) {
            Some(_) => removed.push(key),
            None => return,
        }
    }
}

/// The pointer and each of its ancestors except the root (`/a/b`, `/a`).
fn pointer_prefixes(p: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(p);
    std::iter::from_fn(move || {
        let cur = next.filter(|c| !c.is_empty())?;
        next = cur.rfind('/').map(|i| &cur[..i]);
        Some(cur)
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
