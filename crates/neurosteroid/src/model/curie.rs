//! Typed external identifiers: CURIEs with Bioregistry's preferred prefixes and patterns.
//!
//! The registry below was read from Bioregistry 0.15.6 (PyPI release of 2026-10): for each
//! prefix its key, preferred prefix, local-id pattern and URI format. Prefixes match
//! case-insensitively on input and are always written in the preferred form. Patterns are
//! Bioregistry's with `\d` spelled `[0-9]` (so that ECMA-262, Rust and Python regex engines
//! agree), and, for `doi`, the dot after `10` escaped and the suffix limited to printable ASCII.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::refusal::{self, Refusal};
use crate::diagnostic::Code;

/// One entry of the prefix registry.
#[derive(Debug)]
pub(crate) struct Prefix {
    /// Bioregistry key (lowercase), e.g. `pubchem.compound`.
    pub(crate) key: &'static str,
    /// Bioregistry's preferred prefix, the form written on output, e.g. `CHEBI`: the key in
    /// another case (a test keeps it so), so that looking the key up finds it too.
    pub(crate) preferred: &'static str,
    /// Other spellings accepted on input (case-insensitively).
    pub(crate) synonyms: &'static [&'static str],
    /// Pattern of the local part, anchored.
    pub(crate) pattern: &'static str,
    /// Link template, `$1` standing for the local part.
    pub(crate) uri_format: &'static str,
    /// What the prefix names.
    pub(crate) title: &'static str,
}

/// Every prefix this library accepts.
pub(crate) const PREFIXES: &[Prefix] = &[
    Prefix {
        key: "chebi",
        preferred: "CHEBI",
        synonyms: &[],
        pattern: "^[0-9]+$",
        uri_format: "http://purl.obolibrary.org/obo/CHEBI_$1",
        title: "ChEBI",
    },
    Prefix {
        key: "pubchem.compound",
        preferred: "pubchem.compound",
        synonyms: &[],
        pattern: "^[0-9]+$",
        uri_format: "https://pubchem.ncbi.nlm.nih.gov/compound/$1",
        title: "PubChem compound",
    },
    Prefix {
        key: "cas",
        preferred: "cas",
        synonyms: &[],
        pattern: "^[0-9]{1,7}-[0-9]{2}-[0-9]$",
        uri_format: "https://commonchemistry.cas.org/detail?cas_rn=$1",
        title: "CAS Registry Number",
    },
    Prefix {
        key: "inchikey",
        preferred: "inchikey",
        // Stricter than Bioregistry's pattern: the flag after the eight stereo letters is `S`
        // (standard InChI) or `N`, the version letter is `A` (InChI version 1), and the
        // protonation letter is always present (InChI Trust, InChI Technical Manual).
        synonyms: &[],
        pattern: "^[A-Z]{14}-[A-Z]{8}[SN]A-[A-Z]$",
        uri_format: "https://www.chemspider.com/search?params=$1",
        title: "InChIKey",
    },
    Prefix {
        key: "chembl.compound",
        preferred: "chembl.compound",
        synonyms: &[],
        pattern: "^CHEMBL[0-9]+$",
        uri_format: "https://www.ebi.ac.uk/chembl/compound/inspect/$1",
        title: "ChEMBL compound",
    },
    Prefix {
        key: "drugbank",
        preferred: "drugbank",
        synonyms: &[],
        pattern: "^DB[0-9]{5}$",
        uri_format: "https://go.drugbank.com/drugs/$1",
        title: "DrugBank",
    },
    Prefix {
        key: "atc",
        preferred: "atc",
        synonyms: &[],
        pattern: "^[A-Z]([0-9]+([A-Z]{1,2}([0-9]+)?)?)?$",
        uri_format: "http://www.whocc.no/atc_ddd_index/?code=$1",
        title: "ATC code",
    },
    Prefix {
        key: "uniprot",
        preferred: "uniprot",
        synonyms: &["uniprotkb"],
        pattern: "^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$",
        uri_format: "http://purl.uniprot.org/uniprot/$1",
        title: "UniProt",
    },
    Prefix {
        key: "hgnc",
        preferred: "hgnc",
        synonyms: &[],
        pattern: "^[0-9]{1,5}$",
        uri_format: "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/$1",
        title: "HGNC",
    },
    Prefix {
        key: "ncbigene",
        preferred: "NCBIGene",
        synonyms: &[],
        pattern: "^[0-9]+$",
        uri_format: "https://www.ncbi.nlm.nih.gov/gene/$1",
        title: "NCBI Gene",
    },
    Prefix {
        key: "ec",
        preferred: "EC",
        synonyms: &["eccode"],
        pattern: "^[0-9]{1,2}(((\\.[0-9]{1,3}){1,3})|(\\.[0-9]+){2}\\.[nB][0-9]{1,3}|\\.-\\.-\\.-|\\.[0-9]{1,3}\\.-\\.-|\\.[0-9]{1,3}\\.[0-9]{1,3}\\.-)?$",
        uri_format: "https://www.enzyme-database.org/query.php?ec=$1",
        title: "Enzyme Commission number",
    },
    Prefix {
        key: "go",
        preferred: "GO",
        synonyms: &[],
        pattern: "^[0-9]{7}$",
        uri_format: "http://purl.obolibrary.org/obo/GO_$1",
        title: "Gene Ontology",
    },
    Prefix {
        key: "mesh",
        preferred: "mesh",
        synonyms: &[],
        pattern: "^(C|D|Q)[0-9]+$",
        uri_format: "https://meshb.nlm.nih.gov/record/ui?ui=$1",
        title: "MeSH",
    },
    Prefix {
        key: "icd10cm",
        preferred: "icd10cm",
        synonyms: &[],
        pattern: "^([A-Z][0-9][0-9AB]((-[A-Z][0-9][0-9AB])|(\\.[0-9A-KXZ]([0-9A-EXYZ]([0-9A-HX][0-59A-HJKMNP-S]?)?)?)?))$",
        uri_format: "https://www.icd10data.com/search?s=$1",
        title: "ICD-10-CM",
    },
    Prefix {
        key: "icd11.code",
        preferred: "icd11.code",
        synonyms: &[],
        pattern: "^[0-9A-Z]+(\\.[0-9A-Z]+)?$",
        uri_format: "https://icd.who.int/browse/latest-release/mms/en#search=$1",
        title: "ICD-11 MMS code",
    },
    Prefix {
        key: "icd11",
        preferred: "icd11",
        synonyms: &[],
        pattern: "^[1-9][0-9]*$",
        uri_format: "https://icd.who.int/browse/latest-release/foundation/en#$1",
        title: "ICD-11 foundation entity",
    },
    Prefix {
        key: "ncit",
        preferred: "NCIT",
        synonyms: &[],
        pattern: "^(C|R|P|A|NHC)[0-9]+$",
        uri_format: "http://purl.obolibrary.org/obo/NCIT_$1",
        title: "NCI Thesaurus",
    },
    Prefix {
        key: "rhea",
        preferred: "rhea",
        synonyms: &[],
        pattern: "^[0-9]{5}$",
        uri_format: "https://www.rhea-db.org/rhea/$1",
        title: "Rhea reaction",
    },
    Prefix {
        key: "mondo",
        preferred: "MONDO",
        synonyms: &[],
        pattern: "^[0-9]{7}$",
        uri_format: "http://purl.obolibrary.org/obo/MONDO_$1",
        title: "Mondo Disease Ontology",
    },
    Prefix {
        key: "eco",
        preferred: "ECO",
        synonyms: &[],
        pattern: "^[0-9]{7}$",
        uri_format: "http://purl.obolibrary.org/obo/ECO_$1",
        title: "Evidence and Conclusion Ontology",
    },
    Prefix {
        key: "pubmed",
        preferred: "pubmed",
        synonyms: &["pmid"],
        pattern: "^[0-9]+$",
        uri_format: "https://pubmed.ncbi.nlm.nih.gov/$1/",
        title: "PubMed",
    },
    Prefix {
        key: "doi",
        preferred: "doi",
        synonyms: &[],
        pattern: "^10\\.[0-9]{2,9}/[!-~]+$",
        uri_format: "https://doi.org/$1",
        title: "DOI",
    },
];

static LOCAL_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    PREFIXES
        .iter()
        .map(|p| Regex::new(p.pattern).unwrap_or_else(|_| unreachable!("constant pattern")))
        .collect()
});

/// One regular expression (ECMA-262 compatible) that accepts exactly the CURIEs this type
/// accepts: any accepted prefix spelling in any letter case, a colon, a valid local part.
/// (The JSON Schema's pattern, so only the `schema` feature and the tests need it.)
#[cfg(any(feature = "schema", test))]
pub(crate) fn curie_pattern() -> String {
    let mut alts = Vec::new();
    for p in PREFIXES {
        alts.push(prefix_alternative(p));
    }
    format!("^(?:{})$", alts.join("|"))
}

/// One regular expression (ECMA-262 compatible) for the CURIEs of one prefix (its key, e.g.
/// `eco`): any accepted spelling of that prefix in any letter case, a colon, a valid local part.
pub(crate) fn curie_pattern_for(key: &str) -> Option<String> {
    let p = PREFIXES.iter().find(|p| p.key == key)?;
    Some(format!("^{}$", prefix_alternative(p)))
}

fn prefix_alternative(p: &Prefix) -> String {
    let mut spellings: Vec<String> = vec![p.key.to_ascii_lowercase()];
    for s in std::iter::once(&p.preferred).chain(p.synonyms) {
        let s = s.to_ascii_lowercase();
        if !spellings.contains(&s) {
            spellings.push(s);
        }
    }
    let prefix_alts: Vec<String> = spellings.iter().map(|s| case_insensitive(s)).collect();
    let local = &p.pattern[1..p.pattern.len() - 1];
    format!("(?:{}):(?:{})", prefix_alts.join("|"), local)
}

fn case_insensitive(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else if c == '.' {
                "\\.".to_owned()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Looks a prefix up by any accepted spelling, in any case (the preferred spelling is the
/// key's).
pub(crate) fn find_prefix(prefix: &str) -> Option<(usize, &'static Prefix)> {
    PREFIXES
        .iter()
        .enumerate()
        .find(|(_, p)| p.key.eq_ignore_ascii_case(prefix) || p.synonyms.iter().any(|s| s.eq_ignore_ascii_case(prefix)))
}

/// A compact identifier such as `CHEBI:50169` or `hgnc:11284`, normalised to Bioregistry's
/// preferred prefix. Parsing checks the prefix and the local part's pattern; the CAS check
/// digit is the semantic rule `check-digit` (JSON Schema can not compute it).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Curie {
    prefix: u8,
    local: String,
}

/// Why a string is not a [`Curie`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CurieError {
    /// No colon.
    #[error("`{0}` is not a CURIE (expected prefix:local, e.g. CHEBI:50169)")]
    NoColon(String),
    /// The prefix is not in the registry.
    #[error("unknown identifier prefix `{prefix}`; known prefixes: {}", known_prefixes())]
    UnknownPrefix {
        /// The prefix as written.
        prefix: String,
    },
    /// The local part does not match the prefix's pattern.
    #[error(
        "`{local}` is not a valid {title} identifier: the part after the prefix must match Bioregistry's pattern `{pattern}`"
    )]
    BadLocal {
        /// The local part.
        local: String,
        /// What the prefix names.
        title: &'static str,
        /// The pattern it should match.
        pattern: &'static str,
    },
}

impl CurieError {
    /// The diagnostic code of this error: `unknown-prefix`, or `pattern` for the rest.
    pub(crate) fn code(&self) -> Code {
        match self {
            CurieError::UnknownPrefix { .. } => Code::UnknownPrefix,
            CurieError::NoColon(_) | CurieError::BadLocal { .. } => Code::Pattern,
        }
    }
}

fn known_prefixes() -> String {
    PREFIXES.iter().map(|p| p.preferred).collect::<Vec<_>>().join(", ")
}

impl Curie {
    /// Parses and normalises a CURIE.
    pub fn parse(s: &str) -> Result<Curie, CurieError> {
        let (prefix, local) = s
            .split_once(':')
            .ok_or_else(|| CurieError::NoColon(super::primitives::shown(s)))?;
        let (index, entry) = find_prefix(prefix).ok_or_else(|| CurieError::UnknownPrefix {
            prefix: super::primitives::shown(prefix),
        })?;
        if !LOCAL_RES[index].is_match(local) {
            return Err(CurieError::BadLocal {
                local: super::primitives::shown(local),
                title: entry.title,
                pattern: entry.pattern,
            });
        }
        Ok(Curie {
            prefix: index as u8,
            local: local.to_owned(),
        })
    }

    /// The registry entry of the prefix.
    pub(crate) fn registry_entry(&self) -> &'static Prefix {
        &PREFIXES[usize::from(self.prefix)]
    }

    /// The preferred prefix, e.g. `CHEBI`.
    pub fn prefix(&self) -> &'static str {
        self.registry_entry().preferred
    }

    /// The Bioregistry key of the prefix, e.g. `chebi`.
    pub fn key(&self) -> &'static str {
        self.registry_entry().key
    }

    /// The local part, e.g. `50169`.
    pub fn local(&self) -> &str {
        &self.local
    }

    /// The same identifier in its registry's canonical form: leading zeros dropped from
    /// registries whose local parts are plain integers (`CHEBI:050169` is `CHEBI:50169`)
    /// and from the first group of a CAS number (`cas:0050-23-7` is `cas:50-23-7`).
    /// Registries whose zeros are part of the identifier (GO, MONDO, MeSH) are unchanged.
    pub fn canonical(&self) -> Curie {
        let strip = |s: &str| {
            let t = s.trim_start_matches('0');
            if t.is_empty() { "0".to_owned() } else { t.to_owned() }
        };
        let local = match self.key() {
            "chebi" | "pubchem.compound" | "hgnc" | "ncbigene" | "pubmed" | "rhea" => strip(&self.local),
            "cas" => match self.local.split_once('-') {
                Some((first, rest)) => format!("{}-{rest}", strip(first)),
                None => self.local.clone(),
            },
            _ => self.local.clone(),
        };
        Curie {
            prefix: self.prefix,
            local,
        }
    }

    /// A resolvable link.
    pub fn url(&self) -> String {
        self.registry_entry().uri_format.replace("$1", &self.local)
    }

    /// For identifiers with a check digit (CAS): whether it matches. `None` when the prefix
    /// has no check digit.
    pub fn check_digit_ok(&self) -> Option<bool> {
        match self.key() {
            "cas" => Some(cas_check_digit_ok(&self.local)),
            _ => None,
        }
    }
}

/// CAS check digit: the digits before the last, from the right, weighted 1, 2, 3, ...;
/// the sum modulo 10 is the last digit.
pub(crate) fn cas_check_digit_ok(local: &str) -> bool {
    let digits: Vec<u32> = local.chars().filter_map(|c| c.to_digit(10)).collect();
    let Some((&check, body)) = digits.split_last() else {
        return false;
    };
    let sum: u32 = body.iter().rev().enumerate().map(|(i, d)| (i as u32 + 1) * d).sum();
    sum % 10 == check
}

impl TryFrom<String> for Curie {
    type Error = CurieError;
    fn try_from(s: String) -> Result<Self, CurieError> {
        Curie::parse(&s)
    }
}

impl<'de> Deserialize<'de> for Curie {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        refusal::checked(d, |s: String| {
            Curie::parse(&s).map_err(|e| Refusal::new(e.code(), e.to_string()))
        })
    }
}

impl std::str::FromStr for Curie {
    type Err = CurieError;
    fn from_str(s: &str) -> Result<Self, CurieError> {
        Curie::parse(s)
    }
}

impl From<Curie> for String {
    fn from(c: Curie) -> String {
        c.to_string()
    }
}

impl fmt::Display for Curie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.prefix(), self.local)
    }
}

impl fmt::Debug for Curie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Curie({self})")
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Curie {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Curie".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": curie_pattern(),
            "description": format!(
                "A compact identifier (CURIE) with a Bioregistry prefix, matched case-insensitively: {}.",
                known_prefixes()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_prefix_case() {
        let c = Curie::parse("chebi:50169").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(c.to_string(), "CHEBI:50169");
        let c = Curie::parse("PMID:123").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(c.to_string(), "pubmed:123");
    }

    #[test]
    fn every_spelling_of_every_prefix_is_found_in_any_case() {
        for (i, p) in PREFIXES.iter().enumerate() {
            assert!(p.preferred.eq_ignore_ascii_case(p.key), "{}: {}", p.key, p.preferred);
            assert_eq!(p.key, p.key.to_ascii_lowercase());
            for spelling in [p.key, p.preferred].iter().chain(p.synonyms) {
                for s in [spelling.to_ascii_lowercase(), spelling.to_ascii_uppercase()] {
                    assert_eq!(find_prefix(&s).map(|(at, _)| at), Some(i), "{s}");
                }
            }
        }
        assert!(find_prefix("chebi:").is_none() && find_prefix("").is_none());
    }

    #[test]
    fn rejects_bad_local_and_prefix() {
        assert!(matches!(Curie::parse("CHEBI:abc"), Err(CurieError::BadLocal { .. })));
        assert!(matches!(Curie::parse("nope:1"), Err(CurieError::UnknownPrefix { .. })));
        assert!(matches!(Curie::parse("50169"), Err(CurieError::NoColon(_))));
    }

    #[test]
    fn cas_check_digit() {
        assert!(cas_check_digit_ok("7732-18-5")); // water, the CAS documentation's example
        assert!(!cas_check_digit_ok("7732-18-4"));
    }

    #[test]
    fn schema_pattern_agrees_with_parser() {
        let re = Regex::new(&curie_pattern()).unwrap_or_else(|e| unreachable!("{e}"));
        for s in [
            "chebi:50169",
            "CHEBI:50169",
            "Ec:1.3.1.22",
            "eccode:1.1.1.-",
            "doi:10.1016/x",
            "icd11.code:6B40",
            "RHEA:43924",
            "rhea:4392",
            "mondo:0002009",
            "MONDO:2009",
            "nope:1",
            "CHEBI:x",
            "pmid:1",
        ] {
            assert_eq!(re.is_match(s), Curie::parse(s).is_ok(), "{s}");
        }
    }
}
