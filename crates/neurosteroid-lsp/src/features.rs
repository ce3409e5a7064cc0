//! Completion, hover and go-to-definition on references.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Hover, HoverContents, Location, MarkupContent, MarkupKind,
    Position, Range, TextEdit,
};
use neurosteroid::Limits;
use neurosteroid::validate::{reference_kinds, reference_slot};

use crate::cursor;
use crate::document::{Document, Entry, entries};

/// Entity ids of the kinds this reference may name, each with its kind and name.
pub(crate) fn completion(doc: &Document, position: Position, limits: &Limits) -> Vec<CompletionItem> {
    let offset = doc.text.offset(position);
    let Some(cur) = cursor::at(&doc.text, doc.format, offset, limits) else {
        return Vec::new();
    };
    let Some(kinds) = reference_kinds(&cur.value, &cur.pointer) else {
        return Vec::new();
    };
    let range = Range::new(doc.text.position(cur.span.0), doc.text.position(cur.span.1));
    entries(&cur.value)
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
fn referenced(doc: &Document, position: Position, limits: &Limits) -> Option<(Option<Entry>, Range, String)> {
    let offset = doc.text.offset(position);
    let cur = cursor::at(&doc.text, doc.format, offset, limits)?;
    reference_slot(&cur.pointer)?;
    if cur.word.is_empty() {
        return None;
    }
    let range = Range::new(doc.text.position(cur.span.0), doc.text.position(cur.span.1));
    let entry = entries(&cur.value).into_iter().find(|e| e.id == cur.word);
    Some((entry, range, cur.word))
}

/// The referenced entity's kind, name (or a claim's statement) and a claim's grade.
pub(crate) fn hover(doc: &Document, position: Position, limits: &Limits) -> Option<Hover> {
    let (entry, range, word) = referenced(doc, position, limits)?;
    let value = match entry {
        Some(e) => {
            let mut s = format!("**{}** — {} `{}`", e.label.as_deref().unwrap_or(&e.id), e.kind, e.id);
            if let Some(g) = &e.grade {
                s.push_str(&format!("\n\ngrade: `{g}`"));
            }
            s
        }
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

/// The `id:` of the entity a reference names, in the same document.
pub(crate) fn definition(doc: &Document, position: Position, limits: &Limits) -> Option<Location> {
    let (entry, ..) = referenced(doc, position, limits)?;
    let at = doc.locate(&entry?.id_pointer())?;
    Some(Location::new(doc.uri.clone(), doc.text.token_range(at)))
}
