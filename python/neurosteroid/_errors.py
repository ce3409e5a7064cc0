"""The exception tree. Every error this package raises is a `NeurosteroidError`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a document: what (`code`, `message`), where (`path`, a JSON Pointer;
    `line` and `column` when parsed from text; `file`, relative to the folder, for a
    knowledge base in many files) and how to fix it (`hint`)."""

    code: str
    severity: Literal["error", "warning"]
    path: str
    message: str
    hint: str | None = None
    line: int | None = None
    column: int | None = None
    file: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """Builds a diagnostic from its dict form."""
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """The dict form (the same keys as the CLI's JSON output, line/column flattened)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
            "line": self.line,
            "column": self.column,
            "file": self.file,
        }

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        if self.file is not None:
            where = f"{self.file}:{where}" if where else f"{self.file}: "
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{self.severity}[{self.code}] at {self.path or '/'}: {self.message}{hint}"


class NeurosteroidError(Exception):
    """Base class of every error raised by this package."""


class ValidationError(NeurosteroidError, ValueError):
    """A document is invalid. `diagnostics` lists every problem found."""

    diagnostics: list[Diagnostic]

    def __init__(self, message: str, diagnostics: list[Any] | None = None) -> None:
        super().__init__(message, diagnostics or [])
        self.diagnostics = [d if isinstance(d, Diagnostic) else Diagnostic.from_dict(d) for d in diagnostics or []]

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.args[0], [d.to_dict() for d in self.diagnostics]))


class NotFoundError(NeurosteroidError, KeyError):
    """Nothing matches a name or id. `suggestions` lists close names."""

    query: str
    suggestions: list[str]

    def __init__(self, message: str, query: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__(message, query, suggestions or [])
        self.query = query
        self.suggestions = list(suggestions or [])

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousError(NeurosteroidError, LookupError):
    """A name matches several unrelated entities. `candidates` lists their ids."""

    query: str
    candidates: list[str]

    def __init__(self, message: str, query: str = "", candidates: list[str] | None = None) -> None:
        super().__init__(message, query, candidates or [])
        self.query = query
        self.candidates = list(candidates or [])

    def __str__(self) -> str:
        return str(self.args[0])


class WrongKindError(NeurosteroidError, TypeError):
    """An entity was found but is of the wrong kind for the query."""


class NeurosteroidIOError(NeurosteroidError, OSError):
    """A file could not be read."""
