//! The candidate index behind [`KnowledgeBase::search`](crate::KnowledgeBase::search) and
//! the typo tolerance of [`KnowledgeBase::resolve`](crate::KnowledgeBase::resolve).
//!
//! The answers are defined by a scan of every name ([`NameIndex::scored`]): a name matches
//! exactly, as a prefix, as a substring, or within a bounded edit distance (same stereo
//! signature, similarity at least [`FUZZY_MIN_SIMILARITY`]). This index only finds, without
//! a scan, a set of entities that surely contains every entity the scan would report (or,
//! for search, every entity of the first `limit` hits); those entities are then scored by
//! the scan's own code ([`NameIndex::scored_over`]) over their own names, so that scores,
//! the matched name and the order are the scan's, and a test compares both on every name
//! and a set of typos.
//!
//! - exact and prefix matches: the distinct normalised names, sorted (a binary search);
//! - substring matches: byte trigrams of the names (the query's rarest trigrams, then a
//!   check that the name contains the query);
//! - typo matches: per stereo signature, the sorted names walked as a trie with one row of
//!   the edit-distance table per character (optimal string alignment, as
//!   [`crate::names::bounded_distance`]), cutting every branch whose rows exceed the bound.
//!   Search widens the bound one edit at a time until the first `limit` hits are certain.
//!
//! Built on the first search or typo-tolerant resolution, not at load time.

use rustc_hash::FxHashMap as HashMap;

use crate::model::EntityKind;
use crate::names::{MAX_FUZZY_CHARS, stereo_signature};
use crate::resolve::{
    EntityKey, FUZZY_MAX_BYTE_DIFF, FUZZY_MIN_SIMILARITY, FUZZY_WEIGHT, MatchKind, NameIndex, normalize,
};

/// Least score of a typo match that `resolve` accepts.
pub(crate) const RESOLVE_MIN_FUZZY_SCORE: f64 = 0.65;

/// The similarity a typo match needs to score [`RESOLVE_MIN_FUZZY_SCORE`] (a hair less, so
/// that rounding never leaves out a name that scores exactly that).
const RESOLVE_MIN_SIMILARITY: f64 = RESOLVE_MIN_FUZZY_SCORE / FUZZY_WEIGHT - 1e-9;

/// One scored candidate: entity, score, how it matched, the name that matched.
pub(crate) type Scored = (EntityKey, f64, MatchKind, String);

/// The names of a [`NameIndex`] indexed for prefix, substring and typo lookups.
#[derive(Clone, Default)]
pub(crate) struct Candidates {
    /// Distinct normalised names, sorted by bytes (which is also the order of their
    /// characters).
    names: Vec<Box<str>>,
    /// `name_entries[name_start[i]..name_start[i + 1]]`: the entries of `all` named `names[i]`.
    name_start: Vec<u32>,
    name_entries: Vec<u32>,
    /// Byte trigram → `postings[range]`: the sorted ids of the names containing it.
    trigrams: HashMap<[u8; 3], (u32, u32)>,
    postings: Vec<u32>,
    /// The entity (group) of each entry of `all`, and the entries of each group, ascending.
    entry_group: Vec<u32>,
    group_start: Vec<u32>,
    group_entries: Vec<u32>,
    /// Stereo signature → the names with it that take part in typo matching.
    fuzzy: HashMap<String, Trie>,
}

impl std::fmt::Debug for Candidates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Candidates")
            .field("names", &self.names.len())
            .field("trigrams", &self.trigrams.len())
            .field("signatures", &self.fuzzy.len())
            .finish()
    }
}

/// Sorted names of one stereo signature, as characters, walked as a trie.
#[derive(Clone, Default)]
struct Trie {
    /// Ids (into [`Candidates::names`]) in sorted order.
    ids: Vec<u32>,
    /// `chars[start[i]..start[i + 1]]`: the characters of name `ids[i]`.
    start: Vec<u32>,
    chars: Vec<char>,
}

impl Trie {
    fn len(&self) -> usize {
        self.ids.len()
    }

    fn name(&self, i: usize) -> &[char] {
        &self.chars[self.start[i] as usize..self.start[i + 1] as usize]
    }

    /// The first name from `from` on that does not start with `prefix` (or the end), when the
    /// names from `from` that do start with it come first (as sorted names after one with
    /// that prefix do).
    fn first_without(&self, from: usize, prefix: &[char]) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.name(mid).starts_with(prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Ids of the names within optimal-string-alignment distance `k` of `q`, among names of
    /// at most `max_len` characters.
    fn within(&self, q: &[char], k: usize, max_len: usize, out: &mut Vec<u32>) {
        let m = q.len();
        let w = m + 1;
        // rows[d * w + j]: distance between the first d characters of the current name and
        // the first j of the query.
        let mut rows = vec![0usize; (max_len + 1) * w];
        for (j, r) in rows.iter_mut().take(w).enumerate() {
            *r = j;
        }
        let mut valid = 0usize; // rows 0..=valid (those that exist) hold the prefix of `prev`
        let mut prev: &[char] = &[];
        let mut i = 0;
        while i < self.len() {
            let s = self.name(i);
            let common = prev.iter().zip(s).take_while(|(a, b)| a == b).count();
            let mut d = common.min(valid);
            let mut cut = None;
            while d < s.len() {
                d += 1;
                if d > max_len {
                    // Row `d` is not computed (there is none), but no later name reads it:
                    // every one that shares these `d` characters is skipped below, so the
                    // next has fewer in common with this one.
                    cut = Some(d);
                    break;
                }
                let c = s[d - 1];
                let (before, row) = rows.split_at_mut(d * w);
                let up = &before[(d - 1) * w..];
                let up2 = (d >= 2).then(|| &before[(d - 2) * w..][..w]);
                row[0] = d;
                let mut least = d;
                for j in 1..=m {
                    let cost = usize::from(q[j - 1] != c);
                    let mut v = (up[j] + 1).min(row[j - 1] + 1).min(up[j - 1] + cost);
                    if let Some(up2) = up2 {
                        if j >= 2 && c == q[j - 2] && s[d - 2] == q[j - 1] {
                            v = v.min(up2[j - 2] + 1);
                        }
                    }
                    row[j] = v;
                    least = least.min(v);
                }
                // No longer name under this prefix can come back within `k`: a row's least
                // value is at least the smaller of the previous row's and the one before's
                // plus one (a transposition), and the one before's is at least this row's
                // least minus one (no value is more than one above the value over it).
                if least > k {
                    cut = Some(d);
                    break;
                }
            }
            valid = d;
            prev = s;
            if let Some(cut) = cut {
                // Skip this name and every following one that shares the cut prefix (`cut`
                // is at most this name's length).
                i = self.first_without(i, &s[..cut]);
                continue;
            }
            if rows[d * w + m] <= k {
                out.push(self.ids[i]);
            }
            i += 1;
        }
    }
}

impl Candidates {
    fn build(all: &[(String, EntityKey, String)]) -> Candidates {
        // Distinct names and their entries.
        let mut order: Vec<u32> = (0..all.len() as u32).collect();
        order.sort_by(|&a, &b| all[a as usize].0.cmp(&all[b as usize].0).then(a.cmp(&b)));
        let mut names: Vec<Box<str>> = Vec::new();
        let mut name_start = Vec::new();
        let mut name_entries = Vec::with_capacity(all.len());
        for &e in &order {
            let n = all[e as usize].0.as_str();
            if names.last().is_none_or(|last| &**last != n) {
                names.push(n.into());
                name_start.push(name_entries.len() as u32);
            }
            name_entries.push(e);
        }
        name_start.push(name_entries.len() as u32);

        // Trigram postings (ids ascending, each once).
        let mut grams: HashMap<[u8; 3], Vec<u32>> = HashMap::default();
        for (id, n) in names.iter().enumerate() {
            for g in n.as_bytes().windows(3) {
                let v = grams.entry([g[0], g[1], g[2]]).or_default();
                if v.last() != Some(&(id as u32)) {
                    v.push(id as u32);
                }
            }
        }
        let mut trigrams = HashMap::default();
        let mut postings = Vec::with_capacity(grams.values().map(Vec::len).sum());
        for (g, v) in grams {
            let lo = postings.len() as u32;
            postings.extend(v);
            trigrams.insert(g, (lo, postings.len() as u32));
        }

        // Entities: the entries of each, ascending.
        let mut group_of: HashMap<EntityKey, u32> = HashMap::default();
        let mut entry_group = Vec::with_capacity(all.len());
        for (_, key, _) in all {
            let next = group_of.len() as u32;
            entry_group.push(*group_of.entry(*key).or_insert(next));
        }
        let mut group_start = vec![0u32; group_of.len() + 1];
        for &g in &entry_group {
            group_start[g as usize + 1] += 1;
        }
        for i in 1..group_start.len() {
            group_start[i] += group_start[i - 1];
        }
        let mut fill = group_start.clone();
        let mut group_entries = vec![0u32; all.len()];
        for (e, &g) in entry_group.iter().enumerate() {
            group_entries[fill[g as usize] as usize] = e as u32;
            fill[g as usize] += 1;
        }

        // Typo matching: names short enough, by signature, in sorted order.
        let mut fuzzy: HashMap<String, Trie> = HashMap::default();
        for (id, n) in names.iter().enumerate() {
            if n.chars().count() > MAX_FUZZY_CHARS {
                continue;
            }
            let t = fuzzy.entry(stereo_signature(n)).or_default();
            if t.start.is_empty() {
                t.start.push(0);
            }
            t.ids.push(id as u32);
            t.chars.extend(n.chars());
            t.start.push(t.chars.len() as u32);
        }
        Candidates {
            names,
            name_start,
            name_entries,
            trigrams,
            postings,
            entry_group,
            group_start,
            group_entries,
            fuzzy,
        }
    }

    fn entries_of_name(&self, id: u32) -> &[u32] {
        &self.name_entries[self.name_start[id as usize] as usize..self.name_start[id as usize + 1] as usize]
    }

    fn entries_of_group(&self, g: u32) -> &[u32] {
        &self.group_entries[self.group_start[g as usize] as usize..self.group_start[g as usize + 1] as usize]
    }

    fn posting(&self, g: &[u8]) -> &[u32] {
        match self.trigrams.get(&[g[0], g[1], g[2]]) {
            Some(&(lo, hi)) => &self.postings[lo as usize..hi as usize],
            None => &[],
        }
    }

    /// Ids of the names that start with or contain `q` (contain: only when `q` has at
    /// least 3 bytes, as in the scan).
    fn prefix_or_substring(&self, q: &str, out: &mut Vec<u32>) {
        if q.len() >= 3 {
            let mut lists: Vec<&[u32]> = q.as_bytes().windows(3).map(|g| self.posting(g)).collect();
            lists.sort_by_key(|l| l.len());
            let Some(first) = lists.first() else { return };
            let second = lists.get(1).copied().unwrap_or(&[]);
            for &id in *first {
                if (lists.len() < 2 || second.binary_search(&id).is_ok()) && self.names[id as usize].contains(q) {
                    out.push(id);
                }
            }
        } else {
            let lo = self.names.partition_point(|n| &**n < q);
            out.extend(
                (lo..self.names.len())
                    .take_while(|&i| self.names[i].starts_with(q))
                    .map(|i| i as u32),
            );
        }
    }

    /// Ids of the names within `k` edits of `q` with its signature and a length the scan
    /// compares (at most [`FUZZY_MAX_BYTE_DIFF`] bytes longer).
    fn typos(&self, q: &str, q_chars: &[char], signature: &str, k: usize, out: &mut Vec<u32>) {
        if let Some(trie) = self.fuzzy.get(signature) {
            let max_len = (q.len() + FUZZY_MAX_BYTE_DIFF).min(MAX_FUZZY_CHARS);
            trie.within(q_chars, k, max_len, out);
        }
    }

    /// Adds the groups (entities) of the names `ids` to `groups`.
    fn groups_of(&self, ids: &[u32], groups: &mut Vec<u32>) {
        for &id in ids {
            groups.extend(self.entries_of_name(id).iter().map(|&e| self.entry_group[e as usize]));
        }
    }

    /// The entries of `groups`, ascending, each once.
    fn entries_of(&self, groups: &mut Vec<u32>) -> Vec<usize> {
        groups.sort_unstable();
        groups.dedup();
        let mut entries: Vec<usize> = groups
            .iter()
            .flat_map(|&g| self.entries_of_group(g).iter().map(|&e| e as usize))
            .collect();
        entries.sort_unstable();
        entries
    }
}

/// What a typo search needs to know of a normalised query.
struct Typo {
    chars: Vec<char>,
    signature: String,
    /// Longest name (characters) a typo match can have.
    longest: usize,
}

impl Typo {
    /// `None` when the scan forgives no typo in this query.
    fn of(q: &str) -> Option<Typo> {
        let chars: Vec<char> = q.chars().collect();
        if q.len() < 4 || chars.len() > MAX_FUZZY_CHARS {
            return None;
        }
        let longest = chars.len().max(q.len() + FUZZY_MAX_BYTE_DIFF).min(MAX_FUZZY_CHARS);
        Some(Typo {
            signature: stereo_signature(q),
            chars,
            longest,
        })
    }

    /// The most edits a name can be from the query and still reach `similarity`
    /// (`1 - d / longer`), over every length a match can have; a little generous, never
    /// short (the scan's own check decides).
    fn edits_for(&self, similarity: f64) -> usize {
        ((1.0 - similarity) * self.longest as f64 + 1e-6).floor() as usize
    }

    /// An upper bound on the score of a typo match more than `k` edits away.
    fn score_beyond(&self, k: usize) -> f64 {
        FUZZY_WEIGHT * (1.0 - (k + 1) as f64 / self.longest as f64)
    }
}

impl NameIndex {
    fn candidates(&self) -> &Candidates {
        self.candidates.get_or_init(|| Candidates::build(&self.all))
    }

    /// The scan's answer ([`NameIndex::scored`]) restricted to the entities that can have a
    /// typo match of score at least [`RESOLVE_MIN_FUZZY_SCORE`]: what `resolve` keeps of it.
    pub(crate) fn scored_for_resolve(&self, text: &str) -> Vec<Scored> {
        let q = normalize(text);
        let Some(typo) = Typo::of(&q) else {
            return self.scored_over(text, std::iter::empty());
        };
        let c = self.candidates();
        let mut ids = Vec::new();
        let k = typo.edits_for(RESOLVE_MIN_SIMILARITY);
        c.typos(&q, &typo.chars, &typo.signature, k, &mut ids);
        let mut groups = Vec::new();
        c.groups_of(&ids, &mut groups);
        self.scored_over(text, c.entries_of(&mut groups))
    }

    /// A part of the scan's answer that holds the first `limit` hits of a search (kind
    /// `kind`, if given) ranked by match quality (exact, prefix or substring before a typo
    /// match), then `kind_rank`, then score, then id.
    pub(crate) fn scored_for_search(
        &self,
        text: &str,
        limit: usize,
        kind: Option<EntityKind>,
        kind_rank: fn(EntityKind) -> u8,
    ) -> Vec<Scored> {
        let q = normalize(text);
        if q.is_empty() {
            return self.scored_over(text, std::iter::empty());
        }
        let c = self.candidates();
        let mut ids = Vec::new();
        c.prefix_or_substring(&q, &mut ids);
        let mut groups = Vec::new();
        c.groups_of(&ids, &mut groups);
        let mut scored = self.scored_over(text, c.entries_of(&mut groups.clone()));
        let Some(typo) = Typo::of(&q) else {
            return scored;
        };
        let wanted = |s: &Scored| kind.is_none_or(|k| s.0.kind == k);
        let better = scored.iter().filter(|s| wanted(s) && s.2 != MatchKind::Fuzzy).count();
        if better >= limit {
            // Every typo-only entity ranks after these.
            return scored;
        }
        let need = limit - better;
        let best_rank = kind.map_or(0, kind_rank);
        let most = typo.edits_for(FUZZY_MIN_SIMILARITY);
        let mut k = typo.edits_for(RESOLVE_MIN_SIMILARITY).clamp(1, most.max(1));
        loop {
            let mut near = Vec::new();
            c.typos(&q, &typo.chars, &typo.signature, k.min(most), &mut near);
            let mut all_groups = groups.clone();
            c.groups_of(&near, &mut all_groups);
            scored = self.scored_over(text, c.entries_of(&mut all_groups));
            if k >= most {
                return scored;
            }
            // Entities not found yet match only by typo, more than `k` edits away: they
            // score at most `beyond` and rank after any typo match of the best kind that
            // scores more.
            let beyond = typo.score_beyond(k) + 1e-9;
            let sure = scored
                .iter()
                .filter(|s| wanted(s) && s.2 == MatchKind::Fuzzy && kind_rank(s.0.kind) == best_rank && s.1 > beyond)
                .count();
            if sure >= need {
                return scored;
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // reason: tests fail loudly

    use super::*;
    use crate::KnowledgeBase;

    #[test]
    fn candidates_debug_shows_their_sizes() {
        let kb = KnowledgeBase::embedded().unwrap();
        let c = kb.names().candidates();
        assert!(c.names.len() > 100 && !c.trigrams.is_empty() && !c.fuzzy.is_empty());
        assert_eq!(
            format!("{c:?}"),
            format!(
                "Candidates {{ names: {}, trigrams: {}, signatures: {} }}",
                c.names.len(),
                c.trigrams.len(),
                c.fuzzy.len()
            )
        );
    }

    /// Typos of a name: a deletion, a substitution, an insertion and a swap of neighbours at
    /// the start, the middle and the end, and two of them together; a half and a middle part.
    fn typos(name: &str) -> Vec<String> {
        let c: Vec<char> = name.chars().collect();
        let mut out = Vec::new();
        let s = |v: &[char]| v.iter().collect::<String>();
        for i in [0, c.len() / 2, c.len().saturating_sub(2)] {
            if i >= c.len() {
                continue;
            }
            let mut v = c.clone();
            v.remove(i);
            out.push(s(&v));
            let mut v = c.clone();
            v[i] = if c[i] == 'x' { 'y' } else { 'x' };
            out.push(s(&v));
            let mut v = c.clone();
            v.insert(i, 'e');
            out.push(s(&v));
            if i + 1 < c.len() {
                let mut v = c.clone();
                v.swap(i, i + 1);
                out.push(s(&v));
                if c.len() > 6 {
                    // Two typos: the swap and a deletion elsewhere.
                    v.remove(if i < c.len() / 2 { c.len() - 1 } else { 0 });
                    out.push(s(&v));
                }
            }
        }
        out.push(c.iter().take(c.len() / 2).collect());
        out.push(c.iter().skip(c.len() / 3).take(c.len() / 3 + 2).collect());
        out.push(name.to_uppercase());
        out
    }

    #[test]
    fn indexed_answers_are_the_scans_on_every_name_and_its_typos() {
        let kb = KnowledgeBase::embedded().unwrap();
        let index = kb.name_index();
        // Typos of every name and id, except the ids of sources, claims and fact sheets
        // (half the names, and alike): those are queried as they are.
        let mut queries: Vec<String> = index
            .all
            .iter()
            .filter(|(_, k, _)| !matches!(k.kind(), EntityKind::Source | EntityKind::Claim | EntityKind::FactSheet))
            .flat_map(|(_, _, n)| typos(n))
            .collect();
        queries.extend(index.all.iter().map(|(_, _, n)| n.clone()));
        queries.extend(index.identifiers.keys().cloned());
        queries.extend(["", " ", "a", "ab", "5a", "5β", "gaba", "one", "ol", "zzzz"].map(String::from));
        queries.sort();
        queries.dedup();
        let fuzzy = |v: Vec<Scored>| -> Vec<Scored> {
            v.into_iter()
                .filter(|s| s.2 == MatchKind::Fuzzy && s.1 >= RESOLVE_MIN_FUZZY_SCORE)
                .collect()
        };
        let mut typo_hits = 0;
        for q in &queries {
            let linear = index.scored(q);
            typo_hits += usize::from(linear.iter().any(|s| s.2 == MatchKind::Fuzzy));
            assert_eq!(
                fuzzy(index.scored_for_resolve(q)),
                fuzzy(linear.clone()),
                "resolve {q:?}"
            );
            for (limit, kind) in [(10, None), (3, Some(EntityKind::Compound))] {
                {
                    assert_eq!(
                        kb.search_kind(q, limit, kind),
                        kb.ranked(q, linear.clone(), limit, kind),
                        "search {q:?} {limit} {kind:?}"
                    );
                }
            }
        }
        // The comparison covers typo matches, not only exact ones.
        assert!(typo_hits > 500, "only {typo_hits} queries with typo matches");
    }

    /// The typo matches that sit exactly at a similarity floor: as many edits as the floor
    /// allows for a name three characters longer than the query, the longest a match can be
    /// (rounding the bound down there would lose them; the exhaustive test's typos never
    /// reach that far).
    #[test]
    fn typo_matches_exactly_at_the_similarity_floor_are_found() {
        let kb = KnowledgeBase::embedded().unwrap();
        let index = kb.name_index();
        let without = |name: &[char], drop: [usize; 3]| -> String {
            name.iter()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(_, c)| *c)
                .collect()
        };
        let (mut searched, mut resolved) = (0, 0);
        for (name, key, _) in &index.all {
            let c: Vec<char> = name.chars().collect();
            if !name.is_ascii()
                || matches!(
                    key.kind(),
                    EntityKind::Source | EntityKind::Claim | EntityKind::FactSheet
                )
            {
                continue;
            }
            let q = match c.len() {
                // 3 edits of 12: similarity 0.75, the least a search shows.
                12 => without(&c, [2, 5, 8]),
                // 4 edits of 30: similarity 0.8666…, a score of 0.65, the least resolve takes.
                30 => {
                    let mut q: Vec<char> = without(&c, [3, 12, 21]).chars().collect();
                    q[22] = if q[22] == 'q' { 'z' } else { 'q' };
                    q.into_iter().collect()
                }
                _ => continue,
            };
            let linear = index.scored(&q);
            let at_floor = |min: f64| {
                linear
                    .iter()
                    .any(|s| s.0 == *key && s.2 == MatchKind::Fuzzy && s.1 >= min)
            };
            if c.len() == 12 && at_floor(0.0) {
                searched += 1;
                assert_eq!(
                    kb.search_kind(&q, 10, None),
                    kb.ranked(&q, linear.clone(), 10, None),
                    "search {q:?}"
                );
            }
            if c.len() == 30 && at_floor(RESOLVE_MIN_FUZZY_SCORE) {
                resolved += 1;
                let fuzzy = |v: Vec<Scored>| -> Vec<Scored> {
                    v.into_iter()
                        .filter(|s| s.2 == MatchKind::Fuzzy && s.1 >= RESOLVE_MIN_FUZZY_SCORE)
                        .collect()
                };
                assert_eq!(fuzzy(index.scored_for_resolve(&q)), fuzzy(linear), "resolve {q:?}");
            }
        }
        assert!(searched > 0 && resolved > 0, "{searched} {resolved}");
    }

    /// The names a query starts or is contained in are exactly the names the scan scores as
    /// an exact, prefix or substring match: a name with every trigram of the query that does
    /// not contain it is not one of them (its scoring would refuse it, so only this test can
    /// tell).
    #[test]
    fn prefix_or_substring_gives_exactly_the_names_holding_the_query() {
        let kb = compounds_named(&[("a", "abcxbcd"), ("b", "xabcdx"), ("c", "bcdabc"), ("d", "ab")]);
        let c = kb.names().candidates();
        for q in ["abcd", "bcd", "abc", "ab", "a", "cdab", "zzz"] {
            let mut ids = Vec::new();
            c.prefix_or_substring(q, &mut ids);
            let mut found: Vec<&str> = ids.iter().map(|&i| &*c.names[i as usize]).collect();
            found.sort_unstable();
            let mut scan: Vec<&str> = c
                .names
                .iter()
                .map(|n| &**n)
                .filter(|n| crate::resolve::score_name(q, None, n).is_some())
                .collect();
            scan.sort_unstable();
            assert_eq!(found, scan, "{q}");
        }
    }

    /// A knowledge base of compounds with these ids and names, and nothing else.
    fn compounds_named(compounds: &[(&str, &str)]) -> KnowledgeBase {
        let compounds: Vec<_> = compounds
            .iter()
            .map(|(id, name)| serde_json::json!({"id": id, "name": name}))
            .collect();
        let doc = serde_json::json!({
            "schema_version": crate::model::CURRENT_SCHEMA_VERSION,
            "as_of": "2026-01-31",
            "compounds": compounds
        });
        KnowledgeBase::from_json(&doc.to_string()).unwrap()
    }

    /// A search that widens its typo radius step by step must not stop at a match that a
    /// name one edit further away outscores: here the query's two two-byte letters let a name
    /// five characters longer through the three-byte length filter, and its 7 edits of 29
    /// characters score more than the other name's 6 of 24.
    #[test]
    fn search_does_not_stop_widening_at_a_match_a_further_name_outscores() {
        let q = "жabcdefghijkжlmnopqrstuv";
        let near = "жaxcxexghijkжlxnxpxrstuv"; // 6 substitutions
        let far = "zabcydefgyhijkyzlmnoypqrsytuv"; // ж made z twice, 5 insertions
        let kb = compounds_named(&[("near", near), ("far", far)]);
        let scan = kb.search_kind_by_scan(q, 1, None);
        let two = kb.search_kind(q, 2, None);
        let ids: Vec<&str> = two.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["far", "near"]);
        assert_eq!(scan[0].id, "far");
        assert_eq!(kb.search_kind(q, 1, None), scan);
    }

    /// A typo match scoring exactly the bound on the matches not found yet is not sure to
    /// rank first: a name one edit further may tie with it and come first by id. Here the
    /// query has 16 characters (17 bytes), so a typo match has at most 20 characters; `near`
    /// is 4 edits from it in 16 characters and `far` 5 in 20, both 0.75 × (1 − 1/4).
    #[test]
    fn search_does_not_stop_widening_at_a_match_that_only_ties_the_bound() {
        let q = "жabcdefghijklmno";
        let near = "жaxcdxfgxijxlmno"; // 4 substitutions
        let far = "zabcdyefghyijklymnoy"; // ж made z, 4 insertions
        let kb = compounds_named(&[("b-near", near), ("a-far", far)]);
        let scan = kb.search_kind_by_scan(q, 2, None);
        assert_eq!(
            scan.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ["a-far", "b-near"]
        );
        assert_eq!(scan[0].score, scan[1].score);
        assert_eq!(kb.search_kind(q, 1, None), scan[..1]);
        assert_eq!(kb.search_kind(q, 2, None), scan);
    }

    /// A typo match of a kind that ranks later is not sure to rank first, however well it
    /// scores: a compound one edit further away comes before a site. Here the site is one
    /// substitution from the query and the compound three, past the first typo radius.
    #[test]
    fn search_does_not_stop_widening_at_a_match_of_a_later_kind() {
        let q = "abcdefghijklmnop";
        let doc = serde_json::json!({
            "schema_version": crate::model::CURRENT_SCHEMA_VERSION,
            "as_of": "2026-01-31",
            "compounds": [{"id": "far", "name": "abxdefxhijkxmnop"}], // 3 substitutions
            "sites": [{"id": "near", "name": "abcdefghijkxmnop"}] // 1 substitution
        });
        let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
        let scan = kb.search_kind_by_scan(q, 2, None);
        let ids: Vec<&str> = scan.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["far", "near"]);
        assert!(scan[1].score > scan[0].score, "{scan:?}");
        assert_eq!(kb.search_kind(q, 1, None), scan[..1]);
    }

    #[test]
    fn trie_walk_finds_exactly_the_names_within_the_bound() {
        let words = [
            "allopregnanolone",
            "alloprengnanolone",
            "pregnanolone",
            "pregnenolone",
            "ab",
            "abc",
            "ba",
            "kitten",
            "sitting",
            "sitten",
        ];
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort();
        let mut trie = Trie {
            start: vec![0],
            ..Trie::default()
        };
        for (i, w) in sorted.iter().enumerate() {
            trie.ids.push(i as u32);
            trie.chars.extend(w.chars());
            trie.start.push(trie.chars.len() as u32);
        }
        for q in words.iter().chain(&["alopregnanolon", "ktten", "a", "pregananolone"]) {
            let qc: Vec<char> = q.chars().collect();
            for k in 0..5 {
                let mut got = Vec::new();
                trie.within(&qc, k, 64, &mut got);
                let want: Vec<u32> = sorted
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| strsim::osa_distance(q, w) <= k)
                    .map(|(i, _)| i as u32)
                    .collect();
                assert_eq!(got, want, "{q} {k}");
            }
        }
        // Skipping the names under a prefix (sorted, the two `allo…` names are 2 and 3).
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(
            sorted[..5],
            ["ab", "abc", "allopregnanolone", "alloprengnanolone", "ba"]
        );
        assert_eq!(trie.first_without(2, &chars("allo")), 4);
        assert_eq!(trie.first_without(3, &chars("allopreg")), 3);
        assert_eq!(trie.first_without(0, &chars("a")), 4);
        assert_eq!(trie.first_without(9, &chars("sitt")), sorted.len());
        assert_eq!(trie.first_without(sorted.len(), &chars("x")), sorted.len());
    }
}
