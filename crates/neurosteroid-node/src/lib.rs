//! The native Node.js addon of the npm package in `bindings/node`: conversions and error
//! mapping only. Every export is declared here once; `napi build` derives `index.d.ts` from it.
//!
//! Errors reach JavaScript as `Error` objects with a `code` ([`ErrorCode`]) and, depending on
//! the code, `diagnostics`, `query`, `suggestions`, `candidates`, `id` or `path`. A panic (there
//! should be none) is caught at the boundary and thrown as `code: 'Internal'`, never an abort.

use napi::bindgen_prelude::{Either, Either3, Function, JsObjectValue, Object, Uint8Array, Unknown};
use napi::{Env, JsValue, Status, ValueType};
use napi_derive::napi;
use neurosteroid::render::SheetFormat;
use neurosteroid::{Error as CoreError, Format, KnowledgeBase as Kb, Level, LoadOptions};

/// What went wrong, as the `code` of a thrown `Error`.
#[napi(string_enum)]
pub enum ErrorCode {
    /// The document has errors: `diagnostics` lists every problem (errors and warnings).
    Invalid,
    /// Nothing matches `query`; `suggestions` holds close names, best first.
    NotFound,
    /// Several unrelated entities match `query`; `candidates` holds their ids.
    Ambiguous,
    /// The entity `id` exists but is of the wrong kind for the query.
    WrongKind,
    /// The file at `path` could not be read.
    Io,
    /// An option is not one of the allowed values. (An argument of the wrong JavaScript type
    /// is refused by napi-rs before this library runs, with napi-rs's own code, such as
    /// `StringExpected`.)
    InvalidArg,
    /// A bug in this library (please report it); the process goes on.
    Internal,
}

/// A 1-based line and column in the source text (columns count characters).
#[napi(object)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// One problem in a document: what, where (a JSON Pointer and, for text, a line and column)
/// and how to fix it. The same fields and values as the Rust `Diagnostic`.
#[napi(object, use_nullable = true)]
pub struct Diagnostic {
    /// Stable code, e.g. `dangling-reference`.
    pub code: String,
    /// `error` (the document is invalid) or `warning`.
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// How to fix it, where known.
    pub hint: Option<String>,
    /// Where in the text, when the document was given as text.
    pub location: Option<Location>,
}

/// Options of `validate`, `load` and `loads`.
#[napi(object)]
pub struct ValidateOptions {
    /// `full` (default: every semantic rule too) or `schema` (exactly what the JSON Schema checks).
    #[napi(ts_type = "'schema' | 'full'")]
    pub level: Option<String>,
    /// How to read text: `json` or `yaml`. Default: `json`, and for `load` the file extension.
    #[napi(ts_type = "'json' | 'yaml'")]
    pub format: Option<String>,
}

/// Options of `KnowledgeBase.render`.
#[napi(object)]
pub struct RenderOptions {
    /// `markdown` (default), `html` (one self-contained page) or `jsonld` (schema.org).
    #[napi(ts_type = "'markdown' | 'html' | 'jsonld'")]
    pub format: Option<String>,
}

/// Options of `KnowledgeBase.search`.
#[napi(object)]
pub struct SearchOptions {
    /// At most this many hits (default 10).
    pub limit: Option<u32>,
}

/// An entity named by its kind, id and display name.
#[napi(object)]
pub struct EntitySummary {
    /// Entity kind (`compound`, `therapy`, ...).
    pub kind: String,
    /// Entity id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The result of `KnowledgeBase.resolve`.
#[napi(object)]
pub struct Resolution {
    /// Entity kind (`compound`, `therapy`, ...).
    pub kind: String,
    /// The entity as in the document (the schema's shape).
    #[napi(ts_type = "Record<string, unknown>")]
    pub entity: serde_json::Value,
    /// How the text matched: `id`, `identifier`, `name`, `prefix`, `substring` or `fuzzy`.
    pub matched_by: String,
    /// Entities the same text also names and that are related to `entity` (the active
    /// compound of a medicine named by its INN).
    pub related: Vec<EntitySummary>,
}

/// One result of `KnowledgeBase.search`.
#[napi(object)]
pub struct SearchHit {
    /// Entity id.
    pub id: String,
    /// Entity kind.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// The name or identifier that matched.
    pub matched: String,
    /// How it matched.
    pub how: String,
    /// Score in (0, 1]; 1 is an exact match.
    pub score: f64,
}

/// A compound or pathway by id and name.
#[napi(object)]
pub struct Named {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// An enzyme activity with its EC numbers.
#[napi(object)]
pub struct Enzyme {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// EC numbers as CURIEs (`EC:1.3.1.22`).
    pub ec: Vec<String>,
}

/// A human gene product.
#[napi(object)]
pub struct GeneProduct {
    /// Id.
    pub id: String,
    /// HGNC symbol.
    pub symbol: String,
    /// Name.
    pub name: String,
}

/// One step of a biosynthesis route.
#[napi(object)]
pub struct RouteStep {
    /// The reaction's id.
    pub reaction: String,
    /// Its substrate.
    pub substrate: Named,
    /// Its product.
    pub product: Named,
    /// The enzyme activity.
    pub enzyme: Enzyme,
    /// The human isoforms that carry it out.
    pub isoforms: Vec<GeneProduct>,
    /// Proteins that control the step.
    pub regulators: Vec<GeneProduct>,
    /// Cofactors, as written in the document.
    pub cofactors: Vec<String>,
    /// Where in the cell or body.
    pub locations: Vec<String>,
    /// True for the rate-limiting step.
    pub rate_limiting: bool,
    /// True when the reaction runs both ways.
    pub reversible: bool,
}

/// The route from the first precursor to a compound.
#[napi(object, use_nullable = true)]
pub struct Route {
    /// The compound made.
    pub target: Named,
    /// The curated pathway the route comes from, if any.
    pub pathway: Option<Named>,
    /// The steps, first precursor first.
    pub steps: Vec<RouteStep>,
    /// The route as text (the same as the command line's `pathway`).
    pub text: String,
}

/// Where a loaded knowledge base lives: the embedded one is shared, never copied.
enum Held {
    Embedded(&'static Kb),
    Loaded(Box<Kb>),
}

/// A validated knowledge base held in Rust; immutable.
#[napi]
pub struct KnowledgeBase {
    held: Held,
}

impl KnowledgeBase {
    fn kb(&self) -> &Kb {
        match &self.held {
            Held::Embedded(kb) => kb,
            Held::Loaded(kb) => kb,
        }
    }
}

#[napi]
impl KnowledgeBase {
    /// The `as_of` date of the content (`YYYY-MM-DD`).
    #[napi(getter)]
    pub fn as_of(&self) -> String {
        self.kb().document().as_of.to_string()
    }

    /// The format version the document was written for.
    #[napi(getter)]
    pub fn schema_version(&self) -> String {
        self.kb().document().schema_version.to_string()
    }

    /// Warnings found when the knowledge base was loaded (a valid document may have some).
    #[napi(getter)]
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.kb().warnings().iter().map(to_js_diagnostic).collect()
    }

    /// The entity with this id, as in the document, or `null`.
    #[napi(ts_return_type = "Record<string, unknown> | null")]
    pub fn get(&self, id: String) -> Option<serde_json::Value> {
        self.kb().get(&id).map(|e| e.to_json_value())
    }

    /// The entity a free text names: id, CURIE, name, synonym, brand, abbreviation, Greek
    /// letters spelled or not. Throws `NotFound` (with suggestions) or `Ambiguous`.
    #[napi]
    pub fn resolve(&self, env: Env, text: String) -> napi::Result<Resolution> {
        let kb = self.kb();
        guard(&env, || {
            let r = kb.resolve(&text)?;
            Ok(Resolution {
                kind: r.entity.kind().as_str().to_owned(),
                entity: r.entity.to_json_value(),
                matched_by: r.matched_by.to_string(),
                related: r
                    .related
                    .iter()
                    .map(|e| EntitySummary {
                        kind: e.kind().as_str().to_owned(),
                        id: e.id().to_string(),
                        name: e.name().to_owned(),
                    })
                    .collect(),
            })
        })
    }

    /// Ranked matches over names, synonyms and identifiers (never throws on any text).
    #[napi]
    pub fn search(&self, env: Env, text: String, options: Option<SearchOptions>) -> napi::Result<Vec<SearchHit>> {
        let limit = options.and_then(|o| o.limit).unwrap_or(10) as usize;
        let kb = self.kb();
        guard(&env, || {
            Ok(kb
                .search(&text, limit)
                .into_iter()
                .map(|h| SearchHit {
                    how: h.how.to_string(),
                    id: h.id,
                    kind: h.kind,
                    name: h.name,
                    matched: h.matched,
                    score: h.score,
                })
                .collect())
        })
    }

    /// The biosynthesis route of a compound (named any way `resolve` accepts), first
    /// precursor first, with the enzyme and human isoforms of each step.
    #[napi]
    pub fn biosynthesis(&self, env: Env, compound: String) -> napi::Result<Route> {
        let kb = self.kb();
        guard(&env, || {
            let route = kb.biosynthesis(&compound)?;
            let named = |id: &str, name: &str| Named {
                id: id.to_owned(),
                name: name.to_owned(),
            };
            let gene = |g: &&neurosteroid::model::GeneProduct| GeneProduct {
                id: g.id.to_string(),
                symbol: g.symbol.to_string(),
                name: g.name.to_string(),
            };
            Ok(Route {
                target: named(route.target.id.as_str(), route.target.name.as_str()),
                pathway: route.pathway.map(|p| named(p.id.as_str(), p.name.as_str())),
                steps: route
                    .steps
                    .iter()
                    .map(|s| RouteStep {
                        reaction: s.reaction.id.to_string(),
                        substrate: named(s.substrate.id.as_str(), s.substrate.name.as_str()),
                        product: named(s.product.id.as_str(), s.product.name.as_str()),
                        enzyme: Enzyme {
                            id: s.enzyme.id.to_string(),
                            name: s.enzyme.name.to_string(),
                            ec: s.ec_numbers(),
                        },
                        isoforms: s.isoforms.iter().map(gene).collect(),
                        regulators: s.regulators.iter().map(gene).collect(),
                        cofactors: s.reaction.cofactors.iter().map(ToString::to_string).collect(),
                        locations: s.reaction.locations.iter().map(ToString::to_string).collect(),
                        rate_limiting: s.reaction.rate_limiting,
                        reversible: s.reaction.reversible,
                    })
                    .collect(),
                text: route.to_string(),
            })
        })
    }

    /// A fact sheet of an entity (named any way `resolve` accepts).
    #[napi]
    pub fn render(&self, env: Env, id: String, options: Option<RenderOptions>) -> napi::Result<String> {
        let format = parse_option::<SheetFormat>(&env, options.and_then(|o| o.format), SheetFormat::Markdown)?;
        let kb = self.kb();
        guard(&env, || kb.render(&id, format))
    }

    /// The whole document as JSON text, compact or (`pretty`) indented.
    #[napi]
    pub fn to_json(&self, pretty: Option<bool>) -> String {
        if pretty.unwrap_or(false) {
            self.kb().to_json_pretty()
        } else {
            self.kb().to_json()
        }
    }
}

/// The embedded, curated knowledge base (parsed and validated once per process).
#[napi]
pub fn default_kb(env: Env) -> napi::Result<KnowledgeBase> {
    guard(&env, || {
        Kb::embedded().map(|kb| KnowledgeBase {
            held: Held::Embedded(kb),
        })
    })
}

/// Parses and validates a document given as text or bytes. Throws `Invalid` with every
/// diagnostic when the document has an error.
#[napi]
pub fn loads(
    env: Env,
    text: Either<String, Uint8Array>,
    options: Option<ValidateOptions>,
) -> napi::Result<KnowledgeBase> {
    let (format, level) = parse_validate_options(&env, options)?;
    let format = format.unwrap_or(Format::Json);
    let bytes = text_bytes(&text);
    guard(&env, || {
        Kb::from_slice(bytes, format, LoadOptions::new().with_level(level)).map(|kb| KnowledgeBase {
            held: Held::Loaded(Box::new(kb)),
        })
    })
}

/// Reads (refusing a file over the size limit before reading it), parses and validates a
/// file: `.yaml`/`.yml` as YAML, anything else as JSON, unless `format` says. Throws `Io` or
/// `Invalid`.
#[napi]
pub fn load(env: Env, path: String, options: Option<ValidateOptions>) -> napi::Result<KnowledgeBase> {
    let (format, level) = parse_validate_options(&env, options)?;
    let path = std::path::PathBuf::from(path);
    guard(&env, || {
        let options = LoadOptions::new().with_level(level);
        let bytes = neurosteroid::read_document(&path, &options.limits)?;
        Kb::from_slice(&bytes, format.unwrap_or_else(|| Format::from_path(&path)), options).map(|kb| KnowledgeBase {
            held: Held::Loaded(Box::new(kb)),
        })
    })
}

/// Every diagnostic (errors and warnings) of a document given as text, bytes, or a value
/// (serialised with `JSON.stringify` first). Never throws on bad content: only on a bad
/// option, or a value `JSON.stringify` refuses (a cycle, a `BigInt`).
#[napi]
pub fn validate(
    env: Env,
    #[napi(ts_arg_type = "string | Uint8Array | object")] doc: Either3<String, Uint8Array, Unknown<'_>>,
    options: Option<ValidateOptions>,
) -> napi::Result<Vec<Diagnostic>> {
    let (format, level) = parse_validate_options(&env, options)?;
    let format = format.unwrap_or(Format::Json);
    let text;
    let bytes: &[u8] = match &doc {
        Either3::A(s) => s.as_bytes(),
        Either3::B(b) => b,
        Either3::C(value) => {
            text = stringify(&env, *value)?;
            text.as_bytes()
        }
    };
    let diags = guard(&env, || Ok(neurosteroid::validate(bytes, format, level)))?;
    Ok(diags.iter().map(to_js_diagnostic).collect())
}

/// The version of this package (the Rust crates' version).
#[napi]
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

fn text_bytes(text: &Either<String, Uint8Array>) -> &[u8] {
    match text {
        Either::A(s) => s.as_bytes(),
        Either::B(b) => b,
    }
}

/// `JSON.stringify(value)`; `undefined` (a function, a symbol) becomes empty text, which
/// validation reports as a `syntax` diagnostic.
fn stringify(env: &Env, value: Unknown<'_>) -> napi::Result<String> {
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let stringify: Function<'_, Unknown<'_>, Unknown<'_>> = json.get_named_property("stringify")?;
    let out = stringify.call(value)?;
    match out.get_type()? {
        ValueType::String => out.coerce_to_string()?.into_utf8()?.into_owned(),
        _ => Ok(String::new()),
    }
}

/// The format (`None`: not given) and the level of `ValidateOptions`.
fn parse_validate_options(env: &Env, options: Option<ValidateOptions>) -> napi::Result<(Option<Format>, Level)> {
    let (format, level) = options.map_or((None, None), |o| (o.format, o.level));
    let format = match format {
        None => None,
        Some(name) => Some(
            name.parse()
                .map_err(|e: neurosteroid::model::UnknownName| invalid_arg(env, e.to_string()))?,
        ),
    };
    Ok((format, parse_option(env, level, Level::Full)?))
}

/// Parses an option with the core's own parser (the names are declared once, in the core).
fn parse_option<T: std::str::FromStr<Err = neurosteroid::model::UnknownName>>(
    env: &Env,
    value: Option<String>,
    default: T,
) -> napi::Result<T> {
    value.map_or(Ok(default), |v| {
        v.parse().map_err(|e: T::Err| invalid_arg(env, e.to_string()))
    })
}

fn to_js_diagnostic(d: &neurosteroid::Diagnostic) -> Diagnostic {
    Diagnostic {
        code: d.code.as_str().to_owned(),
        severity: d.severity.as_str().to_owned(),
        path: d.path.clone(),
        message: d.message.clone(),
        hint: d.hint.clone(),
        location: d.location.map(|l| Location {
            line: u32::try_from(l.line).unwrap_or(u32::MAX),
            column: u32::try_from(l.column).unwrap_or(u32::MAX),
        }),
    }
}

fn invalid_arg(env: &Env, message: String) -> napi::Error {
    js_error(env, ErrorCode::InvalidArg, message, |_| Ok(()))
}

/// A JavaScript `Error` with `code` and the properties `fill` sets.
fn js_error(
    env: &Env,
    code: ErrorCode,
    message: String,
    fill: impl FnOnce(&mut Object<'_>) -> napi::Result<()>,
) -> napi::Error {
    let build = || -> napi::Result<napi::Error> {
        let mut error = env.create_error(napi::Error::new(Status::GenericFailure, message.clone()))?;
        error.set_named_property("code", code)?;
        fill(&mut error)?;
        Ok(napi::Error::from(error.to_unknown()))
    };
    build().unwrap_or_else(|e| e)
}

/// Maps a core error to a thrown `Error`: one exhaustive match, so that a new variant does
/// not compile until it is mapped.
fn to_js_error(env: &Env, e: CoreError) -> napi::Error {
    let message = e.to_string();
    match e {
        CoreError::Invalid { diagnostics } => js_error(env, ErrorCode::Invalid, message, |o| {
            o.set_named_property(
                "diagnostics",
                diagnostics.iter().map(to_js_diagnostic).collect::<Vec<_>>(),
            )
        }),
        CoreError::NotFound { query, suggestions } => js_error(env, ErrorCode::NotFound, message, |o| {
            o.set_named_property("query", query)?;
            o.set_named_property("suggestions", suggestions)
        }),
        CoreError::Ambiguous { query, candidates } => js_error(env, ErrorCode::Ambiguous, message, |o| {
            o.set_named_property("query", query)?;
            o.set_named_property("candidates", candidates)
        }),
        CoreError::WrongKind { id, .. } => {
            js_error(env, ErrorCode::WrongKind, message, |o| o.set_named_property("id", id))
        }
        CoreError::Io { path, .. } => js_error(env, ErrorCode::Io, message, |o| {
            o.set_named_property("path", path.to_string_lossy().into_owned())
        }),
        _ => js_error(env, ErrorCode::Internal, message, |_| Ok(())),
    }
}

/// Runs `f`, mapping its error, and turning a panic into `code: 'Internal'` instead of an
/// abort of the Node.js process.
fn guard<T>(env: &Env, f: impl FnOnce() -> Result<T, CoreError>) -> napi::Result<T> {
    neurosteroid::error::catch_panic(f).map_err(|e| to_js_error(env, e))
}
