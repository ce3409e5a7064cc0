//! [`KnowledgeBase`]: a validated document with its id and name indexes.

use rustc_hash::FxHashMap as HashMap;
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::model::{Document, EntityKind, EntityRef, Id};
use crate::parse::{Format, Limits};
use crate::resolve::{EntityKey, NameIndex};
pub use crate::resolve::{Resolution, SearchHit};
use crate::validate::Level;

/// The embedded curated knowledge base, as JSON.
pub const EMBEDDED_JSON: &str = include_str!("../data/knowledge-base.json");

/// How to load a document: the validation level, the input limits and the threads.
///
/// Built from [`LoadOptions::default()`] (or [`LoadOptions::new()`]) with the `with_*`
/// methods, so that options added later are not a breaking change:
///
/// ```
/// use neurosteroid::{Level, Limits, LoadOptions};
///
/// let options = LoadOptions::new()
///     .with_level(Level::Schema)
///     .with_limits(Limits::default().with_max_bytes(1 << 20));
/// assert_eq!((options.level, options.limits.max_bytes), (Level::Schema, 1 << 20));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Validation level (default `full`).
    pub level: Level,
    /// Input limits.
    pub limits: Limits,
    /// How many threads the semantic rules of a large document may use (`None`: one per
    /// CPU). The diagnostics are the same on any number of threads.
    pub threads: Option<NonZeroUsize>,
}

impl LoadOptions {
    /// The defaults: [`Level::Full`] and [`Limits::default()`].
    pub fn new() -> Self {
        Self::default()
    }

    /// These options at another validation level.
    #[must_use]
    pub fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// These options with other input limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// These options with at most `threads` threads for the semantic rules (`None`: one
    /// per CPU).
    #[must_use]
    pub fn with_threads(mut self, threads: Option<NonZeroUsize>) -> Self {
        self.threads = threads;
        self
    }
}

/// A validated knowledge base, indexed for lookup, resolution and queries.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    doc: Document,
    ids: OnceLock<HashMap<Id, EntityKey>>,
    names: OnceLock<NameIndex>,
    network: OnceLock<crate::network::NetworkIndex>,
    warnings: Vec<Diagnostic>,
}

impl PartialEq for KnowledgeBase {
    fn eq(&self, other: &Self) -> bool {
        self.doc == other.doc
    }
}

static EMBEDDED: LazyLock<std::result::Result<KnowledgeBase, String>> = LazyLock::new(|| {
    KnowledgeBase::from_slice(EMBEDDED_JSON.as_bytes(), Format::Json, LoadOptions::default()).map_err(|e| e.to_string())
});

impl KnowledgeBase {
    /// The embedded, curated knowledge base (parsed and validated once per process).
    ///
    /// # Errors
    /// [`Error::Internal`] only if the embedded data were invalid (a bug of this build, not
    /// of any input), which a test of this crate rules out.
    pub fn embedded() -> Result<&'static KnowledgeBase> {
        EMBEDDED.as_ref().map_err(|message| Error::Internal {
            message: format!("the embedded knowledge base does not load: {message}"),
        })
    }

    /// Parses and validates a document from bytes.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every diagnostic (errors and warnings) when any error is found.
    pub fn from_slice(input: &[u8], format: Format, options: LoadOptions) -> Result<KnowledgeBase> {
        let doc = crate::parse::parse_document(input, format, &options.limits).map_err(|mut diagnostics| {
            // Structural errors do not hide the semantic ones: the rules also run on every
            // entity that parsed (see `validate::semantic_of_partial`).
            let structural_only = diagnostics
                .iter()
                .all(|d| !matches!(d.code, crate::Code::Syntax | crate::Code::Encoding | crate::Code::Limit));
            if options.level == Level::Full && structural_only {
                if let Ok(value) = crate::parse::parse_value(input, format, &options.limits) {
                    let mut more = crate::validate::semantic_of_partial(&value);
                    crate::parse::add_locations(input, format, &mut more);
                    diagnostics.extend(more);
                }
            }
            Error::Invalid { diagnostics }
        })?;
        KnowledgeBase::checked(doc, options, |diags| crate::parse::add_locations(input, format, diags))
    }

    /// Parses and validates a JSON document.
    ///
    /// # Errors
    /// As [`KnowledgeBase::from_slice`].
    pub fn from_json(text: &str) -> Result<KnowledgeBase> {
        KnowledgeBase::from_slice(text.as_bytes(), Format::Json, LoadOptions::default())
    }

    /// Parses and validates a YAML document.
    ///
    /// # Errors
    /// As [`KnowledgeBase::from_slice`].
    pub fn from_yaml(text: &str) -> Result<KnowledgeBase> {
        KnowledgeBase::from_slice(text.as_bytes(), Format::Yaml, LoadOptions::default())
    }

    /// Reads, parses and validates a file (`.yaml`/`.yml` as YAML, anything else as JSON).
    ///
    /// # Errors
    /// [`Error::Io`] when the file can not be read, else as [`KnowledgeBase::from_slice`].
    /// A folder is read as a knowledge base in many files ([`KnowledgeBase::from_dir`]).
    pub fn from_path(path: impl AsRef<Path>, options: LoadOptions) -> Result<KnowledgeBase> {
        let path = path.as_ref();
        #[cfg(feature = "yaml")]
        if crate::layout::is_tree(path) {
            return KnowledgeBase::from_dir(path, options);
        }
        let bytes = read_document(path, &options.limits)?;
        KnowledgeBase::from_slice(&bytes, Format::from_path(path), options)
    }

    /// Reads and validates a knowledge base in many files: a folder with a root file
    /// `knowledge-base.yaml` and one file per entity under a folder per collection (the
    /// layout is described in [`crate::layout`]). Files are read and parsed in parallel;
    /// every diagnostic names its file ([`Diagnostic::file`]), the JSON Pointer inside it,
    /// and the line and column.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use neurosteroid::{KnowledgeBase, LoadOptions};
    /// let dir = std::env::temp_dir().join(format!("ns-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("compounds"))?;
    /// std::fs::write(dir.join("knowledge-base.yaml"), "schema_version: 1.0.0\nas_of: 2026-01-01\n")?;
    /// std::fs::write(dir.join("compounds/progesterone.yaml"), "id: progesterone\nname: progesterone\n")?;
    /// let kb = KnowledgeBase::from_dir(&dir, LoadOptions::default())?;
    /// assert_eq!(kb.require("progesterone")?.name(), "progesterone");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when the folder or a file can not be read; [`Error::Invalid`] with every
    /// diagnostic when any error is found.
    #[cfg(feature = "yaml")]
    pub fn from_dir(dir: impl AsRef<Path>, options: LoadOptions) -> Result<KnowledgeBase> {
        crate::layout::Tree::read(dir, &options.limits, None)?.load(options)
    }

    /// Validates and indexes a document built in code.
    ///
    /// # Errors
    /// [`Error::Invalid`] when a semantic rule fails (at `Level::Full`).
    pub fn from_document(doc: Document, level: Level) -> Result<KnowledgeBase> {
        KnowledgeBase::checked(doc, LoadOptions::new().with_level(level), |_| {})
    }

    /// Runs the semantic rules (at `Level::Full`), lets the caller place the diagnostics in
    /// its text, and keeps the warnings of a valid document.
    pub(crate) fn checked(
        doc: Document,
        options: LoadOptions,
        locate: impl FnOnce(&mut [Diagnostic]),
    ) -> Result<KnowledgeBase> {
        let mut diags = match options.level {
            Level::Schema => Vec::new(),
            Level::Full => crate::validate::semantic_threads(&doc, options.threads),
        };
        crate::diagnostic::cap(&mut diags);
        locate(&mut diags);
        if diags.iter().any(Diagnostic::is_error) {
            return Err(Error::Invalid { diagnostics: diags });
        }
        Ok(KnowledgeBase::index(doc, diags))
    }

    fn index(doc: Document, warnings: Vec<Diagnostic>) -> KnowledgeBase {
        KnowledgeBase {
            doc,
            ids: OnceLock::new(),
            names: OnceLock::new(),
            network: OnceLock::new(),
            warnings,
        }
    }

    fn every_key(&self) -> impl Iterator<Item = EntityKey> + '_ {
        EntityKind::ALL
            .into_iter()
            .flat_map(move |kind| (0..self.len_of(kind)).map(move |i| EntityKey { kind, index: i as u32 }))
    }

    /// The id index, built on first use (loading stays a parse and a validation).
    pub(crate) fn ids(&self) -> &HashMap<Id, EntityKey> {
        self.ids.get_or_init(|| {
            let mut ids = HashMap::with_capacity_and_hasher(self.every_key().count(), Default::default());
            for key in self.every_key() {
                ids.entry(self.entity(key).id().clone()).or_insert(key);
            }
            ids
        })
    }

    /// The reaction, claim and receptor index of the network queries, built on first use.
    pub(crate) fn network_index(&self) -> &crate::network::NetworkIndex {
        self.network.get_or_init(|| {
            crate::network::NetworkIndex::new(&self.doc, |id| {
                self.ids()
                    .get(id)
                    .filter(|k| k.kind == EntityKind::Reaction)
                    .map(|k| k.index as usize)
            })
        })
    }

    /// The name and identifier index, built on first use.
    pub(crate) fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| {
            let mut names = NameIndex::default();
            for key in self.every_key() {
                let e = self.entity(key);
                names.add_name(e.id().as_str(), key);
                if key.kind.carries_names() {
                    names.add_name(e.name(), key);
                    for n in e.other_names() {
                        names.add_name(n, key);
                    }
                }
                if let EntityRef::GeneProduct(g) = e {
                    names.add_name(g.symbol.as_str(), key);
                }
                for c in e.identifiers() {
                    names.add_identifier(c, key);
                }
            }
            names
        })
    }

    fn len_of(&self, kind: EntityKind) -> usize {
        self.doc.len_of(kind)
    }

    /// The entity at a key. Keys are made only from this knowledge base's own positions.
    pub(crate) fn entity(&self, key: EntityKey) -> EntityRef<'_> {
        self.doc
            .entity(key.kind, key.index as usize)
            .unwrap_or_else(|| unreachable!("keys are made from this document's own positions"))
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Consumes the knowledge base, returning its document.
    pub fn into_document(self) -> Document {
        self.doc
    }

    /// Warnings found when the document was validated.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The kind and collection position of the entity with this id.
    pub fn position(&self, id: &str) -> Option<(EntityKind, usize)> {
        self.ids().get(id).map(|k| (k.kind, k.index as usize))
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<EntityRef<'_>> {
        self.ids().get(id).map(|k| self.entity(*k))
    }

    /// The entity with this id, or [`Error::NotFound`] with suggestions.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn require(&self, id: &str) -> Result<EntityRef<'_>> {
        self.get(id).ok_or_else(|| self.not_found(id))
    }

    pub(crate) fn not_found(&self, query: &str) -> Error {
        let suggestions = self.search(query, 3).into_iter().map(|h| h.id).collect();
        Error::NotFound {
            query: query.to_owned(),
            suggestions,
        }
    }

    /// Serialises the document as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.doc).unwrap_or_default()
    }

    /// Serialises the document as indented JSON with a trailing newline.
    pub fn to_json_pretty(&self) -> String {
        crate::output::pretty_json(&self.doc)
    }

    /// All entities of one kind.
    pub fn entities(&self, kind: EntityKind) -> impl Iterator<Item = EntityRef<'_>> {
        (0..self.len_of(kind)).map(move |i| self.entity(EntityKey { kind, index: i as u32 }))
    }
}

/// Reads a document file, refusing one larger than `limits.max_bytes` before reading it
/// (a `limit` diagnostic), so that a huge file costs nothing.
///
/// # Errors
/// [`Error::Invalid`] with a `limit` diagnostic when the file is too large; [`Error::Io`]
/// when it can not be read.
pub fn read_document(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_big = |size: u64| Error::Invalid {
        diagnostics: vec![crate::parse::too_large("file", size, limits)],
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limits.max_bytes as u64 {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow while it is read: never read past the limit.
    file.take(limits.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > limits.max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}
