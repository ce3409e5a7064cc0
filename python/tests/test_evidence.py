"""Every query answer states the direction of the evidence, groups by entity, orders by
strength of support, and can keep only what the evidence supports."""

from __future__ import annotations

from collections.abc import Callable

import neurosteroid as ns
import pytest

RANK = {"supports": 0, "mixed": 1, "insufficient": 2, "contradicts": 3}


Answer = ns.Linked | ns.Made | ns.Acting


def _queries(kb: ns.KnowledgeBase) -> list[tuple[str, Callable[..., list[Answer]], str]]:
    out: list[tuple[str, Callable[..., list[Answer]], str]] = []
    for c in kb.compounds:
        for name in ("conditions_linked", "effects_of", "raised_by", "lowered_by"):
            out.append((name, getattr(kb, name), c.id))
    for cond in kb.conditions:
        out.append(("therapies_for", kb.therapies_for, cond.id))
    # The family: what an enzyme (an activity, or a gene product with one) makes, what acts
    # on a receptor.
    for e in kb.enzymes:
        out.append(("made_by", kb.made_by, e.id))
    for g in kb.gene_products:
        if g.activities:
            out.append(("made_by", kb.made_by, g.id))
    for r in kb.receptors:
        out.append(("acting_on", kb.acting_on, r.id))
    return out


def test_every_answer_is_grouped_ordered_and_directed() -> None:
    kb = ns.default_kb()
    seen = 0
    for name, query, arg in _queries(kb):
        links = query(arg)
        ids = [l.entity.id for l in links]
        assert len(ids) == len(set(ids)), f"{name}({arg}) lists an entity twice: {ids}"
        ranks = [RANK[l.direction] for l in links]
        # `made_by` follows the chain (the enzyme's own products first), not support.
        assert name == "made_by" or ranks == sorted(ranks), f"{name}({arg}) not ordered by support"
        for l in links:
            seen += 1
            assert l.direction in str(l)
            indicated = isinstance(l, ns.Linked) and l.indicated
            if l.direction == "supports":
                assert indicated or any(c.direction == "supports" for c in l.claims), str(l)
            if l.claims and not indicated and all(c.direction == "contradicts" for c in l.claims):
                assert l.direction == "contradicts", str(l)
        for l in query(arg, supporting_only=True):
            assert l.supported
            assert all(c.direction == "supports" for c in l.claims), str(l)
    assert seen > 30


def test_supported_and_contradicted_claims_share_one_entry() -> None:
    kb = ns.default_kb()
    both = [
        l
        for l in kb.conditions_linked("allopregnanolone")
        if {"supports", "contradicts"} <= {c.direction for c in l.claims}
    ]
    assert both, "the data has a condition with supported and contradicted claims"
    for l in both:
        assert l.claims[0].direction == "supports" and l.claims[-1].direction == "contradicts"
    assert [l.entity.id for l in kb.raised_by("allo")].count("sleep-and-light") == 1


def test_failed_trial_is_not_a_therapy() -> None:
    kb = ns.default_kb()
    by_id = {l.entity.id: l for l in kb.therapies_for("PTSD")}
    assert by_id["ganaxolone-therapy"].direction == "contradicts"
    assert "ganaxolone-therapy" not in {l.entity.id for l in kb.therapies_for("PTSD", supporting_only=True)}


def test_bad_arguments_raise_type_error() -> None:
    kb = ns.default_kb()
    with pytest.raises(TypeError, match="str"):
        kb.conditions_linked(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bool"):
        kb.raised_by("allo", supporting_only="yes")  # type: ignore[arg-type]
