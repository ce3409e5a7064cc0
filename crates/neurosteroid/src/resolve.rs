//! Name resolution and search: case, spacing, punctuation and Greek letters normalised,
//! CURIEs in any prefix case, typo tolerance, ambiguity reported rather than guessed.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::kb::KnowledgeBase;
use crate::model::{Curie, EntityKind, EntityRef, wire_enum};

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

/// The result of [`KnowledgeBase::resolve`].
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution<'a> {
    /// The entity the text names.
    pub entity: EntityRef<'a>,
    /// How it matched.
    pub matched_by: MatchKind,
    /// Entities the same text also names and that are related to `entity` (the active
    /// compound of a medicine named by its INN).
    pub related: Vec<EntityRef<'a>>,
}

/// One result of [`KnowledgeBase::search`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Entity id.
    pub id: String,
    /// Entity kind.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// The name or identifier that matched.
    pub matched: String,
    /// How it matched.
    pub how: MatchKind,
    /// Score in (0, 1]; 1 is an exact match.
    pub score: f64,
}

impl KnowledgeBase {
    /// Resolves free text to one entity: an id, a CURIE in any prefix case, a name, synonym,
    /// abbreviation, brand name or gene symbol (case, spacing, punctuation and Greek letters
    /// normalised), or, failing those, a single name within one or two typos.
    ///
    /// A medicine (by INN, brand or id) resolves to the medicine, with its active compounds
    /// in [`Resolution::related`] — for every medicine, also when the INN is the compound's
    /// own id (`zuranolone`); [`KnowledgeBase::get`] looks up by id alone, and compound
    /// queries (`biosynthesis`, `conditions_linked`, ...) take the compound from `related`.
    ///
    /// # Errors
    /// [`Error::Ambiguous`] when the text names unrelated entities; [`Error::NotFound`] with
    /// suggestions when it names none.
    pub fn resolve(&self, text: &str) -> Result<Resolution<'_>> {
        let mut r = self.resolve_one(text)?;
        // A medicine brings its active compounds along, however it was named.
        if let EntityRef::Therapy(t) = r.entity {
            for c in &t.active_compounds {
                if let Some(e) = self.get(c.as_str()) {
                    if !r.related.iter().any(|x| x.id() == e.id()) {
                        r.related.push(e);
                    }
                }
            }
        }
        Ok(r)
    }

    fn resolve_one(&self, text: &str) -> Result<Resolution<'_>> {
        let by_id = self.ids().get(text.trim()).map(|k| self.entity(*k));
        let id_only = |entity| Resolution {
            entity,
            matched_by: MatchKind::Id,
            related: Vec::new(),
        };
        // Ids are indexed as names too, so that a medicine's id that is also its active
        // compound's synonym (`brexanolone`) brings the compound along as related.
        if let Some((how, keys)) = self.names().exact(text) {
            return match (self.pick(text, how, keys), by_id) {
                (Ok(mut r), Some(e)) if r.entity.id() == e.id() => {
                    r.matched_by = MatchKind::Id;
                    Ok(r)
                }
                (Ok(r), None) => Ok(r),
                // A medicine's INN names the medicine, even when the INN is also its active
                // compound's id (`zuranolone`): the compound follows in `related`.
                (Ok(r), Some(e))
                    if matches!(r.entity, EntityRef::Therapy(_)) && r.related.iter().any(|x| x.id() == e.id()) =>
                {
                    Ok(r)
                }
                // The id names one of the related entities: it leads, the others follow.
                (Ok(r), Some(e)) if r.related.iter().any(|x| x.id() == e.id()) => {
                    let related = std::iter::once(r.entity)
                        .chain(r.related)
                        .filter(|x| x.id() != e.id())
                        .collect();
                    Ok(Resolution {
                        entity: e,
                        matched_by: MatchKind::Id,
                        related,
                    })
                }
                // An exact id beats a name shared with unrelated entities.
                (_, Some(e)) => Ok(id_only(e)),
                (Err(err), None) => Err(err),
            };
        }
        if let Some(e) = by_id {
            return Ok(id_only(e));
        }
        // Typo tolerance: accept a fuzzy match only when exactly one entity is that close.
        let scored = self.names().scored_for_resolve(text);
        let fuzzy: Vec<_> = scored
            .iter()
            .filter(|(_, s, how, _)| *how == MatchKind::Fuzzy && *s >= crate::index::RESOLVE_MIN_FUZZY_SCORE)
            .collect();
        if let [(key, s, ..), rest @ ..] = fuzzy.as_slice() {
            if rest.iter().all(|(_, s2, ..)| s - s2 > 0.05) {
                return Ok(Resolution {
                    entity: self.entity(*key),
                    matched_by: MatchKind::Fuzzy,
                    related: Vec::new(),
                });
            }
        }
        Err(self.not_found(text))
    }

    fn pick(&self, text: &str, how: MatchKind, keys: &[EntityKey]) -> Result<Resolution<'_>> {
        let entities: Vec<EntityRef<'_>> = keys.iter().map(|k| self.entity(*k)).collect();
        if let [only] = entities.as_slice() {
            return Ok(Resolution {
                entity: *only,
                matched_by: how,
                related: Vec::new(),
            });
        }
        // A product and its active compounds, or a strategy and its medicine, share names.
        let primary = entities
            .iter()
            .find(|e| entities.iter().all(|other| other.id() == e.id() || e.includes(other)));
        match primary {
            Some(p) => Ok(Resolution {
                entity: *p,
                matched_by: how,
                related: entities.iter().filter(|e| e.id() != p.id()).copied().collect(),
            }),
            None => Err(Error::Ambiguous {
                query: text.to_owned(),
                candidates: entities.iter().map(|e| e.id().to_string()).collect(),
            }),
        }
    }

    /// Ranked matches over ids, names, synonyms and identifiers, with typo tolerance.
    ///
    /// Ranked by match quality first (exact; then the start of a name or of a word inside
    /// it; then elsewhere inside a name; then a near miss), then by kind
    /// for the same quality — entities (compounds, medicines, enzymes, gene products,
    /// conditions, receptors) before strategies, effects, sites, reactions and pathways,
    /// before claims and fact sheets, before sources — then by score.
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.search_kind(text, limit, None)
    }

    /// [`KnowledgeBase::search`] over one kind of entity only (when `kind` is given).
    pub fn search_kind(&self, text: &str, limit: usize, kind: Option<EntityKind>) -> Vec<SearchHit> {
        let scored = self.names().scored_for_search(text, limit, kind, kind_rank);
        self.ranked(text, scored, limit, kind)
    }

    /// [`KnowledgeBase::search_kind`] by a scan of every name, without the index: the
    /// reference that the indexed search is tested and benchmarked against. Same answers,
    /// slower (linear in the number of names).
    #[doc(hidden)]
    pub fn search_kind_by_scan(&self, text: &str, limit: usize, kind: Option<EntityKind>) -> Vec<SearchHit> {
        self.ranked(text, self.names().scored(text), limit, kind)
    }

    /// The index of names, for the tests that compare the indexed answers with the scan's.
    #[cfg(test)]
    pub(crate) fn name_index(&self) -> &NameIndex {
        self.names()
    }

    /// The first `limit` search hits among scored candidates.
    pub(crate) fn ranked(
        &self,
        text: &str,
        scored: Vec<crate::index::Scored>,
        limit: usize,
        kind: Option<EntityKind>,
    ) -> Vec<SearchHit> {
        let q = crate::resolve::normalize(text);
        let mut hits: Vec<(u8, u8, SearchHit)> = scored
            .into_iter()
            .filter(|(key, ..)| kind.is_none_or(|k| key.kind == k))
            .map(|(key, score, how, matched)| {
                let e = self.entity(key);
                let quality = match how {
                    MatchKind::Id | MatchKind::Identifier | MatchKind::Name => 0,
                    MatchKind::Prefix => 1,
                    MatchKind::Substring if word_start(&matched, &q) => 1,
                    MatchKind::Substring => 2,
                    MatchKind::Fuzzy => 3,
                };
                let hit = SearchHit {
                    id: e.id().to_string(),
                    kind: e.kind().as_str().to_owned(),
                    name: e.name().to_owned(),
                    matched,
                    how,
                    score,
                };
                (quality, kind_rank(key.kind), hit)
            })
            .collect();
        hits.sort_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then(b.2.score.total_cmp(&a.2.score))
                .then_with(|| a.2.id.cmp(&b.2.id))
        });
        hits.into_iter().take(limit).map(|(_, _, h)| h).collect()
    }
}

/// Search order of kinds for the same match quality: entities a user looks up first,
/// claims and sources last.
fn kind_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Compound
        | EntityKind::Therapy
        | EntityKind::Enzyme
        | EntityKind::GeneProduct
        | EntityKind::Condition
        | EntityKind::Receptor => 0,
        EntityKind::Claim | EntityKind::FactSheet => 2,
        EntityKind::Source => 3,
        _ => 1,
    }
}

/// True when the normalised query starts a word of `name` (after a space, hyphen or other
/// separator): `progesteron` in `oral micronized progesterone`, not in
/// `tetrahydroprogesterone`.
fn word_start(name: &str, normalized_query: &str) -> bool {
    name.char_indices()
        .filter(|&(i, _)| i == 0 || name[..i].chars().next_back().is_some_and(|p| !p.is_alphanumeric()))
        .any(|(i, _)| crate::resolve::normalize(&name[i..]).starts_with(normalized_query))
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
