"""Typed, validated, queryable knowledge about neurosteroids, with evidence attached to
every claim.

>>> import neurosteroid as ns
>>> kb = ns.default_kb()
>>> kb.resolve("5alpha-DHP").entity.name
'5α-dihydroprogesterone'
"""

# Imports and `__all__` only: the implementation lives in the private modules.
from . import _native
from ._collection import Collection
from ._errors import (
    AmbiguousError,
    Diagnostic,
    NeurosteroidError,
    NeurosteroidIOError,
    NotFoundError,
    ValidationError,
    WrongKindError,
)
from ._kb import KnowledgeBase, default_kb, json_schema, load, loads, validate
from ._model import (
    Claim,
    Compound,
    Condition,
    CoverageEntry,
    Effect,
    EnzymeActivity,
    EvidenceDirection,
    FactSheet,
    GeneProduct,
    Grade,
    Pathway,
    Reaction,
    Receptor,
    Site,
    Source,
    Strategy,
    Therapy,
)
from ._results import Acting, Linked, Made, Resolution, Route, RouteStep, SearchHit
from ._types import DiagramFormat, Entity, ExportFormat, Format, Level, SheetFormat

__version__: str = _native.version()

__all__ = [
    "Acting",
    "AmbiguousError",
    "Claim",
    "Collection",
    "Compound",
    "Condition",
    "CoverageEntry",
    "Diagnostic",
    "DiagramFormat",
    "Effect",
    "Entity",
    "EnzymeActivity",
    "EvidenceDirection",
    "ExportFormat",
    "FactSheet",
    "Format",
    "GeneProduct",
    "Grade",
    "KnowledgeBase",
    "Level",
    "Linked",
    "Made",
    "NeurosteroidError",
    "NeurosteroidIOError",
    "NotFoundError",
    "Pathway",
    "Reaction",
    "Receptor",
    "Resolution",
    "Route",
    "RouteStep",
    "SearchHit",
    "SheetFormat",
    "Site",
    "Source",
    "Strategy",
    "Therapy",
    "ValidationError",
    "WrongKindError",
    "__version__",
    "default_kb",
    "json_schema",
    "load",
    "loads",
    "validate",
]
