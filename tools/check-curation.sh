#!/usr/bin/env bash
# The curation workflow, checked with the real community tools (run by `make test-curation`):
#  1. the sample content repository (examples/content-repo) validates and is formatted;
#  2. SARIF output (of a valid and of an invalid knowledge base) validates against the
#     official SARIF 2.1.0 JSON Schema (tests/external, origin in its README) with
#     check-jsonschema;
#  3. the repository's pre-commit hooks pass on the sample repository and fail on a broken
#     copy of it (`pre-commit try-repo`, offline: the hooks are `language: system`).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tools/install-judges.sh
judges="$root/.cache/judges-venv/bin"
cargo build -q -p neurosteroid-cli
bin="$root/target/debug"
ns="$bin/neurosteroid"
kb=examples/content-repo/kb
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

"$ns" validate --quiet "$kb"
"$ns" fmt --check --quiet "$kb"

"$ns" validate --format sarif "$kb" > "$scratch/valid.sarif"
status=0
invalid=$(ls tests/vectors/invalid/*.json | grep -v '\.expected\.json$')
# shellcheck disable=SC2086
"$ns" validate --format sarif $invalid > "$scratch/invalid.sarif" || status=$?
[ "$status" = 1 ] || { echo "validate of invalid vectors exited $status, expected 1" >&2; exit 1; }
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; assert len(r) > 10, len(r)' "$scratch/invalid.sarif"
"$judges/check-jsonschema" --schemafile tests/external/sarif-schema-2.1.0.json "$scratch/valid.sarif" "$scratch/invalid.sarif"

# pre-commit on a copy of the sample repository (a git repository of its own).
export PRE_COMMIT_HOME="$root/.cache/pre-commit-home" PATH="$bin:$PATH"
repo="$scratch/content"
cp -r examples/content-repo "$repo"
git -C "$repo" init -q
git -C "$repo" -c user.email=ci@example.invalid -c user.name=ci add -A
git -C "$repo" -c user.email=ci@example.invalid -c user.name=ci commit -qm sample
(cd "$repo" && "$judges/pre-commit" try-repo "$root" --all-files) > "$scratch/ok.log" 2>&1 || { cat "$scratch/ok.log"; exit 1; }
grep -q "neurosteroid validate.*Passed" "$scratch/ok.log" && grep -q "neurosteroid fmt.*Passed" "$scratch/ok.log" || { cat "$scratch/ok.log"; exit 1; }
# Broken: a dangling reference and a file out of canonical form must both fail.
sed -i 's/^object: memory-support$/object: memory-suport/' "$repo/kb/claims/allo-memory.yaml"
printf 'name: progesterone\nid: progesterone-copy\n' > "$repo/kb/compounds/progesterone-copy.yaml"
git -C "$repo" add -A
if (cd "$repo" && "$judges/pre-commit" try-repo "$root" --all-files) > "$scratch/bad.log" 2>&1; then
    cat "$scratch/bad.log"; echo "pre-commit passed on a broken repository" >&2; exit 1
fi
grep -q "dangling-reference" "$scratch/bad.log" && grep -q "neurosteroid fmt.*Failed" "$scratch/bad.log" || { cat "$scratch/bad.log"; exit 1; }
# The formatter fixed the file it could, and kept it valid YAML of the same entity.
grep -q "^id: progesterone-copy" "$repo/kb/compounds/progesterone-copy.yaml"
echo "curation checks passed (validate, fmt --check, SARIF 2.1.0 schema, pre-commit try-repo)"
