#!/usr/bin/env bash
# Builds a wheel from dist/'s sdist as a user without the repository would (a fresh venv,
# only Rust and Python; pip fetches the build backend, maturin, from the package index), then
# installs it and runs the smoke test. Slow: a release build from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
sdists=(dist/*.tar.gz)
[ ${#sdists[@]} -eq 1 ] || { echo "expected one sdist in dist/ (run make dist)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "${sdists[0]}" tools/smoke_test.py "$work/"
cd "$work"
python3 -m venv venv
# Its own target directory: nothing from the repository's build is reused.
CARGO_TARGET_DIR="$work/target" venv/bin/python -m pip wheel -q --no-deps -w wheels ./*.tar.gz
venv/bin/python -m pip install -q --no-index wheels/*.whl
venv/bin/python smoke_test.py
echo "sdist builds and works: $(ls wheels)"
