//! Writes a deterministic synthetic knowledge base:
//! `synth --compounds N --out FILE` (`--out -` or no `--out` writes to standard output).

use std::io::Write;
use std::process::ExitCode;

fn usage() -> String {
    "usage: synth --compounds N [--out FILE]".to_owned()
}

fn run() -> Result<(), String> {
    let mut compounds: Option<usize> = None;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--compounds" | "-n" => {
                let v = args.next().ok_or_else(usage)?;
                compounds = Some(
                    v.replace('_', "")
                        .parse()
                        .map_err(|e| format!("--compounds {v}: {e}"))?,
                );
            }
            "--out" | "-o" => out = Some(args.next().ok_or_else(usage)?),
            "--help" | "-h" => {
                println!("{}", usage());
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`\n{}", usage())),
        }
    }
    let n = compounds.ok_or_else(usage)?;
    match out.as_deref() {
        None | Some("-") => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            neurosteroid_bench::write_json(n, &mut w).map_err(|e| e.to_string())?;
            w.flush().map_err(|e| e.to_string())?;
        }
        Some(path) => {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
            }
            let file = std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?;
            let mut w = std::io::BufWriter::new(file);
            neurosteroid_bench::write_json(n, &mut w).map_err(|e| format!("{path}: {e}"))?;
            w.flush().map_err(|e| format!("{path}: {e}"))?;
            let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            eprintln!("wrote {path}: {n} compounds, {bytes} bytes");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::from(2)
        }
    }
}
