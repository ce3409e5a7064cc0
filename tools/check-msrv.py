#!/usr/bin/env python3
"""Checks the minimum Rust version each crate declares (`rust-version`) against the crates it
builds with: no normal or build dependency, direct or not, may declare a newer one.

    python3 tools/check-msrv.py            # exit 1 and list every dependency that needs more

Only one toolchain can be installed on the machines this project is built on, so the declared
version is not *compiled* with here. What is checked, and where:

- the standard-library APIs the code uses: clippy's `incompatible_msrv` lint (on by default,
  run with `-D warnings` by `make lint`) reads each crate's `rust-version`;
- the dependencies' own minimum versions: this script, from `cargo metadata` (offline, from
  `Cargo.lock`);
- language features newer than the declared version (let chains need 1.88, for example) are not
  checked by either; keep them out, or raise `rust-version`.

Dev-dependencies are not counted: the minimum version is the one that builds the crates, not
their tests (proptest 1.12, a dev-dependency, needs 1.88).
"""

import json
import subprocess
import sys


def version(text: str) -> tuple[int, int, int]:
    """`1.85` and `1.85.0` alike, as (1, 85, 0)."""
    major, minor, patch = (text.split(".") + ["0", "0"])[:3]
    return int(major), int(minor), int(patch)


def main() -> int:
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    meta = json.loads(out)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}

    def built_with(root: str) -> set[str]:
        """Every package a crate's library or binaries are built with (no dev-dependencies)."""
        seen: set[str] = set()
        todo = [root]
        while todo:
            for dep in nodes[todo.pop()]["deps"]:
                kinds = {k["kind"] for k in dep["dep_kinds"]}
                if kinds - {"dev"} and dep["pkg"] not in seen:
                    seen.add(dep["pkg"])
                    todo.append(dep["pkg"])
        return seen

    problems = []
    for member in meta["workspace_members"]:
        crate = packages[member]
        declared = crate.get("rust_version")
        if declared is None:
            problems.append(f"{crate['name']}: no rust-version declared")
            continue
        needs = [
            (version(packages[d]["rust_version"]), packages[d]["name"], packages[d]["version"])
            for d in built_with(member)
            if packages[d].get("rust_version")
        ]
        newest = max(needs, default=((0, 0, 0), "nothing", ""))
        too_new = sorted(n for n in needs if n[0] > version(declared))
        for need, name, ver in too_new:
            problems.append(
                f"{crate['name']} declares rust-version {declared}, but {name} {ver} needs "
                f"{'.'.join(map(str, need[:2]))}: raise rust-version or hold {name} back"
            )
        if not too_new:
            print(
                f"{crate['name']}: rust-version {declared}; the most any of its {len(needs)} dependencies "
                f"that declare one needs is {'.'.join(map(str, newest[0]))} ({newest[1]})"
            )
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
