#![doc = include_str!("guide.md")]

/// The README's Rust example, run as a doctest from the repository (not part of the
/// published crate: `cfg(doctest)` items are compiled only by `cargo test --doc`).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The documentation site's Rust example, run as a doctest from the repository.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/start/rust.md")]
pub struct SiteDoctests;

#[cfg(feature = "yaml")]
pub mod canonical;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod export;
mod index;
mod kb;
#[cfg(feature = "yaml")]
pub mod layout;
pub mod model;
pub mod names;
pub mod network;
pub mod output;
pub mod parse;
mod query;
#[cfg(feature = "render")]
pub mod render;
pub mod resolve;
pub mod rhea;
pub mod source_texts;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Location, Severity};
pub use error::{Error, Result};
pub use kb::{EMBEDDED_JSON, KnowledgeBase, LoadOptions, Resolution, SearchHit, read_document};
#[cfg(feature = "yaml")]
pub use layout::Tree;
pub use model::{Document, Entity, EntityKind, EntityRef};
pub use network::{Acting, Made, Network};
pub use parse::{Format, Limits};
pub use query::{Linked, Route, RouteStep, direction_name};
pub use source_texts::{SourceText, SourceTexts};
pub use validate::Level;

/// Validates a document given as bytes and returns every diagnostic (errors and warnings).
/// Never fails: bad content is reported, not raised.
pub fn validate(input: &[u8], format: Format, level: Level) -> Vec<Diagnostic> {
    validate_with(input, format, LoadOptions::new().with_level(level))
}

/// [`validate()`] with explicit limits.
pub fn validate_with(input: &[u8], format: Format, options: LoadOptions) -> Vec<Diagnostic> {
    match KnowledgeBase::from_slice(input, format, options) {
        Ok(kb) => kb.warnings().to_vec(),
        Err(e) => e.diagnostics().to_vec(),
    }
}

/// Upgrades a document written for an older format version to the current one.
///
/// Format 1.x documents need no change today, so this only sets `schema_version`: 1.1 added
/// only optional fields (a claim's `evidence_kind`, `consensus` and `excerpts`), so a 1.0
/// document is a valid 1.1 document as it is. A future breaking version adds its steps here,
/// one per version, each with a test.
pub fn migrate(mut value: serde_json::Value) -> std::result::Result<serde_json::Value, Diagnostic> {
    let version = value.get("schema_version").and_then(|v| v.as_str()).unwrap_or("");
    let major = version.split('.').next().unwrap_or("");
    if major != "1" {
        return Err(Diagnostic::error(
            Code::UnsupportedVersion,
            "/schema_version",
            format!("no migration from schema_version `{version}`"),
        )
        .with_hint(format!(
            "this library reads format 1.x; the current version is {}",
            model::CURRENT_SCHEMA_VERSION
        )));
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "schema_version".into(),
            serde_json::Value::String(model::CURRENT_SCHEMA_VERSION.into()),
        );
    }
    Ok(value)
}
