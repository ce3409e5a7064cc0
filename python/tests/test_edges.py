"""Issue 13's Python edges: the package behaves like a Python library."""

from __future__ import annotations

import datetime
import pathlib

import neurosteroid as ns
import pytest
import yaml


def test_loads_accepts_what_validate_accepts(base_path: pathlib.Path) -> None:
    text = base_path.read_text()
    doc = yaml.safe_load(text)
    assert ns.loads(text) == ns.loads(text.encode()) == ns.loads(doc)
    with pytest.raises(TypeError, match="str, bytes, a dict or a pathlib.Path"):
        ns.loads(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="load"):
        ns.loads(base_path)  # type: ignore[arg-type]


def test_yaml_safe_load_with_dates_validates(base_path: pathlib.Path) -> None:
    yaml_text = base_path.with_suffix(".yaml").read_text()
    doc = yaml.safe_load(yaml_text)
    dated = {**doc, "as_of": datetime.date(2026, 11, 27)}
    assert [d for d in ns.validate(dated) if d.severity == "error"] == []
    assert ns.loads(dated).as_of == datetime.date(2026, 11, 27)
    # YAML text is detected without format="yaml".
    assert [d for d in ns.validate(yaml_text) if d.severity == "error"] == []
    assert ns.loads(yaml_text) == ns.loads(yaml_text, format="yaml")


def test_unrepresentable_values_get_their_own_path(base_path: pathlib.Path) -> None:
    doc = yaml.safe_load(base_path.read_text())
    doc["compounds"][0]["synonyms"] = {"a", "b"}
    doc["compounds"][1]["molar_mass"] = float("nan")
    problems = ns.validate(doc)
    assert [(d.code, d.path) for d in problems] == [
        ("type", "/compounds/0/synonyms"),
        ("type", "/compounds/1/molar_mass"),
    ]


def test_validate_path_and_file_names(base_path: pathlib.Path) -> None:
    assert [d for d in ns.validate(base_path) if d.severity == "error"] == []
    with pytest.raises(TypeError, match="pathlib.Path"):
        ns.validate("my-kb.json")
    with pytest.raises(TypeError):
        ns.validate(object())
    with pytest.raises(ns.NeurosteroidIOError):
        ns.validate(base_path.with_name("no-such-file.json"))


def test_knowledge_base_is_not_a_public_constructor() -> None:
    with pytest.raises(TypeError, match="load"):
        ns.KnowledgeBase("{}")
    with pytest.raises(TypeError, match="default_kb"):
        ns.KnowledgeBase()


def test_collections_are_indexable_by_id() -> None:
    kb = ns.default_kb()
    allo = kb.compounds["allopregnanolone"]
    assert allo.id == "allopregnanolone" and allo == kb.get("allopregnanolone")
    assert "allopregnanolone" in kb.compounds
    assert allo in kb.compounds
    assert "allopregnanolone" not in kb.therapies
    assert "no-such-id" not in kb.compounds and 5 not in kb.compounds
    assert kb.compounds.get("allopregnanolone") == allo
    assert kb.compounds.get("pmdd") is None and kb.compounds.get("pmdd", 1) == 1
    with pytest.raises(KeyError):
        kb.compounds["pmdd"]
    with pytest.raises(TypeError):
        kb.compounds[1.5]  # type: ignore[call-overload]
    assert kb.compounds[0] == kb.compounds[kb.compounds[0].id]


def test_bad_arguments_raise_value_or_type_error() -> None:
    kb = ns.default_kb()
    with pytest.raises(ValueError, match="limit"):
        kb.search("allo", limit=-1)
    with pytest.raises(TypeError):
        kb.search("allo", limit="3")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kb.search(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kb.get(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kb.resolve(None)  # type: ignore[arg-type]
    assert len(kb.search("allo", limit=10**30)) > 0
    with pytest.raises(ValueError, match=r"unknown document format `toml` \(one of: json, yaml\)"):
        ns.loads("{}", format="toml")  # type: ignore[arg-type]


def test_unsupported_version_is_named() -> None:
    problems = ns.validate({"schema_version": "2.0.0", "as_of": "2026-01-01"})
    assert [(d.code, d.path) for d in problems] == [("unsupported-version", "/schema_version")]
    assert problems[0].hint is not None and "migrate" in problems[0].hint


def test_therapy_status_per_regulator() -> None:
    kb = ns.default_kb()
    z = kb.therapies["zuranolone-therapy"]
    fda = z.status("FDA")
    assert fda is not None and (fda.status, fda.date) == ("approved", datetime.date(2023, 8, 4))
    current = [(e.regulator, e.status, e.condition) for e in z.statuses()]
    assert ("FDA", "approved", "postpartum-depression") in current
    assert ("FDA", "refused", "major-depressive-disorder") in current
    assert all(status != "label-change" for _, status, _ in current)
    assert kb.therapies["finasteride-therapy"].statuses() == ()
    assert kb.therapies["finasteride-therapy"].status("EMA") is None


def test_every_problem_in_one_pass(base_path: pathlib.Path) -> None:
    doc = yaml.safe_load(base_path.read_text())
    doc["compounds"][0]["colour"] = "red"
    doc["compounds"][0]["identifiers"] = ["foo:1", "cas:50-00-0"]
    doc["compounds"][2]["identifiers"] = ["cas:50-00-1"]
    del doc["compounds"][1]["name"]
    doc["compounds"][1]["formula"] = "not a formula"
    doc["effects"][0]["id"] = doc["compounds"][2]["id"]
    doc["reactions"][0]["enzyme"] = "enzyme-nope"
    got = {(d.code, d.path) for d in ns.validate(doc)}
    assert {
        ("unknown-field", "/compounds/0/colour"),
        ("pattern", "/compounds/1/formula"),
        ("missing-field", "/compounds/1"),
        ("duplicate-id", "/effects/0/id"),
        ("dangling-reference", "/reactions/0/enzyme"),
        ("unknown-prefix", "/compounds/0/identifiers/0"),
        ("check-digit", "/compounds/2/identifiers/0"),
    } <= got
