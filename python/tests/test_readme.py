"""The README's Python examples run as written (in order, in one namespace)."""

from __future__ import annotations

import pathlib
import re


def test_readme_python_examples(root: pathlib.Path) -> None:
    readme = (root / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
