//! RDF of a knowledge base (Turtle and N-Triples), made by walking the document along its
//! JSON Schema, so that the RDF and the SHACL shapes ([`super::shacl`]) come from one source.
//!
//! The mapping, for vocabulary `v:` (<https://neurosteroid.invalid/vocab/>) and entities
//! `kb:` (<https://neurosteroid.invalid/kb/>):
//! - the document is `kb:`, of class `v:KnowledgeBase`; every entity is `kb:<id>`, of class
//!   `v:<Type>` (the schema's name: `v:Compound`, `v:EnzymeActivity`) and `v:Entity`, linked
//!   from `kb:` by `v:<collection>`; nested objects (a dose, a mechanism) are
//!   `<parent>/<field>/<index>`;
//! - every field is the property `v:<field>`; a reference to another entity is its IRI, an
//!   identifier (CURIE) the IRI of Bioregistry's URI pattern for the prefix, text and enum
//!   values are plain literals, numbers `xsd:decimal` or `xsd:integer`, flags `xsd:boolean`;
//! - a claim is also an `rdf:Statement` (reified): `rdf:subject`, `rdf:predicate`
//!   (`v:predicate/<name>`), `rdf:object`, with its `v:grade`, `v:direction` and
//!   `v:sources` beside them.
//!
//! The walk takes any JSON value, valid or not (what does not fit the schema is written as
//! it is, for the shapes to reject): [`graph_of_value`].

use serde_json::{Map, Value};

use super::vocab::{self, KB, RDF, VOCAB, XSD};
use crate::kb::KnowledgeBase;
use crate::model::Curie;

/// An RDF term in object position.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An IRI.
    Iri(String),
    /// A literal with its datatype IRI (`None`: `xsd:string`).
    Literal(String, Option<&'static str>),
}

/// One triple: subject IRI, predicate IRI, object.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Triple {
    /// Subject IRI.
    pub subject: String,
    /// Predicate IRI.
    pub predicate: String,
    /// Object.
    pub object: Term,
}

/// The RDF graph of a knowledge base, in document order.
pub fn graph(kb: &KnowledgeBase) -> Vec<Triple> {
    let value = serde_json::to_value(kb.document()).unwrap_or(Value::Null);
    graph_of_value(&value, &super::document_schema())
}

/// The RDF graph of any JSON value read as a document, walked along `schema` (the document
/// JSON Schema). Values that do not fit the schema are written as they are.
pub fn graph_of_value(document: &Value, schema: &Value) -> Vec<Triple> {
    let mut w = Walker {
        defs: schema.get("$defs").and_then(Value::as_object),
        out: Vec::new(),
    };
    match document.as_object() {
        Some(obj) => w.object(KB, "KnowledgeBase", schema, obj),
        // Not an object: still the knowledge-base node, for the shapes to find it wanting.
        None => {
            w.push(KB, RDF_TYPE, Term::Iri(vocab::vocab_iri("KnowledgeBase")));
            w.literal_of(KB, &vocab::vocab_iri("value"), document);
        }
    }
    w.out
}

struct Walker<'a> {
    defs: Option<&'a Map<String, Value>>,
    out: Vec<Triple>,
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// How the exports read the document schema: which definition a field names, and which JSON
// type it has (the SHACL shapes and the RDF walk read it alike).

/// The definition an optional scalar was written from: the schema inlines `T` as
/// `"type": [.., "null"]` and names it in `"$comment": "neurosteroid type `T` or null"`.
pub(crate) fn nullable_name(schema: &Value) -> Option<&str> {
    schema
        .get("$comment")?
        .as_str()?
        .strip_prefix("neurosteroid type `")?
        .strip_suffix("` or null")
}

/// The JSON type a schema gives its value: `"type": "T"`, or the one type beside `"null"` of
/// an optional scalar (`"type": ["T", "null"]`).
pub(crate) fn schema_type(schema: &Value) -> Option<&str> {
    match schema.get("type")? {
        Value::String(t) => Some(t),
        Value::Array(types) => types.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// The definition a field names: its `$ref` (looked up in `defs`), or an optional scalar's
/// inlined one (named in its `$comment`, see [`nullable_name`]): (name, schema).
pub(crate) fn deref<'a>(defs: Option<&'a Map<String, Value>>, schema: &'a Value) -> Option<(&'a str, &'a Value)> {
    if let Some(name) = nullable_name(schema) {
        return Some((name, schema));
    }
    let name = schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")?;
    Some((name, defs?.get(name)?))
}

/// `anyOf: [X, {type: null}]` (an optional object field) is X.
pub(crate) fn unwrap_optional(schema: &Value) -> &Value {
    if let Some(alts) = schema.get("anyOf").and_then(Value::as_array) {
        if let Some(x) = alts.iter().find(|a| schema_type(a) != Some("null")) {
            return x;
        }
    }
    schema
}

impl<'a> Walker<'a> {
    fn push(&mut self, subject: &str, predicate: &str, object: Term) {
        self.out.push(Triple {
            subject: subject.to_owned(),
            predicate: predicate.to_owned(),
            object,
        });
    }

    fn object(&mut self, subject: &str, class: &str, schema: &'a Value, obj: &'a Map<String, Value>) {
        self.push(subject, RDF_TYPE, Term::Iri(vocab::vocab_iri(class)));
        let is_entity = schema.get("properties").and_then(|p| p.get("id")).is_some();
        if is_entity {
            self.push(subject, RDF_TYPE, Term::Iri(vocab::vocab_iri("Entity")));
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (key, value) in obj {
            if key == "$schema" || value.is_null() {
                continue;
            }
            let predicate = vocab::vocab_iri(key);
            match props.and_then(|p| p.get(key)) {
                Some(field) => self.field(subject, &predicate, key, field, value),
                None => self.literal_of(subject, &predicate, value),
            }
        }
        if class == "Claim" {
            self.reify(subject, obj);
        }
    }

    fn reify(&mut self, subject: &str, obj: &Map<String, Value>) {
        self.push(subject, RDF_TYPE, Term::Iri(format!("{RDF}Statement")));
        let id = |k: &str| obj.get(k).and_then(Value::as_str);
        if let Some(s) = id("subject") {
            self.push(subject, &format!("{RDF}subject"), Term::Iri(vocab::kb_iri(s)));
        }
        if let Some(p) = obj
            .get("predicate")
            .and_then(|p| serde_json::from_value::<crate::model::Predicate>(p.clone()).ok())
        {
            self.push(subject, &format!("{RDF}predicate"), Term::Iri(vocab::predicate_iri(p)));
        }
        if let Some(o) = id("object") {
            self.push(subject, &format!("{RDF}object"), Term::Iri(vocab::kb_iri(o)));
        }
    }

    fn field(&mut self, subject: &str, predicate: &str, key: &str, schema: &'a Value, value: &'a Value) {
        let schema = unwrap_optional(schema);
        if schema_type(schema) == Some("array") {
            if let (Some(items), Some(values)) = (schema.get("items"), value.as_array()) {
                for (i, v) in values.iter().enumerate() {
                    self.one(subject, predicate, key, Some(i), items, v);
                }
                return;
            }
        }
        self.one(subject, predicate, key, None, schema, value);
    }

    fn one(
        &mut self,
        subject: &str,
        predicate: &str,
        key: &str,
        index: Option<usize>,
        schema: &'a Value,
        value: &'a Value,
    ) {
        let Some((name, def)) = deref(self.defs, schema) else {
            return self.literal(subject, predicate, schema, value);
        };
        match (name, value) {
            ("Id", Value::String(s)) if key != "id" => self.push(subject, predicate, Term::Iri(vocab::kb_iri(s))),
            ("Curie", Value::String(s)) => match Curie::parse(s) {
                Ok(c) => self.push(subject, predicate, Term::Iri(vocab::iri_escape(&c.url()))),
                Err(_) => self.push(subject, predicate, Term::Literal(s.clone(), None)),
            },
            (_, Value::Object(obj)) if def.get("properties").is_some() => {
                let node = match obj.get("id").and_then(Value::as_str) {
                    Some(id) if def.get("properties").and_then(|p| p.get("id")).is_some() => vocab::kb_iri(id),
                    _ => {
                        let field = vocab::iri_escape(key);
                        match index {
                            Some(i) => format!("{subject}/{field}/{i}"),
                            None => format!("{subject}/{field}"),
                        }
                    }
                };
                self.push(subject, predicate, Term::Iri(node.clone()));
                self.object(&node, name, def, obj);
            }
            _ => self.literal(subject, predicate, def, value),
        }
    }

    /// A scalar as the literal its schema's type calls for; anything else as it is. Only a
    /// `number` field needs its schema: a whole number in it is still an `xsd:decimal`. A
    /// whole number in an `integer` field is an `xsd:integer` by its own type already.
    fn literal(&mut self, subject: &str, predicate: &str, schema: &Value, value: &Value) {
        match (schema_type(schema), value) {
            (Some("number"), Value::Number(n)) => {
                self.push(subject, predicate, Term::Literal(decimal(n), Some("decimal")))
            }
            _ => self.literal_of(subject, predicate, value),
        }
    }

    /// A JSON value as the literal its own type gives (objects and arrays as JSON text).
    fn literal_of(&mut self, subject: &str, predicate: &str, value: &Value) {
        let term = match value {
            Value::String(s) => Term::Literal(s.clone(), None),
            Value::Bool(b) => Term::Literal(b.to_string(), Some("boolean")),
            Value::Number(n) if n.is_i64() || n.is_u64() => Term::Literal(n.to_string(), Some("integer")),
            Value::Number(n) => Term::Literal(decimal(n), Some("decimal")),
            Value::Null => return,
            other => Term::Literal(other.to_string(), Some("json")),
        };
        self.push(subject, predicate, term);
    }
}

/// `xsd:decimal` lexical form (no exponent).
fn decimal(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let s = format!("{f}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

fn datatype_iri(d: &str) -> String {
    if d == "json" {
        format!("{RDF}JSON")
    } else {
        format!("{XSD}{d}")
    }
}

/// Escapes a literal for Turtle and N-Triples (`"` `\` and line breaks).
pub fn escape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn nt_term(t: &Term) -> String {
    match t {
        Term::Iri(i) => format!("<{i}>"),
        Term::Literal(v, None) => format!("\"{}\"", escape_literal(v)),
        Term::Literal(v, Some(d)) => format!("\"{}\"^^<{}>", escape_literal(v), datatype_iri(d)),
    }
}

/// N-Triples: one triple per line.
pub fn ntriples(triples: &[Triple]) -> String {
    let mut s = String::new();
    for t in triples {
        s.push_str(&format!("<{}> <{}> {} .\n", t.subject, t.predicate, nt_term(&t.object)));
    }
    s
}

/// The prefixes Turtle output abbreviates with.
pub const TURTLE_PREFIXES: &[(&str, &str)] = &[
    ("rdf", RDF),
    ("rdfs", vocab::RDFS),
    ("xsd", XSD),
    ("v", VOCAB),
    ("kb", KB),
];

/// A prefixed name when the IRI is `namespace + local` and the local part is a simple name,
/// else `<iri>`.
pub fn turtle_iri(iri: &str) -> String {
    if iri == format!("{RDF}type") {
        return "a".to_owned();
    }
    // No namespace starts another (tested), so the first that fits is the only one.
    let prefixed = TURTLE_PREFIXES
        .iter()
        .find_map(|(p, ns)| Some((p, iri.strip_prefix(ns)?)));
    if let Some((p, local)) = prefixed {
        if simple_local(local) {
            return format!("{p}:{local}");
        }
    }
    format!("<{iri}>")
}

fn simple_local(local: &str) -> bool {
    let mut chars = local.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !local.ends_with('-')
}

fn turtle_term(t: &Term) -> String {
    match t {
        Term::Iri(i) => turtle_iri(i),
        Term::Literal(v, None) => format!("\"{}\"", escape_literal(v)),
        Term::Literal(v, Some(d)) if *d == "json" => format!("\"{}\"^^rdf:JSON", escape_literal(v)),
        Term::Literal(v, Some(d)) => format!("\"{}\"^^xsd:{d}", escape_literal(v)),
    }
}

/// Turtle: the prefixes, then one block per subject (in the order subjects first appear).
pub fn turtle(triples: &[Triple]) -> String {
    let mut s = String::new();
    for (p, ns) in TURTLE_PREFIXES {
        s.push_str(&format!("@prefix {p}: <{ns}> .\n"));
    }
    let mut order: Vec<&str> = Vec::new();
    let mut by_subject: rustc_hash::FxHashMap<&str, Vec<&Triple>> = rustc_hash::FxHashMap::default();
    for t in triples {
        by_subject
            .entry(t.subject.as_str())
            .or_insert_with(|| {
                order.push(t.subject.as_str());
                Vec::new()
            })
            .push(t);
    }
    for subject in order {
        let ts = by_subject.get(subject).map(Vec::as_slice).unwrap_or_default();
        s.push('\n');
        s.push_str(&turtle_iri(subject));
        for (i, t) in ts.iter().enumerate() {
            s.push_str(if i == 0 { "\n    " } else { " ;\n    " });
            s.push_str(&turtle_iri(&t.predicate));
            s.push(' ');
            s.push_str(&turtle_term(&t.object));
        }
        s.push_str(" .\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::unwrap_optional;

    #[test]
    fn literals_escape_quotes_backslashes_and_every_control_character() {
        assert_eq!(
            super::escape_literal("a\"b\\c\nd\re\tf\u{0}g\u{1f}h\u{7f}i\u{80}j é"),
            "a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001Fh\\u007Fi\u{80}j é"
        );
    }

    /// So the first namespace that fits an IRI is the only one (what `turtle_iri` relies on).
    #[test]
    fn no_turtle_namespace_starts_another() {
        for (p, ns) in super::TURTLE_PREFIXES {
            for (q, other) in super::TURTLE_PREFIXES {
                assert!(p == q || !other.starts_with(ns), "{q}: starts with {p}:");
            }
        }
        assert_eq!(
            super::turtle_iri("https://neurosteroid.invalid/vocab/Compound"),
            "v:Compound"
        );
        assert_eq!(
            super::turtle_iri("https://neurosteroid.invalid/kb/a b"),
            "<https://neurosteroid.invalid/kb/a b>"
        );
        assert_eq!(super::turtle_iri("https://example.org/x"), "<https://example.org/x>");
    }

    /// A prefixed name only where Turtle's grammar allows this simple form: a local part
    /// that starts with a letter, a digit or `_`, holds only those and `-`, and does not end
    /// with `-`; anything else is written as a whole IRI.
    #[test]
    fn a_local_name_is_prefixed_only_where_turtle_allows_it() {
        let v = |local: &str| super::turtle_iri(&format!("https://neurosteroid.invalid/vocab/{local}"));
        for ok in ["a", "9", "_", "_x", "a-b", "a_b", "A9"] {
            assert_eq!(v(ok), format!("v:{ok}"));
        }
        for whole in ["", "-a", "a-", "a.b", "a/b", "é", "a b"] {
            assert_eq!(v(whole), format!("<https://neurosteroid.invalid/vocab/{whole}>"));
        }
    }

    /// Optional object fields as schemars writes them for some types (`anyOf: [X, null]`,
    /// either order); the committed schema has none today, but a schema passed to
    /// [`super::graph_of_value`] may.
    #[test]
    fn an_optional_field_is_the_alternative_that_is_not_null() {
        let x = json!({"$ref": "#/$defs/X"});
        let none = json!({"type": "null"});
        assert_eq!(unwrap_optional(&json!({"anyOf": [x, none]})), &x);
        assert_eq!(unwrap_optional(&json!({"anyOf": [none, x]})), &x);
        let plain = json!({"type": "string"});
        assert_eq!(unwrap_optional(&plain), &plain);
    }
}
