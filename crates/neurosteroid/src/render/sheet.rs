//! The fact sheet as a renderer-neutral view: sections with graded claims, numbered
//! references, the biosynthesis route, and medicines with their dated status.

use crate::error::{Error, Result};
use crate::kb::KnowledgeBase;
use crate::model::{
    Claim, Compound, Consensus, EntityRef, EvidenceKind, FactSheet, Grade, Id, Predicate, Section, SectionKind, Source,
    Text, Therapy,
};
use crate::query::Route;

/// The notice every rendered sheet carries.
pub const NOTICE: &str = "This fact sheet summarises research and regulatory information with the strength of the evidence for each statement. It is not medical advice and does not recommend any treatment; talk to a qualified clinician about your own situation.";

/// The sub-heading under which a section's contradicted and unsupported claims are shown.
pub const UNSUPPORTED_HEADING: &str = "Stated, but not supported by the evidence";

/// True for a claim whose evidence contradicts it or is too thin to support it: shown
/// apart from what a section asserts.
pub fn is_unsupported(c: &Claim) -> bool {
    matches!(
        c.direction,
        Some(crate::model::EvidenceDirection::Contradicts | crate::model::EvidenceDirection::Insufficient)
    )
}

/// A claim as shown: with its grade and the numbers of its references.
#[derive(Debug, Clone)]
pub struct ClaimView<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Reference numbers (1-based, into [`SheetView::references`]).
    pub refs: Vec<usize>,
}

/// One section as shown.
#[derive(Debug, Clone)]
pub struct SectionView<'a> {
    /// The section.
    pub section: &'a Section,
    /// Its claims that the evidence supports (or partly supports: `mixed`), in order.
    pub claims: Vec<ClaimView<'a>>,
    /// Its claims that the evidence contradicts or does not support (`contradicts`,
    /// `insufficient`), in order: renderers show them apart, under
    /// [`UNSUPPORTED_HEADING`], never under the section's own heading, which asserts them.
    pub unsupported: Vec<ClaimView<'a>>,
    /// The biosynthesis route, for a biosynthesis section.
    pub route: Option<Route<'a>>,
    /// The steps drawn around the route: branches off it and other ways into it
    /// ([`KnowledgeBase::network`] at [`crate::network::DEFAULT_BRANCH_DEPTH`]).
    pub branches: Vec<crate::RouteStep<'a>>,
    /// The medicines shown, for a therapies section (and any section naming them).
    pub therapies: Vec<&'a Therapy>,
    /// Other entities named by the section.
    pub entities: Vec<EntityRef<'a>>,
}

/// A whole fact sheet, ready to render.
#[derive(Debug, Clone)]
pub struct SheetView<'a> {
    /// The fact sheet.
    pub sheet: &'a FactSheet,
    /// Its subject.
    pub subject: EntityRef<'a>,
    /// Sections in order.
    pub sections: Vec<SectionView<'a>>,
    /// Sources in the order of first citation.
    pub references: Vec<&'a Source>,
    /// The knowledge base's `as_of` date.
    pub as_of: String,
    /// The number of each cited source (its id → 1-based position in `references`).
    numbers: rustc_hash::FxHashMap<&'a str, usize>,
}

impl SheetView<'_> {
    /// The reference number (1-based, into [`SheetView::references`]) of a cited source.
    pub fn reference_number(&self, source: &str) -> Option<usize> {
        self.numbers.get(source).copied()
    }
}

/// A link for a source: its DOI or PubMed page, or its URL.
pub fn source_link(s: &Source) -> Option<String> {
    s.identifiers
        .iter()
        .find(|c| c.key() == "doi")
        .or_else(|| s.identifiers.iter().find(|c| c.key() == "pubmed"))
        .map(crate::model::Curie::url)
        .or_else(|| s.url.as_ref().map(ToString::to_string))
}

/// A one-line citation of a source.
pub fn citation(s: &Source) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &s.authors {
        parts.push(a.to_string());
    }
    parts.push(s.title.to_string());
    if let Some(p) = &s.publisher {
        parts.push(p.to_string());
    }
    if let Some(y) = s.year {
        parts.push(y.get().to_string());
    }
    let ids: Vec<String> = s.identifiers.iter().map(ToString::to_string).collect();
    if !ids.is_empty() {
        parts.push(ids.join(", "));
    }
    // Parts are joined by ". ", but a part that already ends a sentence ("Smith J et al.",
    // a title ending in "?") takes no second full stop.
    let mut line = String::new();
    for part in parts {
        if !line.is_empty() {
            line.push_str(if line.ends_with(['.', '?', '!']) { " " } else { ". " });
        }
        line.push_str(&part);
    }
    line
}

/// A dose's amount as text: `100` or `100–200` (the unit and timing are added by callers).
pub fn dose_range(d: &crate::model::Dose) -> String {
    d.max
        .filter(|m| *m != d.min)
        .map_or_else(|| d.min.to_string(), |m| format!("{}–{m}", d.min))
}

/// One line about a medicine, as plain text (each renderer escapes it), with the number of
/// the reference that supports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The line, unescaped.
    pub text: String,
    /// Reference number (1-based), if the line has a source.
    pub reference: Option<usize>,
}

/// What a fact sheet says about a medicine: prescription status and route, current status,
/// the dated history, the doses, the description.
pub fn therapy_facts(t: &crate::model::Therapy, number_of: &dyn Fn(&str) -> Option<usize>) -> Vec<Fact> {
    let plain = |text: String| Fact { text, reference: None };
    let mut facts = Vec::new();
    let routes: Vec<&str> = t.routes.iter().map(|r| r.words()).collect();
    let kind = if t.prescription {
        "Prescription medicine"
    } else {
        "Available without prescription"
    };
    let route = if routes.is_empty() {
        String::new()
    } else {
        format!("; route: {}", routes.join(", "))
    };
    facts.push(plain(format!("{kind}{route}")));
    let statuses: Vec<String> = t
        .statuses()
        .iter()
        .map(|c| format!("{} {} ({})", c.regulator.words(), c.status.words(), c.date))
        .collect();
    if !statuses.is_empty() {
        facts.push(plain(format!("Current status: {}", statuses.join("; "))));
    }
    for ev in &t.status_history {
        let detail = ev.detail.as_ref().map(|d| format!(" — {d}")).unwrap_or_default();
        let text = format!("{}: {} {}{detail}", ev.date, ev.regulator.words(), ev.status.words());
        facts.push(Fact {
            text,
            reference: number_of(ev.source.as_str()),
        });
    }
    for d in &t.doses {
        let timing = d.timing.as_ref().map(|x| format!(", {x}")).unwrap_or_default();
        let context = d.context.as_ref().map(|x| format!(" ({x})")).unwrap_or_default();
        let text = format!("Dose: {} {}{timing}{context}", dose_range(d), d.unit);
        facts.push(Fact {
            text,
            reference: number_of(d.source.as_str()),
        });
    }
    if let Some(desc) = &t.description {
        facts.push(plain(desc.to_string()));
    }
    facts
}

/// The legend's paragraph: the two axes of evidence, in a few sentences.
pub const EVIDENCE_LEGEND: &str = "Statements are read on two axes. The grade says how strong the human evidence is on a clinical question (does it happen, or help, in people?). Biochemical and mechanistic facts also carry the kind of evidence behind them, as an Evidence & Conclusion Ontology term (an enzyme assay, a clinical study), and how settled they are: an enzyme step that reviewed reference databases record from experiments with the human enzyme reads as established biochemistry, not as uncertain laboratory data.";

/// How a claim's evidence is shown: a badge with its words, a style class and a tooltip.
/// One function for every renderer, so Markdown, HTML and JSON-LD show the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceBadge {
    /// The words on the badge (`clinical trial`, `established biochemistry · enzyme assays`).
    pub label: String,
    /// A style class: `grade-clinical-trial`, ..., or `established`.
    pub class: String,
    /// What the badge means, for a tooltip.
    pub title: String,
}

/// The badge of a claim. An established fact that rests on laboratory evidence (an enzyme
/// step, a receptor action) reads as established science with its kind of evidence, since its
/// clinical grade (`preclinical`) would wrongly suggest doubt; every other claim keeps its
/// grade badge.
pub fn evidence_badge(c: &Claim) -> EvidenceBadge {
    let term = c.evidence_kind.as_ref().and_then(EvidenceKind::term);
    let laboratory_fact = c.grade >= Grade::Preclinical && !term.is_some_and(|t| t.basis.is_clinical());
    if c.consensus == Some(Consensus::Established) && laboratory_fact {
        let what = match c.predicate {
            Predicate::PrecursorOf | Predicate::SynthesisedIn => "established biochemistry",
            Predicate::ActsOn => "established pharmacology",
            _ => "established",
        };
        let (label, kind) = match term {
            Some(t) => (
                format!("{what} · {}", t.words),
                format!(
                    " Evidence: {} ({}).",
                    t.label,
                    c.evidence_kind.as_ref().map(ToString::to_string).unwrap_or_default()
                ),
            ),
            None => (what.to_owned(), String::new()),
        };
        return EvidenceBadge {
            label,
            class: "established".to_owned(),
            title: format!("Established: {}.{kind}", Consensus::Established.meaning()),
        };
    }
    EvidenceBadge {
        label: c.grade.words().to_owned(),
        class: format!("grade-{}", c.grade.as_str()),
        title: grade_meaning(c.grade).to_owned(),
    }
}

/// What a grade means, for readers.
pub fn grade_meaning(g: Grade) -> &'static str {
    match g {
        Grade::Regulatory => "a regulator's decision or approved label",
        Grade::SystematicReview => "a meta-analysis or systematic review of human studies",
        Grade::ClinicalTrial => "at least one randomised controlled trial in humans",
        Grade::ClinicalObservational => "human observational, cohort, case-control or biomarker studies",
        Grade::Preclinical => "animal or laboratory evidence only",
        Grade::ExpertOpinion => "guidelines or reviews without direct evidence",
        Grade::Unsupported => "stated by a source, but no supporting evidence was found",
    }
}

/// Predicates of the claims in a default sheet's "How it is made" section (claims with the
/// compound on either side).
const BIOSYNTHESIS: &[crate::model::Predicate] = &[
    crate::model::Predicate::PrecursorOf,
    crate::model::Predicate::SynthesisedIn,
];

/// The default sheet's sections of claims with the compound as subject: heading, kind and
/// the predicates they list.
const SUBJECT_SECTIONS: [(&str, SectionKind, &[crate::model::Predicate]); 3] = {
    use crate::model::Predicate as P;
    [
        ("How it acts", SectionKind::Mechanism, &[P::ActsOn]),
        ("What it does", SectionKind::Effects, &[P::HasEffect]),
        (
            "Conditions linked to its levels",
            SectionKind::Conditions,
            &[P::LowLevelsAssociatedWith, P::AlteredSignallingAssociatedWith],
        ),
    ]
};

/// The claim (and medicine) ids a default fact sheet lists, gathered for one compound.
struct SheetClaims {
    biosynthesis: Vec<Id>,
    /// One list per entry of [`SUBJECT_SECTIONS`].
    about: [Vec<Id>; 3],
    therapies: Vec<Id>,
    therapy_claims: Vec<Id>,
    support: Vec<Id>,
}

impl KnowledgeBase {
    /// The fact sheet of an entity (named any way `resolve` accepts), or the fact sheet
    /// itself, as a renderer-neutral view.
    ///
    /// # Errors
    /// When the name does not resolve, or no fact sheet has that subject.
    pub fn fact_sheet<'a>(&'a self, name: &str) -> Result<SheetView<'a>> {
        let r = self.resolve(name)?;
        let sheet = match r.entity {
            EntityRef::FactSheet(s) => Some(s),
            _ => std::iter::once(r.entity)
                .chain(r.related.iter().copied())
                .find_map(|e| self.sheet_about(e.id().as_str())),
        };
        let Some(sheet) = sheet else {
            return Err(Error::WrongKind {
                id: r.entity.id().to_string(),
                expected: if matches!(r.entity, EntityRef::Compound(_)) {
                    "compound with a fact sheet"
                } else {
                    "entity with a fact sheet"
                },
                actual: r.entity.kind().as_str(),
            });
        };
        self.sheet_view(sheet)
    }

    /// The sheet to render for a name: the document's own fact sheet when it has one (a
    /// hand-written sheet always wins), otherwise, for a compound, the default sheet built
    /// by [`KnowledgeBase::default_fact_sheet`].
    ///
    /// # Errors
    /// When the name does not resolve, or names neither a compound nor an entity with a
    /// fact sheet.
    pub fn fact_sheet_for(&self, name: &str) -> Result<std::borrow::Cow<'_, FactSheet>> {
        match self.fact_sheet(name) {
            Ok(view) => Ok(std::borrow::Cow::Borrowed(view.sheet)),
            Err(e @ Error::WrongKind { .. }) => {
                let r = self.resolve(name)?;
                let compound = std::iter::once(r.entity)
                    .chain(r.related.iter().copied())
                    .find_map(|e| match e {
                        EntityRef::Compound(c) => Some(c),
                        _ => None,
                    });
                compound
                    .and_then(|c| self.default_fact_sheet(c))
                    .map(std::borrow::Cow::Owned)
                    .ok_or(e)
            }
            Err(e) => Err(e),
        }
    }

    /// A fact sheet built from what the data say about a compound, for documents without a
    /// hand-written one: its biosynthesis, mechanism, effects, linked conditions (claims the
    /// evidence does not support are shown apart, as on every sheet), the medicines that
    /// contain it or change its level, and other ways said to raise it. Sections with
    /// nothing to show are left out. `None` only if no valid sheet id can be made.
    pub fn default_fact_sheet(&self, compound: &Compound) -> Option<FactSheet> {
        use crate::model::Predicate as P;
        let id = compound.id.as_str();
        // Every claim is read from the claim index (by subject, by object), never a scan.
        let ids_of = |claims: Vec<&Claim>, keep: &dyn Fn(&Claim) -> bool| -> Vec<Id> {
            claims.into_iter().filter(|c| keep(c)).map(|c| c.id.clone()).collect()
        };
        let is_kind = |x: &Id, want: crate::model::EntityKind| self.get(x.as_str()).is_some_and(|e| e.kind() == want);
        let changes_level = |c: &Claim| matches!(c.predicate, P::RaisesLevelOf | P::LowersLevelOf);
        // Therapies containing the compound, or the subject of a claim that they change its
        // level, in document order.
        let mut at: Vec<usize> = self.therapy_positions_with_compound(id).to_vec();
        for c in self.claims_with_object(id).filter(|c| changes_level(c)) {
            at.extend_from_slice(self.therapy_positions_with_id(c.subject.as_str()));
        }
        at.sort_unstable();
        at.dedup();
        let therapies: Vec<&Therapy> = at.iter().filter_map(|&i| self.document().therapies.get(i)).collect();
        // Claims whose subject is one of them, about the compound or a `treats` claim.
        let mut therapy_claims: Vec<&Claim> = Vec::new();
        let mut subjects: Vec<&Id> = therapies.iter().map(|t| &t.id).collect();
        subjects.sort_unstable();
        subjects.dedup();
        for t in subjects {
            therapy_claims.extend(
                self.claims_with_subject(t.as_str())
                    .filter(|c| c.object.as_str() == id || c.predicate == P::Treats),
            );
        }
        // The claims live in one Vec: address order is document order.
        therapy_claims.sort_unstable_by_key(|c| std::ptr::from_ref::<Claim>(c) as usize);
        therapy_claims.dedup_by_key(|c| std::ptr::from_ref::<Claim>(c) as usize);
        let parts = SheetClaims {
            biosynthesis: ids_of(self.claims_touching(id), &|c: &Claim| {
                BIOSYNTHESIS.contains(&c.predicate)
            }),
            about: SUBJECT_SECTIONS.map(|(_, _, preds)| {
                ids_of(self.claims_with_subject(id).collect(), &|c: &Claim| {
                    preds.contains(&c.predicate)
                })
            }),
            therapies: therapies.iter().map(|t| t.id.clone()).collect(),
            therapy_claims: therapy_claims.into_iter().map(|c| c.id.clone()).collect(),
            support: ids_of(self.claims_with_object(id).collect(), &|c| {
                changes_level(c) && !is_kind(&c.subject, crate::model::EntityKind::Therapy)
            }),
        };
        self.sheet_of(compound, parts)
    }

    /// The default fact sheet of a compound from the claims gathered for it: the sections
    /// with something to show, in reading order.
    fn sheet_of(&self, compound: &Compound, parts: SheetClaims) -> Option<FactSheet> {
        let id = compound.id.as_str();
        let text = |s: &str| Text::try_from(s.to_owned()).ok();
        let section = |heading: &str, kind: SectionKind, claims: Vec<Id>, entities: Vec<Id>| {
            Some(Section {
                heading: text(heading)?,
                kind,
                text: None,
                claims,
                entities,
            })
        };
        let has_route = self.biosynthesis(id).is_ok_and(|r| !r.steps.is_empty());
        let mut sections = Vec::new();
        if has_route || !parts.biosynthesis.is_empty() {
            sections.push(section(
                "How it is made",
                SectionKind::Biosynthesis,
                parts.biosynthesis,
                vec![],
            ));
        }
        for ((heading, kind, _), claims) in SUBJECT_SECTIONS.into_iter().zip(parts.about) {
            if !claims.is_empty() {
                sections.push(section(heading, kind, claims, vec![]));
            }
        }
        if !parts.therapies.is_empty() {
            sections.push(section(
                "Medicines",
                SectionKind::Therapies,
                parts.therapy_claims,
                parts.therapies,
            ));
        }
        if !parts.support.is_empty() {
            sections.push(section(
                "Other factors said to change its level",
                SectionKind::Support,
                parts.support,
                vec![],
            ));
        }
        let summary = compound.description.clone().or_else(|| {
            text(&format!(
                "What this knowledge base records about {}, with the evidence for each claim.",
                compound.name
            ))
        })?;
        Some(FactSheet {
            id: Id::new(&format!("{id}-sheet")).or_else(|| Id::new(id))?,
            subject: compound.id.clone(),
            title: compound.name.clone(),
            subtitle: None,
            summary,
            sections: sections.into_iter().flatten().collect(),
        })
    }

    /// The renderer-neutral view of a fact sheet (the document's own, or one built by
    /// [`KnowledgeBase::default_fact_sheet`]).
    ///
    /// # Errors
    /// When the sheet's subject is not in the knowledge base.
    pub fn sheet_view<'a>(&'a self, sheet: &'a FactSheet) -> Result<SheetView<'a>> {
        let subject = self.require(sheet.subject.as_str())?;
        let mut references: Vec<&Source> = Vec::new();
        // Numbered in order of first citation; the map keeps numbering linear in citations.
        let mut numbers: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        let mut number = |id: &Id, references: &mut Vec<&'a Source>| -> Option<usize> {
            let EntityRef::Source(s) = self.get(id.as_str())? else {
                return None;
            };
            if let Some(&n) = numbers.get(s.id.as_str()) {
                return Some(n);
            }
            references.push(s);
            numbers.insert(s.id.as_str(), references.len());
            Some(references.len())
        };
        let mut sections = Vec::new();
        for section in &sheet.sections {
            let mut claims = Vec::new();
            let mut unsupported = Vec::new();
            for id in &section.claims {
                if let Some(EntityRef::Claim(c)) = self.get(id.as_str()) {
                    let refs = c.sources.iter().filter_map(|s| number(s, &mut references)).collect();
                    let view = ClaimView { claim: c, refs };
                    if is_unsupported(c) {
                        unsupported.push(view);
                    } else {
                        claims.push(view);
                    }
                }
            }
            let mut therapies = Vec::new();
            let mut entities = Vec::new();
            for id in &section.entities {
                match self.get(id.as_str()) {
                    Some(EntityRef::Therapy(t)) => {
                        for ev in &t.status_history {
                            number(&ev.source, &mut references);
                        }
                        for d in &t.doses {
                            number(&d.source, &mut references);
                        }
                        therapies.push(t);
                    }
                    Some(e) => entities.push(e),
                    None => {}
                }
            }
            let (route, branches) = match (section.kind == SectionKind::Biosynthesis)
                .then(|| {
                    self.network(sheet.subject.as_str(), crate::network::DEFAULT_BRANCH_DEPTH)
                        .ok()
                })
                .flatten()
            {
                Some(n) => (Some(n.route), n.branches),
                None => (None, Vec::new()),
            };
            if let Some(route) = &route {
                for step in &route.steps {
                    for s in &step.reaction.sources {
                        number(s, &mut references);
                    }
                }
            }
            sections.push(SectionView {
                section,
                claims,
                unsupported,
                route,
                branches,
                therapies,
                entities,
            });
        }
        Ok(SheetView {
            sheet,
            subject,
            sections,
            references,
            as_of: self.document().as_of.to_string(),
            numbers,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // reason: a test fails loudly
    use super::*;

    #[test]
    fn a_citation_puts_one_full_stop_between_parts() {
        let source = |authors: &str, title: &str| -> Source {
            serde_json::from_value(serde_json::json!({
                "id": "s", "kind": "journal-article", "title": title, "authors": authors,
                "publisher": "Psychopharmacology", "year": 2005,
                "identifiers": ["doi:10.1007/s00213-005-0148-7"],
            }))
            .unwrap()
        };
        assert_eq!(
            citation(&source("Timby E et al.", "Effects in healthy women")),
            "Timby E et al. Effects in healthy women. Psychopharmacology. 2005. doi:10.1007/s00213-005-0148-7"
        );
        assert_eq!(
            citation(&source("Pinna G", "Thank you, next?")),
            "Pinna G. Thank you, next? Psychopharmacology. 2005. doi:10.1007/s00213-005-0148-7"
        );
    }

    /// The claims of a default sheet gathered by scanning the document, as before the claim
    /// and therapy indexes: the reference the indexed gathering must equal.
    fn default_fact_sheet_by_scan(kb: &KnowledgeBase, compound: &Compound) -> Option<FactSheet> {
        kb.sheet_of(compound, sheet_claims_by_scan(kb, compound))
    }

    fn sheet_claims_by_scan(kb: &KnowledgeBase, compound: &Compound) -> SheetClaims {
        use crate::model::Predicate as P;
        let id = compound.id.as_str();
        let claims_where = |keep: &dyn Fn(&Claim) -> bool| -> Vec<Id> {
            kb.document()
                .claims
                .iter()
                .filter(|c| keep(c))
                .map(|c| c.id.clone())
                .collect()
        };
        let about = |preds: &'static [P]| {
            move |c: &Claim| preds.contains(&c.predicate) && (c.subject.as_str() == id || c.object.as_str() == id)
        };
        let is_kind = |x: &Id, want: crate::model::EntityKind| kb.get(x.as_str()).is_some_and(|e| e.kind() == want);
        let therapies: Vec<&Therapy> = kb
            .document()
            .therapies
            .iter()
            .filter(|t| {
                t.active_compounds.contains(&compound.id)
                    || kb.document().claims.iter().any(|c| {
                        c.subject == t.id
                            && c.object.as_str() == id
                            && matches!(c.predicate, P::RaisesLevelOf | P::LowersLevelOf)
                    })
            })
            .collect();
        let therapy_claims: Vec<Id> = claims_where(&|c| {
            therapies.iter().any(|t| t.id == c.subject) && (c.object.as_str() == id || c.predicate == P::Treats)
        });
        let support = claims_where(&|c| {
            c.object.as_str() == id
                && matches!(c.predicate, P::RaisesLevelOf | P::LowersLevelOf)
                && !is_kind(&c.subject, crate::model::EntityKind::Therapy)
        });
        SheetClaims {
            biosynthesis: claims_where(&about(BIOSYNTHESIS)),
            about: SUBJECT_SECTIONS.map(|(_, _, preds)| {
                claims_where(&|c: &Claim| preds.contains(&c.predicate) && c.subject.as_str() == id)
            }),
            therapies: therapies.iter().map(|t| t.id.clone()).collect(),
            therapy_claims,
            support,
        }
    }

    /// A default sheet shows every claim and medicine gathered for its compound, and no
    /// section with nothing to show (but "How it is made" where there is a route to draw).
    #[test]
    fn default_sheets_show_everything_gathered_and_no_empty_section() {
        let kb = KnowledgeBase::embedded().unwrap();
        let (mut without_route, mut empty_parts) = (0, 0);
        for c in &kb.document().compounds {
            let sheet = kb.default_fact_sheet(c).unwrap();
            let has_route = kb.biosynthesis(c.id.as_str()).is_ok_and(|r| !r.steps.is_empty());
            without_route += usize::from(!has_route);
            for s in &sheet.sections {
                assert!(
                    !s.claims.is_empty()
                        || !s.entities.is_empty()
                        || (s.kind == SectionKind::Biosynthesis && has_route),
                    "{}: {:?} is empty",
                    c.id,
                    s.kind
                );
            }
            let shown: Vec<&Id> = sheet
                .sections
                .iter()
                .flat_map(|s| s.claims.iter().chain(&s.entities))
                .collect();
            let parts = sheet_claims_by_scan(kb, c);
            let gathered: Vec<&Id> = parts
                .biosynthesis
                .iter()
                .chain(parts.about.iter().flatten())
                .chain(&parts.therapies)
                .chain(&parts.therapy_claims)
                .chain(&parts.support)
                .collect();
            empty_parts += parts.about.iter().filter(|a| a.is_empty()).count();
            for id in gathered {
                assert!(shown.contains(&id), "{}: {id} is not on its sheet", c.id);
            }
        }
        // Both cases occur in the embedded data.
        assert!(without_route > 0 && empty_parts > 0, "{without_route} {empty_parts}");
    }

    #[test]
    fn default_sheets_are_the_scans() {
        let kb = KnowledgeBase::embedded().unwrap();
        let mut with_sections = 0;
        for c in &kb.document().compounds {
            let sheet = kb.default_fact_sheet(c);
            with_sections += usize::from(sheet.as_ref().is_some_and(|s| s.sections.len() > 1));
            assert_eq!(sheet, default_fact_sheet_by_scan(kb, c), "{}", c.id);
        }
        assert!(with_sections > 0, "the embedded data give default sheets with sections");
    }
}
