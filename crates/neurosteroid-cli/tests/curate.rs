//! The curators' commands as a user runs them: folders, fmt, diff, CI report formats.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::{Path, PathBuf};
use std::process::Output;

use neurosteroid_test_support::{self as support, root};

fn run(args: &[&str]) -> Output {
    support::run(env!("CARGO_BIN_EXE_neurosteroid"), args)
}

use support::text;

/// A copy of the sample knowledge base in a scratch folder (removed when the first value
/// is dropped), and the copy's path.
fn sample_copy(name: &str) -> (support::TempDir, PathBuf) {
    let scratch = support::scratch(&format!("curate-{name}"));
    let dir = scratch.path().join("kb");
    support::copy_dir(&root().join("examples/content-repo/kb"), &dir);
    (scratch, dir)
}

fn edit(path: &Path, from: &str, to: &str) {
    let t = std::fs::read_to_string(path).unwrap();
    assert!(t.contains(from), "{}: no `{from}`", path.display());
    std::fs::write(path, t.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_folder_validates_and_a_broken_file_is_named_with_line_and_column() {
    let o = run(&["validate", "examples/content-repo/kb"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let (_scratch, kb) = sample_copy("broken");
    edit(
        &kb.join("claims/allo-memory.yaml"),
        "object: memory-support",
        "object: memory-suport",
    );
    let kb_s = kb.to_str().unwrap();
    let o = run(&["validate", kb_s]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    let want = format!("{kb_s}/claims/allo-memory.yaml:5:9: error[dangling-reference]");
    assert!(out.contains(&want), "{out}");
    assert!(out.contains("hint: did you mean `memory-support`?"), "{out}");
    // Naming one file of the folder validates the folder (as the pre-commit hook does).
    let one = kb.join("compounds/allopregnanolone.yaml");
    let o = run(&["validate", one.to_str().unwrap()]);
    assert!(text(&o).contains(&want), "{}", text(&o));
    // GitHub annotations point at the same place.
    let o = run(&["validate", "--format", "github", kb_s]);
    let want =
        format!("::error file={kb_s}/claims/allo-memory.yaml,line=5,col=9,title=neurosteroid dangling-reference::");
    assert!(text(&o).contains(&want), "{}", text(&o));
    // SARIF: one rule per code, the result at the file's line and column.
    let o = run(&["validate", "--format", "sarif", kb_s]);
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run0 = &sarif["runs"][0];
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        neurosteroid::Code::ALL.len()
    );
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "dangling-reference");
    let rule = &run0["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "dangling-reference");
    assert_eq!(rule["help"]["text"], neurosteroid::Code::DanglingReference.help());
    let loc = &result["locations"][0]["physicalLocation"];
    assert!(
        loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/claims/allo-memory.yaml")
    );
    assert_eq!(loc["region"]["startLine"], 5);
}

#[test]
fn many_problems_are_summarised_by_code() {
    let (_scratch, kb) = sample_copy("many");
    let claims: Vec<PathBuf> = std::fs::read_dir(kb.join("claims"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut broken = 0;
    for c in &claims {
        let t = std::fs::read_to_string(c).unwrap();
        if t.contains("\nsubject: allopregnanolone\n") && broken < 12 {
            std::fs::write(
                c,
                t.replace("\nsubject: allopregnanolone\n", "\nsubject: allopregnanolon\n"),
            )
            .unwrap();
            broken += 1;
        }
    }
    assert_eq!(broken, 12);
    let o = run(&["validate", kb.to_str().unwrap()]);
    let out = text(&o);
    assert!(out.contains("summary: 12 problem(s) of 1 kind(s)"), "{out}");
    assert!(out.contains("  12 × dangling-reference, first at "), "{out}");
    assert_eq!(out.matches("error[dangling-reference]").count(), 3, "{out}");
    let all = text(&run(&["validate", "--all", kb.to_str().unwrap()]));
    assert_eq!(all.matches("error[dangling-reference]").count(), 12, "{all}");
}

#[test]
fn fmt_check_lists_changes_and_fmt_fixes_them() {
    let (_scratch, kb) = sample_copy("fmt");
    let file = kb.join("compounds/progesterone.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    // Keys out of order, a lowercase CURIE prefix, odd spacing, a comment.
    let (first, rest) = before.split_once('\n').unwrap();
    let messy = format!("# keep me\n{rest}{first}    \n").replace("CHEBI:", "chebi:");
    std::fs::write(&file, &messy).unwrap();
    let o = run(&["fmt", "--check", kb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains(&format!("would reformat {}", file.display())), "{out}");
    assert!(out.contains("  -chebi:") || out.contains("  -  - chebi:"), "{out}");
    assert!(out.contains("1 would be reformatted"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        messy,
        "--check changes nothing"
    );
    let o = run(&["fmt", kb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // The comment stays with the key it was written above (`name`).
    let expected = before.replacen("name: progesterone\n", "# keep me\nname: progesterone\n", 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    assert_eq!(run(&["fmt", "--check", kb.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn split_join_and_diff_from_the_command_line() {
    let guard = support::scratch("curate-sjd");
    let scratch = guard.path();
    let s = |p: &str| scratch.join(p).to_str().unwrap().to_owned();
    assert_eq!(run(&["export", "-o", &s("old.json")]).status.code(), Some(0));
    let o = run(&["split", &s("old.json"), &s("kb")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        run(&["split", &s("old.json"), &s("kb")]).status.code(),
        Some(2),
        "not into a full folder"
    );
    // Upgrade one claim's grade in its own file.
    let claim = scratch.join("kb/claims/allo-memory.yaml");
    edit(&claim, "grade: clinical-trial", "grade: systematic-review");
    let o = run(&["join", &s("kb"), "-o", &s("new.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(&["diff", &s("old.json"), &s("new.json")]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("UPGRADE allo-memory: clinical-trial → systematic-review"),
        "{out}"
    );
    assert!(!out.contains("Added"), "a join reorders nothing that matters: {out}");
    let same = run(&["diff", &s("old.json"), &s("kb")]);
    assert!(text(&same).contains("UPGRADE allo-memory"), "{}", text(&same));
}
