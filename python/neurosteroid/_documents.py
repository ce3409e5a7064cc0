"""A document given as text, bytes, plain data or a path, turned into bytes and a format."""

from __future__ import annotations

import datetime
import json
import math
import os
from typing import Any

from ._errors import Diagnostic, NeurosteroidIOError
from ._types import Format


def detect(text: bytes) -> Format:
    """JSON when the text starts with `{` or `[` (after white space and a byte-order mark),
    YAML otherwise."""
    head = text.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if head in (b"{", b"[") else "yaml"


def to_plain(value: Any, path: str, problems: list[Diagnostic]) -> Any:
    """A copy of `value` as plain JSON data: dates become ISO 8601 strings (what YAML
    loaders give for `as_of: 2026-11-27`); anything else that JSON can not represent is a
    `type` diagnostic at its own path."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            problems.append(Diagnostic("type", "error", path, f"{value!r} is not a JSON number", "use a finite number"))
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                problems.append(
                    Diagnostic(
                        "type", "error", path, f"the key {k!r} is a {type(k).__name__}, not a string", "use string keys"
                    )
                )
                continue
            out[k] = to_plain(v, f"{path}/{k.replace('~', '~0').replace('/', '~1')}", problems)
        return out
    if isinstance(value, (list, tuple)):
        return [to_plain(v, f"{path}/{i}", problems) for i, v in enumerate(value)]
    problems.append(
        Diagnostic(
            "type",
            "error",
            path,
            f"a {type(value).__name__} can not be part of a document",
            "use dicts, lists, strings, numbers, booleans, None and dates only",
        )
    )
    return None


def document_bytes(document: Any, format: Format | None, what: str) -> tuple[bytes, Format, list[Diagnostic]]:
    """The bytes and format of a document given as str, bytes, dict or Path."""
    if isinstance(document, os.PathLike):
        path = os.fspath(document)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            raise NeurosteroidIOError(f"{path}: {e.strerror or e}") from e
        suffix = os.path.splitext(str(path))[1].lower()
        return raw, format or ("yaml" if suffix in (".yaml", ".yml") else "json"), []
    if isinstance(document, (bytes, bytearray, memoryview)):
        raw = bytes(document)
        return raw, format or detect(raw), []
    if isinstance(document, str):
        stripped = document.strip()
        if (
            stripped
            and "\n" not in stripped
            and os.path.splitext(stripped)[1].lower() in (".json", ".yaml", ".yml")
            and ": " not in stripped
        ):
            raise TypeError(
                f"{what}() got the str {stripped!r}, which looks like a file name: "
                f"pass pathlib.Path({stripped!r}) (or use neurosteroid.load) to read a file"
            )
        raw = document.encode("utf-8", "surrogatepass")
        return raw, format or detect(raw), []
    plain_data = (dict, list, tuple, int, float, type(None)) if what == "validate" else (dict,)
    if isinstance(document, plain_data):
        # Plain data: a dict is a document; any other JSON value gets its `type` diagnostic.
        problems: list[Diagnostic] = []
        try:
            plain = to_plain(document, "", problems)
            return json.dumps(plain, allow_nan=True).encode(), "json", problems
        except RecursionError:
            deep = Diagnostic(
                "limit",
                "error",
                "",
                "the document is nested too deeply to be written as JSON",
                "flatten the document; knowledge-base documents need fewer than 10 levels",
            )
            return b"", "json", [deep]
    raise TypeError(f"{what}() takes a document as str, bytes, a dict or a pathlib.Path, not {type(document).__name__}")
