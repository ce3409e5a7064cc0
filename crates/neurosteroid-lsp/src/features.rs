//! Completion, hover and go-to-definition on references.

use lsp_types::Uri;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Hover, HoverContents, Location, MarkupContent, MarkupKind,
    Position, Range, TextEdit,
};
use neurosteroid::Limits;
use neurosteroid::layout::{Snapshot, Tree};
use neurosteroid::validate::{reference_kinds, reference_slot};
use serde_json::Value;

use crate::cursor::{self, Cursor};
use crate::document::{Document, Entry, entries, locate};
use crate::text::Text;
use crate::workspace::{Member, file_uri};

/// The knowledge-base folder an open file belongs to, as the features see it.
pub(crate) struct Scope<'a> {
    pub(crate) member: &'a Member,
    /// The folder's files, with the open buffers in place of the files on disk.
    pub(crate) tree: &'a Tree,
    pub(crate) snapshot: &'a Snapshot,
    /// The URIs of the folder's open files, by relative path (definitions land on them).
    pub(crate) open: Vec<(&'a str, &'a Uri)>,
}

/// What the cursor is on, as a pointer into a whole document (an entity file's pointer is
/// put under its collection), and the document the reference rules read.
fn context(
    doc: &Document,
    position: Position,
    limits: &Limits,
    folder: Option<&Scope<'_>>,
) -> Option<(Cursor, Value, String)> {
    let offset = doc.text.offset(position);
    let cur = cursor::at(&doc.text, doc.format, offset, limits)?;
    match folder.and_then(|f| f.member.kind) {
        Some(kind) => {
            let collection = kind.collection();
            let value = serde_json::json!({ collection: [cur.value.clone()] });
            let pointer = format!("/{collection}/0{}", cur.pointer);
            Some((cur, value, pointer))
        }
        None => {
            let (value, pointer) = (cur.value.clone(), cur.pointer.clone());
            Some((cur, value, pointer))
        }
    }
}

/// The entities a reference may name: the whole folder's, or the document's own.
fn candidates(cur: &Cursor, folder: Option<&Scope<'_>>) -> Vec<Entry> {
    entries(folder.map_or(&cur.value, |f| f.snapshot.value()))
}

/// Entity ids of the kinds this reference may name, each with its kind and name.
pub(crate) fn completion(
    doc: &Document,
    position: Position,
    limits: &Limits,
    folder: Option<&Scope<'_>>,
) -> Vec<CompletionItem> {
    let Some((cur, value, pointer)) = context(doc, position, limits, folder) else {
        return Vec::new();
    };
    let Some(kinds) = reference_kinds(&value, &pointer) else {
        return Vec::new();
    };
    let range = Range::new(doc.text.position(cur.span.0), doc.text.position(cur.span.1));
    candidates(&cur, folder)
        .into_iter()
        .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
        .map(|e| {
            let new_text = if cur.needs_quotes {
                format!("\"{}\"", e.id)
            } else {
                e.id.clone()
            };
            CompletionItem {
                label: e.id.clone(),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(describe(&e)),
                filter_text: Some(e.id.clone()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, new_text))),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// `compound: Allopregnanolone`, `claim (preclinical): ...`.
fn describe(e: &Entry) -> String {
    let kind = match &e.grade {
        Some(g) => format!("{} ({g})", e.kind),
        None => e.kind.to_string(),
    };
    match &e.label {
        Some(label) => format!("{kind}: {label}"),
        None => kind,
    }
}

/// The entity a reference under the cursor names, if the cursor is on a reference.
fn referenced(
    doc: &Document,
    position: Position,
    limits: &Limits,
    folder: Option<&Scope<'_>>,
) -> Option<(Option<Entry>, Range, String)> {
    let (cur, _, pointer) = context(doc, position, limits, folder)?;
    reference_slot(&pointer)?;
    if cur.word.is_empty() {
        return None;
    }
    let range = Range::new(doc.text.position(cur.span.0), doc.text.position(cur.span.1));
    let entry = candidates(&cur, folder).into_iter().find(|e| e.id == cur.word);
    Some((entry, range, cur.word))
}

/// The referenced entity's kind, name (or a claim's statement) and a claim's grade.
pub(crate) fn hover(doc: &Document, position: Position, limits: &Limits, folder: Option<&Scope<'_>>) -> Option<Hover> {
    let (entry, range, word) = referenced(doc, position, limits, folder)?;
    let value = match entry {
        Some(e) => {
            let mut s = format!("**{}** — {} `{}`", e.label.as_deref().unwrap_or(&e.id), e.kind, e.id);
            if let Some(g) = &e.grade {
                s.push_str(&format!("\n\ngrade: `{g}`"));
            }
            s
        }
        None if folder.is_some() => format!("no entity has the id `{word}` in this knowledge base"),
        None => format!("no entity has the id `{word}` in this document"),
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(range),
    })
}

/// The `id:` of the entity a reference names: in the same document, or in the file of the
/// knowledge-base folder that holds it.
pub(crate) fn definition(
    doc: &Document,
    position: Position,
    limits: &Limits,
    folder: Option<&Scope<'_>>,
) -> Option<Location> {
    let (entry, ..) = referenced(doc, position, limits, folder)?;
    let pointer = entry?.id_pointer();
    let Some(folder) = folder else {
        let at = doc.locate(&pointer)?;
        return Some(Location::new(doc.uri.clone(), doc.text.token_range(at)));
    };
    let (file, inner) = folder.snapshot.source(folder.tree, &pointer)?;
    let text = Text::new(file.text.clone());
    let at = locate(&text, file.format, &inner)?;
    let uri = match folder.open.iter().find(|(relative, _)| *relative == file.relative) {
        Some((_, uri)) => (*uri).clone(),
        None => file_uri(&folder.member.root.join(&file.relative))?,
    };
    Some(Location::new(uri, text.token_range(at)))
}
