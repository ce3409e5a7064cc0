//! The `neurosteroid` command: look up, query, validate and export neurosteroid knowledge.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use neurosteroid::{Diagnostic, Format, KnowledgeBase, Level, LoadOptions};

#[derive(Parser)]
#[command(name = "neurosteroid", version, about = "Typed, validated, queryable knowledge about neurosteroids", long_about = None)]
struct Cli {
    /// Use this knowledge-base document (JSON or YAML) instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    kb: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show a human summary of any entity, named by id, name, synonym or identifier.
    #[command(
        after_help = "Examples:\n  neurosteroid show allopregnanolone\n  neurosteroid show 5alpha-DHP\n  neurosteroid show CHEBI:50169"
    )]
    Show {
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
        /// The text to look for.
        text: String,
        /// Most results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// The biosynthesis route of a compound, with the enzymes and isoforms of each step.
    #[command(
        after_help = "Examples:\n  neurosteroid pathway allopregnanolone\n  neurosteroid pathway ALLO --format json"
    )]
    Pathway {
        /// The compound.
        compound: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Validate documents. Exit status: 0 all valid, 1 any invalid, 2 usage or I/O error.
    #[command(
        after_help = "Examples:\n  neurosteroid validate my-kb.json\n  neurosteroid validate a.yaml b.json --level schema --format json"
    )]
    Validate {
        /// Documents to validate (`.yaml`/`.yml` read as YAML, anything else as JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `schema`: what the JSON Schema checks; `full`: plus every semantic rule.
        #[arg(long, value_enum, default_value_t = LevelArg::Full)]
        level: LevelArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Human)]
        format: ValidateFormat,
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
    /// Export the whole knowledge base.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ValidateFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LevelArg {
    Schema,
    Full,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Schema => Level::Schema,
            LevelArg::Full => Level::Full,
        }
    }
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
    let mut out = std::io::stdout().lock();
    match run(cli, &mut out) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            let _ = out.flush();
            eprintln!("error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn load(kb: &Option<PathBuf>) -> Result<std::borrow::Cow<'static, KnowledgeBase>, Failure> {
    match kb {
        None => Ok(std::borrow::Cow::Borrowed(KnowledgeBase::embedded()?)),
        Some(path) => KnowledgeBase::from_path(path, LoadOptions::default())
            .map(std::borrow::Cow::Owned)
            .map_err(|e| {
                let mut f = Failure::from(e);
                f.message = format!("{}: {}", path.display(), f.message);
                f
            }),
    }
}

fn emit(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure {
            code: 2,
            message: format!("cannot write output: {e}"),
        }),
        _ => Ok(()),
    }
}

fn json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn run(cli: Cli, out: &mut impl Write) -> Result<u8, Failure> {
    match cli.command {
        Command::Show { name, format } => {
            let kb = load(&cli.kb)?;
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
                    emit(out, &text)?;
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
            format,
        } => {
            let kb = load(&cli.kb)?;
            let hits = kb.search(&text, limit);
            match format {
                ShowFormat::Json => emit(out, &json(&hits))?,
                ShowFormat::Text => {
                    if hits.is_empty() {
                        return Err(Failure {
                            code: 1,
                            message: format!("nothing matches `{text}`"),
                        });
                    }
                    let mut s = String::new();
                    for h in hits {
                        s.push_str(&format!(
                            "{:>5.2}  {:<14} {:<40} {}\n",
                            h.score,
                            h.kind,
                            h.id,
                            if h.matched == h.name {
                                h.name
                            } else {
                                format!("{} (matched `{}`)", h.name, h.matched)
                            }
                        ));
                    }
                    emit(out, &s)?;
                }
            }
        }
        Command::Pathway { compound, format } => {
            let kb = load(&cli.kb)?;
            let route = kb.biosynthesis(&compound)?;
            match format {
                ShowFormat::Text => emit(out, &route.to_string())?,
                ShowFormat::Json => emit(out, &json(&route.to_json()))?,
            }
        }
        Command::Validate {
            files,
            level,
            format,
        } => return validate(&files, level.into(), format, out),
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
        Command::Export {
            format: ExportFormat::Json,
        } => {
            let kb = load(&cli.kb)?;
            emit(out, &kb.to_json_pretty())?;
        }
    }
    Ok(0)
}

fn validate(
    files: &[PathBuf],
    level: Level,
    format: ValidateFormat,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let mut any_invalid = false;
    let mut io_error = false;
    let mut reports = Vec::new();
    let mut human = String::new();
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                io_error = true;
                eprintln!("error: {}: {e}", path.display());
                continue;
            }
        };
        let diags = neurosteroid::validate(&bytes, Format::from_path(path), level);
        let valid = !diags.iter().any(Diagnostic::is_error);
        any_invalid |= !valid;
        match format {
            ValidateFormat::Human => {
                for d in &diags {
                    let loc = d
                        .location
                        .map(|l| format!("{}:{}:{}", path.display(), l.line, l.column))
                        .unwrap_or_else(|| path.display().to_string());
                    let at = if d.path.is_empty() { "/" } else { &d.path };
                    human.push_str(&format!(
                        "{loc}: {}[{}]: {}\n  at {at}\n",
                        d.severity.as_str(),
                        d.code,
                        d.message
                    ));
                    if let Some(h) = &d.hint {
                        human.push_str(&format!("  hint: {h}\n"));
                    }
                }
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                human.push_str(&format!(
                    "{}: {} ({errors} error(s), {warnings} warning(s), level {})\n",
                    path.display(),
                    if valid { "valid" } else { "invalid" },
                    level.as_str()
                ));
            }
            ValidateFormat::Json => reports.push(serde_json::json!({
                "file": path.display().to_string(),
                "valid": valid,
                "level": level.as_str(),
                "diagnostics": diags,
            })),
        }
    }
    match format {
        ValidateFormat::Human => emit(out, &human)?,
        ValidateFormat::Json => emit(out, &json(&reports))?,
    }
    Ok(if io_error {
        2
    } else if any_invalid {
        1
    } else {
        0
    })
}
