//! The one error model: every problem found in a document is a [`Diagnostic`].

use std::fmt;

pub(crate) use crate::pointer::pointer_push;

use serde::{Deserialize, Serialize};

/// How bad a problem is. Only errors make a document invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The document is invalid.
    Error,
    /// The document is valid, but a curator should look.
    Warning,
}

impl Severity {
    /// The stable lowercase name (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, help $help:literal, )*) => {
        /// A stable, documented diagnostic code. The string form (`as_str`) never changes
        /// once released; new codes may be added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name of the code.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// What the code means, in a sentence (its documentation).
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// What to do about it, in a sentence (the SARIF rules' help and the README's table).
            pub fn help(self) -> &'static str {
                match self { $(Code::$variant => $help,)* }
            }

            /// The code with this stable name, if any.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The input is not well-formed JSON or YAML.
    Syntax = "syntax", help "Fix the JSON or YAML syntax at the line and column shown (a missing quote, bracket or colon, or a bad indentation).",
    /// The input is not valid UTF-8 text.
    Encoding = "encoding", help "Save the file as UTF-8.",
    /// The input exceeds a configured limit (size, nesting depth, alias expansion).
    Limit = "limit", help "Split the document or flatten it; or raise the limit (`--max-bytes`, `--max-depth`, `--max-alias-nodes`) if the input is trusted.",
    /// A value has the wrong JSON type (string where an array is expected, ...).
    Type = "type", help "Write the value with the type the schema gives for this field (a list, a string, a number, ...).",
    /// A required property is missing.
    MissingField = "missing-field", help "Add the field; the schema lists the required fields of each kind of entity.",
    /// A property that the format does not define.
    UnknownField = "unknown-field", help "Remove the field or correct its spelling (the hint names the closest known field).",
    /// A string is not one of the allowed values.
    UnknownVariant = "unknown-variant", help "Use one of the allowed values listed in the message.",
    /// A string does not match its pattern (id slug, CURIE, date, formula, ...).
    Pattern = "pattern", help "Write the value in the form the message gives (a lowercase slug for ids, `YYYY-MM-DD` for dates, `PREFIX:local` for identifiers).",
    /// A CURIE with a prefix that is not in the registry.
    UnknownPrefix = "unknown-prefix", help "Use a prefix from the identifier registry (the message lists them), or leave the identifier out.",
    /// A number or length out of its allowed range.
    Range = "range", help "Bring the number or the length within its allowed range.",
    /// The same key twice in one object.
    DuplicateKey = "duplicate-key", help "Keep one of the two keys.",
    /// A document whose `schema_version` this library cannot read.
    UnsupportedVersion = "unsupported-version", help "Set `schema_version` to a 1.x version, or migrate the document.",
    /// Two entities share one id.
    DuplicateId = "duplicate-id", help "Give one of the two entities another id, or merge them.",
    /// A reference to an id that no entity has.
    DanglingReference = "dangling-reference", help "Correct the id (the hint suggests close ones) or add the entity it names.",
    /// A reference to an entity of the wrong kind (a condition where a compound is expected).
    WrongReferenceKind = "wrong-reference-kind", help "Refer to an entity of the kind the field expects.",
    /// A pathway whose step does not start where the previous one ended.
    PathwayDisconnected = "pathway-disconnected", help "Reorder the pathway's steps, or add the missing step, so that each starts where the previous one ends.",
    /// A pathway or reaction chain that loops back on itself.
    PathwayCycle = "pathway-cycle", help "Remove the step that leads back to an earlier compound.",
    /// A reaction whose substrate and product are the same compound.
    ReactionSelfLoop = "reaction-self-loop", help "Correct the substrate or the product.",
    /// A claim whose subject and object are the same entity.
    SelfClaim = "self-claim", help "Correct the subject or the object: a claim relates two different entities.",
    /// A reaction whose isoform does not carry out the reaction's enzyme activity.
    IsoformActivityMismatch = "isoform-activity-mismatch", help "List only isoforms that carry out the reaction's enzyme activity, or add the activity to the isoform.",
    /// A claim without any source.
    MissingSource = "missing-source", help "Cite at least one source for the claim.",
    /// A claim graded above `unsupported` whose only sources are consumer articles.
    InsufficientEvidence = "insufficient-evidence", help "Cite a source other than a consumer article, or lower the grade to `unsupported`.",
    /// An evidence kind (ECO term) that can not stand behind the claim's grade (an in-vitro
    /// assay behind a clinical-trial grade).
    EvidenceKindGrade = "evidence-kind-grade", help "Give the claim the evidence kind that fits its grade, or regrade it.",
    /// An ECO term outside the project's table of evidence kinds: its fit with the grade is not checked.
    UnknownEvidenceKind = "unknown-evidence-kind", help "Use an evidence kind from the project's ECO table, or add the term to the table with the grades it supports.",
    /// A consensus level that contradicts the claim's direction (`established` on mixed evidence).
    ConsensusDirection = "consensus-direction", help "Lower the consensus level (`debated` for mixed evidence), or fix the direction.",
    /// An excerpt longer than a short quotation allows.
    ExcerptTooLong = "excerpt-too-long", help "Quote one short sentence; link to the source for the rest.",
    /// An excerpt that does not occur in the shipped text of the source it quotes.
    ExcerptNotFound = "excerpt-not-found", help "Copy the excerpt verbatim from the source, or add the passage you read to the source-text cache.",
    /// An excerpt quoting a source that the claim does not cite.
    ExcerptSourceNotCited = "excerpt-source-not-cited", help "Add the source to the claim's sources, or quote a source the claim cites.",
    /// A dose range whose minimum exceeds its maximum.
    DoseRangeOrder = "dose-range-order", help "Swap the minimum and the maximum.",
    /// A unit that is not valid UCUM.
    InvalidUnit = "invalid-unit", help "Write the unit in UCUM (`mg`, `ug/kg/h`, `ng/mL`).",
    /// A calendar date that does not exist (2023-02-30).
    InvalidDate = "invalid-date", help "Correct the date to one that exists.",
    /// A date after the document's `as_of` date.
    FutureDate = "future-date", help "Correct the date, or move `as_of` forward once the content is checked.",
    /// A regulatory status history out of chronological order.
    StatusOrder = "status-order", help "List the regulatory events in date order.",
    /// A check digit that does not match (CAS registry numbers).
    CheckDigit = "check-digit", help "Check the identifier against its registry: a digit is wrong.",
    /// One external identifier given to two different entities.
    DuplicateIdentifier = "duplicate-identifier", help "Keep the identifier on the one entity it identifies, or merge the two entities.",
    /// One name or synonym given to two unrelated entities.
    DuplicateName = "duplicate-name", help "Keep the name on one entity, or make the names more specific.",
    /// A source that can not be located (no identifier and no URL).
    UnlocatableSource = "unlocatable-source", help "Add an identifier (`pubmed:`, `doi:`) or a URL to the source.",
    /// A source that no claim, entity or record cites.
    UnusedSource = "unused-source", help "Cite the source where it is used, or remove it.",
    /// A coverage entry that names no claim or entity.
    EmptyCoverage = "empty-coverage", help "Name the claims or entities that represent the statement.",
    /// A fact-sheet section that references nothing and says nothing.
    EmptySection = "empty-section", help "Add text, claims or entities to the section, or remove it.",
    /// A reaction's Rhea direction id is not the left-to-right or right-to-left id of its
    /// Rhea master (or an id there is not a Rhea id).
    RheaDirection = "rhea-direction", help "Use the left-to-right or right-to-left Rhea id of the master reaction.",
    /// A reaction's substrate, product or participants are not on the sides of the Rhea
    /// equation (in the vendored snapshot) that its direction gives them.
    RheaParticipants = "rhea-participants", help "Make the substrate, product and participants match the Rhea equation, or cite the right Rhea reaction.",
    /// A reaction cites a Rhea master that the vendored Rhea snapshot does not hold, so its
    /// participants cannot be checked.
    RheaUnknown = "rhea-unknown", help "Add the Rhea entry to the vendored snapshot, with its source and date.",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Code::from_name(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code `{name}`")))
    }
}

/// A 1-based line and column in the source text (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One problem in a document: what, where (a JSON Pointer), and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `dangling-reference`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// How to fix it, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Line and column in the source text, when the document was parsed from text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// For a knowledge base in many files: the file (relative to the knowledge base's
    /// folder, `/`-separated) that `path` and `location` point into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Box<str>>,
}

impl Diagnostic {
    /// An error-severity diagnostic.
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            hint: None,
            location: None,
            file: None,
        }
    }

    /// A warning-severity diagnostic.
    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    /// The same diagnostic with a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True for error severity.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "/" } else { &self.path };
        if let Some(l) = self.location {
            write!(f, "{}:{}: ", l.line, l.column)?;
        }
        write!(
            f,
            "{}[{}] at {}: {}",
            self.severity.as_str(),
            self.code,
            path,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// Most diagnostics of one code kept in a report; past it, one summary diagnostic gives the
/// total. A curator fixes a flood by its first examples; memory stays bounded by this cap
/// times the number of codes, whatever the input.
pub const MAX_PER_CODE: usize = 1000;

/// Diagnostics dropped past [`MAX_PER_CODE`], per code: how many, the worst severity, and
/// the first one's path.
#[derive(Debug, Default)]
pub(crate) struct Overflow {
    /// How many of the list's diagnostics have been counted.
    upto: usize,
    kept: std::collections::BTreeMap<Code, usize>,
    dropped: std::collections::BTreeMap<Code, (usize, Severity, String)>,
}

impl Overflow {
    /// Keeps at most [`MAX_PER_CODE`] diagnostics of each code among those added since the
    /// last call (counting those kept by earlier calls), remembering the rest as counts.
    pub(crate) fn compact(&mut self, diags: &mut Vec<Diagnostic>) {
        let from = self.upto.min(diags.len());
        let mut i = from;
        let mut out = from;
        while i < diags.len() {
            let code = diags[i].code;
            let kept = self.kept.entry(code).or_insert(0);
            if *kept < MAX_PER_CODE {
                *kept += 1;
                diags.swap(out, i);
                out += 1;
            } else {
                let d = &diags[i];
                let e = self
                    .dropped
                    .entry(code)
                    .or_insert_with(|| (0, d.severity, d.path.clone()));
                e.0 += 1;
                e.1 = e.1.min(d.severity);
            }
            i += 1;
        }
        diags.truncate(out);
        self.upto = diags.len();
    }

    /// Whether enough has been added since the last compaction to make one worthwhile.
    pub(crate) fn due(&self, diags: &[Diagnostic]) -> bool {
        diags.len() >= self.upto + 4 * MAX_PER_CODE
    }

    /// Compacts what is new and appends one summary per code that overflowed.
    pub(crate) fn finish(mut self, diags: &mut Vec<Diagnostic>) {
        self.compact(diags);
        for (code, (count, severity, path)) in self.dropped {
            let total = count + MAX_PER_CODE;
            diags.push(Diagnostic {
                code,
                severity,
                path,
                message: format!(
                    "{count} more `{code}` problems are not listed ({total} in all; the first {MAX_PER_CODE} are), starting here"
                ),
                hint: Some(format!("fix the `{code}` problems listed and validate again")),
                location: None,
                file: None,
            });
        }
    }
}

/// Caps a list of diagnostics at [`MAX_PER_CODE`] per code, with a summary for each code
/// that had more.
pub(crate) fn cap(diags: &mut Vec<Diagnostic>) {
    Overflow::default().finish(diags);
}

/// A noun phrase with its indefinite article: `an effect`, `a compound`, `an entity with a
/// fact sheet` (by the first letter, which is right for every kind and word used here).
pub(crate) fn with_article(phrase: &str) -> String {
    let an = phrase
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    format!("{} {phrase}", if an { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use super::{Code, Diagnostic, MAX_PER_CODE, cap, with_article};

    #[test]
    fn indefinite_articles() {
        assert_eq!(with_article("effect"), "an effect");
        assert_eq!(with_article("Umbrella term"), "an Umbrella term");
        assert_eq!(with_article("compound"), "a compound");
        assert_eq!(with_article(""), "a ");
    }

    #[test]
    fn the_cap_keeps_exactly_a_thousand_per_code_and_sums_up_the_rest() {
        assert_eq!(MAX_PER_CODE, 1000);
        let range = |i: usize| Diagnostic::error(Code::Range, format!("/r/{i}"), "r");
        // Exactly at the cap: nothing dropped, no summary.
        let mut at_cap: Vec<Diagnostic> = (0..1000).map(range).collect();
        at_cap.push(Diagnostic::error(Code::Syntax, "/s", "s"));
        let before = at_cap.clone();
        cap(&mut at_cap);
        assert_eq!(at_cap, before);
        // Two past it: a warning, then an error. The summary has the first dropped one's path
        // and the worst severity, and follows what is kept, in the original order.
        let mut over: Vec<Diagnostic> = (0..1000).map(range).collect();
        over.push(Diagnostic::warning(Code::Range, "/w", "w"));
        over.push(Diagnostic::error(Code::Syntax, "/s", "s"));
        over.push(Diagnostic::error(Code::Range, "/e", "e"));
        cap(&mut over);
        assert_eq!(over.len(), 1002);
        assert_eq!(over[999].path, "/r/999");
        assert_eq!(over[1000].path, "/s");
        let summary = &over[1001];
        assert_eq!(
            summary.to_string(),
            "error[range] at /w: 2 more `range` problems are not listed (1002 in all; the first 1000 are), starting here (hint: fix the `range` problems listed and validate again)"
        );
        // Only warnings dropped: the summary is a warning.
        let mut warnings: Vec<Diagnostic> = (0..1001)
            .map(|i| Diagnostic::warning(Code::UnusedSource, format!("/u/{i}"), "u"))
            .collect();
        cap(&mut warnings);
        assert_eq!(
            warnings.last().map(ToString::to_string).unwrap_or_default(),
            "warning[unused-source] at /u/1000: 1 more `unused-source` problems are not listed (1001 in all; the first 1000 are), starting here (hint: fix the `unused-source` problems listed and validate again)"
        );
    }
}
