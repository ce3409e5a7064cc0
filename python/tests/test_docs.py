"""The documentation site's Python examples run as written (each page in order, in one
namespace), like the README's."""

from __future__ import annotations

import pathlib
import re

import pytest

PAGES = sorted(
    p for p in (pathlib.Path(__file__).resolve().parents[2] / "docs").rglob("*.md") if "generated" not in p.parts
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_documentation_python_examples(page: pathlib.Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(), re.DOTALL)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(page), "exec"), namespace)  # noqa: S102 (running the page's examples is the test)


def test_documentation_has_python_examples() -> None:
    pages = [p.name for p in PAGES if "```python" in p.read_text()]
    assert {"python.md", "exports.md", "json-schema.md"} <= set(pages), pages
