"""Fact sheets and diagrams from Python: JSON-LD expands to schema.org triples, the
node-link graph loads into NetworkX, DOT renders with Graphviz."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess

import neurosteroid as ns
import pytest

SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def kb(base_path: pathlib.Path) -> ns.KnowledgeBase:
    return ns.load(base_path)


def test_markdown_and_html(kb: ns.KnowledgeBase) -> None:
    md = kb.render("compound-c")
    assert md.startswith("# Compound C") and "Not medical advice" in md
    html = kb.render("Compound C", format="html")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    with pytest.raises(ValueError):
        kb.render("compound-c", format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ns.NotFoundError):
        kb.render("no such compound anywhere")


def test_jsonld_expands_to_schema_org_triples(kb: ns.KnowledgeBase) -> None:
    import rdflib

    g = rdflib.Graph()
    g.parse(data=kb.render("compound-c", format="jsonld"), format="json-ld", base="https://example.org/sheet")
    rdf_type = rdflib.RDF.type
    pages = list(g.subjects(rdf_type, rdflib.URIRef(SCHEMA + "MedicalWebPage")))
    assert len(pages) == 1
    about = g.value(pages[0], rdflib.URIRef(SCHEMA + "about"))
    assert str(g.value(about, rdflib.URIRef(SCHEMA + "name"))) == "Compound C"
    citations = set(g.objects(None, rdflib.URIRef(SCHEMA + "url")))
    assert rdflib.URIRef("https://pubmed.ncbi.nlm.nih.gov/1/") in citations
    # The medicines whose active compound a sheet is about are named `Drug`s on it (the base
    # vector's sheet has none, so the embedded allopregnanolone sheet is read).
    embedded = ns.default_kb()
    medicines = {m.name for m in embedded.therapies if "allopregnanolone" in m.active_compounds}
    assert medicines
    sheet = rdflib.Graph()
    sheet.parse(
        data=embedded.render("allopregnanolone", format="jsonld"), format="json-ld", base="https://example.org/"
    )
    drugs = list(sheet.subjects(rdf_type, rdflib.URIRef(SCHEMA + "Drug")))
    names = {str(sheet.value(d, rdflib.URIRef(SCHEMA + "name"))) for d in drugs}
    assert medicines <= names and "None" not in names, names


def test_pathway_graph_loads_into_networkx(kb: ns.KnowledgeBase) -> None:
    data = kb.pathway_graph("compound-c")
    assert [n["id"] for n in data["nodes"]] == ["compound-a", "compound-b", "compound-c"]
    g = kb.to_networkx("compound-c")
    assert list(g.successors("compound-a")) == ["compound-b"]
    assert g.edges["compound-b", "compound-c"]["isoforms"] == ["GENEY1"]


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI (.ci/run installs it)")
        pytest.skip(f"{tool} not installed")
    return path


def test_dot_renders_with_graphviz(kb: ns.KnowledgeBase) -> None:
    dot = _require("dot")
    result = subprocess.run(
        [dot, "-Tsvg"], check=False, input=kb.pathway_diagram("compound-c", "dot"), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "<svg" in result.stdout and "Compound B" in result.stdout


def test_embedded_fact_sheet_renders_everywhere() -> None:
    kb = ns.default_kb()
    for sheet in kb.fact_sheets:
        for fmt in ("markdown", "html", "jsonld"):
            assert kb.render(sheet.id, format=fmt)  # type: ignore[arg-type]
    json.loads(kb.render_all("jsonld"))


def test_export_formats_are_text_or_files() -> None:
    kb = ns.default_kb()
    kgx = kb.export("kgx")
    assert sorted(kgx) == ["edges.jsonl", "edges.tsv", "nodes.jsonl", "nodes.tsv"]
    assert all(line.startswith("{") for line in kgx["edges.jsonl"].splitlines())
    # One SBML model per pathway of the data.
    assert sorted(kb.export("sbml")) == sorted(f"{p.id}.xml" for p in kb.pathways)
    for text_format in ("turtle", "ntriples", "shacl", "sssom"):
        assert isinstance(kb.export(text_format), str)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="one of: kgx, turtle"):
        kb.export("owl")  # type: ignore[arg-type]
