"""The community validators, run over the exports of the embedded knowledge base and over
deliberately broken copies of them (which each must reject).

Usage: python judges.py OUT_DIR   (OUT_DIR made by tools/judges/run.sh)

- KGX: `kgx validate` (Biolink model pinned, offline launcher) reports no error on the export;
  a copy with an unknown category and an unknown predicate is rejected with
  INVALID_CATEGORY and INVALID_EDGE_PREDICATE. Its report is printed grouped.
- RDF: rdflib parses the Turtle and the N-Triples (the same graph); pyshacl finds the export
  conforming to the generated shapes and a broken copy not; the schema.org JSON-LD fact
  sheets expand with rdflib's JSON-LD processor.
- SHACL differential: pyshacl over the RDF of every shared test vector agrees with the
  library's verdict (`neurosteroid validate`) wherever RDF can carry the problem.
- SBML: libsbml reads every model with no error and no consistency error; cobra loads it;
  a model with a reaction on an undeclared species has consistency errors.
- SSSOM: `sssom`'s validator passes the mapping set and rejects a copy with an undeclared
  prefix.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import subprocess
import sys
import time
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = ROOT / "target" / "debug" / "neurosteroid"

failures: list[str] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        failures.append(name)


def judge(title: str, fn: Callable[[pathlib.Path], None], out: pathlib.Path) -> None:
    start = time.monotonic()
    print(f"{title}")
    fn(out)
    print(f"  ({time.monotonic() - start:.1f} s)")


# --- KGX ---------------------------------------------------------------------------------


def kgx(out: pathlib.Path) -> None:
    os.environ["KGX_EXTRA_PREFIXES"] = "neurosteroid=https://neurosteroid.invalid/kb/"
    sys.path.insert(0, str(HERE))
    import kgx_offline  # noqa: F401  (patches bmt and kgx for offline use)
    from kgx.cli.cli_utils import validate
    from kgx_summary import summarise

    def run(directory: pathlib.Path) -> dict[str, dict[str, dict[str, list[str]]]]:
        files = [str(directory / "nodes.jsonl"), str(directory / "edges.jsonl")]
        return run_files(files, "jsonl")

    def run_files(files: list[str], fmt: str) -> dict[str, dict[str, dict[str, list[str]]]]:
        # kgx prints its full report (always to the `stderr` its module imported) and log
        # lines; the grouped summary below replaces them.
        import kgx.error_detection

        saved = kgx.error_detection.stderr
        kgx.error_detection.stderr = io.StringIO()
        try:
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                errors: dict[str, dict[str, dict[str, list[str]]]] = validate(files, fmt, None, None, None)
        finally:
            kgx.error_detection.stderr = saved
        return errors

    valid = run(out / "kgx")
    print("  JSON Lines: " + summarise(valid).replace("\n", "\n  "))
    check("kgx validate: the JSON Lines export has no error", "ERROR" not in valid)
    tsv = run_files([str(out / "kgx" / "nodes.tsv"), str(out / "kgx" / "edges.tsv")], "tsv")
    print("  TSV: " + summarise(tsv).replace("\n", "\n  "))
    check("kgx validate: the TSV export has no error", "ERROR" not in tsv)

    broken = out / "kgx-broken"
    broken.mkdir(exist_ok=True)
    nodes = (out / "kgx" / "nodes.jsonl").read_text().splitlines()
    edges = (out / "kgx" / "edges.jsonl").read_text().splitlines()
    node = json.loads(nodes[0])
    node["category"] = ["biolink:NotACategory"]
    edge = json.loads(edges[0])
    edge["predicate"] = "biolink:not_a_predicate"
    (broken / "nodes.jsonl").write_text("\n".join([json.dumps(node)] + nodes[1:]) + "\n")
    (broken / "edges.jsonl").write_text("\n".join([json.dumps(edge)] + edges[1:]) + "\n")
    report = run(broken)
    print("  broken copy: " + summarise(report).replace("\n", "\n  "))
    errors = report.get("ERROR", {})
    check("kgx validate rejects an unknown category", "INVALID_CATEGORY" in errors)
    check("kgx validate rejects an unknown predicate", "INVALID_EDGE_PREDICATE" in errors)


# --- RDF and SHACL -----------------------------------------------------------------------


def rdf(out: pathlib.Path) -> None:
    import pyshacl
    import rdflib
    from rdflib.compare import isomorphic

    turtle = rdflib.Graph().parse(out / "kb.ttl", format="turtle")
    ntriples = rdflib.Graph().parse(out / "kb.nt", format="nt")
    check("rdflib parses the Turtle", len(turtle) > 0, f"{len(turtle)} triples")
    check("the N-Triples are the same graph", isomorphic(turtle, ntriples))
    shapes = rdflib.Graph().parse(out / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(turtle, shacl_graph=shapes)
    check("pyshacl: the export conforms to the shapes", bool(conforms), "" if conforms else str(text)[:2000])

    broken = rdflib.Graph()
    broken += turtle
    v = rdflib.Namespace("https://neurosteroid.invalid/vocab/")
    kb = rdflib.Namespace("https://neurosteroid.invalid/kb/")
    claim = next(iter(turtle.subjects(rdflib.RDF.type, v.Claim)))
    broken.set((claim, v.grade, rdflib.Literal("very-good")))
    broken.add((kb.allopregnanolone, v.colour, rdflib.Literal("blue")))
    broken.add((kb.progesterone, v.sources, kb["no-such-source"]))
    conforms, report, _ = pyshacl.validate(broken, shacl_graph=shapes)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    paths = {str(p).rsplit("/", 1)[-1] for p in report.objects(None, sh.resultPath)}
    check(
        "pyshacl rejects a bad grade, an unknown field and a dangling reference",
        not conforms and {"grade", "colour", "sources"} <= paths,
        f"violations on {sorted(paths)}",
    )

    jsonld = rdflib.Graph().parse(out / "factsheets.jsonld", format="json-ld")
    check("the schema.org JSON-LD fact sheets expand (rdflib JSON-LD)", len(jsonld) > 0, f"{len(jsonld)} triples")


# Vectors whose problem RDF made from JSON cannot carry, so SHACL can not see it, with why.
# The differential test fails if this list is wrong in either direction.
NOT_SEEN_BY_SHACL = {
    "duplicate-key": "JSON parsers keep one of the duplicated keys: the RDF has one value",
}
# Rules beyond the JSON Schema that the shapes see too: a reference to no entity, or to an
# entity of a kind the field does not allow (`sh:class` of the kinds `REFERENCE_SLOTS` lists),
# and two entities with one id (one IRI with two names: `sh:maxCount`).
SHACL_SEES_SEMANTIC = {"dangling-reference", "duplicate-id", "wrong-reference-kind"}


def verdict(path: pathlib.Path) -> tuple[bool, set[str]]:
    """The library's verdict: schema-level valid?, and the codes at full level."""
    schema = subprocess.run(
        [str(BIN), "validate", "--level", "schema", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    full = subprocess.run(
        [str(BIN), "validate", "--format", "json", str(path)], capture_output=True, text=True, check=False
    )
    codes: set[str] = set()
    for text in (full.stdout,):
        with contextlib.suppress(json.JSONDecodeError):
            data = json.loads(text)
            for entry in data if isinstance(data, list) else [data]:
                for d in entry.get("diagnostics", []):
                    if d.get("severity") == "error":
                        codes.add(d["code"])
    return schema.returncode == 0, codes


def differential(out: pathlib.Path) -> None:
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(out / "shapes.ttl", format="turtle")
    disagree: dict[str, str] = {}
    seen = 0
    for group in ("valid", "invalid"):
        for vector in sorted((ROOT / "tests" / "vectors" / group).glob("*.json")):
            if vector.name.endswith(".expected.json"):
                continue
            nt = out / "vectors" / f"{vector.stem}.nt"
            if not nt.exists():
                print(f"  skip {group}/{vector.name}: not JSON, no RDF can be made")
                continue
            seen += 1
            schema_ok, codes = verdict(vector)
            ours_invalid = (not schema_ok) or bool(codes & SHACL_SEES_SEMANTIC)
            conforms, _report, _ = pyshacl.validate(rdflib.Graph().parse(nt, format="nt"), shacl_graph=shapes)
            if bool(conforms) == ours_invalid:
                disagree[vector.stem] = (
                    f"ours: {'invalid' if ours_invalid else 'valid'} {sorted(codes)}, pyshacl: {'conforms' if conforms else 'violations'}"
                )
    for name, why in sorted(disagree.items()):
        print(
            f"  differs on {name}: {why}"
            + (f" (known: {NOT_SEEN_BY_SHACL[name]})" if name in NOT_SEEN_BY_SHACL else "")
        )
    check(
        f"pyshacl and the library agree on {seen} vectors, except the documented ones",
        set(disagree) == set(NOT_SEEN_BY_SHACL),
        f"unexpected: {sorted(set(disagree) ^ set(NOT_SEEN_BY_SHACL))}"
        if set(disagree) != set(NOT_SEEN_BY_SHACL)
        else "",
    )


# --- SBML --------------------------------------------------------------------------------


def sbml_errors(path: pathlib.Path) -> list[str]:
    import libsbml

    doc = libsbml.readSBMLFromFile(str(path))
    found = []
    for stage in ("read", "consistency"):
        if stage == "consistency":
            doc.checkConsistency()
        for i in range(doc.getNumErrors()):
            e = doc.getError(i)
            if e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR:
                found.append(f"{stage} {e.getErrorId()}: {e.getShortMessage()}")
    return found


def sbml(out: pathlib.Path) -> None:
    import logging

    import cobra

    logging.getLogger("cobra").setLevel(logging.ERROR)

    models = sorted((out / "sbml").glob("*.xml"))
    check("one SBML model per pathway", len(models) > 0, ", ".join(m.name for m in models))
    for m in models:
        errors = sbml_errors(m)
        check(f"libsbml: {m.name} has no error", not errors, "; ".join(errors[:5]))
        model = cobra.io.read_sbml_model(str(m))
        check(
            f"cobra loads {m.name}",
            len(model.reactions) > 0 and len(model.metabolites) > 0,
            f"{len(model.reactions)} reactions, {len(model.metabolites)} metabolites",
        )
    broken = out / "sbml-broken.xml"
    text = models[0].read_text()
    broken.write_text(text.replace('<speciesReference species="', '<speciesReference species="undeclared_', 1))
    check("libsbml rejects a reaction on an undeclared species", bool(sbml_errors(broken)))


# --- SSSOM -------------------------------------------------------------------------------


def sssom(out: pathlib.Path) -> None:
    import warnings

    warnings.simplefilter("ignore", FutureWarning)
    from sssom.io import validate_file
    from sssom.parsers import parse_sssom_table

    path = out / "kb.sssom.tsv"
    msdf = parse_sssom_table(str(path))
    justified = msdf.df["mapping_justification"].notna().all()
    check("sssom parses the mapping set", len(msdf.df) > 0 and bool(justified), f"{len(msdf.df)} mappings")
    try:
        validate_file(str(path))
        check("sssom validate passes", True)
    except Exception as e:  # noqa: BLE001 (sssom's validator raises on any problem, of no one class)
        check("sssom validate passes", False, str(e)[:500])
    broken = out / "broken.sssom.tsv"
    lines = path.read_text().splitlines()
    row = lines[-1].split("\t")
    row[3] = "undeclared:12345"
    broken.write_text("\n".join(lines + ["\t".join(row)]) + "\n")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            validate_file(str(broken))
        check("sssom validate rejects an undeclared prefix", False)
    except Exception as e:  # noqa: BLE001 (as above)
        check("sssom validate rejects an undeclared prefix", True, type(e).__name__)


JUDGES = {"kgx": kgx, "rdf": rdf, "differential": differential, "sbml": sbml, "sssom": sssom}

if __name__ == "__main__":
    out_dir = pathlib.Path(sys.argv[1])
    chosen = sys.argv[2:] or list(JUDGES)
    for name in chosen:
        judge(name, JUDGES[name], out_dir)
    print(f"{len(failures)} failed" if failures else "every judge passed")
    sys.exit(1 if failures else 0)
