"""The JSON that pdf.xsl hands to the template, one TEI convention at a time."""

from __future__ import annotations

import json

import pytest

from pdf_checks import CONTRACT
from teikit.xmlparse import parse_bytes, parse_file

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


def _nodes(value, kind=None):
    """Every node of the JSON tree (depth first), optionally of one kind."""
    out = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if kind is None or item.get("k") == kind:
                out.append(item)
            stack.extend(reversed(item.get("c", [])))
            stack.extend(reversed(item.get("alt", [])))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


def _text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(_text(v) for v in value)
    return _text(value.get("c", []))


@pytest.fixture(scope="module")
def contract(renderer):
    return json.loads(renderer.data(parse_file(CONTRACT)))


def _body(renderer, xml: str):
    tree = parse_bytes(f"<TEI {NS}><text><body>{xml}</body></text></TEI>".encode(), "t.xml")
    return json.loads(renderer.data(tree))["body"]


def test_header_fields(contract):
    meta = contract["meta"]
    assert meta["title"].startswith("Soviet Embassy in North Korea")
    assert meta["author-names"] == ["Yu. Fadeyev", "P. Yakovlev"]
    assert meta["when"] == "1969-06-09" and meta["date"] == "9 June 1969"
    # archive, collection and call number in one line, as tk:archive-line gives them to the site too
    assert meta["archive"].startswith("Archive of Foreign Policy") and meta["archive"].endswith(", fond 0102, opis 25, delo 2")
    assert meta["licence"] == "CC BY-NC 4.0" and meta["licence-url"].startswith("https://creativecommons.org")
    assert meta["citation"].startswith("Soviet Embassy") and meta["funding"].startswith("This document")
    assert meta["lang"] == "en" and meta["marks"] is True


def test_nested_marks_stand_side_by_side(contract):
    marks = {m["id"]: m for m in _nodes(contract["body"], "mark")}
    assert marks["mark-2"]["col"] == 0 and marks["mark-3"]["col"] == 1
    assert marks["mark-3"]["rend"] == "double-line"
    assert marks["mark-4"]["cert"] == "low" and marks["mark-5"]["rend"] == "exclamation"


def test_translator_notes_are_footnotes_descriptions_stay_inline(contract):
    assert len(_nodes(contract["body"], "note")) == 3
    assert {n["type"] for n in _nodes(contract["body"], "note-inline")} == {"stamp", "handwritten"}


def test_opener_stamp_is_boxed_quoted_stamp_is_not(contract):
    stamps = _nodes(contract["body"], "stamp")
    assert [s["boxed"] for s in stamps] == [True, False]


def test_no_space_before_a_footnote_call(renderer):
    body = _body(renderer, '<p>the leaders. <note type="translator">x</note>.</p>')
    assert body[0]["c"][0] == "the leaders."


def test_space_between_inline_elements_is_kept(renderer):
    body = _body(renderer, "<p><cit><quote>“a”</quote> <bibl>(b)</bibl></cit></p>")
    assert _text(body) == "“a” (b)"


def test_layout_whitespace_between_blocks_goes(renderer):
    body = _body(renderer, "<div>\n  <p>one</p>\n  <p>two</p>\n</div>")
    assert body[0]["c"] == [{"k": "p", "c": ["one"]}, {"k": "p", "c": ["two"]}]


def test_choice_keeps_the_source_reading_first(renderer):
    body = _body(renderer, "<p><choice><corr>June</corr><sic>Junes</sic></choice></p>")
    choice = body[0]["c"][0]
    assert choice["c"] == ["Junes"] and choice["alt"] == ["June"] and choice["how"] == "corr"


def test_gap_without_description_is_an_ellipsis(renderer):
    body = _body(renderer, '<p>a <gap reason="omitted"/> <gap><desc>name redacted</desc></gap></p>')
    assert [g["c"] for g in _nodes(body, "gap")] == [["…"], ["name redacted"]]


def test_unknown_element_keeps_text_and_name(renderer):
    body = _body(renderer, "<p><widget>kept</widget></p>")
    assert body[0]["c"] == [{"k": "other", "name": "widget", "c": ["kept"]}]


def test_a_corpus_gives_each_document_under_its_title(renderer):
    head = "<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt></fileDesc></teiHeader>"
    xml = (f"<teiCorpus {NS}>{head.format('All')}"
           f"<TEI>{head.format('First')}<text><body><p>one</p></body></text></TEI>"
           f"<teiCorpus><TEI><text><body><p>two</p></body></text></TEI></teiCorpus></teiCorpus>")
    data = json.loads(renderer.data(parse_bytes(xml.encode(), "corpus.xml")))
    assert data["meta"]["title"] == "All"
    assert data["body"] == [{"k": "head", "type": "main", "level": 0, "c": ["First"]},
                            {"k": "p", "c": ["one"]}, {"k": "p", "c": ["two"]}]
