//! An open document: its text and format, its diagnostics, and the entities it defines.

use lsp_types::{DiagnosticSeverity, NumberOrString, Range, Uri};
use neurosteroid::{EntityKind, Format, Level, Limits, LoadOptions, Severity};
use serde_json::Value;

use crate::text::Text;
use crate::workspace::Member;

/// A document the editor has open.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) uri: Uri,
    pub(crate) version: i32,
    pub(crate) format: Format,
    pub(crate) text: Text,
    /// Where it lies in a multi-file knowledge base, if it is one of its files.
    pub(crate) member: Option<Member>,
}

impl Document {
    /// The format from the editor's language id (`yaml`, `json`, `jsonc`), else from the
    /// file name's extension (as `neurosteroid validate` decides).
    pub(crate) fn new(uri: Uri, language_id: &str, version: i32, text: String) -> Document {
        let format = match language_id {
            "jsonc" => Format::Json,
            id => id
                .parse()
                .unwrap_or_else(|_| Format::from_path(std::path::Path::new(uri.path().as_str()))),
        };
        Document {
            member: Member::of(&uri),
            uri,
            version,
            format,
            text: Text::new(text),
        }
    }

    /// Exactly what `neurosteroid validate --level full` reports for this text alone, as LSP
    /// diagnostics with ranges.
    pub(crate) fn diagnostics(&self, limits: Limits) -> Vec<lsp_types::Diagnostic> {
        let options = LoadOptions::new().with_level(Level::Full).with_limits(limits);
        neurosteroid::validate_with(self.text.as_str().as_bytes(), self.format, options)
            .iter()
            .map(|d| self.to_lsp(d))
            .collect()
    }

    /// A diagnostic of the core (its location in this text) for the editor.
    pub(crate) fn to_lsp(&self, d: &neurosteroid::Diagnostic) -> lsp_types::Diagnostic {
        let range = d
            .location
            .map_or_else(Range::default, |l| self.text.token_range(self.text.offset_of(l)));
        let at = if d.path.is_empty() { "/" } else { &d.path };
        let mut message = format!("{}\nat {at}", d.message);
        if let Some(hint) = &d.hint {
            message.push_str(&format!("\nhint: {hint}"));
        }
        lsp_types::Diagnostic {
            range,
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(d.code.as_str().to_owned())),
            source: Some("neurosteroid".to_owned()),
            message,
            data: Some(serde_json::json!({ "path": d.path })),
            ..lsp_types::Diagnostic::default()
        }
    }

    /// Byte offset in the text where the value at a JSON Pointer starts, if it is there.
    pub(crate) fn locate(&self, pointer: &str) -> Option<usize> {
        locate(&self.text, self.format, pointer)
    }
}

/// Byte offset in `text` where the value at a JSON Pointer starts, if it is there.
pub(crate) fn locate(text: &Text, format: Format, pointer: &str) -> Option<usize> {
    // The core places diagnostics by pointer; a placeholder diagnostic borrows that.
    let mut probe = [neurosteroid::Diagnostic::error(
        neurosteroid::Code::DanglingReference,
        pointer,
        "",
    )];
    neurosteroid::__private::add_locations(text.as_str().as_bytes(), format, &mut probe);
    probe[0].location.map(|l| text.offset_of(l))
}

/// One entity defined in a document, read from its (possibly invalid) parsed value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) id: String,
    pub(crate) kind: EntityKind,
    /// Position in its collection.
    pub(crate) index: usize,
    /// Its name, a source's or fact sheet's title, or a claim's statement.
    pub(crate) label: Option<String>,
    /// A claim's evidence grade.
    pub(crate) grade: Option<String>,
}

impl Entry {
    /// JSON Pointer of the entity's `id` value.
    pub(crate) fn id_pointer(&self) -> String {
        format!("/{}/{}/id", self.kind.collection(), self.index)
    }
}

/// Every entity with a string id, in document order.
pub(crate) fn entries(value: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    for kind in EntityKind::ALL {
        let Some(items) = value.get(kind.collection()).and_then(Value::as_array) else {
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            let Some(id) = item.get("id").and_then(Value::as_str) else {
                continue;
            };
            let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
            out.push(Entry {
                id: id.to_owned(),
                kind,
                index,
                label: text("name").or_else(|| text("title")).or_else(|| text("statement")),
                grade: text("grade"),
            });
        }
    }
    out
}
