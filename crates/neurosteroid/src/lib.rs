#![doc = include_str!("guide.md")]
#![warn(unreachable_pub)]

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
mod migrate;
pub mod model;
pub mod names;
pub mod network;
pub mod output;
mod parallel;
mod parse;
mod pointer;
mod query;
// Declared once for every build (without the `render` feature it exports nothing and holds
// only the text and JSON of query answers), so that tools reading the source, such as
// cargo-mutants, see each of its files once.
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
pub use migrate::migrate;
pub use model::{Document, Entity, EntityKind, EntityRef};
pub use network::{Acting, Made, Network};
pub use parse::{Format, Limits};
pub use query::{Linked, Route, RouteStep, direction_name};
pub use source_texts::{SourceText, SourceTexts};
pub use validate::{Level, validate, validate_with};

/// Internals that the workspace's other crates (the CLI, the language server, the schema
/// generator), its benchmarks, fuzz targets and tests share with this crate. Not part of
/// the public API: anything here may change or go in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::parallel::{map as parallel_map, workers};
    pub use crate::parse::{add_locations, document_from_value, parse_document, parse_value};
    pub use crate::pointer::pointer_push;
    #[cfg(feature = "render")]
    pub use crate::render::{escape::terminal, markdown::escape as markdown_escape};
}
