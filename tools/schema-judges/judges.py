#!/usr/bin/env python3
"""The differential test of the JSON Schema: every shared vector (tests/vectors) is judged by
the library at `--level schema` and by JSON Schema validators no one here wrote, run as users
run them:

- python-jsonschema (Draft202012Validator; JSON read with `json.loads`, YAML with
  `yaml.safe_load`),
- check-jsonschema (its default, ECMAScript regex dialect) and check-jsonschema
  `--regex-variant python` (Python's `re`, whose `$` also matches before a final line break),
- ajv (Ajv2020, strict, all errors, ajv-formats) and ajv-cli (`--spec=draft2020 --strict=true`).

Each validator's verdict must equal the library's, and on an invalid document every place
the library names must be named by the validator (or its parent: validators report an extra
property at its object). Where a validator legitimately differs, the difference is written
down in tests/vectors/schema-exceptions.json (made by tests/vectors/make_vectors.py, with
the reason, and documented in the README): the validator must then give exactly the verdict
written there, so that an exception that no longer holds fails too.

Usage: judges.py NEUROSTEROID_BIN AJV_JUDGE_JS AJV_CLI   (run by tools/schema-judges/run.sh)
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys
from typing import Any

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "knowledge-base.schema.json"
VECTORS = ROOT / "tests" / "vectors"
VENV_BIN = pathlib.Path(sys.executable).parent

# validator name -> {file: (valid, paths or None)}; `None` valid = could not parse the file.
Verdicts = dict[str, tuple[bool, set[str] | None]]


def documents() -> list[pathlib.Path]:
    files = [p for kind in ("valid", "invalid") for p in sorted((VECTORS / kind).iterdir())]
    return [p for p in files if not p.name.endswith(".expected.json")]


def rel(p: pathlib.Path) -> str:
    return p.relative_to(VECTORS).as_posix()


def library(bin_: str, files: list[pathlib.Path]) -> Verdicts:
    out = subprocess.run(
        [bin_, "validate", "--level", "schema", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"neurosteroid validate failed ({out.returncode}): {out.stderr}")
    verdicts: Verdicts = {}
    for report in json.loads(out.stdout):
        errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
        verdicts[rel(pathlib.Path(report["file"]))] = (not errors, {d["path"] for d in errors})
    return verdicts


def pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def python_jsonschema(files: list[pathlib.Path]) -> Verdicts:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    verdicts: Verdicts = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
            doc = yaml.safe_load(text) if f.suffix == ".yaml" else json.loads(text)
        except (ValueError, yaml.YAMLError):
            verdicts[rel(f)] = (False, None)
            continue
        paths = {pointer(e.absolute_path) for e in validator.iter_errors(doc)}
        verdicts[rel(f)] = (not paths, paths)
    return verdicts


JSONPATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")


def from_jsonpath(path: str) -> str:
    """check-jsonschema's `$.claims[0].grade` as a JSON Pointer."""
    parts = [m.group(1) or m.group(2) or m.group(3) for m in JSONPATH_PART.finditer(path.removeprefix("$"))]
    return pointer(parts)


def check_jsonschema(files: list[pathlib.Path], *extra: str) -> Verdicts:
    out = subprocess.run(
        [
            str(VENV_BIN / "check-jsonschema"),
            "--schemafile",
            str(SCHEMA),
            *extra,
            "--output-format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit(f"check-jsonschema gave no report ({out.returncode}): {out.stdout}{out.stderr}")
    paths: dict[str, set[str]] = {rel(f): set() for f in files}
    for e in report.get("errors", []):
        paths[rel(pathlib.Path(e["filename"]))].add(from_jsonpath(e["path"]))
    unparsed = {rel(pathlib.Path(e["filename"])) for e in report.get("parse_errors", [])}
    return {f: ((False, None) if f in unparsed else (not p, p)) for f, p in paths.items()}


def ajv(judge: str, files: list[pathlib.Path]) -> Verdicts:
    out = subprocess.run(["node", judge, str(SCHEMA), *map(str, files)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"ajv failed ({out.returncode}): {out.stderr}")
    verdicts: Verdicts = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        f = rel(pathlib.Path(r["file"]))
        verdicts[f] = (False, None) if "parse_error" in r else (r["valid"], set(r["paths"]))
    return verdicts


def ajv_cli(cli: str, files: list[pathlib.Path]) -> Verdicts:
    """ajv-cli as documented: one `-d` per file; it prints `FILE valid` or `FILE invalid` and
    the errors as JSON, or `error: FILE: ...` for a file it cannot parse, and then stops: the
    files after that one get a run of their own."""
    verdicts: Verdicts = {}
    remaining = list(files)
    while remaining:
        args = [
            cli,
            "validate",
            "--spec=draft2020",
            "--strict=true",
            "--all-errors",
            "--errors=json",
            "-s",
            str(SCHEMA),
        ]
        for f in remaining:
            args += ["-d", str(f)]
        out = subprocess.run(args, capture_output=True, text=True, check=False)
        text = out.stdout + out.stderr
        rest = []
        for i, f in enumerate(remaining):
            name = re.escape(str(f))
            if re.search(rf"^{name} valid$", text, re.MULTILINE):
                verdicts[rel(f)] = (True, set())
            elif re.search(rf"^{name} invalid$", text, re.MULTILINE):
                verdicts[rel(f)] = (False, set())  # paths: the same engine as `ajv` above
            elif re.search(rf"^error:\s+{name}:", text, re.MULTILINE):
                verdicts[rel(f)] = (False, None)
                rest = remaining[i + 1 :]
                break
            else:
                sys.exit(f"ajv-cli said nothing about {f}:\n{text}")
        remaining = rest
    return verdicts


# Vectors whose only fault is one bad value in an optional field: ajv and python-jsonschema
# must each report it with one message (an optional field written as `anyOf [T, null]` got
# three from ajv and one that named nothing from python-jsonschema).
ONE_MESSAGE = (
    "invalid/negative-mass.json",  # a number below the minimum
    "invalid/optional-wrong-type.json",  # text where an integer belongs
    "invalid/unknown-consensus.json",  # a value outside an enum
    "invalid/bad-evidence-kind.json",  # a string not matching the pattern
)


def one_message_each(judge: str) -> list[str]:
    """The problems with ONE_MESSAGE: any vector on which ajv or python-jsonschema does not
    give exactly one message."""
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    files = [VECTORS / f for f in ONE_MESSAGE]
    messages: dict[str, dict[str, list[str]]] = {f: {} for f in ONE_MESSAGE}
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        messages[rel(f)]["python-jsonschema"] = [e.message for e in validator.iter_errors(doc)]
    out = subprocess.run(["node", judge, str(SCHEMA), *map(str, files)], capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        r = json.loads(line)
        messages[rel(pathlib.Path(r["file"]))]["ajv"] = r.get("messages", [])
    problems = []
    for f, by in messages.items():
        for name in ("python-jsonschema", "ajv"):
            got = by.get(name)
            if got is None or len(got) != 1:
                problems.append(f"{f}: {name} should give one message for one bad optional value, gave {got}")
            elif re.search(r"any of the given schemas|anyOf", got[0]):
                problems.append(f"{f}: {name}'s message does not say what is wrong: {got[0]}")
    return problems


def main() -> int:
    bin_, judge, cli = sys.argv[1:4]
    files = documents()
    exceptions: dict[str, dict[str, Any]] = json.loads((VECTORS / "schema-exceptions.json").read_text())["exceptions"]
    lib = library(bin_, files)
    validators: dict[str, Verdicts] = {
        "python-jsonschema": python_jsonschema(files),
        "check-jsonschema": check_jsonschema(files),
        "check-jsonschema --regex-variant python": check_jsonschema(files, "--regex-variant", "python"),
        "ajv": ajv(judge, files),
        "ajv-cli": ajv_cli(cli, files),
    }
    problems: list[str] = []
    used: set[tuple[str, str]] = set()
    for f in map(rel, files):
        want_valid, want_paths = lib[f]
        for name, verdicts in validators.items():
            valid, paths = verdicts[f]
            exception = exceptions.get(f, {}).get("validators", {}).get(name)
            if exception is not None:
                used.add((f, name))
                if valid != exception["valid"]:
                    problems.append(
                        f"{f}: {name} now says {'valid' if valid else 'invalid'}; "
                        f"schema-exceptions.json says otherwise ({exceptions[f]['why']})"
                    )
                continue
            if valid != want_valid:
                problems.append(
                    f"{f}: the library says {'valid' if want_valid else 'invalid'} at --level schema, "
                    f"{name} says {'valid' if valid else 'invalid'} {sorted(paths or [])}"
                )
                continue
            if not valid and paths and want_paths:
                for p in want_paths:
                    if p not in paths and p.rsplit("/", 1)[0] not in paths:
                        problems.append(f"{f}: the library names {p}; {name} names {sorted(paths)}")
    problems += one_message_each(judge)
    for f, e in exceptions.items():
        for name in e.get("validators", {}):
            if (f, name) not in used:
                problems.append(f"schema-exceptions.json: {f} / {name} was not judged (renamed vector or validator?)")
    judged = len(files) * len(validators)
    for p in problems:
        print(p)
    print(
        f"schema judges: {len(files)} vectors x {len(validators)} validators ({', '.join(validators)}); "
        f"{len(used)} documented exceptions; {len(problems)} problems; {judged} verdicts"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
