"""The hostile-input corpus from Python: every case gives a NeurosteroidError subclass with
its diagnostic, or loads; in a child process with a memory cap and a hang guard."""

from __future__ import annotations

import pathlib
import resource
import subprocess
import sys
import tempfile

import neurosteroid as ns
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "hostile"

CHILD = """
import sys, neurosteroid as ns
path = sys.argv[1]
try:
    ns.load(path)
    print("valid")
except ns.ValidationError as e:
    print(next(d.code for d in e.diagnostics if d.severity == "error"))
"""


def _cap_memory() -> None:
    limit = 3 << 30  # 3 GiB of address space: far above need, far below "unbounded"
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.fixture(scope="module")
def cases() -> list[pathlib.Path]:
    out = pathlib.Path(tempfile.mkdtemp(prefix="ns-hostile-"))
    subprocess.run([sys.executable, str(HOSTILE / "generate.py"), str(out)], check=True)
    files = [p for d in (HOSTILE, out) for p in d.iterdir() if p.suffix in (".json", ".yaml")]
    assert len(files) >= 25
    return sorted(files)


def test_every_case_in_a_bounded_child(cases: list[pathlib.Path]) -> None:
    for path in cases:
        expected = path.with_suffix(".expected").read_text().strip()
        run = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_cap_memory,
        )
        assert run.returncode == 0, (path.name, run.stderr[-2000:])
        assert run.stdout.strip() == expected, path.name


def test_errors_are_neurosteroid_errors(cases: list[pathlib.Path]) -> None:
    for path in cases:
        if path.stat().st_size > 1 << 20:
            continue
        data = path.read_bytes()
        try:
            ns.loads(data, format="yaml" if path.suffix == ".yaml" else "json")
        except ns.NeurosteroidError as e:
            assert isinstance(e, ns.ValidationError) and e.diagnostics
        assert isinstance(ns.validate(data), list)
