//! The curators' commands as a user runs them: folders, fmt, diff, CI report formats.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// The README's lines for diffing two git revisions (between its `git-revisions` markers),
/// run in a scratch repository whose two commits hold `examples/changelog/v1.yaml` and
/// `v2.yaml`, as one file (`kb.yaml`) and split into a folder (`kb/`). Needs `git` (CI
/// installs it).
#[test]
fn two_git_revisions_diff_as_the_readme_shows() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split_once("<!-- git-revisions:start -->")
        .and_then(|(_, rest)| rest.split_once("<!-- git-revisions:end -->"))
        .map(|(block, _)| block)
        .expect("the README shows how to diff two git revisions");
    let lines: Vec<&str> = block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("```") && !l.starts_with('#'))
        .collect();
    assert!(lines.len() >= 2, "{block}");

    let scratch = std::env::temp_dir().join(format!("ns-curate-git-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let repo = scratch.join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_neurosteroid"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    // Only this repository's configuration: nothing of the machine's or the user's.
    let sh = |line: &str| {
        let o = Command::new("sh")
            .args(["-c", line])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .output()
            .unwrap_or_else(|e| panic!("`sh -c {line}`: {e}"));
        assert!(o.status.success(), "`{line}` failed: {}", text(&o));
        text(&o)
    };
    sh("git --version");
    sh("git init -q -b main .");
    for (i, version) in ["v1", "v2"].iter().enumerate() {
        let source = root().join(format!("examples/changelog/{version}.yaml"));
        std::fs::copy(&source, repo.join("kb.yaml")).unwrap();
        let _ = std::fs::remove_dir_all(repo.join("kb"));
        sh(&format!("neurosteroid split '{}' kb", source.display()));
        sh(&format!("git add -A && git commit -q -m 'version {}'", i + 1));
    }

    let mut semantic = 0;
    for line in lines {
        let out = sh(line);
        if line.starts_with("git difftool") || line.starts_with("neurosteroid diff") {
            assert!(
                out.contains("UPGRADE c-acts-on-r: preclinical → clinical-trial"),
                "`{line}`:\n{out}"
            );
            assert!(out.contains("source src-trial"), "`{line}`:\n{out}");
            semantic += 1;
        }
    }
    assert_eq!(semantic, 2, "a file and a folder are compared");
    std::fs::remove_dir_all(&scratch).unwrap();
}
