"""Prints a `kgx validate` report grouped: one line per level and error type with its count,
then up to three example messages. The report is the JSON object (level -> error type ->
message -> [ids]) that `kgx validate` writes to standard error among its log lines."""

from __future__ import annotations

import json
import sys


def summarise(report: dict[str, dict[str, dict[str, list[str]]]]) -> str:
    if not report:
        return "kgx validate: 0 errors, 0 warnings"
    lines = []
    for level, types in sorted(report.items()):
        for error_type, messages in sorted(types.items()):
            count = sum(len(ids) for ids in messages.values())
            lines.append(f"{level} {error_type}: {count} in {len(messages)} distinct message(s)")
            for message in sorted(messages)[:3]:
                lines.append(f"    e.g. {message}")
    return "\n".join(lines)


def read_report(path: str) -> dict[str, dict[str, dict[str, list[str]]]]:
    """The JSON object among the log lines (`{}` when there is none)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    starts = [i for i, line in enumerate(lines) if line == "{"]
    ends = [i for i, line in enumerate(lines) if line == "}"]
    if not starts or not ends:
        return {}
    report: dict[str, dict[str, dict[str, list[str]]]] = json.loads("\n".join(lines[starts[0] : ends[-1] + 1]))
    return report


if __name__ == "__main__":
    print(summarise(read_report(sys.argv[1])))
