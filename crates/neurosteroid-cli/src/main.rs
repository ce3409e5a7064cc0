//! The `neurosteroid` command: look up, query, validate and export neurosteroid knowledge.

mod curate;
mod report;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use neurosteroid::__private::terminal;
use neurosteroid::export::{ExportFormat as Graph, Exported};
use neurosteroid::render::{DiagramFormat, SheetFormat};
use neurosteroid::{Format, KnowledgeBase, Level, Limits, LoadOptions};

#[derive(Parser)]
#[command(name = "neurosteroid", version, about = "Typed, validated, queryable knowledge about neurosteroids", long_about = None)]
struct Cli {
    /// Print only what was asked for (no "wrote ..." lines, no per-file summaries of valid files).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Input options given before the command (`neurosteroid --kb my.json show x`); the
    /// same options after the command win.
    #[command(flatten)]
    input: InputArgs,
    #[command(subcommand)]
    command: Command,
}

/// Limits on what a document may cost to read.
#[derive(clap::Args, Clone, Copy, Default)]
struct LimitArgs {
    /// Largest document accepted, in bytes [default: 536870912 (512 MiB)].
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<usize>,
    /// Deepest nesting of arrays and objects accepted [default: 64].
    #[arg(long, value_name = "LEVELS")]
    max_depth: Option<usize>,
    /// Most nodes that expanding YAML aliases may create [default: 1000000].
    #[arg(long, value_name = "NODES")]
    max_alias_nodes: Option<usize>,
}

impl LimitArgs {
    /// These limits, each falling back to `outer` and then to the default.
    fn resolve(self, outer: LimitArgs) -> Limits {
        let d = Limits::default();
        d.with_max_bytes(self.max_bytes.or(outer.max_bytes).unwrap_or(d.max_bytes))
            .with_max_depth(self.max_depth.or(outer.max_depth).unwrap_or(d.max_depth))
            .with_max_alias_nodes(
                self.max_alias_nodes
                    .or(outer.max_alias_nodes)
                    .unwrap_or(d.max_alias_nodes),
            )
    }
}

/// Which knowledge base a command reads, and the limits on reading it: only the commands
/// that read one list these options.
#[derive(clap::Args, Clone, Default)]
struct InputArgs {
    /// Use this knowledge-base document (JSON or YAML) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    kb: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
}

impl InputArgs {
    /// Loads the knowledge base these options name (falling back to `outer`'s).
    fn load(&self, outer: &InputArgs) -> Result<std::borrow::Cow<'static, KnowledgeBase>, Failure> {
        load(
            self.kb.as_ref().or(outer.kb.as_ref()),
            self.limits.resolve(outer.limits),
        )
    }
}

#[derive(Subcommand)]
enum Command {
    /// Show a human summary of any entity, named by id, name, synonym or identifier.
    #[command(
        after_help = "Examples:\n  neurosteroid show allopregnanolone\n  neurosteroid show 5alpha-DHP\n  neurosteroid show CHEBI:50169"
    )]
    Show {
        #[command(flatten)]
        input: InputArgs,
        /// Name, synonym, abbreviation, brand name, gene symbol, CURIE or id.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Ranked matches over names, synonyms and identifiers (typo tolerant).
    #[command(
        after_help = "Examples:\n  neurosteroid search progesteron\n  neurosteroid search 'gaba a' --format json"
    )]
    Search {
        #[command(flatten)]
        input: InputArgs,
        /// The text to look for.
        text: String,
        /// Most results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only entities of this kind (compound, therapy, enzyme, condition, claim, source, ...).
        #[arg(long, value_parser = entity_kind)]
        kind: Option<neurosteroid::EntityKind>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// What the data say about a compound or condition, one line per linked entity with the
    /// direction of the evidence (supports, mixed, insufficient, contradicts), strongest
    /// support first.
    #[command(
        after_help = "Examples:\n  neurosteroid query conditions allopregnanolone\n  neurosteroid query raised-by allopregnanolone --supporting-only\n  neurosteroid query therapies-for PTSD --format json\n  neurosteroid query made-by 5α-reductase\n  neurosteroid query made-by SRD5A1 --format json\n  neurosteroid query acting-on 'δGABA-A receptor'"
    )]
    Query {
        #[command(flatten)]
        input: InputArgs,
        /// What to ask.
        question: Question,
        /// The compound (for `therapies-for` the condition, for `made-by` the enzyme activity or
        /// gene product, for `acting-on` the receptor), named any way.
        name: String,
        /// Only links the evidence supports, with their supporting claims.
        #[arg(long)]
        supporting_only: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// The biosynthesis route of a compound, with the enzymes and isoforms of each step.
    #[command(
        after_help = "Examples:\n  neurosteroid pathway allopregnanolone\n  neurosteroid pathway ALLO --format json\n  neurosteroid pathway progesterone --branches 3 --format dot"
    )]
    Pathway {
        #[command(flatten)]
        input: InputArgs,
        /// The compound.
        compound: String,
        /// Output format: text, JSON, a Mermaid or Graphviz DOT diagram, a NetworkX
        /// node-link graph, or an SVG picture.
        #[arg(long, default_value = "text", value_parser = named::<DiagramFormat>(&DiagramFormat::NAMES))]
        format: DiagramFormat,
        /// Also show the branches: steps from (and into) the route's compounds, up to this many
        /// steps off the route; 0 shows the route alone.
        #[arg(long, default_value_t = neurosteroid::network::DEFAULT_BRANCH_DEPTH, value_name = "STEPS")]
        branches: usize,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Render the fact sheet of a compound (Markdown, a self-contained HTML page, or JSON-LD).
    #[command(
        after_help = "Examples:\n  neurosteroid render allopregnanolone\n  neurosteroid render allopregnanolone --format html -o allo.html\n  neurosteroid render ALLO --format jsonld"
    )]
    Render {
        #[command(flatten)]
        input: InputArgs,
        /// The subject of the fact sheet (any name) or the fact sheet's id.
        name: String,
        /// Output format.
        #[arg(long, default_value = "markdown", value_parser = named::<SheetFormat>(&SheetFormat::NAMES))]
        format: SheetFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script.
    #[command(after_help = "Example:\n  neurosteroid completions bash > /etc/bash_completion.d/neurosteroid")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Validate documents or knowledge-base folders. Exit status: 0 all valid, 1 any
    /// invalid, 2 usage or I/O error.
    #[command(
        after_help = "Examples:\n  neurosteroid validate my-kb.json\n  neurosteroid validate kb/\n  neurosteroid validate a.yaml b.json --level schema --format json\n  neurosteroid validate kb/ --format github\n  neurosteroid validate kb/ --format sarif > results.sarif"
    )]
    Validate {
        #[command(flatten)]
        limits: LimitArgs,
        /// Documents (`.yaml`/`.yml` read as YAML, anything else as JSON), folders (a
        /// knowledge base in many files: `knowledge-base.yaml` and a folder per collection),
        /// or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Read every input as this syntax, whatever its file name (standard input is
        /// JSON unless this says `yaml`).
        #[arg(long, value_enum, value_name = "SYNTAX")]
        input_format: Option<InputFormat>,
        /// Colour the human output: `auto` (at a terminal, unless NO_COLOR is set; CLICOLOR_FORCE
        /// forces it), `always` or `never`.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// `schema`: what the JSON Schema checks; `full`: plus every semantic rule.
        #[arg(long, default_value = "full", value_parser = named::<Level>(&["schema", "full"]))]
        level: Level,
        /// Output format: for people, JSON, GitHub workflow annotations, or SARIF 2.1.0.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Human)]
        format: ValidateFormat,
        /// Show every problem (by default, when there are many, a few of each code and a
        /// summary grouped by code).
        #[arg(long)]
        all: bool,
        /// Threads that validate the inputs (several documents at once; a folder's files
        /// read and parsed at once) [default: one per core].
        #[arg(long, short, value_name = "N")]
        jobs: Option<std::num::NonZeroUsize>,
    },
    /// Split a document into a knowledge-base folder: `knowledge-base.yaml` and one YAML
    /// file per entity under a folder per collection.
    #[command(after_help = "Example:\n  neurosteroid split kb.json kb/")]
    Split {
        #[command(flatten)]
        limits: LimitArgs,
        /// The document (JSON or YAML).
        file: PathBuf,
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Join a knowledge-base folder into one JSON document (entities of a collection in file
    /// order, which is id order for files named by id).
    #[command(after_help = "Example:\n  neurosteroid join kb/ -o kb.json")]
    Join {
        #[command(flatten)]
        limits: LimitArgs,
        /// The folder.
        dir: PathBuf,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Format documents and knowledge-base folders canonically (schema key order, sorted
    /// unordered lists, canonical identifiers, normalised spacing and quoting), keeping
    /// every YAML comment. Exit status with --check: 1 when a file would change.
    #[command(after_help = "Examples:\n  neurosteroid fmt kb/\n  neurosteroid fmt --check kb/ other.yaml")]
    Fmt {
        #[command(flatten)]
        limits: LimitArgs,
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; list what would change and exit 1 if anything would.
        #[arg(long)]
        check: bool,
    },
    /// What changed between two versions (files or folders): entities added, removed,
    /// renamed; grade and direction changes (upgrades first); sources; regulatory events.
    #[command(
        after_help = "Examples:\n  neurosteroid diff old.json new.json\n  neurosteroid diff old-kb/ kb/ --format markdown\n  neurosteroid diff old.json new.json --format patch   # RFC 6902, applies to OLD"
    )]
    Diff {
        #[command(flatten)]
        limits: LimitArgs,
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = curate::DiffFormat::Text)]
        format: curate::DiffFormat,
    },
    /// Start the language server over standard input and output (for editors): the
    /// diagnostics of `validate --level full` as you type, completion of entity ids,
    /// hover and go-to-definition on references.
    #[command(
        after_help = "Editors start it themselves; see the README's editor set-up for VS Code, Neovim and Helix.\nExample (Helix languages.toml):\n  [language-server.neurosteroid]\n  command = \"neurosteroid\"\n  args = [\"lsp\"]"
    )]
    Lsp {
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the knowledge-base JSON Schema, or write every schema file into a directory.
    #[command(
        after_help = "Examples:\n  neurosteroid schema > knowledge-base.schema.json\n  neurosteroid schema --out schema"
    )]
    Schema {
        /// Write all schema files (document and one per entity kind) into this directory.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Export the whole knowledge base: the document (JSON), every fact sheet (Markdown,
    /// HTML, JSON-LD), a Biolink knowledge graph (KGX), RDF (Turtle, N-Triples) and its SHACL
    /// shapes, SBML models of the pathways, or SSSOM cross-references.
    #[command(
        after_help = "Examples:\n  neurosteroid export > kb.json\n  neurosteroid export --format jsonld -o kb.jsonld\n  neurosteroid export --format kgx -o kgx/      (nodes/edges .jsonl and .tsv)\n  neurosteroid export --format turtle -o kb.ttl\n  neurosteroid export --format sbml -o sbml/    (one model per pathway)"
    )]
    Export {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output; for `kgx` and `sbml`,
        /// which write several files, a directory (created if missing; required).
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Question {
    /// Conditions linked to low or altered levels of a compound.
    Conditions,
    /// Effects of a compound.
    Effects,
    /// Medicines and strategies said to raise a compound's level.
    RaisedBy,
    /// Medicines and factors said to lower a compound's level.
    LoweredBy,
    /// Medicines indicated for, or said to treat, a condition.
    TherapiesFor,
    /// Compounds an enzyme activity or gene product makes, directly or further down.
    MadeBy,
    /// Compounds acting on a receptor (or on the receptors built with a subunit).
    ActingOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Json,
    Yaml,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour: `always`/`never` as said; `auto` colours a terminal unless
    /// `NO_COLOR` is set, and `CLICOLOR_FORCE` (not `0`) forces colour even into a pipe.
    fn enabled(self, terminal: bool, no_color: Option<&std::ffi::OsStr>, force: Option<&std::ffi::OsStr>) -> bool {
        let set = |v: Option<&std::ffi::OsStr>| v.is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if no_color.is_some_and(|v| !v.is_empty()) {
                    false
                } else {
                    set(force) || terminal
                }
            }
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ValidateFormat {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Jsonld,
    Markdown,
    Html,
    Kgx,
    Turtle,
    Ntriples,
    Shacl,
    Sbml,
    Sssom,
}

/// A clap parser that lists the names the core defines and parses with the core's `FromStr`,
/// so that formats and levels are named in one place.
fn named<T>(names: &'static [&'static str]) -> impl clap::builder::TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = neurosteroid::model::UnknownName> + Clone + Send + Sync + 'static,
{
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(names).try_map(|s| s.parse::<T>())
}

/// An entity kind by its name (`compound`, `gene-product`, ...).
fn entity_kind(s: &str) -> Result<neurosteroid::EntityKind, String> {
    s.parse().map_err(|e: neurosteroid::model::UnknownName| e.to_string())
}

/// A failure with its exit status: 1 for "not found / invalid", 2 for usage and I/O.
struct Failure {
    code: u8,
    message: String,
}

impl From<neurosteroid::Error> for Failure {
    fn from(e: neurosteroid::Error) -> Self {
        let code = match e {
            neurosteroid::Error::Io { .. } => 2,
            _ => 1,
        };
        let mut message = e.to_string();
        if let neurosteroid::Error::Invalid { diagnostics } = &e {
            message = diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n");
        }
        Failure { code, message }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Lsp { limits } = cli.command {
        // Before stdout is locked below: the server's writer thread owns stdout.
        return lsp(&cli, limits);
    }
    let mut out = std::io::stdout().lock();
    match run(cli, &mut out) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            let _ = out.flush();
            eprintln!("error: {}", terminal(&f.message));
            ExitCode::from(f.code)
        }
    }
}

fn lsp(cli: &Cli, limits: LimitArgs) -> ExitCode {
    let defaults = neurosteroid_lsp::Options::default();
    // The command line's default size limit is meant for batch runs; as you type, a
    // smaller one applies unless `--max-bytes` says otherwise.
    let given = limits.resolve(cli.input.limits);
    let max_bytes = limits
        .max_bytes
        .or(cli.input.limits.max_bytes)
        .unwrap_or(defaults.limits.max_bytes);
    let options = neurosteroid_lsp::Options {
        limits: given.with_max_bytes(max_bytes),
        ..defaults
    };
    match neurosteroid_lsp::run_stdio(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn load(kb: Option<&PathBuf>, limits: Limits) -> Result<std::borrow::Cow<'static, KnowledgeBase>, Failure> {
    match kb {
        None => Ok(std::borrow::Cow::Borrowed(KnowledgeBase::embedded()?)),
        Some(path) => KnowledgeBase::from_path(path, LoadOptions::new().with_limits(limits))
            .map(std::borrow::Cow::Owned)
            .map_err(|e| {
                let mut f = Failure::from(e);
                f.message = format!("{}: {}", path.display(), f.message);
                f
            }),
    }
}

fn emit(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    // Whatever is printed on a terminal (a fact sheet, a diagram) can not drive it; a pipe
    // or a file gets the exact bytes.
    let text = if std::io::stdout().is_terminal() {
        terminal(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    emit_trusted(out, &text)
}

/// Writes text whose data parts were made inert already (it may carry our colour codes).
fn emit_trusted(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure {
            code: 2,
            message: format!("cannot write output: {e}"),
        }),
        _ => Ok(()),
    }
}

/// Writes `text` to `path` atomically (a temporary file in the same directory, then a
/// rename), or to standard output when there is no path.
fn deliver(out: &mut impl Write, path: Option<&std::path::Path>, text: &str, quiet: bool) -> Result<(), Failure> {
    let Some(path) = path else {
        return emit(out, text);
    };
    neurosteroid::output::write_file(path, text.as_bytes()).map_err(|e| Failure {
        code: 2,
        message: format!("{}: {e}", path.display()),
    })?;
    if !quiet {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn json(value: &impl serde::Serialize) -> String {
    neurosteroid::output::pretty_json(value)
}

fn run(cli: Cli, out: &mut impl Write) -> Result<u8, Failure> {
    match cli.command {
        Command::Show { name, format, input } => {
            let kb = input.load(&cli.input)?;
            let r = kb.resolve(&name)?;
            match format {
                ShowFormat::Text => {
                    let mut text = neurosteroid::render::summary(&kb, r.entity);
                    for rel in &r.related {
                        text.push_str(&format!(
                            "\n(`{name}` also names the {} `{}`: neurosteroid show {})\n",
                            rel.kind(),
                            rel.name(),
                            rel.id()
                        ));
                    }
                    emit(out, &terminal(&text))?;
                }
                ShowFormat::Json => {
                    let mut v = r.entity.to_json_value();
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("kind".into(), r.entity.kind().as_str().into());
                    }
                    emit(out, &json(&v))?;
                }
            }
        }
        Command::Search {
            text,
            limit,
            kind,
            format,
            input,
        } => {
            let kb = input.load(&cli.input)?;
            let hits = kb.search_kind(&text, limit, kind);
            match format {
                ShowFormat::Json => emit(out, &json(&hits))?,
                ShowFormat::Text => {
                    if hits.is_empty() {
                        return Err(Failure {
                            code: 1,
                            message: format!("nothing matches `{text}`"),
                        });
                    }
                    let kind_width = hits.iter().map(|h| h.kind.chars().count()).max().unwrap_or(0).max(4);
                    let id_width = hits.iter().map(|h| h.id.chars().count()).max().unwrap_or(0).max(2);
                    let mut s = format!("{:>5}  {:<kind_width$}  {:<id_width$}  name\n", "score", "kind", "id");
                    for h in hits {
                        let name = if h.matched == h.name {
                            h.name
                        } else {
                            format!("{} (matched `{}`)", h.name, h.matched)
                        };
                        s.push_str(&format!(
                            "{:>5.2}  {:<kind_width$}  {:<id_width$}  {name}\n",
                            h.score, h.kind, h.id
                        ));
                    }
                    emit(out, &terminal(&s))?;
                }
            }
        }
        Command::Query {
            question,
            name,
            supporting_only,
            format,
            input,
        } => {
            let kb = input.load(&cli.input)?;
            // Each answer: its JSON, its line, and the claims shown under it.
            let answers: Vec<(serde_json::Value, String, Vec<&neurosteroid::model::Claim>)> = match question {
                Question::MadeBy => kb
                    .made_by(&name)?
                    .into_iter()
                    .filter_map(|m| if supporting_only { m.supporting() } else { Some(m) })
                    .map(|m| (m.to_json(), m.to_string(), m.link.claims.clone()))
                    .collect(),
                Question::ActingOn => kb
                    .acting_on(&name)?
                    .into_iter()
                    .filter_map(|a| if supporting_only { a.supporting() } else { Some(a) })
                    .map(|a| (a.to_json(), a.to_string(), a.link.claims.clone()))
                    .collect(),
                other => {
                    let links = match other {
                        Question::Conditions => kb.conditions_linked(&name)?,
                        Question::Effects => kb.effects(&name)?,
                        Question::RaisedBy => kb.raised_by(&name)?,
                        Question::LoweredBy => kb.lowered_by(&name)?,
                        _ => kb.therapies_for(&name)?,
                    };
                    links
                        .into_iter()
                        .filter_map(|l| if supporting_only { l.supporting() } else { Some(l) })
                        .map(|l| (l.to_json(), l.to_string(), l.claims.clone()))
                        .collect()
                }
            };
            let text = match format {
                ShowFormat::Json => json(&answers.iter().map(|(j, ..)| j.clone()).collect::<Vec<_>>()),
                ShowFormat::Text => {
                    let mut s = String::new();
                    for (_, line, claims) in &answers {
                        s.push_str(&format!("{line}\n"));
                        for c in claims {
                            let d = c.direction.map_or("direction not stated", neurosteroid::direction_name);
                            s.push_str(&format!("    {d:<13} {:<23} {}\n", c.grade.as_str(), c.statement));
                        }
                    }
                    if answers.is_empty() {
                        s.push_str("nothing recorded\n");
                    }
                    s
                }
            };
            emit(out, &text)?;
        }
        Command::Pathway {
            compound,
            format,
            branches,
            output,
            input,
        } => {
            let kb = input.load(&cli.input)?;
            let text = kb.pathway_diagram_with(&compound, format, branches)?;
            deliver(out, output.as_deref(), &text, cli.quiet)?;
        }
        Command::Render {
            name,
            format,
            output,
            input,
        } => {
            let kb = input.load(&cli.input)?;
            let text = kb.render(&name, format)?;
            deliver(out, output.as_deref(), &text, cli.quiet)?;
        }
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "neurosteroid",
                &mut buf,
            );
            emit(out, &String::from_utf8_lossy(&buf))?;
        }
        Command::Validate {
            files,
            level,
            format,
            input_format,
            color,
            limits,
            all,
            jobs,
        } => {
            let limits = limits.resolve(cli.input.limits);
            use std::io::IsTerminal;
            let colour = color.enabled(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("CLICOLOR_FORCE").as_deref(),
            );
            let input_format = input_format.map(|f| match f {
                InputFormat::Json => Format::Json,
                InputFormat::Yaml => Format::Yaml,
            });
            let style = Style {
                format,
                quiet: cli.quiet,
                colour,
                input_format,
                all,
                jobs,
            };
            return validate(
                &files,
                LoadOptions::new().with_level(level).with_limits(limits),
                style,
                out,
            );
        }
        // Started from `main`, before standard output is locked.
        Command::Lsp { .. } => return Ok(0),
        Command::Split { file, dir, limits } => {
            return curate::split(&file, &dir, &limits.resolve(cli.input.limits), cli.quiet, out);
        }
        Command::Join { dir, output, limits } => {
            return curate::join(
                &dir,
                output.as_deref(),
                &limits.resolve(cli.input.limits),
                cli.quiet,
                out,
            );
        }
        Command::Fmt { paths, check, limits } => {
            return curate::fmt(&paths, check, &limits.resolve(cli.input.limits), cli.quiet, out);
        }
        Command::Diff {
            old,
            new,
            format,
            limits,
        } => return curate::diff(&old, &new, format, &limits.resolve(cli.input.limits), cli.quiet, out),
        Command::Schema { out: None } => emit(
            out,
            &neurosteroid_schema::render(&neurosteroid_schema::document_schema()),
        )?,
        Command::Schema { out: Some(dir) } => {
            let written = neurosteroid_schema::write_all(&dir).map_err(|e| Failure {
                code: 2,
                message: format!("{}: {e}", dir.display()),
            })?;
            let mut s = String::new();
            for p in written {
                s.push_str(&format!("wrote {}\n", p.display()));
            }
            emit(out, &s)?;
        }
        Command::Export { format, output, input } => {
            let kb = input.load(&cli.input)?;
            let graph = |f: Graph| kb.export(f);
            let exported = match format {
                ExportFormat::Json => Exported::Text(kb.to_json_pretty()),
                ExportFormat::Jsonld => Exported::Text(kb.render_all(SheetFormat::JsonLd)?),
                ExportFormat::Markdown => Exported::Text(kb.render_all(SheetFormat::Markdown)?),
                ExportFormat::Html => Exported::Text(kb.render_all(SheetFormat::Html)?),
                ExportFormat::Kgx => graph(Graph::Kgx)?,
                ExportFormat::Turtle => graph(Graph::Turtle)?,
                ExportFormat::Ntriples => graph(Graph::NTriples)?,
                ExportFormat::Shacl => graph(Graph::Shacl)?,
                ExportFormat::Sbml => graph(Graph::Sbml)?,
                ExportFormat::Sssom => graph(Graph::Sssom)?,
            };
            match exported {
                Exported::Text(text) => deliver(out, output.as_deref(), &text, cli.quiet)?,
                Exported::Files(files) => {
                    let Some(dir) = output else {
                        return Err(Failure {
                            code: 2,
                            message: "this format writes several files: give a directory with -o DIR".into(),
                        });
                    };
                    std::fs::create_dir_all(&dir).map_err(|e| Failure {
                        code: 2,
                        message: format!("{}: {e}", dir.display()),
                    })?;
                    for (name, text) in files {
                        deliver(out, Some(&dir.join(name)), &text, cli.quiet)?;
                    }
                }
            }
        }
    }
    Ok(0)
}

/// How `validate` reports.
struct Style {
    format: ValidateFormat,
    quiet: bool,
    colour: bool,
    input_format: Option<Format>,
    /// Every diagnostic, not the grouped summary.
    all: bool,
    /// Threads (`None`: one per core).
    jobs: Option<std::num::NonZeroUsize>,
}

/// The bytes of one input: a file, or standard input for `-` (within the size limit).
fn read_input(path: &std::path::Path, limits: &Limits) -> neurosteroid::Result<Vec<u8>> {
    if path.as_os_str() != "-" {
        return neurosteroid::read_document(path, limits);
    }
    use std::io::Read;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    std::io::stdin()
        .lock()
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| neurosteroid::Error::Io {
            path: PathBuf::from("<stdin>"),
            source: e,
        })?;
    // A larger input is refused by the parser's size check, as for a file.
    Ok(bytes)
}

/// The diagnostics of one document read as `syntax`; a syntax error in a file read as JSON
/// only from its name, which does not look like JSON, gets a hint about YAML.
fn validate_bytes(
    bytes: &[u8],
    name: &str,
    syntax: Format,
    guessed: bool,
    options: LoadOptions,
) -> Vec<neurosteroid::Diagnostic> {
    let mut diags = neurosteroid::validate_with(bytes, syntax, options);
    let starts = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xef && *b != 0xbb && *b != 0xbf);
    if guessed && syntax == Format::Json && !matches!(starts, Some(b'{' | b'[') | None) {
        for d in diags.iter_mut().filter(|d| d.code == neurosteroid::Code::Syntax) {
            d.hint = Some(format!(
                "`{name}` was read as JSON (from its name), but does not look like JSON; if it is YAML, pass `--input-format yaml` or name it `.yaml`"
            ));
        }
    }
    diags
}

fn validate(files: &[PathBuf], options: LoadOptions, style: Style, out: &mut impl Write) -> Result<u8, Failure> {
    let Style {
        format,
        quiet,
        colour,
        input_format,
        all,
        jobs,
    } = style;
    let level = options.level.as_str();
    let paint = |text: &str, code: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let mut io_error = false;
    let mut unreadable: Vec<serde_json::Value> = Vec::new();
    let mut targets = Vec::new();
    // A file of a knowledge-base folder is validated with its folder (references cross
    // files), once however many of its files are named (as pre-commit names them).
    let mut paths: Vec<PathBuf> = Vec::new();
    for path in files {
        let path = if path.is_file() {
            neurosteroid::layout::kb_root(path).unwrap_or_else(|| path.clone())
        } else {
            path.clone()
        };
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    let name_of = |path: &PathBuf| {
        if path.as_os_str() == "-" {
            "<stdin>".to_owned()
        } else {
            path.display().to_string()
        }
    };
    // Several inputs: one per thread; one folder: its files on every thread.
    let inner = if paths.len() > 1 {
        std::num::NonZeroUsize::new(1)
    } else {
        jobs
    };
    let options = options.with_threads(inner);
    let check = |path: &PathBuf| {
        if path.as_os_str() != "-" && neurosteroid::layout::is_tree(path) {
            neurosteroid::Tree::read_with_threads(path, &options.limits, curate::progress(quiet), inner)
                .map(|tree| tree.validate(options))
        } else {
            let syntax = input_format.unwrap_or_else(|| Format::from_path(path));
            read_input(path, &options.limits)
                .map(|bytes| validate_bytes(&bytes, &name_of(path), syntax, input_format.is_none(), options))
        }
    };
    let workers = neurosteroid::__private::workers(jobs);
    let reads = neurosteroid::__private::parallel_map(&paths, workers, check);
    for (path, read) in paths.iter().zip(reads) {
        let name = name_of(path);
        let diags = match read {
            Ok(diags) => diags,
            Err(neurosteroid::Error::Invalid { diagnostics }) => diagnostics,
            Err(e) => {
                io_error = true;
                let message = e.to_string();
                eprintln!("error: {}", terminal(&message));
                // A CI parser of the JSON report sees the file that could not be read.
                unreadable.push(serde_json::json!({
                    "file": name,
                    "valid": false,
                    "level": level,
                    "error": "io",
                    "diagnostics": [{
                        "code": "io",
                        "severity": "error",
                        "path": "",
                        "message": message,
                        "hint": "check the file name and that it can be read",
                    }],
                }));
                continue;
            }
        };
        targets.push(report::Target::new(std::path::Path::new(&name), diags));
    }
    let any_invalid = targets.iter().any(|t| !t.valid());
    match format {
        // Everything taken from the files is made inert in the report; only our colours are raw.
        ValidateFormat::Human => emit_trusted(out, &report::human(&targets, level, quiet, all, &paint))?,
        ValidateFormat::Json => {
            let mut report = report::json_report(&targets, level);
            if let Some(items) = report.as_array_mut() {
                items.extend(unreadable);
            }
            emit(out, &json(&report))?;
        }
        ValidateFormat::Github => emit(out, &report::github(&targets))?,
        ValidateFormat::Sarif => emit(out, &json(&report::sarif(&targets)))?,
    }
    Ok(if io_error {
        2
    } else if any_invalid {
        1
    } else {
        0
    })
}
