//! The native module `neurosteroid._native`: conversions and error mapping only. The
//! Python package (`python/neurosteroid`) builds the public API on top of it.

use std::sync::Arc;

use neurosteroid::{Diagnostic, EntityKind, Error, Format, KnowledgeBase as Kb, Level, LoadOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyDict, PyTuple};

/// Builds the Python exception for a Rust error: one exhaustive match, so that a new
/// variant does not compile until it is mapped.
fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let errors = py.import("neurosteroid._errors")?;
        let (class, args): (&str, Bound<'_, PyTuple>) = match e {
            Error::Invalid { diagnostics } => {
                let message = summary(&diagnostics);
                (
                    "ValidationError",
                    (message, diagnostics_to_py(py, &diagnostics)?).into_pyobject(py)?,
                )
            }
            Error::NotFound { query, suggestions } => {
                let message = Error::NotFound {
                    query: query.clone(),
                    suggestions: suggestions.clone(),
                }
                .to_string();
                ("NotFoundError", (message, query, suggestions).into_pyobject(py)?)
            }
            Error::Ambiguous { query, candidates } => {
                let message = Error::Ambiguous {
                    query: query.clone(),
                    candidates: candidates.clone(),
                }
                .to_string();
                ("AmbiguousError", (message, query, candidates).into_pyobject(py)?)
            }
            e @ Error::WrongKind { .. } => ("WrongKindError", (e.to_string(),).into_pyobject(py)?),
            e @ Error::Io { .. } => ("NeurosteroidIOError", (e.to_string(),).into_pyobject(py)?),
            e => ("NeurosteroidError", (e.to_string(),).into_pyobject(py)?),
        };
        Ok(PyErr::from_value(errors.getattr(class)?.call1(args)?))
    };
    build().unwrap_or_else(|err| err)
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    format!("{} error(s): {}", errors.len(), errors.join("; "))
}

fn diagnostics_to_py<'py>(py: Python<'py>, diagnostics: &[Diagnostic]) -> PyResult<Vec<Bound<'py, PyDict>>> {
    diagnostics
        .iter()
        .map(|d| {
            let dict = PyDict::new(py);
            dict.set_item("code", d.code.as_str())?;
            dict.set_item("severity", d.severity.as_str())?;
            dict.set_item("path", &d.path)?;
            dict.set_item("message", &d.message)?;
            dict.set_item("hint", d.hint.as_deref())?;
            dict.set_item("line", d.location.map(|l| l.line))?;
            dict.set_item("column", d.location.map(|l| l.column))?;
            dict.set_item("file", d.file.as_deref())?;
            Ok(dict)
        })
        .collect()
}

/// Runs `f` without holding the GIL (other Python threads run meanwhile; every path it
/// takes is bounded), turning a panic into `NeurosteroidError` instead of `PanicException`.
fn guard<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Error> + Send) -> PyResult<T> {
    py.detach(move || neurosteroid::error::catch_panic(f))
        .map_err(|e| to_py_err(py, e))
}

fn parse_format(format: &str) -> PyResult<Format> {
    format.parse().map_err(value_error)
}

fn parse_sheet_format(format: &str) -> PyResult<neurosteroid::render::SheetFormat> {
    format.parse().map_err(value_error)
}

/// A `ValueError` with the message of a name that is not one of a type's names.
fn value_error(e: neurosteroid::model::UnknownName) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn parse_level(level: &str) -> PyResult<Level> {
    level.parse().map_err(value_error)
}

fn parse_kind(kind: &str) -> PyResult<EntityKind> {
    EntityKind::from_collection(kind).ok_or_else(|| PyValueError::new_err(format!("unknown collection {kind:?}")))
}

/// Loads without holding the GIL (other Python threads run meanwhile), a panic becoming
/// `NeurosteroidError`.
fn load_detached(
    py: Python<'_>,
    level: Level,
    load: impl FnOnce() -> Result<Kb, Error> + Send,
) -> PyResult<NativeKnowledgeBase> {
    guard(py, || {
        load().map(|kb| NativeKnowledgeBase {
            kb: Arc::new(kb),
            level,
        })
    })
}

/// The collection and position of an entity. Ids are unique at level `full`; a document
/// loaded at level `schema` may repeat one across kinds, so the id's first holder is used
/// only when it is of the entity's own kind.
fn position_of(kb: &Kb, e: &neurosteroid::EntityRef<'_>) -> Option<(&'static str, usize)> {
    let kind = e.kind();
    match kb.position(e.id().as_str()) {
        Some((k, i)) if k == kind => Some((k.collection(), i)),
        _ => kb
            .entities(kind)
            .position(|x| x.id() == e.id())
            .map(|i| (kind.collection(), i)),
    }
}

/// `(entity id, direction, grade, indicated, [claim ids], text)`: one answer of a query
/// over claims.
type LinkTuple = (String, String, Option<String>, bool, Vec<String>, String);

fn link_tuple(l: &neurosteroid::Linked<'_>, text: String) -> LinkTuple {
    (
        l.entity.id().to_string(),
        neurosteroid::direction_name(l.direction()).to_owned(),
        l.grade().map(|g| g.as_str().to_owned()),
        l.indicated,
        l.claims.iter().map(|c| c.id.to_string()).collect(),
        text,
    )
}

/// `(collection, index, matched_by, related (collection, index) pairs)`.
type ResolvedTuple = (&'static str, usize, String, Vec<(&'static str, usize)>);

/// A validated knowledge base held in Rust.
#[pyclass(frozen, module = "neurosteroid._native", name = "NativeKnowledgeBase")]
struct NativeKnowledgeBase {
    kb: Arc<Kb>,
    /// The level it was validated at, so that a pickled copy is loaded the same way.
    level: Level,
}

#[pymethods]
impl NativeKnowledgeBase {
    /// The embedded curated knowledge base.
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Self> {
        guard(py, || {
            Kb::embedded().map(|kb| NativeKnowledgeBase {
                kb: Arc::new(kb.clone()),
                level: Level::Full,
            })
        })
    }

    /// Parses and validates a document.
    #[staticmethod]
    fn parse(py: Python<'_>, data: PyBackedBytes, format: &str, level: &str) -> PyResult<Self> {
        let (format, level) = (parse_format(format)?, parse_level(level)?);
        // Borrowed, not copied: the bytes object stays alive and immutable meanwhile.
        load_detached(py, level, move || {
            Kb::from_slice(&data, format, LoadOptions::new().with_level(level))
        })
    }

    /// Reads (refusing a file over the size limit before reading it), parses and validates.
    #[staticmethod]
    fn load_path(py: Python<'_>, path: std::path::PathBuf, level: &str) -> PyResult<Self> {
        let level = parse_level(level)?;
        load_detached(py, level, move || {
            Kb::from_path(&path, LoadOptions::new().with_level(level))
        })
    }

    /// Number of entities in a collection.
    fn count(&self, kind: &str) -> PyResult<usize> {
        Ok(self.kb.entities(parse_kind(kind)?).count())
    }

    /// The JSON of entity `index` of a collection.
    fn entity_json(&self, kind: &str, index: usize) -> PyResult<String> {
        let kind = parse_kind(kind)?;
        let e = self
            .kb
            .document()
            .entity(kind, index)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(index))?;
        Ok(e.to_json_string())
    }

    /// `(collection, index)` of the entity with this id, or `None`.
    fn locate(&self, id: &str) -> Option<(&'static str, usize)> {
        self.kb.position(id).map(|(k, i)| (k.collection(), i))
    }

    /// `(collection, index, matched_by, [(collection, index)...])`.
    fn resolve(&self, py: Python<'_>, text: &str) -> PyResult<ResolvedTuple> {
        let kb = &*self.kb;
        guard(py, || {
            let r = kb.resolve(text)?;
            let how = r.matched_by.to_string();
            let at = |e: &neurosteroid::EntityRef<'_>| position_of(kb, e);
            let (collection, index) = at(&r.entity).unwrap_or((r.entity.kind().collection(), 0));
            Ok((collection, index, how, r.related.iter().filter_map(at).collect()))
        })
    }

    /// Ranked search hits as JSON.
    fn search_json(&self, py: Python<'_>, text: &str, limit: usize) -> PyResult<String> {
        let kb = &*self.kb;
        guard(py, || {
            Ok(serde_json::to_string(&kb.search(text, limit)).unwrap_or_default())
        })
    }

    /// The coverage table as JSON (without serialising the rest of the document).
    fn coverage_json(&self) -> String {
        serde_json::to_string(&self.kb.document().coverage).unwrap_or_default()
    }

    /// The validation level the knowledge base was loaded at (`schema` or `full`).
    fn level(&self) -> &'static str {
        self.level.as_str()
    }

    /// The biosynthesis route as JSON.
    fn biosynthesis_json(&self, py: Python<'_>, compound: &str) -> PyResult<String> {
        guard(py, || self.kb.biosynthesis(compound).map(|r| r.to_json().to_string()))
    }

    /// The biosynthesis route as text.
    fn biosynthesis_text(&self, py: Python<'_>, compound: &str) -> PyResult<String> {
        guard(py, || self.kb.biosynthesis(compound).map(|r| r.to_string()))
    }

    /// `[(entity id, direction, grade, indicated, [claim ids], text)]` for a query over claims, one
    /// entry per entity, strongest support first; only supported links and supporting
    /// claims with `supporting_only`.
    #[allow(clippy::type_complexity)]
    fn linked(&self, py: Python<'_>, query: &str, text: &str, supporting_only: bool) -> PyResult<Vec<LinkTuple>> {
        guard(py, || {
            let links = match query {
                "conditions" => self.kb.conditions_linked(text)?,
                "effects" => self.kb.effects(text)?,
                "raised_by" => self.kb.raised_by(text)?,
                "lowered_by" => self.kb.lowered_by(text)?,
                "therapies_for" => self.kb.therapies_for(text)?,
                other => {
                    return Err(Error::NotFound {
                        query: other.to_owned(),
                        suggestions: vec![],
                    });
                }
            };
            Ok(links
                .into_iter()
                .filter_map(|l| if supporting_only { l.supporting() } else { Some(l) })
                .map(|l| {
                    let text = l.to_string();
                    link_tuple(&l, text)
                })
                .collect())
        })
    }

    /// `[(compound id, direct, [reaction ids], link tuple as in `linked`)]`: the compounds an
    /// enzyme activity or gene product makes, nearest first.
    fn made_by(
        &self,
        py: Python<'_>,
        text: &str,
        supporting_only: bool,
    ) -> PyResult<Vec<(bool, Vec<String>, LinkTuple)>> {
        guard(py, || {
            Ok(self
                .kb
                .made_by(text)?
                .into_iter()
                .filter_map(|m| if supporting_only { m.supporting() } else { Some(m) })
                .map(|m| {
                    (
                        m.direct(),
                        m.steps.iter().map(|s| s.reaction.id.to_string()).collect(),
                        link_tuple(&m.link, m.to_string()),
                    )
                })
                .collect())
        })
    }

    /// `[(receptor id, [modes], link tuple as in `linked`)]`: what acts on a receptor (or on
    /// the receptors built with a subunit), strongest support first.
    fn acting_on(
        &self,
        py: Python<'_>,
        text: &str,
        supporting_only: bool,
    ) -> PyResult<Vec<(String, Vec<String>, LinkTuple)>> {
        guard(py, || {
            Ok(self
                .kb
                .acting_on(text)?
                .into_iter()
                .filter_map(|a| if supporting_only { a.supporting() } else { Some(a) })
                .map(|a| (a.receptor.id.to_string(), a.modes(), link_tuple(&a.link, a.to_string())))
                .collect())
        })
    }

    /// A pathway diagram with branches up to `branches` steps off the route.
    fn pathway_network(&self, py: Python<'_>, compound: &str, format: &str, branches: usize) -> PyResult<String> {
        let format: neurosteroid::render::DiagramFormat = format.parse().map_err(value_error)?;
        guard(py, || self.kb.pathway_diagram_with(compound, format, branches))
    }

    /// A plain-text summary of an entity.
    fn summary(&self, py: Python<'_>, text: &str) -> PyResult<String> {
        guard(py, || {
            let r = self.kb.resolve(text)?;
            Ok(neurosteroid::render::summary(&self.kb, r.entity))
        })
    }

    /// A rendered fact sheet: format `markdown`, `html` or `jsonld`.
    fn render(&self, py: Python<'_>, name: &str, format: &str) -> PyResult<String> {
        let format = parse_sheet_format(format)?;
        guard(py, || self.kb.render(name, format))
    }

    /// Every fact sheet rendered into one document.
    fn render_all(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format = parse_sheet_format(format)?;
        guard(py, || self.kb.render_all(format))
    }

    /// A pathway diagram: `text`, `json`, `mermaid`, `dot`, `node-link` or `svg`.
    fn pathway_diagram(&self, py: Python<'_>, compound: &str, format: &str) -> PyResult<String> {
        let format: neurosteroid::render::DiagramFormat = format.parse().map_err(value_error)?;
        guard(py, || self.kb.pathway_diagram(compound, format))
    }

    /// The whole knowledge base exported: `kgx` and `sbml` give a dict of file name to text,
    /// `turtle`, `ntriples`, `shacl` and `sssom` a text.
    fn export<'py>(&self, py: Python<'py>, format: &str) -> PyResult<Bound<'py, PyAny>> {
        let format: neurosteroid::export::ExportFormat = format.parse().map_err(value_error)?;
        match guard(py, || self.kb.export(format))? {
            neurosteroid::export::Exported::Text(text) => Ok(text.into_pyobject(py)?.into_any()),
            neurosteroid::export::Exported::Files(files) => {
                let dict = PyDict::new(py);
                for (name, text) in files {
                    dict.set_item(name, text)?;
                }
                Ok(dict.into_any())
            }
        }
    }

    /// Warnings found at load time, as dicts.
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        diagnostics_to_py(py, self.kb.warnings())
    }

    /// The whole document as compact JSON.
    fn to_json(&self) -> String {
        self.kb.to_json()
    }

    /// The whole document as indented JSON.
    fn to_json_pretty(&self) -> String {
        self.kb.to_json_pretty()
    }

    /// The `as_of` date and `schema_version`.
    fn header(&self) -> (String, String) {
        let d = self.kb.document();
        (d.as_of.to_string(), d.schema_version.to_string())
    }

    /// Equality by content.
    fn same_as(&self, other: &Bound<'_, NativeKnowledgeBase>) -> bool {
        *self.kb == *other.get().kb
    }
}

/// Validates bytes and returns every diagnostic as a dict. Never raises on bad content.
#[pyfunction]
fn validate<'py>(py: Python<'py>, data: PyBackedBytes, format: &str, level: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let (format, level) = (parse_format(format)?, parse_level(level)?);
    let bytes = data;
    let diags = guard(py, move || Ok(neurosteroid::validate(&bytes, format, level)))?;
    diagnostics_to_py(py, &diags)
}

/// The knowledge-base JSON Schema, as JSON text.
#[pyfunction]
fn json_schema() -> String {
    neurosteroid_schema::render(&neurosteroid_schema::document_schema())
}

/// The crate version.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeKnowledgeBase>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
