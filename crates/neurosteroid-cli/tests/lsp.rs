//! `neurosteroid lsp` driven over stdio exactly as an editor drives it: JSON-RPC messages
//! with `Content-Length` headers, `initialize` … `exit`. Diagnostics are checked against
//! what `neurosteroid validate --format json` reports for the same files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly by design

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use neurosteroid_test_support::{self as support, root};

/// Generous: only a hung server makes a test wait this long.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Editor {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: VecDeque<Value>,
    next_id: i64,
}

impl Editor {
    fn start(extra: &[&str]) -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_neurosteroid"))
            .args(extra)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice::<Value>(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut editor = Editor {
            child,
            stdin,
            incoming,
            pending: VecDeque::new(),
            next_id: 1,
        };
        let init = editor.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {}}),
        );
        let caps = &init["result"]["capabilities"];
        assert_eq!(caps["textDocumentSync"], 1, "full sync: {init}");
        assert_eq!(caps["hoverProvider"], true);
        assert_eq!(caps["definitionProvider"], true);
        assert!(caps["completionProvider"].is_object());
        editor.notify("initialized", json!({}));
        editor
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.incoming.recv_timeout(TIMEOUT).expect("a response in time");
            if m["id"] == id && m.get("method").is_none() {
                return m;
            }
            self.pending.push_back(m);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        };
        if let Some(i) = self.pending.iter().position(matches) {
            let m = self.pending.remove(i).unwrap();
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.incoming.recv_timeout(TIMEOUT).expect("diagnostics in time");
            if matches(&m) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push_back(m);
        }
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri, 1)
    }

    fn at(&mut self, method: &str, uri: &str, line: usize, character: usize) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
    }

    /// `shutdown`, `exit`, and the process ends with status 0.
    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "the server exits cleanly: {status}");
    }
}

/// The LSP position (0-based, UTF-16 columns) of the CLI's 1-based line:column (characters).
fn lsp_position(text: &str, line: u64, column: u64) -> (u64, u64) {
    let l = text.split('\n').nth(line as usize - 1).unwrap_or("");
    let units: usize = l.chars().take(column as usize - 1).map(char::len_utf16).sum();
    (line - 1, units as u64)
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn invalid_vectors() -> Vec<PathBuf> {
    let files = support::vectors("invalid");
    assert!(files.len() >= 30, "the shared vectors are there: {}", files.len());
    files
}

/// Opens each file in the server and compares what it publishes with `validate --format json`.
fn compare_with_cli(files: &[PathBuf], language: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_neurosteroid"))
        .args(["validate", "--level", "full", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    let reports: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports.len(), files.len());

    let mut editor = Editor::start(&[]);
    let mut compared = 0;
    for (path, report) in files.iter().zip(&reports) {
        let text = std::fs::read_to_string(path).unwrap();
        let uri = file_uri(path);
        let published = editor.open(&uri, language, &text);
        let cli = report["diagnostics"].as_array().unwrap();
        assert!(!cli.is_empty(), "{}: an invalid vector has diagnostics", path.display());
        assert_eq!(
            published.len(),
            cli.len(),
            "{}: {published:#?}\nCLI: {cli:#?}",
            path.display()
        );
        for (p, c) in published.iter().zip(cli) {
            let what = format!("{}: {p}\nCLI: {c}", path.display());
            assert_eq!(p["code"], c["code"], "{what}");
            assert_eq!(p["source"], "neurosteroid");
            let severity = if c["severity"] == "error" { 1 } else { 2 };
            assert_eq!(p["severity"], severity, "{what}");
            assert!(
                p["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(c["message"].as_str().unwrap()),
                "{what}"
            );
            assert_eq!(p["data"]["path"], c["path"], "{what}");
            let start = (
                p["range"]["start"]["line"].as_u64().unwrap(),
                p["range"]["start"]["character"].as_u64().unwrap(),
            );
            let end = (
                p["range"]["end"]["line"].as_u64().unwrap(),
                p["range"]["end"]["character"].as_u64().unwrap(),
            );
            match c.get("location") {
                Some(l) => {
                    let want = lsp_position(&text, l["line"].as_u64().unwrap(), l["column"].as_u64().unwrap());
                    assert_eq!(start, want, "{what}");
                    assert!(
                        end > start || text.lines().nth(start.0 as usize).unwrap_or("").is_empty(),
                        "a non-empty range: {what}"
                    );
                }
                None => assert_eq!((start, end), ((0, 0), (0, 0)), "{what}"),
            }
            compared += 1;
        }
        editor.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        assert!(editor.diagnostics(&uri, 1).is_empty(), "closing clears the problems");
    }
    assert!(compared >= files.len());
    editor.stop();
}

#[test]
fn every_invalid_vector_gets_the_cli_diagnostics_with_ranges() {
    compare_with_cli(&invalid_vectors(), "json");
}

/// The same vectors read as YAML (JSON text is YAML flow style): the YAML locator's positions.
#[test]
fn every_invalid_vector_read_as_yaml_gets_the_cli_diagnostics_with_ranges() {
    let scratch = support::scratch("lsp-yaml");
    let dir = scratch.path();
    let copies: Vec<PathBuf> = invalid_vectors()
        .iter()
        .map(|p| {
            let copy = dir.join(p.with_extension("yaml").file_name().unwrap());
            std::fs::copy(p, &copy).unwrap();
            copy
        })
        .collect();
    compare_with_cli(&copies, "yaml");
}

/// Line and UTF-16 column of the first occurrence of `needle` (plus `skip` characters).
fn find(text: &str, needle: &str, skip: usize) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` in the text"));
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].encode_utf16().count() + skip)
}

#[test]
fn a_dangling_reference_is_reported_within_one_edit_and_references_are_navigable() {
    let text = std::fs::read_to_string(root().join("tests/vectors/valid/base.yaml")).unwrap();
    let uri = "file:///kb/base.yaml";
    let mut editor = Editor::start(&[]);
    let errors = |d: &[Value]| d.iter().filter(|d| d["severity"] == 1).cloned().collect::<Vec<_>>();
    assert!(errors(&editor.open(uri, "yaml", &text)).is_empty());

    // One edit: the reaction now names an enzyme that does not exist.
    let edited = text.replacen("enzyme: \"enzyme-x\"", "enzyme: \"enzyme-q\"", 1);
    assert_ne!(edited, text);
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let after = errors(&editor.diagnostics(uri, 2));
    let dangling: Vec<_> = after.iter().filter(|d| d["code"] == "dangling-reference").collect();
    assert_eq!(dangling.len(), 1, "{after:#?}");
    let (line, character) = find(&edited, "\"enzyme-q\"", 0);
    assert_eq!(
        dangling[0]["range"]["start"],
        json!({"line": line, "character": character})
    );
    assert_eq!(
        dangling[0]["range"]["end"],
        json!({"line": line, "character": character + "\"enzyme-q\"".len()})
    );
    assert!(
        dangling[0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `enzyme-x`?"),
        "{dangling:?}"
    );

    // Completion inside a `substrate:` value offers compounds, with their names, and nothing else.
    let (line, character) = find(&edited, "substrate: \"compound-a\"", "substrate: \"comp".len());
    let items = editor.at("textDocument/completion", uri, line, character)["result"].clone();
    let items = items.as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["compound-a", "compound-b", "compound-c"], "{items:#?}");
    assert_eq!(items[0]["detail"], "compound: Compound A");
    assert_eq!(items[0]["textEdit"]["newText"], "compound-a");
    // In `sources:` lists: sources only.
    let (line, character) = find(&edited, "      - \"src-paper\"", "      - \"".len());
    let items = editor.at("textDocument/completion", uri, line, character)["result"].clone();
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["src-article", "src-paper"]);

    // Hover on a reference: the entity's name; on a claim reference, its grade too.
    let (line, character) = find(&edited, "substrate: \"compound-a\"", "substrate: \"c".len());
    let hover = editor.at("textDocument/hover", uri, line, character);
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Compound A") && shown.contains("compound"), "{hover}");
    let (line, character) = find(&edited, "          - \"c-acts-on-r\"", "          - \"c".len());
    let hover = editor.at("textDocument/hover", uri, line, character);
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("preclinical") && shown.contains("C modulates R."),
        "{hover}"
    );
    // Not on a reference (a name): nothing.
    let (line, character) = find(&edited, "Compound A", 2);
    assert_eq!(
        editor.at("textDocument/hover", uri, line, character)["result"],
        Value::Null
    );

    // Go to definition: from the reference to the entity's `id:`.
    let (line, character) = find(&edited, "substrate: \"compound-b\"", "substrate: \"c".len());
    let def = editor.at("textDocument/definition", uri, line, character)["result"].clone();
    let (id_line, id_character) = find(&edited, "id: \"compound-b\"", "id: ".len());
    assert_eq!(def["uri"], uri);
    assert_eq!(
        def["range"]["start"],
        json!({"line": id_line, "character": id_character})
    );
    // The dangling reference has no definition.
    let (line, character) = find(&edited, "\"enzyme-q\"", 2);
    assert_eq!(
        editor.at("textDocument/definition", uri, line, character)["result"],
        Value::Null
    );

    // Fixing it clears the error.
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    assert!(errors(&editor.diagnostics(uri, 3)).is_empty());
    editor.stop();
}

#[test]
fn json_documents_complete_with_quotes_and_claims_narrow_by_predicate() {
    let text = std::fs::read_to_string(root().join("tests/vectors/valid/base.json")).unwrap();
    let uri = "file:///kb/base.json";
    let mut editor = Editor::start(&[]);
    editor.open(uri, "json", &text);
    // The claim `c-acts-on-r` acts on a receptor: its object completes to receptors only.
    let (line, character) = find(&text, "\"object\": \"receptor-r\"", "\"object\": \"rec".len());
    let items = editor.at("textDocument/completion", uri, line, character)["result"].clone();
    let items = items.as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["receptor-r"], "{items:#?}");
    assert_eq!(items[0]["textEdit"]["newText"], "receptor-r");
    let start = json!({"line": line, "character": character - "rec".len()});
    assert_eq!(items[0]["textEdit"]["range"]["start"], start);
    // An empty value outside quotes (`"object": |,`): the inserted id brings its quotes.
    let edited = text.replacen("\"object\": \"receptor-r\"", "\"object\": ", 1);
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let d = editor.diagnostics(uri, 2);
    assert!(d.iter().any(|d| d["code"] == "syntax"), "{d:?}");
    let (line, character) = find(&edited, "\"object\": ", "\"object\": ".len());
    let items = editor.at("textDocument/completion", uri, line, character)["result"].clone();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(items[0]["textEdit"]["newText"], "\"receptor-r\"");
    editor.stop();
}

#[test]
fn bad_input_never_stops_the_server() {
    let mut editor = Editor::start(&["--max-bytes", "4096"]);
    // Oversized: one `limit` diagnostic, and no work on it.
    let big = format!(
        "{{\"schema_version\": \"1.0.0\", \"as_of\": \"2026-01-01\", \"x\": \"{}\"}}",
        "a".repeat(8000)
    );
    let d = editor.open("file:///big.json", "json", &big);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "limit");
    assert_eq!(
        editor.at("textDocument/completion", "file:///big.json", 0, 60)["result"],
        json!([])
    );
    // Garbage, deep nesting, a YAML alias bomb, empty text, positions past the end.
    let deep = "[".repeat(3000);
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
    for (i, (language, text)) in [
        ("json", "\u{0}\u{fffd}{]"),
        ("json", deep.as_str()),
        ("yaml", bomb),
        ("yaml", ""),
        ("yaml", ": : -\n\t- ["),
    ]
    .into_iter()
    .enumerate()
    {
        let uri = format!("file:///bad-{i}.{language}");
        let d = editor.open(&uri, language, text);
        assert!(!d.is_empty(), "{uri}: problems are reported");
        for method in [
            "textDocument/completion",
            "textDocument/hover",
            "textDocument/definition",
        ] {
            for (line, character) in [(0, 0), (0, 9999), (9999, 0)] {
                let r = editor.at(method, &uri, line, character);
                assert!(r.get("error").is_none(), "{method} on {uri}: {r}");
            }
        }
    }
    // The hostile corpus (every case an editor could send as text): the first error is the
    // one the corpus expects, and requests anywhere in it are answered.
    let mut hostile: Vec<PathBuf> = std::fs::read_dir(root().join("tests/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "yaml"))
        .collect();
    hostile.sort();
    let mut opened = 0;
    for path in &hostile {
        let Ok(text) = String::from_utf8(std::fs::read(path).unwrap()) else {
            continue; // not text: an editor cannot send it
        };
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let language = if path.extension().is_some_and(|e| e == "yaml") {
            "yaml"
        } else {
            "json"
        };
        let uri = file_uri(path);
        let d = editor.open(&uri, language, &text);
        let first_error = d
            .iter()
            .find(|d| d["severity"] == 1)
            .map_or("valid", |d| d["code"].as_str().unwrap());
        assert_eq!(first_error, expected.trim(), "{}: {d:?}", path.display());
        let lines = text.split('\n').count();
        for method in [
            "textDocument/completion",
            "textDocument/hover",
            "textDocument/definition",
        ] {
            for line in 0..lines.min(20) {
                for character in [0, 5, 30, 200] {
                    let r = editor.at(method, &uri, line, character);
                    assert!(r.get("error").is_none(), "{method} on {uri}: {r}");
                }
            }
        }
        opened += 1;
    }
    assert!(opened >= 15, "the hostile corpus is there: {opened}");
    // A request with nonsense parameters gets an error answer, an unknown method too.
    let r = editor.request("textDocument/hover", json!({"textDocument": 7}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = editor.request("textDocument/formatting", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // A document the server never saw: no answer, no error.
    assert_eq!(
        editor.at("textDocument/hover", "file:///unknown.yaml", 0, 0)["result"],
        Value::Null
    );
    // Still alive and validating.
    let d = editor.open("file:///after.yaml", "yaml", "schema_version: \"1.0.0\"\n");
    assert!(d.iter().any(|d| d["code"] == "missing-field"), "{d:?}");
    editor.stop();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The published diagnostics compared with `validate --level full --format json DIR` for one
/// file of the folder: same codes, pointers inside the file, and ranges from the same place.
fn assert_same_as_cli(published: &[Value], kb: &Path, relative: &str, text: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_neurosteroid"))
        .args(["validate", "--level", "full", "--format", "json"])
        .arg(kb)
        .output()
        .unwrap();
    let reports: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let cli: Vec<&Value> = reports[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == relative)
        .collect();
    assert_eq!(published.len(), cli.len(), "{published:#?}\nCLI: {cli:#?}");
    for (p, c) in published.iter().zip(cli) {
        assert_eq!(p["code"], c["code"], "{p}\nCLI: {c}");
        assert_eq!(p["data"]["path"], c["path"], "{p}\nCLI: {c}");
        let (line, character) = lsp_position(
            text,
            c["location"]["line"].as_u64().unwrap(),
            c["location"]["column"].as_u64().unwrap(),
        );
        assert_eq!(
            p["range"]["start"],
            json!({"line": line, "character": character}),
            "{p}\nCLI: {c}"
        );
    }
}

/// A file of a multi-file knowledge base (the sample content repository) is validated with
/// its folder: a dangling reference appears in the open file within one edit, references
/// complete and resolve across files, and definitions open the other file.
#[test]
fn a_file_of_a_knowledge_base_folder_is_checked_with_its_folder() {
    let kb = std::env::temp_dir().join(format!("ns-lsp-kb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&kb);
    copy_dir(&root().join("examples/content-repo/kb"), &kb);
    let reaction = "reactions/progesterone-to-5a-dihydroprogesterone.yaml";
    let compound = "compounds/progesterone.yaml";
    let uri = file_uri(&kb.join(reaction));
    let text = std::fs::read_to_string(kb.join(reaction)).unwrap();
    let mut editor = Editor::start(&[]);

    // Alone, the file would lack `schema_version` and every entity it names; with its folder
    // it is valid.
    assert_eq!(editor.open(&uri, "yaml", &text), Vec::<Value>::new());

    // One edit: the reaction names an enzyme that no file defines.
    let edited = text.replacen("enzyme: 5a-reductase\n", "enzyme: 5a-reductase-q\n", 1);
    assert_ne!(edited, text);
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let published = editor.diagnostics(&uri, 2);
    let dangling: Vec<&Value> = published.iter().filter(|d| d["code"] == "dangling-reference").collect();
    assert_eq!(dangling.len(), 1, "{published:#?}");
    let (line, character) = find(&edited, "5a-reductase-q", 0);
    assert_eq!(
        dangling[0]["range"],
        json!({"start": {"line": line, "character": character},
               "end": {"line": line, "character": character + "5a-reductase-q".len()}})
    );
    assert_eq!(dangling[0]["data"]["path"], "/enzyme");
    assert!(
        dangling[0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `5a-reductase`?"),
        "{dangling:?}"
    );
    // Exactly what the command line reports for the folder with the edited file saved.
    std::fs::write(kb.join(reaction), &edited).unwrap();
    assert_same_as_cli(&published, &kb, reaction, &edited);
    std::fs::write(kb.join(reaction), &text).unwrap();

    // Completion in `substrate:` offers every compound of the folder, each from its own file.
    let (line, character) = find(&edited, "substrate: progesterone", "substrate: prog".len());
    let items = editor.at("textDocument/completion", &uri, line, character)["result"].clone();
    let mut labels: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_owned())
        .collect();
    labels.sort();
    let mut compounds: Vec<String> = std::fs::read_dir(kb.join("compounds"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    compounds.sort();
    assert_eq!(labels, compounds);
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["detail"] == "compound: progesterone"),
        "{items:#?}"
    );

    // Hover names the entity of the other file; definition opens that file at its `id`.
    let hover = editor.at("textDocument/hover", &uri, line, character);
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("compound `progesterone`"), "{hover}");
    let def = editor.at("textDocument/definition", &uri, line, character)["result"].clone();
    assert_eq!(def["uri"], file_uri(&kb.join(compound)));
    let compound_text = std::fs::read_to_string(kb.join(compound)).unwrap();
    let (id_line, id_character) = find(&compound_text, "id: progesterone\n", "id: ".len());
    assert_eq!(
        def["range"],
        json!({"start": {"line": id_line, "character": id_character},
               "end": {"line": id_line, "character": id_character + "progesterone".len()}})
    );
    // The dangling enzyme has no definition.
    let (line, character) = find(&edited, "5a-reductase-q", 1);
    assert_eq!(
        editor.at("textDocument/definition", &uri, line, character)["result"],
        Value::Null
    );

    // Fixing it clears the file.
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    assert_eq!(editor.diagnostics(&uri, 3), Vec::<Value>::new());

    // A second open file: renaming the compound in its (unsaved) buffer leaves the reaction's
    // reference dangling, and the reaction's problems are published although it was not edited.
    let compound_uri = file_uri(&kb.join(compound));
    assert_eq!(editor.open(&compound_uri, "yaml", &compound_text), Vec::<Value>::new());
    assert_eq!(editor.diagnostics(&uri, 3), Vec::<Value>::new());
    let renamed = compound_text.replacen("id: progesterone\n", "id: progesterone-renamed\n", 1);
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": compound_uri, "version": 2}, "contentChanges": [{"text": renamed}]}),
    );
    let _ = editor.diagnostics(&compound_uri, 2);
    let reaction_problems = editor.diagnostics(&uri, 3);
    assert!(
        reaction_problems
            .iter()
            .any(|d| d["code"] == "dangling-reference" && d["data"]["path"] == "/substrate"),
        "{reaction_problems:#?}"
    );
    // Definition follows the open buffer: from the reaction, nowhere; closing the unsaved
    // buffer brings the file on disk back, and the reaction is clean again.
    let (line, character) = find(&text, "substrate: progesterone", "substrate: prog".len());
    assert_eq!(
        editor.at("textDocument/definition", &uri, line, character)["result"],
        Value::Null
    );
    editor.notify("textDocument/didClose", json!({"textDocument": {"uri": compound_uri}}));
    assert_eq!(editor.diagnostics(&compound_uri, 2), Vec::<Value>::new());
    assert_eq!(editor.diagnostics(&uri, 3), Vec::<Value>::new());

    // A file deleted outside the editor (reported by the editor's file watcher).
    std::fs::remove_file(kb.join(compound)).unwrap();
    editor.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": compound_uri, "type": 3}]}),
    );
    let after_delete = editor.diagnostics(&uri, 3);
    assert!(
        after_delete
            .iter()
            .any(|d| d["code"] == "dangling-reference" && d["data"]["path"] == "/substrate"),
        "{after_delete:#?}"
    );
    editor.stop();
    std::fs::remove_dir_all(kb).unwrap();
}
