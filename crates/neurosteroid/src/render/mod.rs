//! Renderers: plain-text summaries (the CLI's `show`), Markdown and HTML fact sheets,
//! schema.org JSON-LD, and pathway diagrams (Mermaid, Graphviz DOT, node-link JSON).
//!
//! The text and JSON of query answers (`Route`, `Linked`, `Network`, `Made`, `Acting`:
//! their `Display` and `to_json`) are here too, and are compiled without the `render`
//! feature as well; without that feature this module exports nothing.

mod answers;
#[cfg(feature = "render")]
pub(crate) mod escape;
#[cfg(feature = "render")]
mod formats;
#[cfg(feature = "render")]
mod graph;
#[cfg(feature = "render")]
mod html;
#[cfg(feature = "render")]
mod jsonld;
#[cfg(feature = "render")]
pub(crate) mod markdown;
#[cfg(feature = "render")]
mod sheet;
#[cfg(feature = "render")]
mod text;

#[cfg(feature = "render")]
pub use formats::{DiagramFormat, SheetFormat};

#[cfg(feature = "render")]
pub use sheet::{
    ClaimView, EVIDENCE_LEGEND, EvidenceBadge, Fact, NOTICE, SectionView, SheetView, UNSUPPORTED_HEADING, citation,
    dose_range, evidence_badge, grade_meaning, is_unsupported, source_link, therapy_facts,
};
#[cfg(feature = "render")]
pub use text::summary;
