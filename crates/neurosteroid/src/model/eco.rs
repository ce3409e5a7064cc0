//! The second evidence axis: what *kind* of evidence stands behind a claim, as an Evidence &
//! Conclusion Ontology (ECO) term, and how settled the claim is ([`Consensus`]).
//!
//! The grade ([`Grade`]) answers a clinical question — how strong is the human evidence? A
//! textbook enzyme step recorded by UniProt and Rhea from assays of the human enzyme has no
//! human *clinical* evidence, and needs none: its evidence kind is an enzyme assay and it is
//! established. The table [`ECO_TERMS`] lists the ECO terms this project uses, each with its
//! ECO label (checked against the ECO release `eco.obo` of 2024-07-19, data-version
//! `releases/2024-07-19`, in the ontology's own repository `evidenceontology/evidenceontology`)
//! and the grades it can stand behind. Other ECO terms are accepted; the grade fit of a
//! term outside the table is not checked (a warning says so).

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::refusal::{self, Refusal};
use super::{Claim, Curie, EvidenceDirection, Grade, InvalidValue, Predicate, wire_enum};
use crate::diagnostic::Code;

wire_enum! {
    /// How settled a claim is, whatever its clinical grade.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Consensus ("consensus level") {
        /// Recorded without dispute in reviewed reference resources (UniProt, Rhea, IUBMB
        /// enzyme list) and textbooks.
        Established = "established",
        /// Supported by the evidence found, but not (yet) reference knowledge.
        Supported = "supported",
        /// Unsettled: the evidence is mixed or too thin, or experts disagree.
        Debated = "debated",
        /// The evidence points the other way.
        Contradicted = "contradicted",
    }
}

impl Consensus {
    /// What the level means, for readers.
    pub fn meaning(self) -> &'static str {
        match self {
            Consensus::Established => "recorded without dispute in reviewed reference databases and textbooks",
            Consensus::Supported => "supported by the evidence found, but not settled reference knowledge",
            Consensus::Debated => "unsettled: the evidence is mixed or too thin, or experts disagree",
            Consensus::Contradicted => "the evidence points the other way",
        }
    }
}

/// What an ECO term can stand behind: the family of evidence it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvidenceBasis {
    /// Studies in people (trials, cohorts, biomarker studies).
    Clinical,
    /// A statement (a regulator's, a systematic reviewer's) resting on referenced clinical studies.
    ClinicalStatement,
    /// Laboratory work: enzyme and other in-vitro assays, electrophysiology, animal models.
    Laboratory,
    /// An author's statement, with or without traceable support.
    Statement,
    /// A curator's inference from other knowledge.
    Inference,
}

impl EvidenceBasis {
    /// The grades that evidence of this basis can stand behind. A clinical-trial grade rests
    /// on clinical evidence, never on an in-vitro assay; a `preclinical` grade on laboratory
    /// evidence, never on a clinical study.
    pub fn fits(self, grade: Grade) -> bool {
        use Grade as G;
        match self {
            EvidenceBasis::Clinical => matches!(
                grade,
                G::Regulatory | G::SystematicReview | G::ClinicalTrial | G::ClinicalObservational
            ),
            EvidenceBasis::ClinicalStatement => matches!(
                grade,
                G::Regulatory | G::SystematicReview | G::ClinicalTrial | G::ClinicalObservational | G::ExpertOpinion
            ),
            EvidenceBasis::Laboratory => grade == G::Preclinical,
            EvidenceBasis::Statement | EvidenceBasis::Inference => matches!(grade, G::ExpertOpinion | G::Unsupported),
        }
    }

    /// True for evidence from people (clinical studies, or statements resting on them).
    pub fn is_clinical(self) -> bool {
        matches!(self, EvidenceBasis::Clinical | EvidenceBasis::ClinicalStatement)
    }
}

/// One ECO term of [`ECO_TERMS`].
#[derive(Debug)]
pub struct EcoTerm {
    /// The local part of the CURIE, e.g. `0005801`.
    pub local: &'static str,
    /// The ECO label, verbatim.
    pub label: &'static str,
    /// Short words for readers (badges, legends).
    pub words: &'static str,
    /// What family of evidence it names (decides which grades it fits).
    pub basis: EvidenceBasis,
    /// Whether a person made the assertion (`... used in manual assertion`): Biolink's
    /// `agent_type` `manual_agent`.
    pub manual: bool,
}

/// The ECO terms used by this project, with their labels (see the module docs for where
/// they were checked). Add a term here, with its label copied from ECO, before using it.
pub const ECO_TERMS: &[EcoTerm] = &[
    EcoTerm {
        local: "0007121",
        label: "clinical study evidence used in manual assertion",
        words: "human clinical studies",
        basis: EvidenceBasis::Clinical,
        manual: true,
    },
    EcoTerm {
        local: "0006017",
        label: "author statement supported from referenced clinical study used in manual assertion",
        words: "statement resting on clinical studies",
        basis: EvidenceBasis::ClinicalStatement,
        manual: true,
    },
    EcoTerm {
        local: "0005801",
        label: "enzymatic activity assay evidence used in manual assertion",
        words: "enzyme assays",
        basis: EvidenceBasis::Laboratory,
        manual: true,
    },
    EcoTerm {
        local: "0006006",
        label: "electrophysiology assay evidence used in manual assertion",
        words: "electrophysiology",
        basis: EvidenceBasis::Laboratory,
        manual: true,
    },
    EcoTerm {
        local: "0007122",
        label: "in vitro assay evidence used in manual assertion",
        words: "laboratory assays",
        basis: EvidenceBasis::Laboratory,
        manual: true,
    },
    EcoTerm {
        local: "0007120",
        label: "animal model system study evidence used in manual assertion",
        words: "animal studies",
        basis: EvidenceBasis::Laboratory,
        manual: true,
    },
    EcoTerm {
        local: "0000269",
        label: "experimental evidence used in manual assertion",
        words: "experiments",
        basis: EvidenceBasis::Laboratory,
        manual: true,
    },
    EcoTerm {
        local: "0000304",
        label: "author statement supported by traceable reference used in manual assertion",
        words: "reviews' statements",
        basis: EvidenceBasis::Statement,
        manual: true,
    },
    EcoTerm {
        local: "0000303",
        label: "author statement without traceable support used in manual assertion",
        words: "a statement without supporting evidence",
        basis: EvidenceBasis::Statement,
        manual: true,
    },
    EcoTerm {
        local: "0000305",
        label: "curator inference used in manual assertion",
        words: "curators' inference",
        basis: EvidenceBasis::Inference,
        manual: true,
    },
];

/// The kind of evidence behind a claim: an ECO term (`ECO:0005801`). Parsing accepts any
/// letter case of the prefix and checks Bioregistry's pattern for ECO (seven digits).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct EvidenceKind(Curie);

static ECO_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&eco_pattern()).unwrap_or_else(|_| unreachable!("pattern built from a constant registry entry"))
});

/// The pattern of an [`EvidenceKind`] (an ECO CURIE), shared by the parser and the schema.
pub fn eco_pattern() -> String {
    super::curie::curie_pattern_for("eco").unwrap_or_else(|| unreachable!("eco is in the prefix registry"))
}

impl EvidenceKind {
    /// Parses an ECO CURIE.
    ///
    /// # Errors
    /// When the text is not `ECO:` followed by seven digits.
    pub fn parse(s: &str) -> Result<EvidenceKind, InvalidValue> {
        EvidenceKind::check(s).map_err(Refusal::into_invalid)
    }

    fn check(s: &str) -> Result<EvidenceKind, Refusal> {
        if !ECO_RE.is_match(s) {
            return Err(Refusal::new(
                Code::Pattern,
                format!(
                    "`{}` is not a valid ECO term: `ECO:` and seven digits, such as `ECO:0005801`",
                    super::primitives::shown(s)
                ),
            ));
        }
        Curie::parse(s)
            .map(EvidenceKind)
            .map_err(|e| Refusal::new(e.code(), e.to_string()))
    }

    /// The CURIE, e.g. `ECO:0005801`.
    pub fn curie(&self) -> &Curie {
        &self.0
    }

    /// The term's entry in [`ECO_TERMS`], if it is one of the project's terms.
    pub fn term(&self) -> Option<&'static EcoTerm> {
        ECO_TERMS.iter().find(|t| t.local == self.0.local())
    }

    /// The ECO label, when the term is in the table.
    pub fn label(&self) -> Option<&'static str> {
        self.term().map(|t| t.label)
    }

    /// The OBO PURL of the term.
    pub fn iri(&self) -> String {
        self.0.url()
    }
}

impl TryFrom<String> for EvidenceKind {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, InvalidValue> {
        EvidenceKind::parse(&s)
    }
}

impl<'de> Deserialize<'de> for EvidenceKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        refusal::checked(d, |s: String| EvidenceKind::check(&s))
    }
}

impl std::str::FromStr for EvidenceKind {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, InvalidValue> {
        EvidenceKind::parse(s)
    }
}

impl From<EvidenceKind> for String {
    fn from(k: EvidenceKind) -> String {
        k.0.to_string()
    }
}

impl fmt::Display for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EvidenceKind({})", self.0)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for EvidenceKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EvidenceKind".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": eco_pattern(),
            "description": "An Evidence & Conclusion Ontology term (ECO CURIE, e.g. ECO:0005801 — enzymatic activity assay evidence used in manual assertion)."
        })
    }
}

/// Biolink's `knowledge_level` and `agent_type` of a claim, for graph exports (KGX).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BiolinkProvenance {
    /// A `KnowledgeLevelEnum` value of the Biolink Model (4.x).
    pub knowledge_level: &'static str,
    /// An `AgentTypeEnum` value of the Biolink Model (4.x).
    pub agent_type: &'static str,
}

/// Maps a claim's evidence kind, grade and predicate to Biolink's Knowledge Level / Agent
/// Type (values from the Biolink Model 4.4.6 `KnowledgeLevelEnum` and `AgentTypeEnum`):
///
/// - no evidence kind, or a grade of `unsupported`: `not_provided` (nothing was asserted on
///   evidence);
/// - a curator's inference: `logical_entailment`;
/// - an association predicate (`low-levels-associated-with`, `altered-signalling-associated-with`)
///   resting on clinical evidence: `statistical_association`;
/// - anything else: `knowledge_assertion`.
///
/// The agent is `manual_agent` for ECO terms "used in manual assertion" (every term of
/// [`ECO_TERMS`]), `not_provided` otherwise.
pub fn biolink_provenance(claim: &Claim) -> BiolinkProvenance {
    let term = claim.evidence_kind.as_ref().and_then(EvidenceKind::term);
    let agent_type = if term.is_some_and(|t| t.manual) {
        "manual_agent"
    } else {
        "not_provided"
    };
    let knowledge_level = match term.map(|t| t.basis) {
        _ if claim.evidence_kind.is_none() || claim.grade == Grade::Unsupported => "not_provided",
        Some(EvidenceBasis::Inference) => "logical_entailment",
        Some(b)
            if b.is_clinical()
                && matches!(
                    claim.predicate,
                    Predicate::LowLevelsAssociatedWith | Predicate::AlteredSignallingAssociatedWith
                ) =>
        {
            "statistical_association"
        }
        _ => "knowledge_assertion",
    };
    BiolinkProvenance {
        knowledge_level,
        agent_type,
    }
}

/// Whether a consensus level agrees with a claim's direction: `established` needs evidence
/// that supports the claim, and `contradicted` evidence that does not.
pub fn consensus_fits(consensus: Consensus, direction: Option<EvidenceDirection>) -> bool {
    match consensus {
        Consensus::Established => matches!(direction, None | Some(EvidenceDirection::Supports)),
        Consensus::Contradicted => direction != Some(EvidenceDirection::Supports),
        Consensus::Supported | Consensus::Debated => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_eco_only() {
        let k = EvidenceKind::parse("eco:0005801").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(k.to_string(), "ECO:0005801");
        assert_eq!(format!("{k:?}"), "EvidenceKind(ECO:0005801)");
        assert_eq!(
            k.label(),
            Some("enzymatic activity assay evidence used in manual assertion")
        );
        assert!(EvidenceKind::parse("CHEBI:0005801").is_err());
        assert!(EvidenceKind::parse("ECO:123").is_err());
    }

    #[test]
    fn table_ids_are_distinct_and_valid() {
        for (i, t) in ECO_TERMS.iter().enumerate() {
            assert!(EvidenceKind::parse(&format!("ECO:{}", t.local)).is_ok(), "{}", t.local);
            assert!(ECO_TERMS[..i].iter().all(|u| u.local != t.local), "{}", t.local);
        }
    }

    #[test]
    fn consensus_round_trips_through_its_wire_name() {
        for c in Consensus::ALL {
            assert_eq!(c.to_string().parse::<Consensus>(), Ok(c));
        }
        assert!("settled".parse::<Consensus>().is_err());
    }

    #[test]
    fn grade_fit() {
        assert!(!EvidenceBasis::Laboratory.fits(Grade::ClinicalTrial));
        assert!(EvidenceBasis::Laboratory.fits(Grade::Preclinical));
        assert!(!EvidenceBasis::Clinical.fits(Grade::Preclinical));
        assert!(EvidenceBasis::ClinicalStatement.fits(Grade::Regulatory));
    }
}
