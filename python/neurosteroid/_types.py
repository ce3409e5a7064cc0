"""The type aliases of the public API: any entity, and the names of levels and formats."""

from typing import Literal, TypeAlias

from ._model import (
    Claim,
    Compound,
    Condition,
    Effect,
    EnzymeActivity,
    FactSheet,
    GeneProduct,
    Pathway,
    Reaction,
    Receptor,
    Site,
    Source,
    Strategy,
    Therapy,
)

Entity = (
    Source
    | Compound
    | EnzymeActivity
    | GeneProduct
    | Reaction
    | Pathway
    | Receptor
    | Site
    | Effect
    | Condition
    | Therapy
    | Strategy
    | Claim
    | FactSheet
)
"""Any entity of a knowledge base."""

Level: TypeAlias = Literal["schema", "full"]
Format: TypeAlias = Literal["json", "yaml"]
SheetFormat: TypeAlias = Literal["markdown", "html", "jsonld"]
DiagramFormat: TypeAlias = Literal["text", "json", "mermaid", "dot", "node-link", "svg"]
ExportFormat: TypeAlias = Literal["kgx", "turtle", "ntriples", "shacl", "sbml", "sssom"]
