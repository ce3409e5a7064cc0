#!/usr/bin/env python3
"""Writes the hostile-input corpus: small cases are committed here; large ones (deep
nesting, alias bombs, long strings, a 1 GiB sparse file) are generated into the directory
given as the first argument (default: target/hostile) by the Rust and Python tests.

Each case `NAME.EXT` has `NAME.expected` beside it: the code of the first error diagnostic,
or `valid`.
"""

import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
MINIMAL = '{"schema_version": "1.0.0", "as_of": "2026-01-31"}'

SMALL = {
    "empty.json": (b"", "syntax"),
    "whitespace.json": (b"   \n\t ", "syntax"),
    "bom.json": (b"\xef\xbb\xbf" + MINIMAL.encode(), "valid"),
    "invalid-utf8.json": (b'{"schema_version": "1.0.0", "as_of": "\xff\xfe"}', "encoding"),
    "truncated.json": (MINIMAL[:30].encode(), "syntax"),
    "nan.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "a", "molar_mass": NaN}]}',
        "syntax",
    ),
    "infinity.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "a", "molar_mass": Infinity}]}',
        "syntax",
    ),
    "huge-number.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "a", "molar_mass": 1e400}]}',
        "range",
    ),
    "lone-surrogate.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "\\ud800"}]}',
        "syntax",
    ),
    "nul-byte.json": (b'{"schema_version": "1.0.0",\x00 "as_of": "2026-01-31"}', "syntax"),
    "duplicate-keys.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "as_of": "2026-01-30"}',
        "duplicate-key",
    ),
    "trailing-garbage.json": ((MINIMAL + " {}").encode(), "syntax"),
    "not-an-object.json": (b'"just a string"', "type"),
    "yaml-nan.yaml": (
        b'schema_version: "1.0.0"\nas_of: "2026-01-31"\ncompounds:\n  - id: a\n    name: a\n    molar_mass: .nan\n',
        "type",
    ),
    "yaml-tag.yaml": (b'schema_version: !!python/object:os.system "1.0.0"\nas_of: "2026-01-31"\n', "type"),
    "yaml-two-documents.yaml": (
        b'schema_version: "1.0.0"\nas_of: "2026-01-31"\n---\nschema_version: "1.0.0"\n',
        "syntax",
    ),
    "yaml-duplicate-keys.yaml": (
        b'schema_version: "1.0.0"\nas_of: "2026-01-31"\nas_of: "2026-01-30"\n',
        "duplicate-key",
    ),
    "yaml-complex-key.yaml": (b"? [a, b]\n: 1\n", "type"),
    "yaml-unknown-alias.yaml": (b"a: *nothing\n", "syntax"),
    "script-in-name.json": (
        b'{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "<script>alert(1)</script>"}]}',
        "valid",
    ),
}


def large(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cases = {
        "deep-array.json": ("[" * 100_000 + "]" * 100_000, "limit"),
        "deep-object.json": ('{"a":' * 100_000 + "1" + "}" * 100_000, "limit"),
        "deep-flow.yaml": ("[" * 100_000 + "]" * 100_000, "limit"),
        "deep-block.yaml": ("".join("  " * i + "a:\n" for i in range(2_000)), "limit"),
        "long-name.json": (
            json.dumps(
                {"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [{"id": "a", "name": "α" * 5_000_000}]}
            ),
            "valid",
        ),
        "many-synonyms.json": (
            json.dumps(
                {
                    "schema_version": "1.0.0",
                    "as_of": "2026-01-31",
                    "compounds": [{"id": "a", "name": "a", "synonyms": [f"synonym {i}" for i in range(100_000)]}],
                }
            ),
            "valid",
        ),
    }
    # Anchors at every level of deep mappings, and no alias at all: each anchor used to be
    # deep-copied into the anchor table (4 MB of YAML reached 3.9 GB).
    block = "".join(f"{{a{d}: &n{{k}}x{d} " for d in range(60)) + "1" + "}" * 60
    nested = 'schema_version: "1.0.0"\nas_of: "2026-01-31"\njunk:\n' + "".join(
        "  - " + block.replace("{k}", str(k)) + "\n" for k in range(1_500)
    )
    cases["nested-anchors.yaml"] = (nested, "unknown-field")
    # 200,000 wrong entries: as many checks, but diagnostics capped per code, located
    # in one pass over the text.
    cases["many-errors.json"] = (
        '{"schema_version": "1.0.0", "as_of": "2026-01-31", "compounds": [' + ",".join(["1"] * 200_000) + "]}",
        "type",
    )
    # Many dangling references, each wanting a "did you mean" among many ids.
    many_ids = {
        "schema_version": "1.0.0",
        "as_of": "2026-01-31",
        "sites": [{"id": f"site-{i}", "name": f"Site {i}"} for i in range(5_000)],
        "reactions": [
            {
                "id": f"r-{i}",
                "name": f"R {i}",
                "substrate": f"missing-a-{i}",
                "product": f"missing-b-{i}",
                "enzyme": f"missing-e-{i}",
            }
            for i in range(1_250)
        ],
    }
    cases["many-dangling.json"] = (json.dumps(many_ids), "dangling-reference")
    laughs = 'schema_version: "1.0.0"\nas_of: "2026-01-31"\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n'
    for i in range(1, 10):
        laughs += f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n"
    cases["billion-laughs.yaml"] = (laughs, "limit")
    for name, (text, expected) in cases.items():
        (out / name).write_text(text, encoding="utf-8")
        (out / name).with_suffix(".expected").write_text(expected + "\n")
    # A 1 GiB file that takes no disk space: refused by size before it is read.
    sparse = out / "one-gib.json"
    with open(sparse, "wb") as f:
        f.truncate(1 << 30)
    sparse.with_suffix(".expected").write_text("limit\n")


def small() -> None:
    for name, (data, expected) in SMALL.items():
        (HERE / name).write_bytes(data)
        (HERE / name).with_suffix(".expected").write_text(expected + "\n")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--small":
        small()
    else:
        large(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "target" / "hostile")
