#!/usr/bin/env bash
# Installs the export judges (kgx, pyshacl, rdflib, python-libsbml, sssom, cobra) into a cached,
# gitignored venv. Re-runs only when requirements.txt changes. uv resolves kgx's dependencies in
# seconds where pip backtracks for many minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.cache/judges-venv
stamp=$venv/.installed
req=tools/judges/requirements.txt
if [ -f "$stamp" ] && cmp -s "$stamp" "$req"; then
    exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip uv
"$venv/bin/python" -m uv pip install -q --python "$venv/bin/python" -r "$req"
cp "$req" "$stamp"
