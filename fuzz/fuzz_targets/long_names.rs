//! Long names against typo-tolerant resolution: a document whose compound carries the input as
//! its name and synonyms (kilobytes long), queried with the input and its pieces. Resolution
//! and search must answer (or refuse) at a cost bounded by the banded edit distance and the
//! length cut-off, never panic, and never guess across a stereodescriptor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if text.trim().is_empty() {
        return;
    }
    // Long synonyms: the input repeated, and the input split in two.
    let (head, tail) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
    let synonyms: Vec<Value> = [text.repeat(8), head.to_owned(), tail.to_owned()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(Value::from)
        .collect();
    let doc = json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "compounds": [
            {"id": "fuzzed", "name": text, "synonyms": synonyms, "roles": ["endogenous-neurosteroid"]},
            {"id": "5a-dihydroprogesterone", "name": "5α-dihydroprogesterone", "roles": ["intermediate"]}
        ]
    });
    let Ok(kb) = neurosteroid::KnowledgeBase::from_json(&doc.to_string()) else { return };
    for query in [text.as_str(), head, tail, &text.repeat(16)] {
        let _ = kb.resolve(query);
        let _ = kb.search(query, 10);
    }
    // A different stereodescriptor is a different compound, however close the spelling.
    if let Ok(r) = kb.resolve("5β-dihydroprogesterone") {
        assert_ne!(r.entity.id().as_str(), "5a-dihydroprogesterone", "a guess crossed a stereodescriptor");
    }
});
