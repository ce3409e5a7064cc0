//! The message loop: documents in, diagnostics out, answers to requests.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, GotoDefinitionParams, HoverParams, HoverProviderCapability,
    OneOf, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind,
};
use neurosteroid::{Level, Limits, LoadOptions};
use serde_json::Value;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::features::{self, Scope};
use crate::text::Text;
use crate::workspace::{Folder, file_path};

/// How the server behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Bounds on the documents it reads; a larger document gets one `limit` diagnostic.
    pub limits: Limits,
    /// Quiet time after an edit before a document is validated again (typing coalesces).
    pub debounce: Duration,
}

impl Options {
    /// Largest document validated as you type by default (the command line's own default
    /// is far larger, for batch runs).
    pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default().with_max_bytes(Options::DEFAULT_MAX_BYTES),
            debounce: Duration::from_millis(50),
        }
    }
}

/// Longest a changed document waits for its diagnostics while edits keep coming.
const MAX_DELAY: Duration = Duration::from_millis(500);

struct State {
    options: Options,
    documents: HashMap<String, Document>,
    /// Changed documents waiting for validation, with the time of their first unvalidated edit.
    dirty: BTreeMap<String, Instant>,
    /// The multi-file knowledge bases that open documents belong to, by root folder.
    folders: HashMap<PathBuf, Folder>,
}

impl State {
    /// The open documents of a knowledge-base folder.
    fn open_in<'a>(&'a self, root: &'a Path) -> impl Iterator<Item = &'a Document> + 'a {
        self.documents
            .values()
            .filter(move |d| d.member.as_ref().is_some_and(|m| m.root == root))
    }

    /// Every open document of a folder waits for validation again.
    fn touch_folder(&mut self, root: &Path) {
        let keys: Vec<String> = self.open_in(root).map(|d| d.uri.as_str().to_owned()).collect();
        for key in keys {
            self.dirty.entry(key).or_insert_with(Instant::now);
        }
    }
}

/// Serves one editor on `connection`: the `initialize` handshake, then messages until
/// `shutdown` and `exit`. Content never stops the server; only a broken connection does.
pub fn serve(connection: &Connection, options: Options) -> Result<()> {
    let capabilities = ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([":", " ", "\"", "-", "[", ","].map(str::to_owned).to_vec()),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    };
    let (id, _params) = connection.initialize_start()?;
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "neurosteroid".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let mut state = State {
        options,
        documents: HashMap::new(),
        dirty: BTreeMap::new(),
        folders: HashMap::new(),
    };
    loop {
        let next = match state.dirty.values().min() {
            None => connection.receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(&first) => {
                let wait = options.debounce.min(MAX_DELAY.saturating_sub(first.elapsed()));
                connection.receiver.recv_timeout(wait)
            }
        };
        match next {
            Err(RecvTimeoutError::Timeout) => publish_dirty(connection, &mut state)?,
            // The editor went away without `exit`: nothing left to serve.
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
            Ok(Message::Request(req)) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                send(connection, answer(&mut state, req).into())?;
            }
            Ok(Message::Notification(n)) if n.method == "exit" => return Ok(()),
            Ok(Message::Notification(n)) => notify(connection, &mut state, n)?,
            Ok(Message::Response(_)) => {}
        }
        if state.dirty.values().any(|t| t.elapsed() >= MAX_DELAY) {
            publish_dirty(connection, &mut state)?;
        }
    }
}

fn send(connection: &Connection, message: Message) -> Result<()> {
    connection.sender.send(message).map_err(|_| Error::Protocol {
        message: "the connection to the editor is closed".to_owned(),
    })
}

fn publish(connection: &Connection, doc: &Document, diagnostics: Vec<lsp_types::Diagnostic>) -> Result<()> {
    let params = PublishDiagnosticsParams {
        uri: doc.uri.clone(),
        diagnostics,
        version: Some(doc.version),
    };
    send(
        connection,
        Notification::new("textDocument/publishDiagnostics".to_owned(), params).into(),
    )
}

fn internal_error() -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        message: "internal error while validating this document; please report it with the document".to_owned(),
        source: Some("neurosteroid".to_owned()),
        ..lsp_types::Diagnostic::default()
    }
}

fn publish_dirty(connection: &Connection, state: &mut State) -> Result<()> {
    let mut roots = BTreeSet::new();
    for key in std::mem::take(&mut state.dirty).into_keys() {
        let Some(doc) = state.documents.get(&key) else {
            continue;
        };
        if let Some(member) = &doc.member {
            // A file of a knowledge-base folder: the folder is validated once, below.
            roots.insert(member.root.clone());
            continue;
        }
        let limits = state.options.limits;
        // A bug in a rule must not take the editor's server down: report it instead.
        let diagnostics =
            catch_unwind(AssertUnwindSafe(|| doc.diagnostics(limits))).unwrap_or_else(|_| vec![internal_error()]);
        publish(connection, doc, diagnostics)?;
    }
    for root in roots {
        publish_folder(connection, state, &root)?;
    }
    Ok(())
}

/// Validates a knowledge-base folder, with the open buffers in place of their files, as
/// `neurosteroid validate --level full DIR` does, and publishes each open file's problems
/// (an empty list for a file that has none left).
fn publish_folder(connection: &Connection, state: &mut State, root: &Path) -> Result<()> {
    let limits = state.options.limits;
    let open: Vec<&Document> = state
        .documents
        .values()
        .filter(|d| d.member.as_ref().is_some_and(|m| m.root == root))
        .collect();
    let buffers = open
        .iter()
        .filter_map(|d| Some((d.member.as_ref()?.relative.as_str(), d.text.as_str())));
    let folder = state.folders.entry(root.to_path_buf()).or_default();
    let found = match folder.tree(root, buffers, &limits) {
        Ok(tree) => catch_unwind(AssertUnwindSafe(|| {
            tree.validate(LoadOptions::new().with_level(Level::Full).with_limits(limits))
        }))
        .ok(),
        Err(problems) => Some(problems),
    };
    for doc in open {
        let relative = doc.member.as_ref().map(|m| m.relative.as_str());
        let diagnostics = match &found {
            None => vec![internal_error()],
            Some(all) => all
                .iter()
                .filter_map(|d| match d.file.as_deref() {
                    Some(file) if Some(file) == relative => Some(doc.to_lsp(d)),
                    Some(_) => None,
                    // A problem of the whole folder: shown in each of its open files, at the top.
                    None => {
                        let mut d = d.clone();
                        d.location = None;
                        Some(doc.to_lsp(&d))
                    }
                })
                .collect(),
        };
        publish(connection, doc, diagnostics)?;
    }
    Ok(())
}

fn notify(connection: &Connection, state: &mut State, n: Notification) -> Result<()> {
    match n.method.as_str() {
        "textDocument/didOpen" => {
            if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                let d = p.text_document;
                let key = d.uri.as_str().to_owned();
                let doc = Document::new(d.uri, &d.language_id, d.version, d.text);
                if let Some(member) = &doc.member {
                    state.folders.entry(member.root.clone()).or_default().changed();
                }
                state.documents.insert(key.clone(), doc);
                // Opening is not typing: validate at once.
                state
                    .dirty
                    .insert(key, Instant::now().checked_sub(MAX_DELAY).unwrap_or_else(Instant::now));
            }
        }
        "textDocument/didChange" => {
            if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                let key = p.text_document.uri.as_str().to_owned();
                if let Some(doc) = state.documents.get_mut(&key) {
                    let mut text = doc.text.as_str().to_owned();
                    for change in p.content_changes {
                        match change.range {
                            // Incremental edits are applied too, though the server asks for full text.
                            Some(range) => {
                                let t = Text::new(text);
                                let (a, b) = (t.offset(range.start), t.offset(range.end));
                                let mut s = t.as_str().to_owned();
                                s.replace_range(a.min(b)..b.max(a), &change.text);
                                text = s;
                            }
                            None => text = change.text,
                        }
                    }
                    doc.text = Text::new(text);
                    doc.version = p.text_document.version;
                    if let Some(member) = &doc.member {
                        state.folders.entry(member.root.clone()).or_default().changed();
                    }
                    state.dirty.entry(key).or_insert_with(Instant::now);
                }
            }
        }
        "textDocument/didClose" => {
            if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                let key = p.text_document.uri.as_str().to_owned();
                state.dirty.remove(&key);
                if let Some(doc) = state.documents.remove(&key) {
                    // Closed: its problems leave the editor's problem list.
                    publish(connection, &doc, Vec::new())?;
                    // The file is what is on disk again (saved or not): the folder's other
                    // open files are checked against that.
                    if let Some(member) = doc.member {
                        state.folders.entry(member.root.clone()).or_default().reread();
                        state.touch_folder(&member.root);
                    }
                }
            }
        }
        "textDocument/didSave" => {
            // Saved: the folder on disk has changed (the buffer had not).
            if let Some(root) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                .ok()
                .and_then(|p| state.documents.get(p.text_document.uri.as_str())?.member.clone())
                .map(|m| m.root)
            {
                state.folders.entry(root).or_default().reread();
            }
        }
        "workspace/didChangeWatchedFiles" => {
            // Files changed outside the editor (a checkout, a script): read the folders holding
            // them again and check their open files.
            if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                let changed: Vec<PathBuf> = p.changes.iter().filter_map(|c| file_path(&c.uri)).collect();
                let roots: Vec<PathBuf> = state
                    .folders
                    .keys()
                    .filter(|root| changed.iter().any(|path| path.starts_with(root)))
                    .cloned()
                    .collect();
                for root in roots {
                    if let Some(folder) = state.folders.get_mut(&root) {
                        folder.reread();
                    }
                    state.touch_folder(&root);
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn answer(state: &mut State, req: Request) -> Response {
    let id = req.id.clone();
    let method = req.method.clone();
    match catch_unwind(AssertUnwindSafe(|| request(state, req))) {
        Ok(Ok(value)) => Response::new_ok(id, value),
        Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
        Err(_) => Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            format!("internal error while answering `{method}`; please report it with the document"),
        ),
    }
}

type Answer = std::result::Result<Value, (ErrorCode, String)>;

fn params<P: serde::de::DeserializeOwned>(req: &Request) -> std::result::Result<P, (ErrorCode, String)> {
    serde_json::from_value(req.params.clone()).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid parameters for `{}`: {e}", req.method),
        )
    })
}

/// Runs `f` on an open document and, for a file of a knowledge-base folder, the folder
/// (its files with the open buffers); `None` for a document that is not open.
fn with_document<T>(
    state: &mut State,
    uri: &lsp_types::Uri,
    f: impl FnOnce(&Document, Option<&Scope<'_>>) -> T,
) -> Option<T> {
    let limits = state.options.limits;
    let State { documents, folders, .. } = state;
    let doc = documents.get(uri.as_str())?;
    let Some(member) = &doc.member else {
        return Some(f(doc, None));
    };
    let mine = || {
        documents.values().filter_map(|d| {
            let m = d.member.as_ref().filter(|m| m.root == member.root)?;
            Some((m.relative.as_str(), d))
        })
    };
    let buffers = mine().map(|(relative, d)| (relative, d.text.as_str()));
    let folder = folders.entry(member.root.clone()).or_default();
    let scope = folder
        .snapshot(&member.root, buffers, &limits)
        .map(|(tree, snapshot)| Scope {
            member,
            tree,
            snapshot,
            open: mine().map(|(relative, d)| (relative, &d.uri)).collect(),
        });
    Some(f(doc, scope.as_ref()))
}

fn request(state: &mut State, req: Request) -> Answer {
    let limits = state.options.limits;
    match req.method.as_str() {
        "textDocument/completion" => {
            let p: CompletionParams = params(&req)?;
            let at = p.text_document_position;
            let items = with_document(state, &at.text_document.uri, |d, scope| {
                features::completion(d, at.position, &limits, scope)
            });
            Ok(json(&items.unwrap_or_default()))
        }
        "textDocument/hover" => {
            let p: HoverParams = params(&req)?;
            let at = p.text_document_position_params;
            Ok(json(&with_document(state, &at.text_document.uri, |d, scope| {
                features::hover(d, at.position, &limits, scope)
            })))
        }
        "textDocument/definition" => {
            let p: GotoDefinitionParams = params(&req)?;
            let at = p.text_document_position_params;
            Ok(json(&with_document(state, &at.text_document.uri, |d, scope| {
                features::definition(d, at.position, &limits, scope)
            })))
        }
        other => Err((
            ErrorCode::MethodNotFound,
            format!("`{other}` is not supported by this server"),
        )),
    }
}

/// An answer as JSON (serialising these LSP types cannot fail).
fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
