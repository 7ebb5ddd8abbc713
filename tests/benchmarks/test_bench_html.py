"""Benchmarks of the HTML page (stylesheets compiled once, then warm).

Run with: python3 -m pytest tests/benchmarks/test_bench_html.py --benchmark-only
Targets: the seed under 30 ms; a 2 MB TEI document under 150 ms.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from teikit.html import HtmlRenderer
from teikit.xmlparse import parse_file

ROOT = Path(__file__).resolve().parents[2]
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
P5SUBSET = ROOT.parent / "shared" / "tei" / "p5subset.xml"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def renderer():
    renderer = HtmlRenderer()
    renderer.render(parse_file(CONTRACT))  # the first run pays for Saxon's start-up
    return renderer


def two_megabytes() -> etree._ElementTree:
    """The contract's document repeated (ids and pointers renamed) to 2 MB."""
    tree = copy.deepcopy(parse_file(CONTRACT))
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    (div,) = body.findall(f"{TEI}div")
    size, n = len(etree.tostring(tree)), 1
    while size < 2_000_000:
        clone = copy.deepcopy(div)
        for element in clone.iter():
            if element.get(XML_ID):
                element.set(XML_ID, f"{element.get(XML_ID)}-{n}")
            if element.get("target"):
                element.set("target", " ".join(f"{t}-{n}" for t in element.get("target").split()))
        body.append(clone)
        size += len(etree.tostring(clone))
        n += 1
    return tree


def test_bench_html_seed_warm(benchmark, renderer):
    tree = parse_file(SEED_TEI if SEED_TEI.is_file() else CONTRACT)
    page = benchmark(renderer.render, tree)
    assert "note-ref" in page


def test_bench_html_2mb(benchmark, renderer):
    tree = two_megabytes()
    page = benchmark.pedantic(renderer.render, args=(tree,), rounds=7, iterations=1, warmup_rounds=1)
    assert page.count('class="note-ref"') > 1000


def test_bench_html_p5subset(benchmark, renderer):
    if not P5SUBSET.is_file():
        pytest.skip("../shared/tei/p5subset.xml is not present")
    tree = parse_file(P5SUBSET)
    page = benchmark.pedantic(renderer.render, args=(tree,), rounds=3, iterations=1, warmup_rounds=1)
    assert "tei-elementSpec" in page


EMPTY_XSL = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"/>
</xsl:stylesheet>"""

FLOOR_XSL = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" html-version="5"/>
  <xsl:mode on-no-match="text-only-copy"/>
  <xsl:template match="*"><span class="{local-name()}"><xsl:apply-templates/></span></xsl:template>
</xsl:stylesheet>"""


def test_bench_html_2mb_floor(benchmark, tmp_path):
    """For comparison: the same 2 MB through Saxon with a one-template stylesheet
    (hand-over, parse, one span per element, serialization): what any page costs."""
    from teikit.xslt import Stylesheet

    path = tmp_path / "floor.xsl"
    path.write_text(FLOOR_XSL, encoding="utf-8")
    sheet = Stylesheet(path)
    tree = two_megabytes()
    benchmark.pedantic(sheet.transform, args=(tree,), rounds=7, iterations=1, warmup_rounds=1)


def test_bench_html_2mb_handoff(benchmark, tmp_path):
    """For comparison: the hand-over alone (lxml serializes the tree, Saxon parses
    it) under a stylesheet that writes nothing: the part no stylesheet can save."""
    from teikit.xslt import Stylesheet

    path = tmp_path / "empty.xsl"
    path.write_text(EMPTY_XSL, encoding="utf-8")
    sheet = Stylesheet(path)
    tree = two_megabytes()
    benchmark.pedantic(sheet.transform, args=(tree,), rounds=7, iterations=1, warmup_rounds=1)
