//! The curators' commands: `split`, `join`, `fmt`, `diff`.

use std::path::{Path, PathBuf};

use neurosteroid::canonical::{Content, format_text};
use neurosteroid::layout::{self, Tree};
use neurosteroid::{Diagnostic, Document, Format, Limits};

use crate::report::Target;
use crate::{Failure, emit, json};
use neurosteroid::output::write_file as write_atomically;

/// Shows file progress on standard error, only when it is a terminal (never on a pipe).
pub fn progress(quiet: bool) -> Option<&'static (dyn Fn(usize, usize) + Sync)> {
    use std::io::IsTerminal;
    fn show(done: usize, total: usize) {
        if done == total || done % 64 == 0 {
            eprint!("\rreading {done}/{total} files");
            if done == total {
                eprint!("\r\x1b[K");
            }
        }
    }
    (!quiet && std::io::stderr().is_terminal()).then_some(&show as &(dyn Fn(usize, usize) + Sync))
}

fn invalid(target: &Path, diags: Vec<Diagnostic>) -> Failure {
    let t = Target::new(target, diags);
    let message = t
        .found
        .iter()
        .map(|f| format!("{}: {}", f.place(), f.diagnostic))
        .collect::<Vec<_>>()
        .join("\n");
    Failure { code: 1, message }
}

fn io(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure {
        code: 2,
        message: format!("{}: {e}", path.display()),
    }
}

/// Reads a document (structure checked, semantic rules not run) from a file or a folder,
/// with its JSON value as written (for a folder, the joined document).
pub fn read_any(path: &Path, limits: &Limits, quiet: bool) -> Result<(Document, serde_json::Value), Failure> {
    if layout::is_tree(path) {
        let tree = Tree::read(path, limits, progress(quiet)).map_err(|e| from_error(path, e))?;
        let doc = tree.document(limits).map_err(|d| invalid(path, d))?;
        let value = serde_json::to_value(&doc).map_err(|e| io(path, e))?;
        return Ok((doc, value));
    }
    let bytes = neurosteroid::read_document(path, limits).map_err(|e| from_error(path, e))?;
    let format = Format::from_path(path);
    let value = neurosteroid::__private::parse_value(&bytes, format, limits).map_err(|d| invalid(path, d))?;
    let doc = neurosteroid::__private::parse_document(&bytes, format, limits).map_err(|d| invalid(path, d))?;
    Ok((doc, value))
}

fn from_error(path: &Path, e: neurosteroid::Error) -> Failure {
    match e {
        neurosteroid::Error::Invalid { diagnostics } => invalid(path, diagnostics),
        e => io(path, e),
    }
}

/// `split FILE DIR`.
pub fn split(
    file: &Path,
    dir: &Path,
    limits: &Limits,
    quiet: bool,
    out: &mut impl std::io::Write,
) -> Result<u8, Failure> {
    let (doc, _) = read_any(file, limits, quiet)?;
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| io(dir, e))?.next().is_some() {
        return Err(Failure {
            code: 2,
            message: format!(
                "{}: the folder is not empty; split writes into a new or empty folder",
                dir.display()
            ),
        });
    }
    let files = layout::split(&doc);
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        write_atomically(&path, text.as_bytes()).map_err(|e| io(&path, e))?;
    }
    if !quiet {
        emit(out, &format!("wrote {} files into {}\n", files.len(), dir.display()))?;
    }
    Ok(0)
}

/// `join DIR [-o FILE]`.
pub fn join(
    dir: &Path,
    output: Option<&Path>,
    limits: &Limits,
    quiet: bool,
    out: &mut impl std::io::Write,
) -> Result<u8, Failure> {
    let (doc, _) = read_any(dir, limits, quiet)?;
    crate::deliver(out, output, &json(&doc), quiet)?;
    Ok(0)
}

/// What a file holds, from where it lies: the root file or a file outside any knowledge-base
/// folder is a document; a file under a collection folder of a knowledge base is an entity.
fn content_of(path: &Path) -> Content {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if layout::ROOT_FILES.contains(&name) {
        return Content::Document;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    for dir in abs.ancestors().skip(1) {
        if layout::ROOT_FILES.iter().any(|r| dir.join(r).is_file()) {
            if let Ok(rel) = abs.strip_prefix(dir) {
                if let Some(kind) = neurosteroid::canonical::collection_of(rel) {
                    return Content::Entity(kind);
                }
            }
            break;
        }
    }
    Content::Document
}

fn fmt_targets(paths: &[PathBuf], limits: &Limits, quiet: bool) -> Result<Vec<(PathBuf, String, Content)>, Failure> {
    let mut files = Vec::new();
    for p in paths {
        if layout::is_tree(p) {
            let tree = Tree::read(p, limits, progress(quiet)).map_err(|e| from_error(p, e))?;
            for f in tree.files() {
                let Some(content) = f.content else {
                    return Err(invalid(
                        p,
                        vec![{
                            let mut d = Diagnostic::error(
                                neurosteroid::Code::UnknownField,
                                "",
                                "a document file outside any collection folder",
                            );
                            d.file = Some(f.relative.as_str().into());
                            d
                        }],
                    ));
                };
                files.push((p.join(&f.relative), f.text.clone(), content));
            }
        } else {
            let bytes = neurosteroid::read_document(p, limits).map_err(|e| from_error(p, e))?;
            let text = String::from_utf8(bytes).map_err(|e| io(p, e))?;
            files.push((p.clone(), text, content_of(p)));
        }
    }
    Ok(files)
}

/// `fmt [--check] PATH...`.
pub fn fmt(
    paths: &[PathBuf],
    check: bool,
    limits: &Limits,
    quiet: bool,
    out: &mut impl std::io::Write,
) -> Result<u8, Failure> {
    let files = fmt_targets(paths, limits, quiet)?;
    let mut report = String::new();
    let mut changed = 0usize;
    let mut broken = 0usize;
    for (path, text, content) in &files {
        match format_text(text, Format::from_path(path), *content) {
            Err(neurosteroid::Error::Invalid { diagnostics }) => {
                broken += 1;
                let t = Target::new(path, diagnostics);
                for f in &t.found {
                    report.push_str(&format!("{}: cannot format: {}\n", f.place(), f.diagnostic));
                }
            }
            Err(e) => {
                broken += 1;
                report.push_str(&format!("{}: cannot format: {e}\n", path.display()));
            }
            Ok(formatted) if formatted == *text => {}
            Ok(formatted) => {
                changed += 1;
                if check {
                    report.push_str(&format!("would reformat {}\n", path.display()));
                    report.push_str(&line_diff(text, &formatted));
                } else {
                    write_atomically(path, formatted.as_bytes()).map_err(|e| io(path, e))?;
                    if !quiet {
                        report.push_str(&format!("formatted {}\n", path.display()));
                    }
                }
            }
        }
    }
    if !quiet {
        let verb = if check { "would be reformatted" } else { "reformatted" };
        report.push_str(&format!(
            "{} file(s) checked, {changed} {verb}, {broken} could not be formatted\n",
            files.len()
        ));
    }
    emit(out, &report)?;
    Ok(if broken > 0 || (check && changed > 0) { 1 } else { 0 })
}

/// The changed lines, `-` old and `+` new, each hunk headed by its old line number.
fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        let first = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        return format!("  first change at line {}\n", first + 1);
    }
    // Longest common subsequence, then walk it.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut s = String::new();
    let mut in_hunk = false;
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            in_hunk = false;
            continue;
        }
        if !in_hunk {
            s.push_str(&format!("  @ line {}\n", i + 1));
            in_hunk = true;
        }
        if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            s.push_str(&format!("  +{}\n", b[j]));
            j += 1;
        } else {
            s.push_str(&format!("  -{}\n", a[i]));
            i += 1;
        }
    }
    s
}

/// Output formats of `diff`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    /// For a terminal.
    Text,
    /// For a changelog or a pull-request comment.
    Markdown,
    /// Every change, machine-readable.
    Json,
    /// An RFC 6902 JSON Patch that turns OLD into NEW.
    Patch,
}

/// `diff OLD NEW`.
pub fn diff(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    limits: &Limits,
    quiet: bool,
    out: &mut impl std::io::Write,
) -> Result<u8, Failure> {
    let (a, av) = read_any(old, limits, quiet)?;
    let (b, bv) = read_any(new, limits, quiet)?;
    let text = match format {
        DiffFormat::Text => neurosteroid::diff::diff(&a, &b).to_text(),
        DiffFormat::Markdown => neurosteroid::diff::diff(&a, &b).to_markdown(),
        DiffFormat::Json => json(&neurosteroid::diff::diff(&a, &b)),
        DiffFormat::Patch => json(&neurosteroid::diff::json_patch(&av, &bv)),
    };
    emit(out, &text)?;
    Ok(0)
}
