//! The family questions on the command line: `query made-by`, `query acting-on`, and
//! `pathway --branches` over a network where pathways share enzymes and intermediates.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neurosteroid"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn made_by_answers_by_activity_or_gene_with_the_direction_of_the_evidence() {
    for name in ["5α-reductase", "SRD5A1", "5alpha-reductase"] {
        let o = run(&["query", "made-by", name]);
        assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        let t = text(&o);
        assert!(
            t.contains("5α-dihydroprogesterone — supports (preclinical; 1 claim) · made directly from progesterone"),
            "{t}"
        );
        assert!(t.contains("allopregnanolone — supports"), "{t}");
        assert!(
            t.contains(" · from progesterone, through 5α-dihydroprogesterone"),
            "{t}"
        );
    }
    let o = run(&["query", "made-by", "AKR1C2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let allo = v
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "allopregnanolone")
        .unwrap();
    assert_eq!(allo["direct"], true);
    assert!(
        allo["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["direction"].is_string())
    );
    // Not an enzyme: a usage error naming what is needed.
    let o = run(&["query", "made-by", "allopregnanolone"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("enzyme or gene-product"));
}

#[test]
fn acting_on_names_the_ligands_and_modes() {
    let o = run(&["query", "acting-on", "GABRD"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = text(&o);
    assert!(t.starts_with("allopregnanolone — supports (preclinical"), "{t}");
    assert!(
        t.contains("positive-allosteric-modulation at δ-subunit-containing GABA-A receptor"),
        "{t}"
    );
    let o = run(&[
        "query",
        "acting-on",
        "gaba-a-receptor",
        "--supporting-only",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for a in v.as_array().unwrap() {
        assert_eq!(a["direction"], "supports", "{a}");
        assert!(a["modes"].as_array().is_some_and(|m| !m.is_empty()), "{a}");
    }
}

#[test]
fn pathway_shows_branches_unless_told_not_to() {
    let t = text(&run(&["pathway", "allopregnanolone"]));
    assert!(t.contains("  branches:\n"), "{t}");
    assert!(t.contains("progesterone → 5β-dihydroprogesterone"), "{t}");
    let t = text(&run(&["pathway", "allopregnanolone", "--branches", "0"]));
    assert!(!t.contains("branches:"), "{t}");
    let dot = text(&run(&["pathway", "allopregnanolone", "--format", "dot"]));
    assert!(dot.contains("\"progesterone\" -> \"5b-dihydroprogesterone\""), "{dot}");
    assert!(dot.contains("style=dashed"), "{dot}");
}
