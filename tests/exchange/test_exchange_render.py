"""Other projects' TEI through html, pdf and text: nothing fails, every word of
<text> arrives, and each common structure has its conventional form."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter

import pytest
from exchange_support import FIXTURES, exchange_files
from lxml import etree, html

from teikit.export import export_text
from teikit.html import HtmlRenderer
from teikit.pdf import PdfRenderer
from teikit.xmlparse import parse_bytes, parse_file

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
#: The share of the words of <text> each output must keep.
COVERAGE = 0.99


@pytest.fixture(scope="module")
def renderers():
    return HtmlRenderer(), PdfRenderer()


@pytest.fixture(scope="module")
def outputs(renderers):
    cache = {}

    def render(name):
        if name not in cache:
            tree = parse_file(FIXTURES / name)
            page = html.document_fromstring(renderers[0].render(tree, name=name))
            data = json.loads(renderers[1].data(tree, name=name))
            cache[name] = tree, page, data, export_text(tree, name)
        return cache[name]

    return render


def _joined(element):
    """A copy of ``element`` where break="no" has joined the words it splits."""
    element = copy.deepcopy(element)
    for brk in element.xpath(".//t:lb[@break='no'] | .//t:pb[@break='no'] | .//t:cb[@break='no']", namespaces=NS):
        tail = (brk.tail or "").lstrip()
        prev, parent = brk.getprevious(), brk.getparent()
        if prev is not None:
            prev.tail = (prev.tail or "").rstrip() + tail
        else:
            parent.text = (parent.text or "").rstrip() + tail
        parent.remove(brk)
    return element


def _words(texts):
    return [w for t in texts for w in re.findall(r"\w+", t)]


def _text_words(tree, reading_text=False):
    """The words of each document's <text>; with ``reading_text``, as a
    reading text has them: an apparatus by its lemma alone."""
    out = []
    for text in tree.getroot().iter(f"{{{TEI}}}text"):
        if text.getparent().tag in (f"{{{TEI}}}TEI",):
            joined = _joined(text)
            if reading_text:
                for app in joined.iter(f"{{{TEI}}}app"):
                    lemma = (app.xpath("t:lem | t:rdgGrp/t:lem", namespaces=NS)
                             or app.xpath("t:rdg | t:rdgGrp/t:rdg", namespaces=NS))[:1]
                    for part in app.xpath("t:lem | t:rdg | t:rdgGrp | t:note | t:wit", namespaces=NS):
                        if part not in lemma:
                            part.getparent().remove(part)
            out += _words(n for n in joined.xpath(".//text()[not(ancestor::t:teiHeader)]", namespaces=NS))
    return out


def _json_strings(nodes):
    for node in nodes:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            yield from _json_strings(node.get("c", ()))
            yield from _json_strings(node.get("alt", ()))


def coverage(expected, got_texts):
    """The share of ``expected`` words the output has; a word the output
    writes joined with its neighbour (an abbreviation and its expansion)
    counts when it stands inside one of the output's words."""
    have = Counter(_words(got_texts))
    flat = "".join(got_texts)
    kept = 0
    for word, n in Counter(expected).items():
        found = min(n, have[word])
        if found < n and word in flat:
            found = n
        kept += found
    return kept / len(expected) if expected else 1.0


@pytest.mark.parametrize("path", exchange_files(), ids=lambda p: p.stem)
def test_every_file_renders_with_every_word_of_its_text(outputs, path):
    tree, page, data, text = outputs(path.name)
    expected = _text_words(tree)
    main = page.xpath("//main")[0]
    page_texts = [t for t in main.xpath(".//text()[not(ancestor::details)]")]
    assert coverage(expected, page_texts) >= COVERAGE
    assert coverage(expected, list(_json_strings(data["body"]))) >= COVERAGE
    # The plain text is a reading text: an apparatus gives its lemma.
    assert coverage(_text_words(tree, reading_text=True), [text]) >= COVERAGE


@pytest.mark.parametrize("path", exchange_files(), ids=lambda p: p.stem)
def test_every_file_typesets(renderers, path):
    pdf = renderers[1].render(parse_file(path), name=path.name)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def _article_text(page):
    article = copy.deepcopy(page.xpath("//article")[0])
    for hidden in article.xpath(".//*[contains(@class, 'visually-hidden') or contains(@class, 'popover')]"):
        hidden.drop_tree()
    return " ".join(article.text_content().split())


def test_apparatus_shows_the_lemma_and_puts_the_readings_in_the_notes(outputs):
    _, page, data, text = outputs("apparatus.xml")
    shown = _article_text(page)
    assert "Whan that Aprill with his shoures soote" in re.sub(r"\s*\d\s*", " ", shown).replace("  ", " ")
    assert "Aprille" not in shown and "bathud" not in shown
    notes = [" ".join(li.xpath("string(.//div[@class='endnote-body'])").split()) for li in page.xpath("//li[@class='endnote']")]
    assert notes[0] == "Aprill El Hg ] Aprille Cp"
    assert notes[2] == "bathed El ] bathud Hg"
    assert notes[3] == "flour ] om. Cp (The line is damaged in Cp.)"
    footnotes = [n for n in _nodes(data["body"]) if n["k"] == "note"]
    assert ["".join(_json_strings(n["c"])) for n in footnotes][0] == "Aprill El Hg ] Aprille Cp"
    assert "Aprille" not in "".join(s for s in _json_strings(_outside_notes(data["body"])))
    assert text.splitlines()[0] == "Whan that Aprill with his shoures soote"


def _nodes(nodes):
    for node in nodes:
        if isinstance(node, dict):
            yield node
            yield from _nodes(node.get("c", ()))


def _outside_notes(nodes):
    return [n if not isinstance(n, dict) else dict(n, c=_outside_notes(n.get("c", ())))
            for n in nodes if not (isinstance(n, dict) and n["k"] == "note")]


@pytest.mark.parametrize("name", ["dta.xml", "epidoc.xml"])
def test_a_break_inside_a_word_joins_it(outputs, name):
    _, page, data, text = outputs(name)
    word = {"dta.xml": "Function", "epidoc.xml": "vixit"}[name]
    assert word in _article_text(page).split()
    strings = "".join(_json_strings(data["body"]))
    assert word in strings.split()
    assert word in text.split()
    if name == "dta.xml":
        assert "besteht" in text.split() and "besteht" in strings.split()


def test_right_to_left_text_and_languages_come_from_the_tei(outputs):
    _, page, data, _ = outputs("hebrew.xml")
    article = page.xpath("//article")[0]
    assert article.get("dir") == "rtl"
    english = page.xpath("//article//p[@lang='en']")[0]
    assert english.get("dir") == "ltr"
    assert data["meta"]["lang"] == "he" and data["meta"]["dir"] == "rtl"
    assert [n for n in _nodes(data["body"]) if n.get("lang") == "en"][0]["dir"] == "ltr"
    # The language given only in langUsage
    _, page, data, _ = outputs("dta.xml")
    assert page.xpath("/html/@lang") == ["de"] and data["meta"]["lang"] == "de"
    assert page.xpath("//article/@dir") == []


def test_the_kicker_says_only_what_the_header_says(outputs, renderers):
    for name in ("drama.xml", "verse.xml", "hebrew.xml"):
        assert outputs(name)[1].xpath("//*[@class='kicker']") == []
    seed = FIXTURES.parents[2] / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
    page = html.document_fromstring(renderers[0].render(parse_file(seed)))
    assert page.xpath("string(//*[@class='kicker'])") == "Documentary edition · English translation"


def test_a_respstmt_with_several_resp_names_the_translator(renderers):
    xml = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title>
      <respStmt><resp>Encoded</resp><resp>proofread</resp><name>Enc</name></respStmt>
      <respStmt><resp>Edited</resp><resp>translated from the German</resp><persName>Tra Nslator</persName></respStmt>
      </titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Words.</p></body></text></TEI>"""
    tree = parse_bytes(xml.encode(), "resp.xml")
    page = html.document_fromstring(renderers[0].render(tree))
    assert page.xpath("string(//dt[.='Translation']/following-sibling::dd)").strip() == "Tra Nslator"
    assert json.loads(renderers[1].data(tree))["meta"]["translator"] == "Tra Nslator"


def test_drama_has_speakers_stage_directions_and_a_cast_list(outputs):
    _, page, data, _ = outputs("drama.xml")
    assert [s.text_content() for s in page.xpath("//article//p[@class='speaker']")] == ["Miranda", "Prospero", "Miranda"]
    assert len(page.xpath("//article//div[@class='sp']")) == 3
    stages = page.xpath("//article//*[contains(@class, 'stage')]")
    assert [s.tag for s in stages] == ["p", "span", "p"]
    assert page.xpath("//article//div[@class='castList']/p[@class='castItem']")
    assert [n["role"] for n in _nodes(data["body"]) if n["k"] == "line" and n["role"] in ("speaker", "stage")] == [
        "stage", "speaker", "speaker", "speaker", "stage"]


def test_verse_keeps_stanzas_heads_and_line_numbers(outputs):
    _, page, _, _ = outputs("verse.xml")
    assert [h.text_content() for h in page.xpath("//article//div[@class='lg']/p[@class='block-head']")] == [
        "The Lamb", "I", "II"]
    assert page.xpath("string(//article//p[contains(@class, 'l-numbered')]/span[@class='l-n'])") == "5"
    assert page.xpath("//article//div[@class='titlePage']//p[contains(@class, 'titlePart-main')]")


def test_manuscript_description_is_a_labelled_record_in_both_outputs(outputs):
    _, page, data, text = outputs("msdesc.xml")
    record = page.xpath("//section[@class='described-sources']//section[@class='msdesc']")[0]
    fields = {dt.text_content(): " ".join(dt.getnext().text_content().split()) for dt in record.iter("dt")}
    assert fields["Support"] == "Parchment"
    assert fields["Extent"] == "ii + 60 leaves 180 × 125 mm (leaf)"
    assert fields["Provenance"] == "Given by a benefactor in 1650."
    lines = ["".join(_json_strings(n["c"])) for n in _nodes(data["body"]) if n.get("role") == "record"]
    assert "Support: Parchment" in lines and "Provenance: Given by a benefactor in 1650." in lines


def test_standoff_and_back_lists_are_readable_entries(outputs):
    _, page, data, text = outputs("standoff.xml")
    entries = page.xpath("//article//section[@class='standoff']//li[contains(@class, 'entity-person')]")
    assert [e.xpath("string(strong)") for e in entries] == ["Mary Wollstonecraft Shelley", "Percy Bysshe Shelley"]
    assert "Born: 1797" in " ".join(entries[0].text_content().split())
    # An entry's note is part of the entry, not a note to the text; the entries follow the text.
    assert page.xpath("//li[@class='endnote']") == [] and not [n for n in _nodes(data["body"]) if n["k"] == "note"]
    assert page.xpath("//article/*[last()]/@class") == ["standoff"]
    assert "Percy Bysshe Shelley" in "".join(_json_strings(data["body"]))
    assert "Mary Wollstonecraft Shelley" in text.splitlines()
    _, page, _, _ = outputs("glossary.xml")
    gloss = page.xpath("//article//dl[contains(@class, 'list-gloss')]")[0]
    assert [dt.text_content() for dt in gloss.iter("dt")] == ["ferry", "ford"]


def test_epidoc_divisions_are_named(outputs):
    _, page, data, _ = outputs("epidoc.xml")
    assert [h.text_content() for h in page.xpath("//article//*[contains(@class, 'div-label')]")] == [
        "Edition", "Apparatus", "Translation", "Commentary", "Bibliography"]
    heads = ["".join(_json_strings(n["c"])) for n in _nodes(data["body"]) if n["k"] == "head"]
    assert heads[:5] == ["Edition", "Apparatus", "Translation", "Commentary", "Bibliography"]


def test_words_stay_apart_at_pauses_spaces_and_sibling_segments(outputs):
    _, page, data, text = outputs("glossary.xml")
    shown = _article_text(page).split()
    for pair in (("came", "across"), ("first", "second"), ("Well", "yes")):
        assert not any(w == "".join(pair) for w in shown)
    assert "we came across the river" in text and "first second half" in text
    strings = "".join(_json_strings(data["body"])).split()
    assert "cameacross" not in strings and "firstsecond" not in strings and "acrossthe" not in strings


def test_figures_put_each_image_on_its_own_line(outputs):
    _, page, _, _ = outputs("glossary.xml")
    lines = page.xpath("//article//figure[2]/span[@class='graphic-line']")
    assert [" ".join(line.text_content().split()) for line in lines] == ["Image: images/a.png", "Image: images/b.png"]


def test_text_exports_a_corpus_document_by_document_and_header_only_content(outputs):
    assert outputs("corpus.xml")[3] == ("First letter\nThe first letter says hello.\n"
                                        "Second letter\nThe second letter says goodbye.\n")
    text = outputs("header-only.xml")[3].splitlines()
    assert text == ["Ada Lovelace", "Mathematician.", "London"]


def test_mathml_is_passed_through_without_scripting_attributes(renderers):
    xml = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>M</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Area <formula notation="MathML"><math xmlns="http://www.w3.org/1998/Math/MathML"
        onclick="alert(1)" href="javascript:alert(1)"><mi mathvariant="italic">r</mi><msup><mi>x</mi><mn>2</mn></msup></math>
      </formula>.</p></body></text></TEI>"""
    out = renderers[0].render(parse_bytes(xml.encode(), "m.xml"))
    math = etree.fromstring(out.encode(), etree.HTMLParser()).xpath("//math")[0]
    assert [e.tag for e in math.iter()] == ["math", "mi", "msup", "mi", "mn"]
    assert "onclick" not in out and "javascript" not in out and 'mathvariant="italic"' in out
