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
    rename: dict[str, str] = type(obj)._RENAME
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        is_default = f.default is not dataclasses.MISSING and value == f.default
        if is_default and (value is None or value == () or value is False):
            continue
        out[rename.get(f.name, f.name)] = _dump(value)
    return out


def _statuses(history: Any) -> tuple[Any, ...]:
    """The current status with each regulator (and condition, where a decision names one):
    its latest event that sets a status. Label changes are history, not status. Oldest
    first. The same rule as `Therapy::statuses` in Rust."""
    latest: dict[tuple[str, str | None], Any] = {}
    for ev in history:
        if ev.status == "label-change":
            continue
        key = (ev.regulator, ev.condition)
        if key not in latest or ev.date >= latest[key].date:
            latest[key] = ev
    order = ("FDA", "EMA", "PMDA", "DEA", "manufacturer")
    return tuple(
        sorted(
            latest.values(), key=lambda e: (e.date, order.index(e.regulator) if e.regulator in order else len(order))
        )
    )


def _status(history: Any, regulator: str) -> Any:
    """The current status with one regulator (for the medicine as a whole; else its latest
    approval for any condition; else its latest decision), or `None`."""
    mine = [e for e in _statuses(history) if e.regulator == regulator]
    whole = [e for e in mine if e.condition is None]
    approved = [e for e in mine if e.status == "approved"]
    pick = whole or approved or mine
    return max(pick, key=lambda e: e.date) if pick else None
