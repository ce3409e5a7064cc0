//! Snapshots of the main commands as a user sees them: exit status, standard output and
//! standard error. A change shows up as a diff to review (`cargo insta review`, or run with
//! `INSTA_UPDATE=always` and read `git diff`). Entity output is allopregnanolone's only, and
//! search and validate read the shared vectors, so that new content does not churn them.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

/// The command, run from the repository root without the environment's colour variables.
fn cli(args: &[&str]) -> Command {
    neurosteroid_test_support::command(env!("CARGO_BIN_EXE_neurosteroid"), args)
}

#[test]
fn help() {
    assert_cmd_snapshot!(cli(&["--help"]));
}

#[test]
fn show() {
    assert_cmd_snapshot!(cli(&["show", "allopregnanolone"]));
}

#[test]
fn pathway() {
    assert_cmd_snapshot!(cli(&["pathway", "allopregnanolone"]));
}

#[test]
fn search() {
    assert_cmd_snapshot!(cli(&["--kb", "tests/vectors/valid/base.json", "search", "compound"]));
}

#[test]
fn validate_reports_file_line_column_code_and_hint() {
    assert_cmd_snapshot!(cli(&["validate", "tests/vectors/invalid/dangling-reference.json"]));
}
