//! Name resolution and search: case, spacing, punctuation and Greek letters normalised,
//! CURIEs in any prefix case, typo tolerance, ambiguity reported rather than guessed.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::model::{Curie, EntityKind};

/// Normalises a name for matching: lowercase; Greek letters, written or spelled after a
/// digit or at a word boundary, become latin letters (`5α`, `5alpha`, `5a` are one key);
/// everything that is not a letter or digit is dropped.
pub fn normalize(text: &str) -> String {
    const SPELLED: [(&str, char); 5] = [
        ("alpha", 'a'),
        ("beta", 'b'),
        ("gamma", 'g'),
        ("delta", 'd'),
        ("epsilon", 'e'),
    ];
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    let mut prev_alpha = false;
    while let Some(c) = rest.chars().next() {
        let greek = match c {
            'α' => Some('a'),
            'β' => Some('b'),
            'γ' => Some('g'),
            'δ' | 'Δ' => Some('d'),
            'ε' => Some('e'),
            'κ' => Some('k'),
            'ω' => Some('w'),
            _ => None,
        };
        if let Some(g) = greek {
            out.push(g);
        } else if c.is_alphabetic() && !prev_alpha {
            let spelled = SPELLED.iter().find(|(word, _)| {
                rest.starts_with(word) && rest[word.len()..].chars().next().is_none_or(|n| !n.is_alphabetic())
            });
            if let Some((word, letter)) = spelled {
                out.push(*letter);
                rest = &rest[word.len()..];
                prev_alpha = true;
                continue;
            }
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push(c);
        }
        prev_alpha = c.is_alphabetic();
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The candidate closest to `query` (for "did you mean" hints), if any is close enough.
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let q = query.to_lowercase();
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(&q, &c.to_lowercase());
        if score >= 0.6 && best.is_none_or(|(_, b)| score > b) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// How a query matched an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The entity's id.
    Id,
    /// An external identifier (CURIE).
    Identifier,
    /// A name, synonym, brand name or symbol, after normalisation.
    Name,
    /// The query starts a name.
    Prefix,
    /// The query is inside a name.
    Substring,
    /// A name within a small edit distance.
    Fuzzy,
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
        let v = self.identifiers.entry(curie.to_string()).or_default();
        if !v.contains(&key) {
            v.push(key);
        }
    }

    /// Exact lookups: CURIE, then normalised name.
    pub(crate) fn exact(&self, text: &str) -> Option<(MatchKind, &[EntityKey])> {
        if let Ok(c) = Curie::parse(text.trim()) {
            if let Some(v) = self.identifiers.get(&c.to_string()) {
                return Some((MatchKind::Identifier, v));
            }
        }
        let n = normalize(text);
        self.names.get(&n).map(|v| (MatchKind::Name, v.as_slice()))
    }

    /// Scored candidates for a query, best first, at most one per entity.
    pub(crate) fn scored(&self, text: &str) -> Vec<(EntityKey, f64, MatchKind, String)> {
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
        if !q.is_empty() {
            for (n, key, original) in &self.all {
                let score = if *n == q {
                    Some((1.0, MatchKind::Name))
                } else if n.starts_with(&q) {
                    Some((0.8 + 0.1 * (q.len() as f64 / n.len() as f64), MatchKind::Prefix))
                } else if q.len() >= 3 && n.contains(&q) {
                    Some((0.6 + 0.1 * (q.len() as f64 / n.len() as f64), MatchKind::Substring))
                } else if q.len() >= 4 && n.len().abs_diff(q.len()) <= 3 {
                    let sim = strsim::normalized_damerau_levenshtein(&q, n);
                    (sim >= 0.75).then_some((sim * 0.75, MatchKind::Fuzzy))
                } else {
                    None
                };
                if let Some((s, how)) = score {
                    offer(*key, s, how, original);
                }
            }
        }
        let mut v: Vec<_> = best.into_iter().map(|(k, (s, how, m))| (k, s, how, m)).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

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
