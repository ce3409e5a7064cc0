//! Semantic rules on a document with structural errors: every entity that parsed is kept,
//! the broken ones are set aside, and the rules run on what is left, so that a curator sees
//! every problem in one pass. Findings that could be caused by a broken entity (a reference
//! to it, a pathway through it, a source only it cited, a date compared with a broken
//! `as_of`) are left out rather than guessed.

use rustc_hash::FxHashSet as HashSet;
use serde_json::{Map, Value};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{CURRENT_SCHEMA_VERSION, Document};

/// Most broken items set aside before giving up (each costs one more typed pass).
const MAX_BROKEN: usize = 256;

/// What was set aside.
struct Salvage {
    doc: Document,
    /// For each collection: the original index of each kept item.
    kept: Map<String, Value>,
    /// Ids of the entities set aside.
    broken_ids: HashSet<String>,
    /// Collections that lost an item.
    broken_collections: HashSet<String>,
    as_of_broken: bool,
}

fn salvage(value: &Value) -> Option<Salvage> {
    let mut current = value.as_object()?.clone();
    let mut kept: Map<String, Value> = Map::new();
    for (k, v) in &current {
        if let Value::Array(items) = v {
            kept.insert(k.clone(), Value::Array((0..items.len()).map(Value::from).collect()));
        }
    }
    let mut broken_ids = HashSet::default();
    let mut broken_collections = HashSet::default();
    let mut as_of_broken = false;
    for _ in 0..MAX_BROKEN {
        let attempt = Value::Object(current.clone());
        let err = match serde_path_to_error::deserialize::<_, Document>(&attempt) {
            Ok(doc) => {
                return Some(Salvage {
                    doc,
                    kept,
                    broken_ids,
                    broken_collections,
                    as_of_broken,
                });
            }
            Err(e) => e,
        };
        let mut segments = err.path().iter();
        let key = match segments.next() {
            Some(serde_path_to_error::Segment::Map { key }) => key.clone(),
            // A missing top-level field: only the header fields are required.
            _ => {
                if !current.contains_key("schema_version") {
                    current.insert("schema_version".into(), CURRENT_SCHEMA_VERSION.into());
                    continue;
                }
                if !current.contains_key("as_of") {
                    current.insert("as_of".into(), "9999-12-31".into());
                    as_of_broken = true;
                    continue;
                }
                return None;
            }
        };
        match (key.as_str(), segments.next()) {
            ("schema_version", _) => {
                current.insert(key, CURRENT_SCHEMA_VERSION.into());
            }
            ("as_of", _) => {
                current.insert(key, "9999-12-31".into());
                as_of_broken = true;
            }
            (_, Some(serde_path_to_error::Segment::Seq { index })) => {
                let index = *index;
                let Some(Value::Array(items)) = current.get_mut(&key) else {
                    return None;
                };
                if index >= items.len() {
                    return None;
                }
                let item = items.remove(index);
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    broken_ids.insert(id.to_owned());
                }
                if let Some(Value::Array(map)) = kept.get_mut(&key) {
                    if index < map.len() {
                        map.remove(index);
                    }
                }
                broken_collections.insert(key);
            }
            // An unknown top-level field, or a collection that is not an array.
            _ => {
                if let Some(Value::Array(items)) = current.get(&key) {
                    for item in items {
                        if let Some(id) = item.get("id").and_then(Value::as_str) {
                            broken_ids.insert(id.to_owned());
                        }
                    }
                } else if let Some(Value::Object(o)) = current.get(&key) {
                    if let Some(id) = o.get("id").and_then(Value::as_str) {
                        broken_ids.insert(id.to_owned());
                    }
                }
                current.remove(&key);
                kept.remove(&key);
                broken_collections.insert(key);
            }
        }
    }
    None
}

/// Maps a pointer into the salvaged document back to the original one (`/reactions/0/...`
/// → `/reactions/3/...` when items 0–2 were set aside).
fn original_path(path: &str, kept: &Map<String, Value>) -> String {
    let mut parts = path.splitn(4, '/');
    let (Some(""), Some(collection), Some(index)) = (parts.next(), parts.next(), parts.next()) else {
        return path.to_owned();
    };
    let rest = parts.next();
    let original = index
        .parse::<usize>()
        .ok()
        .and_then(|i| kept.get(collection)?.get(i)?.as_u64());
    match (original, rest) {
        (Some(o), Some(rest)) => format!("/{collection}/{o}/{rest}"),
        (Some(o), None) => format!("/{collection}/{o}"),
        _ => path.to_owned(),
    }
}

/// A message with every pointer it quotes (`/compounds/0`) mapped back to the original.
fn original_paths_in(message: &str, kept: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find('/') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '/'))
            .map_or(tail.len(), |(i, _)| i);
        let pointer = tail[..end].trim_end_matches('/');
        if pointer.is_empty() {
            out.push('/');
            rest = &tail[1..];
            continue;
        }
        out.push_str(&original_path(pointer, kept));
        rest = &tail[pointer.len()..];
    }
    out.push_str(rest);
    out
}

/// The semantic findings on the entities of a structurally invalid document that parsed,
/// with their paths into the original document. Empty when too little could be salvaged.
pub fn semantic_of_partial(value: &Value) -> Vec<Diagnostic> {
    let Some(s) = salvage(value) else {
        return Vec::new();
    };
    let any_broken = !s.broken_collections.is_empty();
    let salvaged = serde_json::to_value(&s.doc).unwrap_or(Value::Null);
    super::semantic(&s.doc)
        .into_iter()
        .filter(|d| {
            let target = salvaged.pointer(&d.path).and_then(Value::as_str);
            let about_broken = target.is_some_and(|t| s.broken_ids.contains(t));
            let depends = match d.code {
                Code::DanglingReference | Code::WrongReferenceKind => about_broken,
                Code::UnusedSource | Code::EmptyCoverage => any_broken,
                Code::PathwayDisconnected | Code::PathwayCycle => {
                    s.broken_collections.contains("reactions") || s.broken_collections.contains("pathways")
                }
                Code::FutureDate => s.as_of_broken,
                _ => false,
            };
            !depends
        })
        .map(|mut d| {
            d.path = original_path(&d.path, &s.kept);
            d.message = original_paths_in(&d.message, &s.kept);
            d
        })
        .collect()
}
