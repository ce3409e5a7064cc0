"""The shared vectors drive pytest too: same verdicts, same (code, path) diagnostics as Rust."""

from __future__ import annotations

import json
import pathlib

import neurosteroid as ns
import pytest

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"
INVALID = sorted(p for p in (VECTORS / "invalid").glob("*.json") if not p.name.endswith(".expected.json"))
VALID = sorted((VECTORS / "valid").iterdir())


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_vectors_load(path: pathlib.Path) -> None:
    kb = ns.load(path)
    assert kb.validate() == []
    assert ns.validate(path.read_bytes(), format="yaml" if path.suffix == ".yaml" else "json") == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_vectors_give_expected_diagnostics(path: pathlib.Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    want = {(e["code"], e["path"]) for e in expected["errors"]}
    diags = ns.validate(path.read_bytes())
    got = {(d.code, d.path) for d in diags if d.severity == "error"}
    assert got == want
    assert all(d.line is not None and d.column is not None for d in diags)
    with pytest.raises(ns.ValidationError) as info:
        ns.load(path)
    assert {(d.code, d.path) for d in info.value.diagnostics if d.severity == "error"} == want
    # The same verdict from a parsed object as from text, when the text is JSON at all.
    try:
        obj = json.loads(path.read_text())
    except json.JSONDecodeError:
        return
    if expected["schema_valid"] is not None:
        assert {(d.code, d.path) for d in ns.validate(obj) if d.severity == "error"} == want
        schema_level = [d for d in ns.validate(obj, level="schema") if d.severity == "error"]
        assert (not schema_level) == expected["schema_valid"]
