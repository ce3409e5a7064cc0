"""The exported schema works with validators no one here wrote: the `jsonschema` package
and `jsonschema-rs` give, on every vector and on the embedded knowledge base, the same
verdict as the model at level `schema`, and point at the same places."""

from __future__ import annotations

import json
import pathlib

import jsonschema
import jsonschema_rs
import neurosteroid as ns
import pytest

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"
DOCS = sorted(p for p in VECTORS.rglob("*.json") if not p.name.endswith(".expected.json"))


def _pointer(path: object) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def validators() -> tuple[jsonschema.Draft202012Validator, object]:
    schema = ns.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema), jsonschema_rs.Draft202012Validator(schema)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_external_validators_agree_with_the_model(
    path: pathlib.Path, validators: tuple[jsonschema.Draft202012Validator, object]
) -> None:
    try:
        doc = json.loads(path.read_text())
    except json.JSONDecodeError:
        pytest.skip("not JSON at all: no schema validator sees it")
    expected_file = path.with_suffix(".expected.json")
    if expected_file.exists() and json.loads(expected_file.read_text())["schema_valid"] is None:
        pytest.skip("a syntax-level vector (duplicate keys): JSON parsers disagree before any schema runs")
    py, rs = validators
    model = {d.path for d in ns.validate(doc, level="schema") if d.severity == "error"}
    py_paths = {_pointer(e.absolute_path) for e in py.iter_errors(doc)}
    rs_errors = list(rs.iter_errors(doc))  # type: ignore[attr-defined]
    rs_paths = {_pointer(e.instance_path) for e in rs_errors}
    assert (not model) == (not py_paths) == (not rs_paths), (model, py_paths, rs_paths)
    # Every place the model names, the validators name too (or its parent, for a property
    # that should not be there: validators report the object).
    for p in model:
        parent = p.rsplit("/", 1)[0]
        assert p in py_paths or parent in py_paths, (p, py_paths)
        assert p in rs_paths or parent in rs_paths, (p, rs_paths)


def test_embedded_knowledge_base_passes_both(validators: tuple[jsonschema.Draft202012Validator, object]) -> None:
    py, rs = validators
    doc = json.loads(ns.default_kb().to_json())
    assert list(py.iter_errors(doc)) == []
    assert rs.is_valid(doc)  # type: ignore[attr-defined]
