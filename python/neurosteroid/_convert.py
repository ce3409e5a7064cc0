"""Conversion between the JSON shape of the schema and the value classes."""

from __future__ import annotations

import dataclasses
import datetime
import sys
from typing import Any, TypeVar

T = TypeVar("T")


def _class(name: str) -> Any:
    return getattr(sys.modules["neurosteroid._model"], name)


def _load(conv: str, value: Any) -> Any:
    if value is None:
        return None
    if conv == "date":
        return datetime.date.fromisoformat(value)
    if conv.startswith("obj:"):
        return _class(conv[4:]).from_dict(value)
    if conv.startswith("list"):
        inner = conv[5:]
        return tuple(_load(inner, v) for v in value) if inner else tuple(value)
    raise ValueError(f"unknown conversion {conv!r}")


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Builds a value object from its JSON shape."""
    convert: dict[str, str] = getattr(cls, "_CONVERT")
    rename: dict[str, str] = getattr(cls, "_RENAME")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = rename.get(f.name, f.name)
        if key not in data:
            continue
        value = data[key]
        conv = convert.get(f.name)
        if conv is not None:
            value = _load(conv, value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    return value


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON shape of a value object: empty lists, `None` and `False` defaults are left
    out, exactly as the Rust serialiser writes them."""
    rename: dict[str, str] = getattr(type(obj), "_RENAME")
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        is_default = f.default is not dataclasses.MISSING and value == f.default
        if is_default and (value is None or value == () or value is False):
            continue
        out[rename.get(f.name, f.name)] = _dump(value)
    return out
