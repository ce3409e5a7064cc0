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
mod migrate;
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
pub use migrate::migrate;
pub use model::{Document, Entity, EntityKind, EntityRef};
pub use network::{Acting, Made, Network};
pub use parse::{Format, Limits};
pub use query::{Linked, Route, RouteStep, direction_name};
pub use source_texts::{SourceText, SourceTexts};
pub use validate::{Level, validate, validate_with};
