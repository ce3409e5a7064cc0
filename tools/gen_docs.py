"""Generates the documentation site's reference pages into docs/generated/ (not committed).

    python3 tools/gen_docs.py NEUROSTEROID_BINARY

- `format/*.md`: one page per entity kind, from the committed JSON Schema files in schema/
  (every property with its type, whether it is required and its description; every enum with
  its values), with the first entity of that kind in the embedded knowledge base as example;
- `cli.md`: the command-line reference, from the `--help` of every command (clap);
- `fact-sheets/*.md`: every fact sheet of the embedded data, rendered by `neurosteroid render`.

Every generated page must be named in mkdocs.yml's nav: a new entity kind or fact sheet
without a nav entry fails the build here instead of being left out of the site.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema"
OUT = ROOT / "docs" / "generated"
KB = ROOT / "crates" / "neurosteroid" / "data" / "knowledge-base.json"

Json = dict[str, Any]


def cell(text: str) -> str:
    """Text for one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def def_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def anchor(name: str) -> str:
    return name.lower()


def type_of(node: Json, local_defs: Json, pages: dict[str, str] | None = None) -> str:
    """A short Markdown description of a schema node's type; `pages` maps definitions that
    have a page of their own to it."""
    if "$ref" in node:
        name = def_name(node["$ref"])
        if pages and name in pages:
            return f"[`{name}`]({pages[name]})"
        target = local_defs.get(name, {})
        if is_enum(target) or "properties" in target or "pattern" in target:
            return f"[`{name}`](#{anchor(name)})"
        return type_of(target, local_defs) if target else f"`{name}`"
    nullable = re.match(r"^neurosteroid type `([^`]+)` or null$", node.get("$comment", ""))
    if nullable:
        # An optional scalar field: its definition written out with `null` added.
        return type_of({"$ref": f"#/$defs/{nullable.group(1)}"}, local_defs, pages) + " (or null)"
    for key in ("anyOf", "oneOf"):
        if key in node and not is_enum(node):
            parts = [type_of(n, local_defs, pages) for n in node[key] if n.get("type") != "null"]
            nullable = any(n.get("type") == "null" for n in node[key])
            return " or ".join(parts) + (" (or null)" if nullable else "")
    t = node.get("type")
    if isinstance(t, list):
        kinds = [x for x in t if x != "null"]
        base = " or ".join(f"`{x}`" for x in kinds)
        return base + (" (or null)" if "null" in t else "")
    if t == "array":
        return f"array of {type_of(node.get('items', {}), local_defs, pages)}"
    if t == "object" and "additionalProperties" in node and isinstance(node["additionalProperties"], dict):
        return f"object of {type_of(node['additionalProperties'], local_defs, pages)}"
    if is_enum(node):
        return " \\| ".join(f"`{v}`" for v, _ in enum_values(node))
    return f"`{t}`" if t else "any"


def is_enum(node: Json) -> bool:
    return "enum" in node or ("oneOf" in node and all("const" in n for n in node["oneOf"]))


def enum_description(node: Json) -> tuple[str, dict[str, str]]:
    """An enum's description without its value list, and the meaning of each value: the
    schema generator appends "- `value`: meaning" lines to the description (see `portable`
    in crates/neurosteroid-schema)."""
    intro, meanings = [], {}
    for line in node.get("description", "").split("\n"):
        m = re.fullmatch(r"- `([^`]+)`(?:: (.*))?", line)
        if m:
            meanings[m.group(1)] = m.group(2) or ""
        else:
            intro.append(line)
    return "\n".join(intro).strip(), meanings


def enum_values(node: Json) -> list[tuple[str, str]]:
    if "enum" in node:
        meanings = enum_description(node)[1]
        return [(str(v), meanings.get(str(v), "")) for v in node["enum"]]
    return [(str(n["const"]), n.get("description", "")) for n in node["oneOf"]]


def constraints(node: Json) -> str:
    bits = []
    for key, label in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minimum", "≥ {}"),
        ("exclusiveMinimum", "> {}"),
        ("maximum", "≤ {}"),
        ("minItems", "at least {} items"),
        ("format", "format `{}`"),
    ):
        if key in node:
            bits.append(label.format(node[key]))
    return "; ".join(bits)


def properties_table(node: Json, local_defs: Json, pages: dict[str, str] | None = None) -> list[str]:
    required = set(node.get("required", []))
    lines = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, prop in node.get("properties", {}).items():
        desc = prop.get("description", "")
        if "default" in prop and prop["default"] not in (None, [], {}):
            desc += f" Default: `{json.dumps(prop['default'])}`."
        lines.append(
            f"| `{name}` | {type_of(prop, local_defs, pages)} | {'yes' if name in required else 'no'} | {cell(desc)} |"
        )
    return lines


def defs_section(local_defs: Json) -> list[str]:
    out: list[str] = []
    for name in sorted(local_defs):
        d = local_defs[name]
        if not (is_enum(d) or "properties" in d or "pattern" in d):
            continue
        out += ["", f"### {name}", ""]
        intro = enum_description(d)[0] if is_enum(d) else d.get("description", "")
        if intro:
            out += [intro, ""]
        if is_enum(d):
            out += ["| value | meaning |", "|---|---|"]
            out += [f"| `{v}` | {cell(m)} |" for v, m in enum_values(d)]
        elif "properties" in d:
            out += properties_table(d, local_defs)
        else:
            extra = constraints(d)
            out += [f"A string matching `{cell(d['pattern'])}`" + (f"; {extra}." if extra else ".")]
    return out


def kind_pages(kb: Json) -> dict[str, str]:
    """Page name (the schema file's stem) -> Markdown, for every entity kind."""
    document = json.loads((SCHEMA / "knowledge-base.schema.json").read_text())

    # A per-kind file's root is the kind's definition: the same description and fields.
    def key(node: Json) -> str:
        return json.dumps([node.get("description"), sorted(node.get("properties", {}))])

    by_key: dict[str, pathlib.Path] = {}
    for path in sorted(SCHEMA.glob("*.schema.json")):
        if path.name != "knowledge-base.schema.json":
            by_key[key(json.loads(path.read_text()))] = path
    pages: dict[str, str] = {}
    kind_page: dict[str, str] = {}  # definition name -> its page
    for array, prop in document["properties"].items():
        ref = prop.get("items", {}).get("$ref")
        if not ref:
            continue
        target = document["$defs"][def_name(ref)]
        path = by_key.get(key(target))
        if path is None:
            sys.exit(f"schema/: no per-kind schema file for the `{array}` array ({ref}); run `make schema`")
        schema = json.loads(path.read_text())
        title = schema["title"].removeprefix("neurosteroid ")
        local_defs = schema.get("$defs", {})
        lines = [
            f"# {title[0].upper()}{title[1:]}",
            "",
            f"<!-- generated by tools/gen_docs.py from schema/{path.name}; do not edit -->",
            "",
            schema.get("description", ""),
            "",
            f"Items of the document's `{array}` array. JSON Schema: `schema/{path.name}` (`$id` `{schema['$id']}`).",
            "",
            "## Fields",
            "",
            *properties_table(schema, local_defs),
        ]
        example = (kb.get(array) or [None])[0]
        if example is not None:
            lines += [
                "",
                "## Example",
                "",
                f"The first of the embedded knowledge base's `{array}`:",
                "",
                "```json",
                json.dumps(example, indent=2, ensure_ascii=False),
                "```",
            ]
        more = defs_section(local_defs)
        if more:
            lines += ["", "## Types used above", *more]
        pages[path.name.removesuffix(".schema.json")] = "\n".join(lines) + "\n"
        kind_page[def_name(ref)] = path.name.removesuffix(".schema.json") + ".md"
    # The document itself.
    lines = [
        "# The document",
        "",
        "<!-- generated by tools/gen_docs.py from schema/knowledge-base.schema.json; do not edit -->",
        "",
        document.get("description", ""),
        "",
        f"JSON Schema: `schema/knowledge-base.schema.json` (`$id` `{document['$id']}`, draft 2020-12).",
        "",
        "## Fields",
        "",
        *properties_table(document, document.get("$defs", {}), kind_page),
        "",
        "## A minimal valid document",
        "",
        "```json",
        json.dumps({"schema_version": kb["schema_version"], "as_of": kb["as_of"]}, indent=2),
        "```",
    ]
    shared = {k: v for k, v in document.get("$defs", {}).items() if k in ("Date", "SchemaVersion")}
    more = defs_section(shared)
    if more:
        lines += ["", "## Types used above", *more]
    pages["knowledge-base"] = "\n".join(lines) + "\n"
    return pages


def enum_fragment(schema_file: str, name: str) -> str:
    """The table of one enumeration of a schema file (included by docs/evidence.md)."""
    node = json.loads((SCHEMA / schema_file).read_text())["$defs"][name]
    lines = ["| value | meaning |", "|---|---|"]
    lines += [f"| `{v}` | {cell(m)} |" for v, m in enum_values(node)]
    return "\n".join(lines) + "\n"


def run(binary: str, *args: str) -> str:
    done = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"`neurosteroid {' '.join(args)}` failed ({done.returncode}): {done.stderr}")
    return done.stdout


def cli_page(binary: str) -> str:
    top = run(binary, "--help")
    commands = re.findall(
        r"^  ([a-z][a-z-]*)\s{2,}", top.split("Commands:", 1)[1].split("Options:", 1)[0], re.MULTILINE
    )
    lines = [
        "# Command-line reference",
        "",
        "<!-- generated by tools/gen_docs.py from `neurosteroid --help`; do not edit -->",
        "",
        "Install with `cargo install --path crates/neurosteroid-cli` from a checkout.",
        "The options listed under `neurosteroid` apply to every command.",
        "",
        "## neurosteroid",
        "",
        "```text",
        top.rstrip(),
        "```",
    ]
    for command in commands:
        if command == "help":
            continue
        lines += ["", f"## neurosteroid {command}", "", "```text", run(binary, command, "--help").rstrip(), "```"]
    return "\n".join(lines) + "\n"


def fact_sheet_pages(binary: str, kb: Json) -> dict[str, str]:
    pages = {}
    for sheet in kb.get("fact_sheets", []):
        body = run(binary, "render", sheet["id"], "--format", "markdown")
        # Citation markers such as `[1][2]` are literal text in CommonMark, but mkdocs-autorefs
        # reads them as cross-references: escape them (the page renders the same).
        body = re.sub(r"\[(\d+)\]", r"\\[\1\\]", body)
        note = f"<!-- generated by tools/gen_docs.py with `neurosteroid render {sheet['id']}`; do not edit -->\n\n"
        pages[sheet["id"]] = note + body
    return pages


def readme_section(heading: str, title: str) -> str:
    """A section of the README (whose examples its tests run) as a page of its own."""
    readme = (ROOT / "README.md").read_text()
    start = readme.find(f"\n## {heading}\n")
    if start < 0:
        sys.exit(f"README.md has no `## {heading}` section (tools/gen_docs.py publishes it)")
    body = readme[start + len(heading) + 5 :]
    end = body.find("\n## ")
    body = body if end < 0 else body[:end]
    body = body.replace("\n### ", "\n## ").replace(" (above)", "")
    return f"# {title}\n\n<!-- generated by tools/gen_docs.py from README.md's `{heading}` section; do not edit -->\n{body}"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    kb = json.loads(KB.read_text())
    files: dict[str, str] = {}
    for name, text in kind_pages(kb).items():
        files[f"format/{name}.md"] = text
    files["cli.md"] = cli_page(binary)
    files["start/node.md"] = readme_section("JavaScript (Node.js)", "Getting started: JavaScript (Node.js)")
    files["start/editor.md"] = readme_section("In your editor", "In your editor")
    files["snippets/grades.md"] = enum_fragment("claim.schema.json", "Grade")
    files["snippets/directions.md"] = enum_fragment("claim.schema.json", "EvidenceDirection")
    files["snippets/consensus.md"] = enum_fragment("claim.schema.json", "Consensus")
    for name, text in fact_sheet_pages(binary, kb).items():
        files[f"fact-sheets/{name}.md"] = text
    nav = (ROOT / "mkdocs.yml").read_text()
    fragments = {
        "snippets/grades.md",
        "snippets/directions.md",
        "snippets/consensus.md",
    }  # included into docs/evidence.md
    missing = [p for p in files if p not in fragments and f"generated/{p}" not in nav]
    if missing:
        sys.exit(f"mkdocs.yml: add these generated pages to `nav`: {', '.join('generated/' + p for p in missing)}")
    shutil.rmtree(OUT, ignore_errors=True)
    for rel, text in files.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    print(f"wrote {len(files)} pages under {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
