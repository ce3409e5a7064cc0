"""Conversion between the JSON shape of the schema and the value classes (the generated
`from_dict` methods are specialised per class; `to_dict` is shared)."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any


def _opt(make: Any, value: Any) -> Any:
    """`make(value)`, or `None` when the value is absent."""
    return None if value is None else make(value)


_date = datetime.date.fromisoformat


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
