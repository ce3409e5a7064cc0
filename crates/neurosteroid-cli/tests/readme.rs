//! Runs the command-line examples of the README and of the documentation site's getting-started
//! page: each `$ neurosteroid ...` line must exit 0
//! (or the code a trailing `# exit N` names), and each line shown under it must appear in
//! its output.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::process::Command;

use neurosteroid_test_support as support;

struct Example {
    args: Vec<String>,
    exit: i32,
    expect: Vec<String>,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ neurosteroid") {
            let (cmd, exit) = match cmd.split_once("# exit ") {
                Some((c, code)) => (c, code.trim().parse().unwrap()),
                None => (cmd, 0),
            };
            out.push(Example {
                args: cmd.split_whitespace().map(str::to_owned).collect(),
                exit,
                expect: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            if !line.trim().is_empty() {
                last.expect.push(line.trim().to_owned());
            }
        }
    }
    out
}

#[test]
fn readme_command_line_examples_run_as_shown() {
    run_examples("README.md", 5);
}

#[test]
fn documentation_command_line_examples_run_as_shown() {
    run_examples("docs/start/cli.md", 5);
}

fn run_examples(file: &str, at_least: usize) {
    let root = support::root().canonicalize().unwrap();
    let readme = std::fs::read_to_string(root.join(file)).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= at_least, "{file}: fewer than {at_least} examples");
    // Run in a scratch directory, so that `schema --out schema` writes there.
    let stem = file.replace(['/', '.'], "-");
    let guard = support::scratch(&stem);
    let scratch = guard.path();
    for dir in ["tests", "examples"] {
        let link = scratch.join(dir);
        if !link.exists() {
            std::os::unix::fs::symlink(root.join(dir), &link).unwrap();
        }
    }
    for ex in examples {
        let o = Command::new(env!("CARGO_BIN_EXE_neurosteroid"))
            .args(&ex.args)
            .current_dir(scratch)
            .output()
            .unwrap();
        let text = support::text(&o);
        assert_eq!(
            o.status.code(),
            Some(ex.exit),
            "{file}: neurosteroid {}: {text}",
            ex.args.join(" ")
        );
        for e in &ex.expect {
            assert!(
                text.contains(e.as_str()),
                "{file}: neurosteroid {}: expected `{e}` in:\n{text}",
                ex.args.join(" ")
            );
        }
    }
}
