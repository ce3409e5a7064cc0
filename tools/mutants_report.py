#!/usr/bin/env python3
"""Sum up one or more cargo-mutants runs: the score, a table by part of the code, the survivors.

    python3 tools/mutants_report.py mutants.out
    python3 tools/mutants_report.py --list all.txt runs/shard-*/mutants.out

Each argument is a cargo-mutants output folder (`mutants.out`, or a folder holding one). A run
split in shards (`make mutants MUTANTS_ARGS="--shard k/n --sharding round-robin -o DIR"`) is
summed up by passing every shard's folder; when a mutant appears in more than one, the last
folder given wins. With `--list FILE` (the output of `cargo mutants --list` with the run's own
arguments), the report also says how many mutants of the whole run are still to be tested.

The score is caught / (caught + missed), timeouts counted as caught and unviable mutants (they
do not compile) left out, as in docs/mutants.md.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

OUTCOMES = ("caught", "timeout", "missed", "unviable")
CORE = "crates/neurosteroid/src/"


def outcomes(folder: Path) -> dict[str, str]:
    """The outcome of each mutant named in one cargo-mutants output folder."""
    if not (folder / "caught.txt").exists() and (folder / "mutants.out").is_dir():
        folder = folder / "mutants.out"
    if not (folder / "caught.txt").exists():
        raise SystemExit(f"{folder}: not a cargo-mutants output folder (no caught.txt)")
    found: dict[str, str] = {}
    for outcome in OUTCOMES:
        path = folder / f"{outcome}.txt"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    found[line.strip()] = outcome
    return found


def part(mutant: str) -> str:
    """The part of the code a mutant is in: a core module folder (`validate/`) or file."""
    path = mutant.split(":", 1)[0]
    if path.startswith(CORE):
        rest = path[len(CORE) :]
        return rest.split("/", 1)[0] + "/" if "/" in rest else rest
    return path


def report(results: dict[str, str], planned: list[str] | None) -> str:
    by_part: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for mutant, outcome in results.items():
        by_part[part(mutant)][outcome] += 1
    lines = [
        "| part | tested | caught | timeouts | missed | unviable | score |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total: collections.Counter[str] = collections.Counter()
    for name in sorted(by_part):
        counts = by_part[name]
        total.update(counts)
        lines.append(row(f"`{name}`", counts))
    lines.append(row("**all**", total))
    lines.append("")
    if planned is not None:
        missing = [m for m in planned if m not in results]
        lines.append(f"{len(planned) - len(missing)} of the run's {len(planned)} mutants tested, {len(missing)} to go.")
        lines.append("")
    survivors = sorted(m for m, o in results.items() if o == "missed")
    lines.append(f"Survivors ({len(survivors)}):")
    lines.extend(f"- {m}" for m in survivors)
    return "\n".join(lines)


def row(name: str, counts: collections.Counter[str]) -> str:
    caught = counts["caught"] + counts["timeout"]
    viable = caught + counts["missed"]
    score = f"{100 * caught / viable:.1f}%" if viable else "–"
    tested = sum(counts.values())
    return (
        f"| {name} | {tested} | {counts['caught']} | {counts['timeout']} | {counts['missed']} "
        f"| {counts['unviable']} | {score} |"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path, help="cargo-mutants output folders")
    parser.add_argument("--list", type=Path, help="every mutant of the run (`cargo mutants --list`)")
    args = parser.parse_args(argv)
    results: dict[str, str] = {}
    for folder in args.folders:
        results.update(outcomes(folder))
    planned = None
    if args.list is not None:
        planned = [line.strip() for line in args.list.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(report(results, planned))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
