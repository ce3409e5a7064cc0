//! Claims, their evidence grades, and sources.

use serde::{Deserialize, Serialize};

use super::{Consensus, Curie, Date, EvidenceKind, Id, Text, Url, Year};

/// The longest excerpt a claim may quote, in characters: a sentence of an abstract or a
/// label (fair quotation), not a reproduction of the text.
pub const EXCERPT_MAX_CHARS: usize = 300;

/// Evidence grade, strongest first (the README explains the scale). The order of the variants is the order
/// of strength: `Grade::Regulatory < Grade::Unsupported`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// A regulator's decision or approved label.
    Regulatory,
    /// A meta-analysis or systematic review in humans.
    SystematicReview,
    /// At least one randomised controlled trial in humans.
    ClinicalTrial,
    /// Human observational, cohort, case-control or biomarker studies.
    ClinicalObservational,
    /// Animal or in-vitro evidence only.
    Preclinical,
    /// Guidelines or reviews without direct evidence.
    ExpertOpinion,
    /// Stated by a source, but no supporting evidence was found.
    Unsupported,
}

impl Grade {
    /// Every grade, strongest first.
    pub const ALL: [Grade; 7] = [
        Grade::Regulatory,
        Grade::SystematicReview,
        Grade::ClinicalTrial,
        Grade::ClinicalObservational,
        Grade::Preclinical,
        Grade::ExpertOpinion,
        Grade::Unsupported,
    ];

    /// The stable kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Regulatory => "regulatory",
            Grade::SystematicReview => "systematic-review",
            Grade::ClinicalTrial => "clinical-trial",
            Grade::ClinicalObservational => "clinical-observational",
            Grade::Preclinical => "preclinical",
            Grade::ExpertOpinion => "expert-opinion",
            Grade::Unsupported => "unsupported",
        }
    }
}

/// What a claim says about its subject and object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Predicate {
    /// Compound → compound: is converted into (directly or through a route).
    PrecursorOf,
    /// Compound → site: is made at that site.
    SynthesisedIn,
    /// Compound → receptor: acts on it.
    ActsOn,
    /// Compound → effect: produces the effect.
    HasEffect,
    /// Compound → condition: low levels are associated with the condition.
    LowLevelsAssociatedWith,
    /// Compound → condition: altered levels, fluctuation or altered sensitivity is associated.
    AlteredSignallingAssociatedWith,
    /// Therapy or strategy → compound: raises its level.
    RaisesLevelOf,
    /// Therapy, strategy or condition → compound: lowers its level.
    LowersLevelOf,
    /// Therapy → condition: treats it.
    Treats,
}

impl Predicate {
    /// The stable kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::PrecursorOf => "precursor-of",
            Predicate::SynthesisedIn => "synthesised-in",
            Predicate::ActsOn => "acts-on",
            Predicate::HasEffect => "has-effect",
            Predicate::LowLevelsAssociatedWith => "low-levels-associated-with",
            Predicate::AlteredSignallingAssociatedWith => "altered-signalling-associated-with",
            Predicate::RaisesLevelOf => "raises-level-of",
            Predicate::LowersLevelOf => "lowers-level-of",
            Predicate::Treats => "treats",
        }
    }
}

/// Whether the evidence found supports the statement as the source made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceDirection {
    /// The evidence supports it.
    Supports,
    /// Some evidence supports it, some does not.
    Mixed,
    /// The evidence points the other way.
    Contradicts,
    /// Too little evidence either way.
    Insufficient,
}

/// A statement about entities, with its evidence grade and sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Unique id.
    pub id: Id,
    /// The statement, in the curators' words.
    pub statement: Text,
    /// Entity id of the subject.
    pub subject: Id,
    /// What is claimed.
    pub predicate: Predicate,
    /// Entity id of the object.
    pub object: Id,
    /// Evidence grade.
    pub grade: Grade,
    /// Whether the evidence supports the statement as its source made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<EvidenceDirection>,
    /// The kind of evidence behind the claim, as an ECO term (format 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_kind: Option<EvidenceKind>,
    /// How settled the claim is (format 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consensus: Option<Consensus>,
    /// Source ids; at least one, and one other than a consumer article when graded above
    /// `unsupported`.
    #[serde(default)]
    pub sources: Vec<Id>,
    /// Short verbatim quotations from the cited sources that show why they support the
    /// claim (format 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<Excerpt>,
    /// What a reader should know about the evidence (animal only, mixed, contrary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// A short verbatim quotation from one of a claim's sources, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    /// The source quoted; one of the claim's sources.
    pub source: Id,
    /// The words, verbatim: a sentence or a clause, at most 300 characters.
    pub text: Text,
    /// Where in the source: `abstract`, `abstract, conclusions`, `label, section 1`, ...
    pub locator: Text,
}

impl super::Entity for Claim {
    const KIND: super::EntityKind = super::EntityKind::Claim;
    fn id(&self) -> &Id {
        &self.id
    }
    fn name(&self) -> &str {
        self.statement.as_str()
    }
}

impl Claim {
    /// A claim's "name" is its statement.
    pub fn text(&self) -> &str {
        self.statement.as_str()
    }
}

/// What kind of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A consumer or popular article: the claims' origin, never their evidence.
    ConsumerArticle,
    /// A primary research article.
    JournalArticle,
    /// A review, systematic review or meta-analysis.
    Review,
    /// A regulator's label, decision or notice.
    Regulatory,
    /// A company announcement.
    PressRelease,
    /// A database record (ChEBI, HGNC, UniProt, ...).
    Database,
    /// Any other web page.
    WebPage,
}

/// Where a claim or fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id.
    pub id: Id,
    /// What kind of source.
    pub kind: SourceKind,
    /// Title.
    pub title: Text,
    /// Authors or publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors: Option<Text>,
    /// Journal, site or issuing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// PubMed id, DOI or other identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// When the curators last read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Date>,
    /// What the curators took from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

impl super::Entity for Source {
    const KIND: super::EntityKind = super::EntityKind::Source;
    fn id(&self) -> &Id {
        &self.id
    }
    fn name(&self) -> &str {
        self.title.as_str()
    }
    fn identifiers(&self) -> &[Curie] {
        &self.identifiers
    }
}

impl Source {
    /// True for sources that can not support a grade above `unsupported`.
    pub fn is_consumer_article(&self) -> bool {
        self.kind == SourceKind::ConsumerArticle
    }
}
