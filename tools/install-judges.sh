#!/usr/bin/env bash
# Installs the community validators the curation tests run (pinned, from PyPI) into their own
# cached venv: check-jsonschema (SARIF output against the official SARIF 2.1.0 schema) and
# pre-commit (the repository's hooks, tried on the sample content repository).
# Usage: tools/install-judges.sh [VENV]   (default .cache/judges-venv; prints nothing when done)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.cache/judges-venv}"
stamp="$venv/.installed-curate-1"
[ -f "$stamp" ] && exit 0
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "check-jsonschema==0.39.0" "pre-commit==4.7.0"
touch "$stamp"
