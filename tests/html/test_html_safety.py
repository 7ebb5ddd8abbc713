"""Safety of the page: escaping, the URL allow-list, nothing loaded from elsewhere."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from html_support import HOSTILE_HREFS, tei_doc
from teikit.errors import TeikitError
from teikit.xmlparse import parse_bytes, parse_file

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " \tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u200bscript:alert(1)",
    "javascript&#58;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "\u00a0javascript:alert(1)",
    "jav\u00adascript:alert(1)",
]
SAFE = {
    "https://example.org/a?b=c#d": "https://example.org/a?b=c#d",
    "HTTP://example.org/": "HTTP://example.org/",
    "register.html#per-x": "register.html#per-x",
    "../other/doc.html": "../other/doc.html",
    "#mark-1": "#mark-1",
    "page.html?x=a:b": "page.html?x=a:b",
    "sub/a:b": "sub/a:b",
}


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace("\t", "&#9;").replace(
        "\n", "&#10;"
    )


def _hrefs(renderer, tree) -> list[str]:
    page = html.document_fromstring(renderer.render(tree))
    return page.xpath("//article//@href | //article//@src")


def _allowed(href: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f\u00a0\u00ad\u200b-\u200f\u2028\u2029\ufeff]", "", href)
    scheme = urlsplit(cleaned).scheme.lower()
    # A scheme ends with a colon: "DATA" or "javascript-notes.html" are relative links.
    return scheme in ("", "http", "https") and not cleaned.lower().startswith(("javascript:", "data:", "vbscript:"))


@pytest.mark.parametrize("url", HOSTILE)
@pytest.mark.parametrize("element", ["ref", "persName", "ptr", "graphic", "licence"])
def test_hostile_urls_are_not_links(renderer, url, element):
    attr = {"ref": "target", "persName": "ref", "ptr": "target", "graphic": "url", "licence": "target"}[element]
    body = f'<p>before <{element} {attr}="{_escape(url)}">words</{element}> after</p>'
    tree = tei_doc(body)
    page = html.document_fromstring(renderer.render(tree, tei_href=url, pdf_href=url, register_href=url))
    hrefs = page.xpath("//@href | //@src | //@action | //@formaction")
    assert all(_allowed(h) for h in hrefs), hrefs
    assert "words" in page.text_content() or element in ("ptr", "graphic")


@pytest.mark.parametrize("url,expected", SAFE.items())
def test_allowed_urls_are_links(renderer, url, expected):
    tree = tei_doc(f'<p><ref target="{_escape(url)}">link</ref></p>')
    assert _hrefs(renderer, tree) == [expected]


def test_the_hostile_corpus_sample(renderer):
    tree = parse_file(HOSTILE_HREFS)
    page_html = renderer.render(tree, name="hostile_hrefs.xml")
    page = html.document_fromstring(page_html)
    assert all(_allowed(h) for h in page.xpath("//@href | //@src")), page.xpath("//@href")
    assert "javascript:" not in page_html.lower().replace("javascript:alert", "")  # only as escaped text
    assert not page.xpath("//article//@*[starts-with(name(), 'on')]")
    for n in range(12):
        assert f"Name {n}" in page.text_content()


def test_markup_in_text_is_escaped(renderer):
    tree = tei_doc(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "
        "&lt;/style&gt;&lt;/script&gt; ]]&gt; &amp;amp;</p>"
        '<p xml:lang="ru" rend="x&quot; onmouseover=&quot;alert(1)">Привет</p>'
    )
    page_html = renderer.render(tree)
    page = html.document_fromstring(page_html)
    assert len(page.xpath("//script")) == 1, "no script element comes from the text"
    assert not page.xpath("//img")
    assert not page.xpath("//@onerror | //@onmouseover")
    assert "<script>alert(1)</script>" in page.text_content()
    assert page.xpath("//p[@lang='ru']")[0].text_content() == "Привет"


def test_page_loads_nothing_from_elsewhere(renderer, contract_tree):
    page = html.document_fromstring(renderer.render(contract_tree))
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //video | //audio | //source")
    assert not page.xpath("//script[@src] | //*[@src] | //@srcset")
    css = page.xpath("//style")[0].text
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert not re.search(r"https?://", page.xpath("//script")[0].text)
    assert not re.search(r"\b(fetch|XMLHttpRequest|import\()", page.xpath("//script")[0].text)


def test_stylesheets_never_read_files():
    from teikit.xslt import XSLT_DIR

    for path in list((XSLT_DIR / "html").glob("*.xsl")) + list((XSLT_DIR / "common").glob("*.xsl")):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("doc(", "document(", "unparsed-text", "collection(", "disable-output-escaping", "json-doc("):
            assert forbidden not in source, f"{path.name} uses {forbidden}"


def test_a_document_that_is_not_tei_is_refused(renderer):
    tree = parse_bytes(b'<TEI xmlns="http://example.org/not-tei"><text/></TEI>', "wrong.xml")
    with pytest.raises(TeikitError) as err:
        renderer.render(tree, name="wrong.xml")
    assert str(err.value).startswith("wrong.xml:1: not a TEI P5 document")
    tree = etree.ElementTree(etree.fromstring("<html/>"))
    with pytest.raises(TeikitError):
        renderer.render(tree)


XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), max_size=60
)


@settings(max_examples=60, deadline=None)
@given(text=XML_TEXT, value=XML_TEXT)
def test_any_text_and_attribute_value_come_through_as_text(renderer, text, value):
    from xml.sax.saxutils import escape, quoteattr

    tree = tei_doc(f"<p>{escape(text)}</p><p><ref target={quoteattr(value)}>x</ref></p>")
    page = html.document_fromstring(renderer.render(tree))
    first = page.xpath("//article//p")[0]
    assert first.text_content() == text
    assert len(first) == 0, "text never becomes markup"
    assert len(page.xpath("//script")) == 1
    for href in page.xpath("//article//@href"):
        assert _allowed(href)
