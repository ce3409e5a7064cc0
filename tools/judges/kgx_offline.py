"""Runs the `kgx` command line offline.

`kgx` builds a Biolink Model Toolkit (`bmt.Toolkit()`) when imported, and that downloads the
Biolink model and a predicate map; `kgx` also downloads JSON-LD prefix contexts. The
`biolink-model` package ships both the model (`schema/biolink_model.yaml`) and its prefix
map, so this launcher points the toolkit at the packaged YAML (with an empty predicate map,
used only to translate old predicates), fills kgx's context cache from the packaged prefix
map, and then runs `kgx.cli.cli()` with the given arguments:

    KGX_EXTRA_PREFIXES=neurosteroid=https://neurosteroid.invalid/kb/ \
        python kgx_offline.py validate -i jsonl nodes.jsonl edges.jsonl 2> report.txt

`kgx validate` knows only Biolink's prefixes; a graph's own namespace (here the
`neurosteroid:` ids of entities that have no external identifier) is declared with
`KGX_EXTRA_PREFIXES` (`prefix=IRI`, comma-separated), as a KGX transform's `prefix_map` would.
The report (JSON) goes to standard error; the exit status is 1 when there are errors.
"""

from __future__ import annotations

import json
import os
import pathlib
from typing import Any

import biolink_model
from bmt import toolkit as bmt_toolkit
from linkml_runtime.utils.schemaview import SchemaView

PACKAGE = pathlib.Path(next(iter(biolink_model.__path__)))  # a namespace package: no __file__
MODEL_YAML = str(PACKAGE / "schema" / "biolink_model.yaml")
PREFIX_MAP = PACKAGE / "prefixmaps" / "biolink_model_prefix_map.json"


def _offline_init(self: Any, schema: Any = MODEL_YAML, predicate_map: Any = None) -> None:
    self.view = SchemaView(schema)
    self.pmap = {"predicate mappings": []}


bmt_toolkit.Toolkit.__init__ = _offline_init  # type: ignore[method-assign]

import kgx.config

_context = json.loads(PREFIX_MAP.read_text())
for _pair in filter(None, os.environ.get("KGX_EXTRA_PREFIXES", "").split(",")):
    _prefix, _, _iri = _pair.partition("=")
    _context[_prefix] = _iri
for _name in ("biolink", "monarch_context", "obo_context"):
    kgx.config.jsonld_context_map[_name] = dict(_context)

from kgx.cli import cli

if __name__ == "__main__":
    cli()
