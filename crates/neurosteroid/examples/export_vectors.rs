//! Writes the RDF (N-Triples) made from JSON documents, valid or not, without validating
//! them: what the SHACL differential test (`tools/judges`) feeds `pyshacl`.
//!
//! Usage: `cargo run -p neurosteroid --example export_vectors -- OUT_DIR FILE.json...`
//! writes `OUT_DIR/<file stem>.nt` for every file that is JSON (others are skipped and named
//! on standard error).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use neurosteroid::export::{document_schema, rdf};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: export_vectors OUT_DIR FILE.json...");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    let schema = document_schema();
    for file in args {
        let path = Path::new(&file);
        let value: serde_json::Value = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{file}: skipped, not JSON ({e})");
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
        let target = out.join(format!("{stem}.nt"));
        if let Err(e) = std::fs::write(&target, rdf::ntriples(&rdf::graph_of_value(&value, &schema))) {
            eprintln!("{}: {e}", target.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
