//! Validation: the structural level (what the JSON Schema checks, done while parsing) and
//! the semantic rules of the `full` level, each with a stable code and a hint.

mod clinical;
mod evidence;
mod grounding;
mod identity;
mod partial;
mod pathways;
pub mod references;
mod support;
mod units;

use rustc_hash::FxHashMap as HashMap;

pub use partial::semantic_of_partial;
pub use references::{REFERENCE_SLOTS, ReferenceSlot, reference_kinds, reference_slot};
pub use units::check_ucum;

use crate::diagnostic::Diagnostic;
use crate::kb::{KnowledgeBase, LoadOptions};
use crate::model::{Document, EntityKind};
use crate::parse::Format;
use crate::source_texts::SourceTexts;

/// How much to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Level {
    /// Exactly what the JSON Schema checks: syntax, types, required and unknown fields,
    /// enums, patterns, ranges.
    Schema,
    /// Schema plus every semantic rule: references resolve, pathways connect, evidence is
    /// present, dates and doses make sense, identifiers and names are unique.
    #[default]
    Full,
}

impl Level {
    /// `schema` or `full`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Schema => "schema",
            Level::Full => "full",
        }
    }
}

impl std::str::FromStr for Level {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "schema" => Ok(Level::Schema),
            "full" => Ok(Level::Full),
            other => Err(crate::model::UnknownName::new(
                "validation level",
                other,
                &["schema", "full"],
            )),
        }
    }
}

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

/// Where each id is defined: its kind and position. The first definition wins.
pub(crate) struct IdIndex<'a> {
    pub(crate) by_id: HashMap<&'a str, (EntityKind, usize)>,
}

impl<'a> IdIndex<'a> {
    pub(crate) fn kind(&self, id: &str) -> Option<EntityKind> {
        self.by_id.get(id).map(|(k, _)| *k)
    }
}

/// Runs every semantic rule on a structurally valid document. Returns all diagnostics
/// (errors and warnings), in a stable order. Excerpts are checked against the shipped
/// cache of cited sources' text ([`SourceTexts::embedded`]).
pub fn semantic(doc: &Document) -> Vec<Diagnostic> {
    semantic_with(doc, SourceTexts::embedded())
}

/// [`semantic`], checking excerpts against another cache of sources' text.
pub fn semantic_with(doc: &Document, texts: &SourceTexts) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let index = identity::index_ids(doc, &mut diags);
    references::check(doc, &index, &mut diags);
    pathways::check(doc, &index, &mut diags);
    grounding::check(doc, &mut diags);
    evidence::check(doc, &index, &mut diags);
    support::check(doc, texts, &mut diags);
    clinical::check(doc, &mut diags);
    identity::check_identifiers(doc, &mut diags);
    identity::check_names(doc, &mut diags);
    diags
}
