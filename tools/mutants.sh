#!/usr/bin/env bash
# Mutation testing with cargo-mutants (crates.io), pinned and installed into .cache/cargo-bin.
#
#   tools/mutants.sh install      install cargo-mutants (once; cached)
#   tools/mutants.sh full [ARGS]  every mutant of the core, schema and CLI crates (`make mutants`)
#   tools/mutants.sh diff [ARGS]  only the mutants on lines changed since MUTANTS_BASE
#                                 (default: the parent of HEAD; `make mutants-diff`)
#
# What is mutated, which tests judge a mutant and what is excluded (with the reasons) is in
# .cargo/mutants.toml; how to read the results is in docs/mutants.md. Results go to
# mutants.out/ (ignored by git). Exit status: 0 when every mutant tested was caught (or
# unviable), 2 when some survived, 3 when some timed out (cargo-mutants' own codes).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=27.1.0
ROOT=.cache/cargo-bin
BIN="$ROOT/bin/cargo-mutants"
STAMP="$ROOT/.cargo-mutants-$VERSION"

install() {
    if [ ! -x "$BIN" ] || [ ! -e "$STAMP" ]; then
        cargo install cargo-mutants --version "$VERSION" --locked --root "$ROOT"
        touch "$STAMP"
    fi
}

# Unit and integration tests only: doctests are compiled one by one when they run (about a
# minute per mutant on a small machine). A mutant that only a doctest would catch shows up as
# missed, so this can only lower the score, never hide a survivor. (Not in the config file:
# there it could not be overridden by a run narrowed to some test targets.)
TESTS=(--cargo-test-arg=--tests)

mode=${1:-full}
shift || true
install
export PATH="$PWD/$ROOT/bin:$PATH"

case "$mode" in
install) ;;
full)
    cargo mutants "${TESTS[@]}" "$@"
    ;;
diff)
    base=${MUTANTS_BASE:-HEAD~1}
    if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
        echo "mutants-diff: no commit $base to compare with (a shallow clone?); set MUTANTS_BASE" >&2
        exit 1
    fi
    diff_file=.cache/mutants.diff
    git diff "$base" -- 'crates/*.rs' >"$diff_file"
    if [ ! -s "$diff_file" ]; then
        echo "mutants-diff: no Rust source changed since $base: nothing to mutate"
        exit 0
    fi
    count=$(cargo mutants --list --in-diff "$diff_file" | wc -l)
    # A change touching many lines is sampled (round-robin over the whole diff), so that the
    # check stays minutes long; `make mutants` tests everything.
    max=${MUTANTS_DIFF_MAX:-12}
    [ "$max" -ge 1 ] || max=1
    shard=()
    if [ "$count" -gt "$max" ]; then
        shards=$(((count + max - 1) / max))
        echo "mutants-diff: $count mutants in the change since $base; testing every ${shards}th (shard 0/$shards)"
        shard=(--shard "0/$shards" --sharding round-robin)
    else
        echo "mutants-diff: $count mutants in the change since $base"
    fi
    [ "$count" -gt 0 ] || exit 0
    cargo mutants --in-diff "$diff_file" "${shard[@]}" "${TESTS[@]}" "$@"
    ;;
*)
    echo "usage: $0 install|full|diff [cargo-mutants args]" >&2
    exit 64
    ;;
esac
