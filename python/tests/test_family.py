"""The family queries from Python: which compounds an enzyme makes, what acts on a receptor,
and the network around a route — on a small branching document and on the embedded data."""

from __future__ import annotations

import json
from typing import Any

import neurosteroid as ns
import pytest


def _doc() -> dict[str, Any]:
    def reaction(id_: str, s: str, p: str, e: str, iso: list[str]) -> dict[str, Any]:
        return {"id": id_, "name": id_, "substrate": s, "product": p, "enzyme": e, "isoforms": iso}

    def claim(id_: str, s: str, pred: str, o: str, grade: str, direction: str) -> dict[str, Any]:
        return {
            "id": id_,
            "statement": f"claim {id_}",
            "subject": s,
            "predicate": pred,
            "object": o,
            "grade": grade,
            "direction": direction,
            "sources": ["paper"],
        }

    return {
        "schema_version": "1.1.0",
        "as_of": "2026-01-31",
        "sources": [{"id": "paper", "kind": "journal-article", "title": "A paper"}],
        "compounds": [{"id": c, "name": f"Compound {c.upper()}"} for c in ("o", "p", "r5", "allo", "d", "thd")],
        "enzymes": [
            {"id": "ox", "name": "oxidase"},
            {"id": "red", "name": "steroid reductase"},
            {"id": "hsd", "name": "hydroxysteroid dehydrogenase"},
        ],
        "gene_products": [
            {"id": "red1", "name": "reductase 1", "symbol": "RED1", "activities": ["red"]},
            {"id": "hsd1", "name": "dehydrogenase 1", "symbol": "HSD1", "activities": ["hsd"]},
        ],
        "reactions": [
            reaction("o-p", "o", "p", "ox", []),
            reaction("p-r5", "p", "r5", "red", ["red1"]),
            reaction("r5-allo", "r5", "allo", "hsd", ["hsd1"]),
            reaction("p-d", "p", "d", "red", ["red1"]),
            reaction("d-thd", "d", "thd", "hsd", ["hsd1"]),
        ],
        "receptors": [
            {
                "id": "rec",
                "name": "Receptor R",
                "mechanisms": [{"ligand": "allo", "mode": "positive-allosteric-modulation", "claims": ["allo-acts"]}],
            }
        ],
        "claims": [
            claim("r5-precursor-allo", "r5", "precursor-of", "allo", "preclinical", "supports"),
            claim("d-precursor-thd", "d", "precursor-of", "thd", "preclinical", "contradicts"),
            claim("allo-acts", "allo", "acts-on", "rec", "preclinical", "supports"),
            claim("thd-acts", "thd", "acts-on", "rec", "clinical-observational", "contradicts"),
        ],
    }


def test_made_by_follows_the_chain_and_never_shows_a_contradiction_as_support() -> None:
    kb = ns.loads(_doc())
    made = kb.made_by("RED1")
    by_id = {m.entity.id: m for m in made}
    assert set(by_id) == {"r5", "d", "allo", "thd"}
    assert by_id["r5"].direct and not by_id["allo"].direct
    assert [r.id for r in by_id["allo"].steps] == ["p-r5", "r5-allo"]
    assert by_id["allo"].direction == "supports" and by_id["allo"].grade == "preclinical"
    assert by_id["thd"].direction == "contradicts" and not by_id["thd"].supported
    assert by_id["d"].direction == "insufficient" and by_id["d"].grade is None
    assert "contradicts" in str(by_id["thd"])
    assert all(isinstance(m, ns.Made) for m in made)
    # Direct products first.
    assert [m.direct for m in made] == sorted((m.direct for m in made), reverse=True)
    assert [m.entity.id for m in kb.made_by("steroid reductase", supporting_only=True)] == ["allo"]
    with pytest.raises(ns.WrongKindError):
        kb.made_by("allo")
    with pytest.raises(TypeError):
        kb.made_by(3)  # type: ignore[arg-type]


def test_acting_on_groups_ligands_with_their_direction() -> None:
    kb = ns.loads(_doc())
    acting = kb.acting_on("Receptor R")
    assert [(a.entity.id, a.direction) for a in acting] == [("allo", "supports"), ("thd", "contradicts")]
    assert acting[0].modes == ("positive-allosteric-modulation",)
    assert acting[0].receptor.id == "rec"
    assert [a.entity.id for a in kb.acting_on("rec", supporting_only=True)] == ["allo"]


def test_diagrams_draw_the_branches() -> None:
    kb = ns.loads(_doc())
    graph = json.loads(kb.pathway_diagram("allo", "node-link"))
    assert {n["id"] for n in graph["nodes"]} == {"o", "p", "r5", "allo", "d", "thd"}
    assert sum(1 for e in graph["edges"] if not e["on_route"]) == 2
    alone = json.loads(kb.pathway_diagram("allo", "node-link", branches=0))
    assert len(alone["nodes"]) == 4
    assert "-.->" in kb.pathway_diagram("allo", "mermaid", branches=1)
    with pytest.raises(ValueError):
        kb.pathway_diagram("allo", "mermaid", branches=-1)


def test_embedded_family_questions() -> None:
    kb = ns.default_kb()
    made = {m.entity.id: m for m in kb.made_by("5α-reductase")}
    assert made["5a-dihydroprogesterone"].direct
    assert not made["allopregnanolone"].direct
    for name in ("SRD5A1", "AKR1C2"):
        assert any(m.entity.id == "allopregnanolone" for m in kb.made_by(name)), name
    acting = kb.acting_on("δGABA-A receptor")
    allo = next(a for a in acting if a.entity.id == "allopregnanolone")
    assert "positive-allosteric-modulation" in allo.modes and allo.grade is not None
    assert [a.entity.id for a in kb.acting_on("GABRD")] == [a.entity.id for a in acting]
