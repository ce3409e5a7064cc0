"""Generated files are in step with the Rust types."""

from __future__ import annotations

import pathlib
import subprocess
import sys


def test_python_model_matches_the_schema(root: pathlib.Path) -> None:
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "gen_python_model.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
