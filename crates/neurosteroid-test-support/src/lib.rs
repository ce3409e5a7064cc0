//! What the workspace's tests share, declared once: where the repository and its shared
//! vectors are, scratch folders (`tempfile`, removed when dropped), copying a folder, and
//! running a command from the repository root. A dev-dependency only; never published.

// Test helpers fail loudly: a missing vector or an unwritable scratch folder is a broken
// test set-up, reported with the path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use tempfile::TempDir;

/// The repository's root folder (every crate lives at `crates/NAME`).
///
/// Read when the test runs, from the folder of the package under test (`cargo test` sets
/// `CARGO_MANIFEST_DIR` for the test binaries it runs), so that a build of this crate reused
/// from another copy of the tree (cargo-mutants' scratch copies share one target folder, and
/// cargo does not rebuild a dependency when only its folder moved) still reads this copy's
/// files. Outside cargo, the folder this crate was built in.
pub fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .join("../..")
}

/// A file or folder of the repository, by its path from the root.
pub fn path(relative: &str) -> PathBuf {
    root().join(relative)
}

/// The text of a repository file.
pub fn read(relative: &str) -> String {
    let p = path(relative);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The shared vectors of one kind (`valid` or `invalid`) in `tests/vectors/`, sorted, without
/// the `.expected.json` files. Fails when there are none: a test over no vectors checks nothing.
pub fn vectors(kind: &str) -> Vec<PathBuf> {
    let dir = path("tests/vectors").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    assert!(!files.is_empty(), "no vectors in {}", dir.display());
    files.sort();
    files
}

/// The expectations written next to an invalid vector (`NAME.expected.json`).
pub fn expected(vector: &Path) -> serde_json::Value {
    let p = vector.with_extension("expected.json");
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

/// The text of the base valid vector, `tests/vectors/valid/base.json`.
pub fn base_text() -> String {
    read("tests/vectors/valid/base.json")
}

/// The base valid vector as JSON, to mutate.
pub fn base() -> serde_json::Value {
    serde_json::from_str(&base_text()).unwrap()
}

/// A new, empty scratch folder whose name starts with `ns-NAME-`; removed when dropped.
pub fn scratch(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ns-{name}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("a scratch folder for {name}: {e}"))
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A program to run from the repository root, without the colour variables of the
/// environment the tests run in (`NO_COLOR`, `CLICOLOR_FORCE`), so that output is the same
/// everywhere; a test that wants them passes them in `env`.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs a program (a test's `env!("CARGO_BIN_EXE_...")`) from the repository root, with
/// `stdin` as its standard input and `env` added to its environment.
pub fn run_with(program: &str, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut child = command(program, args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// Runs a program from the repository root with no input.
pub fn run(program: &str, args: &[&str]) -> Output {
    command(program, args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"))
}

/// Standard output, then standard error, as text.
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Standard output as text (which must be UTF-8).
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}
