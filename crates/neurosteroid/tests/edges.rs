//! Issue 13's core edges: default fact sheets for a user's compounds, `unsupported-version`,
//! diagnostics that print their line and column, grammatical messages.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::render::SheetFormat;
use neurosteroid::{Code, EntityKind, Format, KnowledgeBase, Level};
use serde_json::Value;

use neurosteroid_test_support::base;

fn kb(doc: &Value) -> KnowledgeBase {
    KnowledgeBase::from_slice(
        doc.to_string().as_bytes(),
        Format::Json,
        neurosteroid::LoadOptions::default(),
    )
    .unwrap()
}

#[test]
fn a_compound_without_a_fact_sheet_gets_a_default_one() {
    let mut doc = base();
    doc.as_object_mut().unwrap().remove("fact_sheets");
    doc["coverage"] = Value::Array(vec![]);
    let kb = kb(&doc);
    let md = kb.render("compound-c", SheetFormat::Markdown).unwrap();
    assert!(md.starts_with("# Compound C"), "{md}");
    assert!(md.contains("## How it is made"), "{md}");
    assert!(md.contains("## Medicines"), "{md}");
    // The strategy's claim is `insufficient`: shown apart, never as support.
    let z = kb.get("z-raises-c").unwrap().name().to_owned();
    let other = &md[md.find("## Other factors").unwrap()..];
    let apart = other.find(neurosteroid::render::UNSUPPORTED_HEADING).unwrap();
    let quoted = other.find(&neurosteroid::__private::markdown_escape(&z)).unwrap();
    assert!(quoted > apart, "{md}");
    for format in [SheetFormat::Html, SheetFormat::JsonLd] {
        assert!(kb.render("Compound C", format).is_ok());
    }
    // Not a compound: still an error, in good English.
    let e = kb.render("receptor-r", SheetFormat::Markdown).unwrap_err().to_string();
    assert!(
        e.contains("is a receptor, but an entity with a fact sheet is needed"),
        "{e}"
    );
}

#[test]
fn a_hand_written_fact_sheet_overrides_the_default() {
    let doc = base();
    let kb = kb(&doc);
    let md = kb.render("compound-c", SheetFormat::Markdown).unwrap();
    let title = doc["fact_sheets"][0]["title"].as_str().unwrap();
    assert!(
        md.starts_with(&format!("# {}", neurosteroid::__private::markdown_escape(title))),
        "{md}"
    );
}

#[test]
fn another_major_version_is_unsupported_not_a_pattern_error() {
    let mut doc = base();
    doc["schema_version"] = "2.0.0".into();
    let diags = neurosteroid::validate(doc.to_string().as_bytes(), Format::Json, Level::Full);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, Code::UnsupportedVersion);
    assert_eq!(diags[0].path, "/schema_version");
    let hint = diags[0].hint.as_deref().unwrap();
    assert!(
        hint.contains(neurosteroid::model::CURRENT_SCHEMA_VERSION) && hint.contains("migrate"),
        "{hint}"
    );
    // Not a version of another format: three parts of one to nine digits each, or it is
    // only a malformed version.
    for bad in ["1.x", "2.0.x", "2..0", "2.0.1234567890", "2.0", "2", "2.0.0.0"] {
        doc["schema_version"] = bad.into();
        let diags = neurosteroid::validate(doc.to_string().as_bytes(), Format::Json, Level::Full);
        assert_eq!(diags[0].code, Code::Pattern, "{bad}");
    }
    doc["schema_version"] = "2.0.123456789".into();
    let diags = neurosteroid::validate(doc.to_string().as_bytes(), Format::Json, Level::Full);
    assert_eq!(diags[0].code, Code::UnsupportedVersion);
}

#[test]
fn display_of_a_diagnostic_includes_line_and_column() {
    let text = "{\"schema_version\": \"1.0.0\",\n \"as_of\": \"2026-02-30\"}";
    let diags = neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full);
    let shown = diags[0].to_string();
    assert!(shown.starts_with("2:11: error[invalid-date] at /as_of:"), "{shown}");
}

#[test]
fn wrong_reference_kind_reads_as_english() {
    let mut doc = base();
    doc["reactions"][0]["substrate"] = doc["effects"][0]["id"].clone();
    let diags = neurosteroid::validate(doc.to_string().as_bytes(), Format::Json, Level::Full);
    let d = diags.iter().find(|d| d.code == Code::WrongReferenceKind).unwrap();
    assert!(
        d.message.contains("is an effect, but a compound is expected"),
        "{}",
        d.message
    );
    let hint = d.hint.as_deref().unwrap();
    assert_ne!(hint, d.message);
    assert!(hint.contains("the id of a compound"), "{hint}");
}

#[test]
fn status_is_per_regulator_and_label_changes_are_history() {
    use neurosteroid::EntityRef;
    use neurosteroid::model::{Regulator, RegulatoryStatus};
    let kb = KnowledgeBase::embedded().unwrap();
    let therapy = |id: &str| match kb.get(id) {
        Some(EntityRef::Therapy(t)) => t,
        _ => panic!("{id}"),
    };
    // Zuranolone: the later Japanese approval does not hide the FDA approval, and the FDA
    // label change is not a status.
    let z = therapy("zuranolone-therapy");
    let fda = z.status(Regulator::Fda).unwrap();
    assert_eq!(
        (fda.status, fda.date.as_str()),
        (RegulatoryStatus::Approved, "2023-08-04")
    );
    assert_eq!(z.status(Regulator::Pmda).unwrap().status, RegulatoryStatus::Approved);
    let all: Vec<(Regulator, RegulatoryStatus)> = z.statuses().iter().map(|e| (e.regulator, e.status)).collect();
    // Per condition: approved for postpartum depression, refused for major depression.
    assert!(all.contains(&(Regulator::Fda, RegulatoryStatus::Approved)), "{all:?}");
    assert!(all.contains(&(Regulator::Fda, RegulatoryStatus::Refused)), "{all:?}");
    assert!(all.iter().all(|(_, s)| *s != RegulatoryStatus::LabelChange), "{all:?}");
    assert!(
        z.status_history
            .iter()
            .any(|e| e.status == RegulatoryStatus::LabelChange)
    );
    // Finasteride's only event is a label change: no status at all.
    assert!(therapy("finasteride-therapy").statuses().is_empty());
    let md = kb.render("allopregnanolone", SheetFormat::Markdown).unwrap();
    let line = md
        .lines()
        .find(|l| l.contains("Current status:") && l.contains("PMDA"))
        .unwrap();
    assert!(
        line.contains("FDA approved (2023-08-04)") && line.contains("FDA refused (2023-08-04)"),
        "{line}"
    );
}

/// The rule, for every medicine in the data: its INN (any name it shares with an active
/// compound), brand names and id resolve to the medicine, with the compound in `related`.
#[test]
fn every_medicine_resolves_the_same_way_by_inn_brand_or_id() {
    use neurosteroid::EntityRef;
    let kb = KnowledgeBase::embedded().unwrap();
    let mut inns = 0;
    for t in &kb.document().therapies {
        let actives: Vec<EntityRef<'_>> = t.active_compounds.iter().filter_map(|c| kb.get(c.as_str())).collect();
        let mut names: Vec<String> = vec![t.id.to_string(), t.name.to_string()];
        names.extend(t.brand_names.iter().map(ToString::to_string));
        for c in &actives {
            // An INN: a name of the medicine that is also a name or the id of its compound.
            let shared = std::iter::once(c.id().to_string())
                .chain(c.other_names().iter().map(|n| n.to_string()))
                .chain(std::iter::once(c.name().to_owned()))
                .filter(|n| n.eq_ignore_ascii_case(t.name.as_str()) || n.eq_ignore_ascii_case(t.id.as_str()))
                .collect::<Vec<_>>();
            inns += shared.len();
            names.extend(shared);
        }
        for n in names {
            let r = kb.resolve(&n).unwrap();
            assert_eq!(r.entity.id(), &t.id, "`{n}` should name the medicine `{}`", t.id);
            for c in &actives {
                assert!(
                    r.related.iter().any(|x| x.id() == c.id()),
                    "`{n}`: {} not related",
                    c.id()
                );
            }
        }
    }
    assert!(inns >= 3, "{inns}");
    let z = kb.resolve("zuranolone").unwrap();
    assert_eq!(z.entity.kind().as_str(), "therapy");
    assert_eq!(kb.biosynthesis("zuranolone").unwrap().target.id.as_str(), "zuranolone");
}

/// An unknown field, a missing required field beside a bad pattern, a duplicate id, a
/// dangling reference, and an unknown CURIE prefix beside a check-digit error on another
/// compound: all reported in one run, at their places in the original document.
#[test]
fn every_problem_in_one_pass() {
    let mut doc = base();
    doc["compounds"][0]["colour"] = "red".into();
    doc["compounds"][0]["identifiers"] = serde_json::json!(["foo:1", "cas:50-00-0"]);
    doc["compounds"][2]["identifiers"] = serde_json::json!(["cas:50-00-1"]);
    doc["compounds"][1].as_object_mut().unwrap().remove("name");
    doc["compounds"][1]["formula"] = "not a formula".into();
    doc["effects"][0]["id"] = doc["compounds"][2]["id"].clone();
    doc["reactions"][0]["enzyme"] = "enzyme-nope".into();
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let diags = neurosteroid::validate(text.as_bytes(), Format::Json, Level::Full);
    let got: Vec<(Code, &str)> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
    for want in [
        (Code::UnknownField, "/compounds/0/colour"),
        (Code::Pattern, "/compounds/1/formula"),
        (Code::MissingField, "/compounds/1"),
        (Code::DuplicateId, "/effects/0/id"),
        (Code::DanglingReference, "/reactions/0/enzyme"),
        (Code::UnknownPrefix, "/compounds/0/identifiers/0"),
        (Code::CheckDigit, "/compounds/2/identifiers/0"),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
    let dup = diags.iter().find(|d| d.code == Code::DuplicateId).unwrap();
    assert!(dup.message.contains("/compounds/2"), "{}", dup.message);
    // An unknown prefix is told the registry's prefixes it might have meant.
    let prefix = diags.iter().find(|d| d.code == Code::UnknownPrefix).unwrap();
    assert_eq!(
        prefix.hint.as_deref(),
        Some("use a Bioregistry prefix such as CHEBI, pubchem.compound, cas, hgnc, uniprot, EC, mesh, pubmed or doi")
    );
    assert!(diags.iter().all(|d| d.location.is_some()), "{diags:?}");
    // A reference to an entity that did not parse is not reported as dangling.
    let mut doc = base();
    let enzyme = doc["reactions"][0]["enzyme"].as_str().unwrap().to_owned();
    let e = doc["enzymes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == enzyme.as_str())
        .unwrap();
    e["bogus"] = 1.into();
    let diags = neurosteroid::validate(doc.to_string().as_bytes(), Format::Json, Level::Full);
    assert!(diags.iter().all(|d| d.code != Code::DanglingReference), "{diags:?}");
    assert!(diags.iter().any(|d| d.code == Code::UnknownField));
    // At the schema level, only structure.
    let diags = neurosteroid::validate(text.as_bytes(), Format::Json, Level::Schema);
    assert!(diags.iter().all(|d| d.code != Code::DanglingReference));
}

/// YAML diagnostics point at the offending place: a missing field at the first key of the
/// object that lacks it (a block mapping's start event is marked after that key, which put
/// it at the colon before), a wrong type at the value, an empty mapping at its brace, an
/// unknown field at its key (it was at the value before: `colour: red` gave column 13).
#[test]
fn yaml_locations_point_at_the_object_or_the_value() {
    let text = r#"schema_version: "1.1.0"
as_of: "2026-01-31"
compounds:
  - id: compound-a
    name: Compound A
    colour: red
  - id: compound-b
    roles: [intermediate]
sites:
  id: x
conditions:
  - {id: condition-k, name: 5}
  - name: Condition L
    id: condition-l
    identifiers: {}
"#;
    let diags = neurosteroid::validate(text.as_bytes(), Format::Yaml, Level::Schema);
    let mut got: Vec<(String, String, usize, usize)> = diags
        .iter()
        .map(|d| {
            let l = d.location.unwrap();
            (d.code.to_string(), d.path.clone(), l.line, l.column)
        })
        .collect();
    got.sort();
    let want = [
        ("missing-field", "/compounds/1", 7, 5),
        ("type", "/conditions/0/name", 12, 29),
        ("type", "/conditions/1/identifiers", 15, 18),
        ("type", "/sites", 10, 3),
        ("unknown-field", "/compounds/0/colour", 6, 5),
    ];
    let want: Vec<(String, String, usize, usize)> = want
        .iter()
        .map(|(c, p, l, col)| ((*c).to_owned(), (*p).to_owned(), *l, *col))
        .collect();
    assert_eq!(got, want, "{diags:#?}");
    // A reference to the wrong kind of entity (a semantic rule) is at the value.
    let base_yaml = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/valid/base.yaml"),
    )
    .unwrap();
    let wrong = base_yaml.replacen("enzyme: \"enzyme-x\"", "enzyme: \"compound-a\"", 1);
    assert_ne!(wrong, base_yaml);
    let diags = neurosteroid::validate(wrong.as_bytes(), Format::Yaml, Level::Full);
    let d = diags.iter().find(|d| d.code == Code::WrongReferenceKind).unwrap();
    let at = wrong.find("enzyme: \"compound-a\"").unwrap() + "enzyme: ".len();
    let line = wrong[..at].lines().count();
    let column = at - wrong[..at].rfind('\n').unwrap();
    assert_eq!(d.location.map(|l| (l.line, l.column)), Some((line, column)), "{d:?}");
    // An unknown field in flow style, and in JSON, is at its key too.
    let diags = neurosteroid::validate(
        b"schema_version: \"1.1.0\"\nas_of: \"2026-01-31\"\nsites: [{id: s, name: S, hue: 1}]\n",
        Format::Yaml,
        Level::Schema,
    );
    let d = diags.iter().find(|d| d.code == Code::UnknownField).unwrap();
    assert_eq!(d.location.map(|l| (l.line, l.column)), Some((3, 26)), "{diags:#?}");
    let diags = neurosteroid::validate(
        b"{\"schema_version\": \"1.1.0\", \"as_of\": \"2026-01-31\",\n  \"sites\": [{\"id\": \"s\", \"name\": \"S\", \"hue\": 1}]}",
        Format::Json,
        Level::Schema,
    );
    let d = diags.iter().find(|d| d.code == Code::UnknownField).unwrap();
    assert_eq!(d.location.map(|l| (l.line, l.column)), Some((2, 38)), "{diags:#?}");
    // The document itself: a missing top-level field is at its first key.
    let diags = neurosteroid::validate(b"\n\nschema_version: \"1.1.0\"\n", Format::Yaml, Level::Schema);
    let l = diags[0].location.unwrap();
    assert_eq!((diags[0].code, l.line, l.column), (Code::MissingField, 3, 1));
}

/// Messages are for people: a value with a line break is quoted with the break escaped
/// (`effect-e\n`), not broken across two lines, and the expected form is said in words, not
/// as the schema's regular expression (`(pattern ^[a-z0-9]+(-[a-z0-9]+)*$)` before).
#[test]
fn messages_escape_line_breaks_and_say_the_form_in_words() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") {
            continue;
        }
        let text = std::fs::read(&path).unwrap();
        for d in neurosteroid::validate(&text, Format::from_path(&path), Level::Full) {
            seen += 1;
            for (what, s) in [
                ("message", d.message.as_str()),
                ("hint", d.hint.as_deref().unwrap_or("")),
            ] {
                assert!(
                    !s.chars().any(char::is_control),
                    "{name}: {what} with a control character: {s:?}"
                );
            }
            // A hint says what to do; it never just repeats the message.
            if let Some(hint) = &d.hint {
                assert!(
                    !d.message.to_lowercase().contains(&hint.to_lowercase()),
                    "{name}: hint {hint:?} repeats {:?}",
                    d.message
                );
            }
            if d.code == Code::Pattern && !d.message.contains("Bioregistry's pattern") {
                assert!(
                    !d.message.contains("(pattern") && !d.message.contains('^') && !d.message.contains('$'),
                    "{name}: a regular expression in {:?}",
                    d.message
                );
            }
        }
    }
    assert!(seen > 50, "{seen} diagnostics");
    let text = std::fs::read(dir.join("trailing-newline-id.json")).unwrap();
    let diags = neurosteroid::validate(&text, Format::Json, Level::Schema);
    assert_eq!(
        diags[0].message,
        "`effect-e\\n` is not a valid id (lowercase slug): lowercase letters and digits, in words joined by \
         single hyphens, such as `srd5a1` or `allopregnanolone`"
    );
}

/// An unknown top-level field is reported at its key, each one, with the closest allowed
/// field when one is close and the list of them when none is.
#[test]
fn every_unknown_top_level_field_is_hinted_the_closest_or_the_allowed_ones() {
    let diags = neurosteroid::validate(
        br#"{"schema_version": "1.1.0", "as_of": "2026-01-31", "compunds": [], "zzz": 1}"#,
        Format::Json,
        Level::Schema,
    );
    let got: Vec<(Code, &str, &str, Option<&str>)> = diags
        .iter()
        .map(|d| (d.code, d.path.as_str(), d.message.as_str(), d.hint.as_deref()))
        .collect();
    let collections: Vec<&str> = EntityKind::ALL.iter().map(|k| k.collection()).collect();
    let allowed = format!(
        "allowed top-level fields: $schema, schema_version, as_of, {}, coverage",
        collections.join(", ")
    );
    assert_eq!(
        got,
        [
            (
                Code::UnknownField,
                "/compunds",
                "unknown field `compunds`",
                Some("did you mean `compounds`?")
            ),
            (
                Code::UnknownField,
                "/zzz",
                "unknown field `zzz`",
                Some(allowed.as_str())
            ),
        ]
    );
}
