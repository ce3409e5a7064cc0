//! Properties: round trips, resolution of every name, and no panic on any input.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::{EntityKind, EntityRef, Format, KnowledgeBase, Level};
use proptest::prelude::*;
use serde_json::{Value, json};

use neurosteroid_test_support::{base_text, read};

/// Every name, synonym, brand, symbol and identifier of a knowledge base resolves to its
/// entity, or to an entity legitimately sharing it (a medicine and its active compound).
fn every_name_resolves(kb: &KnowledgeBase) {
    for kind in EntityKind::ALL {
        if !kind.carries_names() {
            continue;
        }
        for e in kb.entities(kind) {
            let mut names: Vec<String> = vec![e.id().to_string(), e.name().to_owned()];
            names.extend(e.other_names().into_iter().map(str::to_owned));
            names.extend(e.identifiers().iter().map(ToString::to_string));
            names.extend(
                e.identifiers()
                    .iter()
                    .map(|c| format!("{}:{}", c.prefix().to_lowercase(), c.local())),
            );
            if let EntityRef::GeneProduct(g) = e {
                names.push(g.symbol.to_string());
            }
            for name in names {
                let r = kb
                    .resolve(&name)
                    .unwrap_or_else(|err| panic!("`{name}` ({}): {err}", e.id()));
                let found = r.entity.id() == e.id() || r.related.iter().any(|x| x.id() == e.id());
                assert!(found, "`{name}` resolved to {} instead of {}", r.entity.id(), e.id());
            }
        }
    }
}

#[test]
fn names_resolve_in_the_test_vector() {
    every_name_resolves(&KnowledgeBase::from_json(&base_text()).unwrap());
}

#[test]
fn names_resolve_in_the_embedded_data() {
    every_name_resolves(KnowledgeBase::embedded().unwrap());
}

#[test]
fn embedded_data_passes_full_validation_with_no_diagnostics() {
    let diags = neurosteroid::validate(neurosteroid::EMBEDDED_JSON.as_bytes(), Format::Json, Level::Full);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn yaml_and_json_give_the_same_knowledge_base() {
    let json = KnowledgeBase::from_json(&read("tests/vectors/valid/base.json")).unwrap();
    let yaml = KnowledgeBase::from_yaml(&read("tests/vectors/valid/base.yaml")).unwrap();
    assert_eq!(json, yaml);
}

/// Within format 1 no field changes: migrating a 1.0.0 document only sets the version, the
/// result loads, and migrating a current document is the identity.
#[test]
fn migrate_within_format_1_only_sets_the_version() {
    let doc: Value = serde_json::from_str(&base_text()).unwrap();
    assert_eq!(doc["schema_version"], neurosteroid::model::CURRENT_SCHEMA_VERSION);
    let migrated = neurosteroid::migrate(doc.clone()).unwrap();
    assert_eq!(migrated, doc);
    // A format 1.0 document gains only the new version number, and loads as it was.
    let v1_0: Value = serde_json::from_str(&read("tests/vectors/valid/format-1-0.json")).unwrap();
    let mut expected = v1_0.clone();
    expected["schema_version"] = json!(neurosteroid::model::CURRENT_SCHEMA_VERSION);
    assert_eq!(neurosteroid::migrate(v1_0).unwrap(), expected);
    assert!(KnowledgeBase::from_json(&expected.to_string()).is_ok());
    let old = json!({"schema_version": "0.9.0", "as_of": "2020-01-01"});
    assert_eq!(
        neurosteroid::migrate(old).unwrap_err().code,
        neurosteroid::Code::UnsupportedVersion
    );
}

fn mutated(index: usize, new: Value) -> Value {
    let mut doc: Value = serde_json::from_str(&base_text()).unwrap();
    let mut leaves = Vec::new();
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| walk(x, format!("{at}/{k}"), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, format!("{at}/{i}"), out)),
            _ => {}
        }
    }
    walk(&doc, String::new(), &mut leaves);
    let target = &leaves[index % leaves.len()];
    if target.is_empty() {
        return new;
    }
    *doc.pointer_mut(target).unwrap() = new;
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever parses, serialises and parses back to an equal knowledge base; whatever does
    /// not parse yields diagnostics whose paths point into the document.
    #[test]
    fn round_trip_or_diagnostics(index in 0usize..10_000, new in prop_oneof![
        Just(json!(null)), Just(json!("x")), Just(json!("5α-X")), Just(json!(1.5)), Just(json!([])),
        Just(json!("chebi:1")), Just(json!("2026-01-01")), Just(json!({})), "[ -~]{0,10}".prop_map(Value::String),
    ]) {
        let doc = mutated(index, new);
        let text = serde_json::to_string(&doc).unwrap();
        match KnowledgeBase::from_slice(text.as_bytes(), Format::Json, neurosteroid::LoadOptions::default()) {
            Ok(kb) => {
                let again = KnowledgeBase::from_json(&kb.to_json()).unwrap();
                prop_assert_eq!(&again, &kb);
                let yaml_again = KnowledgeBase::from_yaml(&kb.to_json_pretty()).unwrap();
                prop_assert_eq!(&yaml_again, &kb);
            }
            Err(e) => {
                prop_assert!(!e.diagnostics().is_empty());
                for d in e.diagnostics() {
                    // Every pointer names a value of the document: a missing field's pointer
                    // is its object, an unknown field's is the field itself.
                    prop_assert!(doc.pointer(&d.path).is_some(), "{} points outside the document: {}", d.path, d);
                    prop_assert!(d.location.is_some(), "{} has no line and column", d);
                }
            }
        }
    }

    /// Any bytes at all: diagnostics or a knowledge base, never a panic.
    #[test]
    fn any_bytes_are_handled(bytes in proptest::collection::vec(any::<u8>(), 0..256), yaml in any::<bool>()) {
        let format = if yaml { Format::Yaml } else { Format::Json };
        let diags = neurosteroid::validate(&bytes, format, Level::Full);
        // `validate` and loading agree: no error exactly when the bytes load.
        let loads = KnowledgeBase::from_slice(&bytes, format, neurosteroid::LoadOptions::default()).is_ok();
        prop_assert_eq!(!diags.iter().any(|d| d.is_error()), loads, "{:?}", diags);
        for d in &diags {
            prop_assert!(!d.message.is_empty(), "{:?}", d);
        }
    }

    /// Any text as a query: an answer or an error, never a panic.
    #[test]
    fn any_query_is_handled(q in "\\PC{0,40}") {
        let kb = KnowledgeBase::from_json(&base_text()).unwrap();
        // What is found is an entity of the knowledge base, and no more hits than asked.
        if let Ok(r) = kb.resolve(&q) {
            prop_assert!(kb.get(r.entity.id().as_str()).is_some());
        }
        let hits = kb.search(&q, 5);
        prop_assert!(hits.len() <= 5);
        for h in &hits {
            prop_assert!(kb.get(&h.id).is_some(), "{}", h.id);
        }
        if let Ok(route) = kb.biosynthesis(&q) {
            // A route runs from step to step: each product is the next step's substrate.
            for pair in route.steps.windows(2) {
                prop_assert_eq!(pair[0].product.id.as_str(), pair[1].substrate.id.as_str());
            }
        }
    }
}
