//! The shipped cache of cited sources' text (sentences of abstracts and labels that the
//! curators read), against which the excerpts quoted by claims are checked.
//!
//! Each entry is keyed by a source's identifier (`pubmed:26272051`, `doi:…`) or URL, not by a
//! document's local source id, so any document citing the same work is checked against the
//! same text. Every entry says where its text was read and when.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::Source;

/// The embedded cache, as JSON (`data/source-texts.json`).
pub const EMBEDDED_SOURCE_TEXTS: &str = include_str!("../data/source-texts.json");

/// A cache of cited sources' text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceTexts {
    /// What the file is, for its readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The texts.
    pub texts: Vec<SourceText>,
}

/// The text of one passage of one cited work, as the curators read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    /// The work's identifier as a CURIE (`pubmed:…`, `doi:…`) or its URL, as a source record
    /// of a document writes it.
    pub key: String,
    /// The id of the source record in the embedded knowledge base (for readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Which passage: `abstract`, `label, section 1`, ...
    pub locator: String,
    /// The passage, verbatim.
    pub text: String,
    /// Where the curators read it (a URL).
    pub read_from: String,
    /// When (YYYY-MM-DD).
    pub read_on: String,
}

static EMBEDDED: LazyLock<SourceTexts> =
    LazyLock::new(|| SourceTexts::from_json(EMBEDDED_SOURCE_TEXTS).unwrap_or_default());

/// White space collapsed to single spaces, so that line breaks in a cached text do not hide
/// an excerpt.
pub fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl SourceTexts {
    /// Parses a cache from JSON.
    ///
    /// # Errors
    /// When the text is not a cache document.
    pub fn from_json(text: &str) -> Result<SourceTexts, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The embedded cache (parsed once; a test of this crate checks that it parses).
    pub fn embedded() -> &'static SourceTexts {
        &EMBEDDED
    }

    /// The cached passages of a source: those whose key is one of its identifiers or its URL.
    pub fn passages<'a>(&'a self, source: &'a Source) -> impl Iterator<Item = &'a SourceText> + 'a {
        let keys: Vec<String> = source
            .identifiers
            .iter()
            .map(ToString::to_string)
            .chain(source.url.iter().map(ToString::to_string))
            .collect();
        self.texts.iter().filter(move |t| keys.contains(&t.key))
    }

    /// Whether an excerpt occurs (white space aside) in a cached passage of the source;
    /// `None` when the cache holds no text of that source.
    pub fn contains(&self, source: &Source, excerpt: &str) -> Option<bool> {
        let needle = normalise_space(excerpt);
        let mut any = false;
        for p in self.passages(source) {
            any = true;
            if normalise_space(&p.text).contains(&needle) {
                return Some(true);
            }
        }
        any.then_some(false)
    }
}
