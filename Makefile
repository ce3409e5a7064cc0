# One task runner: CI (.ci/run) calls `make test`, exactly what the README tells you to run.
VENV ?= .venv
PY := $(VENV)/bin/python
# Every cargo and maturin run sees the same interpreter (the venv's), so pyo3 is not
# rebuilt back and forth between `cargo clippy` and `maturin develop`.
export VIRTUAL_ENV := $(abspath $(VENV))

.PHONY: demo test lint test-rust test-python test-node test-interop test-schema-judges test-curation browser-tools node node-types venv develop schema vectors examples fuzz bench \
	dist test-dist test-sdist test-features docs test-docs package test-package

## Show the allopregnanolone biosynthesis route from the embedded data.
demo:
	cargo run -q -- pathway allopregnanolone

## Every check and test: formatting, lints, Rust tests and doctests, Python tests, stubs, types,
## the Node.js binding, the community validators over the exports, the curation workflow
## with the community tools (SARIF schema, pre-commit), the release artefacts, the
## documentation site, and mutation testing of what the last commit changed in the core.
test: lint test-rust test-features test-python test-node test-interop test-schema-judges test-curation test-dist test-docs test-package mutants-ci

lint: venv
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(VENV)/bin/ruff format --check
	$(VENV)/bin/ruff check
	# The fuzz targets (a workspace of their own) are formatted and compile on stable, so they
	# can not rot between fuzzing runs.
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy -q --manifest-path fuzz/Cargo.toml --target-dir target --bins -- -D warnings
	# No dependency needs a newer Rust than the crates declare (see the script for what is not checked).
	python3 tools/check-msrv.py

test-rust:
	cargo test --workspace --exclude neurosteroid-py
	# Every benchmark once, at the smallest size, so that none can rot (no timing is checked).
	NS_BENCH_SIZES=200 NS_HOSTILE_SCALE=1 cargo bench -q -p neurosteroid-bench -- --test

## The exports (KGX, RDF + SHACL, SBML, SSSOM) judged by kgx, rdflib, pyshacl, libsbml, cobra
## and sssom, installed pinned into .cache/judges-venv (tools/judges/requirements.txt).
test-interop:
	bash tools/judges/run.sh

## The JSON Schema judged against the library on every shared vector by python-jsonschema,
## check-jsonschema and ajv (library and CLI), pinned into .cache/ (tools/schema-judges/).
test-schema-judges:
	bash tools/schema-judges/run.sh

## Benchmarks (see BENCHMARKS.md for the Python side and the figures).
bench:
	cargo bench -p neurosteroid-bench

venv: $(VENV)/.installed

$(VENV)/.installed: python/requirements-dev.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r python/requirements-dev.txt
	touch $@

## Build the native module into the venv (own target dir: no rebuild ping-pong with cargo).
develop: venv
	$(VENV)/bin/maturin develop -q --target-dir target/maturin

## Mermaid, run in headless Chromium by the Python tests to judge the diagrams' escaping; from
## the lockfile into tools/browser/node_modules (ignored, kept between runs).
BROWSER_DIR := tools/browser
$(BROWSER_DIR)/node_modules/.installed: $(BROWSER_DIR)/package-lock.json
	cd $(BROWSER_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

browser-tools: $(BROWSER_DIR)/node_modules/.installed

test-python: develop browser-tools
	$(PY) -m pytest -q
	$(PY) -m mypy.stubtest neurosteroid --allowlist python/stubtest-allowlist.txt
	$(PY) -m mypy --strict python/neurosteroid python/examples

## The Node.js binding (bindings/node): its build tools (@napi-rs/cli, TypeScript) come from
## the lockfile into bindings/node/node_modules (ignored, kept between runs). `napi build`
## builds the addon (debug) and generates index.js and index.d.ts into target/node; the addon is
## copied next to the committed loader, and a test fails when the committed files drift.
NODE_DIR := bindings/node
$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: $(NODE_DIR)/node_modules/.installed
	cd $(NODE_DIR) && npx napi build --platform --manifest-path ../../crates/neurosteroid-node/Cargo.toml --output-dir ../../target/node
	cp target/node/neurosteroid.*.node $(NODE_DIR)/

## Regenerate the committed loader and TypeScript declarations from the Rust side.
node-types: node
	cp target/node/index.js target/node/index.d.ts $(NODE_DIR)/

## The binding's tests compare its diagnostics with the CLI's, so the CLI is built too.
test-node: node
	cargo build -q -p neurosteroid-cli
	cd $(NODE_DIR) && npx tsc -p examples && node --test test/

## Regenerate the committed schema files and the Python value classes from the Rust types.
schema:
	cargo run -q -- schema --out schema
	python3 tools/gen_python_model.py

## The sample content repository passes validate, fmt --check, the SARIF 2.1.0 schema
## (check-jsonschema) and the pre-commit hooks (pre-commit try-repo); tools from PyPI, cached.
test-curation:
	tools/check-curation.sh

## Regenerate the sample content repository from the embedded data (split, then fmt).
examples:
	rm -rf examples/content-repo/kb
	cargo run -q -- export -o target/embedded-kb.json
	cargo run -q -- split target/embedded-kb.json examples/content-repo/kb
	cargo run -q -- fmt --quiet examples/content-repo/kb

## Regenerate the shared test vectors.
vectors:
	python3 tests/vectors/make_vectors.py

## Fuzz every target for FUZZ_SECONDS each (needs `cargo install cargo-fuzz`), seeded from
## the shared vectors and the hostile corpus. A crash is saved under fuzz/artifacts/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse_json parse_yaml yaml_anchors resolve long_names render
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t/vectors fuzz/corpus/$$t/hostile && \
	  cp tests/vectors/valid/* tests/vectors/invalid/*.json fuzz/corpus/$$t/vectors/ && \
	  cp tests/hostile/*.json tests/hostile/*.yaml fuzz/corpus/$$t/hostile/ && \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz $$t fuzz/corpus/$$t fuzz/corpus/$$t/vectors fuzz/corpus/$$t/hostile -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 || exit 1; \
	done

## Release artefacts into dist/: one abi3 wheel (every CPython from 3.10 on) and the sdist.
dist: venv
	rm -rf dist
	$(VENV)/bin/maturin build --release -q --target-dir target/maturin --out dist
	$(VENV)/bin/maturin sdist --out dist

# The release checkers, in their own cached venv (uv resolves them in seconds).
DIST_VENV := .cache/dist-venv
$(DIST_VENV)/.installed: tools/requirements-dist.txt
	python3 -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install -q uv==0.13.8
	$(DIST_VENV)/bin/uv pip install -q --python $(DIST_VENV)/bin/python -r tools/requirements-dist.txt
	touch $@

## Check dist/ as the registries would (twine, abi3audit, auditwheel, check-wheel-contents),
## then install the wheel into fresh venvs with no Rust on the PATH and use it.
test-dist: dist $(DIST_VENV)/.installed
	bash tools/check-dist.sh $(DIST_VENV)

## Build a wheel from the sdist in a fresh venv, as a user without the repository would.
test-sdist: dist
	bash tools/check-sdist.sh

# The documentation tools, in their own cached venv.
DOCS_VENV := .cache/docs-venv
$(DOCS_VENV)/.installed: docs/requirements.txt
	python3 -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/python -m pip install -q uv==0.13.8
	$(DOCS_VENV)/bin/uv pip install -q --python $(DOCS_VENV)/bin/python -r docs/requirements.txt
	touch $@

## The documentation site into site/: reference pages generated from the schema, clap and the
## embedded data, the Python API from the package, built with warnings as errors.
docs: $(DOCS_VENV)/.installed
	cargo build -q -p neurosteroid-cli
	RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p neurosteroid -p neurosteroid-schema
	python3 tools/gen_docs.py target/debug/neurosteroid
	cp -r target/doc docs/generated/rust
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/mkdocs build -q --strict

## Build the site, then check every link in it (offline: links leaving the site are not followed).
test-docs: docs
	$(DOCS_VENV)/bin/linkchecker --no-status --no-warnings site/index.html

## The core's Cargo features in their minimal and full combinations: a service can take only
## the model and the rules (no renderers, no YAML).
test-features:
	cargo clippy -q -p neurosteroid --no-default-features -- -D warnings
	cargo check -q -p neurosteroid --no-default-features --features yaml
	cargo check -q -p neurosteroid --no-default-features --features render
	cargo check -q -p neurosteroid --all-features
	cargo test -q -p neurosteroid --no-default-features --lib

## Package every publishable crate in dependency order and build each from its package (the CLI
## against the packaged libraries). A fresh target dir each time: cargo never rebuilds a
## registry crate of an unchanged version, so a kept one would verify against a stale core.
package:
	rm -rf target/package-verify
	CARGO_TARGET_DIR=target/package-verify cargo package -p neurosteroid -p neurosteroid-schema -p neurosteroid-lsp -p neurosteroid-cli
	CARGO_TARGET_DIR=target/package-verify cargo publish --dry-run --no-verify -p neurosteroid -p neurosteroid-schema -p neurosteroid-lsp -p neurosteroid-cli
	rm -rf target/package-verify

## The crates as a registry ships them: package + publish --dry-run of the four publishable
## crates, then `cargo install` of the CLI from its package (libraries from their packages) and
## from the checkout, each run once. Kept target dir: only this repository's crates are rebuilt.
test-package:
	bash tools/check-package.sh

## Mutation testing (cargo-mutants, pinned, installed into .cache/cargo-bin): every mutant of
## the core, schema and CLI crates against their tests; days on a 2-core machine. Results in
## mutants.out/; how to read them and the recorded scores: docs/mutants.md.
## Narrow a run with MUTANTS_ARGS, e.g. MUTANTS_ARGS="--file crates/neurosteroid/src/validate/**".
.PHONY: mutants mutants-diff mutants-ci
mutants:
	tools/mutants.sh full $(MUTANTS_ARGS)

## Only the mutants on lines changed since MUTANTS_BASE (default: the last commit's parent),
## sampled down to MUTANTS_DIFF_MAX (default 12) mutants.
mutants-diff:
	tools/mutants.sh diff $(MUTANTS_ARGS)

## The diff check cut down for CI, the last stage of `make test` (after test-rust, so that the
## mutants rebuild only the core in the warm target/): at most MUTANTS_DIFF_MAX=2 mutants of
## the core's changed lines, judged by its unit, pinned and vector tests, stopped after
## MUTANTS_CI_SECONDS=150; skipped with a message (before cargo-mutants is installed) when the
## last commit did not change the core's source or the clone has no parent commit. See
## docs/mutants.md.
mutants-ci:
	tools/mutants.sh ci $(MUTANTS_ARGS)
