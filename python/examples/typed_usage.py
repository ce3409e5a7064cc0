"""A typed use of the package, checked with `mypy --strict` in CI."""

from __future__ import annotations

import neurosteroid as ns


def grades_of_linked_conditions(kb: ns.KnowledgeBase, compound: str) -> dict[str, str]:
    """Condition name -> the direction and grade of the evidence linking it to the compound."""
    return {link.entity.label: f"{link.direction} ({link.grade})" for link in kb.conditions_linked(compound)}


def isoform_symbols(kb: ns.KnowledgeBase, compound: str) -> list[str]:
    """Gene symbols of every isoform on the biosynthesis route."""
    route: ns.Route = kb.biosynthesis(compound)
    return [g.symbol for step in route.steps for g in step.isoforms]


def first_error(document: dict[str, object]) -> ns.Diagnostic | None:
    """The first error-severity diagnostic of a document, if any."""
    return next((d for d in ns.validate(document) if d.severity == "error"), None)


if __name__ == "__main__":
    kb = ns.default_kb()
    print(isoform_symbols(kb, "allopregnanolone"))
    print(grades_of_linked_conditions(kb, "allopregnanolone"))
    print(first_error({"schema_version": "1.0.0"}))
