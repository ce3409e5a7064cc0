//! A knowledge base in many files: a folder with a root file and one file per entity.
//!
//! ```text
//! kb/
//!   knowledge-base.yaml         schema_version, as_of (and $schema, coverage)
//!   compounds/allopregnanolone.yaml
//!   claims/allo-sleep-promotion.yaml
//!   gene_products/akr1c2.json
//!   ...
//! ```
//!
//! The root file is `knowledge-base.yaml` (or `.yml`, `.json`); it is a document like any
//! other and may hold entities too. Every other `.yaml`, `.yml` or `.json` file lies under a
//! folder named for its collection (the document's key: `compounds`, `gene_products`,
//! `fact_sheets`, ...; sub-folders are allowed) and holds one entity, a mapping. Files are
//! named for the entity's id (`split` writes them so); other files (`README.md`) and hidden
//! ones are ignored. Entities of a collection are taken in path order (ids, for files named
//! by id): order within a collection carries no meaning.
//!
//! The folder is validated as one document: references across files resolve, and every
//! diagnostic names its [`Diagnostic::file`], the JSON Pointer inside that file and the
//! line and column there. Files are read and parsed in parallel.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use crate::canonical::{Content, Node, collection_of};
use crate::diagnostic::{Code, Diagnostic, pointer_push};
use crate::error::{Error, Result};
use crate::kb::{KnowledgeBase, LoadOptions};
use crate::model::{Document, EntityKind};
use crate::parallel::workers;
use crate::parse::{Format, Limits};
use crate::pointer::pointer_tokens;

/// Names the root file may have, in order of preference.
pub const ROOT_FILES: [&str; 3] = ["knowledge-base.yaml", "knowledge-base.yml", "knowledge-base.json"];

/// Called as files are read: `(done, total)`.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// One file of a knowledge-base folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the folder, `/`-separated.
    pub relative: String,
    /// The text.
    pub text: String,
    /// JSON or YAML (from the extension).
    pub format: Format,
    /// The root file (a document) or an entity of a collection; `None` for a file outside
    /// any collection folder (an error).
    pub content: Option<Content>,
}

/// A knowledge-base folder, read into memory: the unit that validation, `join` and editors
/// work on. An editor can replace one file's text ([`Tree::set_text`]) and validate again.
#[derive(Debug, Clone)]
pub struct Tree {
    root: PathBuf,
    files: Vec<SourceFile>,
    /// Threads that read and parse the files: `None` for every core.
    threads: Option<NonZeroUsize>,
}

/// Where each entity of the assembled document came from.
#[derive(Debug, Default)]
struct Origins {
    /// By collection key: for each position, the file index and the pointer in that file.
    by_collection: std::collections::HashMap<&'static str, Vec<(usize, String)>>,
    root: Option<usize>,
}

impl Origins {
    /// The file (its index) and the pointer inside it of a pointer into the assembled
    /// document; what no entity file holds is the root file's.
    fn source(&self, pointer: &str) -> (usize, String) {
        let tokens = pointer_tokens(pointer);
        let found = match tokens.as_slice() {
            [collection, index, rest @ ..] => self
                .by_collection
                .get(collection.as_str())
                .and_then(|v| index.parse::<usize>().ok().and_then(|i| v.get(i)))
                .map(|(file, prefix)| (*file, rest.iter().fold(prefix.clone(), |p, t| pointer_push(&p, t)))),
            _ => None,
        };
        found.unwrap_or_else(|| (self.root.unwrap_or(0), pointer.to_owned()))
    }
}

/// The folder's files parsed and put together (syntax only, no validation), with where each
/// part came from: what an editor needs to offer the entities of every file and to jump to
/// one of them. Files that do not parse are left out.
#[derive(Debug)]
pub struct Snapshot {
    value: Value,
    origins: Origins,
}

impl Snapshot {
    /// The assembled document (`null` when the root file is missing or does not parse).
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Where a JSON Pointer into [`Snapshot::value`] lies: the file (relative to the folder,
    /// as in [`SourceFile::relative`]) and the pointer inside that file.
    pub fn source<'t>(&self, tree: &'t Tree, pointer: &str) -> Option<(&'t SourceFile, String)> {
        let (file, inner) = self.origins.source(pointer);
        tree.files.get(file).map(|f| (f, inner))
    }
}

/// The knowledge-base folder a file belongs to: the folder of a root file when that folder
/// holds at least one collection folder, or the nearest folder above holding a root file
/// ([`ROOT_FILES`]) when the file lies in one of its collection folders; `None` for a file
/// that is a document of its own (a whole document named `knowledge-base.json` beside
/// unrelated files included). Paths stay as given
/// (relative stays relative; `.` for the current folder).
pub fn kb_root(path: &Path) -> Option<PathBuf> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let dot = |p: &Path| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    };
    if ROOT_FILES.contains(&name) {
        // A root-file name alone does not make a folder: a whole document may be called
        // `knowledge-base.json` and sit beside unrelated files. The folder counts only when
        // it holds a collection folder.
        let dir = dot(path.parent()?);
        let has_collection = std::fs::read_dir(&dir).ok()?.flatten().any(|entry| {
            entry.file_type().is_ok_and(|t| t.is_dir())
                && entry
                    .file_name()
                    .to_str()
                    .and_then(EntityKind::from_collection)
                    .is_some()
        });
        return has_collection.then_some(dir);
    }
    for dir in path.ancestors().skip(1) {
        let here = dot(dir);
        if ROOT_FILES.iter().any(|r| here.join(r).is_file()) {
            let rel = path.strip_prefix(dir).ok()?;
            return collection_of(rel).map(|_| here);
        }
    }
    None
}

/// True when `path` is a knowledge-base folder (a directory), not a single document.
pub fn is_tree(path: &Path) -> bool {
    path.is_dir()
}

impl Tree {
    /// Reads every document file of a folder (in parallel), refusing any file over
    /// `limits.max_bytes`.
    ///
    /// # Errors
    /// [`Error::Io`] when the folder or a file can not be read; [`Error::Invalid`] with a
    /// `limit` diagnostic naming the file that is too large, or an `encoding` one for a file
    /// that is not UTF-8.
    pub fn read(dir: impl AsRef<Path>, limits: &Limits, progress: Option<Progress<'_>>) -> Result<Tree> {
        Tree::read_with_threads(dir, limits, progress, None)
    }

    /// [`Tree::read`] on `threads` threads (`None`: every core); the tree keeps the number
    /// for parsing its files when it is validated or joined.
    ///
    /// # Errors
    /// As [`Tree::read`].
    pub fn read_with_threads(
        dir: impl AsRef<Path>,
        limits: &Limits,
        progress: Option<Progress<'_>>,
        threads: Option<NonZeroUsize>,
    ) -> Result<Tree> {
        let dir = dir.as_ref();
        let mut paths = Vec::new();
        walk(dir, dir, &mut paths)?;
        // Folder, then file name without its extension: entities come in id order
        // (`gaba-a-receptor` before `gaba-a-receptor-delta`, whatever `.` and `-` sort as).
        paths.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        let total = paths.len();
        let done = AtomicUsize::new(0);
        let results = crate::parallel::map(&paths, workers(threads), |relative| {
            let file = read_one(dir, relative, limits);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(p) = progress {
                p(n, total);
            }
            file
        });
        let mut files = Vec::with_capacity(total);
        let mut bad = Vec::new();
        for r in results {
            match r {
                Ok(f) => files.push(f),
                Err(Error::Invalid { diagnostics }) => bad.extend(diagnostics),
                Err(e) => return Err(e),
            }
        }
        if !bad.is_empty() {
            return Err(Error::Invalid { diagnostics: bad });
        }
        Ok(Tree {
            root: dir.to_path_buf(),
            files,
            threads,
        })
    }

    /// A tree from files already in memory (relative paths, `/`-separated).
    pub fn from_files(root: impl Into<PathBuf>, files: impl IntoIterator<Item = (String, String)>) -> Tree {
        let mut files: Vec<SourceFile> = files
            .into_iter()
            .map(|(relative, text)| source_file(relative, text))
            .collect();
        files.sort_by(|a, b| order_key(&a.relative).cmp(&order_key(&b.relative)));
        Tree {
            root: root.into(),
            files,
            threads: None,
        }
    }

    /// The same tree, parsing its files on `threads` threads (`None`: every core).
    #[must_use]
    pub fn with_threads(mut self, threads: Option<NonZeroUsize>) -> Tree {
        self.threads = threads;
        self
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The files, in path order.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Replaces (or adds) the text of one file, e.g. an editor's unsaved buffer.
    pub fn set_text(&mut self, relative: &str, text: String) {
        let relative = relative.replace('\\', "/");
        // The files are sorted by `order_key`, not by plain string order.
        match self
            .files
            .binary_search_by(|f| order_key(&f.relative).cmp(&order_key(&relative)))
        {
            Ok(i) => self.files[i].text = text,
            Err(i) => self.files.insert(i, source_file(relative, text)),
        }
    }

    /// Parses every file (in parallel) and assembles one document value, with where each
    /// entity came from. Problems are placed in their files.
    fn assemble(&self, limits: &Limits) -> (Option<Value>, Origins, Vec<Diagnostic>) {
        // A few files are parsed faster than threads start.
        let workers = if self.files.len() < 16 {
            1
        } else {
            workers(self.threads)
        };
        let parsed: Vec<std::result::Result<Value, Vec<Diagnostic>>> =
            crate::parallel::map(&self.files, workers, |f| {
                crate::parse::parse_value(f.text.as_bytes(), f.format, limits).map_err(|mut diags| {
                    crate::parse::add_locations(f.text.as_bytes(), f.format, &mut diags);
                    diags
                })
            });
        let mut diags = Vec::new();
        let mut origins = Origins::default();
        let roots: Vec<usize> = ROOT_FILES
            .iter()
            .filter_map(|name| self.files.iter().position(|f| f.relative == *name))
            .collect();
        let Some(&root) = roots.first() else {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    "",
                    format!("`{}` has no root file `knowledge-base.yaml`", self.root.display()),
                )
                .with_hint("add `knowledge-base.yaml` with `schema_version` and `as_of` (see `neurosteroid split`)"),
            );
            return (None, origins, diags);
        };
        for &other in &roots[1..] {
            let mut d = Diagnostic::error(Code::DuplicateKey, "", "a second root file").with_hint(format!(
                "keep one root file; `{}` is the one read",
                self.files[root].relative
            ));
            d.file = Some(self.files[other].relative.as_str().into());
            diags.push(d);
        }
        origins.root = Some(root);
        let mut doc = match &parsed[root] {
            Ok(Value::Object(map)) => map.clone(),
            Ok(_) => {
                let mut d = Diagnostic::error(Code::Type, "", "the root file must hold a mapping")
                    .with_hint("write `schema_version: 1.0.0` and `as_of: YYYY-MM-DD` in it");
                d.file = Some(self.files[root].relative.as_str().into());
                diags.push(d);
                return (None, origins, diags);
            }
            Err(e) => {
                diags.extend(e.iter().cloned().map(|mut d| {
                    d.file = Some(self.files[root].relative.as_str().into());
                    d
                }));
                return (None, origins, diags);
            }
        };
        for kind in EntityKind::ALL {
            if let Some(Value::Array(items)) = doc.get(kind.collection()) {
                let entry = origins.by_collection.entry(kind.collection()).or_default();
                for i in 0..items.len() {
                    entry.push((root, pointer_push(&pointer_push("", kind.collection()), &i.to_string())));
                }
            }
        }
        for (i, (file, value)) in self.files.iter().zip(&parsed).enumerate() {
            // Every root file: the one read, and the others, each named above.
            if roots.contains(&i) {
                continue;
            }
            let place = |mut d: Diagnostic| {
                d.file = Some(file.relative.as_str().into());
                d
            };
            let Some(Content::Entity(kind)) = file.content else {
                diags.push(place(
                    Diagnostic::error(Code::UnknownField, "", "a document file outside any collection folder")
                        .with_hint(format!(
                            "move it into a collection folder ({}/) or out of the knowledge base",
                            EntityKind::ALL.map(EntityKind::collection).join("/, ")
                        )),
                ));
                continue;
            };
            match value {
                Err(e) => diags.extend(e.iter().cloned().map(place)),
                Ok(v @ Value::Object(_)) => {
                    let items = doc.entry(kind.collection()).or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(items) = items {
                        items.push(v.clone());
                        origins
                            .by_collection
                            .entry(kind.collection())
                            .or_default()
                            .push((i, String::new()));
                    } else {
                        diags.push(place(Diagnostic::error(
                            Code::Type,
                            "",
                            format!(
                                "the root file's `{}` is not a list, so this entity has nowhere to go",
                                kind.collection()
                            ),
                        )));
                    }
                }
                Ok(_) => diags.push(place(
                    Diagnostic::error(
                        Code::Type,
                        "",
                        format!("an entity file must hold one {} (a mapping)", kind),
                    )
                    .with_hint("write the entity's fields (`id: ...`) at the top level of the file"),
                )),
            }
        }
        (Some(Value::Object(doc)), origins, diags)
    }

    /// Moves diagnostics of the assembled document into their files: `file`, the pointer
    /// inside the file, and the line and column there.
    fn place(&self, origins: &Origins, diags: &mut [Diagnostic]) {
        for d in diags.iter_mut() {
            if d.file.is_some() {
                continue;
            }
            let (file, path) = origins.source(&d.path);
            if let Some(f) = self.files.get(file) {
                d.file = Some(f.relative.as_str().into());
                d.path = path;
                d.location = None;
            }
        }
        // Line and column, one pass per file that has diagnostics.
        for (i, f) in self.files.iter().enumerate() {
            let mut idx: Vec<usize> = (0..diags.len())
                .filter(|&j| diags[j].file.as_deref() == Some(f.relative.as_str()) && diags[j].location.is_none())
                .collect();
            if idx.is_empty() {
                continue;
            }
            let mut mine: Vec<Diagnostic> = idx.iter().map(|&j| diags[j].clone()).collect();
            crate::parse::add_locations(f.text.as_bytes(), f.format, &mut mine);
            for (j, d) in idx.drain(..).zip(mine) {
                diags[j].location = d.location;
            }
            let _ = i;
        }
    }

    /// The files parsed and put together, without validation (see [`Snapshot`]).
    pub fn snapshot(&self, limits: &Limits) -> Snapshot {
        let (value, origins, _) = self.assemble(limits);
        Snapshot {
            value: value.unwrap_or(Value::Null),
            origins,
        }
    }

    /// The document the folder holds, checked for structure only (what `join` writes).
    ///
    /// # Errors
    /// Every syntax and structural problem, placed in its file.
    pub fn document(&self, limits: &Limits) -> std::result::Result<Document, Vec<Diagnostic>> {
        let (value, origins, mut diags) = self.assemble(limits);
        let Some(value) = value else {
            return Err(diags);
        };
        match crate::parse::document_from_value(&value) {
            Ok(doc) if diags.is_empty() => Ok(doc),
            Ok(_) => Err(diags),
            Err(mut more) => {
                self.place(&origins, &mut more);
                diags.extend(more);
                Err(diags)
            }
        }
    }

    /// Validates the folder as one knowledge base.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every diagnostic (errors and warnings), each placed in its
    /// file, when any error is found.
    pub fn load(&self, options: LoadOptions) -> Result<KnowledgeBase> {
        let (value, origins, diags) = self.assemble(&options.limits);
        let Some(value) = value.filter(|_| diags.is_empty()) else {
            return Err(Error::Invalid { diagnostics: diags });
        };
        let doc = crate::parse::document_from_value(&value).map_err(|mut diags| {
            self.place(&origins, &mut diags);
            Error::Invalid { diagnostics: diags }
        })?;
        let options = options.with_threads(options.threads.or(self.threads));
        KnowledgeBase::checked(doc, options, |diags| self.place(&origins, diags))
    }

    /// Every diagnostic of the folder (errors and warnings); never fails.
    pub fn validate(&self, options: LoadOptions) -> Vec<Diagnostic> {
        match self.load(options) {
            Ok(kb) => kb.warnings().to_vec(),
            Err(e) => e.diagnostics().to_vec(),
        }
    }
}

/// The files of a folder layout for a document: the root file, then one file per entity
/// (`collection/id.yaml`), each in canonical YAML. Paths are relative, `/`-separated.
pub fn split(doc: &Document) -> Vec<(String, String)> {
    let Some(Node::Map(entries)) = Node::from_serialize(doc) else {
        return Vec::new();
    };
    let mut root = Vec::new();
    let mut out = Vec::new();
    for (key, value) in entries {
        match (EntityKind::from_collection(&key), value) {
            (Some(_), Node::Seq(items)) => {
                for item in items {
                    let id = item.get("id").and_then(Node::as_str).unwrap_or("unnamed").to_owned();
                    out.push((format!("{key}/{id}.yaml"), crate::canonical::to_yaml(&item)));
                }
            }
            (_, value) => root.push((key, value)),
        }
    }
    out.insert(
        0,
        (ROOT_FILES[0].to_owned(), crate::canonical::to_yaml(&Node::Map(root))),
    );
    out
}

fn source_file(relative: String, text: String) -> SourceFile {
    let path = Path::new(&relative);
    let content = if ROOT_FILES.contains(&relative.as_str()) {
        Some(Content::Document)
    } else {
        collection_of(path).map(Content::Entity)
    };
    SourceFile {
        format: Format::from_path(path),
        content,
        relative,
        text,
    }
}

fn read_one(dir: &Path, relative: &str, limits: &Limits) -> Result<SourceFile> {
    let bytes = crate::kb::read_document(&dir.join(relative), limits).map_err(|e| match e {
        Error::Invalid { mut diagnostics } => {
            for d in &mut diagnostics {
                d.file = Some(relative.into());
            }
            Error::Invalid { diagnostics }
        }
        e => e,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let mut d = Diagnostic::error(
            Code::Encoding,
            "",
            format!("the file is not valid UTF-8 (invalid byte at offset {at})"),
        )
        .with_hint("save the file as UTF-8");
        d.location = Some(crate::parse::line_col(e.as_bytes(), at));
        d.file = Some(relative.into());
        Error::Invalid { diagnostics: vec![d] }
    })?;
    Ok(source_file(relative.to_owned(), text))
}

/// Collects the document files under `dir` (relative, `/`-separated), skipping hidden ones.
/// The order of a layout's files: folder, then name without extension, then extension.
fn order_key(relative: &str) -> (&str, &str, &str) {
    let (dir, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (dir, stem, ext)
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type().map_err(io)?.is_dir() {
            walk(base, &path, out)?;
        } else if matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("yaml" | "yml" | "json")
        ) {
            if let Ok(rel) = path.strip_prefix(base) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    Ok(())
}
