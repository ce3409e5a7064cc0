"""Escaping, judged by the parsers that read our output.

Hostile text in any field may change the *text* of a rendering, never its *structure*. Each
rendering of a poisoned knowledge base is read by the real parser of its language — cmark-gfm
(GitHub-flavoured Markdown, raw HTML allowed through), html5lib (HTML5), expat (XML, for the
SVG diagram), Graphviz (DOT) and Mermaid in headless Chromium — and its skeleton (elements,
attribute names, comments, links, styles) is compared with that of a twin knowledge base whose
hostile characters are all replaced by letters. Any markup that escaped from a field shows up
as a difference.
"""

from __future__ import annotations

import copy
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import neurosteroid as ns
import pytest
from conftest import headless_chromium

# Fields whose text a renderer shows (the Rust renderer tests poison the same ones).
TEXT_FIELDS = {
    "name",
    "title",
    "statement",
    "summary",
    "heading",
    "notes",
    "timing",
    "description",
    "synonyms",
    "brand_names",
    "subtitle",
    "text",
    "locator",
    "authors",
}

# Each payload is put at the start of every shown field (where Markdown block syntax and
# Mermaid statements take effect) and at its end.
PAYLOADS = [
    # Markdown blocks at the start of a line, inline markup, GFM autolinks and raw HTML.
    "1. item\n\n    indented code\n---\n# heading\n> quote\n- [ ] task\n| a | b |\n|---|---|",
    "https://evil.example/x www.evil.example mail@evil.example [x](javascript:alert(1)) ![i](x.png) <b>bold</b> <!-- c -->",
    "*em* _em_ **strong** ~~del~~ `code` [^1] \\ &amp; &#60; <https://evil.example>",
    # HTML and XML: element, attribute and comment break-outs; XML non-characters and controls.
    "</title><script>alert(1)</script><img src=x onerror=alert(2)>\"'&<![CDATA[x]]>-->\ufffe\uffff\x01\x1b[2J\u202e",
    # Mermaid: directives, a second statement, label break-outs, Markdown strings, entities.
    '%%{init: {"theme": "forest", "themeVariables": {"primaryColor": "#ff0000"}}}%%\nclick n0 call alert(1)\n"]; n9["x"] --> n0 `**md**` #quot; #35; |x| ]) ((x)) {x}',
    # DOT: a quoted-string break-out, an HTML-like label, an edge and a comment.
    '\\" ]; evil [label=<<b>x</b>>]; a -> b; // x\n/* y */ # z',
]


def _twin_char(c: str) -> str:
    if c.isspace():
        return " "
    return c if c.isascii() and c.isalnum() else "x"


def twin(text: str) -> str:
    """The same text with every character that could be markup replaced by a letter."""
    return "".join(_twin_char(c) for c in text)


def poisoned(doc: dict[str, Any], payload: str) -> dict[str, Any]:
    doc = copy.deepcopy(doc)

    def walk(v: Any, key: str | None) -> Any:
        if isinstance(v, dict):
            return {k: walk(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x, key) for x in v]
        if isinstance(v, str) and key in TEXT_FIELDS:
            # A quotation is at most 300 characters: excerpts get the payload once.
            return f"{payload} {v}" if key == "text" else f"{payload} {v} {payload}"
        return v

    result: dict[str, Any] = walk(doc, None)
    return result


def cases(base: dict[str, Any]) -> Iterator[tuple[str, ns.KnowledgeBase, ns.KnowledgeBase]]:
    for i, payload in enumerate(PAYLOADS):
        hostile = ns.loads(poisoned(base, payload))
        benign = ns.loads(poisoned(base, twin(payload)))
        yield f"payload {i}", hostile, benign


@pytest.fixture(scope="module")
def base(base_path: pathlib.Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(base_path.read_text(encoding="utf-8"))
    return doc


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{name} not installed")
    return path


# --- skeletons -------------------------------------------------------------------------------


def xml_skeleton(root: ET.Element) -> list[str]:
    """Tags, attribute names, link targets and class names, in document order."""
    out = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else "<!-- -->"
        attrs = sorted(el.attrib)
        links = [el.attrib[a] for a in attrs if a.endswith("href") or a == "src"]
        out.append(f"{tag} {attrs} {links} {el.attrib.get('class', '')}")
    return out


def html_skeleton(text: str) -> list[str]:
    import html5lib

    tree = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
    return xml_skeleton(tree)


def markdown_skeleton(markdown: str) -> list[str]:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    # UNSAFE: raw HTML is passed through rather than replaced by a comment, so that any raw
    # HTML that escaped from a field shows up as an element.
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return html_skeleton(rendered)


def assert_same(name: str, hostile: list[str], benign: list[str]) -> None:
    if hostile != benign:
        diff = [f"{h!r} != {b!r}" for h, b in zip(hostile, benign, strict=False) if h != b]
        pytest.fail(
            f"{name}: the hostile text changed the structure ({len(hostile)} vs {len(benign)} nodes): {diff[:5]}"
        )


# --- the judges ------------------------------------------------------------------------------


def test_markdown_structure_survives_cmark_gfm(base: dict[str, Any]) -> None:
    for name, hostile, benign in cases(base):
        md = hostile.render("compound-c", format="markdown")
        assert_same(name, markdown_skeleton(md), markdown_skeleton(benign.render("compound-c", format="markdown")))


def test_html_structure_survives_html5lib(base: dict[str, Any]) -> None:
    for name, hostile, benign in cases(base):
        page = hostile.render("compound-c", format="html")
        assert_same(name, html_skeleton(page), html_skeleton(benign.render("compound-c", format="html")))


def test_svg_is_well_formed_xml_with_a_fixed_structure(base: dict[str, Any]) -> None:
    for name, hostile, benign in cases(base):
        svg = hostile.pathway_diagram("compound-c", "svg")
        # expat rejects anything that is not well-formed XML 1.0 (non-characters included).
        assert_same(
            name,
            xml_skeleton(ET.fromstring(svg)),
            xml_skeleton(ET.fromstring(benign.pathway_diagram("compound-c", "svg"))),
        )


def test_jsonld_stays_inside_its_script_element(base: dict[str, Any]) -> None:
    import html5lib

    for name, hostile, _ in cases(base):
        data = hostile.render("compound-c", format="jsonld")
        page = f'<!DOCTYPE html><html><head><title>t</title><script type="application/ld+json">{data}</script></head><body><p>end</p></body></html>'
        tree = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
        scripts = tree.findall(".//script")
        assert len(scripts) == 1, name
        assert scripts[0].text == data, f"{name}: the JSON-LD broke out of its script element"
        assert [p.text for p in tree.findall(".//body/p")] == ["end"], name
        json.loads(scripts[0].text)


def _dot_skeleton(dot: str, source: str) -> list[str]:
    result = subprocess.run([dot, "-Tsvg"], check=False, input=source, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    svg = ET.fromstring(result.stdout)
    ns_svg = "{http://www.w3.org/2000/svg}"
    return [
        f"{g.attrib.get('class')}" for g in svg.iter(f"{ns_svg}g") if g.attrib.get("class") in {"node", "edge", "graph"}
    ]


def test_dot_structure_survives_graphviz(base: dict[str, Any]) -> None:
    dot = _tool("dot")
    for name, hostile, benign in cases(base):
        source = hostile.pathway_diagram("compound-c", "dot")
        assert_same(name, _dot_skeleton(dot, source), _dot_skeleton(dot, benign.pathway_diagram("compound-c", "dot")))


# --- Mermaid, in a real browser ---------------------------------------------------------------

MERMAID_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="{script}"></script></head>
<body><pre id="out">pending</pre><script>
mermaid.initialize({{startOnLoad: false, securityLevel: "strict"}});
const diagrams = {diagrams};
(async () => {{
  const results = [];
  for (const text of diagrams) {{
    try {{
      const {{svg}} = await mermaid.render("diagram", text);
      results.push({{ok: true, svg}});
    }} catch (e) {{
      results.push({{ok: false, error: String(e)}});
    }}
  }}
  document.getElementById("out").textContent = JSON.stringify(results);
}})();
</script></body></html>
"""


def _mermaid_script(root: pathlib.Path) -> pathlib.Path:
    script = root / "tools" / "browser" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    if not script.exists():
        if os.environ.get("CI"):
            pytest.fail("mermaid is required in CI (`make test-python` installs tools/browser)")
        pytest.skip("mermaid not installed: run `make browser-tools`")
    return script


def render_mermaid(root: pathlib.Path, diagrams: list[str]) -> list[dict[str, Any]]:
    """Renders each diagram with Mermaid in headless Chromium; returns {ok, svg|error}."""
    script = _mermaid_script(root)
    with tempfile.TemporaryDirectory() as tmp:
        page = pathlib.Path(tmp) / "mermaid.html"
        # `</` inside the JSON would end the script element: escape it as JSON allows.
        page.write_text(
            MERMAID_PAGE.format(script=script.as_uri(), diagrams=json.dumps(diagrams).replace("</", "<\\/")),
            encoding="utf-8",
        )
        chromium, *flags = headless_chromium(pathlib.Path(tmp) / "profile")
        flags += ["--allow-file-access-from-files", "--virtual-time-budget=60000"]
        run = subprocess.run(
            [chromium, *flags, "--dump-dom", page.as_uri()], check=False, capture_output=True, text=True, timeout=180
        )
    assert run.returncode == 0, run.stderr[-2000:]
    match = re.search(r'<pre id="out">(.*?)</pre>', run.stdout, re.DOTALL)
    assert match is not None and match.group(1) != "pending", run.stdout[-2000:]
    results: list[dict[str, Any]] = json.loads(html.unescape(match.group(1)))
    return results


def mermaid_skeleton(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    skeleton = xml_skeleton(root)
    # A directive that took effect changes the diagram's style sheet (theme, colours).
    styles = [el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}style")]
    return skeleton + styles


def test_mermaid_structure_and_style_survive_mermaid_in_chromium(base: dict[str, Any], root: pathlib.Path) -> None:
    pairs = [
        (name, h.pathway_diagram("compound-c", "mermaid"), b.pathway_diagram("compound-c", "mermaid"))
        for name, h, b in cases(base)
    ]
    # The check can fail: an unescaped directive does change the style sheet.
    plain = pairs[0][2]
    directive = '%%{init: {"theme": "forest"}}%%\n' + plain
    rendered = render_mermaid(root, [d for _, h, b in pairs for d in (h, b)] + [plain, directive])
    *diagrams, plain_svg, directive_svg = rendered
    assert plain_svg["ok"] and directive_svg["ok"], (plain_svg, directive_svg)
    assert mermaid_skeleton(plain_svg["svg"]) != mermaid_skeleton(directive_svg["svg"]), (
        "the judge cannot see a directive"
    )
    for (name, _, _), hostile, benign in zip(pairs, diagrams[0::2], diagrams[1::2], strict=True):
        assert hostile["ok"], f"{name}: Mermaid rejected the diagram: {hostile.get('error')}"
        assert benign["ok"], f"{name}: {benign.get('error')}"
        assert_same(name, mermaid_skeleton(hostile["svg"]), mermaid_skeleton(benign["svg"]))
