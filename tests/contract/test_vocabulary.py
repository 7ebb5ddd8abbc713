"""One vocabulary per concept: the closed values of schemas/teikit.rnc are the
source, and every copy in another language (the converter, the stylesheets'
common core, the HTML's legend and CSS, the Typst template, the Schematron)
must hold exactly that set. Changing one copy alone fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.vocabulary import MARGIN_MARKS, MARK_RENDS, READER_MARKS, closed_lists

ROOT = Path(__file__).resolve().parents[2]
COMMON = ROOT / "xslt" / "common" / "common.xsl"
XSL = "http://www.w3.org/1999/XSL/Transform"
SCH = "http://purl.oclc.org/dsdl/schematron"


def _strings(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def _xsl_variable(name: str) -> str:
    (select,) = etree.parse(str(COMMON)).xpath(f"//xsl:variable[@name='{name}']/@select", namespaces={"xsl": XSL})
    return select


def _xsl_map(name: str) -> dict[str, str]:
    """A map { 'key': 'value', … } of common.xsl as a dict."""
    return dict(re.findall(r"'([^']*)'\s*:\s*'([^']*)'", _xsl_variable(name)))


MARGIN = _xsl_map("tk:margin-marks")
KINDS = set(MARGIN.values())


def test_the_grammar_has_the_lists_the_copies_follow():
    lists = closed_lists()
    assert {"mark.rend", "note.type", "gap.reason"} <= set(lists)
    assert "emphasis" in MARK_RENDS and "underline" in READER_MARKS and MARGIN_MARKS


def test_common_core_draws_exactly_the_margin_marks():
    assert set(MARGIN) == set(MARGIN_MARKS)
    assert set(_strings(_xsl_variable("tk:in-text-rends"))) == set(MARK_RENDS) - set(MARGIN_MARKS)
    for name in ("tk:mark-names", "tk:mark-legend"):
        assert set(_xsl_map(name)) == KINDS, name
    assert set(_strings(_xsl_variable("tk:mark-order"))) == KINDS


def test_common_core_classes_exactly_the_note_types():
    classes = _xsl_map("tk:note-classes")
    assert set(classes) == set(closed_lists()["note.type"])
    assert set(classes.values()) == {"numbered", "inline"}


def test_converter_writes_exactly_the_reader_marks():
    source = (ROOT / "src" / "teikit" / "convert" / "marks.py").read_text(encoding="utf-8")
    written = set(re.findall(r'"((?:margin-[a-z-]+)|underline|emphasis)"', source))
    assert written == set(READER_MARKS)


def test_converter_header_names_the_margin_marks():
    # The encoding description the converter writes into every header lists them.
    source = (ROOT / "src" / "teikit" / "convert" / "header.py").read_text(encoding="utf-8")
    listed = re.search(r"\(rend: ([^)]*)\)", source.replace('"\n', "").replace('                       "', ""))
    assert listed and {r.strip() for r in listed.group(1).split(",")} == set(MARGIN_MARKS)


def test_typst_template_draws_every_kind_and_styles_every_in_text_rend():
    typ = (ROOT / "xslt" / "pdf" / "edition.typ").read_text(encoding="utf-8")
    block = re.search(r"#let mark-drawings = \((.*?)\n\)", typ, re.DOTALL).group(1)
    assert set(re.findall(r"^  ([\w-]+):", block, re.MULTILINE)) == KINDS
    style = re.search(r"#let style\(body, tokens\) = \{(.*?)\n\}", typ, re.DOTALL).group(1)
    for rend in set(MARK_RENDS) - set(MARGIN_MARKS):
        assert f'"{rend}"' in style, rend


def test_css_styles_every_kind_and_every_in_text_rend():
    css = (ROOT / "xslt" / "html" / "html.css").read_text(encoding="utf-8")
    assert set(re.findall(r"\.mm-([a-z-]+)\b", css)) - {"low"} == KINDS
    for rend in set(MARK_RENDS) - set(MARGIN_MARKS):
        assert f".rend-{rend}" in css, rend


def test_schematron_checks_exactly_the_reader_marks():
    sch = etree.parse(str(ROOT / "schemas" / "teikit.sch"))
    (value,) = sch.xpath("/sch:schema/sch:let[@name='reader-marks']/@value", namespaces={"sch": SCH})
    assert set(_strings(value)) == set(READER_MARKS)
    # and no rule spells a mark's @rend on its own
    for node in sch.xpath("//sch:rule/@context | //sch:assert/@test | //sch:report/@test", namespaces={"sch": SCH}):
        assert not re.search(r"margin-|'underline'", node), node


@pytest.mark.parametrize("rend", MARK_RENDS)
def test_each_rend_is_glossed_in_the_odd(rend):
    odd = (ROOT / "schemas" / "teikit.odd").read_text(encoding="utf-8")
    assert f'<valItem ident="{rend}">' in odd


def test_css_and_typst_set_off_the_same_kinds_of_segment():
    seg_types = set(closed_lists()["seg.type"])
    css = (ROOT / "xslt" / "html" / "html.css").read_text(encoding="utf-8")
    typ = (ROOT / "xslt" / "pdf" / "edition.typ").read_text(encoding="utf-8")
    lines = re.search(r"#let opener-line\(n, body\) = \{(.*?)\n\}", typ, re.DOTALL).group(1)
    in_typst = set(re.findall(r'"([a-z-]+)"', lines)) & seg_types
    in_css = set(re.findall(r"\.seg-([a-z-]+)\b", css))
    assert in_css <= seg_types and in_css == in_typst


def test_the_pdf_data_kinds_are_exactly_the_typst_rules():
    # pdf.xsl writes nodes {"k": kind, …}; edition.typ has one rule per kind
    written = set()
    for sheet in (ROOT / "xslt" / "pdf").glob("*.xsl"):
        text = sheet.read_text(encoding="utf-8")
        written |= set(re.findall(r"tk:node\('([a-z-]+)'", text)) | set(re.findall(r"'k': '([a-z-]+)'", text))
    typ = (ROOT / "xslt" / "pdf" / "edition.typ").read_text(encoding="utf-8")
    rules = re.search(r"#let rules = \((.*?)\n\)", typ, re.DOTALL).group(1)
    assert written == set(re.findall(r"^  ([a-z-]+): \(n, body, r\)", rules, re.MULTILINE))
