"""Helpers of the HTML tests: paths, small TEI documents, reading pages."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teikit.xmlparse import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
SEED_TXT = SHARED / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"
P5SUBSET = SHARED / "tei" / "p5subset.xml"
HOSTILE_HREFS = ROOT / "tests" / "hostile" / "corpus" / "hostile_hrefs.xml"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def words(text: str) -> list[str]:
    """The words of a text (runs of letters and digits), punctuation aside."""
    return re.findall(r"\w+", text)


def chunk_words(element) -> list[str]:
    """The words of each text node under ``element``, element boundaries kept.

    Boundaries matter: "typ<supplied>ed</supplied>" is "typ" + "ed" in the
    TEI and "typ" + "[ed]" in the page; neither side merges them.
    """
    skip = {"script", "style"}
    out: list[str] = []
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag not in skip:
            out.extend(words(node.text or ""))
        if node is not element:  # the element's own tail is outside it
            out.extend(words(node.tail or ""))
    return out


def missing_words(expected_element, page_element) -> list[str]:
    """Words under ``expected_element`` that the page has fewer times."""
    from collections import Counter

    want, have = Counter(chunk_words(expected_element)), Counter(chunk_words(page_element))
    return sorted(w for w, n in want.items() if have[w] < n)


def tei_doc(body: str, title: str = "Sample", lang: str = "en") -> etree._ElementTree:
    """A small TEI document around ``body`` (the content of <body>)."""
    xml = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc>'
        f"<titleStmt><title>{title}</title></titleStmt>"
        "<publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc>"
        f"</fileDesc></teiHeader><text><body>{body}</body></text></TEI>"
    )
    return parse_bytes(xml.encode("utf-8"), "sample.xml")


def with_class(node, cls: str, tag: str = "*") -> list:
    """Descendants of ``node`` whose class list holds ``cls``."""
    return node.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def article(page):
    """The <article> that holds the rendered text."""
    (node,) = with_class(page, "text", "article")
    return node


def body(page):
    """The page's <body>."""
    (node,) = page.xpath("//body")
    return node
