"""The value objects that queries return: resolutions, search hits, routes and linked entities."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._model import (
    Claim,
    Compound,
    EnzymeActivity,
    EvidenceDirection,
    GeneProduct,
    Grade,
    Pathway,
    Reaction,
    Receptor,
)
from ._types import Entity


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a text names: the entity, how it matched, and related entities that share the
    name (a medicine's active compound)."""

    entity: Entity
    matched_by: str
    related: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result."""

    id: str
    kind: str
    name: str
    matched: str
    how: str
    score: float


@dataclass(frozen=True, slots=True)
class RouteStep:
    """One step of a biosynthesis route."""

    reaction: Reaction
    substrate: Compound
    product: Compound
    enzyme: EnzymeActivity
    isoforms: tuple[GeneProduct, ...] = ()
    regulators: tuple[GeneProduct, ...] = ()


@dataclass(frozen=True, slots=True)
class Route:
    """The biosynthesis route of a compound from its first precursor. `str(route)` is the
    same text the CLI prints."""

    target: Compound
    pathway: Pathway | None
    steps: tuple[RouteStep, ...]
    text: str = field(default="", repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    @property
    def compounds(self) -> tuple[Compound, ...]:
        """The compounds along the route, first precursor first."""
        if not self.steps:
            return (self.target,)
        return (self.steps[0].substrate, *(s.product for s in self.steps))


class _Evidenced:
    """What `Linked`, `Made` and `Acting` share: the overall direction of their evidence,
    and the one-line text the CLI prints."""

    __slots__ = ()
    direction: EvidenceDirection
    text: str

    @property
    def supported(self) -> bool:
        """True when the evidence supports the answer."""
        return self.direction == "supports"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Linked(_Evidenced):
    """One entity linked to a query, with every claim that links it and what the evidence
    says overall.

    `direction` is `"supports"`, `"mixed"`, `"insufficient"` or `"contradicts"`: a link the
    evidence contradicts (levels are *not* low in PMDD) is listed so that a reader knows the
    claim is made, but never as support. Answers are ordered by strength of support
    (direction, then grade); pass `supporting_only=True` to a query to keep only supported
    links and their supporting claims. `claims` are strongest support first; `indicated`
    is true when the condition is one of a medicine's recorded indications
    (`therapies_for`)."""

    entity: Entity
    direction: EvidenceDirection
    grade: Grade | None
    claims: tuple[Claim, ...]
    indicated: bool = False
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Made(_Evidenced):
    """One compound an enzyme makes (`KnowledgeBase.made_by`): `entity` is the compound,
    `direct` is true when one of the enzyme's own reactions makes it, `steps` the chain that
    makes it (the enzyme's step first). `direction`, `grade` and `claims` are those of the
    `precursor-of` claims from a compound of the chain to it (as in `Linked`); with no such
    claim the direction is `"insufficient"` and the grade `None`."""

    entity: Entity
    direction: EvidenceDirection
    grade: Grade | None
    claims: tuple[Claim, ...]
    direct: bool
    steps: tuple[Reaction, ...]
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Acting(_Evidenced):
    """One compound acting on a receptor (`KnowledgeBase.acting_on`): `entity` is the
    ligand, `receptor` the receptor, `modes` the recorded modes of action
    (`"positive-allosteric-modulation"`, ...); `direction`, `grade` and `claims` are those of
    every claim behind the action (as in `Linked`)."""

    entity: Entity
    receptor: Receptor
    direction: EvidenceDirection
    grade: Grade | None
    claims: tuple[Claim, ...]
    modes: tuple[str, ...]
    text: str = field(default="", repr=False, compare=False)
