"""The HTML fact sheet is valid HTML, self-contained, and renders in a real headless
browser (Debian's chromium) without errors; a screenshot is kept as a test artefact
(artifacts/fact-sheet.png)."""

from __future__ import annotations

import pathlib
import subprocess
import tempfile

import neurosteroid as ns
from conftest import headless_chromium


def test_html_is_valid_and_self_contained() -> None:
    import html5lib

    html = ns.default_kb().render("allopregnanolone", format="html")
    html5lib.HTMLParser(strict=True).parse(html)  # raises on any parse error
    for external in ("<script", "<link", 'src="http', "@import", "url(http"):
        assert external not in html


def test_html_renders_in_headless_chromium(root: pathlib.Path) -> None:
    html = ns.default_kb().render("allopregnanolone", format="html")
    artifacts = root / "artifacts"
    artifacts.mkdir(exist_ok=True)
    page = artifacts / "fact-sheet.html"
    page.write_text(html, encoding="utf-8")
    shot = artifacts / "fact-sheet.png"
    if shot.exists():
        shot.unlink()
    with tempfile.TemporaryDirectory() as profile:
        chromium, *flags = headless_chromium(profile)
        flags += ["--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
        dom = subprocess.run(
            [chromium, *flags, "--dump-dom", page.as_uri()], check=False, capture_output=True, text=True, timeout=120
        )
        assert dom.returncode == 0, dom.stderr[-2000:]
        console_errors = [l for l in dom.stderr.splitlines() if "CONSOLE" in l or "Refused to" in l]
        assert console_errors == []
        # The diagram made it into the rendered document, with every compound of the route.
        assert "<svg" in dom.stdout and 'class="pathway' in dom.stdout
        for c in ns.default_kb().biosynthesis("allopregnanolone").compounds:
            assert f'data-id="{c.id}"' in dom.stdout
        run = subprocess.run(
            [chromium, *flags, "--window-size=1100,2400", f"--screenshot={shot}", page.as_uri()],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000
