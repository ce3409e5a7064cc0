"""The README's Python examples run as written (in order, in one namespace), and what they
print never presents a contradicted link as support."""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

import neurosteroid as ns

DIRECTIONS = ("supports", "mixed", "insufficient", "contradicts")


def test_readme_python_examples(root: pathlib.Path) -> None:
    readme = (root / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    assert len(blocks) >= 2
    namespace: dict[str, object] = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 (running the README's examples is the test)
    # Every printed line that names a linked condition, or quotes a claim about one, states
    # the direction of the evidence; a contradicted claim is printed with `contradicts`.
    kb = ns.default_kb()
    links = kb.conditions_linked("allopregnanolone")
    labels = {link.entity.label for link in links}
    contradicted = {c.statement for link in links for c in link.claims if c.direction == "contradicts"}
    lines = printed.getvalue().splitlines()
    named = [line for line in lines if any(line.startswith(f"{label}:") for label in labels)]
    assert named, "the README prints no linked condition"
    for line in named:
        assert any(d in line for d in DIRECTIONS), f"no direction in {line!r}"
    for statement in contradicted:
        quoting = [line for line in lines if statement in line]
        assert quoting, f"the README does not show the contradicted claim {statement!r}"
        assert all("contradicts" in line for line in quoting), quoting
