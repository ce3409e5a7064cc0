//! SHACL shapes of the RDF export, generated from the document JSON Schema — the schema that
//! is itself generated from the Rust model — so that the shapes and `--level schema` check
//! the same things.
//!
//! One `sh:NodeShape` per object type of the schema (`v:CompoundShape` targets
//! `v:Compound`), closed (a field the schema does not know is a violation), with one property
//! shape per field: `sh:minCount 1` for required fields, `sh:maxCount 1` for single values,
//! and the value's constraints — `sh:pattern`, `sh:minLength`/`sh:maxLength`, `sh:in` for
//! enums, `sh:datatype`, numeric bounds, `sh:nodeKind sh:IRI` for identifiers, and
//! `sh:class` for references and nested objects. A reference names the class of the kinds
//! it may name (`sh:class v:Compound` for a reaction's substrate, `sh:or` of classes where
//! several kinds are allowed), read from the one table of references the `full` level
//! checks ([`REFERENCE_SLOTS`]); a reference to any kind is `sh:class v:Entity` (it must
//! exist). A claim's subject and object allow every kind some predicate allows: which kinds
//! one predicate allows is a rule of the `full` level, not of the shapes.
//!
//! What JSON Schema checks and RDF cannot carry (a single value where an array is needed,
//! duplicate keys, the document not being an object) and the semantic rules beyond
//! references (cycles, check digits, dates in the future) are not SHACL's to see.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::validate::references::REFERENCE_SLOTS;

use super::rdf::{TURTLE_PREFIXES, deref, escape_literal, schema_type, unwrap_optional};
use super::vocab::{SH, SHAPES};

/// Constraints on a scalar value from its schema.
fn scalar(def: &Value, out: &mut Vec<String>) {
    if let Some(values) = def.get("enum").and_then(Value::as_array) {
        let list: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .map(|s| format!("\"{}\"", escape_literal(s)))
            .collect();
        out.push(format!("sh:in ( {} )", list.join(" ")));
        return;
    }
    match schema_type(def) {
        Some("string") => out.push("sh:datatype xsd:string".into()),
        Some("number") => out.push("sh:datatype xsd:decimal".into()),
        Some("integer") => out.push("sh:datatype xsd:integer".into()),
        Some("boolean") => out.push("sh:datatype xsd:boolean".into()),
        _ => {}
    }
    if let Some(p) = def.get("pattern").and_then(Value::as_str) {
        out.push(format!("sh:pattern \"{}\"", escape_literal(p)));
    }
    // The schema's guard beside an anchored pattern (`"not": {"pattern": "\n"}`): in Python's
    // `re`, which pyshacl uses, `$` also matches before a final line break.
    if let Some(p) = def.get("not").and_then(|n| n.get("pattern")).and_then(Value::as_str) {
        out.push(format!("sh:not [ sh:pattern \"{}\" ]", escape_literal(p)));
    }
    for (key, sh) in [
        ("minLength", "sh:minLength"),
        ("maxLength", "sh:maxLength"),
        ("minimum", "sh:minInclusive"),
        ("maximum", "sh:maxInclusive"),
        ("exclusiveMinimum", "sh:minExclusive"),
        ("exclusiveMaximum", "sh:maxExclusive"),
    ] {
        if let Some(n) = def.get(key).filter(|v| v.is_number()) {
            let typed = match schema_type(def) {
                Some("integer") | Some("string") => n.to_string(),
                _ => format!("\"{n}\"^^xsd:decimal"),
            };
            out.push(format!("{sh} {typed}"));
        }
    }
}

/// `(object type, field)` → the classes a reference in that field may name, from
/// [`REFERENCE_SLOTS`]: each pattern (`/reactions/*/substrate`) is walked down the schema to
/// the object type that holds the field (`Reaction`), and each kind becomes the class of its
/// collection's items (`Compound`). Slots that allow any kind are left out.
type References = BTreeMap<(String, String), Vec<String>>;

fn schema_at<'a>(defs: Option<&'a Map<String, Value>>, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
    let schema = unwrap_optional(schema);
    match deref(defs, schema) {
        Some((name, def)) => (Some(name), def),
        None => (None, schema),
    }
}

fn references(schema: &Value) -> References {
    let defs = schema.get("$defs").and_then(Value::as_object);
    let props = |v: &Value| {
        v.get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let root_props = props(schema);
    let class_of = |kind: crate::model::EntityKind| -> Option<String> {
        let items = root_props.get(kind.collection())?.get("items")?;
        schema_at(defs, items).0.map(str::to_owned)
    };
    let mut out = References::new();
    for slot in REFERENCE_SLOTS {
        if slot.kinds.is_empty() {
            continue;
        }
        let segments: Vec<&str> = slot.pattern.trim_start_matches('/').split('/').collect();
        let Some(last) = segments.iter().rposition(|s| *s != "*") else {
            continue;
        };
        let (mut owner, mut node) = ("KnowledgeBase", schema);
        let mut found = true;
        for seg in &segments[..last] {
            let next = if *seg == "*" {
                node.get("items")
            } else {
                node.get("properties").and_then(|p| p.get(*seg))
            };
            let Some(next) = next else {
                found = false;
                break;
            };
            let (name, def) = schema_at(defs, next);
            if let Some(name) = name {
                owner = name;
            }
            node = def;
        }
        let classes: Option<Vec<String>> = slot.kinds.iter().map(|k| class_of(*k)).collect();
        if let (true, Some(classes)) = (found, classes) {
            out.insert((owner.to_owned(), segments[last].to_owned()), classes);
        }
    }
    out
}

fn property_shape(
    defs: Option<&Map<String, Value>>,
    refs: &References,
    owner: &str,
    key: &str,
    schema: &Value,
    required: bool,
) -> String {
    let schema = unwrap_optional(schema);
    let mut c: Vec<String> = vec![format!("sh:path v:{key}")];
    let is_array = schema_type(schema) == Some("array");
    let value = if is_array {
        if required {
            let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            if min > 0 {
                c.push(format!("sh:minCount {min}"));
            }
        }
        schema.get("items").unwrap_or(&Value::Null)
    } else {
        if required {
            c.push("sh:minCount 1".into());
        }
        c.push("sh:maxCount 1".into());
        schema
    };
    match deref(defs, value) {
        Some(("Id", def)) if key == "id" => scalar(def, &mut c),
        Some(("Id", _)) => {
            c.push("sh:nodeKind sh:IRI".into());
            match refs.get(&(owner.to_owned(), key.to_owned())).map(Vec::as_slice) {
                Some([one]) => c.push(format!("sh:class v:{one}")),
                // Never empty: `references` skips a slot that names no kind.
                Some(several) => {
                    let alts: Vec<String> = several.iter().map(|k| format!("[ sh:class v:{k} ]")).collect();
                    c.push(format!("sh:or ( {} )", alts.join(" ")));
                }
                None => c.push("sh:class v:Entity".into()),
            }
        }
        Some(("Curie", _)) => c.push("sh:nodeKind sh:IRI".into()),
        Some((name, def)) if def.get("properties").is_some() => {
            c.push("sh:nodeKind sh:IRI".into());
            c.push(format!("sh:class v:{name}"));
        }
        Some((_, def)) => scalar(def, &mut c),
        None => scalar(value, &mut c),
    }
    format!("    sh:property [\n        {}\n    ]", c.join(" ;\n        "))
}

fn node_shape(defs: Option<&Map<String, Value>>, refs: &References, name: &str, def: &Value) -> Option<String> {
    let props = def.get("properties")?.as_object()?;
    let required: Vec<&str> = def
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut parts = vec![
        "a sh:NodeShape".to_owned(),
        format!("sh:targetClass v:{name}"),
        "sh:closed true".to_owned(),
        "sh:ignoredProperties ( rdf:type rdf:subject rdf:predicate rdf:object )".to_owned(),
    ];
    if let Some(d) = def.get("description").and_then(Value::as_str) {
        parts.push(format!("rdfs:comment \"{}\"", escape_literal(d)));
    }
    let mut s = format!("shape:{name}Shape\n    {}", parts.join(" ;\n    "));
    for (key, schema) in props {
        if key == "$schema" {
            continue;
        }
        s.push_str(" ;\n");
        s.push_str(&property_shape(
            defs,
            refs,
            name,
            key,
            schema,
            required.contains(&key.as_str()),
        ));
    }
    s.push_str(" .\n");
    Some(s)
}

/// The SHACL shapes (Turtle) of the RDF made from documents of `schema`.
pub fn shapes(schema: &Value) -> String {
    let defs = schema.get("$defs").and_then(Value::as_object);
    let refs = references(schema);
    let mut s = String::new();
    for (p, ns) in TURTLE_PREFIXES {
        s.push_str(&format!("@prefix {p}: <{ns}> .\n"));
    }
    s.push_str(&format!("@prefix sh: <{SH}> .\n@prefix shape: <{SHAPES}> .\n"));
    if let Some(shape) = node_shape(defs, &refs, "KnowledgeBase", schema) {
        s.push('\n');
        s.push_str(&shape);
    }
    for (name, def) in defs.into_iter().flatten() {
        if let Some(shape) = node_shape(defs, &refs, name, def) {
            s.push('\n');
            s.push_str(&shape);
        }
    }
    s
}
