"""The type aliases of the public API: any entity, and the names of levels and formats."""

from typing import Literal, TypeAlias

from ._model import Entity

__all__ = ["DiagramFormat", "Entity", "ExportFormat", "Format", "Level", "SheetFormat"]

Level: TypeAlias = Literal["schema", "full"]
Format: TypeAlias = Literal["json", "yaml"]
SheetFormat: TypeAlias = Literal["markdown", "html", "jsonld"]
DiagramFormat: TypeAlias = Literal["text", "json", "mermaid", "dot", "node-link", "svg"]
ExportFormat: TypeAlias = Literal["kgx", "turtle", "ntriples", "shacl", "sbml", "sssom"]
