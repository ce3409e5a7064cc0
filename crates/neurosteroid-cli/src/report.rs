//! How `validate` reports: for people (grouped when there are many problems), JSON, GitHub
//! workflow annotations, and SARIF 2.1.0 for code scanning.

use std::collections::BTreeMap;

use neurosteroid::__private::terminal;
use neurosteroid::{Code, Diagnostic};
use serde_json::json;

/// Above this many problems, the human report shows a few of each code and a summary.
pub const MANY: usize = 10;
/// How many problems of one code the human report shows in full when there are many.
pub const SHOWN_PER_CODE: usize = 3;

/// The `$schema` of the SARIF output: the OASIS standard's schema (errata 01).
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// One validated target (a file, or a knowledge-base folder).
pub struct Target {
    /// The path as given.
    pub path: String,
    /// Every diagnostic, each with the file it points into.
    pub found: Vec<Found>,
}

/// A diagnostic with the path of its file as the user gave it (folder joined with the file).
pub struct Found {
    /// The file's path.
    pub file: String,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
}

impl Found {
    /// `file:line:column`, or the file alone.
    pub fn place(&self) -> String {
        match self.diagnostic.location {
            Some(l) => format!("{}:{}:{}", self.file, l.line, l.column),
            None => self.file.clone(),
        }
    }
}

impl Target {
    /// True when no error was found.
    pub fn valid(&self) -> bool {
        !self.found.iter().any(|f| f.diagnostic.is_error())
    }

    /// A target from the diagnostics of a folder or a file.
    pub fn new(path: &std::path::Path, diags: Vec<Diagnostic>) -> Target {
        let found = diags
            .into_iter()
            .map(|d| Found {
                file: match &d.file {
                    Some(rel) => path.join(&**rel).display().to_string(),
                    None => path.display().to_string(),
                },
                diagnostic: d,
            })
            .collect();
        Target {
            path: path.display().to_string(),
            found,
        }
    }
}

/// The human report. `paint(text, ansi)` colours for a terminal; `all` shows every problem.
pub fn human(targets: &[Target], level: &str, quiet: bool, all: bool, paint: &dyn Fn(&str, &str) -> String) -> String {
    let total: usize = targets.iter().map(|t| t.found.len()).sum();
    let grouped = total > MANY && !all;
    let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
    let mut s = String::new();
    for t in targets {
        for f in &t.found {
            let d = &f.diagnostic;
            let n = shown.entry(d.code).or_default();
            *n += 1;
            if grouped && *n > SHOWN_PER_CODE {
                continue;
            }
            let at = if d.path.is_empty() { "/" } else { &d.path };
            let severity = paint(d.severity.as_str(), if d.is_error() { "1;31" } else { "1;33" });
            s.push_str(&format!(
                "{}: {severity}[{}]: {}\n  at {at}\n",
                f.place(),
                d.code,
                d.message
            ));
            if let Some(h) = &d.hint {
                s.push_str(&format!("  hint: {h}\n"));
            }
        }
        if !(quiet && t.found.is_empty()) {
            let errors = t.found.iter().filter(|f| f.diagnostic.is_error()).count();
            let warnings = t.found.len() - errors;
            let verdict = if t.valid() {
                paint("valid", "32")
            } else {
                paint("invalid", "1;31")
            };
            s.push_str(&format!(
                "{}: {verdict} ({errors} error(s), {warnings} warning(s), level {level})\n",
                terminal(&t.path)
            ));
        }
    }
    if total > MANY {
        s.push_str(&summary(targets, grouped));
    }
    s
}

/// "12 × dangling-reference, first at kb/claims/x.yaml:5:9", one line per code, most
/// frequent first.
pub fn summary(targets: &[Target], grouped: bool) -> String {
    let mut by_code: BTreeMap<Code, (usize, &Found)> = BTreeMap::new();
    for f in targets.iter().flat_map(|t| &t.found) {
        by_code.entry(f.diagnostic.code).or_insert((0, f)).0 += 1;
    }
    let mut rows: Vec<(Code, usize, &Found)> = by_code.into_iter().map(|(c, (n, f))| (c, n, f)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: usize = rows.iter().map(|r| r.1).sum();
    let mut s = format!("summary: {total} problem(s) of {} kind(s)", rows.len());
    if grouped {
        s.push_str(&format!(
            " (at most {SHOWN_PER_CODE} of each shown above; --all shows every one)"
        ));
    }
    s.push('\n');
    for (code, n, first) in rows {
        s.push_str(&format!("  {n} × {code}, first at {}\n", terminal(&first.place())));
    }
    s
}

/// The JSON report: one object per target.
pub fn json_report(targets: &[Target], level: &str) -> serde_json::Value {
    serde_json::Value::Array(
        targets
            .iter()
            .map(|t| {
                json!({
                    "file": t.path,
                    "valid": t.valid(),
                    "level": level,
                    "diagnostics": t.found.iter().map(|f| &f.diagnostic).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// GitHub Actions workflow commands: one `::error` or `::warning` annotation per problem,
/// then the summary when there are many.
pub fn github(targets: &[Target]) -> String {
    let mut s = String::new();
    for f in targets.iter().flat_map(|t| &t.found) {
        let d = &f.diagnostic;
        let mut props = format!("file={}", escape_property(&f.file));
        if let Some(l) = d.location {
            props.push_str(&format!(",line={},col={}", l.line, l.column));
        }
        props.push_str(&format!(
            ",title={}",
            escape_property(&format!("neurosteroid {}", d.code))
        ));
        let mut message = format!("{} (at {})", d.message, if d.path.is_empty() { "/" } else { &d.path });
        if let Some(h) = &d.hint {
            message.push_str(&format!("\nhint: {h}"));
        }
        s.push_str(&format!(
            "::{} {props}::{}\n",
            d.severity.as_str(),
            escape_data(&message)
        ));
    }
    let total: usize = targets.iter().map(|t| t.found.len()).sum();
    if total > MANY {
        s.push_str(&summary(targets, false));
    }
    s
}

/// Escapes the message of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log: one run, one rule per diagnostic code (description and help from the
/// code table), one result per problem.
pub fn sarif(targets: &[Target]) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": camel(c.as_str()),
                "shortDescription": {"text": c.description()},
                "fullDescription": {"text": c.description()},
                "help": {"text": c.help()},
                "defaultConfiguration": {"level": "error"},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = targets
        .iter()
        .flat_map(|t| &t.found)
        .map(|f| {
            let d = &f.diagnostic;
            let mut text = d.message.clone();
            if let Some(h) = &d.hint {
                text.push_str(&format!(" (hint: {h})"));
            }
            let mut physical = json!({"artifactLocation": {"uri": uri(&f.file)}});
            if let Some(l) = d.location {
                physical["region"] = json!({"startLine": l.line, "startColumn": l.column});
            }
            json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": d.severity.as_str(),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": if d.path.is_empty() { "/" } else { &d.path }, "kind": "member"}],
                }],
            })
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "neurosteroid",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/neurosteroid",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// `dangling-reference` → `DanglingReference` (SARIF's rule name).
fn camel(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative URI reference for a path: `/`-separated, with what a URI can not hold escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
