"""`KnowledgeBase`, and the functions that make one: `load`, `loads`, `default_kb`."""

from __future__ import annotations

import datetime
import importlib
import json
import os
import threading
from typing import Any, Literal, overload

from . import _native
from ._collection import Collection
from ._documents import document_bytes
from ._errors import Diagnostic, NeurosteroidError, NotFoundError, ValidationError
from ._model import (
    ENTITY_CLASSES,
    CoverageEntry,
    KnowledgeBaseCollections,
)
from ._results import Acting, Linked, Made, Resolution, Route, RouteStep, SearchHit
from ._types import DiagramFormat, Entity, ExportFormat, Format, Level, SheetFormat

_COLLECTIONS = tuple(ENTITY_CLASSES)


class KnowledgeBase(KnowledgeBaseCollections):
    """A validated knowledge base. Immutable: collections are read-only, lazy sequences;
    entities are immutable value objects. Compares by content, hashes, pickles."""

    __slots__ = ("__weakref__", "_cache", "_coverage", "_kb")

    _kb: _native.NativeKnowledgeBase
    _cache: dict[tuple[str, int], Any]
    _coverage: tuple[CoverageEntry, ...] | None

    def __init__(self, native: Any = None) -> None:
        if not isinstance(native, _native.NativeKnowledgeBase):
            raise TypeError(
                "KnowledgeBase is not built directly: use neurosteroid.load(path), "
                "neurosteroid.loads(text_or_dict) or neurosteroid.default_kb()"
            )
        object.__setattr__(self, "_kb", native)
        # Entities are immutable, so each is made once, when first touched.
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_coverage", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("KnowledgeBase is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("KnowledgeBase is immutable")

    def _collection(self, name: str) -> Collection[Any]:
        return Collection(self, name)

    def _at(self, collection: str, index: int) -> Any:
        key = (collection, index)
        found = self._cache.get(key)
        if found is None:
            found = ENTITY_CLASSES[collection].from_dict(json.loads(self._kb.entity_json(collection, index)))
            self._cache[key] = found
        return found

    @property
    def coverage(self) -> tuple[CoverageEntry, ...]:
        """For each statement of a source article, what represents it."""
        # Made once, from the coverage table alone (not the whole document).
        if self._coverage is None:
            entries = tuple(CoverageEntry.from_dict(c) for c in json.loads(self._kb.coverage_json()))
            object.__setattr__(self, "_coverage", entries)
        return self._coverage  # type: ignore[return-value]

    @property
    def as_of(self) -> datetime.date:
        """The date the content was last checked."""
        return datetime.date.fromisoformat(self._kb.header()[0])

    @property
    def schema_version(self) -> str:
        """The format version of the document."""
        return self._kb.header()[1]

    _MISSING: Any = object()

    def get(self, id: str, default: Any = _MISSING) -> Entity:
        """The entity with this id. Raises `NotFoundError` (with suggestions) when there is
        none, unless a default is given."""
        if not isinstance(id, str):
            raise TypeError(f"ids are str, got {type(id).__name__}")
        found = self._kb.locate(id)
        if found is None:
            if default is not KnowledgeBase._MISSING:
                return default  # type: ignore[no-any-return]
            hits = self.search(id, 3)
            suggestions = [h.id for h in hits]
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            raise NotFoundError(f"no entity has the id {id!r}{hint}", id, suggestions)
        return self._at(*found)  # type: ignore[no-any-return]

    def __getitem__(self, id: str) -> Entity:
        return self.get(id)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self._kb.locate(id) is not None

    def resolve(self, text: str) -> Resolution:
        """Resolves free text (name, synonym, abbreviation, brand, gene symbol, CURIE in any
        prefix case, Greek letters spelled or not, small typos) to one entity. Raises
        `NotFoundError` or `AmbiguousError`."""
        if not isinstance(text, str):
            raise TypeError(f"resolve takes a name or id (str), got {type(text).__name__}")
        collection, index, how, related = self._kb.resolve(text)
        return Resolution(self._at(collection, index), how, tuple(self._at(c, i) for c, i in related))

    def search(self, text: str, limit: int = 10) -> list[SearchHit]:
        """Ranked matches over names, synonyms and identifiers, with typo tolerance."""
        if not isinstance(text, str):
            raise TypeError(f"search text is a str, got {type(text).__name__}")
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise TypeError(f"limit is an int, got {type(limit).__name__}")
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, got {limit}")
        limit = min(limit, 2**32)
        return [SearchHit(**h) for h in json.loads(self._kb.search_json(text, limit))]

    def biosynthesis(self, compound: str) -> Route:
        """The biosynthesis route of a compound, from its first precursor, with the
        activity and isoforms of each step."""
        data = json.loads(self._kb.biosynthesis_json(compound))
        text = self._kb.biosynthesis_text(compound)
        steps = tuple(
            RouteStep(
                reaction=self.get(s["reaction"]),  # type: ignore[arg-type]
                substrate=self.get(s["substrate"]["id"]),  # type: ignore[arg-type]
                product=self.get(s["product"]["id"]),  # type: ignore[arg-type]
                enzyme=self.get(s["enzyme"]["id"]),  # type: ignore[arg-type]
                isoforms=tuple(self.get(g["id"]) for g in s["isoforms"]),  # type: ignore[misc]
                regulators=tuple(self.get(g["id"]) for g in s["regulators"]),  # type: ignore[misc]
            )
            for s in data["steps"]
        )
        pathway = self.get(data["pathway"]["id"]) if data["pathway"] else None
        return Route(self.get(data["target"]["id"]), pathway, steps, text)  # type: ignore[arg-type]

    def _linked(self, query: str, text: str, supporting_only: bool) -> list[Linked]:
        if not isinstance(text, str):
            raise TypeError(f"expected a name or id (str), got {type(text).__name__}")
        if not isinstance(supporting_only, bool):
            raise TypeError(f"supporting_only must be a bool, got {type(supporting_only).__name__}")
        return [
            Linked(self.get(entity), direction, grade, tuple(self.get(c) for c in claims), indicated, text_)  # type: ignore[arg-type, misc]
            for entity, direction, grade, indicated, claims, text_ in self._kb.linked(query, text, supporting_only)
        ]

    def _check_query(self, text: object, supporting_only: object) -> None:
        if not isinstance(text, str):
            raise TypeError(f"expected a name or id (str), got {type(text).__name__}")
        if not isinstance(supporting_only, bool):
            raise TypeError(f"supporting_only must be a bool, got {type(supporting_only).__name__}")

    def made_by(self, enzyme: str, *, supporting_only: bool = False) -> list[Made]:
        """Which compounds an enzyme makes: named as an activity (`"5α-reductase"`, `"3α-HSD"`)
        or a gene product (`"SRD5A1"`, `"AKR1C2"`). Its own products first (`direct`), then
        the compounds further down that need them; each with the direction and grade of the
        `precursor-of` claims behind it. A contradicted claim is never shown as support."""
        self._check_query(enzyme, supporting_only)
        return [
            Made(
                entity=self.get(entity),
                direction=direction,  # type: ignore[arg-type]
                grade=grade,  # type: ignore[arg-type]
                claims=tuple(self.get(c) for c in claims),  # type: ignore[misc]
                direct=direct,
                steps=tuple(self.get(r) for r in reactions),  # type: ignore[misc]
                text=text_,
            )
            for direct, reactions, (entity, direction, grade, _, claims, text_) in self._kb.made_by(
                enzyme, supporting_only
            )
        ]

    def acting_on(self, receptor: str, *, supporting_only: bool = False) -> list[Acting]:
        """What acts on a receptor (or, named by a subunit's gene such as `"GABRD"`, on the
        receptors built with it): one `Acting` per ligand and receptor, with the modes of
        action and the direction and grade of every claim behind them, strongest support
        first."""
        self._check_query(receptor, supporting_only)
        return [
            Acting(
                entity=self.get(entity),
                receptor=self.get(rec),  # type: ignore[arg-type]
                direction=direction,  # type: ignore[arg-type]
                grade=grade,  # type: ignore[arg-type]
                claims=tuple(self.get(c) for c in claims),  # type: ignore[misc]
                modes=tuple(modes),
                text=text_,
            )
            for rec, modes, (entity, direction, grade, _, claims, text_) in self._kb.acting_on(
                receptor, supporting_only
            )
        ]

    def conditions_linked(self, compound: str, *, supporting_only: bool = False) -> list[Linked]:
        """Conditions linked to low or altered levels of a compound: one `Linked` per
        condition, with the direction of the evidence, strongest support first."""
        return self._linked("conditions", compound, supporting_only)

    def effects_of(self, compound: str, *, supporting_only: bool = False) -> list[Linked]:
        """Effects of a compound: one `Linked` per effect, strongest support first."""
        return self._linked("effects", compound, supporting_only)

    def raised_by(self, compound: str, *, supporting_only: bool = False) -> list[Linked]:
        """Therapies and strategies claimed to raise a compound's level: one `Linked` per
        medicine or strategy, strongest support first."""
        return self._linked("raised_by", compound, supporting_only)

    def lowered_by(self, compound: str, *, supporting_only: bool = False) -> list[Linked]:
        """Medicines and factors claimed to lower a compound's level: one `Linked` each,
        strongest support first."""
        return self._linked("lowered_by", compound, supporting_only)

    def therapies_for(self, condition: str, *, supporting_only: bool = False) -> list[Linked]:
        """Medicines indicated for, or claimed to treat, a condition: one `Linked` per
        medicine (`indicated` for a recorded indication), strongest support first. A
        medicine a trial found not to work has the direction `"contradicts"`."""
        return self._linked("therapies_for", condition, supporting_only)

    def summary(self, name: str) -> str:
        """A plain-text summary of an entity (the CLI's `show`)."""
        return self._kb.summary(name)

    def render(self, name: str, format: SheetFormat = "markdown") -> str:
        """The fact sheet of an entity as Markdown, a self-contained HTML page, or
        schema.org JSON-LD (`format="jsonld"`)."""
        return self._kb.render(name, format)

    def render_all(self, format: SheetFormat = "markdown") -> str:
        """Every fact sheet of the knowledge base, rendered into one document."""
        return self._kb.render_all(format)

    @overload
    def export(self, format: Literal["kgx", "sbml"]) -> dict[str, str]: ...
    @overload
    def export(self, format: Literal["turtle", "ntriples", "shacl", "sssom"]) -> str: ...
    def export(self, format: ExportFormat) -> str | dict[str, str]:
        """The whole knowledge base in an interchange format: `kgx` (Biolink KGX: a dict of
        `nodes.jsonl`, `edges.jsonl`, `nodes.tsv`, `edges.tsv`), `turtle`, `ntriples`,
        `shacl` (the shapes of the RDF), `sbml` (a dict: one SBML model per pathway) or
        `sssom` (the curated cross-references)."""
        return self._kb.export(format)

    def pathway_diagram(self, compound: str, format: DiagramFormat = "mermaid", *, branches: int | None = None) -> str:
        """The biosynthesis route drawn as text, JSON, Mermaid, Graphviz DOT, a node-link
        graph (JSON) or SVG, with its branches (steps from and into the route's compounds)
        up to `branches` steps off the route (default 2; 0 draws the route alone)."""
        if branches is None:
            return self._kb.pathway_diagram(compound, format)
        if isinstance(branches, bool) or not isinstance(branches, int) or branches < 0:
            raise ValueError(f"branches must be a whole number of steps (0 or more), not {branches!r}")
        return self._kb.pathway_network(compound, format, branches)

    def pathway_graph(self, compound: str) -> dict[str, Any]:
        """The biosynthesis route as a node-link dict (NetworkX's `node_link_data` shape)."""
        return json.loads(self._kb.pathway_diagram(compound, "node-link"))  # type: ignore[no-any-return]

    def to_networkx(self, compound: str) -> Any:
        """The biosynthesis route as a `networkx.DiGraph` (needs the optional `networkx`)."""
        try:
            nx: Any = importlib.import_module("networkx")
        except ImportError as e:
            raise NeurosteroidError("to_networkx needs networkx: pip install 'neurosteroid[networkx]'") from e
        return nx.node_link_graph(self.pathway_graph(compound), directed=True, multigraph=False, edges="edges")

    def validate(self) -> list[Diagnostic]:
        """Warnings found when the document was validated (errors would have raised)."""
        return [Diagnostic.from_dict(d) for d in self._kb.warnings()]

    def to_dict(self) -> dict[str, Any]:
        """The whole document as plain Python data, in the schema's shape."""
        return json.loads(self._kb.to_json())  # type: ignore[no-any-return]

    def to_json(self, *, indent: bool = False) -> str:
        """The whole document as JSON."""
        return self._kb.to_json_pretty() if indent else self._kb.to_json()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeBase):
            return NotImplemented
        return self._kb.same_as(other._kb)

    def __hash__(self) -> int:
        return hash(self._kb.to_json())

    def __reduce__(self) -> tuple[Any, ...]:
        # Loaded again at the level it was loaded at: a document accepted at `schema`
        # level may not pass `full`.
        return (_restore, (self._kb.to_json(), self._kb.level()))

    def __copy__(self) -> KnowledgeBase:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> KnowledgeBase:
        return self

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={self._kb.count(n)}" for n in _COLLECTIONS if self._kb.count(n))
        # The date as written: at level `schema` it may be one that does not exist.
        return f"<KnowledgeBase as_of={self._kb.header()[0]} {counts}>"


_default: KnowledgeBase | None = None
_default_lock = threading.Lock()


def default_kb() -> KnowledgeBase:
    """The embedded, curated knowledge base (loaded once per process)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = KnowledgeBase(_native.NativeKnowledgeBase.embedded())
    return _default


def _restore(data: str, level: Level) -> KnowledgeBase:
    return loads(data, level=level)


def loads(data: str | bytes | dict[str, Any], *, format: Format | None = None, level: Level = "full") -> KnowledgeBase:
    """Parses and validates a document: JSON or YAML text (detected, or named by
    `format`), or a dict (as from `json.load` or `yaml.safe_load`; dates are accepted).
    Raises `ValidationError` with every diagnostic when it is invalid, `TypeError` for any
    other type."""
    if isinstance(data, os.PathLike):
        raise TypeError("loads() takes the document itself; use neurosteroid.load(path) for a file")
    raw, fmt, problems = document_bytes(data, format, "loads")
    if problems:
        raise ValidationError("\n".join(str(p) for p in problems), problems)
    return KnowledgeBase(_native.NativeKnowledgeBase.parse(raw, fmt, level))


def load(path: str | os.PathLike[str], *, level: Level = "full") -> KnowledgeBase:
    """Reads, parses and validates a file (`.yaml`/`.yml` as YAML, anything else JSON), or a
    folder holding a knowledge base in many files (`knowledge-base.yaml` and one file per
    entity under a folder per collection; each diagnostic then names its `file`). A file
    over the size limit is refused before it is read."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load() takes a path (str or os.PathLike), not {type(path).__name__}; use loads() for text")
    return KnowledgeBase(_native.NativeKnowledgeBase.load_path(os.fspath(path), level))


def validate(document: Any, *, level: Level = "full", format: Format | None = None) -> list[Diagnostic]:
    """Every diagnostic (errors and warnings) of a document given as a dict (as from
    `json.load` or `yaml.safe_load`, dates accepted), JSON or YAML text (str or bytes; the
    syntax is detected unless `format` names it), or a `pathlib.Path` to read. Never raises
    on bad content; raises `TypeError` for an argument of another type, or a str that looks
    like a file name."""
    raw, fmt, problems = document_bytes(document, format, "validate")
    if problems:
        return problems
    return [Diagnostic.from_dict(d) for d in _native.validate(raw, fmt, level)]


def json_schema() -> dict[str, Any]:
    """The knowledge-base JSON Schema (identical to `schema/knowledge-base.schema.json`)."""
    return json.loads(_native.json_schema())  # type: ignore[no-any-return]
