//! Behaviour pinned to exact outputs: every comparison at its boundary (the day equal to
//! `as_of`, a file exactly at the size limit, two events on one date), the order of name
//! resolution and search, equality that can fail, and the exact text of diagnostics and
//! errors. Written where `cargo mutants` found code whose mutation no test noticed (see
//! `docs/mutants.md`); each test goes through the public API only.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use neurosteroid::model::Date;
use neurosteroid::{Diagnostic, Error, Format, KnowledgeBase, Level, Limits, LoadOptions};
use serde_json::{Value, json};

/// A small valid document with no warnings: one source, compounds, a condition and a
/// medicine with a dose and a status history. `as_of` is 2026-01-31.
fn base() -> Value {
    json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "sources": [
            {"id": "src-paper", "kind": "journal-article", "title": "A test paper", "year": 2020,
             "identifiers": ["pubmed:1"]}
        ],
        "compounds": [
            {"id": "compound-a", "name": "Compound A", "sources": ["src-paper"]},
            {"id": "compound-c", "name": "Compound C"}
        ],
        "conditions": [{"id": "condition-k", "name": "Condition K"}],
        "therapies": [{
            "id": "therapy-t", "name": "Therapy T", "kind": "drug-product",
            "active_compounds": ["compound-c"], "routes": ["oral"], "prescription": true,
            "indications": ["condition-k"],
            "doses": [{"min": 100, "max": 200, "unit": "mg", "source": "src-paper"}],
            "status_history": [
                {"date": "2019-03-19", "regulator": "FDA", "status": "approved", "source": "src-paper"}
            ]
        }]
    })
}

/// [`base`] with one claim (compound A is low in condition K, preclinical, citing the paper),
/// whose other fields are `extra`'s.
fn with_claim(extra: Value) -> Value {
    let mut claim = json!({
        "id": "claim-x", "statement": "Compound A is low in condition K.", "subject": "compound-a",
        "predicate": "low-levels-associated-with", "object": "condition-k", "grade": "preclinical",
        "sources": ["src-paper"]
    });
    if let (Some(c), Value::Object(more)) = (claim.as_object_mut(), extra) {
        c.extend(more);
    }
    let mut doc = base();
    doc["claims"] = json!([claim]);
    doc
}

/// Sets the value at a JSON Pointer (the parent must exist).
fn set(doc: &mut Value, pointer: &str, value: Value) {
    *doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the test document")) = value;
}

/// Every diagnostic of a full validation, one line each, without the line and column (the
/// message, path and hint are what is pinned here; locations are tested elsewhere).
fn check(doc: &Value) -> Vec<String> {
    let text = serde_json::to_string(doc).unwrap();
    neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full)
        .into_iter()
        .map(|mut d| {
            d.location = None;
            d.to_string()
        })
        .collect()
}

/// The messages of a schema-level validation of JSON text, in order.
fn schema_messages(text: &str) -> Vec<String> {
    neurosteroid::validate(text.as_bytes(), Format::Json, Level::Schema)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// Every diagnostic of a full validation as `code path` (for tests that pin which problems are
/// reported, not their wording).
fn codes_of(doc: &Value) -> Vec<String> {
    let text = serde_json::to_string(doc).unwrap();
    neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full)
        .into_iter()
        .map(|d| format!("{} {}", d.code, d.path))
        .collect()
}

/// Every diagnostic of a text (full validation) as `code path line:column`.
fn locations(text: &[u8], format: Format) -> Vec<String> {
    neurosteroid::validate(text, format, Level::Full)
        .into_iter()
        .map(|d| {
            let at = d.location.unwrap();
            format!("{} {} {}:{}", d.code, d.path, at.line, at.column)
        })
        .collect()
}

fn load(doc: &Value, level: Level) -> KnowledgeBase {
    let text = serde_json::to_string(doc).unwrap();
    let options = LoadOptions::new().with_level(level);
    KnowledgeBase::from_slice(text.as_bytes(), Format::Json, options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_base_document_is_valid_without_warnings() {
    assert_eq!(check(&base()), Vec::<String>::new());
}

// ---- dates: `as_of` is the last day that is not in the future -------------------------

#[test]
fn an_event_on_the_as_of_day_is_not_in_the_future() {
    let mut doc = base();
    set(&mut doc, "/therapies/0/status_history/0/date", json!("2026-01-31"));
    assert_eq!(check(&doc), Vec::<String>::new());
}

#[test]
fn an_event_the_day_after_as_of_is_in_the_future() {
    let mut doc = base();
    set(&mut doc, "/therapies/0/status_history/0/date", json!("2026-02-01"));
    assert_eq!(
        check(&doc),
        [
            "error[future-date] at /therapies/0/status_history/0/date: 2026-02-01 is after the document's as_of date 2026-01-31 (hint: record events once they happen, or move `as_of` forward after checking the content)"
        ]
    );
}

#[test]
fn a_source_accessed_on_the_as_of_day_is_fine_and_the_day_after_is_not() {
    let mut doc = base();
    doc["sources"][0]["accessed"] = json!("2026-01-31");
    assert_eq!(check(&doc), Vec::<String>::new());
    doc["sources"][0]["accessed"] = json!("2026-02-01");
    assert_eq!(
        check(&doc),
        [
            "error[future-date] at /sources/0/accessed: 2026-02-01 is after the document's as_of date 2026-01-31 (hint: record events once they happen, or move `as_of` forward after checking the content)"
        ]
    );
}

#[test]
fn a_publication_year_equal_to_the_as_of_year_is_fine_and_the_next_is_not() {
    let mut doc = base();
    set(&mut doc, "/sources/0/year", json!(2026));
    assert_eq!(check(&doc), Vec::<String>::new());
    set(&mut doc, "/sources/0/year", json!(2027));
    assert_eq!(
        check(&doc),
        [
            "error[future-date] at /sources/0/year: year 2027 is after the document's as_of year 2026 (hint: check the publication year)"
        ]
    );
}

#[test]
fn an_as_of_date_of_today_is_fine_and_tomorrow_is_not() {
    // Retried if the day changes between reading the clock and validating.
    for _ in 0..3 {
        let today = Date::today_utc();
        let days = (0..).find(|d| Date::from_days_since_epoch(*d) == today).unwrap();
        let tomorrow = Date::from_days_since_epoch(days + 1);
        let mut doc = base();
        set(&mut doc, "/as_of", json!(today.as_str()));
        let on_the_day = check(&doc);
        set(&mut doc, "/as_of", json!(tomorrow.as_str()));
        let after = check(&doc);
        if Date::today_utc() != today {
            continue;
        }
        assert_eq!(on_the_day, Vec::<String>::new());
        assert_eq!(
            after,
            [format!(
                "error[future-date] at /as_of: as_of {tomorrow} is after today ({today}) (hint: set `as_of` to the date the content was last checked)"
            )]
        );
        return;
    }
    panic!("the date kept changing");
}

#[test]
fn an_as_of_date_that_does_not_exist_is_reported_once() {
    let mut doc = base();
    set(&mut doc, "/as_of", json!("2026-02-30"));
    assert_eq!(
        check(&doc),
        ["error[invalid-date] at /as_of: 2026-02-30 is not a date that exists (hint: check the month and the day)"]
    );
}

#[test]
fn two_status_events_on_the_same_date_are_in_order() {
    let mut doc = base();
    let second = json!({"date": "2019-03-19", "regulator": "EMA", "status": "approved", "source": "src-paper"});
    doc["therapies"][0]["status_history"]
        .as_array_mut()
        .unwrap()
        .push(second);
    assert_eq!(check(&doc), Vec::<String>::new());
}

#[test]
fn a_status_event_a_day_before_the_previous_one_is_out_of_order() {
    let mut doc = base();
    let earlier = json!({"date": "2019-03-18", "regulator": "EMA", "status": "approved", "source": "src-paper"});
    doc["therapies"][0]["status_history"]
        .as_array_mut()
        .unwrap()
        .push(earlier);
    assert_eq!(
        check(&doc),
        [
            "error[status-order] at /therapies/0/status_history/1/date: 2019-03-18 comes before the previous event (2019-03-19) (hint: list the status history oldest first)"
        ]
    );
}

#[test]
fn a_dose_range_of_one_value_is_ordered_and_an_upside_down_one_is_not() {
    let mut doc = base();
    set(&mut doc, "/therapies/0/doses/0/max", json!(100));
    assert_eq!(check(&doc), Vec::<String>::new());
    set(&mut doc, "/therapies/0/doses/0/max", json!(99));
    assert_eq!(
        check(&doc),
        [
            "error[dose-range-order] at /therapies/0/doses/0/max: the range 100–99 mg is upside down (hint: swap min and max)"
        ]
    );
}

#[test]
fn a_dose_of_exactly_the_largest_amount_is_accepted_and_more_is_not() {
    let mut doc = base();
    set(&mut doc, "/therapies/0/doses/0/max", json!(1e9));
    assert_eq!(check(&doc), Vec::<String>::new());
    set(&mut doc, "/therapies/0/doses/0/max", json!(1.5e9));
    assert_eq!(
        check(&doc),
        [
            "error[range] at /therapies/0/doses/0/max: a dose of 1500000000 mg is more than 1e9 of any unit (hint: check the amount and the unit (a smaller unit?))"
        ]
    );
}

// ---- references: every element of a list is checked, with its index ------------------

#[test]
fn a_dangling_reference_inside_a_list_is_reported_at_its_index() {
    let mut doc = base();
    set(&mut doc, "/compounds/0/sources", json!(["src-paper", "src-papr"]));
    assert_eq!(
        check(&doc),
        [
            "error[dangling-reference] at /compounds/0/sources/1: no entity has the id `src-papr` (hint: did you mean `src-paper`?)"
        ]
    );
}

#[test]
fn a_reference_to_the_wrong_kind_inside_a_list_is_reported() {
    let mut doc = base();
    set(
        &mut doc,
        "/therapies/0/indications",
        json!(["condition-k", "compound-a"]),
    );
    assert_eq!(
        check(&doc),
        [
            "error[wrong-reference-kind] at /therapies/0/indications/1: `compound-a` is a compound, but a condition is expected here (hint: replace `compound-a` with the id of a condition)"
        ]
    );
}

#[test]
fn a_reference_allowing_several_kinds_names_them_all() {
    let mut doc = base();
    doc["claims"] = json!([{
        "id": "a-treats-k", "statement": "A treats K.", "subject": "src-paper",
        "predicate": "treats", "object": "condition-k", "grade": "unsupported",
        "sources": ["src-paper"]
    }]);
    assert_eq!(
        check(&doc),
        [
            "error[wrong-reference-kind] at /claims/0/subject: `src-paper` is a source, but a therapy or a strategy or a compound is expected here (hint: replace `src-paper` with the id of a therapy or a strategy or a compound)"
        ]
    );
}

#[test]
fn a_reference_of_any_kind_accepts_every_kind_but_not_a_missing_id() {
    let mut doc = base();
    doc["coverage"] = json!([{
        "source": "src-paper", "statement": "A and K.",
        "represented_by": ["compound-a", "condition-k", "therapy-t", "src-paper"]
    }]);
    assert_eq!(check(&doc), Vec::<String>::new());
    doc["coverage"][0]["represented_by"] = json!(["compound-a", "zzzzzzzz-qqqq"]);
    assert_eq!(
        check(&doc),
        [
            "error[dangling-reference] at /coverage/0/represented_by/1: no entity has the id `zzzzzzzz-qqqq` (hint: add the entity, or fix the id)"
        ]
    );
}

#[test]
fn only_the_first_hundred_dangling_references_get_a_suggestion() {
    let mut doc = base();
    let ids: Vec<String> = (0..101).map(|i| format!("src-paper-{i:03}")).collect();
    set(&mut doc, "/compounds/0/sources", json!(ids));
    let diags = check(&doc);
    assert_eq!(diags.len(), 101);
    assert_eq!(
        diags[99],
        "error[dangling-reference] at /compounds/0/sources/99: no entity has the id `src-paper-099` (hint: did you mean `src-paper`?)"
    );
    assert_eq!(
        diags[100],
        "error[dangling-reference] at /compounds/0/sources/100: no entity has the id `src-paper-100` (hint: add the entity, or fix the id)"
    );
}

// ---- the knowledge base: equality and warnings -------------------------------------

#[test]
fn knowledge_bases_are_equal_exactly_when_their_documents_are() {
    let a = load(&base(), Level::Full);
    let b = load(&base(), Level::Full);
    assert_eq!(a, b);
    let mut other = base();
    set(&mut other, "/compounds/1/name", json!("Compound D"));
    let c = load(&other, Level::Full);
    assert_ne!(a, c);
    assert!(a != c);
}

#[test]
fn every_loader_reads_the_same_knowledge_base() {
    let doc = base();
    let json_text = serde_json::to_string_pretty(&doc).unwrap();
    let from_json = KnowledgeBase::from_json(&json_text).unwrap();
    assert_eq!(from_json, load(&doc, Level::Full));
    let yaml = "schema_version: 1.1.0\nas_of: 2026-01-31\ncompounds:\n  - id: compound-c\n    name: Compound C\n";
    let from_yaml = KnowledgeBase::from_yaml(yaml).unwrap();
    assert_eq!(from_yaml.get("compound-c").map(|e| e.name()), Some("Compound C"));
    assert_ne!(from_yaml, from_json);
    // Files, by extension, and a folder of files.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kb.json"), &json_text).unwrap();
    std::fs::write(dir.path().join("kb.yaml"), yaml).unwrap();
    let options = LoadOptions::default();
    assert_eq!(
        KnowledgeBase::from_path(dir.path().join("kb.json"), options).unwrap(),
        from_json
    );
    assert_eq!(
        KnowledgeBase::from_path(dir.path().join("kb.yaml"), options).unwrap(),
        from_yaml
    );
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("compounds")).unwrap();
    std::fs::write(
        tree.join("knowledge-base.yaml"),
        "schema_version: 1.1.0\nas_of: 2026-01-31\n",
    )
    .unwrap();
    std::fs::write(
        tree.join("compounds/compound-c.yaml"),
        "id: compound-c\nname: Compound C\n",
    )
    .unwrap();
    assert_eq!(KnowledgeBase::from_dir(&tree, options).unwrap(), from_yaml);
    assert_eq!(KnowledgeBase::from_path(&tree, options).unwrap(), from_yaml);
    // A document built in code: checked at the full level, not at the schema level.
    let document = from_json.document().clone();
    assert_eq!(KnowledgeBase::from_document(document, Level::Full).unwrap(), from_json);
    let mut bad = base();
    set(&mut bad, "/therapies/0/indications", json!(["compound-a"]));
    let bad: neurosteroid::Document = serde_json::from_value(bad).unwrap();
    let err = KnowledgeBase::from_document(bad.clone(), Level::Full).unwrap_err();
    let diags: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        diags,
        [
            "error[wrong-reference-kind] at /therapies/0/indications/0: `compound-a` is a compound, but a condition is expected here (hint: replace `compound-a` with the id of a condition)"
        ]
    );
    assert!(KnowledgeBase::from_document(bad, Level::Schema).is_ok());
    // The embedded knowledge base loads, valid.
    let embedded = KnowledgeBase::embedded().unwrap();
    assert_eq!(
        embedded.get("allopregnanolone").map(|e| e.kind()),
        Some(neurosteroid::EntityKind::Compound)
    );
}

#[test]
fn warnings_of_a_valid_document_are_kept() {
    let mut doc = base();
    doc["sources"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "src-unused", "kind": "journal-article", "title": "Unused", "identifiers": ["pubmed:2"]}));
    let kb = load(&doc, Level::Full);
    let warnings: Vec<String> = kb.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "1:340: warning[unused-source] at /sources/1: source `src-unused` is not cited by anything (hint: cite it where it is used, or remove it)"
        ]
    );
    assert!(kb.warnings().iter().all(|w| !w.is_error()));
    assert_eq!(
        check(&doc),
        [
            "warning[unused-source] at /sources/1: source `src-unused` is not cited by anything (hint: cite it where it is used, or remove it)"
        ]
    );
    // A schema-level load runs no rule, so it has no warnings.
    assert!(load(&doc, Level::Schema).warnings().is_empty());
}

// ---- resolution: exact id, then names (ties are reported), then one clear near miss ---

/// Entities sharing names on purpose (loaded at the schema level: the full level forbids
/// a name on two unrelated entities).
fn names_doc() -> Value {
    json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "compounds": [
            {"id": "alpha", "name": "Alphasterone"},
            {"id": "beta", "name": "Betasterone", "synonyms": ["alpha", "Gammalone"]},
            {"id": "gamma", "name": "Gammalone"},
            {"id": "zur", "name": "Zurolone compound"},
            {"id": "pregnenolone", "name": "Pregnenolone"},
            {"id": "pregnanolone", "name": "Pregnanolone"},
            {"id": "long-a", "name": "Bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz"},
            {"id": "long-b", "name": "Ycdfghjklmbpqrstvwxzccdfghjklmdpqrstvwxz"}
        ],
        "therapies": [
            {"id": "zur-product", "name": "zur", "kind": "drug-product", "active_compounds": ["zur"],
             "routes": ["oral"], "prescription": true},
            {"id": "t1", "name": "Therapy One", "synonyms": ["s1"], "kind": "drug-product",
             "active_compounds": ["alpha"], "routes": ["oral"], "prescription": true}
        ],
        "strategies": [
            {"id": "s1", "name": "t1", "kind": "lifestyle", "therapy": "t1"}
        ]
    })
}

fn resolved(kb: &KnowledgeBase, text: &str) -> String {
    match kb.resolve(text) {
        Ok(r) => {
            let related: Vec<String> = r.related.iter().map(|e| e.id().to_string()).collect();
            format!(
                "{} by {:?}, related [{}]",
                r.entity.id(),
                r.matched_by,
                related.join(", ")
            )
        }
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn resolution_order_is_pinned() {
    let kb = load(&names_doc(), Level::Schema);
    let cases = [
        // An exact id beats the same text as another entity's synonym.
        ("alpha", "alpha by Id, related []"),
        // An id also matched as a name reports the id.
        ("gamma", "gamma by Id, related []"),
        // A name.
        ("Alphasterone", "alpha by Name, related []"),
        // A synonym.
        ("Betasterone", "beta by Name, related []"),
        // A name and a synonym of two unrelated entities: reported, not guessed.
        ("Gammalone", "error: `Gammalone` is ambiguous: it matches beta, gamma"),
        // A medicine's INN that is also its compound's id names the medicine.
        ("zur", "zur-product by Name, related [zur]"),
        // The id of an entity related to the one named leads; the named one follows.
        ("t1", "t1 by Id, related [s1, alpha]"),
        // An id that also names a related entity: the id leads, the other follows (a
        // strategy brings its medicine along only this way).
        ("s1", "s1 by Id, related [t1]"),
        // One clear near miss.
        ("Alphastorone", "alpha by Fuzzy, related []"),
        // One near miss (one edit in 40 letters) clearly closer than the next (four edits).
        (
            "Xcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz",
            "long-a by Fuzzy, related []",
        ),
        // The start of a name is a search hit, not a resolution.
        (
            "Alphasteron",
            "error: no entity matches `Alphasteron`; did you mean `alpha`?",
        ),
        // Two near misses equally close: not a guess.
        (
            "Pregnonolone",
            "error: no entity matches `Pregnonolone`; did you mean `pregnanolone`, `pregnenolone`?",
        ),
        ("nothing-like-it", "error: no entity matches `nothing-like-it`"),
    ];
    let got: Vec<(&str, String)> = cases.iter().map(|(q, _)| (*q, resolved(&kb, q))).collect();
    let want: Vec<(&str, String)> = cases.iter().map(|(q, w)| (*q, (*w).to_owned())).collect();
    assert_eq!(got, want);
}

#[test]
fn search_order_is_pinned() {
    let kb = load(&names_doc(), Level::Schema);
    let search = |q: &str, limit: usize| -> Vec<String> {
        kb.search(q, limit)
            .into_iter()
            .map(|h| {
                format!(
                    "{} {} {} {:?} {:.3} {}",
                    h.id, h.kind, h.name, h.how, h.score, h.matched
                )
            })
            .collect()
    };
    // Equal quality and kind: by score, then by id.
    assert_eq!(
        search("pregn", 20),
        [
            "pregnanolone compound Pregnanolone Prefix 0.842 pregnanolone",
            "pregnenolone compound Pregnenolone Prefix 0.842 pregnenolone",
        ]
    );
    // An id and a synonym are both exact.
    assert_eq!(
        search("alpha", 20),
        [
            "alpha compound Alphasterone Name 1.000 alpha",
            "beta compound Betasterone Name 1.000 alpha"
        ]
    );
    // Same quality: a medicine before a strategy.
    assert_eq!(
        search("t1", 20),
        ["t1 therapy Therapy One Name 1.000 t1", "s1 strategy t1 Name 1.000 t1"]
    );
    // The start of a word inside a name before a better-scored match elsewhere in a name.
    assert_eq!(
        search("one", 20),
        [
            "t1 therapy Therapy One Substring 0.630 Therapy One",
            "beta compound Betasterone Substring 0.633 Gammalone",
            "gamma compound Gammalone Substring 0.633 Gammalone",
            "alpha compound Alphasterone Substring 0.625 Alphasterone",
            "pregnanolone compound Pregnanolone Substring 0.625 pregnanolone",
            "pregnenolone compound Pregnenolone Substring 0.625 pregnenolone",
            "zur compound Zurolone compound Substring 0.619 Zurolone compound",
        ]
    );
    assert_eq!(search("one", 2), search("one", 20)[..2]);
    // Near misses, equally close.
    assert_eq!(
        search("Pregnonolone", 20),
        [
            "pregnanolone compound Pregnanolone Fuzzy 0.688 pregnanolone",
            "pregnenolone compound Pregnenolone Fuzzy 0.688 pregnenolone",
        ]
    );
    // An exact match reports the text as it was typed.
    assert_eq!(
        search("ALPHASTERONE", 1),
        ["alpha compound Alphasterone Name 1.000 ALPHASTERONE"]
    );
    // Two letters are too few for a match inside a name.
    assert_eq!(search("ne", 20), Vec::<String>::new());
    // Both near misses that resolution weighs against each other.
    assert_eq!(
        search("Xcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz", 20),
        [
            "long-a compound Bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz Fuzzy 0.731 Bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz",
            "long-b compound Ycdfghjklmbpqrstvwxzccdfghjklmdpqrstvwxz Fuzzy 0.675 Ycdfghjklmbpqrstvwxzccdfghjklmdpqrstvwxz",
        ]
    );
    let strategies: Vec<String> = kb
        .search_kind("t1", 20, Some(neurosteroid::EntityKind::Strategy))
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(strategies, ["s1"]);
}

#[test]
fn identifiers_resolve_in_any_prefix_case_and_typos_keep_stereochemistry() {
    let doc = json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "compounds": [
            {"id": "dhp", "name": "5α-Dihydroprogesterone", "identifiers": ["CHEBI:28952"]},
            {"id": "water", "name": "Water", "identifiers": ["CHEBI:15377"]}
        ]
    });
    let kb = load(&doc, Level::Schema);
    let cases = [
        ("CHEBI:28952", "dhp by Identifier, related []"),
        ("chebi:15377", "water by Identifier, related []"),
        ("5alpha-dihydroprogesterone", "dhp by Name, related []"),
        // One letter away, but 5β is another compound: no guess.
        (
            "5β-Dihydroprogesterone",
            "error: no entity matches `5β-Dihydroprogesterone`",
        ),
        // A typo elsewhere is forgiven.
        ("5α-Dihydroprogestorone", "dhp by Fuzzy, related []"),
    ];
    let got: Vec<(&str, String)> = cases.iter().map(|(q, _)| (*q, resolved(&kb, q))).collect();
    let want: Vec<(&str, String)> = cases.iter().map(|(q, w)| (*q, (*w).to_owned())).collect();
    assert_eq!(got, want);
    let hits: Vec<String> = kb
        .search("chebi:15377", 5)
        .into_iter()
        .map(|h| format!("{} {:?} {}", h.id, h.how, h.matched))
        .collect();
    assert_eq!(hits, ["water Identifier chebi:15377"]);
}

#[test]
fn search_ranks_kinds_before_scores() {
    // Four prefix matches whose scores rise as their kinds fall in rank: the kind decides.
    let doc = json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "sources": [{"id": "zet1", "kind": "journal-article", "title": "T"}],
        "compounds": [{"id": "c", "name": "Zet4444"}],
        "sites": [{"id": "s", "name": "Zet333"}],
        "claims": [{"id": "zet22", "statement": "S.", "subject": "c", "predicate": "synthesised-in",
                    "object": "s", "grade": "unsupported", "sources": ["zet1"]}]
    });
    let kb = load(&doc, Level::Schema);
    let hits: Vec<String> = kb
        .search("zet", 10)
        .into_iter()
        .map(|h| format!("{} {} {:.3}", h.kind, h.id, h.score))
        .collect();
    assert_eq!(
        hits,
        [
            "compound c 0.843",
            "site s 0.850",
            "claim zet22 0.860",
            "source zet1 0.875"
        ]
    );
    // A claim is named by its statement and has no other names; a source, by its title.
    let claim = kb.get("zet22").unwrap();
    assert_eq!((claim.name(), claim.other_names()), ("S.", Vec::<&str>::new()));
    assert!(claim.identifiers().is_empty());
    let source = kb.get("zet1").unwrap();
    assert_eq!((source.name(), source.other_names()), ("T", Vec::<&str>::new()));
}

#[test]
fn structural_errors_do_not_hide_semantic_ones() {
    let mut doc = base();
    doc["compounds"][1]["colour"] = json!("blue");
    set(&mut doc, "/therapies/0/indications", json!(["no-such-condition"]));
    let text = serde_json::to_string(&doc).unwrap();
    let codes = |level| -> Vec<String> {
        neurosteroid::validate(text.as_bytes(), Format::Json, level)
            .into_iter()
            .map(|d| format!("{} {}", d.code, d.path))
            .collect()
    };
    assert_eq!(
        codes(Level::Full),
        [
            "unknown-field /compounds/1/colour",
            "dangling-reference /therapies/0/indications/0"
        ]
    );
    assert_eq!(codes(Level::Schema), ["unknown-field /compounds/1/colour"]);
    // Text that does not parse gets the syntax error only.
    let broken = format!("{}]", &text[..text.len() - 1]);
    let diags = neurosteroid::validate(broken.as_bytes(), Format::Json, Level::Full);
    let codes: Vec<String> = diags.iter().map(|d| d.code.to_string()).collect();
    assert_eq!(codes, ["syntax"]);
}

// ---- reading files: the size limit is inclusive -------------------------------------

#[test]
fn a_file_exactly_at_the_size_limit_is_read_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.json");
    let limits = Limits::default().with_max_bytes(10);
    std::fs::write(&path, b"0123456789").unwrap();
    assert_eq!(neurosteroid::read_document(&path, &limits).unwrap(), b"0123456789");
    std::fs::write(&path, b"0123456789A").unwrap();
    let err = neurosteroid::read_document(&path, &limits).unwrap_err();
    let diags: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        diags,
        [
            "error[limit] at /: the file is 11 bytes, more than the limit of 10 bytes (hint: split the document, or raise the size limit (Limits::max_bytes, --max-bytes))"
        ]
    );
}

#[test]
fn a_json_text_read_as_yaml_is_the_same_document() {
    // The embedded document, and one with the characters JSON and YAML escape or forbid.
    let mut doc = base();
    doc["compounds"][0]["name"] = json!("a/b \\ \" \u{7f}\u{85}\u{2028}\u{feff}\u{fffe} é ∞ 𝄞");
    for text in [
        neurosteroid::EMBEDDED_JSON.to_owned(),
        serde_json::to_string(&doc).unwrap(),
    ] {
        let read = |format| KnowledgeBase::from_slice(text.as_bytes(), format, LoadOptions::new()).unwrap();
        assert!(read(Format::Yaml) == read(Format::Json));
    }
}

#[test]
fn a_text_exactly_at_the_size_limit_is_parsed_and_one_byte_more_is_refused() {
    // A document with an unknown field, so that it is read as a value (by the path that
    // explains errors) rather than straight into the model.
    let mut doc = base();
    doc["x"] = json!(1);
    let text = serde_json::to_string(&doc).unwrap();
    let at = LoadOptions::new().with_limits(Limits::default().with_max_bytes(text.len()));
    let err = KnowledgeBase::from_slice(text.as_bytes(), Format::Json, at).unwrap_err();
    assert_eq!(err.diagnostics()[0].message, "unknown field `x`");
    let under = LoadOptions::new().with_limits(Limits::default().with_max_bytes(text.len() - 1));
    let err = KnowledgeBase::from_slice(text.as_bytes(), Format::Json, under).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].message,
        format!(
            "the document is {} bytes, more than the limit of {} bytes",
            text.len(),
            text.len() - 1
        )
    );
    // A valid document is refused one byte over the limit too (the fast path of reading
    // JSON straight into the model is for texts within the limit only).
    let text = serde_json::to_string(&base()).unwrap();
    let under = LoadOptions::new().with_limits(Limits::default().with_max_bytes(text.len() - 1));
    let err = KnowledgeBase::from_slice(text.as_bytes(), Format::Json, under).unwrap_err();
    assert_eq!(err.diagnostics()[0].code, neurosteroid::Code::Limit);
    let at = LoadOptions::new().with_limits(Limits::default().with_max_bytes(text.len()));
    assert!(KnowledgeBase::from_slice(text.as_bytes(), Format::Json, at).is_ok());
}

/// A file whose size is not known in advance (a `/proc` file says 0 bytes) is cut one byte
/// past the limit and refused, never read whole.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_is_larger_than_its_stated_size_is_refused_past_the_limit() {
    let limits = Limits::default().with_max_bytes(10);
    let path = std::path::Path::new("/proc/self/status");
    assert_eq!(std::fs::metadata(path).unwrap().len(), 0);
    let err = neurosteroid::read_document(path, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid document: 1 problem(s), first: error[limit] at /: the file is 11 bytes, more than the limit of 10 bytes (hint: split the document, or raise the size limit (Limits::max_bytes, --max-bytes))"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.json");
    let err = neurosteroid::read_document(&path, &Limits::default()).unwrap_err();
    assert!(
        matches!(&err, Error::Io { path: p, source } if *p == path && source.kind() == std::io::ErrorKind::NotFound)
    );
    assert!(std::error::Error::source(&err).is_some());
    assert!(err.to_string().starts_with(&format!("{}: ", path.display())), "{err}");
    assert!(err.diagnostics().is_empty());
}

// ---- exact text of diagnostics and errors ------------------------------------------

#[test]
fn diagnostics_display_exactly() {
    use neurosteroid::{Code, Location, Severity};
    assert_eq!(Severity::Error.as_str(), "error");
    assert_eq!(Severity::Warning.as_str(), "warning");
    let d = Diagnostic::error(Code::Range, "/a/0", "too big");
    assert!(d.is_error());
    assert_eq!(d.to_string(), "error[range] at /a/0: too big");
    let d = Diagnostic::warning(Code::UnusedSource, "", "unused").with_hint("cite it");
    assert!(!d.is_error());
    assert_eq!(d.to_string(), "warning[unused-source] at /: unused (hint: cite it)");
    let d = Diagnostic {
        location: Some(Location { line: 3, column: 14 }),
        ..Diagnostic::error(Code::Syntax, "/x", "bad")
    };
    assert_eq!(d.to_string(), "3:14: error[syntax] at /x: bad");
}

#[test]
fn errors_display_exactly() {
    let not_found = Error::NotFound {
        query: "alloprgnanolone".into(),
        suggestions: vec!["allopregnanolone".into(), "pregnanolone".into()],
    };
    assert_eq!(
        not_found.to_string(),
        "no entity matches `alloprgnanolone`; did you mean `allopregnanolone`, `pregnanolone`?"
    );
    let nothing = Error::NotFound {
        query: "x".into(),
        suggestions: Vec::new(),
    };
    assert_eq!(nothing.to_string(), "no entity matches `x`");
    let ambiguous = Error::Ambiguous {
        query: "q".into(),
        candidates: vec!["a".into(), "b".into()],
    };
    assert_eq!(ambiguous.to_string(), "`q` is ambiguous: it matches a, b");
    let wrong = Error::WrongKind {
        id: "k".into(),
        expected: "compound",
        actual: "effect",
    };
    assert_eq!(wrong.to_string(), "`k` is an effect, but a compound is needed");
    let internal = Error::Internal { message: "boom".into() };
    assert_eq!(internal.to_string(), "internal error (please report): boom");
    for e in [&not_found, &nothing, &ambiguous, &wrong, &internal] {
        assert!(e.diagnostics().is_empty());
    }
    let invalid = Error::Invalid {
        diagnostics: vec![
            Diagnostic::error(neurosteroid::Code::Range, "/a", "first"),
            Diagnostic::error(neurosteroid::Code::Range, "/b", "second"),
        ],
    };
    assert_eq!(
        invalid.to_string(),
        "invalid document: 2 problem(s), first: error[range] at /a: first"
    );
    assert_eq!(invalid.diagnostics().len(), 2);
}

#[test]
fn a_panic_becomes_an_internal_error_with_its_message() {
    let from_str = neurosteroid::error::catch_panic::<()>(|| panic!("static message"));
    assert_eq!(
        from_str.unwrap_err().to_string(),
        "internal error (please report): static message"
    );
    let n = 7;
    let from_string = neurosteroid::error::catch_panic::<()>(|| panic!("formatted {n}"));
    assert_eq!(
        from_string.unwrap_err().to_string(),
        "internal error (please report): formatted 7"
    );
    let fine = neurosteroid::error::catch_panic(|| Ok(5));
    assert_eq!(fine.unwrap(), 5);
}

// ---- JSON Pointers, articles, the per-code cap --------------------------------------

#[test]
fn pointers_escape_and_unescape_exactly() {
    use neurosteroid::__private::pointer_push;
    assert_eq!(pointer_push("/a", "b/c~d"), "/a/b~1c~0d");
    assert_eq!(pointer_push("", "x"), "/x");
    // Unescaping (`pointer_tokens`, crate-private) is tested in `diagnostic::tests`.
}

// The articles (`with_article`) and the cap (`cap`) are crate-private: their pinned tests
// are unit tests in `diagnostic.rs`.

#[test]
fn the_validator_caps_a_flood_of_one_code() {
    let mut doc = base();
    let ids: Vec<String> = (0..1003).map(|i| format!("no-such-source-{i}")).collect();
    set(&mut doc, "/compounds/0/sources", json!(ids));
    let diags = check(&doc);
    assert_eq!(diags.len(), 1001);
    assert_eq!(
        diags[1000],
        "error[dangling-reference] at /compounds/0/sources/1000: 3 more `dangling-reference` problems are not listed (1003 in all; the first 1000 are), starting here (hint: fix the `dangling-reference` problems listed and validate again)"
    );
}

#[test]
fn diagnostics_serialise_with_their_stable_names() {
    use neurosteroid::{Code, Location};
    let d = Diagnostic {
        location: Some(Location { line: 2, column: 5 }),
        ..Diagnostic::warning(Code::UnusedSource, "/sources/0", "m").with_hint("h")
    };
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(
        v,
        json!({"code": "unused-source", "severity": "warning", "path": "/sources/0", "message": "m",
               "hint": "h", "location": {"line": 2, "column": 5}})
    );
    assert_eq!(serde_json::from_value::<Diagnostic>(v).unwrap(), d);
    let bad = json!({"code": "no-such-code", "severity": "error", "path": "", "message": "m"});
    let err = serde_json::from_value::<Diagnostic>(bad).unwrap_err().to_string();
    assert!(err.starts_with("unknown diagnostic code `no-such-code`"), "{err}");
}

// ---- kinds and entities ------------------------------------------------------------

#[test]
fn every_kind_has_its_name_and_collection() {
    use neurosteroid::EntityKind;
    let table: Vec<String> = EntityKind::ALL
        .iter()
        .map(|k| format!("{k} {} {}", k.as_str(), k.collection()))
        .collect();
    assert_eq!(
        table,
        [
            "source source sources",
            "compound compound compounds",
            "enzyme enzyme enzymes",
            "gene-product gene-product gene_products",
            "reaction reaction reactions",
            "pathway pathway pathways",
            "receptor receptor receptors",
            "site site sites",
            "effect effect effects",
            "condition condition conditions",
            "therapy therapy therapies",
            "strategy strategy strategies",
            "claim claim claims",
            "fact-sheet fact-sheet fact_sheets",
        ]
    );
    for k in EntityKind::ALL {
        assert_eq!(EntityKind::from_collection(k.collection()), Some(k));
    }
    assert_eq!(EntityKind::from_collection("compound"), None);
    assert_eq!(neurosteroid::model::Grade::Preclinical.to_string(), "preclinical");
}

#[test]
fn entities_answer_for_themselves() {
    use neurosteroid::EntityKind;
    let mut doc = base();
    doc["compounds"][0]["synonyms"] = json!(["CA", "Compound alpha"]);
    doc["compounds"][0]["identifiers"] = json!(["CHEBI:15377"]);
    // Amounts are written back as floating-point numbers.
    doc["therapies"][0]["doses"][0] = json!({"min": 100.0, "max": 200.0, "unit": "mg", "source": "src-paper"});
    let kb = load(&doc, Level::Full);
    let a = kb.get("compound-a").unwrap();
    assert_eq!(a.kind(), EntityKind::Compound);
    assert_eq!(a.id().as_str(), "compound-a");
    assert_eq!(a.name(), "Compound A");
    assert_eq!(a.other_names(), ["CA", "Compound alpha"]);
    let ids: Vec<String> = a.identifiers().iter().map(ToString::to_string).collect();
    assert_eq!(ids, ["CHEBI:15377"]);
    assert_eq!(
        a.to_json_string(),
        r#"{"id":"compound-a","name":"Compound A","synonyms":["CA","Compound alpha"],"identifiers":["CHEBI:15377"],"sources":["src-paper"]}"#
    );
    assert_eq!(
        a.to_json_value(),
        serde_json::from_str::<Value>(&a.to_json_string()).unwrap()
    );
    let t = kb.get("therapy-t").unwrap();
    assert_eq!((t.kind(), t.name()), (EntityKind::Therapy, "Therapy T"));
    assert_eq!(kb.get("src-paper").unwrap().kind(), EntityKind::Source);
    assert_eq!(kb.get("condition-k").unwrap().kind(), EntityKind::Condition);
    // Positions, typed lookups and listings.
    assert_eq!(kb.position("compound-c"), Some((EntityKind::Compound, 1)));
    assert_eq!(kb.position("therapy-t"), Some((EntityKind::Therapy, 0)));
    assert_eq!(kb.position("nothing"), None);
    assert!(matches!(kb.get("compound-a"), Some(neurosteroid::EntityRef::Compound(c)) if c.id == "compound-a"));
    let compounds: Vec<String> = kb.entities(EntityKind::Compound).map(|e| e.id().to_string()).collect();
    assert_eq!(compounds, ["compound-a", "compound-c"]);
    assert_eq!(kb.require("compound-c").unwrap().name(), "Compound C");
    assert_eq!(
        kb.require("compund-c").unwrap_err().to_string(),
        "no entity matches `compund-c`; did you mean `compound-c`, `compound-a`?"
    );
    // Serialising gives the document back.
    assert_eq!(serde_json::from_str::<Value>(&kb.to_json()).unwrap(), doc);
    let pretty = kb.to_json_pretty();
    assert!(
        pretty.ends_with("}\n") && pretty.contains("\n  \"as_of\": \"2026-01-31\""),
        "{pretty}"
    );
    assert_eq!(serde_json::from_str::<Value>(&pretty).unwrap(), doc);
    assert_eq!(kb.document().compounds.len(), 2);
    assert_eq!(kb.into_document().therapies.len(), 1);
}

#[test]
fn validation_levels_by_name() {
    assert_eq!(Level::Schema.as_str(), "schema");
    assert_eq!(Level::Full.as_str(), "full");
    assert_eq!("schema".parse::<Level>(), Ok(Level::Schema));
    assert_eq!("full".parse::<Level>(), Ok(Level::Full));
    let err = "strict".parse::<Level>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown validation level `strict` (one of: schema, full)"
    );
    // A typed error: matchable, and usable as a `std::error::Error`.
    assert_eq!(err.given(), "strict");
    let _: &dyn std::error::Error = &err;
    assert_eq!(Level::default(), Level::Full);
}

// ---- found by the sampled run of 2026-11-30 (docs/mutants.md, run f) ------------------

#[test]
fn a_broken_entity_does_not_make_the_sources_it_cites_look_unused() {
    // src-other is cited only by compound-a. With compound-a intact and src-other cited
    // nowhere, it is unused; with compound-a structurally broken, the rules cannot know
    // what compound-a cites, so the source is not reported.
    let mut doc = base();
    doc["sources"].as_array_mut().unwrap().push(json!(
        {"id": "src-other", "kind": "journal-article", "title": "Another paper", "year": 2021,
         "identifiers": ["pubmed:2"]}
    ));
    assert_eq!(codes_of(&doc), ["unused-source /sources/1"]);
    set(&mut doc, "/compounds/0/sources", json!(["src-paper", "src-other"]));
    assert_eq!(codes_of(&doc), Vec::<String>::new());
    doc["compounds"][0]["colour"] = json!("blue");
    assert_eq!(codes_of(&doc), ["unknown-field /compounds/0/colour"]);
}

#[test]
fn a_claim_summary_names_both_ends_its_grade_evidence_and_sources() {
    let kb = KnowledgeBase::from_json(&neurosteroid_test_support::base_text()).unwrap();
    let claim = kb.get("c-acts-on-r").unwrap();
    assert_eq!(
        neurosteroid::render::summary(&kb, claim),
        "C modulates R. (claim: c-acts-on-r)\n\
         \x20 Compound C —acts-on→ Receptor R\n\
         \x20 grade:       preclinical\n\
         \x20 evidence:    ECO:0006006 (electrophysiology assay evidence used in manual assertion)\n\
         \x20 consensus:   established\n\
         \x20 sources:     A test article; A test paper\n\
         \x20 quote:       “C potentiates R.” (src-paper, abstract)\n"
    );
}

#[test]
fn a_dot_or_slash_inside_an_annotation_does_not_split_a_unit() {
    let codes = |unit: &str| -> Vec<String> {
        let mut doc = base();
        set(&mut doc, "/therapies/0/doses/0/unit", json!(unit));
        codes_of(&doc)
    };
    assert_eq!(codes("mg{total.per/day}"), Vec::<String>::new());
    assert_eq!(codes("mg/d"), Vec::<String>::new());
    assert_eq!(codes("mg{total"), ["invalid-unit /therapies/0/doses/0/unit"]);
}

#[test]
fn columns_count_characters_not_bytes() {
    // The same document on one line, once with an ASCII name and once with a two-byte
    // character in its place: the error after it is at the same column.
    let location = |name: &str| {
        let mut doc = base();
        set(&mut doc, "/compounds/0/name", json!(name));
        doc["compounds"][0]["zz-unknown"] = json!(true);
        let text = serde_json::to_string(&doc).unwrap();
        let diags = neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full);
        assert_eq!(diags.len(), 1, "{diags:?}");
        let loc = diags[0].location.unwrap();
        (loc.line, loc.column)
    };
    let ascii = location("5a-Compound");
    assert!(ascii.1 > 1);
    assert_eq!(location("5α-Compound"), ascii);
    assert_eq!(location("5αα-Compound"), (ascii.0, ascii.1 + 1));
}

#[test]
fn a_broken_pathway_or_reaction_hides_the_pathway_order_checks() {
    // The steps of c-synthesis are out of order. When another pathway (or a reaction) is
    // structurally broken, the order checks are not run on what is left: they could be
    // about entities that did not parse.
    let doc: Value = serde_json::from_str(&neurosteroid_test_support::read(
        "tests/vectors/invalid/pathway-disconnected.json",
    ))
    .unwrap();
    assert_eq!(codes_of(&doc), ["pathway-disconnected /pathways/0/steps/1"]);
    let mut broken_pathway = doc.clone();
    broken_pathway["pathways"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "p-broken", "name": "Broken", "steps": ["a-to-b"], "colour": "blue"}));
    assert_eq!(codes_of(&broken_pathway), ["unknown-field /pathways/1/colour"]);
    let mut broken_reaction = doc;
    broken_reaction["reactions"][1]["colour"] = json!("blue");
    assert_eq!(codes_of(&broken_reaction), ["unknown-field /reactions/1/colour"]);
}

#[test]
fn reference_slots_match_whole_pointers_only() {
    use neurosteroid::validate::reference_slot;
    let pattern = |p: &str| reference_slot(p).map(|s| s.pattern);
    assert_eq!(pattern("/reactions/0/substrate"), Some("/reactions/*/substrate"));
    assert_eq!(pattern("/reactions/12/product"), Some("/reactions/*/product"));
    for not_a_reference in [
        "/reactions/0/name",
        "/reactions/x/substrate",
        "/reactions//substrate",
        "/reactions/0/substrate/more",
        "/reactions/0",
        "",
    ] {
        assert_eq!(pattern(not_a_reference), None, "{not_a_reference}");
    }
}

#[test]
fn an_entity_listing_one_identifier_twice_is_not_a_duplicate_of_itself() {
    let mut doc = base();
    // One ChEBI id, written with and without zero padding, on one compound: the same
    // identifier, and the same entity, so not a `duplicate-identifier`.
    doc["compounds"][1]["identifiers"] = json!(["CHEBI:50169", "CHEBI:050169"]);
    assert_eq!(codes_of(&doc), Vec::<String>::new());
    // On another compound it is one, for each way it is written.
    doc["compounds"][0]["identifiers"] = json!(["CHEBI:50169"]);
    assert_eq!(
        codes_of(&doc),
        [
            "duplicate-identifier /compounds/1/identifiers/0",
            "duplicate-identifier /compounds/1/identifiers/1"
        ]
    );
}

#[test]
fn an_evidence_kind_that_does_not_fit_the_grade_lists_the_kinds_that_do() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/invalid/evidence-kind-grade.json"
    );
    let diags = neurosteroid::validate(&std::fs::read(path).unwrap(), Format::Json, Level::Full);
    let found: Vec<(&str, Option<&str>)> = diags.iter().map(|d| (d.path.as_str(), d.hint.as_deref())).collect();
    assert_eq!(
        found,
        [(
            "/claims/0/evidence_kind",
            Some(
                "regrade the claim, or give the kind of evidence that fits `clinical-trial`: ECO:0007121 (human clinical studies), ECO:0006017 (statement resting on clinical studies)"
            )
        )]
    );
}

#[test]
fn a_consensus_that_disagrees_with_the_direction_gets_the_hint_for_that_pair() {
    let hint_for = |consensus: &str, direction: &str| {
        let doc = with_claim(json!({"direction": direction, "consensus": consensus}));
        let text = serde_json::to_string(&doc).unwrap();
        neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full)
            .into_iter()
            .filter(|d| d.code.as_str() == "consensus-direction")
            .map(|d| (d.path, d.hint.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let at = "/claims/0/consensus".to_owned();
    assert_eq!(
        hint_for("established", "contradicts"),
        [(at.clone(), "use `contradicted`".to_owned())]
    );
    assert_eq!(
        hint_for("established", "mixed"),
        [(
            at.clone(),
            "use `debated` (or `supported` when most evidence agrees), or fix the direction".to_owned()
        )]
    );
    assert_eq!(
        hint_for("contradicted", "supports"),
        [(at, "use `supported` or `established`, or fix the direction".to_owned())]
    );
    assert_eq!(hint_for("established", "supports"), []);
}

#[test]
fn a_broken_header_does_not_hide_an_unused_source() {
    // `as_of` is broken (a structural error); the rest is checked all the same, and a source
    // nothing cites is still reported: only a broken *entity* could have been its citer.
    // `$schema`, the one field that is not a list, is kept when it reads, so a valid one next
    // to the broken header changes nothing.
    for schema_link in [None, Some("https://example.org/neurosteroid.schema.json")] {
        let mut doc = base();
        if let Some(link) = schema_link {
            doc["$schema"] = json!(link);
        }
        doc["as_of"] = json!("not a date");
        doc["sources"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "src-unused", "kind": "review", "title": "Unused"}));
        let codes = codes_of(&doc);
        assert!(
            codes.iter().any(|c| c == "unused-source /sources/1"),
            "{schema_link:?}: {codes:?}"
        );
    }
}

/// Adds a valid compound citing a missing source to `doc` (which holds many broken or
/// unknown parts) and asserts that its dangling reference is still reported: the broken
/// parts did not stop the semantic checks.
fn assert_checked_despite_the_rest(mut doc: Value) {
    let compounds = doc["compounds"].as_array_mut().unwrap();
    compounds.push(json!({"id": "compound-z", "name": "Compound Z", "sources": ["src-missing"]}));
    let want = format!("dangling-reference /compounds/{}/sources/0", compounds.len() - 1);
    let codes = codes_of(&doc);
    assert!(
        codes.contains(&want),
        "{want}: {:?}",
        &codes[codes.len().saturating_sub(3)..]
    );
}

#[test]
fn hundreds_of_broken_entities_do_not_stop_the_other_checks() {
    // Each broken item is set aside on its own, so 300 of them (more than the 256 rounds of
    // the whole-document fallback) still leave the rest checked.
    let mut doc = base();
    let compounds = doc["compounds"].as_array_mut().unwrap();
    compounds.extend((0..300).map(|i| json!({"id": format!("broken-{i}"), "name": 7})));
    assert_checked_despite_the_rest(doc);
}

#[test]
fn hundreds_of_unknown_fields_at_the_top_do_not_stop_the_other_checks() {
    // An unknown field, holding a list or anything else, is set aside whole before the typed
    // passes, so 300 of each cost none of the 256 rounds of the whole-document fallback.
    let mut doc = base();
    for i in 0..300 {
        doc[format!("extra_list_{i}")] = json!([{"id": format!("extra-{i}")}]);
        doc[format!("extra_{i}")] = json!(i);
    }
    assert_checked_despite_the_rest(doc);
}

#[test]
fn an_excerpt_of_exactly_the_longest_length_is_fine_and_one_more_character_is_not() {
    let codes_for = |text: String| {
        codes_of(&with_claim(
            json!({"excerpts": [{"source": "src-paper", "locator": "p. 1", "text": text}]}),
        ))
    };
    let longest = neurosteroid::model::EXCERPT_MAX_CHARS;
    // Characters, not bytes: `α` is two bytes.
    assert!(
        !codes_for("α".repeat(longest))
            .iter()
            .any(|c| c.starts_with("excerpt-too-long"))
    );
    assert!(
        codes_for("α".repeat(longest + 1))
            .iter()
            .any(|c| c == "excerpt-too-long /claims/0/excerpts/0/text")
    );
}

#[test]
fn canonical_yaml_writes_lists_of_lists_maps_and_empty_collections() {
    use neurosteroid::canonical::{Node, to_yaml};
    let n = |i: u64| Node::Number(i.into());
    let node = Node::Map(vec![
        (
            "grid".to_owned(),
            Node::Seq(vec![
                Node::Seq(vec![n(1), n(2)]),
                Node::Seq(vec![n(3)]),
                Node::Seq(vec![]),
                Node::Map(vec![]),
                Node::Map(vec![("k".to_owned(), n(4)), ("l".to_owned(), n(5))]),
            ]),
        ),
        ("empty".to_owned(), Node::Map(vec![])),
        ("name".to_owned(), Node::String("a: b".to_owned())),
    ]);
    let text = to_yaml(&node);
    assert_eq!(
        text,
        "grid:\n  -\n    - 1\n    - 2\n  -\n    - 3\n  - []\n  - {}\n  - k: 4\n    l: 5\nempty: {}\nname: \"a: b\"\n"
    );
    // Empty at the root too.
    assert_eq!(to_yaml(&Node::Map(vec![])), "{}\n");
    assert_eq!(to_yaml(&Node::Seq(vec![])), "[]\n");
}

#[test]
fn typo_tolerance_stops_at_three_extra_bytes_and_at_64_characters() {
    let forty = "bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwxz";
    let sixty_four = "abcdefgh".repeat(8);
    let sixty_five = format!("{}m", "mnopqrst".repeat(8));
    let doc = json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "compounds": [
            {"id": "forty", "name": forty},
            {"id": "sixty-four", "name": sixty_four},
            {"id": "sixty-five", "name": sixty_five},
            {"id": "short", "name": "wxyz"},
            {"id": "shorter", "name": "qrs"}
        ]
    });
    let kb = load(&doc, Level::Schema);
    let search = |q: &str| -> Vec<String> {
        kb.search(q, 5)
            .into_iter()
            .map(|h| format!("{} {:?} {:.3}", h.id, h.how, h.score))
            .collect()
    };
    // A name at most 3 bytes shorter than the query is a typo match; 4 bytes shorter is not.
    assert_eq!(search(&format!("{forty}abc")), ["forty Fuzzy 0.698"]);
    assert_eq!(search(&format!("{forty}abcd")), Vec::<String>::new());
    // One letter changed: forgiven in a 64-character query, not in a 65-character one.
    let typo = |s: &str| format!("x{}", &s[1..]);
    assert_eq!(search(&typo(&sixty_four)), ["sixty-four Fuzzy 0.738"]);
    assert_eq!(search(&typo(&sixty_five)), Vec::<String>::new());
    // The shortest query forgiven a typo has 4 bytes; a 3-byte one must match exactly.
    assert_eq!(search("wxya"), ["short Fuzzy 0.562"]);
    assert_eq!(search("qra"), Vec::<String>::new());
}

#[test]
fn diff_reports_every_kind_of_change_in_text_markdown_and_json() {
    // The shared base vector: one entity of most kinds, two claims, two sources.
    let old = neurosteroid_test_support::base();
    let mut new = old.clone();
    new["as_of"] = json!("2026-03-31");
    // Added and removed.
    new["compounds"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "compound-n", "name": "Compound N"}));
    new["sites"].as_array_mut().unwrap().clear();
    // Renamed: shared identifiers under a new id (with or without a new name), and the same
    // content under a new id.
    new["compounds"][0]["id"] = json!("compound-a2");
    new["effects"][0]["id"] = json!("effect-e2");
    new["conditions"][0]["id"] = json!("condition-k2");
    new["conditions"][0]["name"] = json!("Condition K (renamed)");
    // Modified.
    new["therapies"][0]["brand_names"] = json!(["Brand T", "Brand U"]);
    // A grade up, a grade down, a direction.
    new["claims"][0]["grade"] = json!("expert-opinion");
    new["claims"][1]["grade"] = json!("clinical-trial");
    new["claims"][1]["direction"] = json!("contradicts");
    // Sources and regulatory events, in and out.
    new["sources"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "src-new", "kind": "review", "title": "A new review"}));
    new["sources"].as_array_mut().unwrap().remove(0);
    let history = new["therapies"][0]["status_history"].as_array_mut().unwrap();
    history.pop();
    history.push(json!({"date": "2025-06-30", "regulator": "EMA", "status": "approved", "source": "src-paper"}));
    let doc = |v: &Value| -> neurosteroid::model::Document { serde_json::from_value(v.clone()).unwrap() };
    let changes = neurosteroid::diff::diff(&doc(&old), &doc(&new));
    insta::assert_snapshot!("diff_text", changes.to_text());
    insta::assert_snapshot!("diff_markdown", changes.to_markdown());
    insta::assert_snapshot!("diff_json", serde_json::to_string_pretty(&changes).unwrap());
    assert!(!changes.is_empty());
    assert!(neurosteroid::diff::diff(&doc(&old), &doc(&old)).is_empty());
}

#[test]
fn a_byte_order_mark_does_not_move_locations() {
    // The same document with and without a UTF-8 byte order mark: the unknown field is at the
    // same line and column (the mark is not a character anyone sees).
    let mut doc = base();
    doc["compounds"][0]["zz-unknown"] = json!(true);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let plain = locations(text.as_bytes(), Format::Json);
    assert_eq!(plain, ["unknown-field /compounds/0/zz-unknown 10:7"]);
    let with_mark = format!("\u{feff}{text}");
    assert_eq!(locations(with_mark.as_bytes(), Format::Json), plain);
    let yaml = "schema_version: 1.1.0\nas_of: 2026-01-31\ncompounds:\n  - id: a\n    name: A\n    zz-unknown: true\n";
    let yaml_plain = locations(yaml.as_bytes(), Format::Yaml);
    assert_eq!(yaml_plain, ["unknown-field /compounds/0/zz-unknown 6:5"]);
    assert_eq!(
        locations(format!("\u{feff}{yaml}").as_bytes(), Format::Yaml),
        yaml_plain
    );
}

#[test]
fn fmt_keeps_comments_after_quoted_text_with_escapes_and_hashes() {
    use neurosteroid::canonical::{Content, format_text};
    // A `#` inside quotes is text; after the closing quote (past an escaped quote, or a
    // doubled single quote), it starts a comment.
    let yaml = "schema_version: 1.1.0\n\
                as_of: 2026-01-31\n\
                compounds:\n  \
                - id: a\n    \
                  name: \"A \\\"quoted\\\" # name\" # first comment\n  \
                - id: b\n    \
                  name: 'B ''single'' # name' # second comment\n";
    let formatted = format_text(yaml, Format::Yaml, Content::Document).unwrap();
    assert_eq!(
        formatted,
        "schema_version: 1.1.0\n\
         as_of: 2026-01-31\n\
         compounds:\n  \
         - id: a\n    \
           name: \"A \\\"quoted\\\" # name\"  # first comment\n  \
         - id: b\n    \
           name: \"B 'single' # name\"  # second comment\n"
    );
}

#[test]
fn a_key_after_an_empty_list_is_located_at_the_key() {
    let text = r#"{"schema_version": "1.1.0", "as_of": "2026-01-31", "compounds": [], "sources": [ ], "zz": 1}"#;
    let column = text.find("\"zz\"").unwrap() + 1;
    assert_eq!(
        locations(text.as_bytes(), Format::Json),
        [format!("unknown-field /zz 1:{column}")]
    );
}

#[test]
fn a_kind_filter_still_finds_a_typo_match_behind_other_kinds_exact_ones() {
    // The compound matches exactly but is not of the kind asked for; the strategy is one
    // letter away. Asking for one strategy must look for typos.
    let doc = json!({
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "compounds": [{"id": "alpha", "name": "Alphasterone"}],
        "strategies": [{"id": "s", "name": "Alphasterane", "kind": "lifestyle"}]
    });
    let kb = load(&doc, Level::Schema);
    let found: Vec<String> = kb
        .search_kind("alphasterone", 1, Some(neurosteroid::EntityKind::Strategy))
        .into_iter()
        .map(|h| format!("{} {:?}", h.id, h.how))
        .collect();
    assert_eq!(found, ["s Fuzzy"]);
}

#[test]
fn canonical_yaml_quotes_text_that_plain_yaml_would_break() {
    use neurosteroid::canonical::{Node, to_yaml};
    let texts = [
        "a: b",
        "a #b",
        "x\u{85}y",
        "x\u{feff}y",
        "x\u{2028}y",
        "x\u{2029}y",
        "x\u{7}y",
        " lead",
        "trail ",
        "end:",
        "-dash",
        "yes",
        "null",
        "12",
        "1.5",
    ];
    let node = Node::Seq(texts.iter().map(|t| Node::String((*t).to_owned())).collect());
    let yaml = to_yaml(&node);
    for (line, text) in yaml.lines().zip(texts) {
        assert!(line.starts_with("- \""), "{text:?} is not quoted: {line:?}");
    }
    assert_eq!(yaml.lines().count(), texts.len());
    assert_eq!(
        to_yaml(&Node::Seq(vec![Node::String("plain text".into())])),
        "- plain text\n"
    );
}

#[test]
fn fmt_keeps_a_comment_after_the_first_key_of_a_list_item() {
    use neurosteroid::canonical::{Content, format_text};
    let yaml = "schema_version: 1.1.0\nas_of: 2026-01-31\ncompounds:\n  - id: a  # about a\n    name: A\n";
    assert_eq!(format_text(yaml, Format::Yaml, Content::Document).unwrap(), yaml);
}

#[test]
fn a_value_error_says_what_the_document_diagnostic_says() {
    use neurosteroid::model::{Id, InvalidValue};
    let err: InvalidValue = "Not An Id".parse::<Id>().unwrap_err();
    assert!(err.message().contains("is not a valid id"), "{err}");
    assert_eq!(err.message(), err.to_string());
    let text = r#"{"schema_version": "1.1.0", "as_of": "2026-01-31", "compounds": [{"id": "Not An Id", "name": "x"}]}"#;
    let said = schema_messages(text);
    assert!(said.iter().any(|m| m == err.message()), "{said:?} / {err}");
}

#[test]
fn the_scan_that_the_index_is_measured_against_gives_the_same_hits() {
    let kb = KnowledgeBase::embedded().unwrap();
    for (text, kind) in [
        ("allopregnanolon", None),
        ("5α-reductase", None),
        ("pregnan", Some(neurosteroid::EntityKind::Compound)),
    ] {
        let scan = kb.search_kind_by_scan(text, 5, kind);
        assert!(!scan.is_empty(), "{text}");
        assert_eq!(scan, kb.search_kind(text, 5, kind), "{text}");
    }
}

#[test]
fn a_text_reads_as_its_string() {
    use neurosteroid::model::Text;
    let text: Text = "Allopregnanolone".parse().unwrap();
    let as_str: &str = text.as_ref();
    assert_eq!(
        (as_str, text.as_str(), text.to_string()),
        ("Allopregnanolone", "Allopregnanolone", "Allopregnanolone".to_owned())
    );
}

#[test]
fn a_value_of_the_wrong_shape_is_named_by_its_type() {
    let first = |text: &str| schema_messages(text).into_iter().next().unwrap_or_default();
    for (root, name) in [
        ("[]", "an array"),
        ("1", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
        ("\"x\"", "a string"),
    ] {
        assert_eq!(
            first(root),
            format!("the document must be a JSON object, not {name}"),
            "{root}"
        );
    }
}

#[test]
fn a_top_level_field_holding_an_object_is_told_what_the_field_takes() {
    let cases = [
        ("compounds", "`compounds` must be an array, not an object"),
        ("coverage", "`coverage` must be an array, not an object"),
    ];
    for (field, message) in cases {
        let mut doc = base();
        doc[field] = json!({"a": {"b": 1}});
        assert_eq!(
            check(&doc),
            [format!(
                "error[type] at /{field}: {message} (hint: write `\"{field}\": [ ... ]`)"
            )],
            "{field}"
        );
    }
    let mut doc = base();
    doc["as_of"] = json!({});
    doc["schema_version"] = json!({});
    doc["$schema"] = json!({});
    assert_eq!(
        check(&doc),
        [
            "error[type] at /$schema: invalid type: map, expected a string \
             (hint: write `\"$schema\":` followed by the schema's URI as a string)",
            "error[type] at /schema_version: invalid type: map, expected a string \
             (hint: write `\"schema_version\":` followed by the format's version, `\"1.1.0\"`)",
            "error[type] at /as_of: invalid type: map, expected a string \
             (hint: write `\"as_of\":` followed by a date as a string, `\"YYYY-MM-DD\"`)",
        ]
    );
    // A misspelt top-level field holding an object is still a misspelt field.
    let mut doc = base();
    doc["compund"] = json!({});
    assert_eq!(
        check(&doc),
        ["error[unknown-field] at /compund: unknown field `compund` (hint: did you mean `compounds`?)"]
    );
    // Below the top level, an object where a value belongs is the shape guard's to report.
    let mut doc = base();
    set(&mut doc, "/compounds/0/name", json!({"en": "Compound A"}));
    assert_eq!(
        check(&doc),
        [
            "error[type] at /compounds/0/name: invalid type: an object, where a string, number or array is \
          expected (hint: write the value itself, e.g. `\"preclinical\"`, not an object)"
        ]
    );
}

#[test]
fn a_reference_to_an_entity_whose_id_can_not_be_read_is_not_called_dangling() {
    // The therapy's active compound is compound C, whose `id` is misspelt: the reference may
    // well be to it, so only the structural errors are reported.
    let mut doc = base();
    set(
        &mut doc,
        "/compounds/1",
        json!({"ID": "compound-c", "name": "Compound C"}),
    );
    assert_eq!(
        codes_of(&doc),
        ["unknown-field /compounds/1/ID", "missing-field /compounds/1"]
    );
    // With a readable id, the broken entity's id is known, and a reference to another is not
    // excused.
    set(&mut doc, "/compounds/1", json!({"id": "compound-c", "name": 5}));
    set(&mut doc, "/therapies/0/active_compounds/0", json!("compound-z"));
    assert_eq!(
        codes_of(&doc),
        [
            "type /compounds/1/name",
            "dangling-reference /therapies/0/active_compounds/0"
        ]
    );
}

#[test]
fn a_json_syntax_error_is_located_where_the_parser_stopped() {
    // A value missing after the colon on line 3: the parser stops at the comma.
    let text = b"{\n  \"schema_version\": \"1.1.0\",\n  \"as_of\": ,\n}";
    assert_eq!(locations(text, Format::Json), ["syntax  3:12"]);
    let d = &neurosteroid::validate(text, Format::Json, Level::Full)[0];
    assert_eq!(
        d.to_string(),
        "3:12: error[syntax] at /: JSON syntax error: expected value (hint: fix the JSON syntax at the position shown)"
    );
}

#[test]
fn a_positive_number_hashes_by_its_value() {
    use std::hash::{BuildHasher, RandomState};
    let p = |v: f64| serde_json::from_value::<neurosteroid::model::Positive>(json!(v)).unwrap();
    let hasher = RandomState::new();
    // Equal numbers hash alike, so a set of doses keeps one of each; different ones do not.
    assert_eq!(hasher.hash_one(p(2.5)), hasher.hash_one(p(2.5)));
    assert_ne!(hasher.hash_one(p(2.5)), hasher.hash_one(p(25.0)));
    let set: std::collections::HashSet<_> = [p(1.0), p(2.0), p(1.0)].into_iter().collect();
    assert_eq!(set.len(), 2);
}
