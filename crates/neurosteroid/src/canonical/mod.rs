//! The canonical text of a document or of one entity file: what `neurosteroid fmt` writes.
//!
//! Canonical means: keys in the schema's order (the model's field order), lists whose order
//! carries no meaning sorted ([`UNORDERED_LISTS`], and entity collections by id), identifiers
//! and dates in their canonical form (CURIE prefixes as the registry writes them), two-space
//! block YAML or two-space JSON, strings quoted only where YAML needs it. YAML comments are
//! kept with the node they belong to.
//!
//! Formatting never loses content: the output is parsed again and must give the canonical
//! value and every comment of the input, otherwise nothing is written: the input is refused
//! with a diagnostic, or (when the check itself fails, a bug) with [`Error::Internal`].

mod comments;
mod emit;
mod node;

pub use node::Node;

use crate::diagnostic::{Code, Diagnostic, pointer_push};
use crate::error::Error;
use crate::model::{Document, EntityKind};
use crate::parse::{Format, Limits};
use emit::{Kind, Tagged};

/// Fields holding lists whose order carries no meaning (sets of references, identifiers
/// and terms): the formatter sorts them. Every other list keeps its order (pathway steps,
/// status histories, doses, fact-sheet sections, synonyms and brand names, where the first
/// is the preferred one).
pub const UNORDERED_LISTS: &[&str] = &[
    "identifiers",
    "sources",
    "roles",
    "cofactors",
    "locations",
    "tissues",
    "activities",
    "isoforms",
    "regulators",
    "active_compounds",
    "indications",
    "routes",
    "represented_by",
];

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A whole document (or the root file of a directory knowledge base).
    Document,
    /// One entity of a collection (a file of a directory knowledge base).
    Entity(EntityKind),
}

/// The canonical text of `text` (JSON or YAML, as `format` says).
///
/// # Errors
/// [`Error::Invalid`] with the diagnostics of a document that does not parse or is
/// structurally invalid (the formatter needs to know what each value is), or with one
/// `syntax` diagnostic when the comments can not be placed safely; [`Error::Internal`] when
/// the formatted text would not hold the same content and comments (a bug: please report
/// it). Nothing is formatted then.
pub fn format_text(text: &str, format: Format, content: Content) -> Result<String, Error> {
    let located = |e: Error| match e {
        Error::Invalid { mut diagnostics } => {
            crate::parse::add_locations(text.as_bytes(), format, &mut diagnostics);
            Error::Invalid { diagnostics }
        }
        other => other,
    };
    let value = crate::parse::parse_value(text.as_bytes(), format, &Limits::default())
        .map_err(|diagnostics| located(Error::Invalid { diagnostics }))?;
    let canonical = canonical_node(&value, content).map_err(located)?;
    let mut tagged = Tagged::new(&canonical, String::new());
    sort(&mut tagged, None, content == Content::Document);
    let sorted = untag(&tagged);
    if format == Format::Json {
        return Ok(sorted.to_json_pretty());
    }
    let refuse = |message: String| Error::Invalid {
        diagnostics: vec![
            Diagnostic::error(Code::Syntax, "", message)
                .with_hint("the file was left unchanged; please report this with the file attached"),
        ],
    };
    let Some(found) = comments::scan(text) else {
        return Err(refuse("a quoted string is never closed".into()));
    };
    let stripped = comments::without(text, &found);
    match crate::parse::parse_value(stripped.as_bytes(), format, &Limits::default()) {
        Ok(v) if v == value => {}
        _ => {
            return Err(refuse(
                "cannot tell the comments from the content of this file (a `#` inside a multi-line value?)".into(),
            ));
        }
    }
    let mut map = comments::CommentMap::attach(text, &found, &comments::node_lines(text));
    let out = emit::yaml(&tagged, &mut map);
    if holds_everything(&out, &sorted, found.len()) {
        Ok(out)
    } else {
        Err(Error::Internal {
            message: "formatting this file would change its content or drop a comment; the file was left unchanged"
                .into(),
        })
    }
}

/// The guarantee of formatting: the YAML text `out` reads back as `canonical` and holds
/// `comments` comments.
fn holds_everything(out: &str, canonical: &Node, comments: usize) -> bool {
    let reread = crate::parse::parse_value(out.as_bytes(), Format::Yaml, &Limits::default());
    match (reread, comments::scan(out)) {
        (Ok(v), Some(found)) => v == canonical.to_value() && found.len() == comments,
        _ => false,
    }
}

/// The canonical tree of a value: through the typed model (schema key order, canonical
/// identifiers), lists not yet sorted.
fn canonical_node(value: &serde_json::Value, content: Content) -> Result<Node, Error> {
    let typed = match content {
        Content::Document => crate::parse::document_from_value(value),
        Content::Entity(kind) => entity_document(kind, value.clone()),
    };
    let doc = typed.map_err(|diagnostics| Error::Invalid { diagnostics })?;
    let node = Node::from_serialize(&doc).ok_or_else(internal)?;
    match content {
        Content::Document => Ok(node),
        // The one entity of the document `entity_document` wrapped it in.
        Content::Entity(kind) => {
            let items = match node.get(kind.collection()) {
                Some(Node::Seq(items)) => items.as_slice(),
                _ => &[],
            };
            match items {
                [item] => Ok(item.clone()),
                _ => Err(internal()),
            }
        }
    }
}

/// A document holding one entity, for structural checks of an entity file; diagnostics are
/// given relative to the entity.
pub(crate) fn entity_document(kind: EntityKind, entity: serde_json::Value) -> Result<Document, Vec<Diagnostic>> {
    let wrapper = serde_json::json!({
        "schema_version": crate::model::CURRENT_SCHEMA_VERSION,
        "as_of": "2000-01-01",
        kind.collection(): [entity],
    });
    let prefix = pointer_push(&pointer_push("", kind.collection()), "0");
    crate::parse::document_from_value(&wrapper).map_err(|diags| {
        diags
            .into_iter()
            .map(|mut d| {
                d.path = d
                    .path
                    .strip_prefix(&prefix)
                    .map_or_else(|| d.path.clone(), str::to_owned);
                d
            })
            .collect()
    })
}

fn internal() -> Error {
    Error::Internal {
        message: "the value could not be written back in canonical form; the file was left unchanged".into(),
    }
}

/// Sorts the lists whose order carries no meaning; `top` is true for a whole document's root
/// and its fields, whose entity collections are sorted by id. (The tree is made from the typed
/// model, so no field of a document's root is a mapping: `top` goes no deeper than the fields.)
fn sort(t: &mut Tagged, key: Option<&str>, top: bool) {
    match &mut t.kind {
        Kind::Seq(items) => {
            for item in items.iter_mut() {
                sort(item, None, false);
            }
            let unordered = key.is_some_and(|k| UNORDERED_LISTS.contains(&k));
            let collection = top && key.is_some_and(|k| EntityKind::from_collection(k).is_some());
            if (unordered || collection) && items.iter().all(|i| i.sort_key().is_some()) {
                items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            }
        }
        Kind::Map(entries) => {
            for (k, v) in entries.iter_mut() {
                sort(v, Some(k), top);
            }
        }
        Kind::Scalar(_) => {}
    }
}

fn untag(t: &Tagged) -> Node {
    match &t.kind {
        Kind::Scalar(n) => n.clone(),
        Kind::Seq(items) => Node::Seq(items.iter().map(untag).collect()),
        Kind::Map(entries) => Node::Map(entries.iter().map(|(k, v)| (k.clone(), untag(v))).collect()),
    }
}

/// Canonical YAML text of a tree (no comments), as written by `split`.
pub fn to_yaml(node: &Node) -> String {
    emit::yaml(&Tagged::new(node, String::new()), &mut comments::CommentMap::default())
}

/// The collection a file of a directory knowledge base belongs to: the first folder of its
/// path (relative to the knowledge base's root) that names a collection.
pub fn collection_of(relative: &std::path::Path) -> Option<EntityKind> {
    relative
        .parent()?
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .and_then(EntityKind::from_collection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guarantee_needs_the_same_value_and_every_comment() {
        let one = Node::Map(vec![("a".to_owned(), Node::Number(1.into()))]);
        assert!(holds_everything("a: 1\n", &one, 0));
        assert!(holds_everything("# c\na: 1 # d\n", &one, 2));
        // Another value, a comment lost or gained, text that does not read back.
        assert!(!holds_everything("a: 2\n", &one, 0));
        assert!(!holds_everything("a: 1\n", &one, 1));
        assert!(!holds_everything("a: 1 # d\n", &one, 0));
        assert!(!holds_everything("a: [1\n", &one, 0));
        assert!(!holds_everything("a: \"1\n", &one, 0));
    }
}
