#!/usr/bin/env python3
"""Writes the shared test vectors: valid documents, and invalid ones that each break one
rule, with the diagnostics (code and JSON Pointer) a correct validator must report.

The expectations are written here by hand, not produced by the validator under test.
Run `python3 tests/vectors/make_vectors.py` after changing this file; commit the output.
The entities below are fictional test fixtures, not curated facts.
"""

import copy
import json
import pathlib
import re

HERE = pathlib.Path(__file__).parent

BASE = {
    "schema_version": "1.1.0",
    "as_of": "2026-01-31",
    "sources": [
        {"id": "src-article", "kind": "consumer-article", "title": "A test article"},
        {
            "id": "src-paper",
            "kind": "journal-article",
            "title": "A test paper",
            "year": 2020,
            "identifiers": ["pubmed:1"],
        },
    ],
    "compounds": [
        {
            "id": "compound-a",
            "name": "Compound A",
            "synonyms": ["5α-CA"],
            "roles": ["precursor"],
            "formula": "C2H6O",
            "molar_mass": 46.07,
            "identifiers": ["cas:50-00-0"],
            "sources": ["src-paper"],
        },
        {"id": "compound-b", "name": "Compound B", "roles": ["intermediate"]},
        {"id": "compound-c", "name": "Compound C", "roles": ["endogenous-neurosteroid"]},
    ],
    "enzymes": [
        {"id": "enzyme-x", "name": "Enzyme X", "identifiers": ["EC:1.1.1.1"]},
        {"id": "enzyme-y", "name": "Enzyme Y", "identifiers": ["EC:1.3.1.22"]},
    ],
    "gene_products": [
        {
            "id": "gene-x1",
            "name": "Enzyme X isoform 1",
            "symbol": "GENEX1",
            "activities": ["enzyme-x"],
            "identifiers": ["hgnc:1", "uniprot:P12345"],
            "direction": "reductive",
        },
        {"id": "gene-y1", "name": "Enzyme Y isoform 1", "symbol": "GENEY1", "activities": ["enzyme-y"]},
    ],
    "reactions": [
        {
            "id": "a-to-b",
            "name": "A to B",
            "substrate": "compound-a",
            "product": "compound-b",
            "enzyme": "enzyme-x",
            "isoforms": ["gene-x1"],
            "rate_limiting": True,
        },
        {
            "id": "b-to-c",
            "name": "B to C",
            "substrate": "compound-b",
            "product": "compound-c",
            "enzyme": "enzyme-y",
            "isoforms": ["gene-y1"],
        },
    ],
    "pathways": [{"id": "c-synthesis", "name": "C synthesis", "steps": ["a-to-b", "b-to-c"]}],
    "receptors": [
        {
            "id": "receptor-r",
            "name": "Receptor R",
            "mechanisms": [
                {"ligand": "compound-c", "mode": "positive-allosteric-modulation", "claims": ["c-acts-on-r"]}
            ],
        },
    ],
    "sites": [{"id": "site-s", "name": "Site S"}],
    "effects": [{"id": "effect-e", "name": "Effect E"}],
    "conditions": [{"id": "condition-k", "name": "Condition K", "identifiers": ["icd10cm:F53.0", "mesh:D000001"]}],
    "therapies": [
        {
            "id": "therapy-t",
            "name": "Therapy T",
            "kind": "drug-product",
            "brand_names": ["Brand T"],
            "active_compounds": ["compound-c"],
            "routes": ["oral"],
            "prescription": True,
            "indications": ["condition-k"],
            "doses": [{"min": 100, "max": 200, "unit": "mg", "timing": "at bedtime", "source": "src-paper"}],
            "status_history": [
                {
                    "date": "2019-03-19",
                    "regulator": "FDA",
                    "status": "approved",
                    "condition": "condition-k",
                    "source": "src-paper",
                },
                {"date": "2024-12-31", "regulator": "manufacturer", "status": "discontinued", "source": "src-paper"},
            ],
        },
    ],
    "strategies": [{"id": "strategy-z", "name": "Strategy Z", "kind": "lifestyle"}],
    "claims": [
        {
            "id": "c-acts-on-r",
            "statement": "C modulates R.",
            "subject": "compound-c",
            "predicate": "acts-on",
            "object": "receptor-r",
            "grade": "preclinical",
            "evidence_kind": "ECO:0006006",
            "consensus": "established",
            "sources": ["src-article", "src-paper"],
            "excerpts": [{"source": "src-paper", "text": "C potentiates R.", "locator": "abstract"}],
        },
        {
            "id": "z-raises-c",
            "statement": "Z raises C.",
            "subject": "strategy-z",
            "predicate": "raises-level-of",
            "object": "compound-c",
            "grade": "unsupported",
            "direction": "insufficient",
            "evidence_kind": "ECO:0000303",
            "consensus": "debated",
            "sources": ["src-article"],
        },
    ],
    "fact_sheets": [
        {
            "id": "c-sheet",
            "subject": "compound-c",
            "title": "Compound C",
            "summary": "About C.",
            "sections": [
                {"heading": "Mechanism", "kind": "mechanism", "claims": ["c-acts-on-r"]},
                {"heading": "How it is made", "kind": "biosynthesis", "entities": ["c-synthesis"]},
            ],
        },
    ],
    "coverage": [{"source": "src-article", "statement": "C acts on R.", "represented_by": ["c-acts-on-r"]}],
}


def to_yaml(v, indent=0):
    """A small YAML emitter for the fixtures (block style, JSON-compatible scalars)."""
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        lines = []
        for k, x in v.items():
            key = json.dumps(k) if k.startswith("$") else k
            if isinstance(x, (dict, list)) and x:
                lines.append(f"{pad}{key}:\n{to_yaml(x, indent + 1)}")
            else:
                lines.append(f"{pad}{key}: {to_yaml(x, 0)}")
        return "\n".join(lines)
    if isinstance(v, list):
        if not v:
            return "[]"
        lines = []
        for x in v:
            if isinstance(x, dict) and x:
                inner = to_yaml(x, indent + 1).lstrip()
                lines.append(f"{pad}- {inner}")
            else:
                lines.append(f"{pad}- {to_yaml(x, 0)}")
        return "\n".join(lines)
    return json.dumps(v, ensure_ascii=False)


def mutate(fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    return doc


def setitem(path, value):
    def fn(doc):
        target = doc
        for p in path[:-1]:
            target = target[p]
        target[path[-1]] = value

    return fn


def delitem(path):
    def fn(doc):
        target = doc
        for p in path[:-1]:
            target = target[p]
        del target[path[-1]]

    return fn


def chain(*fns):
    def fn(doc):
        for f in fns:
            f(doc)

    return fn


# name: (description, mutation, schema_valid, [(code, path)] errors at level full)
INVALID = {
    # Structural: the JSON Schema and `--level schema` must both reject these, at these paths.
    "unknown-field": (
        "a compound has a field the format does not define",
        setitem(["compounds", 0, "colour"], "blue"),
        False,
        [("unknown-field", "/compounds/0/colour")],
    ),
    "unknown-top-level-field": (
        "a misspelt top-level field",
        setitem(["compund"], []),
        False,
        [("unknown-field", "/compund")],
    ),
    "missing-field": (
        "a compound without a name",
        delitem(["compounds", 1, "name"]),
        False,
        [("missing-field", "/compounds/1")],
    ),
    "missing-as-of": ("the document has no as_of date", delitem(["as_of"]), False, [("missing-field", "")]),
    "bad-id": (
        "an id that is not a lowercase slug",
        setitem(["effects", 0, "id"], "Effect_E"),
        False,
        [("pattern", "/effects/0/id")],
    ),
    "unknown-prefix": (
        "an identifier with a prefix no registry knows",
        setitem(["compounds", 0, "identifiers"], ["foo:1"]),
        False,
        [("unknown-prefix", "/compounds/0/identifiers/0")],
    ),
    "bad-local-id": (
        "a ChEBI id that is not a number",
        setitem(["conditions", 0, "identifiers"], ["CHEBI:abc"]),
        False,
        [("pattern", "/conditions/0/identifiers/0")],
    ),
    "unknown-grade": (
        "a grade outside the vocabulary",
        setitem(["claims", 0, "grade"], "very-strong"),
        False,
        [("unknown-variant", "/claims/0/grade")],
    ),
    "wrong-type": ("a collection that is not an array", setitem(["sites"], {"id": "x"}), False, [("type", "/sites")]),
    "negative-mass": (
        "a molar mass below zero",
        setitem(["compounds", 0, "molar_mass"], -5),
        False,
        [("range", "/compounds/0/molar_mass")],
    ),
    "bad-date-shape": (
        "a date not in YYYY-MM-DD form",
        setitem(["as_of"], "31/01/2026"),
        False,
        [("pattern", "/as_of")],
    ),
    "unsupported-version": (
        "a format version this library does not read",
        setitem(["schema_version"], "2.0.0"),
        False,
        [("unsupported-version", "/schema_version")],
    ),
    "empty-name": (
        "a name that is only white space",
        setitem(["sites", 0, "name"], "   "),
        False,
        [("pattern", "/sites/0/name")],
    ),
    "year-out-of-range": (
        "a publication year in the future's future",
        setitem(["sources", 1, "year"], 3500),
        False,
        [("range", "/sources/1/year")],
    ),
    "two-bad-entities": (
        "problems in two entities are both reported",
        chain(setitem(["effects", 0, "id"], "BAD"), setitem(["sites", 0, "colour"], 1)),
        False,
        [("pattern", "/effects/0/id"), ("unknown-field", "/sites/0/colour")],
    ),
    "array-as-object": (
        "a status event written as an array of field values (serde accepts it; JSON Schema does not)",
        setitem(
            ["therapies", 0, "status_history", 0], ["2019-03-19", "FDA", "approved", None, "condition-k", "src-paper"]
        ),
        False,
        [("type", "/therapies/0/status_history/0")],
    ),
    "object-as-enum": (
        "a grade written as a one-key object (serde accepts it for unit variants; JSON Schema does not)",
        setitem(["claims", 0, "grade"], {"preclinical": None}),
        False,
        [("type", "/claims/0/grade")],
    ),
    # Semantic: the schema accepts these; `--level full` rejects them.
    "duplicate-id": (
        "two entities share an id",
        setitem(["effects", 0, "id"], "site-s"),
        True,
        [("duplicate-id", "/effects/0/id")],
    ),
    "dangling-reference": (
        "a reaction names an enzyme that does not exist",
        setitem(["reactions", 0, "enzyme"], "enzyme-q"),
        True,
        [("dangling-reference", "/reactions/0/enzyme"), ("isoform-activity-mismatch", "/reactions/0/isoforms/0")],
    ),
    "wrong-reference-kind": (
        "a reaction's substrate is a condition, not a compound",
        setitem(["reactions", 0, "substrate"], "condition-k"),
        True,
        [("wrong-reference-kind", "/reactions/0/substrate")],
    ),
    "pathway-disconnected": (
        "pathway steps out of order",
        setitem(["pathways", 0, "steps"], ["b-to-c", "a-to-b"]),
        True,
        [("pathway-disconnected", "/pathways/0/steps/1")],
    ),
    "pathway-cycle": (
        "a pathway that comes back to its start",
        chain(setitem(["reactions", 1, "product"], "compound-a")),
        True,
        [("pathway-cycle", "/pathways/0/steps/1")],
    ),
    "reaction-self-loop": (
        "a reaction whose product is its substrate",
        setitem(["reactions", 1, "product"], "compound-b"),
        True,
        [("reaction-self-loop", "/reactions/1/product"), ("pathway-cycle", "/pathways/0/steps/1")],
    ),
    "isoform-activity-mismatch": (
        "an isoform that does not carry the reaction's activity",
        setitem(["reactions", 1, "isoforms"], ["gene-x1"]),
        True,
        [("isoform-activity-mismatch", "/reactions/1/isoforms/0")],
    ),
    "missing-source": (
        "a claim without sources",
        setitem(["claims", 1, "sources"], []),
        True,
        [("missing-source", "/claims/1/sources")],
    ),
    "insufficient-evidence": (
        "a claim graded clinical-trial on a consumer article alone",
        chain(
            setitem(["claims", 1, "grade"], "clinical-trial"), setitem(["claims", 1, "evidence_kind"], "ECO:0007121")
        ),
        True,
        [("insufficient-evidence", "/claims/1/grade")],
    ),
    "dose-range-order": (
        "a dose range whose maximum is below its minimum",
        setitem(["therapies", 0, "doses", 0, "max"], 50),
        True,
        [("dose-range-order", "/therapies/0/doses/0/max")],
    ),
    "invalid-unit": (
        "a dose unit that is not UCUM",
        setitem(["therapies", 0, "doses", 0, "unit"], "mcg"),
        True,
        [("invalid-unit", "/therapies/0/doses/0/unit")],
    ),
    "invalid-date": (
        "a date that does not exist",
        setitem(["therapies", 0, "status_history", 0, "date"], "2019-02-30"),
        True,
        [("invalid-date", "/therapies/0/status_history/0/date")],
    ),
    "future-date": (
        "an event after the document's as_of date",
        setitem(["therapies", 0, "status_history", 1, "date"], "2027-01-01"),
        True,
        [("future-date", "/therapies/0/status_history/1/date")],
    ),
    "status-order": (
        "a status history out of order",
        setitem(["therapies", 0, "status_history", 1, "date"], "2018-01-01"),
        True,
        [("status-order", "/therapies/0/status_history/1/date")],
    ),
    "check-digit": (
        "a CAS number with a wrong check digit",
        setitem(["compounds", 0, "identifiers"], ["cas:50-00-1"]),
        True,
        [("check-digit", "/compounds/0/identifiers/0")],
    ),
    "duplicate-identifier": (
        "one identifier on two compounds",
        setitem(["compounds", 1, "identifiers"], ["cas:50-00-0"]),
        True,
        [("duplicate-identifier", "/compounds/1/identifiers/0")],
    ),
    "duplicate-name": (
        "a synonym that names another compound (Greek letters normalised)",
        setitem(["compounds", 2, "synonyms"], ["5alpha-CA"]),
        True,
        [("duplicate-name", "/compounds/2")],
    ),
    "bad-evidence-kind": (
        "an evidence kind that is not an ECO term",
        setitem(["claims", 0, "evidence_kind"], "CHEBI:0006006"),
        False,
        [("pattern", "/claims/0/evidence_kind")],
    ),
    "unknown-consensus": (
        "a consensus level outside the vocabulary",
        setitem(["claims", 0, "consensus"], "settled"),
        False,
        [("unknown-variant", "/claims/0/consensus")],
    ),
    "optional-wrong-type": (
        "an optional field (a source's year) given as text",
        setitem(["sources", 0, "year"], "2020"),
        False,
        [("type", "/sources/0/year")],
    ),
    "evidence-kind-grade": (
        "a clinical-trial grade resting on an in-vitro assay",
        chain(
            setitem(["claims", 0, "grade"], "clinical-trial"), setitem(["claims", 0, "evidence_kind"], "ECO:0007122")
        ),
        True,
        [("evidence-kind-grade", "/claims/0/evidence_kind")],
    ),
    "consensus-direction": (
        "a claim called established whose evidence is mixed",
        setitem(["claims", 0, "direction"], "mixed"),
        True,
        [("consensus-direction", "/claims/0/consensus")],
    ),
    "excerpt-too-long": (
        "an excerpt longer than a short quotation",
        setitem(["claims", 0, "excerpts", 0, "text"], ("C potentiates R. " * 20).strip()),
        True,
        [("excerpt-too-long", "/claims/0/excerpts/0/text")],
    ),
    "excerpt-source-not-cited": (
        "an excerpt quoting a source the claim does not cite",
        setitem(
            ["claims", 1, "excerpts"], [{"source": "src-paper", "text": "Z does not raise C.", "locator": "abstract"}]
        ),
        True,
        [("excerpt-source-not-cited", "/claims/1/excerpts/0/source")],
    ),
    "excerpt-dangling-source": (
        "an excerpt quoting a source that does not exist",
        setitem(["claims", 0, "excerpts", 0, "source"], "src-papper"),
        True,
        [("dangling-reference", "/claims/0/excerpts/0/source")],
    ),
    # The paper's identifier is one whose abstract the library ships (the ganaxolone PTSD trial,
    # pubmed:28667510); the quoted words are not in it.
    "excerpt-not-found": (
        "an excerpt that does not occur in the shipped text of the source it quotes",
        setitem(["sources", 1, "identifiers"], ["pubmed:28667510"]),
        True,
        [("excerpt-not-found", "/claims/0/excerpts/0/text")],
    ),
    "empty-coverage": (
        "a coverage entry that points at nothing",
        setitem(["coverage", 0, "represented_by"], []),
        True,
        [("empty-coverage", "/coverage/0/represented_by")],
    ),
    # Found by the second hostile-input review.
    "inchikey-flag": (
        "an InChIKey whose flag and version letters no InChI produces",
        setitem(["compounds", 0, "identifiers"], ["inchikey:AAAAAAAAAAAAAA-BBBBBBBBXA-N"]),
        False,
        [("pattern", "/compounds/0/identifiers/0")],
    ),
    "self-claim": (
        "a claim that relates a compound to itself",
        chain(setitem(["claims", 0, "predicate"], "precursor-of"), setitem(["claims", 0, "object"], "compound-c")),
        True,
        [("self-claim", "/claims/0/object")],
    ),
    "future-as-of": (
        "an as_of date far in the future, which would switch off every future-date check",
        setitem(["as_of"], "9999-12-31"),
        True,
        [("future-date", "/as_of")],
    ),
    "future-year": (
        "a publication year after the document's as_of year",
        setitem(["sources", 1, "year"], 2999),
        True,
        [("future-date", "/sources/1/year")],
    ),
    "dose-out-of-range": (
        "a dose of 1e308 mg",
        setitem(["therapies", 0, "doses", 0, "max"], 1e308),
        True,
        [("range", "/therapies/0/doses/0/max")],
    ),
    "ucum-sign-without-exponent": (
        "a unit with a sign but no exponent",
        setitem(["therapies", 0, "doses", 0, "unit"], "mg-"),
        True,
        [("invalid-unit", "/therapies/0/doses/0/unit")],
    ),
    "lookalike-name": (
        "a synonym that differs from another compound's name only by Cyrillic letters",
        setitem(["compounds", 2, "synonyms"], ["\u0421\u043empound B"]),
        True,
        [("duplicate-name", "/compounds/2")],
    ),
    "zero-padded-identifier": (
        "a zero-padded CAS number that is another compound's",
        setitem(["compounds", 1, "identifiers"], ["cas:0050-00-0"]),
        True,
        [("duplicate-identifier", "/compounds/1/identifiers/0")],
    ),
    "fact-sheet-about-a-source": (
        "a fact sheet whose subject is a source",
        setitem(["fact_sheets", 0, "subject"], "src-paper"),
        True,
        [("wrong-reference-kind", "/fact_sheets/0/subject")],
    ),
    # A final line break, which Python's `$` (python-jsonschema) lets through a pattern.
    "trailing-newline-id": (
        "an id that ends with a line break",
        setitem(["effects", 0, "id"], "effect-e\n"),
        False,
        [("pattern", "/effects/0/id")],
    ),
    "trailing-newline-identifier": (
        "an identifier that ends with a line break",
        setitem(["compounds", 0, "identifiers"], ["cas:50-00-0\n"]),
        False,
        [("pattern", "/compounds/0/identifiers/0")],
    ),
    "trailing-newline-formula": (
        "a formula that ends with a line break",
        setitem(["compounds", 0, "formula"], "C2H6O\n"),
        False,
        [("pattern", "/compounds/0/formula")],
    ),
    "trailing-newline-url": (
        "a URL that ends with a line break",
        setitem(["sources", 0, "url"], "https://example.org/a\n"),
        False,
        [("pattern", "/sources/0/url")],
    ),
    "trailing-newline-date": (
        "a date that ends with a line break",
        setitem(["as_of"], "2026-01-31\n"),
        False,
        [("pattern", "/as_of")],
    ),
}

# A format 1.1 document with the fields 1.1 added: Rhea reference and ChEBI participants on a
# reaction, receptor subunits, the MHRA regulator, MONDO and Rhea prefixes. The Rhea entry
# (43924: pregnenolone + NAD+ = pregn-5-ene-3,20-dione + NADH + H+) is one of the vendored
# snapshot's, so the compounds carry the ChEBI ids of its two sides.
GROUNDED = copy.deepcopy(BASE)
GROUNDED["schema_version"] = "1.1.0"
GROUNDED["compounds"][0]["identifiers"] = ["cas:50-00-0", "CHEBI:16581"]
GROUNDED["compounds"][1]["identifiers"] = ["CHEBI:63837"]
GROUNDED["reactions"][0]["rhea_master"] = "rhea:43924"
GROUNDED["reactions"][0]["rhea_direction"] = "rhea:43925"
GROUNDED["reactions"][0]["participants"] = ["CHEBI:57540", "CHEBI:57945", "CHEBI:15378"]
GROUNDED["gene_products"].append(
    {
        "id": "gene-r1",
        "name": "Receptor R subunit 1",
        "symbol": "GENER1",
        "identifiers": ["hgnc:2"],
        "direction": "not-applicable",
    }
)
GROUNDED["receptors"][0]["subunits"] = ["gene-r1"]
# A subtype of receptor R (format 1.1 `subtype_of`): built from the same subunit, no mechanisms of its own.
GROUNDED["receptors"].append(
    {"id": "receptor-r-sub", "name": "Receptor R subtype", "subunits": ["gene-r1"], "subtype_of": "receptor-r"}
)
GROUNDED["conditions"][0]["identifiers"].append("MONDO:0000001")
GROUNDED["therapies"][0]["status_history"].insert(
    1,
    {
        "date": "2020-01-02",
        "regulator": "MHRA",
        "status": "approved",
        "condition": "condition-k",
        "source": "src-paper",
    },
)

# Rule vectors on the grounded document: name: (description, mutation, [(code, path)]).
GROUNDED_INVALID = {
    "rhea-direction": (
        "a Rhea direction id that belongs to no direction of its master (master + 3 is the bidirectional id)",
        setitem(["reactions", 0, "rhea_direction"], "rhea:43927"),
        [("rhea-direction", "/reactions/0/rhea_direction")],
    ),
    "rhea-direction-wrong-prefix": (
        "a Rhea reference that is not a Rhea id",
        setitem(["reactions", 0, "rhea_master"], "CHEBI:16581"),
        [("rhea-direction", "/reactions/0/rhea_master")],
    ),
    "rhea-participants": (
        "the right-to-left direction puts the substrate on the product side",
        setitem(["reactions", 0, "rhea_direction"], "rhea:43926"),
        [("rhea-participants", "/reactions/0/substrate"), ("rhea-participants", "/reactions/0/product")],
    ),
    "rhea-participant-not-in-equation": (
        "a participant that the Rhea equation does not name",
        setitem(["reactions", 0, "participants"], ["CHEBI:57783"]),
        [("rhea-participants", "/reactions/0/participants/0")],
    ),
    "rhea-direction-without-master": (
        "a Rhea direction without its master",
        delitem(["reactions", 0, "rhea_master"]),
        [("rhea-direction", "/reactions/0")],
    ),
    "dangling-subunit": (
        "a receptor subunit that is not a gene product",
        setitem(["receptors", 0, "subunits"], ["site-s"]),
        [("wrong-reference-kind", "/receptors/0/subunits/0")],
    ),
    "subtype-of-not-a-receptor": (
        "a receptor said to be a subtype of something that is not a receptor",
        setitem(["receptors", 1, "subtype_of"], "gene-r1"),
        [("wrong-reference-kind", "/receptors/1/subtype_of")],
    ),
}

# Documents that are not JSON at all: no schema validator sees them; the parser must.
RAW_INVALID = {
    "syntax-error": ("a truncated document", '{"schema_version": "1.0.0", "as_of": ', [("syntax", "")]),
    "duplicate-key": (
        "a key twice in one object (JSON readers disagree on which wins)",
        '{"schema_version": "1.0.0", "as_of": "2026-01-31", "as_of": "2026-01-30"}',
        [("duplicate-key", "/as_of")],
    ),
    "not-an-object": ("a document that is an array", "[]", [("type", "")]),
    # Valid JSON, but beyond a 64-bit float: JavaScript and Python read it as Infinity.
    "number-out-of-range": (
        "a molar mass of 1e400",
        json.dumps(BASE, indent=2, ensure_ascii=False).replace('"molar_mass": 46.07', '"molar_mass": 1e400', 1),
        [("range", "/compounds/0/molar_mass")],
    ),
}


# Where a JSON Schema validator, run as users run it, legitimately gives another verdict than
# the library at --level schema: {vector: {"why": ..., "validators": {name: {"valid": verdict}}}}.
# tools/schema-judges checks every validator against the library on every vector, and that each
# exception below still holds; the README's "JSON Schema" section says the same in prose.
ALL_SCHEMA_VALIDATORS = [
    "python-jsonschema",
    "check-jsonschema",
    "check-jsonschema --regex-variant python",
    "ajv",
    "ajv-cli",
]
SCHEMA_EXCEPTIONS = {
    "about": "Where a JSON Schema validator legitimately gives another verdict than the library at "
    "--level schema, and why (tools/schema-judges checks that each still holds). Written by "
    "tests/vectors/make_vectors.py.",
    "exceptions": {
        "invalid/duplicate-key.json": {
            "why": "A key twice in one object is gone before any JSON Schema validator runs: the JSON "
            "reader keeps one value (the last, in Python and JavaScript). JSON Schema cannot see "
            "duplicate keys; the library reports them (duplicate-key).",
            "validators": {v: {"valid": True} for v in ALL_SCHEMA_VALIDATORS},
        },
        "invalid/number-out-of-range.json": {
            "why": "1e400 is valid JSON but beyond a 64-bit float. Python's json reads it as inf, which "
            "passes `exclusiveMinimum: 0`; JavaScript reads Infinity, which ajv rejects as not a "
            "number. The library reports range at the number.",
            "validators": {v: {"valid": True} for v in ALL_SCHEMA_VALIDATORS if not v.startswith("ajv")},
        },
        "valid/unquoted-dates.yaml": {
            "why": "An unquoted date (as_of: 2026-01-31) is a string in YAML 1.2, which the library and "
            "check-jsonschema read, but a date object in YAML 1.1 readers: PyYAML's safe_load and "
            "js-yaml 3 (ajv-cli), so the schema's `type: string` fails there. Quote dates, or "
            "validate with the library (neurosteroid.validate accepts date objects).",
            "validators": {"python-jsonschema": {"valid": False}, "ajv": {"valid": False}, "ajv-cli": {"valid": False}},
        },
    },
}


def write(path, text):
    path.write_text(text, encoding="utf-8")


def main():
    valid = HERE / "valid"
    invalid = HERE / "invalid"
    for d in (valid, invalid):
        d.mkdir(exist_ok=True)
        for f in d.iterdir():
            f.unlink()
    write(valid / "base.json", json.dumps(BASE, indent=2, ensure_ascii=False) + "\n")
    write(valid / "base.yaml", to_yaml(BASE) + "\n")
    # Dates written unquoted, as people write YAML: the library reads YAML 1.2 (a date is a
    # string); YAML 1.1 readers (PyYAML, js-yaml) make date objects (schema-exceptions.json).
    write(valid / "unquoted-dates.yaml", re.sub(r'"([0-9]{4}-[0-9]{2}-[0-9]{2})"', r"\1", to_yaml(BASE)) + "\n")
    write(valid / "minimal.json", json.dumps({"schema_version": "1.0.0", "as_of": "2026-01-31"}) + "\n")
    # A document written for format 1.0 (no evidence kinds, consensus or excerpts) still loads.
    v1_0 = copy.deepcopy(BASE)
    v1_0["schema_version"] = "1.0.0"
    for c in v1_0["claims"]:
        for field in ("evidence_kind", "consensus", "excerpts"):
            c.pop(field, None)
    write(valid / "format-1-0.json", json.dumps(v1_0, indent=2, ensure_ascii=False) + "\n")
    # An explicit `null` in an optional field reads as the field left out (the schema says
    # so with `"type": [T, "null"]`): as JSON, and as YAML's empty value.
    nulls = copy.deepcopy(BASE)
    nulls["compounds"][0]["description"] = None
    nulls["compounds"][0]["molar_mass"] = None
    nulls["sources"][0]["year"] = None
    nulls["claims"][0]["consensus"] = None
    write(valid / "explicit-null.json", json.dumps(nulls, indent=2, ensure_ascii=False) + "\n")
    editor = dict(BASE)
    editor = {"$schema": "../../../schema/knowledge-base.schema.json", **editor}
    write(valid / "with-schema-key.json", json.dumps(editor, indent=2, ensure_ascii=False) + "\n")
    for name, (description, fn, schema_valid, errors) in INVALID.items():
        write(invalid / f"{name}.json", json.dumps(mutate(fn), indent=2, ensure_ascii=False) + "\n")
        expected = {
            "description": description,
            "schema_valid": schema_valid,
            "errors": [{"code": c, "path": p} for c, p in errors],
        }
        write(invalid / f"{name}.expected.json", json.dumps(expected, indent=2) + "\n")
    write(valid / "grounded-1-1.json", json.dumps(GROUNDED, indent=2, ensure_ascii=False) + "\n")
    for name, (description, fn, errors) in GROUNDED_INVALID.items():
        doc = copy.deepcopy(GROUNDED)
        fn(doc)
        write(invalid / f"{name}.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        expected = {
            "description": description,
            "schema_valid": True,
            "errors": [{"code": c, "path": p} for c, p in errors],
        }
        write(invalid / f"{name}.expected.json", json.dumps(expected, indent=2) + "\n")
    for name, (description, text, errors) in RAW_INVALID.items():
        write(invalid / f"{name}.json", text + "\n")
        expected = {
            "description": description,
            "schema_valid": None,
            "errors": [{"code": c, "path": p} for c, p in errors],
        }
        write(invalid / f"{name}.expected.json", json.dumps(expected, indent=2) + "\n")
    write(HERE / "schema-exceptions.json", json.dumps(SCHEMA_EXCEPTIONS, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
