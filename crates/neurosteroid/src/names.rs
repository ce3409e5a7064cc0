//! Names compared as people write them: normalisation (case, punctuation, Greek letters)
//! and a bounded edit distance. A leaf module: parsing, validation and resolution use it
//! without depending on each other.

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

/// The key under which two names count as the same name for `duplicate-name`: Unicode
/// compatibility forms folded (NFKC: fullwidth letters, ligatures, composed and decomposed
/// accents), then [`normalize`], then the Unicode confusables skeleton (UTS #39: a Cyrillic
/// `а` is a Latin `a`). Two names with one key look alike to a reader.
pub fn lookalike_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII is its own NFKC form, so most names skip the fold (in a profile of loading the
    // 100k-compound benchmark document, the fold and the skeleton took a fifth of the time).
    let folded: std::borrow::Cow<'_, str> = if name.is_ascii() {
        name.into()
    } else {
        name.nfkc().collect::<String>().into()
    };
    unicode_security::skeleton(&normalize(&folded)).collect()
}

/// Longest string (in characters) that takes part in edit-distance matching. Longer
/// queries and names still match exactly, by prefix or by substring; no real name of a
/// compound, gene or condition comes near this length.
pub const MAX_FUZZY_CHARS: usize = 64;

/// Optimal-string-alignment edit distance (insertions, deletions, substitutions and
/// transpositions of neighbours) between `a` and `b`, if it is at most `max`. Works in a
/// band of width `2 * max + 1` and stops as soon as the band exceeds `max`: the cost is
/// `O(len * max)`, never `O(len²)` for long strings that cannot match.
pub fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    const FAR: usize = usize::MAX / 4;
    let w = b.len() + 1;
    let mut prev2 = vec![FAR; w];
    let mut prev: Vec<usize> = (0..w).map(|j| if j <= max { j } else { FAR }).collect();
    let mut cur = vec![FAR; w];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        cur.iter_mut().for_each(|c| *c = FAR);
        cur[0] = if i <= max { i } else { FAR };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// Similarity in `[0, 1]` (`1 - distance / longer length`) when it is at least `min`,
/// computed within the bound that `min` implies. Strings longer than [`MAX_FUZZY_CHARS`]
/// are never compared.
pub fn similarity_at_least(a: &str, b: &str, min: f64) -> Option<f64> {
    let a: Vec<char> = a.chars().take(MAX_FUZZY_CHARS + 1).collect();
    let b: Vec<char> = b.chars().take(MAX_FUZZY_CHARS + 1).collect();
    if a.len() > MAX_FUZZY_CHARS || b.len() > MAX_FUZZY_CHARS {
        return None;
    }
    let longer = a.len().max(b.len());
    if longer == 0 {
        return Some(1.0);
    }
    // `1 - d / longer >= min`  ⇔  `d <= (1 - min) * longer`.
    let max = ((1.0 - min) * longer as f64 + 1e-9).floor() as usize;
    let d = bounded_distance(&a, &b, max)?;
    Some(1.0 - d as f64 / longer as f64)
}

/// The candidate closest to `query` (for "did you mean" hints), if any is close enough
/// (similarity at least 0.6). Bounded: each comparison is banded and long strings are
/// skipped, so a hint costs at most `O(candidates * 64 * 26)`.
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let q = query.to_lowercase();
    if q.chars().count() > MAX_FUZZY_CHARS {
        return None;
    }
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        if c.len() > 4 * MAX_FUZZY_CHARS {
            continue;
        }
        if let Some(score) = similarity_at_least(&q, &c.to_lowercase(), 0.6) {
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((c, score));
            }
        }
    }
    best.map(|(c, _)| c)
}

/// The locants and stereodescriptors of a normalised name: each run of digits with the
/// letter that follows it (`5a`, `20a`, `3b`). Two names whose signatures differ name
/// different compounds (5α- and 5β-dihydroprogesterone are one letter apart), so typo
/// tolerance never crosses them.
pub fn stereo_signature(normalized: &str) -> String {
    let mut out = String::new();
    let mut chars = normalized.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            out.push(c);
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    out.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(&l) = chars.peek() {
                out.push(l);
            }
            out.push('|');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // reason: a test fails loudly
    use super::*;

    #[test]
    fn similarity_compares_up_to_64_characters_only() {
        let a64 = "a".repeat(64);
        assert_eq!(similarity_at_least(&a64, &a64, 0.9), Some(1.0));
        let a65 = "a".repeat(65);
        assert_eq!(similarity_at_least(&a65, &a65, 0.0), None);
        assert_eq!(similarity_at_least(&a64, &a65, 0.0), None);
        assert_eq!(similarity_at_least(&a65, &a64, 0.0), None);
        assert_eq!(similarity_at_least("", "", 1.0), Some(1.0));
        // 1 - 1/4: one edit in four characters.
        assert_eq!(similarity_at_least("abcd", "abce", 0.75), Some(0.75));
        assert_eq!(similarity_at_least("abcd", "abce", 0.76), None);
    }

    #[test]
    fn normalize_spells_each_greek_letter_as_its_latin_one() {
        for (text, key) in [
            ("5α-DHP", "5adhp"),
            ("5β-DHP", "5bdhp"),
            ("GABA-A γ2", "gabaag2"),
            ("δ subunit", "dsubunit"),
            ("Δ4-androstenedione", "d4androstenedione"),
            ("ε", "e"),
            ("κ-opioid", "kopioid"),
            ("ω-3", "w3"),
            ("5-alpha, 3-beta", "5a3b"),
            ("gamma-delta epsilon", "gde"),
            // Inside a word the spelling is kept: "alphabet" is not "a" + "bet".
            ("Alphabetical Betamethasone", "alphabeticalbetamethasone"),
            ("ÉTÉ 1:2", "été12"),
        ] {
            assert_eq!(normalize(text), key, "{text:?}");
        }
    }

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_distance(&a, &b, max)
    }

    #[test]
    fn bounded_distance_matches_the_unbounded_one_within_the_bound() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kitten",
            "sitting",
            "allopregnanolone",
            "alloprengnanolone",
            "pregnanolone",
        ];
        for a in words {
            for b in words {
                let full = strsim::osa_distance(a, b);
                for max in 0..6 {
                    assert_eq!(d(a, b, max), (full <= max).then_some(full), "{a} {b} {max}");
                }
            }
        }
    }

    #[test]
    fn long_strings_are_not_compared() {
        let long = "a".repeat(MAX_FUZZY_CHARS + 1);
        assert_eq!(similarity_at_least(&long, &long, 0.5), None);
        assert_eq!(closest(&long, [long.as_str()]), None);
        // Exactly at the limit, a query is still compared.
        let at_limit = "a".repeat(MAX_FUZZY_CHARS);
        let one_off = format!("{}b", "a".repeat(MAX_FUZZY_CHARS - 1));
        assert_eq!(closest(&at_limit, [one_off.as_str()]), Some(one_off.as_str()));
        assert_eq!(closest("compunds", ["compounds", "sources"]), Some("compounds"));
        // A candidate is skipped unread only past 4 bytes a character: 64 characters of four
        // bytes (256 bytes) are still compared, and one more byte is not.
        let wide = "\u{1D51E}".repeat(MAX_FUZZY_CHARS);
        assert_eq!(wide.len(), 4 * MAX_FUZZY_CHARS);
        assert_eq!(closest(&wide, [wide.as_str()]), Some(wide.as_str()));
        let wider = format!("{wide}a");
        assert_eq!(closest(&wide, [wider.as_str()]), None);
    }

    #[test]
    fn the_ascii_shortcut_gives_the_folded_key() {
        use unicode_normalization::UnicodeNormalization;
        let kb = crate::KnowledgeBase::embedded().unwrap();
        let mut names: Vec<&str> = kb
            .document()
            .entities()
            .flat_map(|(_, _, e)| std::iter::once(e.name()).chain(e.other_names()))
            .collect();
        names.extend(["rn", "m", "0O", "l1I|", "Ｏ", "AbC-12_x", ""]);
        for name in names {
            let folded: String = name.nfkc().collect();
            let full: String = unicode_security::skeleton(&normalize(&folded)).collect();
            assert_eq!(lookalike_key(name), full, "{name}");
        }
    }

    #[test]
    fn lookalikes_share_a_key() {
        let k = lookalike_key("allopregnanolone");
        assert_eq!(lookalike_key("allopregn\u{430}nolone"), k, "Cyrillic a");
        assert_eq!(lookalike_key("ａｌｌｏpregnanolone"), k, "fullwidth");
        assert_eq!(lookalike_key("Caf\u{e9}"), lookalike_key("Cafe\u{301}"), "NFC and NFD");
        assert_eq!(
            lookalike_key("\u{fb01}nasteride"),
            lookalike_key("finasteride"),
            "ligature"
        );
        assert_ne!(lookalike_key("5α-DHP"), lookalike_key("5β-DHP"));
        assert_ne!(lookalike_key("pregnanolone"), k);
    }

    #[test]
    fn signatures_separate_stereoisomers() {
        let s = |t: &str| stereo_signature(&normalize(t));
        assert_ne!(s("5β-dihydroprogesterone"), s("5α-dihydroprogesterone"));
        assert_ne!(s("20α-dihydroprogesterone"), s("5α-dihydroprogesterone"));
        assert_eq!(s("5alpha-dihydroprogesteron"), s("5α-dihydroprogesterone"));
        assert_eq!(s("allopregnanolon"), s("allopregnanolone"));
    }
}
