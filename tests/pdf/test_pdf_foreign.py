"""TEI from other projects: unknown elements keep their text, any script has glyphs."""

from __future__ import annotations

import re

import pytest

from pdf_checks import P5SUBSET, WORD, mapped_characters, need_poppler, words_of_pdf, xmp
from teikit.errors import TeikitError
from teikit.pdf.fonts import noto_dirs
from teikit.xmlparse import parse_bytes, parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"

FOREIGN = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de">
  <teiHeader><fileDesc>
    <titleStmt><title>Ein Brief aus einem anderen Projekt</title></titleStmt>
    <publicationStmt><p>unpublished</p></publicationStmt>
    <sourceDesc><p>born digital</p></sourceDesc>
  </fileDesc></teiHeader>
  <text>
    <front><docTitle><titlePart>Vorwort des Herausgebers</titlePart></docTitle></front>
    <body>
      <div1 type="chapter"><head>Erstes Kapitel</head>
        <p>Ein <unknownThing kind="x">unbekanntes Element</unknownThing> und <seg>ein Segment</seg>
           <ref target="#x">mit Verweis</ref>.</p>
        <list><item>erster Punkt</item><item>zweiter Punkt</item></list>
        <table><row><cell>Zelle eins</cell><cell>Zelle zwei</cell></row></table>
        <lg><l>Über allen Gipfeln</l><l>Ist Ruh’</l></lg>
        <sp><speaker>Faust</speaker><p>Habe nun, ach!</p></sp>
        <p>Scripts: Москва, Ελλάδα, 김일성, 毛泽东, 東京１．, שלום, مرحبا, नमस्ते.</p>
        <p><x:other xmlns:x="urn:example">fremder Namensraum</x:other>
           <note place="foot">Eine Fußnote ohne Typ</note></p>
      </div1>
    </body>
    <back><div><p>Anhang mit <foreign xml:lang="la">lateinischem</foreign> Text</p></div></back>
  </text>
</TEI>"""


def _render(renderer, tree, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(renderer.render(tree, name=name))
    return path


def test_unknown_elements_keep_their_text(renderer, tmp_path):
    need_poppler()
    if not noto_dirs():
        pytest.skip("the Noto fonts are not installed (fonts-noto-core, fonts-noto-cjk; .ci/run installs them): "
                    "Typst's own fonts have no Hangul")
    tree = parse_bytes(FOREIGN.encode(), "foreign.xml")
    path = _render(renderer, tree, tmp_path, "foreign")
    text = " ".join(tree.getroot().find(f"{TEI}text").itertext())
    assert set(WORD.findall(text)) - words_of_pdf(path) == set()
    assert not renderer.warnings


def test_every_script_has_a_glyph(renderer, tmp_path):
    if not noto_dirs():
        pytest.skip("the Noto fonts are not installed (fonts-noto-core, fonts-noto-cjk; .ci/run installs them)")
    tree = parse_bytes(FOREIGN.encode(), "foreign.xml")
    path = _render(renderer, tree, tmp_path, "foreign")
    text = "".join(tree.getroot().itertext())
    missing = set(re.sub(r"\s", "", text)) - mapped_characters(path)
    assert not missing


def test_a_tei_element_other_than_TEI_as_root_renders(renderer, tmp_path):
    need_poppler()
    tree = parse_bytes(b'<div xmlns="http://www.tei-c.org/ns/1.0"><p>Only a <hi>division</hi></p></div>', "div.xml")
    path = _render(renderer, tree, tmp_path, "div")
    assert {"Only", "a", "division"} <= words_of_pdf(path)


def test_a_root_outside_the_tei_namespace_is_refused(renderer):
    tree = parse_bytes(b"<TEI>\n<text><p>Plain XML</p></text></TEI>", "plain.xml")
    with pytest.raises(TeikitError, match=r"plain\.xml:1: not a TEI P5 document"):
        renderer.render(tree, name="plain.xml")


@pytest.fixture(scope="module")
def p5_part():
    """The TEI Guidelines' source, cut to its header, front and the chapter on verse."""
    if not P5SUBSET.is_file():
        pytest.skip("../shared/tei/p5subset.xml is not present")
    tree = parse_file(P5SUBSET)
    text = tree.getroot().find(f"{TEI}text")
    body = text.find(f"{TEI}body")
    for div in list(body):
        if div.get("{http://www.w3.org/XML/1998/namespace}id") != "VE":
            body.remove(div)
    text.remove(text.find(f"{TEI}back"))
    assert len(body) == 1
    return tree


def test_part_of_the_guidelines_renders(renderer, p5_part, tmp_path):
    need_poppler()
    path = _render(renderer, p5_part, tmp_path, "p5subset-part")
    text = " ".join(p5_part.getroot().find(f"{TEI}text").itertext())
    # Latin-script words only: pdftotext splits Japanese and Chinese runs at
    # line ends, where no word boundary is.
    words = {w for w in WORD.findall(text) if w.isascii()}
    assert len(words) > 1000
    # pdftotext cannot rejoin every word hyphenated by the rules of another
    # language (the chapter quotes French, Italian, Spanish), hence not 100 %.
    missing = words - words_of_pdf(path)
    assert len(missing) < len(words) * 0.02, sorted(missing)


@pytest.mark.parametrize("char", ["\ue000", "\U0001F600"], ids=["private-use", "emoji"])
def test_a_character_pdfa_cannot_hold_still_prints_with_a_warning(renderer, char, tmp_path):
    """No font has an emoji here, and PDF/A forbids private-use characters:
    the PDF is still made, without the archival claim, and says why."""
    tree = parse_bytes(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a {char} b</p></body></text></TEI>'
                       .encode(), "odd.xml")
    pdf = renderer.render(tree, name="odd.xml")
    assert pdf.startswith(b"%PDF-")
    assert len(renderer.warnings) == 1
    assert renderer.warnings[0].message.startswith("not archival")
    (tmp_path / "odd.pdf").write_bytes(pdf)
    assert "pdfaid" not in xmp(tmp_path / "odd.pdf")
