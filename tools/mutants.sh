#!/usr/bin/env bash
# Mutation testing with cargo-mutants (crates.io), pinned and installed into .cache/cargo-bin.
#
#   tools/mutants.sh install      install cargo-mutants (once; cached)
#   tools/mutants.sh full [ARGS]  every mutant of the core, schema and CLI crates (`make mutants`)
#   tools/mutants.sh diff [ARGS]  only the mutants on lines changed since MUTANTS_BASE
#                                 (default: the parent of HEAD; `make mutants-diff`)
#   tools/mutants.sh ci [ARGS]    the diff check cut down for a CI job (`make mutants-ci`, not in
#                                 `make test`): at most MUTANTS_DIFF_MAX (default 2) mutants,
#                                 judged by the core's unit, pinned and vector tests, no
#                                 baseline run, cut off after MUTANTS_CI_SECONDS (default 150)
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

# A debug build: cargo-mutants only starts cargo and reads its output, so its own speed does
# not matter, and a debug build compiles in a fraction of a release build's time (this is what
# a CI job with a cold cache pays).
install() {
    if [ ! -x "$BIN" ] || [ ! -e "$STAMP" ]; then
        cargo install cargo-mutants --version "$VERSION" --locked --debug --root "$ROOT"
        touch "$STAMP"
    fi
}

# Unit and integration tests only: doctests are compiled one by one when they run (about a
# minute per mutant on a small machine). A mutant that only a doctest would catch shows up as
# missed, so this can only lower the score, never hide a survivor. (Not in the config file:
# there it could not be overridden by a run narrowed to some test targets.)
TESTS=(--cargo-test-arg=--tests)

# The workspace's `mutants` profile (Cargo.toml): the tests optimized, which makes a mutant
# take about a third of the time. Not for the CI check, which reuses the debug build that
# `make test` has just made.
PROFILE=(--profile mutants)

mode=${1:-full}
shift || true
export PATH="$PWD/$ROOT/bin:$PATH"

# Each mode installs cargo-mutants when it needs it; the diff modes only once they know there
# is something to mutate.
case "$mode" in
install)
    install
    ;;
full)
    install
    cargo mutants "${PROFILE[@]}" "${TESTS[@]}" "$@"
    ;;
diff | ci)
    base=${MUTANTS_BASE:-HEAD~1}
    if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
        if [ "$mode" = ci ] && [ -z "${MUTANTS_BASE:-}" ]; then
            # A clone of a single commit: there is no change to compare with.
            echo "mutants-ci: HEAD has no parent commit in this clone: nothing to compare with, skipped"
            exit 0
        fi
        echo "mutants-diff: no commit $base to compare with (a shallow clone?); set MUTANTS_BASE" >&2
        exit 1
    fi
    mkdir -p .cache
    diff_file=.cache/mutants.diff
    # CI mutates the core only (its mutants are judged by the core's tests, see below).
    scope='crates/*.rs'
    [ "$mode" = diff ] || scope='crates/neurosteroid/src/*.rs'
    git diff "$base" -- "$scope" >"$diff_file"
    if [ ! -s "$diff_file" ]; then
        echo "mutants-$mode: no change to $scope since $base: nothing to mutate"
        exit 0
    fi
    install
    count=$(cargo mutants --list --in-diff "$diff_file" | wc -l)
    # A change touching many lines is sampled (round-robin over the whole diff), so that the
    # check stays minutes long; `make mutants` tests everything.
    if [ "$mode" = ci ]; then
        max=${MUTANTS_DIFF_MAX:-2}
    else
        max=${MUTANTS_DIFF_MAX:-12}
    fi
    [ "$max" -ge 1 ] || max=1
    shard=()
    if [ "$count" -gt "$max" ]; then
        shards=$(((count + max - 1) / max))
        # Which shard: a different one for each commit, so successive changes to the same
        # lines do not always test the same few mutants.
        k=$(($(git rev-parse HEAD | cut -c1-7 | sed 's/^/0x/') % shards))
        echo "mutants-$mode: $count mutants in the change since $base; testing 1 in ${shards} (shard $k/$shards)"
        shard=(--shard "$k/$shards" --sharding round-robin)
    else
        echo "mutants-$mode: $count mutants in the change since $base"
    fi
    [ "$count" -gt 0 ] || exit 0
    if [ "$mode" = diff ]; then
        cargo mutants --in-diff "$diff_file" "${shard[@]}" "${PROFILE[@]}" "${TESTS[@]}" "$@"
        exit
    fi
    # The index's exhaustive differential test (every name and its typos, minutes in a debug
    # build on a small machine) is left out: CI has just run it on the unmutated tree.
    SKIP_SLOW=(--cargo-test-arg=-- --cargo-test-arg=--skip
        --cargo-test-arg=index::tests::indexed_answers_are_the_scans_on_every_name_and_its_typos)
    # CI: `make test` has just run every test, so the baseline run is skipped; the core's
    # mutants are judged by its unit tests, tests/pinned.rs (the exact-output tests written
    # against survivors) and the shared vectors rather than by all three crates' suites, and
    # the whole check is cut off after MUTANTS_CI_SECONDS. A cut-off run fails only for the
    # survivors it found.
    budget=${MUTANTS_CI_SECONDS:-150}
    status=0
    # The tests' build is reused (a copy of the tree rebuilds only the workspace crates).
    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
    timeout -s INT -k 30 "$budget" cargo mutants --in-diff "$diff_file" "${shard[@]}" \
        --baseline=skip --timeout 120 --build-timeout 300 \
        --test-package neurosteroid --cargo-arg=--lib --cargo-arg=--test=pinned \
        --cargo-arg=--test=vectors "${SKIP_SLOW[@]}" "$@" || status=$?
    case "$status" in
    0) ;;
    124 | 130 | 137)
        echo "mutants-ci: stopped after ${budget}s (MUTANTS_CI_SECONDS); results so far in mutants.out/"
        if [ -s mutants.out/missed.txt ]; then
            echo "mutants-ci: surviving mutants (see docs/mutants.md, \"Fixing a survivor\"):"
            cat mutants.out/missed.txt
            exit 2
        fi
        ;;
    *)
        [ ! -s mutants.out/missed.txt ] || {
            echo "mutants-ci: surviving mutants (see docs/mutants.md, \"Fixing a survivor\"):"
            cat mutants.out/missed.txt
        }
        exit "$status"
        ;;
    esac
    ;;
*)
    echo "usage: $0 install|full|diff|ci [cargo-mutants args]" >&2
    exit 64
    ;;
esac
