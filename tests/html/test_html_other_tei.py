"""TEI from other projects: everything renders, unknown elements keep their name."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import html

from html_support import NS, P5SUBSET, article, body, chunk_words, missing_words, tei_doc, with_class
from teikit.xmlparse import parse_file


@pytest.fixture(scope="module")
def p5subset(renderer):
    if not P5SUBSET.is_file():
        pytest.skip("../shared/tei/p5subset.xml is not present")
    tree = parse_file(P5SUBSET)
    return tree, html.document_fromstring(renderer.render(tree, name=P5SUBSET.name))


def test_p5subset_renders_with_all_its_text(p5subset):
    tree, page = p5subset
    assert missing_words(tree.getroot().find("t:text", NS), article(page)) == []
    assert missing_words(tree.getroot().find("t:teiHeader", NS), body(page)) == []


def test_p5subset_examples_show_their_markup(p5subset):
    tree, page = p5subset
    eg = "{http://www.tei-c.org/ns/Examples}egXML"
    # An example of an example is shown inside the outer one.
    examples = [e for e in tree.getroot().iter(eg) if next(e.iterancestors(eg), None) is None]
    shown = with_class(article(page), "tei-egXML")
    assert len(shown) == len(examples) > 1000
    assert any("<note" in pre.text_content() for pre in shown)



def test_examples_are_written_as_markup_without_namespace_declarations(renderer):
    tree = tei_doc(
        '<p>See:</p><eg:egXML xmlns:eg="http://www.tei-c.org/ns/Examples" xmlns:x_y="urn:x">'
        '<p rend="a &amp; &quot;b&quot;">1 &lt; 2 &amp; "xmlns=" is text<lb/><!-- c --><x_y:z>q</x_y:z></p>'
        "</eg:egXML>"
    )
    page = html.document_fromstring(renderer.render(tree))
    (shown,) = with_class(article(page), "tei-egXML")
    assert shown.tag == "pre"
    assert shown.text_content() == (
        '<p rend="a &amp; &quot;b&quot;">1 &lt; 2 &amp; "xmlns=" is text<lb/><!-- c --><x_y:z>q</x_y:z></p>'
    )

def test_p5subset_ids_are_unique(p5subset):
    _, page = p5subset
    ids = Counter(page.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_unknown_elements_keep_their_name_and_text(renderer):
    tree = tei_doc(
        '<p>Before <unknownThing type="x">kept words</unknownThing> after.</p>'
        '<floatingText><body><p>Inner text</p></body></floatingText>'
        '<x:widget xmlns:x="http://example.org/other"><x:part>foreign words</x:part></x:widget>'
        "<spanGrp><span>a span of analysis</span></spanGrp>"
    )
    page = html.document_fromstring(renderer.render(tree))
    text = article(page)
    (thing,) = with_class(text, "tei-unknownThing")
    assert thing.tag == "span" and thing.text_content() == "kept words"
    (floating,) = with_class(text, "tei-floatingText")
    assert floating.tag == "div" and floating.text_content().strip() == "Inner text"
    assert with_class(text, "tei-widget")[0].text_content() == "foreign words"
    assert with_class(text, "tei-part")
    assert with_class(text, "tei-span")[0].text_content() == "a span of analysis"


def test_block_elements_inside_phrases_become_spans(renderer):
    tree = tei_doc(
        '<p>Text<note place="foot"><p>First</p><list><item>one</item></list><table><row><cell>c</cell></row>'
        "</table></note> more.</p>"
    )
    page = html.document_fromstring(renderer.render(tree))
    (p,) = article(page).xpath(".//p")
    # Nothing block-level inside the paragraph (the HTML parser would have cut it).
    assert not p.xpath(".//div | .//p | .//ul | .//table | .//li")
    (entry,) = with_class(page, "endnote", "li")
    assert entry.xpath(".//ul/li")[0].text_content() == "one"
    assert entry.xpath(".//table//td")[0].text_content() == "c"


def test_footnotes_of_other_editions_are_numbered(renderer):
    tree = tei_doc(
        '<p>One<note place="foot" n="a">first</note> two<note>second</note> '
        'three<note place="inline" type="editorial">stays inline</note>.</p>'
    )
    page = html.document_fromstring(renderer.render(tree))
    labels = [b.text_content() for b in with_class(article(page), "note-ref", "button")]
    assert labels == ["Note a", "Note 2"]
    assert with_class(article(page), "note-inline")[0].text_content() == "[stays inline]"


def test_languages_and_ids_carry_over(renderer):
    tree = tei_doc(
        '<p xml:id="p1">English <foreign xml:lang="ru">по-русски</foreign> <seg xml:lang="ko">한국어</seg></p>',
        lang="en-GB",
    )
    page = html.document_fromstring(renderer.render(tree))
    assert page.get("lang") == "en-GB"
    assert page.get_element_by_id("p1").tag == "p"
    assert page.xpath("//i[@lang='ru']")[0].text == "по-русски"
    assert page.xpath("//span[@lang='ko']")[0].text == "한국어"


def test_lists_tables_verse_and_page_breaks(renderer):
    tree = tei_doc(
        '<div><head>Heading</head><list type="ordered"><item>first</item><item>second</item></list>'
        '<table><head>Caption</head><row role="label"><cell>h</cell></row><row><cell>d</cell></row></table>'
        '<lg><l>line one</l><l>line two</l></lg><pb n="2"/><p>after</p></div>'
    )
    page = html.document_fromstring(renderer.render(tree))
    text = article(page)
    assert [li.text for li in text.xpath(".//ol/li")] == ["first", "second"]
    assert text.xpath(".//table/caption")[0].text == "Caption"
    assert text.xpath(".//table//th")[0].text == "h"
    assert [line.text for line in with_class(text, "l")] == ["line one", "line two"]
    assert with_class(text, "pb")[0].text_content() == "[page 2]"
    assert text.xpath(".//h2")[0].text == "Heading"


def test_words_survive_everywhere(renderer):
    tree = tei_doc(
        "<p>typ<supplied>ed</supplied> and <choice><orig>colour</orig><reg>color</reg></choice> "
        "<hi rend='italic bold'>styled</hi> <emph>stressed</emph> <title>A Title</title> "
        "<gap reason='illegible'/> <unclear>maybe</unclear> <date when='1969-06-09'/></p>"
    )
    page = html.document_fromstring(renderer.render(tree))
    text = article(page)
    assert chunk_words(text).count("styled") == 1
    assert text.xpath(".//time")[0].text == "9 June 1969", "an empty date shows its @when"
    assert with_class(text, "gap")[0].text_content() == "[illegible]"
    assert with_class(text, "rend-bold")
