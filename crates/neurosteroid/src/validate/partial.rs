//! Semantic rules on a document with structural errors: every entity that parsed is kept,
//! the broken ones are set aside, and the rules run on what is left, so that a curator sees
//! every problem in one pass. Findings that could be caused by a broken entity (a reference
//! to it, a pathway through it, a source only it cited, a date compared with a broken
//! `as_of`) are left out rather than guessed.

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{CURRENT_SCHEMA_VERSION, Document};

/// Most parts set aside by [`settle`] before giving up (each costs one more typed pass).
const MAX_BROKEN: usize = 256;

/// What was set aside.
struct Salvage {
    doc: Document,
    /// For each collection: the original index of each kept item.
    kept: Map<String, Value>,
    /// Ids of the entities set aside.
    broken_ids: HashSet<String>,
    /// Whether something set aside may be an entity whose id can not be read (a collection
    /// that is not an array, an item without a string `id`): then any reference may be to it.
    unknown_ids: bool,
    /// Collections that lost an item.
    broken_collections: HashSet<String>,
    as_of_broken: bool,
}

/// Whether `fields` (a header plus one field) read as a document.
fn reads(header: &Map<String, Value>, key: &str, value: Value) -> bool {
    let mut attempt = header.clone();
    attempt.insert(key.to_owned(), value);
    Document::deserialize(&Value::Object(attempt)).is_ok()
}

/// Sets aside what does not read: each item of a collection is tried on its own (with the
/// header), so the cost is one typed pass over the document, however many items are
/// broken. What only fails together (nothing today) is settled by [`settle`].
fn salvage(value: &Value) -> Option<Salvage> {
    let original = value.as_object()?;
    let mut as_of_broken = false;
    // The header first: a usable version and date, so that each item can be tried alone.
    let mut header = Map::new();
    let version_ok = original.get("schema_version").is_some_and(|v| {
        let mut h = Map::new();
        h.insert("as_of".into(), "2000-01-01".into());
        reads(&h, "schema_version", v.clone())
    });
    header.insert(
        "schema_version".into(),
        if version_ok {
            original["schema_version"].clone()
        } else {
            CURRENT_SCHEMA_VERSION.into()
        },
    );
    let as_of_ok = original
        .get("as_of")
        .is_some_and(|v| reads(&header, "as_of", v.clone()));
    if as_of_ok {
        header.insert("as_of".into(), original["as_of"].clone());
    } else {
        header.insert("as_of".into(), "9999-12-31".into());
        as_of_broken = true;
    }
    let mut state = State {
        current: header.clone(),
        kept: Map::new(),
        broken_ids: HashSet::default(),
        unknown_ids: false,
        broken_collections: HashSet::default(),
        as_of_broken,
    };
    for (key, v) in original {
        if key == "schema_version" || key == "as_of" {
            continue;
        }
        match v {
            Value::Array(items) if reads(&header, key, Value::Array(Vec::new())) => {
                let mut kept_items = Vec::with_capacity(items.len());
                let mut kept_index = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if reads(&header, key, Value::Array(vec![item.clone()])) {
                        kept_items.push(item.clone());
                        kept_index.push(Value::from(i));
                    } else {
                        state.set_aside(key, item);
                    }
                }
                state.current.insert(key.clone(), Value::Array(kept_items));
                state.kept.insert(key.clone(), Value::Array(kept_index));
            }
            _ if reads(&header, key, v.clone()) => {
                state.current.insert(key.clone(), v.clone());
            }
            // An unknown top-level field, or a collection that is not an array.
            _ => {
                state.set_aside(key, v);
            }
        }
    }
    settle(state)
}

/// The salvage so far.
struct State {
    current: Map<String, Value>,
    kept: Map<String, Value>,
    broken_ids: HashSet<String>,
    unknown_ids: bool,
    broken_collections: HashSet<String>,
    as_of_broken: bool,
}

impl State {
    fn set_aside(&mut self, collection: &str, item: &Value) {
        match (item.get("id").and_then(Value::as_str), item) {
            (Some(id), _) => {
                self.broken_ids.insert(id.to_owned());
            }
            // An object whose id can not be read may still be the entity a reference is to.
            (None, Value::Object(_)) => self.unknown_ids = true,
            (None, Value::Array(items)) => items.iter().for_each(|i| self.set_aside(collection, i)),
            (None, _) => {}
        }
        self.broken_collections.insert(collection.to_owned());
    }
}

/// Reads the salvaged document; should it still fail as a whole, sets aside one more part per
/// round, at most [`MAX_BROKEN`] rounds.
fn settle(mut state: State) -> Option<Salvage> {
    for _ in 0..MAX_BROKEN {
        let attempt = Value::Object(state.current.clone());
        let err = match serde_path_to_error::deserialize::<_, Document>(&attempt) {
            Ok(doc) => {
                return Some(Salvage {
                    doc,
                    kept: state.kept,
                    broken_ids: state.broken_ids,
                    unknown_ids: state.unknown_ids,
                    broken_collections: state.broken_collections,
                    as_of_broken: state.as_of_broken,
                });
            }
            Err(e) => e,
        };
        let mut segments = err.path().iter();
        let Some(serde_path_to_error::Segment::Map { key }) = segments.next() else {
            return None;
        };
        let key = key.clone();
        if let Some(serde_path_to_error::Segment::Seq { index }) = segments.next() {
            let index = *index;
            let Some(Value::Array(items)) = state.current.get_mut(&key) else {
                return None;
            };
            if index >= items.len() {
                return None;
            }
            let item = items.remove(index);
            if let Some(Value::Array(map)) = state.kept.get_mut(&key) {
                if index < map.len() {
                    map.remove(index);
                }
            }
            state.set_aside(&key, &item);
        } else {
            if key == "schema_version" || key == "as_of" {
                return None;
            }
            if let Some(v) = state.current.remove(&key) {
                state.set_aside(&key, &v);
            }
            state.kept.remove(&key);
            state.broken_collections.insert(key);
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
            let about_broken = s.unknown_ids || target.is_some_and(|t| s.broken_ids.contains(t));
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // reason: a test fails loudly
    use serde_json::json;

    use super::*;

    /// A state as `salvage` would leave it, but with parts that fail only when the whole
    /// document is read (what `settle` is for: no document reaches it today, since `salvage`
    /// tries every part alone first).
    fn state(current: Value, kept: Value) -> State {
        State {
            current: current.as_object().unwrap().clone(),
            kept: kept.as_object().unwrap().clone(),
            broken_ids: HashSet::default(),
            unknown_ids: false,
            broken_collections: HashSet::default(),
            as_of_broken: false,
        }
    }

    fn source(id: &str) -> Value {
        json!({"id": id, "kind": "review", "title": "T", "year": 2020})
    }

    #[test]
    fn settle_sets_aside_a_broken_item_and_its_original_index() {
        let s = settle(state(
            json!({"schema_version": CURRENT_SCHEMA_VERSION, "as_of": "2024-01-01",
                   "sources": [source("s-good"), {"id": "s-bad", "title": 3}, source("s-last")]}),
            json!({"sources": [0, 4, 7]}),
        ))
        .unwrap();
        let ids: Vec<&str> = s.doc.sources.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["s-good", "s-last"]);
        assert_eq!(s.kept["sources"], json!([0, 7]));
        assert_eq!(s.broken_ids.iter().collect::<Vec<_>>(), ["s-bad"]);
        assert!(s.broken_collections.contains("sources"));
        assert!(!s.as_of_broken);
    }

    #[test]
    fn settle_keeps_going_when_the_index_list_is_shorter_than_the_items() {
        // The broken item has no original index recorded: it is set aside all the same.
        let s = settle(state(
            json!({"schema_version": CURRENT_SCHEMA_VERSION, "as_of": "2024-01-01",
                   "sources": [source("s-good"), {"id": "s-bad", "title": 3}]}),
            json!({"sources": [5]}),
        ))
        .unwrap();
        assert_eq!(s.doc.sources.len(), 1);
        assert_eq!(s.kept["sources"], json!([5]));
    }

    #[test]
    fn pointers_in_paths_and_messages_map_back_to_the_original_items() {
        let kept = json!({"sources": [0, 4, 7], "claims": [2]});
        let kept = kept.as_object().unwrap();
        assert_eq!(original_path("/sources/1", kept), "/sources/4");
        assert_eq!(original_path("/sources/2/title", kept), "/sources/7/title");
        assert_eq!(original_path("/sources/3", kept), "/sources/3", "no such kept item");
        assert_eq!(
            original_path("/compounds/0/name", kept),
            "/compounds/0/name",
            "nothing set aside"
        );
        assert_eq!(original_path("/as_of", kept), "/as_of");
        assert_eq!(
            original_paths_in("`s-x` (/sources/1/title) and /claims/0, see /sources/2.", kept),
            "`s-x` (/sources/4/title) and /claims/2, see /sources/7."
        );
        assert_eq!(original_paths_in("a / b // c/", kept), "a / b // c/");
    }

    #[test]
    fn settle_sets_aside_a_broken_field_but_never_the_header() {
        let s = settle(state(
            json!({"schema_version": CURRENT_SCHEMA_VERSION, "as_of": "2024-01-01", "sources": "not a list"}),
            json!({}),
        ))
        .unwrap();
        assert!(s.doc.sources.is_empty());
        assert!(s.broken_collections.contains("sources"));
        for header in [
            json!({"schema_version": CURRENT_SCHEMA_VERSION, "as_of": "not a date"}),
            json!({"schema_version": "not a version", "as_of": "2024-01-01"}),
        ] {
            assert!(settle(state(header.clone(), json!({}))).is_none(), "{header}");
        }
    }
}
