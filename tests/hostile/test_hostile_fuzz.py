"""Property-based fuzzing of the parser and the converter, in bounded time.

The parser, given any bytes or a mutated real document, either parses or
raises TeikitError. The converter, given any text, either raises TeikitError
or returns TEI that is well-formed (the hardened parser reads it back).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hostile_support import CONTRACT, CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.errors import TeikitError
from teikit.xmlparse import Limits, parse_bytes

FUZZ = settings(
    max_examples=100,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,  # nothing written into the checkout
)

SEEDS = [CONTRACT.read_bytes()] + [
    (CORPUS / name).read_bytes()
    for name in ("special_syntax.xml", "hostile_hrefs.xml", "utf16_bom.xml", "billion_laughs.xml", "xinclude.xml")
]
# Fragments that steer mutations towards the parser's interesting corners.
TOKENS = [
    b"<!DOCTYPE TEI [", b'<!ENTITY a "b">', b"<!ENTITY % p SYSTEM 'secret.txt'>", b"%p;", b"&a;", b"]>",
    b"<![CDATA[", b"]]>", b"<?xml version='1.0' encoding='UTF-16'?>", b"<?xml-stylesheet href='x'?>",
    b"<!--", b"-->", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\x1f\x8b", b"&#0;", b"&#x10FFFF;", b"<a>" * 300,
    b'xmlns="http://www.tei-c.org/ns/1.0"', b"<xi:include href='secret.txt'/>", b"\xe9", b"\r\n",
]
SMALL = Limits(max_bytes=1 << 20, max_depth=50, max_text=10_000)


def _parse(data: bytes) -> None:
    for limits in (SMALL, Limits()):
        try:
            tree = parse_bytes(data, "fuzz.xml", limits)
        except TeikitError as err:
            assert err.path == "fuzz.xml"
            assert "\n" not in str(err)
        else:
            assert isinstance(tree, etree._ElementTree)


@FUZZ
@given(st.binary(max_size=4096))
def test_parser_on_random_bytes(data):
    _parse(data)


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "flip", "token"]))
        if action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = draw(st.sampled_from(TOKENS))
    return bytes(data)


@FUZZ
@given(mutated())
def test_parser_on_mutated_documents(data):
    _parse(data)


# -- the converter --------------------------------------------------------------

_PIECES = [
    "[", "]", "[[", "]]", "[…]", "[...]", "[sic]", "[?]", "[signature]", "[is]", "typ[ed]", "[1]",
    "[Translator’s note: the previous sentence was highlighted in the left margin]",
    "[Translator's note: two lines in the margin]", "[handwritten: “", "”]",
    "[CPSU CC stamp: 19373 12 June 1969 Korea]", "[faded USSR MFA stamp: Incoming Nº 01579 12 June 1958]",
    "[redacted]", "[page break]", "[Page 509]", "PTV [Worker’s Party of Vietnam]", "“", "”", "\"", "(",
    ")", "x x x", "I.", "1.", "１．", "(Memo)", "Cde. Kim Il Sung", "Yu. Fadeyev", "No. 17", "12 June 1969",
    "24.X.62", "<", ">", "&", "&amp;", "]]>", "<!--", "#read(\"/etc/passwd\")", "$", "\\", "\u00a0",
    "\u200f", "\u202e", "e\u0301", "\U0001F469\u200D\U0001F4BB", "\uffff", "\ud7ff", "\t", "\n", "\n\n",
    "\r\n", "\r", "\x00", "\x07", "\x1b", "\x7f", "\ufeff", " ", "word", "Korea",
]

texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=40).map("".join)


def _converter():
    convert = pytest.importorskip("teikit.convert")
    if not hasattr(convert, "convert_text"):
        pytest.skip("teikit.convert.convert_text is not available yet")
    return convert.convert_text


@pytest.fixture(scope="module")
def convert_text():
    return _converter()


@FUZZ
@given(text=texts)
def test_converter_raises_only_teikit_errors_and_writes_well_formed_tei(convert_text, text):
    try:
        conversion = convert_text(text, "fuzz.txt")
    except TeikitError as err:
        assert err.path == "fuzz.txt"
        assert "\n" not in str(err)
        return
    data = etree.tostring(conversion.tree, encoding="utf-8", xml_declaration=True)
    parse_bytes(data, "fuzz.xml")  # raises if the TEI is not well-formed
    for warning in conversion.warnings:
        assert isinstance(warning.line, int) and warning.message


@FUZZ
@given(text=texts)
def test_converter_strict_mode_raises_only_teikit_errors(convert_text, text):
    try:
        conversion = convert_text(text, "fuzz.txt", strict=True)
    except TeikitError:
        return
    parse_bytes(etree.tostring(conversion.tree, encoding="utf-8"), "fuzz.xml")


# -- consumers of TEI: any tree the parser accepts ------------------------------


def _parsed(data: bytes):
    try:
        return parse_bytes(data, "fuzz.xml")
    except TeikitError:
        return None


@FUZZ
@given(mutated())
def test_export_of_any_parsed_tree_raises_only_teikit_errors(data):
    export = pytest.importorskip("teikit.export")
    tree = _parsed(data)
    if tree is None:
        return
    try:
        text = export.export_text(tree)
    except TeikitError as err:
        assert "\n" not in str(err)
    else:
        assert isinstance(text, str)


@pytest.fixture(scope="module")
def html_renderer():
    html = pytest.importorskip("teikit.html")
    return html.HtmlRenderer()


@settings(FUZZ, max_examples=40)
@given(data=mutated())
def test_html_of_any_parsed_tree_raises_only_teikit_errors(html_renderer, data):
    tree = _parsed(data)
    if tree is None:
        return
    try:
        page = html_renderer.render(tree, name="fuzz.xml")
    except TeikitError as err:
        assert "\n" not in str(err)
    else:
        assert "<html" in page


# -- typesetting: any text is printed literally ----------------------------------

_SPECIALS = "#$*_@<>[]`~/=+\"\\{}():;,.'&%!?^|"
_ASCII_TEXT = st.text(st.sampled_from(list(_SPECIALS) + list("abcxyz019 ")), min_size=1, max_size=30).filter(
    lambda s: s.strip()
)


def _tei_with(paragraphs: list[str]) -> bytes:
    from hostile_support import TEI_CLOSE, TEI_OPEN

    body = b""
    for text in paragraphs:
        p = etree.Element("p")  # serialized inside <TEI xmlns=…>: in TEI's namespace
        p.text = text
        body += etree.tostring(p) + b"\n"
    return TEI_OPEN + body + TEI_CLOSE


@pytest.fixture(scope="module")
def pdf_renderer():
    pdf = pytest.importorskip("teikit.pdf")
    return pdf.PdfRenderer()


@settings(FUZZ, max_examples=12, deadline=timedelta(seconds=10))
@given(paragraphs=st.lists(_ASCII_TEXT, min_size=1, max_size=3))
def test_pdf_prints_any_special_characters_literally(pdf_renderer, tmp_path_factory, paragraphs):
    from hostile_support import pdf_text

    tree = parse_bytes(_tei_with(paragraphs), "fuzz.xml")
    path = tmp_path_factory.mktemp("pdf") / "fuzz.pdf"
    path.write_bytes(pdf_renderer.render(tree, name="fuzz.xml"))
    # No "-" in the alphabet: any the PDF holds come from hyphenation at line ends.
    squash = re.sub(r"[\s\-\u00ad]+", "", pdf_text(path))
    for text in paragraphs:
        assert "".join(text.split()) in squash, text


# -- links: obfuscated script URLs never become live ------------------------------


@st.composite
def script_urls(draw):
    scheme = draw(st.sampled_from(["javascript", "vbscript", "data"]))
    letters = "".join(c.upper() if draw(st.booleans()) else c for c in scheme)
    spaced = "".join(c + draw(st.sampled_from(["", "", "\t", "\n", "\r"])) for c in letters)
    lead = draw(st.text(st.sampled_from([" ", "\t", "\n", "\u00a0", "\u200b", "\ufeff"]), max_size=3))
    colon = draw(st.sampled_from([":", ":", "&#58;", "&#x3A;"]))
    return lead + spaced + colon + "alert(1)"


def _escape_attr(value: str) -> str:
    """Keep character references (the obfuscation) but escape what XML needs escaped."""
    value = value.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;").replace('"', "&quot;")
    return value.replace("<", "&lt;")


@settings(FUZZ, max_examples=60)
@given(url=script_urls())
def test_html_never_emits_a_live_script_url(html_renderer, url):
    from hostile_support import TEI_CLOSE, TEI_OPEN

    value = _escape_attr(url)
    body = (
        f'<p facs="{value}"><ref target="{value}">link</ref> <ptr target="{value}"/> '
        f'<persName ref="{value}">Name</persName> <figure><graphic url="{value}"/></figure></p>\n'
    )
    tree = parse_bytes(TEI_OPEN + body.encode() + TEI_CLOSE, "fuzz.xml")
    page = html_renderer.render(tree, name="fuzz.xml")
    from lxml import html as lxml_html

    for element in lxml_html.document_fromstring(page).iter():
        if not isinstance(element.tag, str):
            continue
        for attr in ("href", "src", "action", "formaction", "poster", "data"):
            value = element.get(attr)
            if value is None:
                continue
            # What a browser does before looking at the scheme.
            seen = re.sub(r"[\t\n\r]", "", value).lstrip("\x00\x20\u00a0\u200b\ufeff").lower()
            assert not seen.startswith(("javascript:", "vbscript:")), f"{attr}={value!r}"
            # The page may use data: URLs of its own (icons); never the document's.
            assert not (seen.startswith("data:") and "alert(" in seen), f"{attr}={value!r}"
