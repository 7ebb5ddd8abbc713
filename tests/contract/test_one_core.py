"""The outputs read the TEI by one set of rules (xslt/common/common.xsl):
the HTML page, the PDF's data and the site's record agree on the header's
fields, on which notes are numbered, and on the register mentions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html

from teikit.html import HtmlRenderer
from teikit.pdf import PdfRenderer
from teikit.site.records import RecordReader
from teikit.xmlparse import parse_bytes, parse_file

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "tests" / "fixtures" / "contract.xml", ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"]
REGISTER_HREF = "../register.html"


@pytest.fixture(scope="module")
def outputs():
    renderers = HtmlRenderer(), PdfRenderer(), RecordReader()

    def render(path: Path):
        tree = parse_file(path)
        page = html.fromstring(renderers[0].render(tree, name=path.name, register_href=REGISTER_HREF))
        return tree, page, json.loads(renderers[1].data(tree, name=path.name)), renderers[2].read(tree, path.name)

    return render


def _nodes(nodes, kind):
    for node in nodes:
        if isinstance(node, dict):
            if node["k"] == kind:
                yield node
            yield from _nodes(node.get("c", ()), kind)
            yield from _nodes(node.get("alt", ()), kind)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_page_pdf_and_record_agree_on_the_header(outputs, path):
    _, page, data, record = outputs(path)
    meta = data["meta"]
    assert record["title"] == meta["title"] == " ".join(page.xpath("string(//h1[@class='doc-title'])").split())
    assert record["date"] == meta["when"] and record["date_text"] == meta["date"]
    page_date = page.xpath("//header[@class='masthead']//dt[.='Date']/following-sibling::dd//time")[0]
    assert page_date.get("datetime") == meta["when"] and page_date.text_content() == meta["date"]
    assert record["archive"] == meta["archive"]
    archive_rows = [" ".join(page.xpath(f"string(//dt[.='{label}']/following-sibling::dd)").split())
                    for label in ("Archive", "Call number")]
    assert meta["archive"] == ", ".join(row.replace("; ", ", ") for row in archive_rows if row)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_numbered_notes_are_the_same_in_both_outputs(outputs, path):
    _, page, data, _ = outputs(path)
    markers = page.xpath("//article//button[@class='note-ref']")
    footnotes = list(_nodes(data["body"], "note"))
    assert markers and len(markers) == len(footnotes)
    inline_html = len(page.xpath("//article//*[contains(concat(' ', @class, ' '), ' note-inline ')]"))
    assert inline_html == len(list(_nodes(data["body"], "note-inline")))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_every_mention_in_the_record_is_an_anchor_of_the_page(outputs, path):
    tree, page, _, record = outputs(path)
    register_links = page.xpath(f"//a[starts-with(@href, '{REGISTER_HREF}#')]")
    # A mention met again in its paragraph is marked, not linked, and names its entry.
    again = page.xpath("//span[contains(concat(' ', @class, ' '), ' name-again ')][@data-entry]")
    anchored = {a.get("id"): a.get("href").split("#", 1)[1] for a in register_links if a.get("id")}
    anchored.update({s.get("id"): s.get("data-entry") for s in again if s.get("id")})
    total = sum(count for count, _, _ in record["mentions"].values())
    # every mention outside the masthead (whose values are copies) is anchored
    assert total == len(anchored) == len(register_links) + len(again) - len(page.xpath(
        f"//header[@class='masthead']//a[starts-with(@href, '{REGISTER_HREF}#')]"))
    for entry, (count, label, anchor) in record["mentions"].items():
        assert anchored[anchor] == entry and label


def test_quotations_and_citations_are_set_alike():
    ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
    body = ('<div><p>He said <cit><quote>“no”</quote> <bibl>(Pravda)</bibl></cit>.</p>'
            '<cit><quote><p>A block quotation.</p></quote><bibl>Source</bibl></cit>'
            '<quote>Standing alone</quote></div>')
    tree = parse_bytes(f"<TEI {ns}><text><body>{body}</body></text></TEI>".encode(), "q.xml")
    page = html.fromstring(HtmlRenderer().render(tree))
    data = json.loads(PdfRenderer().data(tree))
    assert [c.tag for c in page.xpath("//*[@class='cit']")] == ["span", "div"]
    assert [n["block"] for n in _nodes(data["body"], "cit")] == [False, True]
    blocks = page.xpath("//blockquote[@class='quote']")
    pdf_blocks = [n for n in _nodes(data["body"], "quote") if n["block"]]
    assert len(blocks) == len(pdf_blocks) == 2 and "Standing alone" in blocks[1].text_content()
    assert pdf_blocks[1]["c"] == ["Standing alone"]
    assert [n["block"] for n in _nodes(data["body"], "bibl")] == [False, False]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_no_element_of_the_text_falls_through_to_a_fallback(outputs, path):
    # contract.xml exercises every rule of teikit.sch and every element of teikit.rnc's text
    _, page, data, _ = outputs(path)
    containers = {"tei-text", "tei-body", "tei-front", "tei-back", "tei-group"}
    fallen = {c for e in page.xpath("//article//*[starts-with(@class, 'tei-')]") for c in e.get("class").split()}
    assert fallen <= containers
    assert [n["name"] for n in _nodes(data["body"], "other")] == []


def test_titles_are_italic_by_the_same_rule():
    ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
    body = '<p><title level="a">Article</title> in <title level="j">Journal</title>, <title>Plain</title></p>'
    tree = parse_bytes(f"<TEI {ns}><text><body>{body}</body></text></TEI>".encode(), "t.xml")
    page = html.fromstring(HtmlRenderer().render(tree))
    upright_html = [c.text_content() for c in page.xpath("//article//cite[contains(@class, 'upright')]")]
    data = json.loads(PdfRenderer().data(tree))
    italic_pdf = ["".join(n["c"]) for n in _nodes(data["body"], "hi") if n["style"] == ["italic"]]
    assert upright_html == ["Article"] and italic_pdf == ["Journal", "Plain"]
    assert [n["name"] for n in _nodes(data["body"], "other")] == []


PHRASES = ["hi", "emph", "foreign", "term", "title", "gloss", "date", "num", "persName", "orgName", "placeName",
           "roleName", "name", "supplied", "unclear", "add", "del", "seg", "stamp", "quote", "cit", "ref", "gi",
           "label", "bibl", "note", "abbr"]


def test_every_phrase_element_of_the_grammar_has_a_rule_in_both_outputs():
    rnc = (ROOT / "schemas" / "teikit.rnc").read_text(encoding="utf-8")
    assert set(PHRASES) <= set(re.findall(r"= element (\w+)", rnc))
    body = ("<div><p>" + " ".join(f'<{e}>x</{e}>' for e in PHRASES)
            + ' <ptr target="https://example.org/"/> <ref target="#x">r</ref> <gap/><lb/><pb/>'
            '<choice><sic>a</sic><corr>b</corr></choice><choice><abbr>a</abbr><expan>b</expan></choice></p>'
            '<milestone unit="section"/><list><item>i</item></list><ab>ab</ab></div>')
    tree = parse_bytes(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{body}</body></text></TEI>'.encode(),
                       "p.xml")
    page = html.fromstring(HtmlRenderer().render(tree))
    fallen = {c for e in page.xpath("//article//*[starts-with(@class, 'tei-')]") for c in e.get("class").split()}
    assert fallen <= {"tei-text", "tei-body"}
    data = json.loads(PdfRenderer().data(tree))
    assert [n["name"] for n in _nodes(data["body"], "other")] == []
    assert [n["url"] for n in _nodes(data["body"], "link")] == ["", "https://example.org/", ""]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_stamps_are_drawn_or_kept_in_the_line_alike(outputs, path):
    _, page, data, _ = outputs(path)
    stamps = page.xpath("//article//span[contains(concat(' ', @class, ' '), ' stamp ')]")
    drawn_html = [" ".join(s.text_content().split()) for s in stamps if "stamp-inline" not in s.get("class")]
    boxed_pdf = [n["boxed"] for n in _nodes(data["body"], "stamp")]
    assert len(stamps) == len(boxed_pdf) and len(drawn_html) == boxed_pdf.count(True) >= 1
