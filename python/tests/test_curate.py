"""The curators' workflow from Python: a knowledge base in many files, and the CLI's semantic
diff and JSON Patch checked with the `jsonpatch` package (RFC 6902)."""

from __future__ import annotations

import copy
import json
import pathlib
import shutil
import subprocess
from typing import Any

import jsonpatch
import neurosteroid as ns
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE_KB = ROOT / "examples" / "content-repo" / "kb"


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    """The `neurosteroid` command, built from this working copy."""
    subprocess.run(["cargo", "build", "-q", "-p", "neurosteroid-cli"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "neurosteroid"


def run(cli: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), *args], check=False, capture_output=True, text=True, cwd=ROOT)


def test_load_accepts_a_knowledge_base_folder() -> None:
    kb = ns.load(EXAMPLE_KB)
    default = ns.default_kb()
    assert len(kb.claims) == len(default.claims)
    assert len(kb.sources) == len(default.sources)
    # `fmt` sorted the lists whose order carries no meaning; the content is the same.
    mine, theirs = kb.get("allopregnanolone"), default.get("allopregnanolone")
    assert mine.to_dict()["name"] == theirs.to_dict()["name"]
    assert sorted(mine.to_dict()["identifiers"]) == sorted(theirs.to_dict()["identifiers"])


def test_folder_diagnostics_name_their_file(tmp_path: pathlib.Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(EXAMPLE_KB, kb)
    claim = kb / "claims" / "allo-memory.yaml"
    claim.write_text(claim.read_text().replace("object: memory-support", "object: memory-suport"))
    with pytest.raises(ns.ValidationError) as err:
        ns.load(kb)
    [d] = [d for d in err.value.diagnostics if d.code == "dangling-reference"]
    assert (d.file, d.path, d.line, d.column) == ("claims/allo-memory.yaml", "/object", 5, 9)
    assert str(d).startswith("claims/allo-memory.yaml:5:9: error[dangling-reference]")


def versions() -> tuple[dict[str, Any], dict[str, Any]]:
    """The embedded document, and a new version of it: a claim upgraded, a source added and
    one dropped, a compound renamed, a regulatory event added."""
    old: dict[str, Any] = json.loads(ns.default_kb().to_json())
    new = copy.deepcopy(old)
    claim = next(c for c in new["claims"] if c["grade"] == "preclinical")
    claim["grade"] = "clinical-trial"
    new["sources"].append(
        {"id": "new-trial-2026", "kind": "journal-article", "title": "A new trial", "url": "https://example.org/trial"}
    )
    new["sources"] = [s for s in new["sources"] if s["id"] != "acs-allopregnanolone"]
    compound = next(c for c in new["compounds"] if c["id"] == "pregnenolone")
    compound["id"] = "pregnenolone-renamed"
    therapy = next(t for t in new["therapies"] if t.get("status_history"))
    therapy["status_history"].append(dict(therapy["status_history"][-1], date="2026-11-01", status="withdrawn"))
    return old, new


def test_diff_names_the_upgrade_and_the_patch_applies(cli: pathlib.Path, tmp_path: pathlib.Path) -> None:
    old, new = versions()
    (tmp_path / "old.json").write_text(json.dumps(old, indent=1))
    (tmp_path / "new.json").write_text(json.dumps(new, indent=1))
    md = run(cli, "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "markdown")
    assert md.returncode == 0, md.stderr
    assert "**UPGRADE**" in md.stdout and "`preclinical` → `clinical-trial`" in md.stdout
    assert "`pregnenolone` → `pregnenolone-renamed`" in md.stdout
    assert "new-trial-2026" in md.stdout and "acs-allopregnanolone" in md.stdout
    assert "2026-11-01 FDA" in md.stdout or "2026-11-01 EMA" in md.stdout
    changes = json.loads(
        run(cli, "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json").stdout
    )
    assert [g["upgrade"] for g in changes["grades"]] == [True]
    patch = json.loads(
        run(cli, "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "patch").stdout
    )
    assert patch, "the versions differ, so the patch is not empty"
    assert jsonpatch.apply_patch(old, patch) == new
    assert jsonpatch.apply_patch(old, jsonpatch.make_patch(old, new)) == new  # the judge itself works


def test_patch_between_folders_applies_to_the_joined_document(cli: pathlib.Path, tmp_path: pathlib.Path) -> None:
    old, new = versions()
    for name, doc in (("old", old), ("new", new)):
        (tmp_path / f"{name}.json").write_text(json.dumps(doc))
        split = run(cli, "split", str(tmp_path / f"{name}.json"), str(tmp_path / name))
        assert split.returncode == 0, split.stderr
    patch = json.loads(run(cli, "diff", str(tmp_path / "old"), str(tmp_path / "new"), "--format", "patch").stdout)
    joined_old = json.loads(run(cli, "join", str(tmp_path / "old")).stdout)
    joined_new = json.loads(run(cli, "join", str(tmp_path / "new")).stdout)
    assert jsonpatch.apply_patch(joined_old, patch) == joined_new
