//! The JSON Schema (Draft 2020-12) of neurosteroid knowledge-base documents: generated from
//! the Rust model, written to and checked against the committed `schema/` directory, and
//! used to validate any JSON value with the standard `jsonschema` crate, returning the
//! core's [`Diagnostic`] for each problem it finds (see [`validate_value`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use neurosteroid::model::{CURRENT_SCHEMA_VERSION, CoverageEntry, Document, SCHEMA_ID_BASE};
use neurosteroid::{Code, Diagnostic};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

/// File name of the document schema.
pub const DOCUMENT_SCHEMA_FILE: &str = "knowledge-base.schema.json";

/// The `$id` of a schema file.
pub fn schema_id(file: &str) -> String {
    format!("{SCHEMA_ID_BASE}/{CURRENT_SCHEMA_VERSION}/{file}")
}

fn schema_for<T: JsonSchema>(file: &str, title: &str) -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    portable(&mut value);
    let defs = value.get("$defs").cloned().unwrap_or_default();
    nullable_scalars(&mut value, &defs);
    if let Some(obj) = value.as_object_mut() {
        // `$schema` first, then `$id` and `title`: the order editors and readers expect.
        let mut ordered = serde_json::Map::new();
        ordered.insert("$schema".into(), obj.remove("$schema").unwrap_or(Value::Null));
        ordered.insert("$id".into(), Value::String(schema_id(file)));
        ordered.insert("title".into(), Value::String(title.to_owned()));
        obj.remove("title");
        ordered.extend(std::mem::take(obj));
        *obj = ordered;
    }
    value
}

/// Rewrites what schemars emits into forms that every common validator reads the same way
/// and reports clearly (python-jsonschema, check-jsonschema, ajv in strict mode, the Rust
/// `jsonschema` crate):
///
/// - A `oneOf` of documented `const` strings (schemars' form for an enum whose variants have
///   doc comments) becomes one `enum`: a wrong value gets one "must be one of" error instead
///   of one "must be equal to constant" per variant. The variants' descriptions move into the
///   definition's `description`, as a Markdown list (`` - `value`: meaning ``), where editors
///   show them. Not as an `x-enumDescriptions` keyword: ajv in strict mode (its default)
///   refuses to compile a schema with any keyword it does not know.
/// - A `pattern` anchored with `$` gets `"not": {"type": "string", "pattern": "\n"}` beside
///   it (the `type` keeps the guard silent on a value that is not a string): in Python's
///   `re` (python-jsonschema, check-jsonschema's `python` regex variant) `$` also matches
///   before a final line break, so `"effect-e\n"` would pass as an id. ECMAScript, RE2 and
///   Rust's `regex` have no end-of-text assertion in common with Python other than `$`, and
///   Rust's `regex` has no lookahead, so a separate `not` is the form all of them read alike.
fn portable(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(portable),
        Value::Object(obj) => {
            obj.values_mut().for_each(portable);
            if let Some(variants) = obj
                .get("oneOf")
                .and_then(Value::as_array)
                .and_then(|a| string_consts(a))
            {
                obj.remove("oneOf");
                let mut description = obj
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if variants.iter().any(|(_, d)| d.is_some()) {
                    if !description.is_empty() {
                        description.push_str("\n\n");
                    }
                    let list: Vec<String> = variants
                        .iter()
                        .map(|(v, d)| match d {
                            // One line per value (doc comments wrap): readers split on lines.
                            Some(d) => format!("- `{v}`: {}", d.split_whitespace().collect::<Vec<_>>().join(" ")),
                            None => format!("- `{v}`"),
                        })
                        .collect();
                    description.push_str(&list.join("\n"));
                }
                if !description.is_empty() {
                    obj.insert("description".into(), Value::String(description));
                }
                obj.insert("type".into(), Value::String("string".into()));
                obj.insert(
                    "enum".into(),
                    Value::Array(variants.into_iter().map(|(v, _)| Value::String(v)).collect()),
                );
            }
            let anchored = obj
                .get("pattern")
                .and_then(Value::as_str)
                .is_some_and(|p| p.ends_with('$') && !p.ends_with("\\$"));
            if anchored && !obj.contains_key("not") {
                obj.insert("not".into(), serde_json::json!({ "type": "string", "pattern": "\n" }));
            }
        }
        _ => {}
    }
}

/// Writes each optional scalar field, which schemars emits as
/// `"anyOf": [{"$ref": "#/$defs/T"}, {"type": "null"}]`, as `T`'s definition itself with `null`
/// added to its `type` (and to its `enum`): `{"type": ["number", "null"], "exclusiveMinimum": 0}`.
/// A bad value then gets one error naming what is wrong (ajv: "must be > 0"), where the
/// `anyOf` gave ajv three ("must be > 0", "must be null", "must match a schema in anyOf") and
/// python-jsonschema one that says nothing ("is not valid under any of the given schemas").
/// ajv's strict mode allows a type list of one type and `null`. The library reads an explicit
/// `null` as an absent field, so the schema still accepts exactly what the library accepts.
/// The definition's name stays in a `$comment` (``neurosteroid type `T` or null``), which
/// `tools/gen_python_model.py` and `tools/gen_docs.py` read back. Definitions that are not a
/// single scalar type (objects, arrays, combinators) keep the `anyOf`.
fn nullable_scalars(value: &mut Value, defs: &Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| nullable_scalars(v, defs)),
        Value::Object(obj) => {
            obj.values_mut().for_each(|v| nullable_scalars(v, defs));
            let Some(name) = obj
                .get("anyOf")
                .and_then(Value::as_array)
                .and_then(|alts| match alts.as_slice() {
                    [one, null]
                        if null == &serde_json::json!({ "type": "null" })
                            && one.as_object().is_some_and(|o| o.len() == 1) =>
                    {
                        one.get("$ref")
                            .and_then(Value::as_str)
                            .and_then(|r| r.strip_prefix("#/$defs/"))
                    }
                    _ => None,
                })
            else {
                return;
            };
            let name = name.to_owned();
            let Some(def) = defs.get(&name).and_then(Value::as_object) else {
                return;
            };
            let scalar = def
                .get("type")
                .and_then(Value::as_str)
                .filter(|t| !matches!(*t, "object" | "array" | "null"));
            let plain = def.keys().all(|k| {
                matches!(
                    k.as_str(),
                    "type"
                        | "description"
                        | "pattern"
                        | "not"
                        | "enum"
                        | "minLength"
                        | "maxLength"
                        | "minimum"
                        | "maximum"
                        | "exclusiveMinimum"
                        | "exclusiveMaximum"
                        | "format"
                )
            });
            let Some(scalar) = scalar.filter(|_| plain) else {
                return;
            };
            obj.remove("anyOf");
            for (k, v) in def {
                if k != "description" {
                    obj.insert(k.clone(), v.clone());
                }
            }
            obj.insert("type".into(), serde_json::json!([scalar, "null"]));
            if let Some(Value::Array(values)) = obj.get_mut("enum") {
                values.push(Value::Null);
            }
            obj.insert(
                "$comment".into(),
                Value::String(format!("neurosteroid type `{name}` or null")),
            );
        }
        _ => {}
    }
}

/// The (value, description) of each alternative when every one is a string `const` with at
/// most a `description` and `"type": "string"` beside it; `None` otherwise.
fn string_consts(alternatives: &[Value]) -> Option<Vec<(String, Option<String>)>> {
    if alternatives.is_empty() {
        return None;
    }
    alternatives
        .iter()
        .map(|alt| {
            let obj = alt.as_object()?;
            let value = obj.get("const")?.as_str()?.to_owned();
            let only_known = obj.iter().all(|(k, v)| match k.as_str() {
                "const" => true,
                "description" => v.is_string(),
                "type" => v == "string",
                _ => false,
            });
            only_known.then(|| (value, obj.get("description").and_then(Value::as_str).map(str::to_owned)))
        })
        .collect()
}

/// One entity kind's schema facts: its definition name, kind name and collection.
struct KindSchema {
    definition: std::borrow::Cow<'static, str>,
    kind: &'static str,
    collection: &'static str,
    file: String,
    schema: fn(&str, &str) -> Value,
    title: String,
}

/// Every entity kind, in document order, from the core's one table of kinds.
fn kinds() -> Vec<KindSchema> {
    macro_rules! kinds {
        ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
            vec![$(
                KindSchema {
                    definition: <neurosteroid::model::$ty as JsonSchema>::schema_name(),
                    kind: $name,
                    collection: stringify!($collection),
                    file: format!("{}.schema.json", $name),
                    schema: schema_for::<neurosteroid::model::$ty>,
                    title: format!("neurosteroid {}", $words),
                },
            )*]
        };
    }
    neurosteroid::for_each_entity_kind!(kinds)
}

/// The `$comment` that names an entity definition's kind and collection. A standard keyword,
/// not an `x-` one: ajv in strict mode (its default) refuses to compile a schema with any
/// keyword it does not know. `tools/gen_python_model.py` reads it back.
fn annotate(schema: &mut Value, kind: &KindSchema) {
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$comment".into(),
            Value::String(format!(
                "neurosteroid entity kind `{}`, collection `{}`",
                kind.kind, kind.collection
            )),
        );
    }
}

/// The JSON Schema of a whole knowledge-base document: each entity definition names its kind
/// and collection, and the root lists the collections in document order, in `$comment`s
/// (see `annotate` in this crate), so that generators (the Python model) need no list of their own.
pub fn document_schema() -> Value {
    let mut schema = schema_for::<Document>(DOCUMENT_SCHEMA_FILE, "neurosteroid knowledge base");
    let kinds = kinds();
    for kind in &kinds {
        if let Some(def) = schema.pointer_mut(&format!("/$defs/{}", kind.definition)) {
            annotate(def, kind);
        }
    }
    if let Some(obj) = schema.as_object_mut() {
        let order: Vec<String> = kinds.iter().map(|k| format!("`{}`", k.collection)).collect();
        obj.insert(
            "$comment".into(),
            Value::String(format!(
                "neurosteroid collections, in document order: {}",
                order.join(", ")
            )),
        );
    }
    schema
}

/// Every schema file: the document's, then one per entity kind, by file name.
pub fn generate() -> BTreeMap<String, Value> {
    let mut files = BTreeMap::new();
    files.insert(DOCUMENT_SCHEMA_FILE.to_owned(), document_schema());
    for kind in kinds() {
        let mut schema = (kind.schema)(&kind.file, &kind.title);
        annotate(&mut schema, &kind);
        files.insert(kind.file.clone(), schema);
    }
    files.insert(
        "coverage-entry.schema.json".to_owned(),
        schema_for::<CoverageEntry>("coverage-entry.schema.json", "neurosteroid coverage entry"),
    );
    files
}

/// The text of a schema file: indented JSON with a trailing newline.
pub fn render(schema: &Value) -> String {
    neurosteroid::output::pretty_json(schema)
}

/// Writes every schema file into `dir` (created if missing). Each file is written through
/// [`neurosteroid::output::write_file`]: an exclusive, unpredictably named temporary file,
/// then a rename, so a failure never leaves a half-written schema and concurrent runs do
/// not collide.
///
/// # Errors
/// The first I/O error.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (file, schema) in generate() {
        let path = dir.join(&file);
        neurosteroid::output::write_file(&path, render(&schema).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// A committed schema file that differs from the generated one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The file name.
    pub file: String,
    /// What the generator makes.
    pub expected: String,
    /// What is in the directory (`None` when missing).
    pub actual: Option<String>,
}

impl Drift {
    /// A short line-by-line difference (first differing lines).
    pub fn diff(&self) -> String {
        let Some(actual) = &self.actual else {
            return format!("{}: missing", self.file);
        };
        let mut out = format!("--- {} (committed)\n+++ {} (generated)\n", self.file, self.file);
        let (a, e): (Vec<&str>, Vec<&str>) = (actual.lines().collect(), self.expected.lines().collect());
        let mut shown = 0;
        for i in 0..a.len().max(e.len()) {
            let (x, y) = (a.get(i), e.get(i));
            if x != y {
                if let Some(x) = x {
                    out.push_str(&format!("{}: -{x}\n", i + 1));
                }
                if let Some(y) = y {
                    out.push_str(&format!("{}: +{y}\n", i + 1));
                }
                shown += 1;
                if shown == 20 {
                    out.push_str("...\n");
                    break;
                }
            }
        }
        out
    }
}

/// Compares the schema files in `dir` with the generated ones.
///
/// # Errors
/// Every file that is missing or differs.
pub fn check_all(dir: &Path) -> Result<(), Vec<Drift>> {
    let drift: Vec<Drift> = generate()
        .into_iter()
        .filter_map(|(file, schema)| {
            let expected = render(&schema);
            let actual = std::fs::read_to_string(dir.join(&file)).ok();
            (actual.as_deref() != Some(expected.as_str())).then_some(Drift { file, expected, actual })
        })
        .collect();
    if drift.is_empty() { Ok(()) } else { Err(drift) }
}

static VALIDATOR: LazyLock<Result<jsonschema::Validator, String>> =
    LazyLock::new(|| jsonschema::draft202012::new(&document_schema()).map_err(|e| e.to_string()));

/// Validates any JSON value against the document schema, with the standard `jsonschema`
/// crate, and returns every problem it finds as a core [`Diagnostic`].
///
/// The schema validator decides *where* there is a problem; the wording comes from the core:
/// where the core's structural check (`--level schema`) reports a problem at the same JSON
/// Pointer, its diagnostic is returned as it is (same code, message and hint, e.g.
/// `unsupported-version` or `unknown-prefix` where the schema only sees a pattern fail). A
/// problem only the schema sees (the two disagree: a bug, which the tests look for) gets a
/// diagnostic of its own, coded from the kind of schema error. Values carry no text
/// positions, so no diagnostic has a `location`.
pub fn validate_value(instance: &Value) -> Vec<Diagnostic> {
    let findings = schema_findings(instance);
    if findings.is_empty() {
        return findings;
    }
    let core = neurosteroid::__private::document_from_value(instance)
        .err()
        .unwrap_or_default();
    let mut out: Vec<Diagnostic> = Vec::new();
    for finding in findings {
        let same_code = core.iter().find(|d| d.path == finding.path && d.code == finding.code);
        let mut at_path = core.iter().filter(|d| d.path == finding.path);
        let only_at_path = match (at_path.next(), at_path.next()) {
            (Some(d), None) => Some(d),
            _ => None,
        };
        let d = same_code.or(only_at_path).cloned().unwrap_or(finding);
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// What the `jsonschema` crate finds, one diagnostic per problem and place (a pattern and
/// its line-break guard failing on the same value count once).
fn schema_findings(instance: &Value) -> Vec<Diagnostic> {
    let validator = match VALIDATOR.as_ref() {
        Ok(v) => v,
        Err(e) => {
            return vec![Diagnostic::error(
                Code::Type,
                "",
                format!("the schema itself failed to compile: {e}"),
            )];
        }
    };
    let mut out: Vec<Diagnostic> = Vec::new();
    for error in validator.iter_errors(instance) {
        let path = error.instance_path().as_str().to_owned();
        let message = error.to_string();
        use jsonschema::error::ValidationErrorKind as K;
        let d = match error.kind() {
            K::AdditionalProperties { unexpected } => {
                for prop in unexpected {
                    out.push(Diagnostic::error(
                        Code::UnknownField,
                        neurosteroid::__private::pointer_push(&path, prop),
                        format!("unknown field `{prop}`"),
                    ));
                }
                continue;
            }
            K::Required { .. } => Diagnostic::error(Code::MissingField, path, message),
            K::Enum { .. } | K::Constant { .. } => Diagnostic::error(Code::UnknownVariant, path, message),
            K::Pattern { .. } => Diagnostic::error(Code::Pattern, path, message),
            // The only `not` in the schema is the line-break guard beside a pattern.
            K::Not { .. } => Diagnostic::error(Code::Pattern, path, "a line break is not allowed here"),
            K::Minimum { .. }
            | K::Maximum { .. }
            | K::ExclusiveMinimum { .. }
            | K::ExclusiveMaximum { .. }
            | K::MinLength { .. }
            | K::MaxLength { .. } => Diagnostic::error(Code::Range, path, message),
            _ => Diagnostic::error(Code::Type, path, message),
        };
        if !out.iter().any(|o| o.code == d.code && o.path == d.path) {
            out.push(d);
        }
    }
    out
}

/// True when the value passes the document schema.
pub fn is_valid(instance: &Value) -> bool {
    VALIDATOR.as_ref().is_ok_and(|v| v.is_valid(instance))
}

/// Problems of the generated schemas against the Draft 2020-12 meta-schema (empty when
/// every schema is valid).
pub fn meta_errors() -> Vec<String> {
    generate()
        .into_iter()
        .filter_map(|(file, schema)| {
            jsonschema::meta::validate(&schema)
                .err()
                .map(|e| format!("{file}: {e}"))
        })
        .collect()
}
