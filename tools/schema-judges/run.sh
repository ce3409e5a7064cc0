#!/usr/bin/env bash
# The differential test of the JSON Schema (tools/schema-judges/judges.py): every shared
# vector judged by the library at --level schema, python-jsonschema, check-jsonschema and ajv
# (library and CLI). Installs the validators first, pinned, into cached gitignored folders:
# .cache/schema-judges-venv (requirements.txt, from PyPI) and .cache/schema-judges-node
# (package-lock.json, from npm); each is reinstalled only when its pin file changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tools/schema-judges

venv=.cache/schema-judges-venv
if ! cmp -s "$venv/.installed" "$here/requirements.txt"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$venv/.installed"
fi

node_dir=.cache/schema-judges-node
if ! cmp -s "$node_dir/.installed" "$here/package-lock.json"; then
    rm -rf "$node_dir"
    mkdir -p "$node_dir"
    cp "$here/package.json" "$here/package-lock.json" "$node_dir/"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$here/package-lock.json" "$node_dir/.installed"
fi

cargo build -q -p neurosteroid-cli
NODE_PATH="$PWD/$node_dir/node_modules" "$venv/bin/python" "$here/judges.py" \
    target/debug/neurosteroid "$here/ajv-judge.js" "$node_dir/node_modules/.bin/ajv"
