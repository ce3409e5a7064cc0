"""The Python API: loading, value objects, errors, pickling, threads."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import pathlib
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import neurosteroid as ns
import pytest


@pytest.fixture(scope="module")
def kb(base_path: pathlib.Path) -> ns.KnowledgeBase:
    return ns.load(base_path)


def test_the_package_namespace_is_the_public_api() -> None:
    """`dir(neurosteroid)` lists what `__all__` exports, and nothing the implementation
    imports (`Any`, `json`, `threading`, ...) leaks into it."""
    public = {n for n in dir(ns) if not n.startswith("_")}
    assert public == {n for n in ns.__all__ if not n.startswith("_")}
    for name in ns.__all__:
        assert hasattr(ns, name), name
    for leaked in ("Any", "annotations", "dataclass", "datetime", "json", "os", "threading"):
        assert leaked not in public


def test_every_generated_model_class_is_exported() -> None:
    """The package re-exports the generated model (`_model.__all__`): a new entity kind is
    `neurosteroid.<Class>` without an edit to `__init__.py`."""
    from neurosteroid import _model

    for cls in _model.ENTITY_CLASSES.values():
        assert getattr(ns, cls.__name__) is cls
        assert cls.__name__ in ns.__all__
    for name in _model.__all__:
        assert getattr(ns, name) is getattr(_model, name), name
    assert len(ns.__all__) == len(set(ns.__all__))


def test_version_matches_the_crate(root: pathlib.Path) -> None:
    cargo = (root / "Cargo.toml").read_text()
    assert f'version = "{ns.__version__}"' in cargo


def test_default_kb_is_cached_and_valid() -> None:
    kb = ns.default_kb()
    assert kb is ns.default_kb()
    assert kb.validate() == []
    assert isinstance(kb.as_of, datetime.date)


def test_collections_are_lazy_read_only_sequences(kb: ns.KnowledgeBase) -> None:
    compounds = kb.compounds
    assert len(compounds) == 3
    assert compounds[-1] == compounds[2]
    assert [c.id for c in compounds[:2]] == ["compound-a", "compound-b"]
    with pytest.raises(IndexError):
        compounds[3]
    assert not hasattr(compounds, "append")


def test_entities_are_immutable_values(kb: ns.KnowledgeBase) -> None:
    c = kb.get("compound-a")
    assert isinstance(c, ns.Compound)
    assert c.identifiers == ("cas:50-00-0",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.name = "x"  # type: ignore[misc]
    assert c == kb.compounds[0] and hash(c) == hash(kb.compounds[0])
    assert pickle.loads(pickle.dumps(c)) == c
    assert copy.deepcopy(c) == c
    assert eval(repr(c), vars(ns)) == c  # the repr can be pasted back


def test_to_dict_is_exactly_the_document_shape(kb: ns.KnowledgeBase, base_path: pathlib.Path) -> None:
    doc = json.loads(base_path.read_text())
    for name in ("compounds", "therapies", "claims", "receptors", "fact_sheets", "reactions", "sources"):
        assert [e.to_dict() for e in getattr(kb, name)] == doc[name]
    assert kb.get("therapy-t").status_history[0].date == datetime.date(2019, 3, 19)  # type: ignore[union-attr]


def test_round_trip_pickle_deepcopy_equality(kb: ns.KnowledgeBase) -> None:
    again = ns.loads(kb.to_json())
    assert again == kb and hash(again) == hash(kb)
    assert pickle.loads(pickle.dumps(kb)) == kb
    assert copy.deepcopy(kb) is kb
    assert ns.loads(kb.to_json(indent=True).encode()) == kb
    with pytest.raises(AttributeError):
        kb.x = 1  # type: ignore[attr-defined]


def test_resolution_normalises_names(kb: ns.KnowledgeBase) -> None:
    assert kb.resolve("5alpha-CA").entity.id == "compound-a"
    assert kb.resolve("5a ca").entity.id == "compound-a"
    assert kb.resolve("CAS:50-00-0").matched_by == "identifier"
    assert kb.resolve("compund a").matched_by == "fuzzy"
    r = kb.resolve("Brand T")
    assert r.entity.id == "therapy-t"


def test_errors_form_one_tree() -> None:
    kb = ns.default_kb()
    with pytest.raises(ns.NotFoundError) as nf:
        kb.get("no-such-thing-at-all")
    assert isinstance(nf.value, KeyError) and isinstance(nf.value, ns.NeurosteroidError)
    with pytest.raises(ns.ValidationError) as ve:
        ns.loads(b"\xff\xfe")
    assert isinstance(ve.value, ValueError)
    assert ve.value.diagnostics[0].code == "encoding"
    restored = pickle.loads(pickle.dumps(ve.value))
    assert restored.diagnostics == ve.value.diagnostics and str(restored) == str(ve.value)
    with pytest.raises(ns.NeurosteroidIOError):
        ns.load("/no/such/file.json")
    with pytest.raises(ValueError):
        ns.loads("{}", level="everything")  # type: ignore[arg-type]


def test_validate_never_raises_on_bad_content() -> None:
    for bad in (b"", b"[", "\ud800", {"a": float("nan")}, [], 5, b"\x00" * 10):
        diags = ns.validate(bad)
        assert diags and all(isinstance(d, ns.Diagnostic) for d in diags)


def test_queries(kb: ns.KnowledgeBase) -> None:
    route = kb.biosynthesis("compound-c")
    assert [c.id for c in route.compounds] == ["compound-a", "compound-b", "compound-c"]
    assert route.steps[0].isoforms[0].symbol == "GENEX1"
    assert "Compound A → Compound B → Compound C" in str(route)
    assert [l.entity.id for l in kb.raised_by("compound-c")] == ["strategy-z"]
    assert [(l.entity.id, l.direction, l.indicated) for l in kb.therapies_for("Condition K")] == [
        ("therapy-t", "supports", True)
    ]
    hits = kb.search("compond", limit=3)
    assert hits and hits[0].id.startswith("compound")


def test_json_schema_is_the_committed_file(root: pathlib.Path) -> None:
    assert ns.json_schema() == json.loads((root / "schema" / "knowledge-base.schema.json").read_text())


def test_threads_share_one_knowledge_base(kb: ns.KnowledgeBase) -> None:
    def work(i: int) -> str:
        return kb.resolve("compound c").entity.id + str(len(kb.search("comp")))

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(200)))
    assert len(set(results)) == 1


_COLD_RACE = """
import threading
import neurosteroid as ns
from neurosteroid import _kb

assert _kb._default is None, "the cache is already warm"
start = threading.Barrier(8)
seen = []


def take():
    start.wait()
    seen.append(ns.default_kb())


threads = [threading.Thread(target=take) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(seen), len({id(k) for k in seen}))
"""


def test_default_kb_loads_once_under_threads() -> None:
    # In a fresh interpreter, so that the cache is cold when eight threads ask at once (in
    # this process an earlier test has already loaded it).
    run = subprocess.run([sys.executable, "-c", _COLD_RACE], check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["8", "1"], "eight threads, one knowledge base"


def _load_in_child(text: str) -> str:
    return ns.loads(text).compounds[0].id


def test_multiprocessing(kb: ns.KnowledgeBase) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        assert pool.map(_load_in_child, [kb.to_json()] * 2) == ["compound-a"] * 2
        assert pool.apply(pickle.loads, (pickle.dumps(kb),)) == kb
