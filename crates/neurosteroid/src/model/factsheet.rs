//! Fact sheets (an article's structure, made of claim references) and the coverage table.

use serde::{Deserialize, Serialize};

use super::{Id, Text, wire_enum};

wire_enum! {
    /// What a fact-sheet section is about; renderers use it to pick a layout.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum SectionKind ("section kind") {
        /// What the subject is.
        Overview = "overview",
        /// How it is made.
        Biosynthesis = "biosynthesis",
        /// How it acts.
        Mechanism = "mechanism",
        /// What it does.
        Effects = "effects",
        /// What low levels may contribute to.
        Conditions = "conditions",
        /// Medicines.
        Therapies = "therapies",
        /// Lifestyle and supplement measures.
        Support = "support",
        /// Closing summary.
        Summary = "summary",
    }
}

/// One section of a fact sheet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading.
    pub heading: Text,
    /// What the section is about.
    pub kind: SectionKind,
    /// Introductory text in the curators' words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Claim ids, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Id>,
    /// Ids of other entities shown in the section (a pathway, therapies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Id>,
}

/// A fact sheet: the structure of an article about one subject.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactSheet {
    /// Unique id.
    pub id: Id,
    /// Entity id of the subject.
    pub subject: Id,
    /// Title.
    pub title: Text,
    /// Subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
    /// Summary paragraph.
    pub summary: Text,
    /// Sections, in order.
    pub sections: Vec<Section>,
}

impl super::Entity for FactSheet {
    const KIND: super::EntityKind = super::EntityKind::FactSheet;
    fn id(&self) -> &Id {
        &self.id
    }
    fn name(&self) -> &str {
        self.title.as_str()
    }
}

/// One statement of a source article and where the data represents it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoverageEntry {
    /// Source id of the article.
    pub source: Id,
    /// A short paraphrase of the statement.
    pub statement: Text,
    /// Ids of the claims and entities that represent it.
    pub represented_by: Vec<Id>,
}
