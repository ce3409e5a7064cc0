"""Smoke test of an installed wheel (run by tools/check-dist.sh in a fresh venv, outside the
repository): import, the embedded knowledge base, resolution, validation."""

from __future__ import annotations

import sys
import sysconfig

import neurosteroid as ns

# The package must come from the venv, not from a source checkout.
site = sysconfig.get_paths()["purelib"]
assert ns.__file__ is not None and ns.__file__.startswith(site), (ns.__file__, site)

kb = ns.default_kb()
assert kb.get("allopregnanolone").name == "allopregnanolone"

hit = kb.resolve("Zulresso")
assert hit.entity.id == "brexanolone", hit
assert any(e.id == "allopregnanolone" for e in hit.related)

route = kb.biosynthesis("allopregnanolone")
assert route.compounds[0].id == "cholesterol"

problems = ns.validate({"schema_version": "1.0.0", "as_of": "2026-02-30"})
assert [(d.code, d.path) for d in problems] == [("invalid-date", "/as_of")], problems
assert ns.validate(kb.to_json()) == []

try:
    ns.loads('{"schema_version": "1.0.0"}')
except ns.ValidationError as e:
    assert e.diagnostics[0].code == "missing-field"
else:
    raise AssertionError("an invalid document loaded")

print(f"smoke test passed on Python {sys.version.split()[0]} with neurosteroid {ns.__version__}")
