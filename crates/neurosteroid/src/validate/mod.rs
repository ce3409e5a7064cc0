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
    semantic_on(doc, texts, workers_for(doc, None))
}

/// [`semantic`] on at most `threads` threads (`None`: one per CPU).
pub(crate) fn semantic_threads(doc: &Document, threads: Option<std::num::NonZeroUsize>) -> Vec<Diagnostic> {
    semantic_on(doc, SourceTexts::embedded(), workers_for(doc, threads))
}

/// One thread for a small document, else `threads` (`None`: one per CPU).
fn workers_for(doc: &Document, threads: Option<std::num::NonZeroUsize>) -> usize {
    let entities: usize = EntityKind::ALL.iter().map(|k| doc.len_of(*k)).sum();
    if entities < PARALLEL_FROM {
        1
    } else {
        crate::parallel::workers(threads)
    }
}

/// From how many entities the rule groups run on several threads; below it, starting the
/// threads costs more than it saves.
const PARALLEL_FROM: usize = 2_000;

/// The semantic rules, the independent groups on up to `workers` threads. Each group
/// reports into its own list, and the lists are joined in one fixed order, so the
/// diagnostics are the same, in the same order, on any number of threads.
fn semantic_on(doc: &Document, texts: &SourceTexts, workers: usize) -> Vec<Diagnostic> {
    type Rule<'r> = &'r (dyn Fn(&mut Vec<Diagnostic>) + Sync);
    let mut diags = Vec::new();
    let index = identity::index_ids(doc, &mut diags);
    let index = &index;
    let rules: [Rule<'_>; 8] = [
        &|d| references::check(doc, index, d),
        &|d| pathways::check(doc, index, d),
        &|d| grounding::check(doc, d),
        &|d| evidence::check(doc, index, d),
        &|d| support::check(doc, texts, d),
        &|d| clinical::check(doc, d),
        &|d| identity::check_identifiers(doc, d),
        &|d| identity::check_names(doc, d),
    ];
    let found = crate::parallel::map(&rules, workers, |rule| {
        let mut d = Vec::new();
        rule(&mut d);
        d
    });
    diags.extend(found.into_iter().flatten());
    diags
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // reason: a test fails loudly
    use super::*;
    use crate::model::Id;

    #[test]
    fn the_rules_report_the_same_diagnostics_in_the_same_order_on_any_number_of_threads() {
        // The embedded document, its compounds copied 40 times under new ids (duplicate
        // names and identifiers) and its claims copied 40 times with a subject that does not
        // exist (dangling references, duplicate ids): many diagnostics from several rule
        // groups.
        let mut doc = KnowledgeBase::embedded().unwrap().document().clone();
        let (compounds, claims) = (doc.compounds.clone(), doc.claims.clone());
        for round in 0..40 {
            doc.compounds
                .extend(compounds.iter().cloned().enumerate().map(|(i, mut c)| {
                    c.id = Id::new(&format!("copy-{round}-{i}")).unwrap();
                    c
                }));
            doc.claims.extend(claims.iter().cloned().map(|mut c| {
                c.subject = Id::new(&format!("missing-{round}")).unwrap();
                c
            }));
        }
        let texts = SourceTexts::embedded();
        let one = semantic_on(&doc, texts, 1);
        let codes: std::collections::BTreeSet<_> = one.iter().map(|d| d.code).collect();
        assert!(
            one.len() > 1_000 && codes.len() >= 4,
            "{} diagnostics, codes {codes:?}",
            one.len()
        );
        for workers in [2, 3, 8] {
            assert!(semantic_on(&doc, texts, workers) == one, "{workers} threads");
        }
        assert!(semantic_with(&doc, texts) == one);
    }
}
