//! From bytes to a typed [`Document`]: syntax (JSON or YAML), then structure.
//!
//! Every stage reports all the problems it can find, as [`Diagnostic`]s with JSON Pointers;
//! when the text is at hand, each diagnostic also gets its line and column.

mod de;
mod json;
mod locate;
mod scan;
mod structure;
#[cfg(feature = "yaml")]
mod yaml;

use serde_json::Value;

pub use structure::document_from_value;
#[cfg(feature = "yaml")]
pub(crate) use yaml::plain_is_string as plain_scalar_is_string;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::Document;

/// The syntax of a document. Its names are `json` and `yaml` (`Display`, `FromStr`):
///
/// ```
/// use neurosteroid::Format;
///
/// assert_eq!("yaml".parse::<Format>().unwrap(), Format::Yaml);
/// assert_eq!(Format::Json.to_string(), "json");
/// let err = "toml".parse::<Format>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown document format `toml` (one of: json, yaml)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON (RFC 8259).
    Json,
    /// YAML 1.2 (core schema); a single document.
    Yaml,
}

impl Format {
    /// The names, in the order of the variants.
    pub const NAMES: [&'static str; 2] = ["json", "yaml"];

    /// `json` or `yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }

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

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "json" => Ok(Format::Json),
            "yaml" => Ok(Format::Yaml),
            other => Err(crate::model::UnknownName::new("document format", other, &Format::NAMES)),
        }
    }
}

/// Bounds on what a document may cost to read. Each one exceeded is a `limit` diagnostic.
///
/// Start from [`Limits::default()`] and change what you need with the `with_*` methods
/// (new limits may be added without a breaking change):
///
/// ```
/// use neurosteroid::Limits;
///
/// let limits = Limits::default().with_max_bytes(64 * 1024).with_max_depth(16);
/// assert_eq!((limits.max_bytes, limits.depth()), (64 * 1024, 16));
/// assert_eq!(limits.max_alias_nodes, Limits::default().max_alias_nodes);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects. Values above [`Limits::DEPTH_CEILING`] are
    /// treated as the ceiling (see [`Limits::depth`]).
    pub max_depth: usize,
    /// Most nodes that expanding YAML aliases may create (a "billion laughs" guard).
    pub max_alias_nodes: usize,
}

impl Limits {
    /// The deepest nesting the parsers support whatever `max_depth` says: serde_json's own
    /// recursion limit, and a depth at which every recursive step (clone, drop, typed
    /// deserialisation) stays far inside the smallest thread stack (64 KiB per 128 levels
    /// is never approached).
    pub const DEPTH_CEILING: usize = 128;

    /// The nesting limit in force: `max_depth`, clamped to [`Limits::DEPTH_CEILING`].
    pub fn depth(&self) -> usize {
        self.max_depth.min(Self::DEPTH_CEILING)
    }

    /// These limits with another largest input, in bytes.
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// These limits with another deepest nesting (clamped to [`Limits::DEPTH_CEILING`] when
    /// used).
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// These limits with another most nodes that YAML aliases may create.
    #[must_use]
    pub fn with_max_alias_nodes(mut self, max_alias_nodes: usize) -> Self {
        self.max_alias_nodes = max_alias_nodes;
        self
    }
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

/// The `limit` diagnostic of an input (`what`: the document, the file) larger than
/// [`Limits::max_bytes`].
pub(crate) fn too_large(what: &str, size: u64, limits: &Limits) -> Diagnostic {
    Diagnostic::error(
        Code::Limit,
        "",
        format!(
            "the {what} is {size} bytes, more than the limit of {} bytes",
            limits.max_bytes
        ),
    )
    .with_hint("split the document, or raise the size limit (Limits::max_bytes, --max-bytes)")
}

/// Parses text into a JSON value, reporting syntax problems (with positions).
pub fn parse_value(input: &[u8], format: Format, limits: &Limits) -> Result<Value, Vec<Diagnostic>> {
    if input.len() > limits.max_bytes {
        return Err(vec![too_large("document", input.len() as u64, limits)]);
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
/// Semantic rules are not run here (see [`crate::validate`](mod@crate::validate)).
pub fn parse_document(input: &[u8], format: Format, limits: &Limits) -> Result<Document, Vec<Diagnostic>> {
    // Fast path for JSON: typed straight from the bytes. It accepts exactly what the slow
    // path accepts (the shape scan rules out serde's leniencies; a struct's duplicate field
    // is a serde error); any failure falls through to the slow path, which explains it.
    if format == Format::Json && input.len() <= limits.max_bytes {
        let body = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
        if scan::fast_path_ok(body, limits.depth()) {
            if let Ok(doc) = serde_json::from_slice::<Document>(body) {
                return Ok(doc);
            }
        }
    }
    let value = match parse_value(input, format, limits) {
        Ok(v) => v,
        Err(mut diags) => {
            crate::diagnostic::cap(&mut diags);
            add_locations(input, format, &mut diags);
            return Err(diags);
        }
    };
    let result = document_from_value(&value);
    // The tree is dropped before the text is scanned again for locations, so the two never
    // coexist: peak memory stays one tree plus the input.
    drop(value);
    // `document_from_value` caps its diagnostics itself (as it makes them).
    result.map_err(|mut diags| {
        add_locations(input, format, &mut diags);
        diags
    })
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
    // An unknown field is the key's fault: it is placed at the key, everything else at its value.
    let at_key: Vec<bool> = diags.iter().map(|d| d.code == Code::UnknownField).collect();
    let found = match format {
        Format::Json => locate::locate_json_at(text_no_bom, &pointers, &at_key),
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml::locate(text_no_bom, &pointers, &at_key),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => vec![None; pointers.len()],
    };
    let mut wanted: Vec<(usize, usize)> = Vec::new();
    for (i, at) in found.into_iter().enumerate() {
        if let Some(at) = at {
            if diags[i].location.is_none() {
                wanted.push((at + offset, i));
            }
        }
    }
    let bytes: Vec<usize> = wanted.iter().map(|(b, _)| *b).collect();
    for ((_, i), loc) in wanted.iter().zip(line_cols(input, &bytes)) {
        diags[*i].location = Some(loc);
    }
}

/// 1-based lines and columns (in characters) of many byte offsets, in one pass over the
/// text: linear in the text plus `n log n` in the offsets, however many share a line.
pub(crate) fn line_cols(input: &[u8], bytes: &[usize]) -> Vec<Location> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![Location { line: 1, column: 1 }; bytes.len()];
    let (mut pos, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let target = bytes[i].min(input.len());
        while pos < target {
            let b = input[pos];
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                column += 1;
            }
            pos += 1;
        }
        out[i] = Location { line, column };
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(input: &[u8], byte: usize) -> Location {
    line_cols(input, &[byte])[0]
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
        assert!(
            parse_document(
                br#"{"schema_version": "1.0.0", "as_of": "2026-01-31"}"#,
                Format::Json,
                &Limits::default()
            )
            .is_ok()
        );
    }
}
