//! Renderers: plain-text summaries (for the CLI's `show`), and later Markdown, HTML,
//! JSON-LD and diagrams.

mod text;

pub use text::summary;
