//! Deterministic synthetic knowledge bases for the benchmarks of issue 7.
//!
//! [`generate`] builds a document of `N` compounds with proportional enzymes, gene
//! products, reactions, pathways, receptors, sites, effects, conditions, therapies,
//! strategies, claims, fact sheets, coverage entries and sources. The same `N` always gives
//! the same bytes. Names look like steroid chemistry (Greek letters, abbreviations spelled
//! both ways), identifiers pass every pattern and check digit, and the document has no
//! diagnostic at all (no error, no warning) under `full` validation.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use neurosteroid::resolve::normalize;
use serde_json::{Value, json};

/// The `as_of` date of every generated document; every date in it is on or before it.
pub const AS_OF: &str = "2026-01-31";

/// Default benchmark sizes (number of compounds), overridden by `NS_BENCH_SIZES`.
pub const DEFAULT_SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// How many entities of each kind a document of `compounds` compounds has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Compounds.
    pub compounds: usize,
    /// Sources (one in ten is a consumer article).
    pub sources: usize,
    /// Enzyme activities.
    pub enzymes: usize,
    /// Gene products (two isoforms per activity).
    pub gene_products: usize,
    /// Receptors.
    pub receptors: usize,
    /// Anatomical sites.
    pub sites: usize,
    /// Effects.
    pub effects: usize,
    /// Conditions.
    pub conditions: usize,
    /// Therapies.
    pub therapies: usize,
    /// Strategies.
    pub strategies: usize,
    /// Fact sheets.
    pub fact_sheets: usize,
    /// Coverage entries.
    pub coverage: usize,
}

/// Compounds per biosynthetic chain (one pathway per chain, `CHAIN - 1` reactions).
pub const CHAIN: usize = 5;

impl Counts {
    /// The counts for `n` compounds (at least one).
    pub fn for_compounds(n: usize) -> Counts {
        let n = n.max(1);
        let at_least = |d: usize, min: usize| (n / d).max(min);
        let enzymes = at_least(20, 1);
        Counts {
            compounds: n,
            sources: at_least(10, 2),
            enzymes,
            gene_products: 2 * enzymes,
            receptors: at_least(100, 1),
            sites: at_least(200, 1),
            effects: at_least(200, 1),
            conditions: at_least(200, 1),
            therapies: at_least(200, 1),
            strategies: at_least(500, 1),
            fact_sheets: at_least(100, 1),
            coverage: at_least(100, 1),
        }
    }
}

/// Why a document could not be generated or written.
#[derive(Debug)]
pub enum SynthError {
    /// Writing failed.
    Io(std::io::Error),
    /// Serialisation failed.
    Json(serde_json::Error),
    /// A generated value broke an invariant (a bug in this generator).
    Invariant(String),
}

impl std::fmt::Display for SynthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SynthError::Io(e) => write!(f, "I/O error: {e}"),
            SynthError::Json(e) => write!(f, "JSON error: {e}"),
            SynthError::Invariant(m) => write!(f, "generator bug: {m}"),
        }
    }
}

impl std::error::Error for SynthError {}

impl From<std::io::Error> for SynthError {
    fn from(e: std::io::Error) -> Self {
        SynthError::Io(e)
    }
}

impl From<serde_json::Error> for SynthError {
    fn from(e: serde_json::Error) -> Self {
        SynthError::Json(e)
    }
}

// ---------------------------------------------------------------------------------------
// Deterministic building blocks.

/// SplitMix64: a tiny deterministic mixer, so that the same `N` gives the same bytes.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn pick<'a>(list: &[&'a str], seed: u64) -> &'a str {
    list[(mix(seed) % list.len() as u64) as usize]
}

const CONSONANTS: &[char] = &[
    'b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', 'z',
];
const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// A pronounceable word that encodes `i` (consonant-vowel syllables, at least three).
fn word(i: u64) -> String {
    let base = (CONSONANTS.len() * VOWELS.len()) as u64;
    let mut x = i;
    let mut out = String::new();
    let mut syllables = 0;
    while x > 0 || syllables < 3 {
        let s = (x % base) as usize;
        out.push(CONSONANTS[s / VOWELS.len()]);
        out.push(VOWELS[s % VOWELS.len()]);
        x /= base;
        syllables += 1;
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Initials of a word's syllables, upper case (`kelopa` → `KLP`).
fn initials(w: &str) -> String {
    w.chars().step_by(2).map(|c| c.to_ascii_uppercase()).collect()
}

/// An id slug from a display name: Greek letters spelled in latin, everything else that is
/// not a letter or digit a hyphen, at most 80 characters.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let piece: Option<&str> = match c {
            'α' => Some("alpha"),
            'β' => Some("beta"),
            'γ' => Some("gamma"),
            'δ' | 'Δ' => Some("delta"),
            'ε' => Some("epsilon"),
            'κ' => Some("kappa"),
            'ω' => Some("omega"),
            _ => None,
        };
        if let Some(p) = piece {
            out.push_str(p);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > 70 {
        out.truncate(70);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// CAS Registry Number with a correct check digit for a body number (at least 3 digits).
pub fn cas_number(body: u64) -> String {
    let first = body / 100;
    let second = body % 100;
    let digits = format!("{first}{second:02}");
    let sum: u64 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, d)| (i as u64 + 1) * u64::from(d - b'0'))
        .sum();
    format!("{first}-{second:02}-{}", sum % 10)
}

/// A unique InChIKey-shaped string for `i` (bijective in its first block).
fn inchikey(i: u64) -> String {
    const SPACE: u128 = 26u128.pow(14);
    // An odd multiplier that is not a multiple of 13 is invertible modulo 26^14.
    let mut x = (u128::from(i) * 6_364_136_223_846_793_005u128 + 1_442_695_040_888_963) % SPACE;
    let mut first = String::new();
    for _ in 0..14 {
        first.push(char::from(b'A' + (x % 26) as u8));
        x /= 26;
    }
    let mut h = mix(i ^ 0xDEAD_BEEF);
    let mut second = String::new();
    for _ in 0..8 {
        second.push(char::from(b'A' + (h % 26) as u8));
        h /= 26;
    }
    format!("{first}-{second}SA-N")
}

/// A UniProt accession (`[OPQ][0-9][A-Z0-9]{3}[0-9]`) unique for `j` < 14 million.
fn uniprot(j: u64) -> String {
    const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut x = j;
    let lead = ['O', 'P', 'Q'][(x % 3) as usize];
    x /= 3;
    let d1 = x % 10;
    x /= 10;
    let d5 = x % 10;
    x /= 10;
    let mut mid = String::new();
    for _ in 0..3 {
        mid.push(char::from(ALNUM[(x % 36) as usize]));
        x /= 36;
    }
    format!("{lead}{d1}{mid}{d5}")
}

/// A date `YYYY-MM-DD` between 1990-01-01 and 2025-12-28 from a seed.
fn date(seed: u64) -> String {
    let h = mix(seed);
    let y = 1990 + h % 36;
    let m = 1 + (h / 36) % 12;
    let d = 1 + (h / 432) % 28;
    format!("{y}-{m:02}-{d:02}")
}

const GREEK_PREFIXES: &[&str] = &[
    "3α-hydroxy-5α-",
    "3β-hydroxy-5β-",
    "5α-dihydro",
    "17α-hydroxy",
    "11β-hydroxy",
    "Δ4-",
    "20α-dihydro",
    "3α,5α-tetrahydro",
    "7β-hydroxy",
    "16α-methyl",
    "21-hydroxy",
    "",
];
const STEROID_SUFFIXES: &[&str] = &[
    "olone", "anone", "adiol", "erone", "osterone", "anolide", "ostane", "enol",
];
const ACTIVITIES: &[&str] = &[
    "hydroxysteroid dehydrogenase",
    "reductase",
    "hydroxylase",
    "isomerase",
    "side-chain cleavage enzyme",
    "sulfotransferase",
    "aromatase",
];
const GREEK_POSITIONS: &[&str] = &["3α", "3β", "5α", "5β", "11β", "17β", "20α", "21"];
const TISSUES: &[&str] = &["brain", "adrenal gland", "liver", "ovary", "testis", "placenta", "skin"];
const LOCATIONS: &[&str] = &["endoplasmic reticulum", "mitochondrion", "cytosol"];
const COFACTORS: &[&str] = &["NADPH", "NAD+", "NADP+", "FAD", "heme"];
const JOURNALS: &[&str] = &[
    "Journal of Steroid Biochemistry and Molecular Biology",
    "Neuropsychopharmacology",
    "Psychoneuroendocrinology",
    "Frontiers in Endocrinology",
    "Biological Psychiatry",
    "Hormones and Behavior",
];
const SURNAMES: &[&str] = &[
    "Ahmadi",
    "Baulieu",
    "Chen",
    "Dubrovsky",
    "Eriksson",
    "Fujita",
    "García",
    "Hansen",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lambert",
    "Melcangi",
    "Nakamura",
    "Okafor",
    "Paul",
    "Purdy",
    "Reddy",
    "Schüle",
    "Tanaka",
    "Uzunova",
    "Vallée",
    "Weiss",
    "Zorumski",
];
const GRADES: &[&str] = &[
    "regulatory",
    "systematic-review",
    "clinical-trial",
    "clinical-observational",
    "preclinical",
    "expert-opinion",
    "unsupported",
];
const DIRECTIONS: &[&str] = &["supports", "mixed", "contradicts", "insufficient"];

// ---------------------------------------------------------------------------------------
// Uniqueness bookkeeping: ids across every kind, names and synonyms after normalisation.

#[derive(Default)]
struct Registry {
    ids: HashSet<String>,
    /// Normalised name → owning entity (a sequence number).
    names: HashMap<String, usize>,
    next_owner: usize,
}

impl Registry {
    fn owner(&mut self) -> usize {
        self.next_owner += 1;
        self.next_owner
    }

    /// A unique id from a candidate slug (a numeric suffix on collision).
    fn id(&mut self, candidate: &str) -> String {
        let mut id = candidate.to_owned();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{candidate}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    /// A unique display name for `owner` (a numeric suffix on collision).
    fn name(&mut self, owner: usize, candidate: &str) -> String {
        let mut name = candidate.to_owned();
        let mut n = 2;
        loop {
            let key = normalize(&name);
            match self.names.get(&key) {
                Some(o) if *o != owner => {
                    name = format!("{candidate} {n}");
                    n += 1;
                }
                _ => {
                    self.names.insert(key, owner);
                    return name;
                }
            }
        }
    }

    /// Claims a synonym for `owner`; false (and nothing recorded) when another entity has it.
    fn synonym(&mut self, owner: usize, s: &str) -> bool {
        let key = normalize(s);
        if key.is_empty() {
            return false;
        }
        match self.names.get(&key) {
            Some(o) => *o == owner,
            None => {
                self.names.insert(key, owner);
                true
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The generator.

struct SourceIds {
    ids: Vec<String>,
}

impl SourceIds {
    fn consumer(&self, x: usize) -> &str {
        let consumers = self.ids.len().div_ceil(10);
        &self.ids[(x % consumers) * 10]
    }
    fn evidence(&self, x: usize) -> &str {
        let n = self.ids.len();
        let mut k = x % n;
        if k % 10 == 0 {
            k = if k + 1 < n { k + 1 } else { k - 1 };
        }
        &self.ids[k]
    }
    fn any(&self, x: usize) -> &str {
        &self.ids[x % self.ids.len()]
    }
}

/// Generates the document of `n` compounds.
///
/// # Errors
/// Only on a bug of the generator (an invariant it checks as it goes).
pub fn generate(n: usize) -> Result<Value, SynthError> {
    let c = Counts::for_compounds(n);
    let mut reg = Registry::default();

    // Sources.
    let mut sources = Vec::with_capacity(c.sources);
    let mut source_ids = Vec::with_capacity(c.sources);
    for k in 0..c.sources {
        let seed = k as u64 + 1_000_000;
        let w = capitalise(&word(k as u64 + 17));
        let id = reg.id(&format!("src-{}-{}", word(k as u64 + 17), 1990 + k % 36));
        let v = if k % 10 == 0 {
            json!({
                "id": id,
                "kind": "consumer-article",
                "title": format!("How {w} levels shape mood and sleep"),
                "publisher": format!("{w} Health Magazine"),
                "url": format!("https://example.org/articles/{}", id),
                "accessed": date(seed),
            })
        } else {
            let kind = ["journal-article", "review", "journal-article", "database"][k % 4];
            json!({
                "id": id,
                "kind": kind,
                "title": format!(
                    "{} of {}-{} signalling in the {} ({})",
                    (["Regulation", "Biosynthesis", "Metabolism", "Modulation"][k % 4]),
                    pick(GREEK_POSITIONS, seed),
                    w,
                    pick(TISSUES, seed + 1),
                    k
                ),
                "authors": format!("{} A, {} B, {} C", pick(SURNAMES, seed), pick(SURNAMES, seed + 2), pick(SURNAMES, seed + 3)),
                "publisher": pick(JOURNALS, seed + 4),
                "year": 1980 + k % 46,
                "identifiers": [
                    format!("pubmed:{}", 10_000_000 + k),
                    format!("doi:10.{}/ns.{}.{}", 1000 + k % 9000, 1980 + k % 46, k),
                ],
            })
        };
        source_ids.push(id);
        sources.push(v);
    }
    let src = SourceIds { ids: source_ids };

    // Enzyme activities, two gene products each.
    let mut enzymes = Vec::with_capacity(c.enzymes);
    let mut enzyme_ids = Vec::with_capacity(c.enzymes);
    let mut gene_products = Vec::with_capacity(c.gene_products);
    let mut gene_ids = Vec::with_capacity(c.gene_products);
    for e in 0..c.enzymes {
        let seed = e as u64 + 2_000_000;
        let owner = reg.owner();
        let w = word(e as u64 + 300);
        let position = pick(GREEK_POSITIONS, seed);
        let activity = pick(ACTIVITIES, seed + 1);
        let name = reg.name(owner, &format!("{position}-{w} {activity}"));
        let id = reg.id(&slug(&name));
        let abbr = format!("{position}-{}{}", initials(&w), initials(activity));
        let mut synonyms = Vec::new();
        if reg.synonym(owner, &abbr) {
            synonyms.push(abbr.clone());
            let spelled = abbr.replace('α', "alpha").replace('β', "beta").replace('Δ', "delta");
            if spelled != abbr && reg.synonym(owner, &spelled) {
                synonyms.push(spelled);
            }
        }
        let ec = format!(
            "EC:1.{}.{}.{}",
            1 + (e / (99 * 999)) % 99,
            1 + (e / 999) % 99,
            1 + e % 999
        );
        let mut v = json!({
            "id": id,
            "name": name,
            "identifiers": [ec],
            "description": format!("Catalyses the {activity} step at position {position} of {w}-type steroids."),
            "sources": [src.evidence(e * 3)],
        });
        if !synonyms.is_empty() {
            v["synonyms"] = json!(synonyms);
        }
        for k in 0..2 {
            let j = 2 * e + k;
            let gowner = reg.owner();
            let gname = reg.name(gowner, &format!("{name} type {}", k + 1));
            let symbol = format!("{}{}", initials(&w), j + 1);
            let gid = reg.id(&symbol.to_ascii_lowercase());
            let mut identifiers = vec![
                format!("uniprot:{}", uniprot(j as u64)),
                format!("NCBIGene:{}", 100_000 + j),
            ];
            if j < 99_999 {
                identifiers.insert(0, format!("hgnc:{}", j + 1));
            }
            gene_products.push(json!({
                "id": gid,
                "name": gname,
                "symbol": symbol,
                "identifiers": identifiers,
                "activities": [id],
                "tissues": [pick(TISSUES, seed + 10 + k as u64), pick(TISSUES, seed + 20 + k as u64)],
                "locations": [pick(LOCATIONS, seed + 30 + k as u64)],
                "cofactors": [pick(COFACTORS, seed + 40 + k as u64)],
                "direction": (["reductive", "oxidative", "bidirectional"][j % 3]),
                "sources": [src.evidence(j * 5 + 1)],
            }));
            gene_ids.push(gid);
        }
        enzyme_ids.push(id);
        enzymes.push(v);
    }

    // Compounds.
    let mut compounds = Vec::with_capacity(c.compounds);
    let mut compound_ids = Vec::with_capacity(c.compounds);
    let mut compound_names = Vec::with_capacity(c.compounds);
    for i in 0..c.compounds {
        let seed = i as u64;
        let owner = reg.owner();
        let w = word(i as u64 + 1000);
        let prefix = pick(GREEK_PREFIXES, seed);
        let suffix = pick(STEROID_SUFFIXES, seed + 1);
        let name = reg.name(owner, &format!("{prefix}{w}{suffix}"));
        let id = reg.id(&slug(&name));
        let mut synonyms = Vec::new();
        let abbr_prefix: String = prefix
            .split('-')
            .next()
            .filter(|p| p.chars().any(|c| !c.is_ascii_digit()) && p.len() < 8)
            .map(|p| format!("{p}-"))
            .unwrap_or_default();
        let abbr = format!("{abbr_prefix}{}{}", initials(&w), initials(suffix));
        if reg.synonym(owner, &abbr) {
            synonyms.push(abbr.clone());
            let spelled = abbr.replace('α', "alpha").replace('β', "beta").replace('Δ', "delta");
            if spelled != abbr && reg.synonym(owner, &spelled) {
                synonyms.push(spelled);
            }
        }
        let code = format!("NSC-{}", 400_000 + i);
        if reg.synonym(owner, &code) {
            synonyms.push(code);
        }
        let position = i % CHAIN;
        let chain_len = CHAIN.min(c.compounds - (i - position));
        let role = if chain_len == 1 {
            "related-steroid"
        } else if position == 0 {
            "precursor"
        } else if position + 1 == chain_len {
            "endogenous-neurosteroid"
        } else {
            "intermediate"
        };
        let (carbons, hydrogens, oxygens) = (19 + (mix(seed) % 9), 24 + (mix(seed + 7) % 20), 1 + (mix(seed + 9) % 4));
        let mass = 12.011 * carbons as f64 + 1.008 * hydrogens as f64 + 15.999 * oxygens as f64;
        let mut identifiers = vec![
            format!("CHEBI:{}", 200_000 + i),
            format!("pubchem.compound:{}", 5_000_000 + 3 * i),
            format!("cas:{}", cas_number(50_000 + 13 * i as u64)),
            format!("inchikey:{}", inchikey(i as u64)),
        ];
        if i % 50 == 0 && i < 99_999 {
            identifiers.push(format!("drugbank:DB{i:05}"));
        }
        let mut roles = vec![role];
        if i % 7 == 3 {
            roles.push("hormone");
        }
        let v = json!({
            "id": id,
            "name": name,
            "synonyms": synonyms,
            "roles": roles,
            "formula": format!("C{carbons}H{hydrogens}O{oxygens}"),
            "molar_mass": (mass * 100.0).round() / 100.0,
            "identifiers": identifiers,
            "description": format!(
                "A {} steroid of the {} series, made in the {} and measured in plasma and cerebrospinal fluid; its {} group sets its activity at GABA-A receptors.",
                role.replace('-', " "),
                w,
                pick(TISSUES, seed + 3),
                pick(GREEK_POSITIONS, seed + 4),
            ),
            "sources": [src.any(i)],
        });
        compound_ids.push(id);
        compound_names.push(name);
        compounds.push(v);
    }

    // Reactions and pathways: one chain of CHAIN compounds per pathway.
    let mut reactions = Vec::new();
    let mut pathways = Vec::new();
    let mut pathway_of_target: HashMap<usize, String> = HashMap::new();
    let mut start = 0;
    let mut chain = 0usize;
    while start < c.compounds {
        let end = (start + CHAIN).min(c.compounds);
        let mut steps = Vec::new();
        for s in start..end.saturating_sub(1) {
            let k = reactions.len();
            let e = (chain * (CHAIN - 1) + (s - start)) % c.enzymes;
            let candidate = format!("{}-to-{}", compound_ids[s], compound_ids[s + 1]);
            let candidate = if candidate.len() <= 80 {
                candidate
            } else {
                format!("reaction-{k}")
            };
            let id = reg.id(&candidate);
            let mut v = json!({
                "id": id,
                "name": format!("{} → {}", compound_names[s], compound_names[s + 1]),
                "substrate": compound_ids[s],
                "product": compound_ids[s + 1],
                "enzyme": enzyme_ids[e],
                "isoforms": [gene_ids[2 * e], gene_ids[2 * e + 1]],
                "cofactors": [pick(COFACTORS, k as u64 + 77)],
                "locations": [pick(LOCATIONS, k as u64 + 78)],
                "sources": [src.evidence(k * 11 + 2)],
            });
            if s == start {
                v["rate_limiting"] = json!(true);
            }
            if k % 4 == 1 {
                v["reversible"] = json!(true);
            }
            steps.push(id);
            reactions.push(v);
        }
        if !steps.is_empty() {
            let target = end - 1;
            let owner = reg.owner();
            let name = reg.name(owner, &format!("{} biosynthesis", compound_names[target]));
            let candidate = format!("{}-biosynthesis", compound_ids[target]);
            let candidate = if candidate.len() <= 80 {
                candidate
            } else {
                format!("pathway-{chain}")
            };
            let id = reg.id(&candidate);
            pathways.push(json!({
                "id": id,
                "name": name,
                "steps": steps,
                "description": format!("From {} to {} in {} steps.", compound_names[start], compound_names[target], steps.len()),
                "sources": [src.evidence(chain * 13 + 3)],
            }));
            pathway_of_target.insert(target, id);
        }
        start = end;
        chain += 1;
    }

    // Receptors, sites, effects, conditions.
    let mut simple = |count: usize, offset: u64, make: &dyn Fn(&str, usize) -> String| {
        let mut ids = Vec::with_capacity(count);
        let mut names = Vec::with_capacity(count);
        for k in 0..count {
            let owner = reg.owner();
            let w = capitalise(&word(offset + k as u64));
            let name = reg.name(owner, &make(&w, k));
            ids.push(reg.id(&slug(&name)));
            names.push(name);
        }
        (ids, names)
    };
    let (receptor_ids, receptor_names) = simple(c.receptors, 5_000, &|w, k| {
        format!("GABA-A receptor α{}β{}γ2 ({w} variant)", 1 + k % 6, 1 + (k / 6) % 3)
    });
    let (site_ids, site_names) = simple(c.sites, 9_000, &|w, k| {
        format!("{w} {}", (["nucleus", "cortex", "gyrus", "ganglion", "gland"][k % 5]))
    });
    let (effect_ids, effect_names) = simple(c.effects, 13_000, &|w, k| {
        format!(
            "{} ({w} model)",
            (["anxiolysis", "sedation", "anticonvulsant effect", "neurogenesis"][k % 4])
        )
    });
    let (condition_ids, condition_names) = simple(c.conditions, 17_000, &|w, k| {
        format!("{w} {}", (["syndrome", "disorder", "disease"][k % 3]))
    });

    // Therapies and strategies.
    let mut therapies = Vec::with_capacity(c.therapies);
    let mut therapy_ids = Vec::with_capacity(c.therapies);
    let mut therapy_names = Vec::with_capacity(c.therapies);
    for t in 0..c.therapies {
        let seed = t as u64 + 3_000_000;
        let owner = reg.owner();
        let w = word(t as u64 + 21_000);
        let name = reg.name(owner, &format!("{w}xolone"));
        let id = reg.id(&slug(&name));
        let brand = capitalise(&word(t as u64 + 25_000));
        let mut brands = Vec::new();
        if reg.synonym(owner, &brand) {
            brands.push(brand);
        }
        let compound = (t * 37) % c.compounds;
        let condition = t % c.conditions;
        let approved = date(seed);
        let later = format!(
            "{}-12-31",
            2025.min(approved[..4].parse::<u32>().unwrap_or(2000) + 1 + (t as u32 % 4))
        );
        let mut history = vec![json!({
            "date": approved,
            "regulator": "FDA",
            "status": "approved",
            "condition": condition_ids[condition],
            "source": src.evidence(t * 17 + 4),
        })];
        if t % 3 == 0 {
            history.push(json!({
                "date": later,
                "regulator": "EMA",
                "status": "label-change",
                "detail": "Dosing updated for hepatic impairment.",
                "source": src.evidence(t * 17 + 5),
            }));
        }
        let v = json!({
            "id": id,
            "name": name,
            "kind": (["drug-product", "hormone-therapy", "interacting-drug"][t % 3]),
            "brand_names": brands,
            "active_compounds": [compound_ids[compound]],
            "routes": [(["oral", "intravenous", "transdermal", "vaginal"][t % 4])],
            "prescription": t % 5 != 0,
            "indications": [condition_ids[condition]],
            "doses": [{
                "min": 5 + t % 20,
                "max": 30 + t % 50,
                "unit": (["mg", "mg/d", "ug/kg/h", "mg/kg"][t % 4]),
                "timing": "at bedtime",
                "source": src.evidence(t * 17 + 6),
            }],
            "status_history": history,
            "identifiers": [format!("atc:N06AX{}", 100 + t)],
            "sources": [src.evidence(t * 17 + 7)],
        });
        therapy_ids.push(id);
        therapy_names.push(name);
        therapies.push(v);
    }
    let mut strategies = Vec::with_capacity(c.strategies);
    let mut strategy_ids = Vec::with_capacity(c.strategies);
    for s in 0..c.strategies {
        let owner = reg.owner();
        let w = capitalise(&word(s as u64 + 29_000));
        let kind = ["lifestyle", "diet", "supplement", "medication"][s % 4];
        let name = reg.name(
            owner,
            &format!(
                "{w} {}",
                (["breathing practice", "diet", "supplement", "regimen"][s % 4])
            ),
        );
        let id = reg.id(&slug(&name));
        let mut v = json!({
            "id": id,
            "name": name,
            "kind": kind,
            "description": "Said by popular sources to raise neurosteroid levels.",
            "sources": [src.consumer(s)],
        });
        if kind == "medication" {
            v["therapy"] = json!(therapy_ids[s % c.therapies]);
        }
        strategy_ids.push(id);
        strategies.push(v);
    }

    // Claims: one per compound, one or two per therapy, one per strategy.
    let mut claims = Vec::new();
    let mut compound_claims: Vec<String> = Vec::with_capacity(c.compounds);
    let mut acts_on: Vec<Vec<(usize, String)>> = vec![Vec::new(); c.receptors];
    let claim = |reg: &mut Registry,
                 k: usize,
                 subject: &str,
                 subject_name: &str,
                 predicate: &str,
                 object: &str,
                 object_name: &str|
     -> (String, Value) {
        let candidate = format!("{subject}-{predicate}");
        let candidate = if candidate.len() <= 80 {
            candidate
        } else {
            format!("claim-{k}")
        };
        let id = reg.id(&candidate);
        let grade = GRADES[k % GRADES.len()];
        let mut sources = vec![src.evidence(k * 7 + 5).to_owned()];
        if k % 3 == 0 {
            sources.push(src.consumer(k).to_owned());
        }
        let mut v = json!({
            "id": id,
            "statement": format!("{subject_name} {} {object_name}.", predicate.replace('-', " ")),
            "subject": subject,
            "predicate": predicate,
            "object": object,
            "grade": grade,
            "sources": sources,
        });
        if k % 2 == 0 {
            v["direction"] = json!(DIRECTIONS[(k / 2) % DIRECTIONS.len()]);
        }
        if grade == "preclinical" {
            v["notes"] = json!("Rodent and in-vitro data only.");
        }
        (id, v)
    };
    for i in 0..c.compounds {
        let k = claims.len();
        let (pred, obj, obj_name) = match i % 5 {
            0 => {
                let r = (i / 5) % c.receptors;
                ("acts-on", &receptor_ids[r], &receptor_names[r])
            }
            1 => {
                let e = (i / 5) % c.effects;
                ("has-effect", &effect_ids[e], &effect_names[e])
            }
            2 => {
                let d = (i / 5) % c.conditions;
                ("low-levels-associated-with", &condition_ids[d], &condition_names[d])
            }
            3 => {
                let s = (i / 5) % c.sites;
                ("synthesised-in", &site_ids[s], &site_names[s])
            }
            _ => {
                let o = (i + 1) % c.compounds;
                ("precursor-of", &compound_ids[o], &compound_names[o])
            }
        };
        let (id, v) = claim(&mut reg, k, &compound_ids[i], &compound_names[i], pred, obj, obj_name);
        if pred == "acts-on" {
            let r = (i / 5) % c.receptors;
            acts_on[r].push((i, id.clone()));
        }
        compound_claims.push(id);
        claims.push(v);
    }
    for t in 0..c.therapies {
        let d = t % c.conditions;
        let k = claims.len();
        let (_, v) = claim(
            &mut reg,
            k,
            &therapy_ids[t],
            &therapy_names[t],
            "treats",
            &condition_ids[d],
            &condition_names[d],
        );
        claims.push(v);
    }
    for (s, sid) in strategy_ids.iter().enumerate() {
        let o = (s * 101) % c.compounds;
        let id = reg.id(&format!("{sid}-raises-level-of"));
        claims.push(json!({
            "id": id,
            "statement": format!("{} raises {}.", strategies[s]["name"].as_str().unwrap_or(sid), compound_names[o]),
            "subject": sid,
            "predicate": "raises-level-of",
            "object": compound_ids[o],
            "grade": "unsupported",
            "direction": "insufficient",
            "sources": [src.consumer(s + 1)],
        }));
    }

    let receptors: Vec<Value> = (0..c.receptors)
        .map(|r| {
            let mechanisms: Vec<Value> = acts_on[r]
                .iter()
                .take(3)
                .map(|(i, claim_id)| {
                    json!({
                        "ligand": compound_ids[*i],
                        "mode": (["positive-allosteric-modulation", "direct-activation", "negative-allosteric-modulation"][i % 3]),
                        "concentration": "nanomolar",
                        "binding_site": "transmembrane α/β interface",
                        "claims": [claim_id],
                    })
                })
                .collect();
            json!({
                "id": receptor_ids[r],
                "name": receptor_names[r],
                "identifiers": [format!("GO:{}", 1_000_000 + r)],
                "mechanisms": mechanisms,
                "sources": [src.evidence(r * 19 + 8)],
            })
        })
        .collect();
    let plain = |ids: &[String], names: &[String], ident: &dyn Fn(usize) -> Vec<String>| {
        ids.iter()
            .zip(names)
            .enumerate()
            .map(|(k, (id, name))| {
                let mut v = json!({
                    "id": id,
                    "name": name,
                    "sources": [src.evidence(k * 23 + 9)],
                });
                let idents = ident(k);
                if !idents.is_empty() {
                    v["identifiers"] = json!(idents);
                }
                v
            })
            .collect::<Vec<Value>>()
    };
    let sites = plain(&site_ids, &site_names, &|_| Vec::new());
    let effects = plain(&effect_ids, &effect_names, &|_| Vec::new());
    let conditions = plain(&condition_ids, &condition_names, &|k| {
        vec![format!("mesh:D{}", 100_000 + k), format!("NCIT:C{}", 10_000 + k)]
    });

    // Fact sheets about chain targets; coverage of consumer articles.
    let mut fact_sheets = Vec::with_capacity(c.fact_sheets);
    let targets: Vec<(usize, String)> = {
        let mut v: Vec<_> = pathway_of_target.iter().map(|(t, p)| (*t, p.clone())).collect();
        v.sort();
        v
    };
    for f in 0..c.fact_sheets {
        let (subject, entities) = match targets.get(f) {
            Some((t, p)) => (*t, vec![p.clone()]),
            None => (f % c.compounds, Vec::new()),
        };
        let id = reg.id(&format!("{}-sheet", compound_ids[subject]));
        let mut sections = vec![json!({
            "heading": "What it is",
            "kind": "overview",
            "claims": [compound_claims[subject]],
        })];
        if !entities.is_empty() {
            sections.push(json!({
                "heading": "How it is made",
                "kind": "biosynthesis",
                "entities": entities,
            }));
        }
        fact_sheets.push(json!({
            "id": id,
            "subject": compound_ids[subject],
            "title": compound_names[subject],
            "summary": format!("What is known about {}, with the evidence for each claim.", compound_names[subject]),
            "sections": sections,
        }));
    }
    let coverage: Vec<Value> = (0..c.coverage)
        .map(|k| {
            let i = (k * 31) % c.compounds;
            json!({
                "source": src.consumer(k),
                "statement": format!("The article says that {} matters.", compound_names[i]),
                "represented_by": [compound_claims[i]],
            })
        })
        .collect();

    let mut doc = json!({
        "schema_version": "1.0.0",
        "as_of": AS_OF,
        "sources": sources,
        "compounds": compounds,
        "enzymes": enzymes,
        "gene_products": gene_products,
        "reactions": reactions,
        "pathways": pathways,
        "receptors": receptors,
        "sites": sites,
        "effects": effects,
        "conditions": conditions,
        "therapies": therapies,
        "strategies": strategies,
        "claims": claims,
        "fact_sheets": fact_sheets,
        "coverage": coverage,
    });
    cite_every_source(&mut doc)?;
    Ok(doc)
}

/// Adds every source that nothing cites to the first compound's sources.
fn cite_every_source(doc: &mut Value) -> Result<(), SynthError> {
    let mut cited: HashSet<String> = HashSet::new();
    collect_citations(doc, &mut cited);
    let uncited: Vec<String> = doc["sources"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s["id"].as_str())
                .filter(|id| !cited.contains(*id))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if uncited.is_empty() {
        return Ok(());
    }
    let list = doc["compounds"][0]["sources"]
        .as_array_mut()
        .ok_or_else(|| SynthError::Invariant("the first compound has no sources".into()))?;
    list.extend(uncited.into_iter().map(Value::String));
    Ok(())
}

fn collect_citations(doc: &Value, cited: &mut HashSet<String>) {
    for (key, v) in doc.as_object().into_iter().flatten() {
        if key == "sources" {
            continue;
        }
        for e in v.as_array().into_iter().flatten() {
            for s in e["sources"].as_array().into_iter().flatten() {
                if let Some(s) = s.as_str() {
                    cited.insert(s.to_owned());
                }
            }
            if let Some(s) = e["source"].as_str() {
                cited.insert(s.to_owned());
            }
            for field in ["doses", "status_history"] {
                for d in e[field].as_array().into_iter().flatten() {
                    if let Some(s) = d["source"].as_str() {
                        cited.insert(s.to_owned());
                    }
                }
            }
        }
    }
}

/// Writes the document of `n` compounds as indented JSON (the way curated files are kept).
///
/// # Errors
/// When writing fails.
pub fn write_json(n: usize, out: &mut impl Write) -> Result<(), SynthError> {
    let doc = generate(n)?;
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The document of `n` compounds as bytes.
///
/// # Errors
/// As [`generate`].
pub fn to_bytes(n: usize) -> Result<Vec<u8>, SynthError> {
    let mut out = Vec::new();
    write_json(n, &mut out)?;
    Ok(out)
}

/// `target/bench-data` of the workspace (from this crate's manifest directory).
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/bench-data")
        .components()
        .collect()
}

/// Path of the generated file of `n` compounds.
pub fn data_path(n: usize) -> PathBuf {
    data_dir().join(format!("kb-{n}.json"))
}

/// Reads the file of `n` compounds, generating it first when it is missing.
///
/// # Errors
/// When the file can not be written or read.
pub fn ensure(n: usize) -> Result<Vec<u8>, SynthError> {
    let path = data_path(n);
    if let Ok(bytes) = std::fs::read(&path) {
        return Ok(bytes);
    }
    std::fs::create_dir_all(data_dir())?;
    let bytes = to_bytes(n)?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, &bytes)?;
    std::fs::rename(&tmp, &path)?;
    Ok(bytes)
}

/// Benchmark sizes from `NS_BENCH_SIZES` (comma-separated), or [`DEFAULT_SIZES`].
pub fn sizes_from_env() -> Vec<usize> {
    let parsed: Vec<usize> = std::env::var("NS_BENCH_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|p| p.trim().replace('_', "").parse().ok())
                .collect()
        })
        .unwrap_or_default();
    if parsed.is_empty() {
        DEFAULT_SIZES.to_vec()
    } else {
        parsed
    }
}

/// A fixed, varied set of queries for `resolve` on the document of `n` compounds: ids,
/// names, Greek abbreviations written both ways, CURIEs in other prefix cases, brand names
/// and gene symbols. Every query resolves.
pub fn resolve_queries(doc: &Value, count: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    let compounds = doc["compounds"].as_array().map_or(&[][..], Vec::as_slice);
    let genes = doc["gene_products"].as_array().map_or(&[][..], Vec::as_slice);
    let therapies = doc["therapies"].as_array().map_or(&[][..], Vec::as_slice);
    if compounds.is_empty() {
        return out;
    }
    let mut k = 0u64;
    while out.len() < count {
        let h = mix(k);
        let c = &compounds[(h % compounds.len() as u64) as usize];
        let q = match k % 8 {
            0 => c["id"].as_str().map(str::to_owned),
            1 => c["name"].as_str().map(str::to_owned),
            2 => c["name"].as_str().map(|n| n.to_uppercase()),
            3 => c["synonyms"][0].as_str().map(str::to_owned),
            4 => c["synonyms"][0]
                .as_str()
                .map(|s| s.replace('α', "alpha").replace('β', "beta")),
            5 => c["identifiers"][0].as_str().map(|s| s.replace("CHEBI:", "chebi:")),
            6 => genes
                .get((h % genes.len().max(1) as u64) as usize)
                .and_then(|g| g["symbol"].as_str().map(str::to_owned)),
            _ => therapies
                .get((h % therapies.len().max(1) as u64) as usize)
                .and_then(|t| t["brand_names"][0].as_str().map(str::to_owned)),
        };
        if let Some(q) = q {
            out.push(q);
        }
        k += 1;
    }
    out
}

/// Queries for the name index, from the compounds' names (every `7919`th, cycling): the
/// name as written, with one typo (the two middle characters swapped), and with two (also
/// the character at three quarters deleted). `bench/python_bench.py` makes the same ones.
pub fn name_queries(doc: &Value, count: usize) -> NameQueries {
    let compounds = doc["compounds"].as_array().map_or(&[][..], Vec::as_slice);
    let mut q = NameQueries::default();
    if compounds.is_empty() {
        return q;
    }
    for i in 0..count {
        let Some(name) = compounds[(i * 7919) % compounds.len()]["name"].as_str() else {
            continue;
        };
        let mut c: Vec<char> = name.chars().collect();
        q.exact.push(name.to_owned());
        if c.len() >= 4 {
            let m = c.len() / 2;
            c.swap(m - 1, m);
            q.one_typo.push(c.iter().collect());
            c.remove(c.len() * 3 / 4);
            q.two_typos.push(c.iter().collect());
        }
    }
    q
}

/// See [`name_queries`].
#[derive(Debug, Clone, Default)]
pub struct NameQueries {
    /// Names as written.
    pub exact: Vec<String>,
    /// One typo each.
    pub one_typo: Vec<String>,
    /// Two typos each.
    pub two_typos: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cas_check_digits_are_right() {
        for body in [100, 5_000, 773_218, 50_013, 1_350_000] {
            let cas = cas_number(body);
            assert!(
                neurosteroid::model::Curie::parse(&format!("cas:{cas}"))
                    .is_ok_and(|c| c.check_digit_ok() == Some(true)),
                "{cas}"
            );
        }
        assert_eq!(cas_number(773_218), "7732-18-5");
    }

    #[test]
    fn words_and_slugs() {
        assert_eq!(word(0).len(), 6);
        assert_ne!(word(1), word(2));
        assert_eq!(slug("3α,5β-Tetrahydro X"), "3alpha-5beta-tetrahydro-x");
        let u = uniprot(12_345);
        assert!(neurosteroid::model::Curie::parse(&format!("uniprot:{u}")).is_ok());
        let k = inchikey(7);
        assert!(neurosteroid::model::Curie::parse(&format!("inchikey:{k}")).is_ok());
    }

    #[test]
    fn deterministic() {
        let a = to_bytes(30).unwrap_or_default();
        let b = to_bytes(30).unwrap_or_default();
        assert!(!a.is_empty());
        assert_eq!(a, b);
    }
}
