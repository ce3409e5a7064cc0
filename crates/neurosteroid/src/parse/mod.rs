//! From bytes to a typed [`Document`]: syntax (JSON or YAML), then structure.
//!
//! Every stage reports all the problems it can find, as [`Diagnostic`]s with JSON Pointers;
//! when the text is at hand, each diagnostic also gets its line and column.

mod json;
mod locate;
mod scan;
mod structure;
#[cfg(feature = "yaml")]
mod yaml;

use serde_json::Value;

pub use locate::locate_json;
pub use structure::document_from_value;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::Document;

/// The syntax of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON (RFC 8259).
    Json,
    /// YAML 1.2 (core schema); a single document.
    Yaml,
}

impl Format {
    /// Guesses the format from a file name: `.yaml` / `.yml` are YAML, anything else JSON.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("yaml" | "yml") => Format::Yaml,
            _ => Format::Json,
        }
    }
}

/// Bounds on what a document may cost to read. Each one exceeded is a `limit` diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Most nodes that expanding YAML aliases may create (a "billion laughs" guard).
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 512 * 1024 * 1024,
            max_depth: 64,
            max_alias_nodes: 1_000_000,
        }
    }
}

/// Parses text into a JSON value, reporting syntax problems (with positions).
pub fn parse_value(input: &[u8], format: Format, limits: &Limits) -> Result<Value, Vec<Diagnostic>> {
    if input.len() > limits.max_bytes {
        return Err(vec![
            Diagnostic::error(
                Code::Limit,
                "",
                format!(
                    "the document is {} bytes, more than the limit of {} bytes",
                    input.len(),
                    limits.max_bytes
                ),
            )
            .with_hint("split the document, or raise the size limit (Limits::max_bytes, --max-bytes)"),
        ]);
    }
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let loc = line_col(input, at);
            let mut d = Diagnostic::error(
                Code::Encoding,
                "",
                format!("the document is not valid UTF-8 (invalid byte at offset {at})"),
            )
            .with_hint("save the file as UTF-8");
            d.location = Some(loc);
            return Err(vec![d]);
        }
    };
    // A byte-order mark is allowed and ignored (editors on Windows write one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Json => json::parse(text, limits),
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml::parse(text, limits),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => Err(vec![
            Diagnostic::error(Code::Syntax, "", "this build of neurosteroid cannot read YAML")
                .with_hint("convert the document to JSON, or enable the `yaml` feature of the neurosteroid crate"),
        ]),
    }
}

/// Parses and structurally validates a document, adding line and column to every diagnostic.
/// Semantic rules are not run here (see [`crate::validate`]).
pub fn parse_document(input: &[u8], format: Format, limits: &Limits) -> Result<Document, Vec<Diagnostic>> {
    // Fast path for JSON: typed straight from the bytes. It accepts exactly what the slow
    // path accepts (the shape scan rules out serde's leniencies; a struct's duplicate field
    // is a serde error); any failure falls through to the slow path, which explains it.
    if format == Format::Json && input.len() <= limits.max_bytes {
        let body = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
        if scan::fast_path_ok(body, limits.max_depth) {
            if let Ok(doc) = serde_json::from_slice::<Document>(body) {
                return Ok(doc);
            }
        }
    }
    let with_locations = |mut diags: Vec<Diagnostic>| {
        add_locations(input, format, &mut diags);
        diags
    };
    let value = parse_value(input, format, limits).map_err(with_locations)?;
    document_from_value(&value).map_err(with_locations)
}

/// Fills in `location` for each diagnostic whose pointer can be found in the text.
pub fn add_locations(input: &[u8], format: Format, diags: &mut [Diagnostic]) {
    // Locating means scanning the text again: only worth it when there is something to place.
    if diags.is_empty() {
        return;
    }
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - text_no_bom.len();
    let pointers: Vec<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    let found = match format {
        Format::Json => locate_json(text_no_bom, &pointers),
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml::locate(text_no_bom, &pointers),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => vec![None; pointers.len()],
    };
    for (d, at) in diags.iter_mut().zip(found) {
        if d.location.is_none() {
            d.location = at.map(|byte| line_col(input, byte + offset));
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(input: &[u8], byte: usize) -> Location {
    let byte = byte.min(input.len());
    let before = &input[..byte];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    Location { line, column }
}

/// Built without the `yaml` feature, YAML input is refused with a diagnostic that says why
/// (this runs in CI's minimal-features build: `cargo test -p neurosteroid --no-default-features --lib`).
#[cfg(all(test, not(feature = "yaml")))]
mod without_yaml {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn yaml_input_is_a_syntax_diagnostic_with_a_hint() {
        let diags = parse_document(b"schema_version: 1.0.0\n", Format::Yaml, &Limits::default()).unwrap_err();
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].code, diags[0].path.as_str()), (Code::Syntax, ""));
        assert!(diags[0].hint.as_deref().unwrap().contains("`yaml` feature"));
        // JSON is unaffected.
        assert!(parse_document(br#"{"schema_version": "1.0.0", "as_of": "2026-01-31"}"#, Format::Json, &Limits::default()).is_ok());
    }
}
