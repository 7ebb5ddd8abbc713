"""The contract sample as a PDF: text, footnotes, fonts, glyphs, archival claim."""

from __future__ import annotations

import re

import pytest


from pdf_checks import (CONTRACT, WORD, mapped_characters, need_poppler, pdffonts, structure_counts, words_of_pdf,
                        xmp)
from teikit.xmlparse import parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def contract_pdf(renderer, tmp_path_factory):
    tree = parse_file(CONTRACT)
    path = tmp_path_factory.mktemp("contract") / "contract.pdf"
    path.write_bytes(renderer.render(tree, name="contract.xml"))
    return tree, path, list(renderer.warnings)


def test_every_word_of_the_text_is_extractable(contract_pdf):
    need_poppler()
    tree, path, _ = contract_pdf
    text = " ".join(tree.getroot().find(f"{TEI}text").itertext())
    missing = set(WORD.findall(text)) - words_of_pdf(path)
    assert not missing


def test_header_fields_are_in_the_title_block(contract_pdf):
    need_poppler()
    _, path, _ = contract_pdf
    words = words_of_pdf(path)
    for field in ("AVPRF", "0102", "Kyungnam", "BY", "Wilson", "translator"):
        assert field in words


def test_each_translator_note_is_a_footnote(contract_pdf):
    tree, path, _ = contract_pdf
    notes = tree.getroot().findall(f".//{TEI}note[@type='translator']")
    assert len(notes) == 3
    assert structure_counts(path)["/Note"] == len(notes)


def test_fonts_are_embedded(contract_pdf):
    need_poppler()
    _, path, _ = contract_pdf
    fonts = pdffonts(path)
    assert fonts
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts


def test_every_character_has_a_glyph(contract_pdf):
    tree, path, warnings = contract_pdf
    text = "".join(tree.getroot().find(f"{TEI}text").itertext())
    assert not warnings
    assert set(re.sub(r"\s", "", text)) - mapped_characters(path) == set()


def test_pdfa_and_pdfua_claims_with_the_header_metadata(contract_pdf):
    _, path, _ = contract_pdf
    meta = xmp(path)
    assert re.search(r"pdfaid:part[>=\"]+2", meta)
    assert re.search(r"pdfaid:conformance[>=\"]+A", meta)
    assert re.search(r"pdfuaid:part[>=\"]+1", meta)
    assert "Concerning Changes in the Views of the Korean Leadership" in meta
    assert "Yu. Fadeyev" in meta and "P. Yakovlev" in meta
    assert "1969-06-09" in meta
    assert "<rdf:li>en</rdf:li>" in meta


def test_pdfinfo_reports_title_and_author(contract_pdf):
    import shutil
    import subprocess

    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo is not installed")
    _, path, _ = contract_pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+Soviet Embassy in North Korea", info, re.M)
    assert re.search(r"^Author:\s+Yu\. Fadeyev, P\. Yakovlev", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
