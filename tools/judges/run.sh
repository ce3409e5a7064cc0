#!/usr/bin/env bash
# Exports the embedded knowledge base in every interchange format and runs the community
# validators over the exports and over broken copies (tools/judges/judges.py). Installs the
# validators first (cached in .cache/judges-venv). Usage: tools/judges/run.sh [judge...]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/judges/install.sh
cargo build -q -p neurosteroid-cli
cargo build -q -p neurosteroid --example export_vectors
out=target/interop
rm -rf "$out"
mkdir -p "$out"
bin=target/debug/neurosteroid
$bin -q export --format kgx -o "$out/kgx"
$bin -q export --format turtle -o "$out/kb.ttl"
$bin -q export --format ntriples -o "$out/kb.nt"
$bin -q export --format shacl -o "$out/shapes.ttl"
$bin -q export --format sbml -o "$out/sbml"
$bin -q export --format sssom -o "$out/kb.sssom.tsv"
$bin -q export --format jsonld -o "$out/factsheets.jsonld"
target/debug/examples/export_vectors "$out/vectors" tests/vectors/valid/*.json tests/vectors/invalid/*.json 2>/dev/null
.cache/judges-venv/bin/python tools/judges/judges.py "$out" "$@"
