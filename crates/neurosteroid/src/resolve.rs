//! Name resolution and search: case, spacing, punctuation and Greek letters normalised,
//! CURIEs in any prefix case, typo tolerance, ambiguity reported rather than guessed.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::model::{Curie, EntityKind, wire_enum};

use crate::names::{MAX_FUZZY_CHARS, similarity_at_least, stereo_signature};
pub use crate::names::{closest, normalize};

wire_enum! {
    /// How a query matched an entity.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
    pub enum MatchKind ("match kind") {
        /// The entity's id.
        Id = "id",
        /// An external identifier (CURIE).
        Identifier = "identifier",
        /// A name, synonym, brand name or symbol, after normalisation.
        Name = "name",
        /// The query starts a name.
        Prefix = "prefix",
        /// The query is inside a name.
        Substring = "substring",
        /// A name within a small edit distance.
        Fuzzy = "fuzzy",
    }
}

/// Where an entity sits in a knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey {
    pub(crate) kind: EntityKind,
    pub(crate) index: u32,
}

impl EntityKey {
    /// Its kind.
    pub fn kind(self) -> EntityKind {
        self.kind
    }

    /// Its position in its collection.
    pub fn index(self) -> usize {
        self.index as usize
    }
}

/// The name and identifier index of a knowledge base.
#[derive(Debug, Default, Clone)]
pub(crate) struct NameIndex {
    /// Normalised name → entities having it.
    pub(crate) names: HashMap<String, Vec<EntityKey>>,
    /// Canonical CURIE → entities having it.
    pub(crate) identifiers: HashMap<String, Vec<EntityKey>>,
    /// Every (normalised name, entity, original name), for prefix and fuzzy search.
    pub(crate) all: Vec<(String, EntityKey, String)>,
    /// The candidate index over `all` for search and typo tolerance, built on first use.
    pub(crate) candidates: std::sync::OnceLock<crate::index::Candidates>,
}

impl NameIndex {
    pub(crate) fn add_name(&mut self, name: &str, key: EntityKey) {
        let n = normalize(name);
        if n.is_empty() {
            return;
        }
        let v = self.names.entry(n.clone()).or_default();
        if !v.contains(&key) {
            v.push(key);
        }
        self.all.push((n, key, name.to_owned()));
    }

    pub(crate) fn add_identifier(&mut self, curie: &Curie, key: EntityKey) {
        let v = self.identifiers.entry(curie.canonical().to_string()).or_default();
        if !v.contains(&key) {
            v.push(key);
        }
    }

    /// Exact lookups: CURIE, then normalised name.
    pub(crate) fn exact(&self, text: &str) -> Option<(MatchKind, &[EntityKey])> {
        if let Ok(c) = Curie::parse(text.trim()) {
            if let Some(v) = self.identifiers.get(&c.canonical().to_string()) {
                return Some((MatchKind::Identifier, v));
            }
        }
        let n = normalize(text);
        self.names.get(&n).map(|v| (MatchKind::Name, v.as_slice()))
    }

    /// Scored candidates for a query, best first, at most one per entity, by a scan of
    /// every name: the reference that the indexed paths ([`crate::index`]) must agree with.
    pub(crate) fn scored(&self, text: &str) -> Vec<(EntityKey, f64, MatchKind, String)> {
        self.scored_over(text, 0..self.all.len())
    }

    /// [`NameIndex::scored`] over some entries of `all` only, in ascending order. Entries
    /// left out must not match the query; the answer is then the scan's answer.
    pub(crate) fn scored_over(
        &self,
        text: &str,
        entries: impl IntoIterator<Item = usize>,
    ) -> Vec<(EntityKey, f64, MatchKind, String)> {
        let q = normalize(text);
        let mut best: HashMap<EntityKey, (f64, MatchKind, String)> = HashMap::default();
        let mut offer = |key: EntityKey, score: f64, how: MatchKind, matched: &str| {
            let e = best.entry(key).or_insert((0.0, how, String::new()));
            if score > e.0 {
                *e = (score, how, matched.to_owned());
            }
        };
        if let Some((how, keys)) = self.exact(text) {
            for k in keys {
                offer(*k, 1.0, how, text.trim());
            }
        }
        let q_signature = (q.chars().count() <= MAX_FUZZY_CHARS).then(|| stereo_signature(&q));
        if !q.is_empty() {
            for i in entries {
                let (n, key, original) = &self.all[i];
                if let Some((s, how)) = score_name(&q, q_signature.as_deref(), n) {
                    offer(*key, s, how, original);
                }
            }
        }
        let mut v: Vec<_> = best.into_iter().map(|(k, (s, how, m))| (k, s, how, m)).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// How well the normalised name `n` matches the normalised, non-empty query `q` (whose
/// stereo signature is `q_signature` when it is short enough for typo tolerance).
pub(crate) fn score_name(q: &str, q_signature: Option<&str>, n: &str) -> Option<(f64, MatchKind)> {
    if n == q {
        Some((1.0, MatchKind::Name))
    } else if n.starts_with(q) {
        Some((0.8 + 0.1 * (q.len() as f64 / n.len() as f64), MatchKind::Prefix))
    } else if q.len() >= 3 && n.contains(q) {
        Some((0.6 + 0.1 * (q.len() as f64 / n.len() as f64), MatchKind::Substring))
    } else if q.len() >= 4
        && n.len().abs_diff(q.len()) <= FUZZY_MAX_BYTE_DIFF
        && q_signature == Some(stereo_signature(n).as_str())
    {
        // Typos are forgiven only between names with the same locants and
        // stereodescriptors: 5α and 5β are different compounds.
        similarity_at_least(q, n, FUZZY_MIN_SIMILARITY).map(|sim| (sim * FUZZY_WEIGHT, MatchKind::Fuzzy))
    } else {
        None
    }
}

/// Largest difference in length (bytes of the normalised forms) of a typo match.
pub(crate) const FUZZY_MAX_BYTE_DIFF: usize = 3;
/// Least similarity (`1 - distance / longer length`) of a typo match.
pub(crate) const FUZZY_MIN_SIMILARITY: f64 = 0.75;
/// A typo match scores its similarity times this weight (below any prefix match).
pub(crate) const FUZZY_WEIGHT: f64 = 0.75;

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn greek_letters_spelled_or_not() {
        let k = normalize("5α-DHP");
        assert_eq!(k, "5adhp");
        assert_eq!(normalize("5a-DHP"), k);
        assert_eq!(normalize("5alpha-DHP"), k);
        assert_eq!(normalize("5-alpha DHP"), k);
        assert_eq!(normalize("3α,5α-THP"), normalize("3alpha,5alpha-THP"));
        assert_eq!(normalize("GABA-A"), normalize("GABAA"));
        assert_eq!(normalize("alphaxalone"), "alphaxalone");
    }
}
