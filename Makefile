# One task runner: CI (.ci/run) calls `make test`, exactly what the README tells you to run.
VENV ?= .venv
PY := $(VENV)/bin/python
# Every cargo and maturin run sees the same interpreter (the venv's), so pyo3 is not
# rebuilt back and forth between `cargo clippy` and `maturin develop`.
export VIRTUAL_ENV := $(abspath $(VENV))

.PHONY: demo test lint test-rust test-python test-node test-interop node node-types venv develop schema vectors fuzz bench

## Show the allopregnanolone biosynthesis route from the embedded data.
demo:
	cargo run -q -- pathway allopregnanolone

## Every check and test: formatting, lints, Rust tests and doctests, Python tests, stubs, types,
## the Node.js binding, and the community validators over the exports.
test: lint test-rust test-python test-node test-interop

lint: venv
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace --exclude neurosteroid-py
	# Every benchmark once, at the smallest size, so that none can rot (no timing is checked).
	NS_BENCH_SIZES=200 NS_HOSTILE_SCALE=1 cargo bench -q -p neurosteroid-bench -- --test

## The exports (KGX, RDF + SHACL, SBML, SSSOM) judged by kgx, rdflib, pyshacl, libsbml, cobra
## and sssom, installed pinned into .cache/judges-venv (tools/judges/requirements.txt).
test-interop:
	bash tools/judges/run.sh

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

test-python: develop
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

## Regenerate the shared test vectors.
vectors:
	python3 tests/vectors/make_vectors.py

## Fuzz every target for FUZZ_SECONDS each (needs `cargo install cargo-fuzz`), seeded from
## the shared vectors and the hostile corpus. A crash is saved under fuzz/artifacts/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse_json parse_yaml resolve render
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t/vectors fuzz/corpus/$$t/hostile && \
	  cp tests/vectors/valid/* tests/vectors/invalid/*.json fuzz/corpus/$$t/vectors/ && \
	  cp tests/hostile/*.json tests/hostile/*.yaml fuzz/corpus/$$t/hostile/ && \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz $$t fuzz/corpus/$$t fuzz/corpus/$$t/vectors fuzz/corpus/$$t/hostile -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 || exit 1; \
	done
