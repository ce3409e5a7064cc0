//! The second evidence axis and quoted support: an evidence kind fits the grade, a consensus
//! level agrees with the direction, excerpts are short, quote a cited source, and occur in
//! the shipped text of that source where the project has it.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Consensus, Document, ECO_TERMS, EXCERPT_MAX_CHARS, EvidenceDirection, Grade};
use crate::source_texts::SourceTexts;

/// The ECO terms that can stand behind a grade, for hints.
fn fitting_terms(grade: Grade) -> String {
    ECO_TERMS
        .iter()
        .filter(|t| t.basis.fits(grade))
        .map(|t| format!("ECO:{} ({})", t.local, t.words))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn check(doc: &Document, texts: &SourceTexts, diags: &mut Vec<Diagnostic>) {
    let sources: HashMap<&str, _> = doc.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for (i, c) in doc.claims.iter().enumerate() {
        if let Some(kind) = &c.evidence_kind {
            match kind.term() {
                Some(term) if !term.basis.fits(c.grade) => diags.push(
                    Diagnostic::error(
                        Code::EvidenceKindGrade,
                        format!("/claims/{i}/evidence_kind"),
                        format!(
                            "claim `{}` is graded `{}`, but its evidence kind {kind} ({}) can not stand behind that grade",
                            c.id,
                            c.grade.as_str(),
                            term.label
                        ),
                    )
                    .with_hint(format!(
                        "regrade the claim, or give the kind of evidence that fits `{}`: {}",
                        c.grade.as_str(),
                        fitting_terms(c.grade)
                    )),
                ),
                Some(_) => {}
                None => diags.push(
                    Diagnostic::warning(
                        Code::UnknownEvidenceKind,
                        format!("/claims/{i}/evidence_kind"),
                        format!("{kind} is not in this library's table of evidence kinds; its fit with the grade is not checked"),
                    )
                    .with_hint(format!("use one of: {}", fitting_terms(c.grade))),
                ),
            }
        }
        if let Some(consensus) = c.consensus {
            if !crate::model::consensus_fits(consensus, c.direction) {
                let direction = c.direction.map(|d| d.as_str()).unwrap_or_default();
                let hint = match (consensus, c.direction) {
                    (Consensus::Established, Some(EvidenceDirection::Contradicts)) => "use `contradicted`",
                    (Consensus::Established, _) => {
                        "use `debated` (or `supported` when most evidence agrees), or fix the direction"
                    }
                    _ => "use `supported` or `established`, or fix the direction",
                };
                diags.push(
                    Diagnostic::error(
                        Code::ConsensusDirection,
                        format!("/claims/{i}/consensus"),
                        format!(
                            "claim `{}` is `{consensus}`, but the direction of its evidence is `{direction}`",
                            c.id
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }
        for (j, e) in c.excerpts.iter().enumerate() {
            let at = format!("/claims/{i}/excerpts/{j}");
            let len = e.text.as_str().chars().count();
            if len > EXCERPT_MAX_CHARS {
                diags.push(
                    Diagnostic::error(
                        Code::ExcerptTooLong,
                        format!("{at}/text"),
                        format!("the excerpt is {len} characters long; a quotation is at most {EXCERPT_MAX_CHARS}"),
                    )
                    .with_hint("quote the one sentence or clause that shows the support, not the passage"),
                );
            }
            if !c.sources.contains(&e.source) {
                if sources.contains_key(e.source.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            Code::ExcerptSourceNotCited,
                            format!("{at}/source"),
                            format!(
                                "the excerpt quotes `{}`, which claim `{}` does not cite",
                                e.source, c.id
                            ),
                        )
                        .with_hint(format!(
                            "add `{}` to the claim's sources, or quote a source it cites",
                            e.source
                        )),
                    );
                }
                continue;
            }
            let Some(source) = sources.get(e.source.as_str()) else {
                continue;
            };
            if texts.contains(source, e.text.as_str()) == Some(false) {
                diags.push(
                    Diagnostic::error(
                        Code::ExcerptNotFound,
                        format!("{at}/text"),
                        format!("the excerpt does not occur in the shipped text of `{}`", e.source),
                    )
                    .with_hint("copy the words exactly as the source has them (white space aside), or quote the passage the cache holds"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::source_texts::{SourceText, SourceTexts};
    use crate::{Code, Format};

    fn doc(excerpt: &str) -> crate::Document {
        let text = format!(
            r#"{{"schema_version": "1.1.0", "as_of": "2026-01-31",
            "sources": [{{"id": "paper", "kind": "journal-article", "title": "P", "identifiers": ["pubmed:7"]}}],
            "compounds": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
            "claims": [{{"id": "c", "statement": "A becomes B.", "subject": "a", "predicate": "precursor-of",
              "object": "b", "grade": "clinical-trial", "evidence_kind": "ECO:0007121", "consensus": "supported",
              "sources": ["paper"], "excerpts": [{{"source": "paper", "text": "{excerpt}", "locator": "abstract"}}]}}]}}"#
        );
        crate::parse::parse_document(text.as_bytes(), Format::Json, &crate::Limits::default())
            .unwrap_or_else(|d| unreachable!("{d:?}"))
    }

    fn cache() -> SourceTexts {
        SourceTexts {
            about: None,
            texts: vec![SourceText {
                key: "pubmed:7".into(),
                source: None,
                locator: "abstract".into(),
                text: "We found that A\n becomes B in people.".into(),
                read_from: "https://example.org".into(),
                read_on: "2026-01-31".into(),
            }],
        }
    }

    #[test]
    fn excerpts_are_found_white_space_aside_and_missing_ones_reported() {
        let found = crate::validate::semantic_with(&doc("A becomes B in people."), &cache());
        assert!(found.iter().all(|d| d.code != Code::ExcerptNotFound), "{found:?}");
        let missing = crate::validate::semantic_with(&doc("A never becomes B."), &cache());
        assert!(
            missing
                .iter()
                .any(|d| d.code == Code::ExcerptNotFound && d.hint.is_some())
        );
        // Without a cached text of the source, the excerpt is not checked.
        let unchecked = crate::validate::semantic_with(&doc("A never becomes B."), &SourceTexts::default());
        assert!(unchecked.iter().all(|d| d.code != Code::ExcerptNotFound));
    }
}
