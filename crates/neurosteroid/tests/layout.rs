//! A knowledge base in many files: split, join, validation placed in files, and the
//! canonical formatter (idempotent, comments kept).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use std::path::PathBuf;

use neurosteroid::canonical::{Content, Node, format_text, to_yaml};
use neurosteroid::layout::{Tree, split};
use neurosteroid::{Code, Document, EntityKind, Format, KnowledgeBase, Limits, LoadOptions};

use neurosteroid_test_support::{TempDir, scratch as new_scratch};

/// A scratch folder (removed when the first value is dropped) and its path.
fn scratch(name: &str) -> (TempDir, PathBuf) {
    let guard = new_scratch(&format!("layout-{name}"));
    let dir = guard.path().to_path_buf();
    (guard, dir)
}

fn write_tree(dir: &std::path::Path, files: &[(String, String)]) {
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// The embedded document with each entity collection in id order (the order `join` gives:
/// order within a collection carries no meaning).
fn embedded_by_id() -> Document {
    let mut v = serde_json::to_value(KnowledgeBase::embedded().unwrap().document()).unwrap();
    for kind in EntityKind::ALL {
        if let Some(items) = v.get_mut(kind.collection()).and_then(|x| x.as_array_mut()) {
            items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        }
    }
    serde_json::from_value(v).unwrap()
}

#[test]
fn split_then_join_gives_back_the_embedded_document() {
    let doc = KnowledgeBase::embedded().unwrap().document().clone();
    let files = split(&doc);
    let entities: usize = EntityKind::ALL.iter().map(|k| doc.len_of(*k)).sum();
    assert_eq!(files.len(), entities + 1);
    let (_scratch, dir) = scratch("roundtrip");
    write_tree(&dir, &files);
    let tree = Tree::read(&dir, &Limits::default(), None).unwrap();
    let joined = tree.document(&Limits::default()).unwrap();
    assert_eq!(joined, embedded_by_id());
    // Splitting the joined document writes the same files, byte for byte.
    let (mut again, mut first) = (split(&joined), files.clone());
    again.sort();
    first.sort();
    assert!(again == first, "split after join wrote different files");
    // And the folder is a valid knowledge base, with nothing to warn about.
    let kb = KnowledgeBase::from_dir(&dir, LoadOptions::default()).unwrap();
    assert!(kb.warnings().is_empty(), "{:?}", kb.warnings());
    assert_eq!(KnowledgeBase::from_path(&dir, LoadOptions::default()).unwrap(), kb);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn split_files_are_already_formatted() {
    let doc = KnowledgeBase::embedded().unwrap().document().clone();
    for (rel, text) in split(&doc) {
        let content = Tree::from_files(".", [(rel.clone(), text.clone())]).files()[0]
            .content
            .unwrap();
        let formatted = format_text(&text, Format::Yaml, content).unwrap();
        // Only the unordered lists may move.
        let again = format_text(&formatted, Format::Yaml, content).unwrap();
        assert_eq!(again, formatted, "{rel}");
    }
}

#[test]
fn a_dangling_reference_is_reported_in_its_own_file_with_line_and_column() {
    let (_scratch, dir) = scratch("dangling");
    write_tree(
        &dir,
        &[
            ("knowledge-base.yaml".into(), "schema_version: 1.0.0\nas_of: 2026-01-01\n".into()),
            (
                "compounds/progesterone.yaml".into(),
                "id: progesterone\nname: progesterone\n".into(),
            ),
            (
                "compounds/pregnenolone.yaml".into(),
                "id: pregnenolone\nname: pregnenolone\n".into(),
            ),
            (
                "claims/c1.yaml".into(),
                "id: c1\nstatement: A fictional test claim.\nsubject: progesterone\npredicate: precursor-of\nobject: nowhere\ngrade: unsupported\ndirection: supports\nsources: [s1]\n".into(),
            ),
            ("sources/s1.yaml".into(), "id: s1\nkind: consumer-article\ntitle: An article\nurl: https://example.org/a\n".into()),
        ],
    );
    let err = KnowledgeBase::from_dir(&dir, LoadOptions::default()).unwrap_err();
    let d = err
        .diagnostics()
        .iter()
        .find(|d| d.code == Code::DanglingReference)
        .unwrap_or_else(|| panic!("{:?}", err.diagnostics()));
    assert_eq!(d.file.as_deref(), Some("claims/c1.yaml"));
    assert_eq!(d.path, "/object");
    let loc = d.location.unwrap();
    assert_eq!((loc.line, loc.column), (5, 9));
    // An editor's buffer replaces the file's text: fixed, the folder is valid.
    let mut tree = Tree::read(&dir, &Limits::default(), None).unwrap();
    let fixed = std::fs::read_to_string(dir.join("claims/c1.yaml"))
        .unwrap()
        .replace("nowhere", "pregnenolone");
    tree.set_text("claims/c1.yaml", fixed);
    let left = tree.validate(LoadOptions::default());
    assert!(!left.iter().any(|d| d.is_error()), "{left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An editor's buffer replaces its file even where path order and plain string order differ
/// (`a.yaml` sorts before `a-b.yaml` as a layout, after it as a string), and an editor can
/// find the file and the pointer inside it of any entity of the assembled document.
#[test]
fn buffers_replace_their_files_and_entities_lead_back_to_them() {
    let compound = |id: &str| format!("id: {id}\nname: {id}\nkind: endogenous\n");
    let mut tree = Tree::from_files(
        ".",
        [
            (
                "knowledge-base.yaml".to_owned(),
                "schema_version: 1.0.0\nas_of: 2026-01-01\n".to_owned(),
            ),
            ("compounds/a.yaml".to_owned(), compound("a")),
            ("compounds/a-b.yaml".to_owned(), compound("a-b")),
        ],
    );
    let names = |t: &Tree| t.files().iter().map(|f| f.relative.clone()).collect::<Vec<_>>();
    let before = names(&tree);
    assert_eq!(
        before,
        ["knowledge-base.yaml", "compounds/a.yaml", "compounds/a-b.yaml"]
    );
    tree.set_text("compounds/a.yaml", compound("a2"));
    tree.set_text("compounds/a-b.yaml", compound("a-b2"));
    assert_eq!(names(&tree), before, "replaced, not added");
    let snapshot = tree.snapshot(&Limits::default());
    assert_eq!(
        snapshot.value().pointer("/compounds/1/id"),
        Some(&serde_json::json!("a-b2"))
    );
    let (file, inner) = snapshot.source(&tree, "/compounds/1/name").unwrap();
    assert_eq!(
        (file.relative.as_str(), inner.as_str()),
        ("compounds/a-b.yaml", "/name")
    );
    let (file, inner) = snapshot.source(&tree, "/as_of").unwrap();
    assert_eq!(
        (file.relative.as_str(), inner.as_str()),
        ("knowledge-base.yaml", "/as_of")
    );
    // A file of a collection folder belongs to the folder above that holds the root file.
    let (_guard, dir) = scratch("kb-root");
    write_tree(
        &dir,
        &[
            ("knowledge-base.yaml".into(), String::new()),
            ("compounds/x/y.yaml".into(), String::new()),
        ],
    );
    std::fs::write(dir.join("notes.yaml"), "").unwrap();
    assert_eq!(
        neurosteroid::layout::kb_root(&dir.join("compounds/x/y.yaml")),
        Some(dir.clone())
    );
    assert_eq!(
        neurosteroid::layout::kb_root(&dir.join("knowledge-base.yaml")),
        Some(dir.clone())
    );
    assert_eq!(neurosteroid::layout::kb_root(&dir.join("notes.yaml")), None);
    std::fs::remove_dir_all(&dir).unwrap();
    // A whole document that happens to carry a root file's name, beside unrelated files and
    // with no collection folder next to it, is a document of its own.
    let (_guard, dir) = scratch("kb-root-alone");
    std::fs::create_dir_all(dir.join("not-a-collection")).unwrap();
    std::fs::write(dir.join("knowledge-base.json"), "{}").unwrap();
    std::fs::write(dir.join("knowledge-base.schema.json"), "{}").unwrap();
    assert_eq!(neurosteroid::layout::kb_root(&dir.join("knowledge-base.json")), None);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn problems_of_the_layout_itself_name_the_file() {
    let (_scratch, dir) = scratch("layout");
    write_tree(
        &dir,
        &[
            (
                "knowledge-base.yaml".into(),
                "schema_version: 1.0.0\nas_of: 2026-01-01\n".into(),
            ),
            ("stray.yaml".into(), "id: x\n".into()),
            ("compounds/broken.yaml".into(), "id: [unclosed\n".into()),
            ("compounds/list.yaml".into(), "- id: x\n".into()),
            ("compounds/notes.md".into(), "ignored".into()),
        ],
    );
    let err = KnowledgeBase::from_dir(&dir, LoadOptions::default()).unwrap_err();
    let files: Vec<(&str, Code)> = err
        .diagnostics()
        .iter()
        .map(|d| (d.file.as_deref().unwrap(), d.code))
        .collect();
    assert!(files.contains(&("stray.yaml", Code::UnknownField)), "{files:?}");
    assert!(files.contains(&("compounds/broken.yaml", Code::Syntax)), "{files:?}");
    assert!(files.contains(&("compounds/list.yaml", Code::Type)), "{files:?}");
    let (_scratch, missing) = scratch("noroot");
    let err = KnowledgeBase::from_dir(&missing, LoadOptions::default()).unwrap_err();
    assert_eq!(err.diagnostics()[0].code, Code::MissingField);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&missing).unwrap();
}

/// Two root files: the first of `knowledge-base.yaml`, `.yml`, `.json` is read, and the other
/// gets one diagnostic, a second root file (not also "a file outside any collection folder").
#[test]
fn a_second_root_file_is_named_once() {
    let (_scratch, dir) = scratch("roots");
    write_tree(
        &dir,
        &[
            (
                "knowledge-base.yaml".into(),
                "schema_version: 1.0.0\nas_of: 2026-01-01\n".into(),
            ),
            (
                "knowledge-base.json".into(),
                "{\"schema_version\": \"1.0.0\", \"as_of\": \"2026-01-01\"}\n".into(),
            ),
        ],
    );
    let err = KnowledgeBase::from_dir(&dir, LoadOptions::default()).unwrap_err();
    let found: Vec<(Option<&str>, Code, &str)> = err
        .diagnostics()
        .iter()
        .map(|d| (d.file.as_deref(), d.code, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(Some("knowledge-base.json"), Code::DuplicateKey, "a second root file")],
        "{found:?}"
    );
    assert_eq!(
        err.diagnostics()[0].hint.as_deref(),
        Some("keep one root file; `knowledge-base.yaml` is the one read")
    );
    // `join` refuses the folder too, though the document it would write is well formed.
    let tree = Tree::read(&dir, &Limits::default(), None).unwrap();
    let diags = tree.document(&Limits::default()).unwrap_err();
    let codes: Vec<(Option<&str>, Code)> = diags.iter().map(|d| (d.file.as_deref(), d.code)).collect();
    assert_eq!(codes, [(Some("knowledge-base.json"), Code::DuplicateKey)]);
}

const COMMENTED: &str = "\
# header: a compound file
# second header line

# before name
name: progesterone   # after the name
id: progesterone # after the id
synonyms:   # after a list key
  # before the first synonym
  - P4  # after P4
  - pregn-4-ene-3,20-dione
# before identifiers (out of order on purpose)
identifiers:
  - pubchem.compound:5994
  - chebi:17026   # lowercase prefix, after the item
description: >  # folded, after the indicator
  A hormone # not a comment
  of pregnancy.
sources: []  # an empty list
# at the end of the file
";

const COMMENTED_THERAPY: &str = "\
id: brexanolone   # the medicine
kind: drug-product
name: brexanolone
active_compounds: [allopregnanolone]  # a flow list
prescription: true
doses:
  # before the first dose
  - unit: ug/kg/h  # unit first, out of order
    # between the keys of an item
    min: 30
    source: label
  -   # a comment on the dash line
    min: 60
    unit: ug/kg/h
    source: label
status_history:
  - date: 2019-03-19
    regulator: FDA
    status: approved  # inline
    source: label
# trailing at the end
";

#[test]
fn fmt_keeps_comments_inside_list_items() {
    let kind = Content::Entity(EntityKind::Therapy);
    let out = format_text(COMMENTED_THERAPY, Format::Yaml, kind).unwrap();
    for line in COMMENTED_THERAPY.lines() {
        if let Some(at) = line.find('#') {
            assert!(out.contains(&line[at..]), "lost `{}` in:\n{out}", &line[at..]);
        }
    }
    // Items keep their order (doses carry meaning); keys inside them take the schema's order.
    assert!(out.find("min: 30").unwrap() < out.find("min: 60").unwrap(), "{out}");
    assert!(
        out.find("min: 30").unwrap() < out.find("unit: ug/kg/h  # unit first").unwrap(),
        "{out}"
    );
    assert_eq!(format_text(&out, Format::Yaml, kind).unwrap(), out);
}

#[test]
fn fmt_keeps_every_comment_and_orders_keys_lists_and_prefixes() {
    let kind = Content::Entity(EntityKind::Compound);
    let out = format_text(COMMENTED, Format::Yaml, kind).unwrap();
    for line in COMMENTED.lines() {
        if let Some(at) = line.find('#') {
            assert!(out.contains(&line[at..]), "lost `{}` in:\n{out}", &line[at..]);
        }
    }
    // Schema order: id before name; identifiers sorted and in the registry's case.
    let id = out.find("id: progesterone").unwrap();
    let name = out.find("name: progesterone").unwrap();
    assert!(id < name, "{out}");
    assert!(
        out.contains("- CHEBI:17026  # lowercase prefix, after the item"),
        "{out}"
    );
    assert!(
        out.find("CHEBI:17026").unwrap() < out.find("pubchem.compound:5994").unwrap(),
        "{out}"
    );
    assert!(
        out.starts_with(
            "# header: a compound file\n# second header line\n\nid: progesterone  # after the id\n# before name\nname:"
        ),
        "{out:?}"
    );
    assert!(out.contains("A hormone # not a comment of pregnancy."), "{out}");
    assert!(out.trim_end().ends_with("# at the end of the file"), "{out}");
    assert_eq!(format_text(&out, Format::Yaml, kind).unwrap(), out);
}

#[test]
fn fmt_refuses_what_it_can_not_keep() {
    let kind = Content::Entity(EntityKind::Compound);
    // Not a compound: the formatter needs the structure to know the order.
    let err = format_text("id: x\nnmae: y\n", Format::Yaml, kind).unwrap_err();
    let err = err.diagnostics();
    assert_eq!(err[0].code, Code::UnknownField);
    assert!(err[0].location.is_some());
}

#[test]
fn fmt_keeps_a_comment_after_a_block_scalar_and_refuses_one_it_can_not_place() {
    let kind = Content::Entity(EntityKind::Compound);
    // Indented less than the scalar's content, the `#` line is a comment after it (it was
    // once taken for the scalar's content, and dropped).
    let text = "id: p\nname: p\nsynonyms:\n  - |\n    x\n   # after x\n  - b\n";
    assert_eq!(
        format_text(text, Format::Yaml, kind).unwrap(),
        "id: p\nname: p\nsynonyms:\n  - \"x\\n\"\n  # after x\n  - b\n"
    );
    // With an indentation indicator, a `#` line indented less than the first line of content
    // may still be content (here it is): the formatter can not tell, and changes nothing.
    let text = "id: p\nname: p\ndescription: |2\n    x\n  # y\n";
    let err = format_text(text, Format::Yaml, kind).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].message,
        "cannot tell the comments from the content of this file (a `#` inside a multi-line value?)"
    );
}

/// `to_yaml` writes any tree, not only a document: a mapping inside a mapping goes two spaces
/// further in at each level, inside a list item too.
#[test]
fn a_mapping_in_a_mapping_is_indented_two_spaces_a_level() {
    let node = Node::from_value(&serde_json::json!({"a": {"b": {"c": 1, "d": [{"e": {"f": "g"}}]}}}));
    assert_eq!(
        to_yaml(&node),
        "a:\n  b:\n    c: 1\n    d:\n      - e:\n          f: g\n"
    );
    // The keys of a list's item after the first line up under it, two past the dash, at
    // every depth (a list at the top, and one inside an item).
    let node = Node::from_value(&serde_json::json!([{"a": 1, "b": [{"c": 2, "d": 3}]}]));
    assert_eq!(to_yaml(&node), "- a: 1\n  b:\n    - c: 2\n      d: 3\n");
}

#[test]
fn a_json_document_is_formatted_as_two_space_json_in_the_schema_order() {
    let v = neurosteroid::model::CURRENT_SCHEMA_VERSION;
    let text = format!("{{\"as_of\":\"2026-01-01\",\"schema_version\":\"{v}\"}}");
    assert_eq!(
        format_text(&text, Format::Json, Content::Document).unwrap(),
        format!("{{\n  \"schema_version\": \"{v}\",\n  \"as_of\": \"2026-01-01\"\n}}\n")
    );
}

/// A comment set off by a blank line before the first node is the file's header, and stays
/// set off, even when the first node is on the text's last line (no newline at the end).
#[test]
fn a_header_comment_stays_set_off_from_a_document_on_the_last_line() {
    let v = neurosteroid::model::CURRENT_SCHEMA_VERSION;
    let body = format!("schema_version: {v}\nas_of: 2026-01-01\n");
    let flow = format!("{{schema_version: \"{v}\", as_of: \"2026-01-01\"}}");
    for end in ["", "\n"] {
        let text = format!("# header\n\n{flow}{end}");
        assert_eq!(
            format_text(&text, Format::Yaml, Content::Document).unwrap(),
            format!("# header\n\n{body}")
        );
    }
    // Without the blank line, the comment belongs to the first node.
    let text = format!("# header\n{flow}");
    assert_eq!(
        format_text(&text, Format::Yaml, Content::Document).unwrap(),
        format!("# header\n{body}")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z][a-z0-9 ]{0,12}",
            Just("yes".to_owned()),
            Just("1.5".to_owned()),
            Just("a: b".to_owned()),
            Just("x #y".to_owned()),
            Just("- lead".to_owned()),
            Just("it's \"quoted\"".to_owned()),
            Just("line\nbreak".to_owned()),
            Just("5α-DHP".to_owned()),
            Just(String::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn fmt_is_idempotent_and_keeps_the_value(
            synonyms in proptest::collection::vec(word(), 0..4),
            description in word(),
            comment in "[a-z ]{0,10}",
            at in 0usize..4,
        ) {
            let mut lines = vec![
                "name: progesterone".to_owned(),
                "id: progesterone".to_owned(),
                format!("description: {}", serde_json::to_string(&description).unwrap()),
            ];
            lines.push("synonyms:".to_owned());
            if synonyms.is_empty() {
                lines.pop();
                lines.push("synonyms: []".to_owned());
            }
            for s in &synonyms {
                lines.push(format!("  - {}", serde_json::to_string(s).unwrap()));
            }
            let at = at.min(lines.len());
            lines.insert(at, format!("# {comment}"));
            let text = lines.join("\n") + "\n";
            let kind = Content::Entity(EntityKind::Compound);
            match format_text(&text, Format::Yaml, kind) {
                Ok(once) => {
                    let twice = format_text(&once, Format::Yaml, kind).unwrap();
                    prop_assert_eq!(&twice, &once);
                    let kept = format!("# {}", comment).trim_end().to_owned();
                    prop_assert!(once.contains(&kept), "lost the comment: {}", once);
                    let a = neurosteroid::__private::parse_value(text.as_bytes(), Format::Yaml, &Limits::default()).unwrap();
                    let b = neurosteroid::__private::parse_value(once.as_bytes(), Format::Yaml, &Limits::default()).unwrap();
                    prop_assert_eq!(&a["description"], &b["description"]);
                    prop_assert_eq!(a["synonyms"].as_array().map(Vec::len), b.get("synonyms").and_then(|s| s.as_array()).map(Vec::len).or(Some(0)));
                }
                // Only structural problems may stop it (an empty synonym is a `range` error),
                // never a failure of the formatter itself.
                Err(e) => prop_assert!(
                    matches!(e, neurosteroid::Error::Invalid { .. }) && e.diagnostics().iter().all(|d| d.code != Code::Syntax),
                    "{:?}\n{}",
                    e,
                    text
                ),
            }
        }
    }
}

/// The sample content repository holds exactly the embedded data (`make examples` remakes it).
#[test]
fn the_sample_content_repository_holds_the_embedded_data() {
    let dir = neurosteroid_test_support::path("examples/content-repo/kb");
    let joined = Tree::read(&dir, &Limits::default(), None)
        .unwrap()
        .document(&Limits::default())
        .unwrap();
    let canonical =
        |doc: &Document| format_text(&serde_json::to_string(doc).unwrap(), Format::Json, Content::Document).unwrap();
    assert!(
        canonical(&joined) == canonical(KnowledgeBase::embedded().unwrap().document()),
        "examples/content-repo/kb differs from the embedded data: run `make examples`"
    );
}

/// Progress counts the files read, from 1 to their number, once each, whatever the number of
/// threads reading them (the calls may come in any order).
#[test]
fn progress_counts_every_file_once_up_to_the_total() {
    let dir = neurosteroid_test_support::path("examples/content-repo/kb");
    for threads in [1, 2, 3] {
        let calls = std::sync::Mutex::new(Vec::new());
        let record = |n: usize, total: usize| calls.lock().unwrap().push((n, total));
        let tree = Tree::read_with_threads(
            &dir,
            &Limits::default(),
            Some(&record),
            std::num::NonZeroUsize::new(threads),
        )
        .unwrap();
        let total = tree.files().len();
        let mut calls = calls.into_inner().unwrap();
        calls.sort_unstable();
        let want: Vec<(usize, usize)> = (1..=total).map(|n| (n, total)).collect();
        assert!(calls == want, "{threads} threads: {calls:?}");
    }
}
