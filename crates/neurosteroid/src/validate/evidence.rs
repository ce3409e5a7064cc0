//! Claims have sources; grades above `unsupported` have evidence beyond consumer articles;
//! sources can be located and are used; coverage entries and sections are not empty.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::IdIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Grade, Id};

pub(super) fn check(doc: &Document, _index: &IdIndex<'_>, diags: &mut Vec<Diagnostic>) {
    let sources: HashMap<&str, _> = doc.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for (i, c) in doc.claims.iter().enumerate() {
        if c.sources.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingSource,
                    format!("/claims/{i}/sources"),
                    format!("claim `{}` has no source", c.id),
                )
                .with_hint("cite at least one source; the article a claim comes from is a source too"),
            );
        } else if c.grade < Grade::Unsupported {
            let evidence = c
                .sources
                .iter()
                .any(|s| sources.get(s.as_str()).is_some_and(|s| !s.is_consumer_article()));
            let all_known = c.sources.iter().all(|s| sources.contains_key(s.as_str()));
            if !evidence && all_known {
                diags.push(
                    Diagnostic::error(
                        Code::InsufficientEvidence,
                        format!("/claims/{i}/grade"),
                        format!(
                            "claim `{}` is graded `{}`, but its only sources are consumer articles",
                            c.id,
                            c.grade.as_str()
                        ),
                    )
                    .with_hint("cite the study, review or label that supports it, or grade it `unsupported`"),
                );
            }
        }
    }
    let mut used: HashSet<&str> = HashSet::default();
    for (_, _, e) in doc.entities() {
        used.extend(e.sources().iter().map(Id::as_str));
    }
    for t in &doc.therapies {
        used.extend(t.doses.iter().map(|d| d.source.as_str()));
        used.extend(t.status_history.iter().map(|s| s.source.as_str()));
    }
    used.extend(doc.coverage.iter().map(|c| c.source.as_str()));
    for (i, s) in doc.sources.iter().enumerate() {
        if !s.is_consumer_article() && s.identifiers.is_empty() && s.url.is_none() {
            diags.push(
                Diagnostic::warning(
                    Code::UnlocatableSource,
                    format!("/sources/{i}"),
                    format!("source `{}` has neither an identifier nor a URL", s.id),
                )
                .with_hint("add a PubMed id, DOI or official URL so that readers can check it"),
            );
        }
        if !used.contains(s.id.as_str()) {
            diags.push(
                Diagnostic::warning(
                    Code::UnusedSource,
                    format!("/sources/{i}"),
                    format!("source `{}` is not cited by anything", s.id),
                )
                .with_hint("cite it where it is used, or remove it"),
            );
        }
    }
    for (i, c) in doc.coverage.iter().enumerate() {
        if c.represented_by.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::EmptyCoverage,
                    format!("/coverage/{i}/represented_by"),
                    "this statement is not represented by any claim or entity",
                )
                .with_hint("add the claims or entities that say it"),
            );
        }
    }
    for (i, fs) in doc.fact_sheets.iter().enumerate() {
        for (j, s) in fs.sections.iter().enumerate() {
            if s.claims.is_empty() && s.entities.is_empty() && s.text.is_none() {
                diags.push(
                    Diagnostic::warning(
                        Code::EmptySection,
                        format!("/fact_sheets/{i}/sections/{j}"),
                        format!("section `{}` is empty", s.heading),
                    )
                    .with_hint("reference claims or entities, or write its text"),
                );
            }
        }
    }
}
