//! Claims, their evidence grades, and sources.

use serde::{Deserialize, Serialize};

use super::{Consensus, Curie, Date, EvidenceKind, Id, Text, Url, Year, wire_enum};

/// The longest excerpt a claim may quote, in characters: a sentence of an abstract or a
/// label (fair quotation), not a reproduction of the text.
pub const EXCERPT_MAX_CHARS: usize = 300;

wire_enum! {
    /// Evidence grade, strongest first (the README explains the scale). The order of the variants is the order
    /// of strength: `Grade::Regulatory < Grade::Unsupported`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Grade ("grade") {
        /// A regulator's decision or approved label.
        Regulatory = "regulatory" / "regulatory decision",
        /// A meta-analysis or systematic review in humans.
        SystematicReview = "systematic-review" / "systematic review",
        /// At least one randomised controlled trial in humans.
        ClinicalTrial = "clinical-trial" / "clinical trial",
        /// Human observational, cohort, case-control or biomarker studies.
        ClinicalObservational = "clinical-observational" / "human observational",
        /// Animal or in-vitro evidence only.
        Preclinical = "preclinical" / "animal / lab only",
        /// Guidelines or reviews without direct evidence.
        ExpertOpinion = "expert-opinion" / "expert opinion",
        /// Stated by a source, but no supporting evidence was found.
        Unsupported = "unsupported",
    }
}

wire_enum! {
    /// What a claim says about its subject and object.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Predicate ("predicate") {
        /// Compound → compound: is converted into (directly or through a route).
        PrecursorOf = "precursor-of",
        /// Compound → site: is made at that site.
        SynthesisedIn = "synthesised-in",
        /// Compound → receptor: acts on it.
        ActsOn = "acts-on",
        /// Compound → effect: produces the effect.
        HasEffect = "has-effect",
        /// Compound → condition: low levels are associated with the condition.
        LowLevelsAssociatedWith = "low-levels-associated-with",
        /// Compound → condition: altered levels, fluctuation or altered sensitivity is associated.
        AlteredSignallingAssociatedWith = "altered-signalling-associated-with",
        /// Therapy or strategy → compound: raises its level.
        RaisesLevelOf = "raises-level-of",
        /// Therapy, strategy or condition → compound: lowers its level.
        LowersLevelOf = "lowers-level-of",
        /// Therapy → condition: treats it.
        Treats = "treats",
    }
}

wire_enum! {
    /// Whether the evidence found supports the statement as the source made it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum EvidenceDirection ("evidence direction") {
        /// The evidence supports it.
        Supports = "supports",
        /// Some evidence supports it, some does not.
        Mixed = "mixed",
        /// The evidence points the other way.
        Contradicts = "contradicts",
        /// Too little evidence either way.
        Insufficient = "insufficient",
    }
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
    const CITES_SOURCES: bool = true;
    fn id(&self) -> &Id {
        &self.id
    }
    fn name(&self) -> &str {
        self.statement.as_str()
    }
    fn sources(&self) -> &[Id] {
        &self.sources
    }
}

wire_enum! {
    /// What kind of source.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum SourceKind ("source kind") {
        /// A consumer or popular article: the claims' origin, never their evidence.
        ConsumerArticle = "consumer-article",
        /// A primary research article.
        JournalArticle = "journal-article",
        /// A review, systematic review or meta-analysis.
        Review = "review",
        /// A regulator's label, decision or notice.
        Regulatory = "regulatory",
        /// A company announcement.
        PressRelease = "press-release",
        /// A database record (ChEBI, HGNC, UniProt, ...).
        Database = "database",
        /// Any other web page.
        WebPage = "web-page",
    }
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
